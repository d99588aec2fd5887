//! The sourced implementation facts of `../shared/data/npm/`: every
//! statement about a state's NPM (`npm_designations_all_sources.csv`), the
//! SPT visits (`spt_visits.csv`), the Art. 17 "substantially overdue" list
//! (`overdue_art17.csv`) and the 2023 list of published SPT reports
//! (`special_fund_eligible_published_reports_2023.csv`).
//!
//! Values are kept as the sources give them. The one derived value, the
//! date at the start of a designation text, keeps its precision and a note
//! saying how it was read; a text that starts with no date gives none.

use chrono::NaiveDate;
use entente_core::implementation::{
    Art17Listing, DatePrecision, NpmStatement, PartialDate, PublishedReport, ReportPublished,
    SptVisitFact,
};
use entente_core::{Iso3, State};

use crate::error::{ImportError, ImportErrorKind};
use crate::names::StateMatcher;
use crate::table::{CsvTable, Row};

const STATEMENT_COLUMNS: [&str; 13] = [
    "state_name",
    "iso3",
    "npm_name",
    "npm_type",
    "npm_type_group",
    "designation_date_or_year",
    "legal_basis",
    "source_url",
    "source_as_of",
    "ratification_date",
    "source_org",
    "notes",
    "is_primary",
];

const VISIT_COLUMNS: [&str; 10] = [
    "state_name",
    "iso3",
    "start_date",
    "end_date",
    "year",
    "visit_type",
    "report_published",
    "source_url",
    "report_published_detail",
    "notes",
];

const ART17_COLUMNS: [&str; 5] = [
    "state_name",
    "iso3",
    "as_of",
    "source_url",
    "later_status_note",
];

const PUBLISHED_COLUMNS: [&str; 5] = [
    "state_name_as_in_source",
    "publication_year_as_listed",
    "category",
    "source_url",
    "as_of",
];

/// The state of a row: its `iso3`, which must be in `states`.
fn state_of(row: &Row<'_>, states: &[State]) -> Result<Iso3, ImportError> {
    let name = row.get("state_name");
    let iso3: Iso3 = row
        .get("iso3")
        .parse()
        .map_err(|e| row.error_named(name, ImportErrorKind::BadValue, "iso3", format!("{e}")))?;
    if !states.iter().any(|s| s.iso3 == iso3) {
        return Err(row.error_named(
            name,
            ImportErrorKind::UnknownName,
            "iso3",
            format!("{iso3} is not in the country table"),
        ));
    }
    Ok(iso3)
}

fn required(row: &Row<'_>, column: &str) -> Result<String, ImportError> {
    let value = row.get(column);
    if value.is_empty() {
        let why = "empty: every fact needs it";
        return Err(match row.get("state_name") {
            "" => row.error(ImportErrorKind::BadValue, column, why),
            name => row.error_named(name, ImportErrorKind::BadValue, column, why),
        });
    }
    Ok(value.to_owned())
}

fn optional_day(row: &Row<'_>, column: &str) -> Result<Option<NaiveDate>, ImportError> {
    let value = row.get(column);
    if value.is_empty() {
        return Ok(None);
    }
    crate::ratifications::iso_date(value)
        .map(Some)
        .map_err(|why| {
            row.error_named(row.get("state_name"), ImportErrorKind::BadDate, column, why)
        })
}

fn optional_partial(row: &Row<'_>, column: &str) -> Result<Option<PartialDate>, ImportError> {
    let value = row.get(column);
    if value.is_empty() {
        return Ok(None);
    }
    PartialDate::parse(value).map(Some).map_err(|why| {
        row.error_named(row.get("state_name"), ImportErrorKind::BadDate, column, why)
    })
}

/// The date at the start of a designation text, with a note saying how it
/// was read. `Ok(None)` when the text does not start with a date.
pub fn designation_date(text: &str) -> Result<Option<(PartialDate, String)>, String> {
    let token = text
        .split(|c: char| c.is_whitespace() || c == ';' || c == '(' || c == ',')
        .next()
        .unwrap_or("");
    let looks_like_a_date = !token.is_empty()
        && token.len() >= 4
        && token[..4].bytes().all(|b| b.is_ascii_digit())
        && token.bytes().all(|b| b.is_ascii_digit() || b == b'-');
    if !looks_like_a_date {
        return Ok(None);
    }
    let date = PartialDate::parse(token)?;
    let precision = match date.precision {
        DatePrecision::Day => "the day",
        DatePrecision::Month => "the month only",
        DatePrecision::Year => "the year only",
    };
    let mut note = format!("read from the start of the source's text, which gives {precision}");
    if text.trim() != token {
        note.push_str("; the rest of the text is the source's own");
    }
    Ok(Some((date, note)))
}

