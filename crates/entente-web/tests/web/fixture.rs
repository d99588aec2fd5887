//! A small dataset with real OPCAT facts for a handful of states, to test
//! behaviour independently of the shipped dataset.

use chrono::NaiveDate;
use entente_core::access::{OrgId, Visibility};
use entente_core::plan::{ActionDraft, ActionStatus, Audience, Level, Phase};
use entente_core::{
    ConsentKind, EventKind, M49Area, MapMarker, MapShape, Names, RegionalGroup, Source, State,
    Treaty, TreatyEvent, WorldMap,
};
use entente_store::ReferenceData;

use super::app::{self, TestApp};

pub struct Fixture {
    pub states: Vec<State>,
    pub treaties: Vec<Treaty>,
    pub sources: Vec<Source>,
    pub events: Vec<TreatyEvent>,
    pub map: WorldMap,
}

pub fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
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

fn state(
    iso3: &str,
    m49: u16,
    short: Names,
    formal: Names,
    region: (u16, &str),
    sub: (u16, &str),
    group: RegionalGroup,
) -> State {
    State {
        iso3: iso3.parse().unwrap(),
        iso2: iso3[..2].to_owned(),
        m49,
        names: short,
        formal_names: formal,
        region: area(region.0, region.1),
        subregion: area(sub.0, sub.1),
        regional_group: Some(group),
        un_member: true,
    }
}

fn treaty(id: &str, mtdsg: &str, name: &str) -> Treaty {
    Treaty {
        id: id.parse().unwrap(),
        mtdsg_no: mtdsg.into(),
        name_en: name.into(),
        opened_year: Some(2003),
        status_url: format!("https://treaties.un.org/{mtdsg}"),
    }
}

fn states() -> Vec<State> {
    let europe = (150, "Europe");
    let americas = (19, "Americas");
    vec![
        state(
            "FRA",
            250,
            names("France", "France", "Francia"),
            names(
                "the French Republic",
                "la République française",
                "la República Francesa",
            ),
            europe,
            (155, "Western Europe"),
            RegionalGroup::Weog,
        ),
        state(
            "GBR",
            826,
            names("United Kingdom", "Royaume-Uni", "Reino Unido"),
            names(
                "the United Kingdom of Great Britain and Northern Ireland",
                "le Royaume-Uni de Grande-Bretagne et d'Irlande du Nord",
                "el Reino Unido de Gran Bretaña e Irlanda del Norte",
            ),
            europe,
            (154, "Northern Europe"),
            RegionalGroup::Weog,
        ),
        state(
            "MEX",
            484,
            names("Mexico", "Mexique", "México"),
            names(
                "the United Mexican States",
                "les États-Unis du Mexique",
                "los Estados Unidos Mexicanos",
            ),
            americas,
            (419, "Latin America and the Caribbean"),
            RegionalGroup::Grulac,
        ),
        state(
            "BRA",
            76,
            names("Brazil", "Brésil", "Brasil"),
            names(
                "the Federative Republic of Brazil",
                "la République fédérative du Brésil",
                "la República Federativa del Brasil",
            ),
            americas,
            (419, "Latin America and the Caribbean"),
            RegionalGroup::Grulac,
        ),
        state(
            "DEU",
            276,
            names("Germany", "Allemagne", "Alemania"),
            names(
                "the Federal Republic of Germany",
                "la République fédérale d'Allemagne",
                "la República Federal de Alemania",
            ),
            europe,
            (155, "Western Europe"),
            RegionalGroup::Weog,
        ),
        state(
            "MLT",
            470,
            names("Malta", "Malte", "Malta"),
            names(
                "the Republic of Malta",
                "la République de Malte",
                "la República de Malta",
            ),
            europe,
            (39, "Southern Europe"),
            RegionalGroup::Weog,
        ),
        State {
            un_member: false,
            regional_group: None,
            ..state(
                "GRL",
                304,
                names("Greenland", "Groenland", "Groenlandia"),
                Names::default(),
                americas,
                (21, "Northern America"),
                RegionalGroup::Weog,
            )
        },
    ]
}

