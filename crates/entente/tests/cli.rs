//! The `entente` command's integration tests, one binary: the real program
//! run as an administrator runs it, each test on a database of its own
//! (SQLite, and PostgreSQL when `ENTENTE_TEST_POSTGRES_URL` is set).

#[path = "cli/accounts.rs"]
mod accounts;
#[path = "cli/analyze.rs"]
mod analyze;
#[path = "cli/commands.rs"]
mod commands;
#[path = "cli/demo.rs"]
mod demo;
#[path = "cli/import.rs"]
mod import;
#[path = "cli/plan.rs"]
mod plan;
#[path = "cli/recommendations.rs"]
mod recommendations;
#[path = "cli/run.rs"]
mod run;
