//! What the shared plan's file tests share: a few states with their names
//! in English, French and Spanish, and reading a fixture through the whole
//! import path (sheet, header mapping, records).

use std::collections::BTreeMap;

use entente_core::{Names, State};
use entente_io::plan::{HeaderMapping, RecordKind, Sheet, read_sheet, resolve_headers};

use crate::common::fixture;

fn names(en: &str, fr: &str, es: &str) -> Names {
    Names {
        en: en.into(),
        fr: fr.into(),
        es: es.into(),
    }
}

fn state(iso3: &str, iso2: &str, short: Names, formal: Names) -> State {
    State {
        iso3: iso3.parse().expect("a test code"),
        iso2: iso2.into(),
        m49: 1,
        names: short,
        formal_names: formal,
        region: None,
        subregion: None,
        regional_group: None,
        un_member: true,
    }
}

/// France, Germany, Senegal, Côte d'Ivoire and Mexico.
pub fn states() -> Vec<State> {
    vec![
        state(
            "FRA",
            "FR",
            names("France", "France", "Francia"),
            names(
                "the French Republic",
                "la République française",
                "la República Francesa",
            ),
        ),
        state(
            "DEU",
            "DE",
            names("Germany", "Allemagne", "Alemania"),
            names(
                "the Federal Republic of Germany",
                "la République fédérale d'Allemagne",
                "la República Federal de Alemania",
            ),
        ),
        state(
            "SEN",
            "SN",
            names("Senegal", "Sénégal", "Senegal"),
            names(
                "the Republic of Senegal",
                "la République du Sénégal",
                "la República del Senegal",
            ),
        ),
        state(
            "CIV",
            "CI",
            names("Côte d'Ivoire", "Côte d'Ivoire", "Côte d'Ivoire"),
            names(
                "the Republic of Côte d'Ivoire",
                "la République de Côte d'Ivoire",
                "la República de Côte d'Ivoire",
            ),
        ),
        state(
            "MEX",
            "MX",
            names("Mexico", "Mexique", "México"),
            names(
                "the United Mexican States",
                "les États-Unis du Mexique",
                "los Estados Unidos Mexicanos",
            ),
        ),
    ]
}

/// A fixture of tests/fixtures/plan read as a sheet, with the headers
/// mapped by their built-in names.
pub fn sheet_and_mapping(name: &str, kind: RecordKind) -> (Sheet, HeaderMapping) {
    let bytes = fixture(&format!("plan/{name}"));
    let sheet = read_sheet(&bytes, name).unwrap_or_else(|e| panic!("{name}: {e}"));
    let mapping = resolve_headers(kind, &sheet.headers, &BTreeMap::new(), &[])
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    (sheet, mapping)
}

pub fn date(text: &str) -> chrono::NaiveDate {
    text.parse().expect("an ISO date")
}

pub fn iso3(code: &str) -> entente_core::Iso3 {
    code.parse().expect("an ISO code")
}
