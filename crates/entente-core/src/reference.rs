//! Public reference data: states, treaties, sources and the world map.
//! It comes from the shipped dataset and is the same for every reader.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::ids::{Iso3, TreatyId};
use crate::region::RegionalGroup;

/// A text in the three languages of the portal.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub struct Names {
    pub en: String,
    pub fr: String,
    pub es: String,
}

impl Names {
    /// The name in `lang` ("en", "fr" or "es"), English otherwise.
    pub fn get(&self, lang: &str) -> &str {
        match lang {
            "fr" => &self.fr,
            "es" => &self.es,
            _ => &self.en,
        }
    }
}

/// A UN M49 area (region, sub-region or intermediate region).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct M49Area {
    /// The three-digit M49 code, e.g. 150 for Europe.
    pub code: u16,
    /// The English name as the M49 standard writes it; other languages come from the UI translations.
    pub name_en: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    pub iso3: Iso3,
    pub iso2: String,
    pub m49: u16,
    /// Short names as the UN terminology database gives them ("France").
    pub names: Names,
    /// Formal names ("the French Republic").
    pub formal_names: Names,
    pub region: Option<M49Area>,
    pub subregion: Option<M49Area>,
    pub regional_group: Option<RegionalGroup>,
    pub un_member: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Treaty {
    pub id: TreatyId,
    /// The UN depositary number, e.g. IV-9-b for OPCAT.
    pub mtdsg_no: String,
    pub name_en: String,
    pub opened_year: Option<i32>,
    /// The UN Treaty Collection status page.
    pub status_url: String,
}

/// Where a fact comes from, shown next to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub publisher: String,
    pub url: String,
    /// The day the source describes.
    pub as_of: NaiveDate,
}

/// The world map, projected once at build time so the portal only draws it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct WorldMap {
    pub width: u32,
    pub height: u32,
    pub shapes: Vec<MapShape>,
    /// States too small to see at map scale, drawn as a circle at this point.
    pub markers: Vec<MapMarker>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MapShape {
    pub iso3: Iso3,
    /// SVG path data in the map's coordinates.
    pub path: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MapMarker {
    pub iso3: Iso3,
    pub x: f32,
    pub y: f32,
}
