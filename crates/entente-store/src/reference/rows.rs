//! Rows of the reference tables and their conversion from and to the domain
//! types; reading back checks every value, since the database may have been
//! edited by hand.

use chrono::NaiveDate;
use diesel::prelude::*;
use entente_core::{
    EventKind, Iso3, M49Area, MapMarker, MapShape, Names, RegionalGroup, Source, State, Treaty,
    TreatyEvent, TreatyId, WorldMap,
};

use crate::error::StoreError;
use crate::schema::{dataset_meta, sources, states, treaties, treaty_events, world_map};

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = states, treat_none_as_null = true, treat_none_as_default_value = false)]
pub(crate) struct StateRow {
    pub iso3: String,
    pub iso2: String,
    pub m49: i32,
    pub name_en: String,
    pub name_fr: String,
    pub name_es: String,
    pub formal_name_en: String,
    pub formal_name_fr: String,
    pub formal_name_es: String,
    pub region_code: Option<i32>,
    pub region_name: Option<String>,
    pub subregion_code: Option<i32>,
    pub subregion_name: Option<String>,
    pub regional_group: Option<String>,
    pub un_member: bool,
}

impl From<&State> for StateRow {
    fn from(s: &State) -> Self {
        StateRow {
            iso3: s.iso3.to_string(),
            iso2: s.iso2.clone(),
            m49: s.m49.into(),
            name_en: s.names.en.clone(),
            name_fr: s.names.fr.clone(),
            name_es: s.names.es.clone(),
            formal_name_en: s.formal_names.en.clone(),
            formal_name_fr: s.formal_names.fr.clone(),
            formal_name_es: s.formal_names.es.clone(),
            region_code: s.region.as_ref().map(|a| a.code.into()),
            region_name: s.region.as_ref().map(|a| a.name_en.clone()),
            subregion_code: s.subregion.as_ref().map(|a| a.code.into()),
            subregion_name: s.subregion.as_ref().map(|a| a.name_en.clone()),
            regional_group: s.regional_group.map(|g| g.code().to_owned()),
            un_member: s.un_member,
        }
    }
}

