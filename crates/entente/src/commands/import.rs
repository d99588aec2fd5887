//! `entente import`: add the treaty events of a UN Treaty Collection status
//! page or of the 18-instrument table to the database, in one transaction;
//! or the shared plan's actions, organisations, contacts and
//! recommendations from a spreadsheet (see [`super::import_plan`]).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use chrono::NaiveDate;
use clap::Subcommand;
use entente_core::TreatyId;
use entente_io::plan::RecordKind;
use entente_io::{ImportBatch, ImportError, ImportErrorKind, imports};
use entente_store::{ImportReport, Store};

use super::import_plan::{self, PlanImportArgs};
use crate::config::{Settings, parse_date};

#[derive(Subcommand)]
pub enum ImportCommand {
    /// A UN Treaty Collection status page (HTML) as saved from treaties.un.org, e.g. the OPCAT page.
    StatusPage {
        /// The saved page.
        file: PathBuf,
        /// The treaty the page describes: opcat, cat, iccpr, ...
        #[arg(long, default_value = "opcat", value_parser = |s: &str| s.parse::<TreatyId>().map_err(|e| e.to_string()))]
        treaty: TreatyId,
        /// The day the page describes (YYYY-MM-DD); by default the day the page prints ("STATUS AS AT").
        #[arg(long, value_parser = parse_date)]
        as_of: Option<NaiveDate>,
    },
    /// The table of the 18 core human rights instruments (CSV). Its OPCAT rows
    /// are skipped: OPCAT comes from its status page.
    Ratifications {
        /// The table.
        file: PathBuf,
        /// The day the table was read from the Treaty Collection (YYYY-MM-DD); today by default.
        #[arg(long, value_parser = parse_date)]
        as_of: Option<NaiveDate>,
    },
    /// Campaign actions of the shared plan from a spreadsheet (CSV or XLSX).
    Actions(PlanImportArgs),
    /// Directory entries of organisations from a spreadsheet (CSV or XLSX).
    Organisations(PlanImportArgs),
    /// An organisation's contacts from a spreadsheet (CSV or XLSX).
    Contacts(PlanImportArgs),
    /// Recommendations of monitoring bodies (SPT, CAT, UPR, ...) the
    /// organisation follows, from a spreadsheet (CSV or XLSX).
    Recommendations(PlanImportArgs),
}

pub fn run(settings: &Settings, command: ImportCommand) -> anyhow::Result<()> {
    match command {
        ImportCommand::StatusPage {
            file,
            treaty,
            as_of,
        } => {
            let (bytes, label) = read(&file)?;
            let store = open(settings)?;
            let Some(treaty) = store.treaty(&treaty)? else {
                let known: Vec<String> = store
                    .treaties()?
                    .into_iter()
                    .map(|t| t.id.to_string())
                    .collect();
                bail!(
                    "no treaty {treaty} (--treaty); known treaties: {}",
                    known.join(", ")
                )
            };
            let batch = imports::status_page(&bytes, &label, &treaty, &store.states()?, as_of)
                .map_err(with_as_of_hint)?;
            let what = format!("the status page of {} ({})", treaty.id, treaty.mtdsg_no);
            store_batch(&store, &label, &what, &batch)
        }
        ImportCommand::Ratifications { file, as_of } => {
            let (bytes, label) = read(&file)?;
            let store = open(settings)?;
            let as_of = as_of.unwrap_or_else(|| chrono::Local::now().date_naive());
            let batch = imports::ratifications(&bytes, &label, &store.states()?, as_of)?;
            store_batch(&store, &label, "the 18-instrument table", &batch)
        }
        ImportCommand::Actions(args) => import_plan::run(settings, RecordKind::Actions, args),
        ImportCommand::Organisations(args) => {
            import_plan::run(settings, RecordKind::Organisations, args)
        }
        ImportCommand::Contacts(args) => import_plan::run(settings, RecordKind::Contacts, args),
        ImportCommand::Recommendations(args) => {
            import_plan::run(settings, RecordKind::Recommendations, args)
        }
    }
}

/// The file's bytes and the name its errors go by.
fn read(file: &Path) -> anyhow::Result<(Vec<u8>, String)> {
    let label = file.display().to_string();
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {label}"))?;
    Ok((bytes, label))
}

fn open(settings: &Settings) -> anyhow::Result<Store> {
    let store = super::open_store(settings)?;
    super::ensure_reference_data(&store)?;
    Ok(store)
}

/// A page that does not say which day it describes needs the flag that does.
fn with_as_of_hint(error: ImportError) -> anyhow::Error {
    let missing_day = error.kind == ImportErrorKind::MissingColumn
        && error.field.as_deref() == Some("STATUS AS AT");
    let hint = missing_day.then_some(" (give it with --as-of YYYY-MM-DD)");
    anyhow::anyhow!("{error}{}", hint.unwrap_or(""))
}

fn store_batch(store: &Store, label: &str, what: &str, batch: &ImportBatch) -> anyhow::Result<()> {
    let report = store
        .import_events(&batch.sources, &batch.events)
        .with_context(|| format!("cannot store the events of {label}; nothing was written"))?;
    print_summary(label, what, batch, &report);
    Ok(())
}

fn print_summary(label: &str, what: &str, batch: &ImportBatch, report: &ImportReport) {
    let sources = match batch.sources.len() {
        1 => "1 source".to_owned(),
        n => format!("{n} sources"),
    };
    println!(
        "Imported {label}, {what} as of {}: {} events citing {sources}.",
        batch.as_of,
        batch.events.len(),
    );
    println!("  stored rows (events and sources): {report}");
    if report.changed_nothing() {
        println!("  nothing changed: the database already held all of it");
    }
    if batch.skipped.is_empty() {
        return;
    }
    println!("  skipped: {}", batch.skipped.len());
    let mut by_reason: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for row in &batch.skipped {
        let names = by_reason.entry(row.reason.as_str()).or_default();
        if !names.contains(&row.name.as_str()) {
            names.push(&row.name);
        }
    }
    for (reason, names) in by_reason {
        println!("    {}: {reason}", listed(&names));
    }
}

/// A few names, then how many more.
fn listed(names: &[&str]) -> String {
    const SHOWN: usize = 6;
    match names.len().checked_sub(SHOWN) {
        Some(more) if more > 0 => format!("{} and {more} more", names[..SHOWN].join(", ")),
        _ => names.join(", "),
    }
}
