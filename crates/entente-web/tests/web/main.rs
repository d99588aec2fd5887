//! The web layer's integration tests: the real router over a fresh SQLite
//! store, served on a free port and requested over HTTP.

mod api;
mod app;
mod fixture;
mod openapi;
mod pages;
mod shipped;
