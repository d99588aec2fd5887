//! Reads of the public reference data, in a stable order so pages and API
//! answers do not shuffle between requests.

use chrono::NaiveDate;
use diesel::prelude::*;
use entente_core::{Iso3, Source, State, Treaty, TreatyEvent, TreatyId, WorldMap};

use super::EventFilter;
use super::rows::{DatasetMetaRow, EventRow, SourceRow, StateRow, TreatyRow, WorldMapRow};
use crate::schema::{dataset_meta, sources, states, treaties, treaty_events, world_map};
use crate::{Store, StoreError};

impl Store {
    /// True once a reference dataset has been loaded (it is loaded whole or not at all).
    pub fn is_reference_loaded(&self) -> Result<bool, StoreError> {
        Ok(self.dataset_as_of()?.is_some())
    }

    /// The day the loaded dataset describes, if one is loaded.
    pub fn dataset_as_of(&self) -> Result<Option<NaiveDate>, StoreError> {
        let row = dataset_meta::table
            .select(DatasetMetaRow::as_select())
            .first(&mut *self.connection()?)
            .optional()?;
        Ok(row.map(|r| r.as_of))
    }

    /// All states, sorted by ISO 3166 alpha-3 code.
    pub fn states(&self) -> Result<Vec<State>, StoreError> {
        let rows = states::table
            .order(states::iso3)
            .select(StateRow::as_select())
            .load(&mut *self.connection()?)?;
        rows.into_iter().map(State::try_from).collect()
    }

    pub fn state(&self, iso3: Iso3) -> Result<Option<State>, StoreError> {
        let row = states::table
            .find(iso3.as_str())
            .select(StateRow::as_select())
            .first(&mut *self.connection()?)
            .optional()?;
        row.map(State::try_from).transpose()
    }

    /// All treaties, sorted by identifier.
    pub fn treaties(&self) -> Result<Vec<Treaty>, StoreError> {
        let rows = treaties::table
            .order(treaties::id)
            .select(TreatyRow::as_select())
            .load(&mut *self.connection()?)?;
        rows.into_iter().map(Treaty::try_from).collect()
    }

    pub fn treaty(&self, id: &TreatyId) -> Result<Option<Treaty>, StoreError> {
        let row = treaties::table
            .find(id.as_str())
            .select(TreatyRow::as_select())
            .first(&mut *self.connection()?)
            .optional()?;
        row.map(Treaty::try_from).transpose()
    }

    /// All sources, sorted by identifier.
    pub fn sources(&self) -> Result<Vec<Source>, StoreError> {
        let rows = sources::table
            .order(sources::id)
            .select(SourceRow::as_select())
            .load(&mut *self.connection()?)?;
        Ok(rows.into_iter().map(Source::from).collect())
    }

    /// The treaty events the filter keeps, by date (then state, treaty, kind).
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<TreatyEvent>, StoreError> {
        let mut query = treaty_events::table
            .select(EventRow::as_select())
            .into_boxed();
        if let Some(state) = filter.state {
            query = query.filter(treaty_events::state.eq(state.to_string()));
        }
        if let Some(treaties) = &filter.treaties {
            let ids: Vec<String> = treaties.iter().map(ToString::to_string).collect();
            query = query.filter(treaty_events::treaty.eq_any(ids));
        }
        if let Some(as_of) = filter.as_of {
            query = query.filter(treaty_events::date.le(as_of));
        }
        let rows = query
            .order((
                treaty_events::date,
                treaty_events::state,
                treaty_events::treaty,
                treaty_events::kind,
            ))
            .load(&mut *self.connection()?)?;
        rows.into_iter().map(TreatyEvent::try_from).collect()
    }

    /// The world map; empty (no shapes) before a dataset is loaded.
    pub fn world_map(&self) -> Result<WorldMap, StoreError> {
        let row = world_map::table
            .select(WorldMapRow::as_select())
            .first(&mut *self.connection()?)
            .optional()?;
        row.map_or_else(|| Ok(WorldMap::default()), WorldMap::try_from)
    }
}
