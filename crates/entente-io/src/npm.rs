//! The compiled table of National Preventive Mechanism designations (one
//! primary row per OPCAT state party, each with its source URL).
//!
//! The designation column is free text ("2013 (law in force Jan 2013);
//! Committee established 2018"). Only a date at its start is read: a full
//! date as is, a month or a bare year as the last day of that period (the
//! latest day the designation can have happened, so a deadline is never
//! shown as met too early), with a note saying so. When the source names an
//! NPM but gives no date that can be read ("operational November 2014", or
//! nothing), the only sure bound is that the NPM existed when the page was
//! read: the designation is dated on that day and the note says so. A state
//! whose source names no NPM is a gap to report, never a guess.

use chrono::{Datelike, NaiveDate};
use entente_core::{Iso3, State};

use crate::error::{ImportError, ImportErrorKind};
use crate::table::{CsvTable, Row};

const COLUMNS: [&str; 6] = [
    "state_name",
    "iso3",
    "npm_name",
    "designation_date_or_year",
    "source_url",
    "source_as_of",
];

/// How much of the date the source gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    Day,
    Month,
    Year,
    /// No usable date: the day the source was read, when the NPM is known to exist.
    ReadOn,
}

/// A row with a readable designation date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NpmDesignation {
    pub state: Iso3,
    pub date: NaiveDate,
    pub precision: Precision,
    pub npm_name: String,
    /// The designation cell as the source has it.
    pub source_text: String,
    pub source_url: String,
    pub source_org: String,
    /// How current the source is, in the compiler's words ("current APT knowledge hub (undated)").
    pub source_as_of: String,
    /// "row 5 (Albania)", for messages.
    pub location: String,
}

/// A state party for which the table gives no designation date Entente can use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NpmGap {
    pub state: Iso3,
    pub location: String,
    pub reason: String,
    pub source_url: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NpmTable {
    pub designations: Vec<NpmDesignation>,
    pub gaps: Vec<NpmGap>,
}

/// Reads the table; every `iso3` must be one of `states`. `read_on` is the day
/// the cited pages were read: the latest day an undated designation can have happened.
pub fn parse(
    bytes: &[u8],
    label: &str,
    states: &[State],
    read_on: NaiveDate,
) -> Result<NpmTable, ImportError> {
    let table = CsvTable::parse(bytes, label, &COLUMNS)?;
    let mut found = NpmTable::default();
    let mut seen: Vec<(Iso3, String)> = Vec::new();
    for row in table.rows() {
        let name = row.get("state_name");
        let state: Iso3 = row.get("iso3").parse().map_err(|e| {
            row.error_named(name, ImportErrorKind::BadValue, "iso3", format!("{e}"))
        })?;
        if !states.iter().any(|s| s.iso3 == state) {
            return Err(row.error_named(
                name,
                ImportErrorKind::UnknownName,
                "iso3",
                format!("{state} is not in the country table"),
            ));
        }
        if let Some((_, earlier)) = seen.iter().find(|(s, _)| *s == state) {
            return Err(row.error_named(
                name,
                ImportErrorKind::Duplicate,
                "iso3",
                format!("{state} already has its primary row at {earlier}"),
            ));
        }
        seen.push((state, row.location()));
        match designation_of(&row, state, read_on)? {
            Ok(designation) => found.designations.push(designation),
            Err(reason) => found.gaps.push(NpmGap {
                state,
                location: format!("{} ({name})", row.location()),
                reason,
                source_url: row.get("source_url").to_owned(),
            }),
        }
    }
    Ok(found)
}

/// `Ok(Ok(_))` a designation, `Ok(Err(reason))` a gap, `Err(_)` a damaged row.
fn designation_of(
    row: &Row<'_>,
    state: Iso3,
    read_on: NaiveDate,
) -> Result<Result<NpmDesignation, String>, ImportError> {
    let npm_name = row.get("npm_name");
    let cell = row.get("designation_date_or_year");
    if npm_name.is_empty() {
        return Ok(Err(
            "the source names no NPM and gives no designation date".to_owned()
        ));
    }
    if has_no_npm(npm_name) {
        return Ok(Err(format!("no NPM according to the source: {npm_name:?}")));
    }
    let (date, precision) = leading_date(cell)
        .map_err(|why| row.error(ImportErrorKind::BadDate, "designation_date_or_year", why))?
        .unwrap_or((read_on, Precision::ReadOn));
    if row.get("source_url").is_empty() {
        return Err(row.error(
            ImportErrorKind::BadValue,
            "source_url",
            "a designation without a source",
        ));
    }
    Ok(Ok(NpmDesignation {
        state,
        date,
        precision,
        npm_name: npm_name.to_owned(),
        source_text: cell.to_owned(),
        source_url: row.get("source_url").to_owned(),
        source_org: row.get("source_org").to_owned(),
        source_as_of: row.get("source_as_of").to_owned(),
        location: format!("{} ({})", row.location(), row.get("state_name")),
    }))
}

