//! Building the dataset from the raw sources folder (../shared/data): every
//! importer runs, OPCAT events come from the status page, the other treaties'
//! from the ratifications table, NPM designations from the NPM table.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use entente_core::{EventKind, Iso3, Source, Treaty, TreatyEvent, TreatyId};

use super::Dataset;
use super::report::BuildReport;
use crate::error::{ImportError, ImportErrorKind};
use crate::names::StateMatcher;
use crate::npm::{NpmDesignation, NpmTable};
use crate::ratifications::{Participation, Ratifications};
use crate::untc::StatusPage;
use crate::{countries, map, npm, ratifications, untc};

const PAGE: &str = "untc/cat_op.html";
const RATIFICATIONS: &str = "untc/un_hr_ratifications.csv";
const ACCESS_LOG: &str = "untc/access_log.json";
const CODES: &str = "countries/country-codes.csv";
const GROUPS: &str = "countries/un-regional-groups.csv";
const NPM: &str = "npm/npm_designations.csv";
const MAP_110M: &str = "maps/countries-110m.json";
const MAP_50M: &str = "maps/countries-50m.json";

/// The day the NPM table was compiled from the pages it cites (../shared/data/SOURCES.md):
/// the pages themselves are mostly undated, so this is the day they were read.
const NPM_READ_ON: NaiveDate = match NaiveDate::from_ymd_opt(2026, 11, 28) {
    Some(date) => date,
    None => panic!("valid date"),
};

fn read(shared: &Path, relative: &str) -> Result<Vec<u8>, ImportError> {
    std::fs::read(shared.join(relative)).map_err(|e| {
        ImportError::new(
            ImportErrorKind::Io,
            relative,
            format!("cannot read {}: {e}", shared.join(relative).display()),
        )
    })
}

/// Runs every importer over the raw sources in `shared` and assembles the dataset.
pub fn build(shared: &Path) -> Result<(Dataset, BuildReport), ImportError> {
    let mut states = countries::parse_country_codes(&read(shared, CODES)?, CODES)?;
    let groups = countries::parse_regional_groups(&read(shared, GROUPS)?, GROUPS)?;
    countries::apply_regional_groups(&mut states, &groups, GROUPS)?;
    let matcher = StateMatcher::new(&states);
    let as_of = access_date(&read(shared, ACCESS_LOG)?)?;
    let page = untc::parse_status_page(&read(shared, PAGE)?, PAGE)?;
    let table = ratifications::parse(&read(shared, RATIFICATIONS)?, RATIFICATIONS, &matcher)?;
    let npm_table = npm::parse(&read(shared, NPM)?, NPM, &states)?;
    let (map, map_report) = map::world_map(
        &read(shared, MAP_110M)?,
        MAP_110M,
        &read(shared, MAP_50M)?,
        MAP_50M,
        &states,
    )?;

    let mut sources: Vec<Source> = table
        .treaties
        .iter()
        .map(|t| treaty_source(t, as_of))
        .collect();
    let mut events = EventLog::default();
    let opcat = opcat_events(&page, &matcher, &mut events)?;
    for participation in table
        .participations
        .iter()
        .filter(|p| p.treaty != TreatyId::opcat())
    {
        for event in participation.events(&source_id(&participation.treaty)) {
            events.add(event, RATIFICATIONS, &participation.location)?;
        }
    }
    let mut opcat_disagreements = cross_check(&opcat, &table);
    npm_events(&npm_table, &states, &mut events, &mut sources)?;
    for designation in &npm_table.designations {
        if !opcat.contains_key(&designation.state) {
            opcat_disagreements.push(format!(
                "{NPM}: {} has an NPM designation but is no party on the status page",
                designation.state
            ));
        }
    }

    let mut dataset = Dataset {
        sources,
        states,
        treaties: table.treaties.clone(),
        events: events.events,
        map,
        as_of,
    };
    dataset.sort_events();
    let report = BuildReport {
        events_per_treaty: count(dataset.events.iter().map(|e| e.treaty.to_string())),
        events_per_kind: count(dataset.events.iter().map(|e| e.kind.code().to_owned())),
        skipped_rows: table.skipped,
        npm_gaps: npm_table.gaps,
        opcat_disagreements,
        undated_notifications: page.notifications,
        map_json_bytes: super::files::map_json(&dataset.map, "world-map.json")?.len(),
        map: map_report,
    };
    Ok((dataset, report))
}

