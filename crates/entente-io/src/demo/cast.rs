//! The demo coalition's organisations, people and alliances: international
//! and national NGOs, NHRIs, a bar and a medical association, a UN body, a
//! regional body and academia, named after the real states they work in
//! (chosen by their OPCAT stage), every name marked "(demo)".

use entente_core::access::{OrgKind, Role, Visibility};
use entente_core::plan::{Level, Sector};
use entente_core::{Iso3, RegionalGroup, Stage};
use fastrand::Rng;

use super::{DemoAlliance, DemoState, DemoUser};
use crate::plan::OrganisationRecord;

/// The part an organisation plays in the demo, before it gets a state.
struct Part {
    key: &'static str,
    kind: OrgKind,
    level: Level,
    sectors: &'static [Sector],
    /// The stages of the state it works in; international ones work in
    /// every campaign state.
    stage: Option<&'static [Stage]>,
    visibility: Visibility,
}

const PARTY: &[Stage] = &[
    Stage::PartyNpmPending,
    Stage::NpmDesignated,
    Stage::NpmOperating,
];
const NOT_PARTY: &[Stage] = &[Stage::CatPartyNotSigned, Stage::Signatory];

const PARTS: &[Part] = &[
    Part {
        key: "gdw",
        kind: OrgKind::InternationalNgo,
        level: Level::International,
        sectors: &[Sector::TorturePrevention, Sector::Detention],
        stage: None,
        visibility: Visibility::Public,
    },
    Part {
        key: "hrn",
        kind: OrgKind::InternationalNgo,
        level: Level::International,
        sectors: &[Sector::HumanRights, Sector::Legal],
        stage: None,
        visibility: Visibility::Public,
    },
    Part {
        key: "ppf",
        kind: OrgKind::InternationalNgo,
        level: Level::Regional,
        sectors: &[Sector::Detention, Sector::Health],
        stage: None,
        visibility: Visibility::Alliance,
    },
    Part {
        key: "un",
        kind: OrgKind::UnBody,
        level: Level::International,
        sectors: &[Sector::TorturePrevention],
        stage: None,
        visibility: Visibility::Public,
    },
    Part {
        key: "rhrc",
        kind: OrgKind::RegionalBody,
        level: Level::Regional,
        sectors: &[Sector::HumanRights],
        stage: None,
        visibility: Visibility::Public,
    },
    Part {
        key: "idl",
        kind: OrgKind::Academia,
        level: Level::International,
        sectors: &[Sector::Legal],
        stage: None,
        visibility: Visibility::Public,
    },
    Part {
        key: "cat1",
        kind: OrgKind::NationalNgo,
        level: Level::National,
        sectors: &[Sector::TorturePrevention],
        stage: Some(NOT_PARTY),
        visibility: Visibility::Public,
    },
    Part {
        key: "cat2",
        kind: OrgKind::NationalNgo,
        level: Level::National,
        sectors: &[Sector::Detention, Sector::Children],
        stage: Some(PARTY),
        visibility: Visibility::Public,
    },
    Part {
        key: "cat3",
        kind: OrgKind::NationalNgo,
        level: Level::National,
        sectors: &[Sector::HumanRights, Sector::Women],
        stage: Some(PARTY),
        visibility: Visibility::Alliance,
    },
    Part {
        key: "nhri1",
        kind: OrgKind::Nhri,
        level: Level::National,
        sectors: &[Sector::HumanRights],
        stage: Some(PARTY),
        visibility: Visibility::Public,
    },
    Part {
        key: "nhri2",
        kind: OrgKind::Nhri,
        level: Level::National,
        sectors: &[Sector::HumanRights],
        stage: Some(NOT_PARTY),
        visibility: Visibility::Private,
    },
    Part {
        key: "bar",
        kind: OrgKind::ProfessionalAssociation,
        level: Level::National,
        sectors: &[Sector::Legal],
        stage: Some(NOT_PARTY),
        visibility: Visibility::Public,
    },
    Part {
        key: "med",
        kind: OrgKind::ProfessionalAssociation,
        level: Level::National,
        sectors: &[Sector::Health],
        stage: Some(PARTY),
        visibility: Visibility::Public,
    },
];

/// An organisation of the demo and where it works.
#[derive(Debug, Clone, PartialEq)]
pub struct DemoOrganisation {
    pub record: OrganisationRecord,
    /// The state a national organisation works in.
    pub state: Option<Iso3>,
}

fn name(key: &str, state: Option<&DemoState>) -> String {
    let of = state.map_or("", |s| s.name.as_str());
    let name = match key {
        "gdw" => "Global Detention Watch".to_owned(),
        "hrn" => "Human Rights Network International".to_owned(),
        "ppf" => "Pan-African Prisons Forum".to_owned(),
        "un" => "UN Human Rights Office, Torture Prevention Team".to_owned(),
        "rhrc" => "Regional Commission on Human and Peoples' Rights".to_owned(),
        "idl" => "Institute for Detention Law".to_owned(),
        "cat1" | "cat2" | "cat3" => format!("{of} Coalition against Torture"),
        "nhri1" | "nhri2" => format!("{of} National Human Rights Commission"),
        "bar" => format!("{of} Bar Association"),
        _ => format!("{of} Medical Association"),
    };
    format!("{name} (demo)")
}

