//! The implementation facts' files under `data/`: NPM statements, SPT
//! visits, the Art. 17 list and the published reports, one function pair
//! per file, written and read back exactly.

use entente_core::State;
use entente_core::implementation::{
    Art17Listing, DatePrecision, NpmFacts, NpmStatement, PartialDate, PublishedReport, SptVisitFact,
};

use super::codec::to_csv;
use crate::error::{ImportError, ImportErrorKind};
use crate::table::{CsvTable, Row};

pub(super) const STATEMENTS_FILE: &str = "npm-statements.csv";
pub(super) const VISITS_FILE: &str = "spt-visits.csv";
pub(super) const ART17_FILE: &str = "art17-overdue.csv";
pub(super) const PUBLISHED_FILE: &str = "spt-reports-published-2023.csv";

const STATEMENTS: [&str; 15] = [
    "state",
    "npm_name",
    "npm_type",
    "npm_type_group",
    "designation_text",
    "designation_date",
    "designation_precision",
    "designation_note",
    "legal_basis",
    "ratification_date",
    "source_url",
    "source_org",
    "source_as_of",
    "notes",
    "is_primary",
];
const VISITS: [&str; 9] = [
    "state",
    "start_date",
    "end_date",
    "year",
    "visit_type",
    "report_published",
    "report_published_detail",
    "source_url",
    "notes",
];
const ART17: [&str; 4] = ["state", "as_of", "source_url", "later_status_note"];
const PUBLISHED: [&str; 6] = [
    "state",
    "name_in_source",
    "year_as_listed",
    "category",
    "source_url",
    "as_of",
];

