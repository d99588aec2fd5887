//! `entente import actions|organisations|contacts|recommendations FILE
//! --org ORG`: a
//! coalition's spreadsheet (CSV or XLSX, its own headers) read into the
//! shared plan. `--dry-run` prints the preview (rows read, the header
//! mapping used, every bad value with its line, field and reason) and
//! writes nothing; a real import writes every row or none, and remembers
//! the organisation's new header mappings for its next file.

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::{Context, bail};
use clap::Args;
use entente_core::State;
use entente_io::plan::{
    ActionRecord, HeaderMapping, MappingSource, RecommendationRecord, RecordKind, RowError, Sheet,
    SheetRow, parse_map_pair, read_actions, read_contacts, read_organisations,
    read_recommendations, read_sheet, resolve_headers,
};
use entente_store::{ImportError, ImportSummary, Organisation, Store};
use indicatif::{ProgressBar, ProgressStyle};

use super::COMMAND_LINE_SCOPE;
use crate::config::Settings;

/// Files of more rows than this show a progress bar (on a terminal).
const LARGE_FILE_ROWS: usize = 2_000;
/// Files larger than this show a spinner while they are parsed.
const LARGE_FILE_BYTES: usize = 4 << 20;
/// Rows read between two updates of the progress bar.
const ROWS_PER_STEP: usize = 5_000;
/// Threads that read the lines of a large file into actions.
const MAX_READING_THREADS: usize = 4;

/// The arguments of the plan imports.
#[derive(Args)]
pub struct PlanImportArgs {
    /// The spreadsheet: CSV (comma, semicolon or tab; UTF-8 or Windows-1252) or XLSX.
    file: PathBuf,
    /// The importing organisation's short name: it leads rows without a lead,
    /// owns the contacts and recommendations, and its header mappings are
    /// remembered.
    #[arg(long)]
    org: String,
    /// Reads a header as a field ("Pays=states"), or ignores its column
    /// ("Notes internes=-"); repeat for several headers.
    #[arg(long = "map", value_name = "HEADER=FIELD", value_parser = parse_map_pair)]
    map: Vec<(String, String)>,
    /// Prints the preview and writes nothing.
    #[arg(long)]
    dry_run: bool,
}

/// What a file's rows became.
enum Records {
    Actions(Vec<ActionRecord>),
    Organisations(Vec<entente_io::plan::OrganisationRecord>),
    Contacts(Vec<entente_io::plan::ContactRecord>),
    Recommendations(Vec<RecommendationRecord>),
}

impl Records {
    fn len(&self) -> usize {
        match self {
            Records::Actions(records) => records.len(),
            Records::Organisations(records) => records.len(),
            Records::Contacts(records) => records.len(),
            Records::Recommendations(records) => records.len(),
        }
    }
}

pub fn run(settings: &Settings, kind: RecordKind, args: PlanImportArgs) -> anyhow::Result<()> {
    let label = args.file.display().to_string();
    let bytes = std::fs::read(&args.file).with_context(|| format!("cannot read {label}"))?;
    let store = super::open_store(settings)?;
    super::ensure_reference_data(&store)?;
    let org = store
        .organisation_by_short_name(&COMMAND_LINE_SCOPE, &args.org)?
        .with_context(|| format!("no organisation has the short name {:?} (--org)", args.org))?;
    let sheet = read_sheet_showing_progress(&bytes, &label)?;
    // A large file is held once, as lines, from here on.
    drop(bytes);
    let remembered = store.import_mapping(&COMMAND_LINE_SCOPE, org.id, kind.code())?;
    let mapping = resolve_headers(kind, &sheet.headers, &remembered, &args.map)
        .map_err(|error| anyhow::anyhow!("{label}: {error}"))?;
    println!(
        "{label}: {} rows of {} for {}",
        sheet.rows.len(),
        kind.code(),
        org.short_name
    );
    print_mapping(&mapping);
    let records = match read_records(sheet, &mapping, &store.states()?) {
        Ok(records) => records,
        Err(errors) => return refuse(&label, &errors),
    };
    if args.dry_run {
        println!(
            "No problem found: {} {} would be imported. Nothing was written (--dry-run).",
            records.len(),
            kind.code()
        );
        return Ok(());
    }
    let summary = match write(&store, &org, &records) {
        Ok(summary) => summary,
        Err(ImportError::Rows(errors)) => return refuse(&label, &errors),
        Err(ImportError::Store(error)) => {
            return Err(error).context(format!("cannot import {label}; nothing was written"));
        }
    };
    store
        .remember_import_mapping(
            &COMMAND_LINE_SCOPE,
            org.id,
            kind.code(),
            &mapping.to_remember,
        )
        .context("the rows were imported, but the header mapping could not be remembered")?;
    println!(
        "Imported {label}: {} {} ({} new, {} updated).",
        records.len(),
        kind.code(),
        summary.inserted,
        summary.updated
    );
    Ok(())
}

/// Each header, the field it fills, and why.
fn print_mapping(mapping: &HeaderMapping) {
    println!("Header mapping:");
    for column in &mapping.columns {
        let source = match column.source {
            MappingSource::Explicit => " (--map)",
            MappingSource::Remembered => " (remembered)",
            MappingSource::Alias | MappingSource::Blank => "",
        };
        let field = column.field.unwrap_or("ignored");
        println!("  {:?} -> {field}{source}", column.header);
    }
}

/// Prints every refused value and fails.
fn refuse(label: &str, errors: &[RowError]) -> anyhow::Result<()> {
    let mut lines: Vec<usize> = errors.iter().map(|error| error.line).collect();
    lines.dedup();
    println!("{} bad values on {} rows:", errors.len(), lines.len());
    for error in errors {
        println!("  {error}");
    }
    bail!(
        "{label}: {} bad values; nothing was written (correct the file, or map its headers with --map \"Header=field\")",
        errors.len()
    )
}

