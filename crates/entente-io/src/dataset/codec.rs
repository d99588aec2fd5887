//! The dataset's CSV files, one function pair per file: what the columns are
//! and how each value is written and read back exactly.

use std::collections::HashMap;

use chrono::NaiveDate;
use entente_core::{
    EventKind, Iso3, M49Area, Names, RegionalGroup, Source, State, Treaty, TreatyEvent, TreatyId,
};

use crate::error::{ImportError, ImportErrorKind};
use crate::table::{CsvTable, Row};

pub(super) const SOURCES: [&str; 5] = ["id", "title", "publisher", "url", "as_of"];
pub(super) const TREATIES: [&str; 5] = ["id", "mtdsg_no", "name_en", "opened_year", "status_url"];
pub(super) const EVENTS: [&str; 6] = ["treaty", "state", "date", "kind", "source", "note"];
pub(super) const STATES: [&str; 15] = [
    "iso3",
    "iso2",
    "m49",
    "name_en",
    "name_fr",
    "name_es",
    "formal_name_en",
    "formal_name_fr",
    "formal_name_es",
    "region_code",
    "region_name",
    "subregion_code",
    "subregion_name",
    "regional_group",
    "un_member",
];

/// Writes a header and records as CSV text.
pub(super) fn to_csv(
    file: &str,
    header: &[&str],
    records: impl Iterator<Item = Vec<String>>,
) -> Result<String, ImportError> {
    let failed = |e: &dyn std::fmt::Display| {
        ImportError::new(ImportErrorKind::Io, file, format!("cannot write CSV ({e})"))
    };
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(header).map_err(|e| failed(&e))?;
    for record in records {
        writer.write_record(&record).map_err(|e| failed(&e))?;
    }
    let bytes = writer.into_inner().map_err(|e| failed(&e))?;
    String::from_utf8(bytes).map_err(|e| failed(&e))
}

pub(super) fn source_record(source: &Source) -> Vec<String> {
    vec![
        source.id.clone(),
        source.title.clone(),
        source.publisher.clone(),
        source.url.clone(),
        source.as_of.to_string(),
    ]
}

pub(super) fn treaty_record(treaty: &Treaty) -> Vec<String> {
    vec![
        treaty.id.to_string(),
        treaty.mtdsg_no.clone(),
        treaty.name_en.clone(),
        treaty
            .opened_year
            .map(|y| y.to_string())
            .unwrap_or_default(),
        treaty.status_url.clone(),
    ]
}

pub(super) fn event_record(event: &TreatyEvent) -> Vec<String> {
    vec![
        event.treaty.to_string(),
        event.state.to_string(),
        event.date.to_string(),
        event.kind.code().to_owned(),
        event.source.clone(),
        event.note.clone().unwrap_or_default(),
    ]
}

pub(super) fn state_record(state: &State) -> Vec<String> {
    let area_code = |area: &Option<M49Area>| {
        area.as_ref()
            .map(|a| a.code.to_string())
            .unwrap_or_default()
    };
    let area_name =
        |area: &Option<M49Area>| area.as_ref().map(|a| a.name_en.clone()).unwrap_or_default();
    vec![
        state.iso3.to_string(),
        state.iso2.clone(),
        state.m49.to_string(),
        state.names.en.clone(),
        state.names.fr.clone(),
        state.names.es.clone(),
        state.formal_names.en.clone(),
        state.formal_names.fr.clone(),
        state.formal_names.es.clone(),
        area_code(&state.region),
        area_name(&state.region),
        area_code(&state.subregion),
        area_name(&state.subregion),
        state
            .regional_group
            .map(|g| g.code().to_owned())
            .unwrap_or_default(),
        state.un_member.to_string(),
    ]
}

/// A required value of `column` parsed with `parse`, or an error naming the row and column.
fn field<T>(
    row: &Row<'_>,
    column: &str,
    parse: impl FnOnce(&str) -> Result<T, String>,
) -> Result<T, ImportError> {
    let text = row.get(column);
    if text.is_empty() {
        return Err(row.error(ImportErrorKind::BadValue, column, "empty"));
    }
    parse(text).map_err(|why| {
        let kind = if column == "date" || column == "as_of" {
            ImportErrorKind::BadDate
        } else {
            ImportErrorKind::BadValue
        };
        row.error(kind, column, why)
    })
}

fn text(row: &Row<'_>, column: &str) -> Result<String, ImportError> {
    field(row, column, |t| Ok(t.to_owned()))
}

fn date(text: &str) -> Result<NaiveDate, String> {
    crate::ratifications::iso_date(text)
}

pub(super) fn sources(bytes: &[u8], file: &str) -> Result<Vec<Source>, ImportError> {
    let table = CsvTable::parse(bytes, file, &SOURCES)?;
    let mut sources: Vec<Source> = Vec::new();
    for row in table.rows() {
        let source = Source {
            id: text(&row, "id")?,
            title: text(&row, "title")?,
            publisher: text(&row, "publisher")?,
            url: text(&row, "url")?,
            as_of: field(&row, "as_of", date)?,
        };
        if sources.iter().any(|s| s.id == source.id) {
            return Err(row.error(
                ImportErrorKind::Duplicate,
                "id",
                format!("{:?} appears twice", source.id),
            ));
        }
        sources.push(source);
    }
    Ok(sources)
}

