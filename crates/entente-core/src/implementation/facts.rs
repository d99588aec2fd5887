//! The public facts of the shipped dataset: every sourced statement about a
//! state's NPM (several sources may speak of one state, and they may
//! disagree), the SPT visits found in public sources, the SPT's Art. 17
//! "substantially overdue" list and the 2023 list of published visit reports.
//! Values are kept as the sources give them; what Entente derives (a date
//! read from free text) carries its precision and a note.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::Iso3;
use crate::codes::coded_enum;

coded_enum!(
    /// How much of a date a source gives.
    DatePrecision, "date precision" {
        Day => "day",
        Month => "month",
        Year => "year",
    }
);

/// A date as precise as its source: a year, a month or a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct PartialDate {
    /// The first day of the period the source names.
    pub start: NaiveDate,
    pub precision: DatePrecision,
}

impl PartialDate {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as precise as the value is.
    pub fn parse(text: &str) -> Result<PartialDate, String> {
        let parts: Vec<&str> = text.split('-').collect();
        let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
        let bad = || format!("{text:?} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
        let (y, m, d, precision) = match parts.as_slice() {
            [y] if digits(y, 4) => (*y, "1", "1", DatePrecision::Year),
            [y, m] if digits(y, 4) && digits(m, 2) => (*y, *m, "1", DatePrecision::Month),
            [y, m, d] if digits(y, 4) && digits(m, 2) && digits(d, 2) => {
                (*y, *m, *d, DatePrecision::Day)
            }
            _ => return Err(bad()),
        };
        let number = |s: &str| s.parse::<u32>().map_err(|_| bad());
        let year = y.parse::<i32>().map_err(|_| bad())?;
        let start = NaiveDate::from_ymd_opt(year, number(m)?, number(d)?)
            .ok_or_else(|| format!("{text:?} is not a date: no such day"))?;
        Ok(PartialDate { start, precision })
    }

    /// Do the two dates name overlapping periods? 2008 agrees with
    /// 2008-04-08; 2009-03-27 does not agree with 2009-07-28.
    pub fn agrees_with(&self, other: &PartialDate) -> bool {
        let coarser = self.precision.max(other.precision);
        self.truncated(coarser) == other.truncated(coarser)
    }

    fn truncated(&self, precision: DatePrecision) -> (i32, u32, u32) {
        use chrono::Datelike;
        let d = self.start;
        match precision {
            DatePrecision::Year => (d.year(), 0, 0),
            DatePrecision::Month => (d.year(), d.month(), 0),
            DatePrecision::Day => (d.year(), d.month(), d.day()),
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.precision {
            DatePrecision::Year => write!(f, "{}", self.start.format("%Y")),
            DatePrecision::Month => write!(f, "{}", self.start.format("%Y-%m")),
            DatePrecision::Day => write!(f, "{}", self.start.format("%Y-%m-%d")),
        }
    }
}

/// One source's statement about a state's NPM.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NpmStatement {
    pub state: Iso3,
    /// As the source names it; "NO NPM" and the like when it names none; empty when silent.
    pub npm_name: String,
    /// The type as the source labels it.
    pub npm_type: String,
    /// The compiler's grouping of the source's type label.
    pub npm_type_group: String,
    /// The designation as the source writes it.
    pub designation_text: String,
    /// The date read from the start of `designation_text`, if it starts with one.
    pub designation: Option<PartialDate>,
    /// How `designation` was read, when it was.
    pub designation_note: Option<String>,
    pub legal_basis: String,
    /// The ratification (or accession) day the source gives.
    pub ratification_date: Option<NaiveDate>,
    pub source_url: String,
    pub source_org: String,
    /// How current the source is, in the compiler's words.
    pub source_as_of: String,
    pub notes: String,
    /// The compiler's primary row for the state.
    pub is_primary: bool,
}

impl NpmStatement {
    /// Does the source name a mechanism (rather than none, or nothing)?
    pub fn names_an_npm(&self) -> bool {
        !self.npm_name.trim().is_empty() && !has_no_npm(&self.npm_name)
    }

    /// Do the compiler's notes (or the designation text) record that sources conflict?
    pub fn states_a_conflict(&self) -> bool {
        let says = |text: &str| {
            let lower = text.to_lowercase();
            ["conflict", "differs from", " vs ", " vs. "]
                .iter()
                .any(|w| lower.contains(w))
        };
        says(&self.notes) || says(&self.designation_text)
    }
}

/// Does this NPM name say there is none ("NO NPM", "under consideration",
/// "No OPCAT-compliant NPM ...")?
pub fn has_no_npm(npm_name: &str) -> bool {
    let lower = npm_name.trim().to_lowercase();
    lower.starts_with("no npm")
        || lower.starts_with("under consideration")
        || lower.starts_with("no opcat-compliant npm")
}

coded_enum!(
    /// Whether an SPT visit report is public.
    ReportPublished, "report publication" {
        Yes => "yes",
        No => "no",
        Unknown => "unknown",
    }
);

/// An SPT visit found in a public source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SptVisitFact {
    pub state: Iso3,
    /// As precise as the source gives it (a day, or a month).
    pub start: Option<PartialDate>,
    pub end: Option<PartialDate>,
    /// The year, when the source gives no days (or as well as them).
    pub year: Option<i32>,
    /// As the source words it ("NPM advisory visit", "second visit (incl. NPM component)"); may be empty.
    pub visit_type: String,
    pub report_published: ReportPublished,
    /// The source's nuance ("yes (report to NPM only)").
    pub report_published_detail: String,
    pub source_url: String,
    pub notes: String,
}

