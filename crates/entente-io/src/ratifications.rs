//! The table of the 18 core human rights instruments of the UN Treaty
//! Collection's chapter IV, one row per participant and treaty: `country_name,
//! treaty_id, treaty_name, action_type, action_date, signature_date,
//! treaty_open_year, mtdsg_no, source_url`, ISO dates.
//!
//! Known faults of the table (see ../shared/data/SOURCES.md): it labels the
//! suffix `A` (acceptance) as Accession and `c` (formal confirmation) as
//! Ratification, which cannot be undone from the table alone; and it lists
//! participants that are not states, which are skipped and reported.

use chrono::NaiveDate;
use entente_core::{ConsentKind, EventKind, Iso3, Treaty, TreatyEvent, TreatyId};

use crate::error::{ImportError, ImportErrorKind};
use crate::names::StateMatcher;
use crate::table::{CsvTable, Row};

const COLUMNS: [&str; 9] = [
    "country_name",
    "treaty_id",
    "treaty_name",
    "action_type",
    "action_date",
    "signature_date",
    "treaty_open_year",
    "mtdsg_no",
    "source_url",
];

/// Participants that are not states today, with the reason they have no place among states.
const NOT_STATES: [(&str, &str); 3] = [
    (
        "European Union",
        "a regional integration organisation, not a state",
    ),
    (
        "Czechoslovakia",
        "a state that no longer exists (dissolved in 1993; Czechia and Slovakia succeeded to its treaties)",
    ),
    (
        "German Democratic Republic",
        "a state that no longer exists (united with the Federal Republic of Germany in 1990)",
    ),
];

/// What the table says about one state and one treaty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participation {
    pub state: Iso3,
    /// The name as the table prints it.
    pub name: String,
    pub treaty: TreatyId,
    pub signature: Option<NaiveDate>,
    pub consent: Option<(NaiveDate, ConsentKind)>,
    /// "row 12 (Zambia)", for messages.
    pub location: String,
}

/// A row left out, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedRow {
    pub location: String,
    pub name: String,
    pub treaty: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ratifications {
    /// The treaties in the order they first appear.
    pub treaties: Vec<Treaty>,
    pub participations: Vec<Participation>,
    pub skipped: Vec<SkippedRow>,
}

/// The table's id for OPCAT is `cat_op`; Entente calls it `opcat`.
pub fn treaty_id(table_id: &str) -> Result<TreatyId, String> {
    match table_id {
        "cat_op" => Ok(TreatyId::opcat()),
        other => other.parse().map_err(|e| format!("{e}")),
    }
}

pub fn parse(
    bytes: &[u8],
    label: &str,
    states: &StateMatcher,
) -> Result<Ratifications, ImportError> {
    let table = CsvTable::parse(bytes, label, &COLUMNS)?;
    let mut found = Ratifications {
        treaties: Vec::new(),
        participations: Vec::new(),
        skipped: Vec::new(),
    };
    for row in table.rows() {
        let name = row.get("country_name");
        if let Some((_, reason)) = NOT_STATES.iter().find(|(n, _)| *n == name) {
            found.skipped.push(SkippedRow {
                location: row.location(),
                name: name.to_owned(),
                treaty: row.get("treaty_id").to_owned(),
                reason: (*reason).to_owned(),
            });
            continue;
        }
        let treaty = treaty_of(&row, name)?;
        let participation = participation_of(&row, name, states, treaty.id.clone())?;
        if let Some(earlier) = found
            .participations
            .iter()
            .find(|p| p.state == participation.state && p.treaty == participation.treaty)
        {
            return Err(row.error_named(
                name,
                ImportErrorKind::Duplicate,
                "country_name",
                format!(
                    "{} and {} already appear at {}",
                    participation.state, participation.treaty, earlier.location
                ),
            ));
        }
        match found.treaties.iter().find(|t| t.id == treaty.id) {
            Some(known) if *known != treaty => {
                return Err(row.error_named(
                    name,
                    ImportErrorKind::BadValue,
                    "treaty_name",
                    format!(
                        "the description of {} differs from its earlier rows",
                        treaty.id
                    ),
                ));
            }
            Some(_) => {}
            None => found.treaties.push(treaty),
        }
        found.participations.push(participation);
    }
    Ok(found)
}

