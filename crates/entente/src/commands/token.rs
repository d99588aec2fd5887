//! `entente token create`: an API token for a user, printed once.

use anyhow::{Context, bail};
use chrono::Utc;
use clap::{Args, Subcommand};
use entente_auth::Secret;
use entente_core::access::TokenScope;
use entente_store::{AuditAction, AuditEntry};

use crate::config::Settings;

#[derive(Subcommand)]
pub enum TokenCommand {
    /// Create an API token for a user; it is printed once and stored only as a hash.
    Create(CreateArgs),
}

#[derive(Args)]
pub struct CreateArgs {
    /// The e-mail of the user the token acts for.
    email: String,
    /// A name that says where the token is used, shown in the user's token list.
    #[arg(long, default_value = "cli")]
    name: String,
    /// The token only reads, whatever the user's roles.
    #[arg(long)]
    read_only: bool,
}

pub fn run(settings: &Settings, command: TokenCommand) -> anyhow::Result<()> {
    match command {
        TokenCommand::Create(args) => create(settings, args),
    }
}

fn create(settings: &Settings, args: CreateArgs) -> anyhow::Result<()> {
    let store = super::open_store(settings)?;
    let Some(user) = store.user_by_email(&args.email)? else {
        bail!(
            "no account with the e-mail {:?}; add it with `entente user add`",
            args.email
        )
    };
    if user.disabled {
        bail!(
            "the account {} is disabled: a token would not work",
            user.email
        );
    }
    let scope = if args.read_only {
        TokenScope::Read
    } else {
        TokenScope::ReadWrite
    };
    let now = Utc::now().naive_utc();
    let token = Secret::generate_api_token();
    let id = store
        .create_api_token(user.id, &args.name, &token.hash(), scope, now)
        .with_context(|| format!("cannot create a token for {}", user.email))?;
    store
        .append_audit(&AuditEntry {
            record_kind: Some("api_token".to_owned()),
            record_id: Some(id),
            ..super::command_line_audit(now, AuditAction::TokenCreated)
        })
        .context("the token was created, but the audit log could not record it")?;
    eprintln!(
        "A {scope} token {:?} for {}; it is shown this once, keep it secret:",
        args.name.trim(),
        user.email
    );
    println!("{}", token.as_str());
    Ok(())
}