fn events() -> Vec<TreatyEvent> {
    let ratify = EventKind::Consent(ConsentKind::Ratification);
    let rows: [(&str, &str, EventKind, &str); 17] = [
        ("FRA", "cat", ratify, "1986-02-18"),
        ("FRA", "opcat", EventKind::Signature, "2005-09-16"),
        ("FRA", "opcat", ratify, "2008-11-11"),
        ("FRA", "opcat", EventKind::NpmDesignation, "2007-10-30"),
        ("GBR", "cat", ratify, "1988-12-08"),
        ("GBR", "opcat", EventKind::Signature, "2003-06-26"),
        ("GBR", "opcat", ratify, "2003-12-10"),
        ("GBR", "opcat", EventKind::NpmDesignation, "2009-03-31"),
        ("MEX", "cat", ratify, "1986-01-23"),
        ("MEX", "opcat", EventKind::Signature, "2003-09-23"),
        ("MEX", "opcat", ratify, "2005-04-11"),
        ("BRA", "cat", ratify, "1989-09-28"),
        ("BRA", "opcat", EventKind::Signature, "2003-10-13"),
        ("BRA", "opcat", ratify, "2007-01-12"),
        ("DEU", "cat", ratify, "1990-10-01"),
        ("DEU", "opcat", EventKind::Signature, "2006-09-20"),
        (
            "MLT",
            "cat",
            EventKind::Consent(ConsentKind::Accession),
            "1990-09-13",
        ),
    ];
    rows.into_iter()
        .map(|(state, treaty, kind, date)| TreatyEvent {
            state: state.parse().unwrap(),
            treaty: treaty.parse().unwrap(),
            kind,
            date: day(date),
            source: if kind == EventKind::NpmDesignation {
                "npm"
            } else {
                "untc"
            }
            .into(),
            note: (kind == EventKind::NpmDesignation).then(|| "Designated by law".to_owned()),
        })
        .collect()
}

pub fn fixture() -> Fixture {
    Fixture {
        states: states(),
        // By identifier, by depositary number as text and as the UN numbers
        // them, these four come in three different orders.
        treaties: vec![
            treaty("cat", "IV-9", "Convention against Torture"),
            treaty(
                "ced",
                "IV-16",
                "Convention for the Protection of All Persons from Enforced Disappearance",
            ),
            treaty(
                "cerd",
                "IV-2",
                "Convention on the Elimination of All Forms of Racial Discrimination",
            ),
            treaty(
                "opcat",
                "IV-9-b",
                "Optional Protocol to the Convention against Torture",
            ),
        ],
        sources: vec![
            Source {
                id: "untc".into(),
                title: "Status of OPCAT".into(),
                publisher: "United Nations Treaty Collection".into(),
                url: "https://treaties.un.org/opcat".into(),
                as_of: day("2026-02-03"),
            },
            Source {
                id: "npm".into(),
                title: "National Preventive Mechanisms".into(),
                publisher: "OHCHR".into(),
                url: "https://www.ohchr.org/npm".into(),
                as_of: day("2026-11-28"),
            },
        ],
        events: events(),
        map: WorldMap {
            width: 960,
            height: 500,
            shapes: vec![
                MapShape {
                    iso3: "FRA".parse().unwrap(),
                    path: "M480,120L490,120L490,130Z".into(),
                },
                MapShape {
                    iso3: "MEX".parse().unwrap(),
                    path: "M200,200L220,200L220,220Z".into(),
                },
                MapShape {
                    iso3: "GRL".parse().unwrap(),
                    path: "M300,20L340,20L340,60Z".into(),
                },
            ],
            markers: vec![MapMarker {
                iso3: "MLT".parse().unwrap(),
                x: 500.0,
                y: 150.0,
            }],
        },
    }
}

impl Fixture {
    pub fn reference(&self) -> ReferenceData<'_> {
        ReferenceData {
            states: &self.states,
            treaties: &self.treaties,
            sources: &self.sources,
            events: &self.events,
            map: &self.map,
            as_of: day("2026-02-03"),
        }
    }
}

/// The app over the fixture on SQLite only, for what no backend changes.
pub async fn fixture_app() -> TestApp {
    TestApp::start(fixture().reference()).await
}

/// Runs `test` against the app over the fixture on each available backend.
pub async fn on_each_backend(test: impl AsyncFn(&TestApp)) {
    app::on_each_backend(fixture().reference(), test).await;
}

/// A planned national letter to the executive of `state`, in March 2026,
/// for the ratification phase: the action most tests start from.
pub fn letter(lead: OrgId, title: &str, state: &str, visibility: Visibility) -> ActionDraft {
    ActionDraft {
        title: title.to_owned(),
        description: String::new(),
        action_type: "letter".to_owned(),
        phase: Phase::Ratification,
        level: Level::National,
        states: vec![state.parse().unwrap()],
        audiences: vec![Audience::Executive],
        lead,
        partners: Vec::new(),
        start: Some(day("2026-03-01")),
        end: Some(day("2026-03-31")),
        due: None,
        status: ActionStatus::Planned,
        budget: None,
        staff_days: None,
        expected_outcome: String::new(),
        actual_outcome: String::new(),
        outcome_event: None,
        documents: Vec::new(),
        visibility,
        shared_with: Vec::new(),
    }
}