fn date_text(date: Option<chrono::NaiveDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

/// The four files' text, in the order of [`super::FILES`].
pub(super) fn render(facts: &NpmFacts) -> Result<Vec<(&'static str, String)>, ImportError> {
    let statements = facts.statements.iter().map(|s| {
        vec![
            s.state.to_string(),
            s.npm_name.clone(),
            s.npm_type.clone(),
            s.npm_type_group.clone(),
            s.designation_text.clone(),
            s.designation.map(|d| d.to_string()).unwrap_or_default(),
            s.designation
                .map(|d| d.precision.code().to_owned())
                .unwrap_or_default(),
            s.designation_note.clone().unwrap_or_default(),
            s.legal_basis.clone(),
            date_text(s.ratification_date),
            s.source_url.clone(),
            s.source_org.clone(),
            s.source_as_of.clone(),
            s.notes.clone(),
            if s.is_primary { "1" } else { "0" }.to_owned(),
        ]
    });
    let visits = facts.visits.iter().map(|v| {
        vec![
            v.state.to_string(),
            v.start.map(|d| d.to_string()).unwrap_or_default(),
            v.end.map(|d| d.to_string()).unwrap_or_default(),
            v.year.map(|y| y.to_string()).unwrap_or_default(),
            v.visit_type.clone(),
            v.report_published.code().to_owned(),
            v.report_published_detail.clone(),
            v.source_url.clone(),
            v.notes.clone(),
        ]
    });
    let art17 = facts.art17.iter().map(|a| {
        vec![
            a.state.to_string(),
            a.as_of.clone(),
            a.source_url.clone(),
            a.later_status_note.clone(),
        ]
    });
    let published = facts.published_reports.iter().map(|p| {
        vec![
            p.state.to_string(),
            p.name_in_source.clone(),
            p.year_as_listed.clone(),
            p.category.clone(),
            p.source_url.clone(),
            p.as_of.clone(),
        ]
    });
    Ok(vec![
        (
            STATEMENTS_FILE,
            to_csv(STATEMENTS_FILE, &STATEMENTS, statements)?,
        ),
        (VISITS_FILE, to_csv(VISITS_FILE, &VISITS, visits)?),
        (ART17_FILE, to_csv(ART17_FILE, &ART17, art17)?),
        (
            PUBLISHED_FILE,
            to_csv(PUBLISHED_FILE, &PUBLISHED, published)?,
        ),
    ])
}

fn state(row: &Row<'_>, states: &[State]) -> Result<entente_core::Iso3, ImportError> {
    let iso3: entente_core::Iso3 = row
        .get("state")
        .parse()
        .map_err(|e| row.error(ImportErrorKind::BadValue, "state", format!("{e}")))?;
    if !states.iter().any(|s| s.iso3 == iso3) {
        return Err(row.error(
            ImportErrorKind::DanglingReference,
            "state",
            format!("{iso3} is not in states.csv"),
        ));
    }
    Ok(iso3)
}

fn day(row: &Row<'_>, column: &str) -> Result<Option<chrono::NaiveDate>, ImportError> {
    match row.get(column) {
        "" => Ok(None),
        text => crate::ratifications::iso_date(text)
            .map(Some)
            .map_err(|why| row.error(ImportErrorKind::BadDate, column, why)),
    }
}

fn partial(row: &Row<'_>, column: &str) -> Result<Option<PartialDate>, ImportError> {
    match row.get(column) {
        "" => Ok(None),
        text => PartialDate::parse(text)
            .map(Some)
            .map_err(|why| row.error(ImportErrorKind::BadDate, column, why)),
    }
}

fn coded<T: std::str::FromStr>(row: &Row<'_>, column: &str) -> Result<T, ImportError>
where
    T::Err: std::fmt::Display,
{
    row.get(column)
        .parse()
        .map_err(|e| row.error(ImportErrorKind::BadValue, column, format!("{e}")))
}

fn owned(row: &Row<'_>, column: &str) -> String {
    row.get(column).to_owned()
}

/// Reads the four files back; `file` gives each file's bytes.
pub(super) fn parse<'a>(
    file: &impl Fn(&str) -> Result<std::borrow::Cow<'a, [u8]>, ImportError>,
    states: &[State],
) -> Result<NpmFacts, ImportError> {
    let mut facts = NpmFacts::default();
    let table = CsvTable::parse(&file(STATEMENTS_FILE)?, STATEMENTS_FILE, &STATEMENTS)?;
    for row in table.rows() {
        let designation = match row.get("designation_date") {
            "" => None,
            text => {
                let date = PartialDate::parse(text)
                    .map_err(|why| row.error(ImportErrorKind::BadDate, "designation_date", why))?;
                let precision: DatePrecision = coded(&row, "designation_precision")?;
                if precision != date.precision {
                    return Err(row.error(
                        ImportErrorKind::BadValue,
                        "designation_precision",
                        format!("{precision} does not match the date {text}"),
                    ));
                }
                Some(date)
            }
        };
        facts.statements.push(NpmStatement {
            state: state(&row, states)?,
            npm_name: owned(&row, "npm_name"),
            npm_type: owned(&row, "npm_type"),
            npm_type_group: owned(&row, "npm_type_group"),
            designation_text: owned(&row, "designation_text"),
            designation,
            designation_note: Some(owned(&row, "designation_note")).filter(|n| !n.is_empty()),
            legal_basis: owned(&row, "legal_basis"),
            ratification_date: day(&row, "ratification_date")?,
            source_url: owned(&row, "source_url"),
            source_org: owned(&row, "source_org"),
            source_as_of: owned(&row, "source_as_of"),
            notes: owned(&row, "notes"),
            is_primary: match row.get("is_primary") {
                "1" => true,
                "0" => false,
                other => {
                    return Err(row.error(
                        ImportErrorKind::BadValue,
                        "is_primary",
                        format!("{other:?}: give 1 or 0"),
                    ));
                }
            },
        });
    }
    let table = CsvTable::parse(&file(VISITS_FILE)?, VISITS_FILE, &VISITS)?;
    for row in table.rows() {
        facts.visits.push(SptVisitFact {
            state: state(&row, states)?,
            start: partial(&row, "start_date")?,
            end: partial(&row, "end_date")?,
            year: match row.get("year") {
                "" => None,
                _ => Some(coded(&row, "year")?),
            },
            visit_type: owned(&row, "visit_type"),
            report_published: coded(&row, "report_published")?,
            report_published_detail: owned(&row, "report_published_detail"),
            source_url: owned(&row, "source_url"),
            notes: owned(&row, "notes"),
        });
    }
    let table = CsvTable::parse(&file(ART17_FILE)?, ART17_FILE, &ART17)?;
    for row in table.rows() {
        facts.art17.push(Art17Listing {
            state: state(&row, states)?,
            as_of: owned(&row, "as_of"),
            source_url: owned(&row, "source_url"),
            later_status_note: owned(&row, "later_status_note"),
        });
    }
    let table = CsvTable::parse(&file(PUBLISHED_FILE)?, PUBLISHED_FILE, &PUBLISHED)?;
    for row in table.rows() {
        facts.published_reports.push(PublishedReport {
            state: state(&row, states)?,
            name_in_source: owned(&row, "name_in_source"),
            year_as_listed: owned(&row, "year_as_listed"),
            category: owned(&row, "category"),
            source_url: owned(&row, "source_url"),
            as_of: owned(&row, "as_of"),
        });
    }
    Ok(facts)
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use entente_core::Names;
    use entente_core::implementation::ReportPublished;

    use super::*;

    fn states() -> Vec<State> {
        ["CYP", "UKR"]
            .iter()
            .map(|iso3| State {
                iso3: iso3.parse().unwrap(),
                iso2: iso3[..2].to_owned(),
                m49: 1,
                names: Names::default(),
                formal_names: Names::default(),
                region: None,
                subregion: None,
                regional_group: None,
                un_member: true,
            })
            .collect()
    }

    fn facts() -> NpmFacts {
        NpmFacts {
            statements: vec![NpmStatement {
                state: "CYP".parse().unwrap(),
                npm_name: "Commissioner, \"Ombudsman\"".into(),
                npm_type: "Ombuds Institution".into(),
                npm_type_group: String::new(),
                designation_text: "2009-03 (law)".into(),
                designation: Some(PartialDate::parse("2009-03").unwrap()),
                designation_note: Some("read from the start".into()),
                legal_basis: String::new(),
                ratification_date: Some("2009-04-29".parse().unwrap()),
                source_url: "https://apt.example/cyprus".into(),
                source_org: "APT".into(),
                source_as_of: "old page".into(),
                notes: "line one\nline two".into(),
                is_primary: true,
            }],
            visits: vec![SptVisitFact {
                state: "UKR".parse().unwrap(),
                start: Some(PartialDate::parse("2016-05").unwrap()),
                end: None,
                year: Some(2016),
                visit_type: String::new(),
                report_published: ReportPublished::Yes,
                report_published_detail: "yes".into(),
                source_url: "https://apt.example/ukraine".into(),
                notes: String::new(),
            }],
            art17: vec![Art17Listing {
                state: "CYP".parse().unwrap(),
                as_of: "snapshot".into(),
                source_url: "https://ohchr.example/art17".into(),
                later_status_note: String::new(),
            }],
            published_reports: vec![PublishedReport {
                state: "UKR".parse().unwrap(),
                name_in_source: "Ukraine".into(),
                year_as_listed: "2013 and 2019".into(),
                category: "State party published".into(),
                source_url: "https://ohchr.example/fund".into(),
                as_of: "2023 call".into(),
            }],
        }
    }

    #[test]
    fn what_is_written_reads_back_the_same() {
        let files = render(&facts()).unwrap();
        let read = parse(
            &|name: &str| {
                Ok(Cow::Owned(
                    files
                        .iter()
                        .find(|(file, _)| *file == name)
                        .unwrap()
                        .1
                        .clone()
                        .into_bytes(),
                ))
            },
            &states(),
        )
        .unwrap();
        assert_eq!(read, facts());
    }

    #[test]
    fn a_damaged_file_names_row_and_field() {
        let mut files = render(&facts()).unwrap();
        files[0].1 = files[0].1.replace(",month,", ",day,");
        files[1].1 = files[1].1.replace("UKR", "XXX");
        let file = |name: &str| -> Result<Cow<'static, [u8]>, ImportError> {
            Ok(Cow::Owned(
                files
                    .iter()
                    .find(|(file, _)| *file == name)
                    .unwrap()
                    .1
                    .clone()
                    .into_bytes(),
            ))
        };
        let err = parse(&file, &states()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "npm-statements.csv: row 2, designation_precision: day does not match the date 2009-03"
        );
    }
}
