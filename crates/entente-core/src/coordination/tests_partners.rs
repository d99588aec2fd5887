//! Partner suggestions for one organisation at a state and at a region.

use std::collections::{BTreeMap, BTreeSet};

use super::tests_support::{action, iso, profile};
use super::*;
use crate::access::{AllianceId, OrgKind};
use crate::plan::Sector::{Health, Legal, TorturePrevention};

struct World {
    profiles: Profiles,
    actions: Vec<PlannedAction>,
    alliances: BTreeMap<AllianceId, BTreeSet<OrgId>>,
    groups: BTreeMap<Iso3, RegionalGroup>,
}

fn on(id: i64, lead: i64, state: &str) -> PlannedAction {
    let mut a = action(id, lead);
    a.states = vec![iso(state)].into();
    a
}

/// Organisation 1 is a national torture-prevention NGO in Kenya.
fn world() -> World {
    let mut regional = profile(
        6,
        OrgKind::RegionalBody,
        Level::Regional,
        &[TorturePrevention],
    );
    regional.regions = vec![RegionalGroup::African];
    let mut health = profile(
        3,
        OrgKind::ProfessionalAssociation,
        Level::National,
        &[Health],
    );
    health.states = vec![iso("KEN")];
    let profiles = [
        profile(
            1,
            OrgKind::NationalNgo,
            Level::National,
            &[TorturePrevention],
        ),
        profile(
            2,
            OrgKind::InternationalNgo,
            Level::International,
            &[TorturePrevention],
        ),
        health,
        profile(
            4,
            OrgKind::NationalNgo,
            Level::National,
            &[TorturePrevention],
        ),
        profile(5, OrgKind::InternationalNgo, Level::International, &[Legal]),
        regional,
        profile(7, OrgKind::InternationalNgo, Level::International, &[]),
        profile(8, OrgKind::InternationalNgo, Level::International, &[]),
    ]
    .into_iter()
    .map(|p| (p.id, p))
    .collect();
    let mut cancelled = on(16, 8, "KEN");
    cancelled.status = ActionStatus::Cancelled;
    let mut with_partner = on(11, 2, "KEN");
    with_partner.partners = vec![OrgId(1)].into();
    let actions = vec![
        on(10, 2, "KEN"),
        with_partner,
        on(12, 4, "KEN"),
        on(13, 5, "KEN"),
        on(14, 7, "UGA"),
        on(15, 9, "KEN"),
        cancelled,
        on(17, 1, "KEN"),
    ];
    let alliances = [(AllianceId(1), BTreeSet::from([OrgId(1), OrgId(5)]))].into();
    let groups = [
        (iso("KEN"), RegionalGroup::African),
        (iso("UGA"), RegionalGroup::African),
        (iso("FRA"), RegionalGroup::Weog),
    ]
    .into();
    World {
        profiles,
        actions,
        alliances,
        groups,
    }
}

fn suggest(world: &World, place: Place) -> Vec<PartnerSuggestion> {
    let org = &world.profiles[&OrgId(1)];
    partners(
        org,
        place,
        &world.actions,
        &world.profiles,
        &world.alliances,
        &world.groups,
    )
}

#[test]
fn at_a_state_those_working_there_from_another_level_or_sector_not_yet_allied() {
    let world = world();
    let found = suggest(&world, Place::State(iso("KEN")));
    let ids: Vec<i64> = found.iter().map(|s| s.org.0).collect();
    // 4 brings nothing new, 5 is allied, 7 works elsewhere, 8 only cancelled,
    // 9 has no profile.
    assert_eq!(ids, vec![2, 3, 6]);
    assert_eq!(
        found[0],
        PartnerSuggestion {
            org: OrgId(2),
            score: 8,
            reasons: vec![
                PartnerReason::ActsThere { actions: 2 },
                PartnerReason::OtherLevel {
                    level: Level::International
                },
            ],
        }
    );
    assert_eq!(
        found[1].reasons,
        vec![
            PartnerReason::WorksThere,
            PartnerReason::NewSectors {
                sectors: vec![Health]
            }
        ]
    );
    assert_eq!(
        found[2].reasons,
        vec![
            PartnerReason::WorksInRegion {
                region: RegionalGroup::African
            },
            PartnerReason::OtherLevel {
                level: Level::Regional
            },
        ]
    );
}

#[test]
fn at_a_region_its_states_count() {
    let world = world();
    let found = suggest(&world, Place::Region(RegionalGroup::African));
    let ranked: Vec<(i64, u32)> = found.iter().map(|s| (s.org.0, s.score)).collect();
    assert_eq!(ranked, vec![(2, 8), (7, 7), (3, 4), (6, 4)]);
    assert!(suggest(&world, Place::Region(RegionalGroup::Weog)).is_empty());
}

#[test]
fn leaving_the_alliance_makes_an_ally_a_candidate_again() {
    let mut world = world();
    world.alliances.clear();
    let found = suggest(&world, Place::State(iso("KEN")));
    let five = found.iter().find(|s| s.org == OrgId(5)).unwrap();
    assert_eq!(
        five.reasons,
        vec![
            PartnerReason::ActsThere { actions: 1 },
            PartnerReason::OtherLevel {
                level: Level::International
            },
            PartnerReason::NewSectors {
                sectors: vec![Legal]
            },
        ]
    );
    assert_eq!(five.score, 3 + 1 + 3 + 2);
}
