//! The store's integration tests: every test runs on SQLite in a temporary
//! folder, and on PostgreSQL in a schema of its own when
//! `ENTENTE_TEST_POSTGRES_URL` names a database the tests may use.

mod accounts;
mod action_imports;
mod action_lists;
mod action_scopes;
mod actions;
mod audit;
mod changes;
mod consultations;
mod contacts;
mod coordination;
mod coordination_read;
mod credentials;
mod directory;
mod fixtures;
mod implementation;
mod import;
mod joint;
mod load;
mod monitoring;
mod notifications;
mod open;
mod organisation_settings;
mod recommendation_imports;
mod recommendations;
mod scale;
mod schema;
mod search;
mod support;