/// A state on the SPT's Art. 17 "substantially overdue" list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Art17Listing {
    pub state: Iso3,
    /// The list's date, as far as it is known ("snapshot after June 2016 ...").
    pub as_of: String,
    pub source_url: String,
    /// What happened since, from later sources.
    pub later_status_note: String,
}

/// A state in the OHCHR's 2023 list of states (or NPMs) that had published SPT visit reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishedReport {
    pub state: Iso3,
    /// The name as the list writes it.
    pub name_in_source: String,
    /// The publication year as listed ("2013 and 2019"); may be empty.
    pub year_as_listed: String,
    pub category: String,
    pub source_url: String,
    pub as_of: String,
}

/// All the implementation facts of the shipped dataset.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct NpmFacts {
    pub statements: Vec<NpmStatement>,
    pub visits: Vec<SptVisitFact>,
    pub art17: Vec<Art17Listing>,
    pub published_reports: Vec<PublishedReport>,
}

coded_enum!(
    /// What two statements about one NPM disagree on.
    DisagreementField, "disagreement" {
        /// One source names an NPM, another says there is none.
        Existence => "existence",
        Name => "name",
        Type => "type",
        DesignationDate => "designation_date",
        /// A source itself records conflicting information.
        StatedInSource => "stated_in_source",
    }
);

/// Where the statements about one state disagree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Disagreement {
    pub field: DisagreementField,
    /// Indexes, into the statements given, of those concerned.
    pub statements: Vec<usize>,
}

/// Two NPM names agree when they are the same words, ignoring case,
/// punctuation, a leading "the" and text in parentheses (which sources use
/// for the name in the national language).
pub fn names_agree(a: &str, b: &str) -> bool {
    normalised_name(a) == normalised_name(b)
}

fn normalised_name(name: &str) -> String {
    let mut depth = 0usize;
    let mut kept = String::new();
    for c in name.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => kept.push(if c.is_alphanumeric() {
                c.to_lowercase().next().unwrap_or(c)
            } else {
                ' '
            }),
            _ => {}
        }
    }
    let words: Vec<&str> = kept.split_whitespace().collect();
    let words = match words.first() {
        Some(&"the") => &words[1..],
        _ => &words[..],
    };
    words.join(" ")
}

/// Where the statements about one state disagree: on whether there is an
/// NPM, its name, its type or its designation date (each compared only
/// between sources that give a value), and any source that itself records
/// a conflict. Nothing is averaged away: each disagreement names the
/// statements concerned, and agreeing sources yield nothing.
pub fn disagreements(statements: &[NpmStatement]) -> Vec<Disagreement> {
    let mut found = Vec::new();
    let naming: Vec<usize> = (0..statements.len())
        .filter(|&i| statements[i].names_an_npm())
        .collect();
    let denying: Vec<usize> = (0..statements.len())
        .filter(|&i| has_no_npm(&statements[i].npm_name))
        .collect();
    if !naming.is_empty() && !denying.is_empty() {
        let mut all = naming.clone();
        all.extend(&denying);
        all.sort_unstable();
        found.push(Disagreement {
            field: DisagreementField::Existence,
            statements: all,
        });
    }
    let names = pairwise(
        &naming,
        |i| Some(statements[i].npm_name.as_str()),
        |a, b| names_agree(a, b),
    );
    let types = pairwise(
        &naming,
        |i| Some(statements[i].npm_type.trim()).filter(|t| !t.is_empty()),
        |a, b| a.eq_ignore_ascii_case(b),
    );
    let dates = pairwise(
        &naming,
        |i| statements[i].designation,
        |a, b| a.agrees_with(b),
    );
    for (field, concerned) in [
        (DisagreementField::Name, names),
        (DisagreementField::Type, types),
        (DisagreementField::DesignationDate, dates),
    ] {
        if let Some(statements) = concerned {
            found.push(Disagreement { field, statements });
        }
    }
    let stated: Vec<usize> = (0..statements.len())
        .filter(|&i| statements[i].states_a_conflict())
        .collect();
    if !stated.is_empty() {
        found.push(Disagreement {
            field: DisagreementField::StatedInSource,
            statements: stated,
        });
    }
    found
}

/// The statements among `among` that give a value, when two of them disagree.
fn pairwise<T>(
    among: &[usize],
    value: impl Fn(usize) -> Option<T>,
    agree: impl Fn(&T, &T) -> bool,
) -> Option<Vec<usize>> {
    let given: Vec<(usize, T)> = among
        .iter()
        .filter_map(|&i| value(i).map(|v| (i, v)))
        .collect();
    let disagree = given
        .iter()
        .enumerate()
        .any(|(n, (_, a))| given[n + 1..].iter().any(|(_, b)| !agree(a, b)));
    disagree.then(|| given.into_iter().map(|(i, _)| i).collect())
}