fn count(keys: impl Iterator<Item = String>) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for key in keys {
        *counts.entry(key).or_default() += 1;
    }
    counts
}

/// The day the Treaty Collection was read, from the collector's access log.
fn access_date(bytes: &[u8]) -> Result<NaiveDate, ImportError> {
    let log: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| {
        ImportError::new(
            ImportErrorKind::Malformed,
            ACCESS_LOG,
            format!("not JSON ({e})"),
        )
    })?;
    let text = log
        .get("access_date")
        .and_then(|d| d.as_str())
        .ok_or_else(|| {
            ImportError::new(
                ImportErrorKind::MissingColumn,
                ACCESS_LOG,
                "no \"access_date\"",
            )
            .field("access_date")
        })?;
    ratifications::iso_date(text).map_err(|why| {
        ImportError::new(ImportErrorKind::BadDate, ACCESS_LOG, why).field("access_date")
    })
}

fn source_id(treaty: &TreatyId) -> String {
    format!("untc-{treaty}")
}

fn treaty_source(treaty: &Treaty, as_of: NaiveDate) -> Source {
    Source {
        id: source_id(&treaty.id),
        title: format!("Status of the {} ({})", treaty.name_en, treaty.mtdsg_no),
        publisher: "United Nations Treaty Collection".to_owned(),
        url: treaty.status_url.clone(),
        as_of,
    }
}

/// The events built so far, and where each came from, to report a second
/// event of the same kind for the same state and treaty as a duplicate.
#[derive(Default)]
struct EventLog {
    events: Vec<TreatyEvent>,
    origin: BTreeMap<(TreatyId, Iso3, EventKind), String>,
}

impl EventLog {
    fn add(&mut self, event: TreatyEvent, file: &str, location: &str) -> Result<(), ImportError> {
        let key = (event.treaty.clone(), event.state, event.kind);
        if let Some(earlier) = self.origin.get(&key) {
            return Err(ImportError::new(
                ImportErrorKind::Duplicate,
                file,
                format!(
                    "a second {} of {} by {}; the first comes from {earlier}",
                    event.kind, event.treaty, event.state
                ),
            )
            .at(location));
        }
        self.origin.insert(key, format!("{file}, {location}"));
        self.events.push(event);
        Ok(())
    }
}

/// What the status page says of each state: (signature, consent).
type OpcatFacts = BTreeMap<
    Iso3,
    (
        Option<NaiveDate>,
        Option<(NaiveDate, entente_core::ConsentKind)>,
    ),
>;

fn opcat_events(
    page: &StatusPage,
    matcher: &StateMatcher,
    events: &mut EventLog,
) -> Result<OpcatFacts, ImportError> {
    let source = source_id(&TreatyId::opcat());
    let event = |state, kind, date, note: Option<String>| TreatyEvent {
        state,
        treaty: TreatyId::opcat(),
        kind,
        date,
        source: source.clone(),
        note,
    };
    let mut facts = OpcatFacts::new();
    for participant in &page.participants {
        let state = matcher.find(&participant.name).ok_or_else(|| {
            ImportError::new(
                ImportErrorKind::UnknownName,
                PAGE,
                format!("{:?} matches no known state", participant.name),
            )
            .at(participant.location.clone())
            .field("participant")
        })?;
        if let Some(signature) = participant.signature {
            let note = signature
                .by_succession
                .then(|| "succession to signature".to_owned());
            events.add(
                event(state, EventKind::Signature, signature.date, note),
                PAGE,
                &participant.location,
            )?;
        }
        if let Some(consent) = participant.consent {
            events.add(
                event(state, EventKind::Consent(consent.kind), consent.date, None),
                PAGE,
                &participant.location,
            )?;
        }
        facts.insert(
            state,
            (
                participant.signature.map(|s| s.date),
                participant.consent.map(|c| (c.date, c.kind)),
            ),
        );
    }
    for declaration in &page.declarations {
        let Some(art24) = declaration.art24 else {
            continue;
        };
        let location = format!("declaration of {}", declaration.participant);
        let state = matcher.find(&declaration.participant).ok_or_else(|| {
            ImportError::new(
                ImportErrorKind::UnknownName,
                PAGE,
                format!("{:?} matches no known state", declaration.participant),
            )
            .at(location.clone())
            .field("participant")
        })?;
        let kind = EventKind::Art24Declaration(art24.part);
        events.add(
            event(state, kind, art24.date, Some(declaration.text.clone())),
            PAGE,
            &location,
        )?;
    }
    Ok(facts)
}

