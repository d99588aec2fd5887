//! Public reference data: states, treaties, sources, treaty events, the world
//! map and the dataset's as-of day. Anyone may read it, so its reads take no
//! access scope; private records will live in modules of their own.

mod load;
mod read;
mod rows;

use chrono::NaiveDate;
use entente_core::{Iso3, Source, State, Treaty, TreatyEvent, TreatyId, WorldMap};
use entente_io::dataset::Dataset;

/// A whole reference dataset, borrowed, as [`crate::Store::load_reference`] takes it.
#[derive(Debug, Clone, Copy)]
pub struct ReferenceData<'a> {
    pub states: &'a [State],
    pub treaties: &'a [Treaty],
    pub sources: &'a [Source],
    pub events: &'a [TreatyEvent],
    pub map: &'a WorldMap,
    /// The day the dataset describes.
    pub as_of: NaiveDate,
}

/// The dataset shipped in the binary, as `entente-io` reads it.
impl<'a> From<&'a Dataset> for ReferenceData<'a> {
    fn from(dataset: &'a Dataset) -> Self {
        ReferenceData {
            states: &dataset.states,
            treaties: &dataset.treaties,
            sources: &dataset.sources,
            events: &dataset.events,
            map: &dataset.map,
            as_of: dataset.as_of,
        }
    }
}

impl<'a> From<&ReferenceData<'a>> for ReferenceData<'a> {
    fn from(data: &ReferenceData<'a>) -> Self {
        *data
    }
}

/// Which treaty events to read; every field left `None` keeps all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventFilter {
    pub state: Option<Iso3>,
    /// Events under any of these treaties.
    pub treaties: Option<Vec<TreatyId>>,
    /// Events dated on or before this day: the world as it stood then.
    pub as_of: Option<NaiveDate>,
}
