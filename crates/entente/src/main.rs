//! The `entente` command: a thin layer over the library crates.

mod allocator;
mod commands;
mod config;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::config::Settings;

/// Entente: coordinate the campaign for the ratification and implementation of OPCAT.
#[derive(Parser)]
#[command(name = "entente", version, about, long_about = None)]
struct Cli {
    #[command(flatten)]
    settings: Settings,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the portal and the API (creates the database and loads the shipped dataset on first start).
    Serve(commands::serve::ServeArgs),
    /// Apply the database migrations and exit.
    Migrate,
    /// Import a UN Treaty Collection status page or the 18-instrument table, or the shared plan's actions, organisations or contacts from a spreadsheet.
    #[command(subcommand)]
    Import(commands::import::ImportCommand),
    /// Work on the project's own dataset under data/.
    #[command(subcommand)]
    Data(commands::data::DataCommand),
    /// Print a state's status under a treaty on a given day.
    Status(commands::status::StatusArgs),
    /// Manage the organisations of the directory.
    #[command(subcommand)]
    Org(commands::org::OrgCommand),
    /// Manage user accounts and their memberships.
    #[command(subcommand)]
    User(commands::user::UserCommand),
    /// Manage users' API tokens.
    #[command(subcommand)]
    Token(commands::token::TokenCommand),
    /// Make a demo coalition (organisations, people, alliances, actions) on top of the real treaty data, or many actions for a benchmark.
    Demo(commands::demo::DemoArgs),
    /// Read the audit log.
    #[command(subcommand)]
    Audit(commands::audit::AuditCommand),
    /// Write the shared plan's actions, organisations or contacts to standard output (CSV, XLSX or JSON).
    Export(commands::export::ExportArgs),
    /// The coordination engine's findings: overlaps, gaps, partners or deadlines (a table, JSON or CSV).
    Analyze(commands::analyze::AnalyzeArgs),
    /// The job queue (the e-mail digests): list what waits or fails, or run a worker.
    #[command(subcommand)]
    Jobs(commands::jobs::JobsCommand),
}

fn main() -> ExitCode {
    allocator::tune();
    let cli = Cli::parse();
    commands::init_logging(&cli.settings.log);
    let result = match cli.command {
        Command::Serve(args) => commands::serve::run(&cli.settings, args),
        Command::Migrate => commands::migrate::run(&cli.settings),
        Command::Import(command) => commands::import::run(&cli.settings, command),
        Command::Data(command) => commands::data::run(command),
        Command::Status(args) => commands::status::run(&cli.settings, args),
        Command::Org(command) => commands::org::run(&cli.settings, command),
        Command::User(command) => commands::user::run(&cli.settings, command),
        Command::Token(command) => commands::token::run(&cli.settings, command),
        Command::Audit(command) => commands::audit::run(&cli.settings, command),
        Command::Demo(args) => commands::demo::run(&cli.settings, args),
        Command::Export(args) => commands::export::run(&cli.settings, args),
        Command::Analyze(args) => commands::analyze::run(&cli.settings, args),
        Command::Jobs(command) => commands::jobs::run(&cli.settings, command),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}
