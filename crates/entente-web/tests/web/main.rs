//! The web layer's integration tests: the real router over a fresh store
//! (SQLite, and PostgreSQL when configured), served on a free port and
//! requested over HTTP.

mod account;
mod actions_api;
mod actions_pages;
mod alliances;
mod api;
mod app;
mod audit;
mod authorisation;
mod board;
mod brief;
mod consultations;
mod contacts;
mod coordination;
mod directory;
mod exports;
mod fixture;
mod implementation;
mod imports;
mod invitations;
mod joint;
mod notifications;
mod notifications_mail;
mod npm;
mod openapi;
mod org_settings;
mod orgs;
mod page_cache;
mod pages;
mod password;
mod recommendation_imports;
mod recommendations;
mod search;
mod shipped;
mod signals;
mod signin;
mod two_factor;