fn read_records(
    sheet: Sheet,
    mapping: &HeaderMapping,
    states: &[State],
) -> Result<Records, Vec<RowError>> {
    match mapping.kind {
        RecordKind::Actions => {
            read_actions_with_progress(sheet, mapping, states).map(Records::Actions)
        }
        RecordKind::Organisations => {
            read_organisations(&sheet, mapping, states).map(Records::Organisations)
        }
        RecordKind::Contacts => read_contacts(&sheet, mapping).map(Records::Contacts),
        RecordKind::Recommendations => {
            read_recommendations(&sheet, mapping, states).map(Records::Recommendations)
        }
    }
}

/// The file's lines, with a spinner on standard error while a large file
/// is parsed (when it is a terminal).
fn read_sheet_showing_progress(bytes: &[u8], label: &str) -> anyhow::Result<Sheet> {
    let spinner = (bytes.len() > LARGE_FILE_BYTES && std::io::stderr().is_terminal()).then(|| {
        let spinner = ProgressBar::new_spinner();
        spinner.set_message(format!("reading {label}"));
        spinner.enable_steady_tick(std::time::Duration::from_millis(120));
        spinner
    });
    let sheet = read_sheet(bytes, label);
    if let Some(spinner) = spinner {
        spinner.finish_and_clear();
    }
    Ok(sheet?)
}

/// A bar on standard error for a large file, when it is a terminal.
fn progress_bar(rows: usize, message: &'static str) -> Option<ProgressBar> {
    if rows < LARGE_FILE_ROWS || !std::io::stderr().is_terminal() {
        return None;
    }
    let style =
        ProgressStyle::with_template("{msg} {wide_bar} {human_pos}/{human_len} rows, {eta} left")
            .unwrap_or_else(|_| ProgressStyle::default_bar());
    let bar = ProgressBar::new(rows as u64).with_style(style);
    bar.set_message(message);
    Some(bar)
}

/// Actions are read in steps, so a large file shows its progress, and in
/// one part of the file per core (a million lines take seconds to read);
/// each line is read on its own, so neither changes anything of the
/// result: the records and the refused values come in file order.
fn read_actions_with_progress(
    sheet: Sheet,
    mapping: &HeaderMapping,
    states: &[State],
) -> Result<Vec<ActionRecord>, Vec<RowError>> {
    let bar = progress_bar(sheet.rows.len(), "reading");
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .min(MAX_READING_THREADS);
    let per_thread = sheet.rows.len().div_ceil(threads).max(ROWS_PER_STEP);
    let headers = sheet.headers;
    let mut lines = sheet.rows.into_iter();
    let parts: Vec<Vec<SheetRow>> = std::iter::from_fn(|| {
        let part: Vec<SheetRow> = lines.by_ref().take(per_thread).collect();
        (!part.is_empty()).then_some(part)
    })
    .collect();
    let read: Vec<(Vec<ActionRecord>, Vec<RowError>)> = std::thread::scope(|scope| {
        let (headers, bar) = (&headers, bar.as_ref());
        let workers: Vec<_> = parts
            .into_iter()
            .map(|part| scope.spawn(move || read_part(headers, part, mapping, states, bar)))
            .collect();
        workers
            .into_iter()
            .map(|worker| {
                worker
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let mut records = Vec::new();
    let mut errors = Vec::new();
    for (mut part_records, mut part_errors) in read {
        records.append(&mut part_records);
        errors.append(&mut part_errors);
    }
    if errors.is_empty() {
        Ok(records)
    } else {
        Err(errors)
    }
}

/// The records and refused values of consecutive lines, read in steps.
fn read_part(
    headers: &[String],
    lines: Vec<SheetRow>,
    mapping: &HeaderMapping,
    states: &[State],
    bar: Option<&ProgressBar>,
) -> (Vec<ActionRecord>, Vec<RowError>) {
    let mut records = Vec::with_capacity(lines.len());
    let mut errors = Vec::new();
    let mut lines = lines.into_iter();
    loop {
        // The lines move into each step, and are freed once read.
        let step = Sheet {
            headers: headers.to_vec(),
            rows: lines.by_ref().take(ROWS_PER_STEP).collect(),
        };
        if step.rows.is_empty() {
            break;
        }
        match read_actions(&step, mapping, states) {
            Ok(mut read) => records.append(&mut read),
            Err(mut refused) => errors.append(&mut refused),
        }
        if let Some(bar) = bar {
            bar.inc(step.rows.len() as u64);
        }
    }
    (records, errors)
}

fn write(
    store: &Store,
    org: &Organisation,
    records: &Records,
) -> Result<ImportSummary, ImportError> {
    match records {
        Records::Actions(actions) => {
            let bar = progress_bar(actions.len(), "writing");
            let summary = store.import_actions(&COMMAND_LINE_SCOPE, org.id, actions, |written| {
                if let Some(bar) = &bar {
                    bar.set_position(written as u64);
                }
            });
            if let Some(bar) = bar {
                bar.finish_and_clear();
            }
            summary
        }
        Records::Organisations(organisations) => {
            store.import_organisations(&COMMAND_LINE_SCOPE, organisations)
        }
        Records::Contacts(contacts) => store.import_contacts(&COMMAND_LINE_SCOPE, org.id, contacts),
        Records::Recommendations(recommendations) => {
            store.import_recommendation_records(&COMMAND_LINE_SCOPE, org.id, recommendations)
        }
    }
}
