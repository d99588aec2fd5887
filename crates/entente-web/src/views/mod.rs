//! View models: what a page or an API answer shows, computed from store
//! reads and the core rules. HTML templates and JSON share them, so the
//! portal and the API can never disagree.

pub mod actions;
pub mod alliance;
pub mod audit;
pub mod board;
pub mod order;
pub mod profile;
pub mod read;
pub mod treaty;

use chrono::NaiveDate;
use entente_core::{M49Area, Names, Source, State};
use serde::Serialize;
use utoipa::ToSchema;

/// A name in the three languages of the portal.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(as = Names)]
pub struct NamesView {
    pub en: String,
    pub fr: String,
    pub es: String,
}

impl From<&Names> for NamesView {
    fn from(n: &Names) -> Self {
        NamesView {
            en: n.en.clone(),
            fr: n.fr.clone(),
            es: n.es.clone(),
        }
    }
}

/// A UN M49 area (region or sub-region).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[schema(as = M49Area)]
pub struct AreaView {
    /// The M49 code, e.g. 150 for Europe.
    #[schema(example = 150)]
    pub code: u16,
    pub name_en: String,
}

impl From<&M49Area> for AreaView {
    fn from(a: &M49Area) -> Self {
        AreaView {
            code: a.code,
            name_en: a.name_en.clone(),
        }
    }
}

/// Where a fact comes from.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(as = Source)]
pub struct SourceView {
    pub id: String,
    pub title: String,
    pub publisher: String,
    pub url: String,
    /// The day the source describes.
    pub as_of: NaiveDate,
}

impl From<&Source> for SourceView {
    fn from(s: &Source) -> Self {
        SourceView {
            id: s.id.clone(),
            title: s.title.clone(),
            publisher: s.publisher.clone(),
            url: s.url.clone(),
            as_of: s.as_of,
        }
    }
}

/// A state, with the facts every list shows.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct StateRef {
    #[schema(value_type = String, example = "FRA")]
    pub iso3: entente_core::Iso3,
    pub names: NamesView,
    pub region: Option<AreaView>,
    pub subregion: Option<AreaView>,
    /// `african`, `asia_pacific`, `eastern_european`, `grulac` or `weog`.
    #[schema(value_type = Option<String>, example = "weog")]
    pub regional_group: Option<entente_core::RegionalGroup>,
}

impl From<&State> for StateRef {
    fn from(s: &State) -> Self {
        StateRef {
            iso3: s.iso3,
            names: (&s.names).into(),
            region: s.region.as_ref().map(Into::into),
            subregion: s.subregion.as_ref().map(Into::into),
            regional_group: s.regional_group,
        }
    }
}

impl StateRef {
    pub fn name(&self, lang: &str) -> &str {
        match lang {
            "fr" => &self.names.fr,
            "es" => &self.names.es,
            _ => &self.names.en,
        }
    }
}