/// `npm_designations_all_sources.csv`: every sourced statement, in the file's order.
pub fn parse_statements(
    bytes: &[u8],
    label: &str,
    states: &[State],
) -> Result<Vec<NpmStatement>, ImportError> {
    let table = CsvTable::parse(bytes, label, &STATEMENT_COLUMNS)?;
    let mut found = Vec::new();
    for row in table.rows() {
        let state = state_of(&row, states)?;
        let name = row.get("state_name");
        let text = row.get("designation_date_or_year");
        let designation = designation_date(text).map_err(|why| {
            row.error_named(
                name,
                ImportErrorKind::BadDate,
                "designation_date_or_year",
                why,
            )
        })?;
        let is_primary = match row.get("is_primary") {
            "1" => true,
            "0" => false,
            other => {
                return Err(row.error_named(
                    name,
                    ImportErrorKind::BadValue,
                    "is_primary",
                    format!("{other:?}: give 1 or 0"),
                ));
            }
        };
        found.push(NpmStatement {
            state,
            npm_name: row.get("npm_name").to_owned(),
            npm_type: row.get("npm_type").to_owned(),
            npm_type_group: row.get("npm_type_group").to_owned(),
            designation_text: text.to_owned(),
            designation: designation.as_ref().map(|(date, _)| *date),
            designation_note: designation.map(|(_, note)| note),
            legal_basis: row.get("legal_basis").to_owned(),
            ratification_date: optional_day(&row, "ratification_date")?,
            source_url: required(&row, "source_url")?,
            source_org: required(&row, "source_org")?,
            source_as_of: row.get("source_as_of").to_owned(),
            notes: row.get("notes").to_owned(),
            is_primary,
        });
    }
    for state in found.iter().map(|s| s.state) {
        let primaries = found
            .iter()
            .filter(|s| s.state == state && s.is_primary)
            .count();
        if primaries > 1 {
            return Err(ImportError::new(
                ImportErrorKind::Duplicate,
                label,
                format!("{state} has {primaries} primary rows; one at most"),
            )
            .field("is_primary"));
        }
    }
    Ok(found)
}

/// `spt_visits.csv`: one row per visit, in the file's order.
pub fn parse_visits(
    bytes: &[u8],
    label: &str,
    states: &[State],
) -> Result<Vec<SptVisitFact>, ImportError> {
    let table = CsvTable::parse(bytes, label, &VISIT_COLUMNS)?;
    let mut found = Vec::new();
    for row in table.rows() {
        let state = state_of(&row, states)?;
        let name = row.get("state_name");
        let start = optional_partial(&row, "start_date")?;
        let end = optional_partial(&row, "end_date")?;
        if let (Some(start), Some(end)) = (start, end) {
            if end.start < start.start {
                return Err(row.error_named(
                    name,
                    ImportErrorKind::BadDate,
                    "end_date",
                    format!("{end} is before the start, {start}"),
                ));
            }
        }
        let year = match row.get("year") {
            "" => None,
            text => Some(
                text.parse::<i32>()
                    .ok()
                    .filter(|y| (1990..=2100).contains(y))
                    .ok_or_else(|| {
                        row.error_named(
                            name,
                            ImportErrorKind::BadValue,
                            "year",
                            format!("{text:?} is not a year"),
                        )
                    })?,
            ),
        };
        if let (Some(start), Some(year)) = (start, year) {
            use chrono::Datelike;
            if start.start.year() != year {
                return Err(row.error_named(
                    name,
                    ImportErrorKind::BadValue,
                    "year",
                    format!("{year} is not the year of the start date {start}"),
                ));
            }
        }
        let report_published: ReportPublished =
            row.get("report_published").parse().map_err(|e| {
                row.error_named(
                    name,
                    ImportErrorKind::BadValue,
                    "report_published",
                    format!("{e}"),
                )
            })?;
        found.push(SptVisitFact {
            state,
            start,
            end,
            year,
            visit_type: row.get("visit_type").to_owned(),
            report_published,
            report_published_detail: row.get("report_published_detail").to_owned(),
            source_url: required(&row, "source_url")?,
            notes: row.get("notes").to_owned(),
        });
    }
    Ok(found)
}

/// `overdue_art17.csv`: the states on the list, in the file's order.
pub fn parse_art17(
    bytes: &[u8],
    label: &str,
    states: &[State],
) -> Result<Vec<Art17Listing>, ImportError> {
    let table = CsvTable::parse(bytes, label, &ART17_COLUMNS)?;
    let mut found: Vec<Art17Listing> = Vec::new();
    for row in table.rows() {
        let state = state_of(&row, states)?;
        if found.iter().any(|l| l.state == state) {
            return Err(row.error_named(
                row.get("state_name"),
                ImportErrorKind::Duplicate,
                "iso3",
                format!("{state} is listed twice"),
            ));
        }
        found.push(Art17Listing {
            state,
            as_of: required(&row, "as_of")?,
            source_url: required(&row, "source_url")?,
            later_status_note: row.get("later_status_note").to_owned(),
        });
    }
    Ok(found)
}

/// `special_fund_eligible_published_reports_2023.csv`: names as the list
/// writes them, matched to states by `matcher`; a name that matches none is an error.
pub fn parse_published_reports(
    bytes: &[u8],
    label: &str,
    matcher: &StateMatcher,
) -> Result<Vec<PublishedReport>, ImportError> {
    let table = CsvTable::parse(bytes, label, &PUBLISHED_COLUMNS)?;
    let mut found: Vec<PublishedReport> = Vec::new();
    for row in table.rows() {
        let name = row.get("state_name_as_in_source");
        let state = matcher.find(name).ok_or_else(|| {
            row.error(
                ImportErrorKind::UnknownName,
                "state_name_as_in_source",
                format!("{name:?} matches no state"),
            )
        })?;
        let category = row.get("category");
        if found
            .iter()
            .any(|r| r.state == state && r.category == category)
        {
            return Err(row.error_named(
                name,
                ImportErrorKind::Duplicate,
                "state_name_as_in_source",
                format!("{state} is listed twice in the category {category:?}"),
            ));
        }
        found.push(PublishedReport {
            state,
            name_in_source: name.to_owned(),
            year_as_listed: row.get("publication_year_as_listed").to_owned(),
            category: category.to_owned(),
            source_url: required(&row, "source_url")?,
            as_of: required(&row, "as_of")?,
        });
    }
    Ok(found)
}

#[cfg(test)]
mod tests;