fn has_no_npm(npm_name: &str) -> bool {
    let lower = npm_name.to_lowercase();
    lower.starts_with("no npm")
        || lower.starts_with("under consideration")
        || lower.starts_with("no opcat-compliant npm")
}

/// The date at the start of `cell`: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, ended
/// by the end of the text, a blank, `;` or `(`. `Ok(None)` when the cell does
/// not start with one; an error when it does but names no real day.
pub fn leading_date(cell: &str) -> Result<Option<(NaiveDate, Precision)>, String> {
    let token = cell
        .split(|c: char| c.is_whitespace() || c == ';' || c == '(')
        .next()
        .unwrap_or("");
    let parts: Vec<&str> = token.split('-').collect();
    let numeric =
        |part: &&str, len: usize| part.len() == len && part.bytes().all(|b| b.is_ascii_digit());
    let ok_shape = match parts.as_slice() {
        [y] => numeric(y, 4),
        [y, m] => numeric(y, 4) && numeric(m, 2),
        [y, m, d] => numeric(y, 4) && numeric(m, 2) && numeric(d, 2),
        _ => false,
    };
    if !ok_shape {
        return Ok(None);
    }
    let number = |i: usize| parts.get(i).and_then(|p| p.parse::<u32>().ok());
    let year = parts[0]
        .parse::<i32>()
        .map_err(|_| format!("{token:?} is not a year"))?;
    let no_such_day = || format!("{token:?} is not a date: no such day");
    match (number(1), number(2)) {
        (None, _) => NaiveDate::from_ymd_opt(year, 12, 31)
            .map(|d| Some((d, Precision::Year)))
            .ok_or_else(no_such_day),
        (Some(month), None) => last_day_of_month(year, month)
            .map(|d| Some((d, Precision::Month)))
            .ok_or_else(no_such_day),
        (Some(month), Some(day)) => NaiveDate::from_ymd_opt(year, month, day)
            .map(|d| Some((d, Precision::Day)))
            .ok_or_else(no_such_day),
    }
}

fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    next.pred_opt().filter(|d| d.month() == first.month())
}

impl NpmDesignation {
    /// The event note: the NPM's name, how the date was obtained when the
    /// source gives less than a day, and the source's own words when they say more.
    pub fn note(&self) -> String {
        let mut parts = vec![self.npm_name.clone()];
        match self.precision {
            Precision::Day => {}
            Precision::Month => parts.push(
                "month only in the source; its last day used as the latest possible day".to_owned(),
            ),
            Precision::Year => parts.push(
                "year only in the source; 31 December used as the latest possible day".to_owned(),
            ),
            Precision::ReadOn => parts.push(
                "no usable date in the source; dated on the day the source was read, the latest possible day"
                    .to_owned(),
            ),
        }
        let date_alone = match self.precision {
            Precision::Day => self.date.format("%Y-%m-%d").to_string(),
            Precision::Month => self.date.format("%Y-%m").to_string(),
            Precision::Year => self.date.format("%Y").to_string(),
            Precision::ReadOn => String::new(),
        };
        if !self.source_text.is_empty() && self.source_text != date_alone {
            parts.push(format!("the source says: {}", self.source_text));
        }
        if !self.source_as_of.is_empty() {
            parts.push(format!("source as of: {}", self.source_as_of));
        }
        parts.join("; ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn reads_only_a_leading_date() {
        assert_eq!(
            leading_date("2009-01-13 (Presidential Decree No. 112)"),
            Ok(Some((ymd(2009, 1, 13), Precision::Day)))
        );
        assert_eq!(
            leading_date("2008"),
            Ok(Some((ymd(2008, 12, 31), Precision::Year)))
        );
        assert_eq!(
            leading_date("2013 (law in force Jan 2013); Committee established 2018"),
            Ok(Some((ymd(2013, 12, 31), Precision::Year)))
        );
        assert_eq!(
            leading_date("2012-01 (OPCAT Implementation Act)"),
            Ok(Some((ymd(2012, 1, 31), Precision::Month)))
        );
        assert_eq!(
            leading_date("2024-02"),
            Ok(Some((ymd(2024, 2, 29), Precision::Month)))
        );
        assert_eq!(leading_date("2006/2007 (Art. 17 declaration)"), Ok(None));
        assert_eq!(leading_date("operational November 2014"), Ok(None));
        assert_eq!(leading_date(""), Ok(None));
        assert!(leading_date("2005-02-31").is_err());
        assert!(leading_date("2005-13").is_err());
    }

    #[test]
    fn the_note_says_how_the_date_was_chosen() {
        let designation = NpmDesignation {
            state: "ALB".parse().unwrap(),
            date: ymd(2008, 12, 31),
            precision: Precision::Year,
            npm_name: "People's Advocate".into(),
            source_text: "2008".into(),
            source_url: "https://apt.ch/knowledge-hub/opcat/albania".into(),
            source_org: "APT".into(),
            source_as_of: String::new(),
            location: "row 3 (Albania)".into(),
        };
        assert_eq!(
            designation.note(),
            "People's Advocate; year only in the source; 31 December used as the latest possible day"
        );
    }
}