/// The ratifications table's OPCAT rows against the status page, which wins.
fn cross_check(page: &OpcatFacts, table: &Ratifications) -> Vec<String> {
    let rows: Vec<&Participation> = table
        .participations
        .iter()
        .filter(|p| p.treaty == TreatyId::opcat())
        .collect();
    let mut disagreements = Vec::new();
    for row in &rows {
        let here = format!("{RATIFICATIONS}: {}", row.location);
        let Some((signature, consent)) = page.get(&row.state) else {
            disagreements.push(format!(
                "{here}: {} is not a participant on the status page",
                row.state
            ));
            continue;
        };
        if row.signature != *signature {
            disagreements.push(format!(
                "{here}: signature {:?}, the status page {:?}",
                row.signature, signature
            ));
        }
        if row.consent != *consent {
            disagreements.push(format!(
                "{here}: consent {:?}, the status page {:?}",
                row.consent, consent
            ));
        }
    }
    for state in page.keys() {
        if !rows.iter().any(|r| r.state == *state) {
            disagreements.push(format!(
                "{PAGE}: {state} is a participant but has no OPCAT row in {RATIFICATIONS}"
            ));
        }
    }
    disagreements
}

fn npm_events(
    npm_table: &NpmTable,
    states: &[entente_core::State],
    events: &mut EventLog,
    sources: &mut Vec<Source>,
) -> Result<(), ImportError> {
    for designation in &npm_table.designations {
        let id = match sources.iter().find(|s| s.url == designation.source_url) {
            Some(known) => known.id.clone(),
            None => {
                let base = npm_source_id(&designation.source_url);
                let id = (1..)
                    .map(|n| {
                        if n == 1 {
                            base.clone()
                        } else {
                            format!("{base}-{n}")
                        }
                    })
                    .find(|candidate| !sources.iter().any(|s| s.id == *candidate))
                    .unwrap_or(base);
                sources.push(npm_source(designation, &id, npm_table, states));
                id
            }
        };
        let event = TreatyEvent {
            state: designation.state,
            treaty: TreatyId::opcat(),
            kind: EventKind::NpmDesignation,
            date: designation.date,
            source: id,
            note: Some(designation.note()),
        };
        events.add(event, NPM, &designation.location)?;
    }
    Ok(())
}

/// One source per page cited, named after its address so the id stays the same across rebuilds.
fn npm_source_id(url: &str) -> String {
    let address = url.split_once("://").map_or(url, |(_, rest)| rest);
    let address = address.strip_prefix("www.").unwrap_or(address);
    let mut id = String::from("npm-");
    for c in address.trim_end_matches(['/', ':']).chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.ends_with('-') {
            id.push('-');
        }
    }
    id.trim_end_matches('-').to_owned()
}

fn npm_source(
    designation: &NpmDesignation,
    id: &str,
    npm_table: &NpmTable,
    states: &[entente_core::State],
) -> Source {
    let mut covered: Vec<&str> = npm_table
        .designations
        .iter()
        .filter(|d| d.source_url == designation.source_url)
        .filter_map(|d| states.iter().find(|s| s.iso3 == d.state))
        .map(|s| s.names.en.as_str())
        .collect();
    covered.dedup();
    let publisher = if designation.source_org.is_empty() {
        "unnamed publisher"
    } else {
        designation.source_org.as_str()
    };
    Source {
        id: id.to_owned(),
        title: format!("National preventive mechanism of {}", covered.join(", ")),
        publisher: publisher.to_owned(),
        url: designation.source_url.clone(),
        as_of: NPM_READ_ON,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn npm_source_ids_come_from_the_address() {
        assert_eq!(
            npm_source_id("https://apt.ch/knowledge-hub/opcat/albania"),
            "npm-apt-ch-knowledge-hub-opcat-albania"
        );
        assert_eq!(
            npm_source_id("http://www.apt.ch/en/opcat_pages/opcat-situation-2/"),
            "npm-apt-ch-en-opcat-pages-opcat-situation-2"
        );
        assert_eq!(
            npm_source_id("https://www.apt.ch/en/knowledge-hub/opcat-database/benin:"),
            "npm-apt-ch-en-knowledge-hub-opcat-database-benin"
        );
    }
}