/// The organisations, each national one in a different real state at the
/// stage its role calls for, picked with `rng`.
pub(super) fn organisations(rng: &mut Rng, states: &[&DemoState]) -> Vec<DemoOrganisation> {
    let mut taken: Vec<Iso3> = Vec::new();
    let mut out = Vec::new();
    for (line, role) in PARTS.iter().enumerate() {
        let state = role.stage.and_then(|stages| {
            let fits: Vec<&&DemoState> = states
                .iter()
                .filter(|s| stages.contains(&s.stage) && !taken.contains(&s.iso3))
                .collect();
            (!fits.is_empty()).then(|| *fits[rng.usize(..fits.len())])
        });
        if role.stage.is_some() && state.is_none() {
            continue;
        }
        if let Some(s) = state {
            taken.push(s.iso3);
        }
        let regions = match (role.level, state) {
            (Level::Regional, _) => vec![RegionalGroup::African],
            _ => Vec::new(),
        };
        let record = OrganisationRecord {
            line: line + 2,
            short_name: format!("{}-demo", role.key),
            name: name(role.key, state),
            kind: role.kind,
            level: role.level,
            sectors: role.sectors.to_vec(),
            states: state.map(|s| vec![s.iso3]).unwrap_or_default(),
            regions,
            website: Some(format!("https://{}.demo.example.org", role.key)),
            description: Some(format!(
                "Demo data: a fictional {} made up by the entente demo command.",
                role.kind.code().replace('_', " ")
            )),
            visibility: role.visibility,
        };
        out.push(DemoOrganisation {
            record,
            state: state.map(|s| s.iso3),
        });
    }
    out
}

/// An admin for every organisation and an editor for the first few, all
/// under example.org, and one site admin.
pub(super) fn users(organisations: &[DemoOrganisation]) -> Vec<DemoUser> {
    let mut users = vec![DemoUser {
        email: "site-admin@demo.example.org".to_owned(),
        name: "Site Admin (demo)".to_owned(),
        org: None,
        role: Role::Admin,
    }];
    for (i, org) in organisations.iter().enumerate() {
        let short = &org.record.short_name;
        let key = short.trim_end_matches("-demo");
        users.push(DemoUser {
            email: format!("admin.{key}@demo.example.org"),
            name: format!("Admin of {key} (demo)"),
            org: Some(short.clone()),
            role: Role::Admin,
        });
        if i < 4 {
            users.push(DemoUser {
                email: format!("editor.{key}@demo.example.org"),
                name: format!("Editor of {key} (demo)"),
                org: Some(short.clone()),
                role: Role::Editor,
            });
        }
    }
    users
}

/// Three alliances: for ratification, for the NPMs, and a regional one.
pub(super) fn alliances(
    organisations: &[DemoOrganisation],
    states: &[&DemoState],
) -> Vec<DemoAlliance> {
    let shorts = |keys: &[&str]| -> Vec<String> {
        keys.iter()
            .map(|k| format!("{k}-demo"))
            .filter(|s| organisations.iter().any(|o| &o.record.short_name == s))
            .collect()
    };
    let states_at = |stages: &[Stage]| -> Vec<Iso3> {
        states
            .iter()
            .filter(|s| stages.contains(&s.stage))
            .map(|s| s.iso3)
            .collect()
    };
    vec![
        DemoAlliance {
            name: "OPCAT Ratification Coalition (demo)".to_owned(),
            purpose: "Demo data: coordinate the push for signature and ratification of OPCAT.".to_owned(),
            owner: "gdw-demo".to_owned(),
            members: shorts(&["hrn", "idl", "cat1", "bar", "nhri2", "un"]),
            visibility: Visibility::Alliance,
            states: states_at(NOT_PARTY),
            regions: Vec::new(),
        },
        DemoAlliance {
            name: "NPM Working Group (demo)".to_owned(),
            purpose: "Demo data: help states parties set up and run independent National Preventive Mechanisms.".to_owned(),
            owner: "hrn-demo".to_owned(),
            members: shorts(&["gdw", "cat2", "cat3", "nhri1", "med", "un"]),
            visibility: Visibility::Public,
            states: states_at(PARTY),
            regions: Vec::new(),
        },
        DemoAlliance {
            name: "African Prevention Network (demo)".to_owned(),
            purpose: "Demo data: regional cooperation on places of detention in Africa.".to_owned(),
            owner: "ppf-demo".to_owned(),
            members: shorts(&["rhrc", "gdw"]),
            visibility: Visibility::Alliance,
            states: Vec::new(),
            regions: vec![RegionalGroup::African],
        },
    ]
}
