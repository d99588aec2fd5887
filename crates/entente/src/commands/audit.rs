//! `entente audit export`: the whole audit log on standard output, as JSON
//! lines or CSV.

use std::io::{self, Write};

use anyhow::Context;
use chrono::Utc;
use clap::{Args, Subcommand, ValueEnum};
use entente_store::{AuditAction, AuditLine};
use serde_json::json;

use crate::config::Settings;

#[derive(Subcommand)]
pub enum AuditCommand {
    /// Write every audit entry, oldest first, to standard output.
    Export(ExportArgs),
}

#[derive(Args)]
pub struct ExportArgs {
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// One JSON object a line.
    Jsonl,
    /// A header row, then one row an entry; safe to open in a spreadsheet.
    Csv,
}

const COLUMNS: [&str; 9] = [
    "id",
    "at",
    "actor_user",
    "actor_org",
    "org",
    "action",
    "record_kind",
    "record_id",
    "detail",
];

pub fn run(settings: &Settings, command: AuditCommand) -> anyhow::Result<()> {
    match command {
        AuditCommand::Export(args) => export(settings, &args),
    }
}

fn export(settings: &Settings, args: &ExportArgs) -> anyhow::Result<()> {
    let store = super::open_store(settings)?;
    // Every export is logged, this one too, before anything leaves the database.
    store
        .append_audit(&super::command_line_audit(
            Utc::now().naive_utc(),
            AuditAction::Export,
        ))
        .context("cannot record the export in the audit log, so nothing was exported")?;
    // The command line reads as the site administrator (see COMMAND_LINE_SCOPE): the whole log.
    let lines = store.audit_export_as_site_admin()?;
    let out = io::stdout().lock();
    match args.format {
        Format::Jsonl => write_jsonl(out, &lines),
        Format::Csv => write_csv(out, &lines),
    }
    .context("cannot write the audit log to standard output")
}

/// The cells of one entry, in the order of [`COLUMNS`]; absent values are empty.
fn cells(line: &AuditLine) -> [String; 9] {
    let entry = &line.entry;
    let optional = |value: Option<i64>| value.map(|v| v.to_string()).unwrap_or_default();
    [
        line.id.to_string(),
        timestamp(line),
        optional(entry.actor_user.map(|u| u.0)),
        optional(entry.actor_org.map(|o| o.0)),
        optional(entry.org.map(|o| o.0)),
        entry.action.code().to_owned(),
        entry.record_kind.clone().unwrap_or_default(),
        optional(entry.record_id),
        entry.detail.clone(),
    ]
}

/// RFC 3339 in UTC, as the log stores UTC.
fn timestamp(line: &AuditLine) -> String {
    line.entry.at.format("%Y-%m-%dT%H:%M:%S%.fZ").to_string()
}

fn write_jsonl(mut out: impl Write, lines: &[AuditLine]) -> anyhow::Result<()> {
    for line in lines {
        let entry = &line.entry;
        let object = json!({
            "id": line.id,
            "at": timestamp(line),
            "actor_user": entry.actor_user,
            "actor_org": entry.actor_org,
            "org": entry.org,
            "action": entry.action.code(),
            "record_kind": entry.record_kind,
            "record_id": entry.record_id,
            "detail": entry.detail,
        });
        writeln!(out, "{object}")?;
    }
    out.flush()?;
    Ok(())
}

fn write_csv(out: impl Write, lines: &[AuditLine]) -> anyhow::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(COLUMNS)?;
    for line in lines {
        writer.write_record(cells(line).iter().map(|cell| neutralise_formula(cell)))?;
    }
    writer.flush()?;
    Ok(())
}

/// A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (or a tab
/// or carriage return before one) as a formula: a detail typed by a user
/// could then run on the reader's machine. A leading `'` makes it text.
fn neutralise_formula(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use entente_core::access::{OrgId, UserId};
    use entente_store::AuditEntry;

    use super::*;

    fn line(detail: &str) -> AuditLine {
        let at = NaiveDate::from_ymd_opt(2026, 3, 1)
            .and_then(|d| d.and_hms_micro_opt(9, 30, 0, 250))
            .expect("a valid time");
        AuditLine {
            id: 7,
            entry: AuditEntry {
                actor_user: Some(UserId(3)),
                org: Some(OrgId(2)),
                record_kind: Some("contact".to_owned()),
                record_id: Some(11),
                detail: detail.to_owned(),
                ..AuditEntry::new(at, AuditAction::RecordUpdated)
            },
        }
    }

    #[test]
    fn formulas_become_text_and_other_cells_stay() {
        for formula in ["=1+1", "+1", "-2", "@SUM(A1)", "\t=1", "\r=1"] {
            assert_eq!(neutralise_formula(formula), format!("'{formula}"));
        }
        for text in ["cli", "", "1-2", "a=b", "'quoted"] {
            assert_eq!(neutralise_formula(text), text);
        }
    }

    #[test]
    fn csv_quotes_and_neutralises() {
        let mut out = Vec::new();
        write_csv(&mut out, &[line("=HYPERLINK(\"http://x\",\"a, b\")")]).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "id,at,actor_user,actor_org,org,action,record_kind,record_id,detail\n\
             7,2026-03-01T09:30:00.000250Z,3,,2,record_updated,contact,11,\
             \"'=HYPERLINK(\"\"http://x\"\",\"\"a, b\"\")\"\n"
        );
    }

    #[test]
    fn jsonl_has_one_object_a_line_with_nulls_for_absent_values() {
        let mut out = Vec::new();
        write_jsonl(&mut out, &[line("first"), line("second\nline")]).unwrap();
        let text = String::from_utf8(out).unwrap();
        let objects: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(objects.len(), 2);
        assert_eq!(objects[0]["at"], "2026-03-01T09:30:00.000250Z");
        assert_eq!(objects[0]["actor_user"], 3);
        assert!(objects[0]["actor_org"].is_null());
        assert_eq!(objects[0]["action"], "record_updated");
        assert_eq!(objects[1]["detail"], "second\nline");
    }
}
