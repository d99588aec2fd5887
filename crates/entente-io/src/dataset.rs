//! Entente's own dataset: the sources, states, treaties, events and world map
//! the program ships with, built from the raw public sources and kept under
//! the repository's `data/` as readable, diffable CSV and JSON.

mod build;
mod codec;
mod files;
mod implementation;
mod readme;
mod report;

use chrono::NaiveDate;
use entente_core::implementation::NpmFacts;
use entente_core::{Source, State, Treaty, TreatyEvent, WorldMap};

pub use build::build;
pub use files::{FILES, read, shipped, write};
pub use report::BuildReport;

#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    pub sources: Vec<Source>,
    pub states: Vec<State>,
    pub treaties: Vec<Treaty>,
    /// Sorted by treaty, state, date and kind.
    pub events: Vec<TreatyEvent>,
    pub map: WorldMap,
    /// The day the UN Treaty Collection data describes.
    pub as_of: NaiveDate,
    /// The sourced implementation facts: NPM statements, SPT visits, the
    /// Art. 17 list, published reports.
    pub npm: NpmFacts,
}

impl Dataset {
    /// Puts events in the order of `events.csv`: treaty, state, date, kind.
    pub fn sort_events(&mut self) {
        self.events.sort_by(|a, b| {
            (
                &a.treaty,
                a.state,
                a.date,
                a.kind.code(),
                &a.source,
                &a.note,
            )
                .cmp(&(
                    &b.treaty,
                    b.state,
                    b.date,
                    b.kind.code(),
                    &b.source,
                    &b.note,
                ))
        });
    }
}
