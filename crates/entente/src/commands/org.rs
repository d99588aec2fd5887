//! `entente org add`: put an organisation in the directory, so users can join it.

use anyhow::Context;
use chrono::Utc;
use clap::{Args, Subcommand};
use entente_core::access::{OrgKind, Visibility};
use entente_core::plan::{Level, Sector};
use entente_core::{Iso3, RegionalGroup};
use entente_store::{Area, AuditAction, AuditEntry, NewOrganisation, OrganisationProfile};

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
    /// Where it works: international, regional or national.
    #[arg(long, default_value = "national", value_parser = |s: &str| s.parse::<Level>().map_err(|e| e.to_string()))]
    level: Level,
    /// A field of its work (repeat for several): torture_prevention, human_rights, legal,
    /// health, detention, children, women, disability, migration or other.
    #[arg(long = "sector", value_parser = |s: &str| s.parse::<Sector>().map_err(|e| e.to_string()))]
    sectors: Vec<Sector>,
    /// A state it works in, by ISO 3166-1 alpha-3 code (repeat for several).
    #[arg(long = "state", value_parser = |s: &str| s.parse::<Iso3>().map_err(|e| e.to_string()))]
    states: Vec<Iso3>,
    /// A UN regional group it works in as a whole (repeat for several): african,
    /// asia_pacific, eastern_european, grulac or weog.
    #[arg(long = "region", value_parser = |s: &str| s.parse::<RegionalGroup>())]
    regions: Vec<RegionalGroup>,
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
        profile: OrganisationProfile {
            level: args.level,
            sectors: args.sectors,
            area: Area {
                states: args.states,
                regions: args.regions,
            },
        },
    };
    if !new.profile.area.states.is_empty() {
        // The states are checked against the reference data.
        super::ensure_reference_data(&store)?;
    }
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
