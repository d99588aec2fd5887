//! A small reference dataset written for the tests: a few states (with
//! accented names and absent regions), two treaties, two sources, events.

use chrono::NaiveDate;
use entente_core::{
    Art24Part, ConsentKind, EventKind, Iso3, M49Area, MapMarker, MapShape, Names, RegionalGroup,
    Source, State, Treaty, TreatyEvent, TreatyId, WorldMap,
};
use entente_store::ReferenceData;

pub fn day(s: &str) -> NaiveDate {
    s.parse().expect("an ISO date")
}

pub fn iso3(s: &str) -> Iso3 {
    s.parse().expect("an ISO3 code")
}

fn names(en: &str, fr: &str, es: &str) -> Names {
    Names {
        en: en.into(),
        fr: fr.into(),
        es: es.into(),
    }
}

fn area(code: u16, name: &str) -> Option<M49Area> {
    Some(M49Area {
        code,
        name_en: name.into(),
    })
}

/// An owned dataset, lent to the store as [`ReferenceData`].
pub struct Fixture {
    pub states: Vec<State>,
    pub treaties: Vec<Treaty>,
    pub sources: Vec<Source>,
    pub events: Vec<TreatyEvent>,
    pub map: WorldMap,
    pub as_of: NaiveDate,
}

impl Fixture {
    pub fn data(&self) -> ReferenceData<'_> {
        ReferenceData {
            states: &self.states,
            treaties: &self.treaties,
            sources: &self.sources,
            events: &self.events,
            map: &self.map,
            as_of: self.as_of,
        }
    }

    /// Rows a first load inserts: one per state, treaty, source and event,
    /// plus the map and the as-of day.
    pub fn row_count(&self) -> usize {
        self.states.len() + self.treaties.len() + self.sources.len() + self.events.len() + 2
    }
}

pub fn states() -> Vec<State> {
    vec![
        State {
            iso3: iso3("TUR"),
            iso2: "TR".into(),
            m49: 792,
            names: names("Türkiye", "Türkiye", "Türkiye"),
            formal_names: names(
                "the Republic of Türkiye",
                "la République de Türkiye",
                "la República de Türkiye",
            ),
            region: area(142, "Asia"),
            subregion: area(145, "Western Asia"),
            regional_group: Some(RegionalGroup::Weog),
            un_member: true,
        },
        State {
            iso3: iso3("CIV"),
            iso2: "CI".into(),
            m49: 384,
            names: names("Côte d'Ivoire", "Côte d'Ivoire", "Côte d'Ivoire"),
            formal_names: names(
                "the Republic of Côte d'Ivoire",
                "la République de Côte d'Ivoire",
                "la República de Côte d'Ivoire",
            ),
            region: area(2, "Africa"),
            subregion: area(202, "Sub-Saharan Africa"),
            regional_group: Some(RegionalGroup::African),
            un_member: true,
        },
        State {
            iso3: iso3("FRA"),
            iso2: "FR".into(),
            m49: 250,
            names: names("France", "France", "Francia"),
            formal_names: names(
                "the French Republic",
                "la République française",
                "la República Francesa",
            ),
            region: area(150, "Europe"),
            subregion: area(155, "Western Europe"),
            regional_group: Some(RegionalGroup::Weog),
            un_member: true,
        },
        State {
            iso3: iso3("ATA"),
            iso2: "AQ".into(),
            m49: 10,
            names: names("Antarctica", "Antarctique", "Antártida"),
            formal_names: Names::default(),
            region: None,
            subregion: None,
            regional_group: None,
            un_member: false,
        },
    ]
}

pub fn treaties() -> Vec<Treaty> {
    vec![
        Treaty {
            id: TreatyId::opcat(),
            mtdsg_no: "IV-9-b".into(),
            name_en: "Optional Protocol to the Convention against Torture".into(),
            opened_year: Some(2003),
            status_url: "https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=IV-9-b&chapter=4".into(),
        },
        Treaty {
            id: TreatyId::cat(),
            mtdsg_no: "IV-9".into(),
            name_en: "Convention against Torture".into(),
            opened_year: None,
            status_url: "https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=IV-9&chapter=4".into(),
        },
    ]
}

pub fn source(id: &str, as_of: &str) -> Source {
    Source {
        id: id.into(),
        title: format!("Status of {id} — état des ratifications"),
        publisher: "United Nations Treaty Collection".into(),
        url: format!("https://treaties.un.org/{id}"),
        as_of: day(as_of),
    }
}

pub fn sources() -> Vec<Source> {
    vec![
        source("untc_opcat", "2026-02-03"),
        source("untc_cat", "2026-02-03"),
    ]
}

pub fn event(
    state: &str,
    treaty: TreatyId,
    kind: EventKind,
    date: &str,
    note: Option<&str>,
) -> TreatyEvent {
    let source = if treaty == TreatyId::cat() {
        "untc_cat"
    } else {
        "untc_opcat"
    };
    TreatyEvent {
        state: iso3(state),
        treaty,
        kind,
        date: day(date),
        source: source.into(),
        note: note.map(Into::into),
    }
}

pub fn events() -> Vec<TreatyEvent> {
    let opcat = TreatyId::opcat;
    vec![
        event(
            "FRA",
            TreatyId::cat(),
            EventKind::Consent(ConsentKind::Ratification),
            "1986-02-18",
            None,
        ),
        event("FRA", opcat(), EventKind::Signature, "2005-09-16", None),
        event(
            "FRA",
            opcat(),
            EventKind::Consent(ConsentKind::Ratification),
            "2008-11-11",
            None,
        ),
        event("TUR", opcat(), EventKind::Signature, "2005-09-14", None),
        event(
            "TUR",
            opcat(),
            EventKind::Consent(ConsentKind::Ratification),
            "2011-03-27",
            None,
        ),
        event(
            "TUR",
            opcat(),
            EventKind::Art24Declaration(Art24Part::PartIv),
            "2011-03-27",
            Some("Déclaration : « report des obligations » (Art. 24)"),
        ),
        event(
            "CIV",
            TreatyId::cat(),
            EventKind::Consent(ConsentKind::Accession),
            "1995-12-18",
            None,
        ),
        event(
            "CIV",
            opcat(),
            EventKind::Consent(ConsentKind::Accession),
            "2023-03-01",
            Some("accession, 'a'"),
        ),
    ]
}

pub fn map() -> WorldMap {
    WorldMap {
        width: 960,
        height: 500,
        shapes: vec![
            MapShape {
                iso3: iso3("FRA"),
                path: "M480,120L490,130Z".into(),
            },
            MapShape {
                iso3: iso3("TUR"),
                path: "M560,150L575,152Z".into(),
            },
            MapShape {
                iso3: iso3("CIV"),
                path: "M470,260L472,262Z".into(),
            },
        ],
        markers: vec![MapMarker {
            iso3: iso3("CIV"),
            x: 471.25,
            y: 261.125,
        }],
    }
}

pub fn fixture() -> Fixture {
    Fixture {
        states: states(),
        treaties: treaties(),
        sources: sources(),
        events: events(),
        map: map(),
        as_of: day("2026-02-03"),
    }
}
