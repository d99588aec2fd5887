//! One module per subcommand; each parses its arguments and calls the libraries.

pub mod analyze;
pub mod audit;
pub mod data;
pub mod demo;
pub mod export;
pub mod import;
pub mod import_plan;
pub mod jobs;
pub mod migrate;
pub mod org;
pub mod serve;
pub mod status;
pub mod token;
pub mod user;

use anyhow::Context;
use chrono::NaiveDateTime;
use entente_core::access::{AccessScope, UserId};
use entente_store::{AuditAction, AuditEntry, Store};
use tracing_subscriber::EnvFilter;

use crate::config::Settings;

pub fn init_logging(filter: &str) {
    // The filter was validated when the settings were parsed.
    let filter = EnvFilter::try_new(filter).unwrap_or_else(|_| EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();
}

/// Opens the configured database and brings its schema up to date.
pub fn open_store(settings: &Settings) -> anyhow::Result<Store> {
    let url = settings.database_url();
    if url.expose().starts_with("sqlite") || !url.expose().contains("://") {
        std::fs::create_dir_all(&settings.data_dir).with_context(|| {
            format!(
                "cannot create the data directory {} (ENTENTE_DATA_DIR / --data-dir)",
                settings.data_dir.display()
            )
        })?;
    }
    let store = Store::open(url.expose()).with_context(|| {
        format!("cannot open the database {url} (DATABASE_URL / --database-url)")
    })?;
    let applied = store
        .migrate()
        .context("cannot apply the database migrations")?;
    for name in applied {
        tracing::info!(migration = %name, "applied");
    }
    Ok(store)
}

/// Loads the dataset shipped in the binary into an empty database, and its
/// implementation facts into every database (a database made by an earlier
/// version lacks them; loading the same facts again changes nothing).
pub fn ensure_reference_data(store: &Store) -> anyhow::Result<()> {
    let dataset =
        entente_io::dataset::shipped().context("the dataset shipped in the binary is damaged")?;
    if !store.is_reference_loaded()? {
        let report = store
            .load_reference(&dataset)
            .context("cannot load the shipped dataset")?;
        tracing::info!(inserted = report.inserted, as_of = %dataset.as_of, "loaded the shipped dataset");
    }
    let report = store
        .load_npm_facts(&dataset.npm)
        .context("cannot load the shipped implementation facts")?;
    if !report.changed_nothing() {
        tracing::info!(%report, "loaded the shipped implementation facts");
    }
    Ok(())
}

/// The scope every account command acts with: the site administrator's.
/// Whoever runs the command line holds the database (its file or its URL)
/// and could read it directly, so the access rules have nothing to protect
/// from them. No account stands behind it ([`UserId::NOBODY`]): the audit
/// log and the records it writes name no user.
pub const COMMAND_LINE_SCOPE: AccessScope = AccessScope::SiteAdmin(UserId::NOBODY);

/// What the audit log says for a change made on the command line: no user
/// acted, and the detail names the command line.
pub fn command_line_audit(at: NaiveDateTime, action: AuditAction) -> AuditEntry {
    AuditEntry {
        detail: "cli".to_owned(),
        ..AuditEntry::new(at, action)
    }
}