pub(super) fn treaties(bytes: &[u8], file: &str) -> Result<Vec<Treaty>, ImportError> {
    let table = CsvTable::parse(bytes, file, &TREATIES)?;
    let mut treaties: Vec<Treaty> = Vec::new();
    for row in table.rows() {
        let opened_year = match row.get("opened_year") {
            "" => None,
            _ => Some(field(&row, "opened_year", |t| {
                t.parse::<i32>().map_err(|_| format!("{t:?} is not a year"))
            })?),
        };
        let treaty = Treaty {
            id: field(&row, "id", |t| {
                t.parse::<TreatyId>().map_err(|e| e.to_string())
            })?,
            mtdsg_no: text(&row, "mtdsg_no")?,
            name_en: text(&row, "name_en")?,
            opened_year,
            status_url: text(&row, "status_url")?,
        };
        if treaties.iter().any(|t| t.id == treaty.id) {
            return Err(row.error(
                ImportErrorKind::Duplicate,
                "id",
                format!("{} appears twice", treaty.id),
            ));
        }
        treaties.push(treaty);
    }
    Ok(treaties)
}

pub(super) fn states(bytes: &[u8], file: &str) -> Result<Vec<State>, ImportError> {
    let table = CsvTable::parse(bytes, file, &STATES)?;
    let mut states: Vec<State> = Vec::new();
    for row in table.rows() {
        let names = |prefix: &str| -> Result<Names, ImportError> {
            Ok(Names {
                en: text(&row, &format!("{prefix}_en"))?,
                fr: text(&row, &format!("{prefix}_fr"))?,
                es: text(&row, &format!("{prefix}_es"))?,
            })
        };
        let state = State {
            iso3: field(&row, "iso3", |t| {
                t.parse::<Iso3>().map_err(|e| e.to_string())
            })?,
            iso2: text(&row, "iso2")?,
            m49: field(&row, "m49", number)?,
            names: names("name")?,
            formal_names: names("formal_name")?,
            region: area(&row, "region_code", "region_name")?,
            subregion: area(&row, "subregion_code", "subregion_name")?,
            regional_group: match row.get("regional_group") {
                "" => None,
                _ => Some(field(&row, "regional_group", |t| {
                    t.parse::<RegionalGroup>()
                })?),
            },
            un_member: field(&row, "un_member", |t| {
                t.parse::<bool>()
                    .map_err(|_| format!("{t:?} is not true or false"))
            })?,
        };
        if states.iter().any(|s| s.iso3 == state.iso3) {
            return Err(row.error(
                ImportErrorKind::Duplicate,
                "iso3",
                format!("{} appears twice", state.iso3),
            ));
        }
        states.push(state);
    }
    Ok(states)
}

fn number(text: &str) -> Result<u16, String> {
    text.parse()
        .map_err(|_| format!("{text:?} is not a number from 0 to 65535"))
}

fn area(row: &Row<'_>, code: &str, name: &str) -> Result<Option<M49Area>, ImportError> {
    if row.get(code).is_empty() && row.get(name).is_empty() {
        return Ok(None);
    }
    Ok(Some(M49Area {
        code: field(row, code, number)?,
        name_en: text(row, name)?,
    }))
}

/// The events, each checked to name a state, a treaty and a source of the dataset.
pub(super) fn events(
    bytes: &[u8],
    file: &str,
    states: &[State],
    treaties: &[Treaty],
    sources: &[Source],
) -> Result<Vec<TreatyEvent>, ImportError> {
    let table = CsvTable::parse(bytes, file, &EVENTS)?;
    let mut events: Vec<TreatyEvent> = Vec::new();
    let mut first_seen: HashMap<(TreatyId, Iso3, EventKind, NaiveDate), String> = HashMap::new();
    for row in table.rows() {
        let event = TreatyEvent {
            treaty: field(&row, "treaty", |t| {
                t.parse::<TreatyId>().map_err(|e| e.to_string())
            })?,
            state: field(&row, "state", |t| {
                t.parse::<Iso3>().map_err(|e| e.to_string())
            })?,
            date: field(&row, "date", date)?,
            kind: field(&row, "kind", |t| t.parse::<EventKind>())?,
            source: text(&row, "source")?,
            note: Some(row.get("note").to_owned()).filter(|n| !n.is_empty()),
        };
        let dangling = |column: &str, what: String| {
            row.error(ImportErrorKind::DanglingReference, column, what)
        };
        if !states.iter().any(|s| s.iso3 == event.state) {
            return Err(dangling(
                "state",
                format!("{} is not in states.csv", event.state),
            ));
        }
        if !treaties.iter().any(|t| t.id == event.treaty) {
            return Err(dangling(
                "treaty",
                format!("{} is not in treaties.csv", event.treaty),
            ));
        }
        if !sources.iter().any(|s| s.id == event.source) {
            return Err(dangling(
                "source",
                format!("{:?} is not in sources.csv", event.source),
            ));
        }
        let key = (event.treaty.clone(), event.state, event.kind, event.date);
        if let Some(earlier) = first_seen.get(&key) {
            return Err(row.error(
                ImportErrorKind::Duplicate,
                "kind",
                format!("the same event as {earlier}"),
            ));
        }
        first_seen.insert(key, row.location());
        events.push(event);
    }
    Ok(events)
}
