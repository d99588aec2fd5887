//! Building the dataset from the raw sources folder (../shared/data): every
//! importer runs, OPCAT events come from the status page, the other treaties'
//! from the ratifications table (both through [`crate::imports`], as
//! `entente import` does), NPM designations from the NPM table.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use entente_core::{Source, TreatyEvent, TreatyId};

use super::Dataset;
use super::report::BuildReport;
use crate::error::{ImportError, ImportErrorKind};
use crate::names::StateMatcher;
use crate::ratifications::Ratifications;
use crate::untc::StatusPage;
use crate::{countries, imports, map, npm, npm_facts, ratifications, untc};
use entente_core::implementation::NpmFacts;
use npm_sources::npm_events;
use opcat::{OpcatFacts, cross_check, opcat_facts};

mod npm_sources;
mod opcat;

const PAGE: &str = "untc/cat_op.html";
const RATIFICATIONS: &str = "untc/un_hr_ratifications.csv";
const ACCESS_LOG: &str = "untc/access_log.json";
const CODES: &str = "countries/country-codes.csv";
const GROUPS: &str = "countries/un-regional-groups.csv";
const NPM: &str = "npm/npm_designations.csv";
const NPM_ALL: &str = "npm/npm_designations_all_sources.csv";
const SPT_VISITS: &str = "npm/spt_visits.csv";
const ART17: &str = "npm/overdue_art17.csv";
const PUBLISHED: &str = "npm/special_fund_eligible_published_reports_2023.csv";
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
    let npm_table = npm::parse(&read(shared, NPM)?, NPM, &states, NPM_READ_ON)?;
    let npm_facts = NpmFacts {
        statements: npm_facts::parse_statements(&read(shared, NPM_ALL)?, NPM_ALL, &states)?,
        visits: npm_facts::parse_visits(&read(shared, SPT_VISITS)?, SPT_VISITS, &states)?,
        art17: npm_facts::parse_art17(&read(shared, ART17)?, ART17, &states)?,
        published_reports: npm_facts::parse_published_reports(
            &read(shared, PUBLISHED)?,
            PUBLISHED,
            &matcher,
        )?,
    };
    let (map, map_report) = map::world_map(
        &read(shared, MAP_110M)?,
        MAP_110M,
        &read(shared, MAP_50M)?,
        MAP_50M,
        &states,
    )?;

    let (mut sources, mut events, opcat) = treaty_events(&page, &table, &matcher, as_of)?;
    let mut opcat_disagreements = cross_check(&opcat, &table);
    events.extend(npm_events(&npm_table, &states, &mut sources)?);
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
        events,
        map,
        as_of,
        npm: npm_facts,
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

/// The events of the status page (OPCAT) and of the table (the other
/// treaties), with the sources they cite and what the page says of each OPCAT participant.
fn treaty_events(
    page: &StatusPage,
    table: &Ratifications,
    matcher: &StateMatcher,
    as_of: NaiveDate,
) -> Result<(Vec<Source>, Vec<TreatyEvent>, OpcatFacts), ImportError> {
    let opcat_treaty = table
        .treaties
        .iter()
        .find(|t| t.id == TreatyId::opcat())
        .ok_or_else(|| {
            ImportError::new(
                ImportErrorKind::DanglingReference,
                RATIFICATIONS,
                "no OPCAT (cat_op) row: the status page's treaty is undescribed",
            )
            .field("treaty_id")
        })?;
    let page_batch = imports::page_events(page, PAGE, opcat_treaty, matcher, as_of)?;
    let table_batch = imports::table_events(table, RATIFICATIONS, as_of)?;
    let opcat = opcat_facts(&page_batch.events);
    // The table describes every treaty, OPCAT included, so its sources are all of them.
    let mut events = page_batch.events;
    events.extend(table_batch.events);
    Ok((table_batch.sources, events, opcat))
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
