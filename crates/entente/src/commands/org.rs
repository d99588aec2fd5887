//! `entente org add`: put an organisation in the directory, so users can join it.

use anyhow::Context;
use chrono::Utc;
use clap::{Args, Subcommand};
use entente_core::access::{OrgKind, Visibility};
use entente_store::{AuditAction, AuditEntry, NewOrganisation, OrganisationProfile};

use crate::config::Settings;

#[derive(Subcommand)]
pub enum OrgCommand {
    /// Add an organisation to the directory.
    Add(AddArgs),
}

#[derive(Args)]
pub struct AddArgs {
    /// Its short name: lower-case letters, digits and '-', unique on the instance (e.g. apt-geneva).
    short_name: String,
    /// Its full name.
    #[arg(long)]
    name: String,
    /// What it is: government_body, parliament, nhri, national_ngo, international_ngo,
    /// regional_body, un_body, professional_association, academia, media, donor,
    /// supportive_state or other.
    #[arg(long, value_parser = |s: &str| s.parse::<OrgKind>().map_err(|e| e.to_string()))]
    kind: OrgKind,
    /// Its website, an http:// or https:// address.
    #[arg(long)]
    website: Option<String>,
    /// Who sees its directory entry: private (its members), alliance (also its alliances) or public.
    #[arg(long, default_value = "private", value_parser = |s: &str| s.parse::<Visibility>().map_err(|e| e.to_string()))]
    visibility: Visibility,
}

pub fn run(settings: &Settings, command: OrgCommand) -> anyhow::Result<()> {
    match command {
        OrgCommand::Add(args) => add(settings, args),
    }
}

fn add(settings: &Settings, args: AddArgs) -> anyhow::Result<()> {
    let store = super::open_store(settings)?;
    let new = NewOrganisation {
        short_name: args.short_name,
        name: args.name,
        kind: args.kind,
        website: args.website,
        description: None,
        visibility: args.visibility,
        profile: OrganisationProfile::default(),
    };
    let id = store
        .create_organisation(&new)
        .with_context(|| format!("cannot add the organisation {}", new.short_name))?;
    store
        .append_audit(&AuditEntry {
            org: Some(id),
            record_kind: Some("organisation".to_owned()),
            record_id: Some(id.0),
            ..super::command_line_audit(Utc::now().naive_utc(), AuditAction::OrganisationCreated)
        })
        .context("the organisation was added, but the audit log could not record it")?;
    println!(
        "Added the organisation {} ({}, {}, {}).",
        new.short_name,
        new.name.trim(),
        new.kind,
        new.visibility
    );
    Ok(())
}
