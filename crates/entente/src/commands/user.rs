//! `entente user add`: give someone a role in an organisation and a one-time
//! link to set their password.

use anyhow::{Context, bail};
use chrono::{NaiveDateTime, TimeDelta, Utc};
use clap::{Args, Subcommand};
use entente_auth::Secret;
use entente_core::access::{Role, UserId};
use entente_store::{
    AuditAction, AuditEntry, LinkPurpose, NewLink, Organisation, Store, UserAccount,
};

use super::COMMAND_LINE_SCOPE;
use crate::config::Settings;

/// Long enough to reach someone over a weekend, short enough that a
/// forgotten link in a mailbox soon stops working.
const PASSWORD_LINK_VALIDITY: TimeDelta = TimeDelta::hours(72);

#[derive(Subcommand)]
pub enum UserCommand {
    /// Add a user to an organisation (creating the account if needed) and print a link to set their password.
    Add(AddArgs),
}

#[derive(Args)]
pub struct AddArgs {
    /// The user's e-mail address: their sign-in name.
    email: String,
    /// The organisation's short name.
    #[arg(long)]
    org: String,
    /// Their role in it: viewer, editor or admin.
    #[arg(long, value_parser = |s: &str| s.parse::<Role>().map_err(|e| e.to_string()))]
    role: Role,
    /// Their name as other members see it (for a new account; the part of the e-mail before @ by default).
    #[arg(long)]
    name: Option<String>,
    /// Also make them an administrator of the whole instance.
    #[arg(long)]
    site_admin: bool,
}

pub fn run(settings: &Settings, command: UserCommand) -> anyhow::Result<()> {
    match command {
        UserCommand::Add(args) => add(settings, args),
    }
}

fn add(settings: &Settings, args: AddArgs) -> anyhow::Result<()> {
    let store = super::open_store(settings)?;
    let org = store
        .organisation_by_short_name(&COMMAND_LINE_SCOPE, &args.org)?
        .with_context(|| {
            format!(
                "no organisation with the short name {:?} (--org); add it with `entente org add`",
                args.org
            )
        })?;
    let now = Utc::now().naive_utc();
    let account = account(&store, &args, &org)?;
    let user = account.user;
    let grant_site_admin = args.site_admin && !account.site_admin;
    if grant_site_admin {
        store.set_site_admin(user, true)?;
    }
    if !account.member {
        store
            .add_membership(&COMMAND_LINE_SCOPE, user, org.id, args.role)
            .with_context(|| format!("cannot add {} to {}", args.email, org.short_name))?;
    }
    record(&store, &org, &account, grant_site_admin, now)?;
    let stored = store
        .user(user)?
        .with_context(|| format!("the account {} vanished while it was added", args.email))?;
    eprintln!(
        "{} {} is {} of {}{}.",
        if account.created {
            "The new account"
        } else {
            "The account"
        },
        stored.email,
        article(args.role),
        org.short_name,
        if args.site_admin {
            ", and a site administrator"
        } else {
            ""
        }
    );

    offer_password_link(settings, &store, &stored, now)
}

/// Prints a fresh password link, unless the account has its password.
fn offer_password_link(
    settings: &Settings,
    store: &Store,
    account: &UserAccount,
    now: NaiveDateTime,
) -> anyhow::Result<()> {
    if account.password_hash.is_some() {
        // A password link would let whoever holds it take the account over:
        // an account that has its password is not handed one unasked.
        eprintln!("The account has a password already: no link was made.");
        return Ok(());
    }
    let link = password_link(store, account.id, &account.email, now)?;
    eprintln!(
        "Send them this link to set their password; it works once, until {} UTC:",
        (now + PASSWORD_LINK_VALIDITY).format("%Y-%m-%d %H:%M")
    );
    println!(
        "{}",
        settings
            .public_url
            .join(&format!("/set-password/{}", link.as_str()))
    );
    Ok(())
}

/// The account `user add` works on, and what it had already.
struct Account {
    user: UserId,
    created: bool,
    /// A member of the organisation, with the role asked for, already: running
    /// the command again makes a fresh link for someone whose link expired.
    member: bool,
    site_admin: bool,
}

/// The account with this e-mail, or a new one. Refuses before writing
/// anything when the user has another role in the organisation.
fn account(store: &Store, args: &AddArgs, org: &Organisation) -> anyhow::Result<Account> {
    if let Some(existing) = store.user_by_email(&args.email)? {
        let role = store
            .memberships_of(existing.id)?
            .into_iter()
            .find(|m| m.org == org.id)
            .map(|m| m.role);
        if let Some(role) = role.filter(|role| *role != args.role) {
            bail!(
                "{} is {} of {} already; nothing was changed",
                existing.email,
                article(role),
                org.short_name
            );
        }
        if existing.disabled {
            eprintln!("Note: the account {} is disabled.", existing.email);
        }
        return Ok(Account {
            user: existing.id,
            created: false,
            member: role.is_some(),
            site_admin: existing.site_admin,
        });
    }
    let name = match &args.name {
        Some(name) => name.as_str(),
        None => args.email.split('@').next().unwrap_or_default(),
    };
    let user = store
        .create_user(&args.email, name)
        .with_context(|| format!("cannot create the account {}", args.email))?;
    Ok(Account {
        user,
        created: true,
        member: false,
        site_admin: false,
    })
}

/// Logs what changed: the new account, the new membership, the site
/// administrator granted.
fn record(
    store: &Store,
    org: &Organisation,
    account: &Account,
    grant_site_admin: bool,
    now: NaiveDateTime,
) -> anyhow::Result<()> {
    let about_user = |action| AuditEntry {
        record_kind: Some("user".to_owned()),
        record_id: Some(account.user.0),
        ..super::command_line_audit(now, action)
    };
    let mut entries = Vec::new();
    if account.created {
        entries.push(about_user(AuditAction::UserCreated));
    }
    if !account.member {
        entries.push(AuditEntry {
            org: Some(org.id),
            ..about_user(AuditAction::MembershipAdded)
        });
    }
    if grant_site_admin {
        // The log has no action of its own for it: the detail says what was granted.
        entries.push(AuditEntry {
            detail: "cli: made a site administrator".to_owned(),
            ..about_user(AuditAction::MembershipChanged)
        });
    }
    for entry in &entries {
        store
            .append_audit(entry)
            .context("the user was added, but the audit log could not record it")?;
    }
    Ok(())
}

/// Stores a new password link's hash for the account and returns the secret.
fn password_link(
    store: &Store,
    user: UserId,
    email: &str,
    now: NaiveDateTime,
) -> anyhow::Result<Secret> {
    let secret = Secret::generate();
    let hash = secret.hash();
    store
        .create_link(
            &COMMAND_LINE_SCOPE,
            &NewLink {
                token_hash: &hash,
                purpose: LinkPurpose::PasswordSet,
                user: Some(user),
                org: None,
                role: None,
                email,
                now,
                expires_at: now + PASSWORD_LINK_VALIDITY,
            },
        )
        .context("the user was added, but the password link could not be stored; run the command again for a new link")?;
    Ok(secret)
}

fn article(role: Role) -> String {
    match role {
        Role::Admin | Role::Editor => format!("an {role}"),
        Role::Viewer => format!("a {role}"),
    }
}