impl TryFrom<StateRow> for State {
    type Error = StoreError;
    fn try_from(row: StateRow) -> Result<Self, StoreError> {
        let at = |field: &str, problem: String| {
            StoreError::corrupt(format!("states {}, {field}: {problem}", row.iso3))
        };
        let code = |field: &str, value: i32| {
            u16::try_from(value).map_err(|_| at(field, format!("{value} is not an M49 code")))
        };
        let area = |field: &str,
                    code_value: Option<i32>,
                    name: &Option<String>|
         -> Result<Option<M49Area>, StoreError> {
            match (code_value, name) {
                (Some(c), Some(n)) => Ok(Some(M49Area {
                    code: code(field, c)?,
                    name_en: n.clone(),
                })),
                _ => Ok(None),
            }
        };
        Ok(State {
            iso3: row
                .iso3
                .parse()
                .map_err(|e: entente_core::ParseIdError| at("iso3", e.to_string()))?,
            m49: code("m49", row.m49)?,
            region: area("region_code", row.region_code, &row.region_name)?,
            subregion: area("subregion_code", row.subregion_code, &row.subregion_name)?,
            regional_group: row
                .regional_group
                .as_deref()
                .map(str::parse::<RegionalGroup>)
                .transpose()
                .map_err(|e| at("regional_group", e))?,
            iso2: row.iso2,
            names: Names {
                en: row.name_en,
                fr: row.name_fr,
                es: row.name_es,
            },
            formal_names: Names {
                en: row.formal_name_en,
                fr: row.formal_name_fr,
                es: row.formal_name_es,
            },
            un_member: row.un_member,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = treaties, treat_none_as_null = true, treat_none_as_default_value = false)]
pub(crate) struct TreatyRow {
    pub id: String,
    pub mtdsg_no: String,
    pub name_en: String,
    pub opened_year: Option<i32>,
    pub status_url: String,
}

impl From<&Treaty> for TreatyRow {
    fn from(t: &Treaty) -> Self {
        TreatyRow {
            id: t.id.to_string(),
            mtdsg_no: t.mtdsg_no.clone(),
            name_en: t.name_en.clone(),
            opened_year: t.opened_year,
            status_url: t.status_url.clone(),
        }
    }
}

impl TryFrom<TreatyRow> for Treaty {
    type Error = StoreError;
    fn try_from(row: TreatyRow) -> Result<Self, StoreError> {
        Ok(Treaty {
            id: row
                .id
                .parse()
                .map_err(|e| StoreError::corrupt(format!("treaties, id: {e}")))?,
            mtdsg_no: row.mtdsg_no,
            name_en: row.name_en,
            opened_year: row.opened_year,
            status_url: row.status_url,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = sources)]
pub(crate) struct SourceRow {
    pub id: String,
    pub title: String,
    pub publisher: String,
    pub url: String,
    pub as_of: NaiveDate,
}

impl From<&Source> for SourceRow {
    fn from(s: &Source) -> Self {
        SourceRow {
            id: s.id.clone(),
            title: s.title.clone(),
            publisher: s.publisher.clone(),
            url: s.url.clone(),
            as_of: s.as_of,
        }
    }
}

impl From<SourceRow> for Source {
    fn from(row: SourceRow) -> Self {
        Source {
            id: row.id,
            title: row.title,
            publisher: row.publisher,
            url: row.url,
            as_of: row.as_of,
        }
    }
}

/// A treaty event as inserted; the database numbers it.
#[derive(Debug, Clone, PartialEq, Insertable)]
#[diesel(table_name = treaty_events, treat_none_as_default_value = false)]
pub(crate) struct NewEventRow {
    pub state: String,
    pub treaty: String,
    pub kind: String,
    pub date: NaiveDate,
    pub source: String,
    pub note: Option<String>,
}

impl From<&TreatyEvent> for NewEventRow {
    fn from(e: &TreatyEvent) -> Self {
        NewEventRow {
            state: e.state.to_string(),
            treaty: e.treaty.to_string(),
            kind: e.kind.code().to_owned(),
            date: e.date,
            source: e.source.clone(),
            note: e.note.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = treaty_events)]
pub(crate) struct EventRow {
    pub id: i64,
    pub state: String,
    pub treaty: String,
    pub kind: String,
    pub date: NaiveDate,
    pub source: String,
    pub note: Option<String>,
}

impl TryFrom<EventRow> for TreatyEvent {
    type Error = StoreError;
    fn try_from(row: EventRow) -> Result<Self, StoreError> {
        let at = |field: &str, problem: String| {
            StoreError::corrupt(format!("treaty_events id {}, {field}: {problem}", row.id))
        };
        Ok(TreatyEvent {
            state: row
                .state
                .parse::<Iso3>()
                .map_err(|e| at("state", e.to_string()))?,
            treaty: row
                .treaty
                .parse::<TreatyId>()
                .map_err(|e| at("treaty", e.to_string()))?,
            kind: row.kind.parse::<EventKind>().map_err(|e| at("kind", e))?,
            date: row.date,
            source: row.source,
            note: row.note,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = world_map)]
pub(crate) struct WorldMapRow {
    pub id: i32,
    pub width: i32,
    pub height: i32,
    pub shapes: String,
    pub markers: String,
}

/// The only row of the single-row tables.
pub(crate) const SINGLE_ROW: i32 = 1;

impl WorldMapRow {
    pub(crate) fn new(map: &WorldMap) -> Result<Self, StoreError> {
        let size = |what: &str, value: u32| {
            i32::try_from(value).map_err(|_| {
                StoreError::integrity(format!("the map's {what} {value} is too large"))
            })
        };
        let json = |e: serde_json::Error| {
            StoreError::integrity(format!("the map cannot be written as JSON: {e}"))
        };
        Ok(WorldMapRow {
            id: SINGLE_ROW,
            width: size("width", map.width)?,
            height: size("height", map.height)?,
            shapes: serde_json::to_string(&map.shapes).map_err(json)?,
            markers: serde_json::to_string(&map.markers).map_err(json)?,
        })
    }
}

impl TryFrom<WorldMapRow> for WorldMap {
    type Error = StoreError;
    fn try_from(row: WorldMapRow) -> Result<Self, StoreError> {
        let at = |field: &str, problem: String| {
            StoreError::corrupt(format!("world_map, {field}: {problem}"))
        };
        Ok(WorldMap {
            width: u32::try_from(row.width)
                .map_err(|_| at("width", format!("{} is negative", row.width)))?,
            height: u32::try_from(row.height)
                .map_err(|_| at("height", format!("{} is negative", row.height)))?,
            shapes: serde_json::from_str::<Vec<MapShape>>(&row.shapes)
                .map_err(|e| at("shapes", e.to_string()))?,
            markers: serde_json::from_str::<Vec<MapMarker>>(&row.markers)
                .map_err(|e| at("markers", e.to_string()))?,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = dataset_meta)]
pub(crate) struct DatasetMetaRow {
    pub id: i32,
    pub as_of: NaiveDate,
}
