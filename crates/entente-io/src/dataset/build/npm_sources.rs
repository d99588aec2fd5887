//! NPM designation events, each citing the page it comes from as its own source.

use entente_core::{EventKind, Source, State, TreatyEvent, TreatyId};

use super::{NPM, NPM_READ_ON};
use crate::error::ImportError;
use crate::imports::EventLog;
use crate::npm::{NpmDesignation, NpmTable};

pub(super) fn npm_events(
    npm_table: &NpmTable,
    states: &[State],
    sources: &mut Vec<Source>,
) -> Result<Vec<TreatyEvent>, ImportError> {
    let mut events = EventLog::default();
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
    Ok(events.events)
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
    states: &[State],
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