fn treaty_of(row: &Row<'_>, name: &str) -> Result<Treaty, ImportError> {
    let id = treaty_id(row.get("treaty_id"))
        .map_err(|why| row.error_named(name, ImportErrorKind::BadValue, "treaty_id", why))?;
    let opened = row.get("treaty_open_year");
    let opened_year = match opened {
        "" => None,
        year => Some(year.parse::<i32>().map_err(|_| {
            row.error_named(
                name,
                ImportErrorKind::BadValue,
                "treaty_open_year",
                format!("{year:?} is not a year"),
            )
        })?),
    };
    for column in ["treaty_name", "mtdsg_no", "source_url"] {
        if row.get(column).is_empty() {
            return Err(row.error_named(name, ImportErrorKind::BadValue, column, "empty"));
        }
    }
    Ok(Treaty {
        id,
        mtdsg_no: row.get("mtdsg_no").to_owned(),
        name_en: row.get("treaty_name").to_owned(),
        opened_year,
        status_url: row.get("source_url").to_owned(),
    })
}

fn participation_of(
    row: &Row<'_>,
    name: &str,
    states: &StateMatcher,
    treaty: TreatyId,
) -> Result<Participation, ImportError> {
    let state = states.find(name).ok_or_else(|| {
        row.error_named(
            name,
            ImportErrorKind::UnknownName,
            "country_name",
            format!("{name:?} matches no known state"),
        )
    })?;
    let signature = optional_date(row, name, "signature_date")?;
    let consent = consent_of(row, name)?;
    if signature.is_none() && consent.is_none() {
        return Err(row.error_named(
            name,
            ImportErrorKind::BadValue,
            "action_date",
            "neither a signature nor an action",
        ));
    }
    Ok(Participation {
        state,
        name: name.to_owned(),
        treaty,
        signature,
        consent,
        location: format!("{} ({name})", row.location()),
    })
}

fn optional_date(
    row: &Row<'_>,
    name: &str,
    column: &str,
) -> Result<Option<NaiveDate>, ImportError> {
    match row.get(column) {
        "" => Ok(None),
        text => iso_date(text)
            .map(Some)
            .map_err(|why| row.error_named(name, ImportErrorKind::BadDate, column, why)),
    }
}

/// The action and its date: both or neither.
fn consent_of(row: &Row<'_>, name: &str) -> Result<Option<(NaiveDate, ConsentKind)>, ImportError> {
    let kind = match row.get("action_type") {
        "" => None,
        "Ratification" => Some(ConsentKind::Ratification),
        "Accession" => Some(ConsentKind::Accession),
        "Succession" => Some(ConsentKind::Succession),
        "Acceptance" => Some(ConsentKind::Acceptance),
        "Approval" => Some(ConsentKind::Approval),
        other => {
            let why = format!("{other:?} is not a kind of consent");
            return Err(row.error_named(name, ImportErrorKind::BadValue, "action_type", why));
        }
    };
    match (optional_date(row, name, "action_date")?, kind) {
        (Some(date), Some(kind)) => Ok(Some((date, kind))),
        (None, None) => Ok(None),
        (Some(_), None) => {
            let why = "a date without a kind of action";
            Err(row.error_named(name, ImportErrorKind::BadValue, "action_type", why))
        }
        (None, Some(_)) => {
            let why = "an action without a date";
            Err(row.error_named(name, ImportErrorKind::BadDate, "action_date", why))
        }
    }
}

/// A `YYYY-MM-DD` date that exists in the calendar.
pub(crate) fn iso_date(text: &str) -> Result<NaiveDate, String> {
    let well_formed = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !well_formed {
        return Err(format!("{text:?} is not a date (YYYY-MM-DD)"));
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("{text:?} is not a date: no such day"))
}

impl Participation {
    /// The signature and consent as treaty events citing `source`.
    pub fn events(&self, source: &str) -> Vec<TreatyEvent> {
        let event = |kind, date| TreatyEvent {
            state: self.state,
            treaty: self.treaty.clone(),
            kind,
            date,
            source: source.to_owned(),
            note: None,
        };
        let mut events = Vec::new();
        if let Some(date) = self.signature {
            events.push(event(EventKind::Signature, date));
        }
        if let Some((date, kind)) = self.consent {
            events.push(event(EventKind::Consent(kind), date));
        }
        events
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_must_exist() {
        assert_eq!(
            iso_date("2005-04-11"),
            Ok(NaiveDate::from_ymd_opt(2005, 4, 11).unwrap())
        );
        assert!(iso_date("2005-02-31").unwrap_err().contains("no such day"));
        assert!(iso_date("11/04/2005").is_err());
        assert!(iso_date("2005-4-11").is_err());
    }

    #[test]
    fn cat_op_is_opcat() {
        assert_eq!(treaty_id("cat_op"), Ok(TreatyId::opcat()));
        assert_eq!(
            treaty_id("crc_op_ac").map(|t| t.to_string()),
            Ok("crc_op_ac".to_owned())
        );
        assert!(treaty_id("CAT").is_err());
    }
}
