//! An alliance's reach over hand-built members.

use std::collections::BTreeMap;

use super::tests_support::{iso, profile};
use super::*;
use crate::access::OrgKind;
use crate::opcat::Stage;
use crate::plan::Sector::{Health, TorturePrevention};

fn groups() -> BTreeMap<Iso3, RegionalGroup> {
    [
        (iso("KEN"), RegionalGroup::African),
        (iso("FRA"), RegionalGroup::Weog),
    ]
    .into()
}

#[test]
fn members_count_by_sector_level_and_region_and_states_by_stage() {
    let mut national = profile(
        1,
        OrgKind::NationalNgo,
        Level::National,
        &[TorturePrevention, TorturePrevention],
    );
    national.states = vec![iso("KEN")];
    let mut international = profile(
        2,
        OrgKind::InternationalNgo,
        Level::International,
        &[TorturePrevention, Health],
    );
    international.states = vec![iso("FRA"), iso("KEN"), iso("ZZZ")];
    international.regions = vec![RegionalGroup::African, RegionalGroup::Grulac];
    let stages = [
        (iso("KEN"), Stage::Signatory),
        (iso("FRA"), Stage::NpmOperating),
    ]
    .into();
    let reach = Reach::of(&[national, international], &groups(), &stages);
    assert_eq!(reach.members, 2);
    assert_eq!(reach.by_sector[&TorturePrevention], 2);
    assert_eq!(reach.by_sector[&Health], 1);
    assert_eq!(reach.by_sector[&Sector::Legal], 0);
    assert_eq!(reach.by_level[&Level::National], 1);
    assert_eq!(reach.by_level[&Level::Regional], 0);
    assert_eq!(
        reach.by_region[&RegionalGroup::African],
        2,
        "each member once"
    );
    assert_eq!(reach.by_region[&RegionalGroup::Weog], 1);
    assert_eq!(reach.by_region[&RegionalGroup::Grulac], 1);
    assert_eq!(reach.by_region[&RegionalGroup::AsiaPacific], 0);
    assert_eq!(reach.states, vec![iso("FRA"), iso("KEN"), iso("ZZZ")]);
    assert_eq!(reach.by_stage[&Stage::Signatory], vec![iso("KEN")]);
    assert_eq!(reach.by_stage[&Stage::NpmOperating], vec![iso("FRA")]);
    assert!(reach.by_stage[&Stage::NotCatParty].is_empty());
    assert_eq!(reach.unstaged, vec![iso("ZZZ")]);
    assert_eq!(reach.single_sector(), None);
    assert!(reach.spans_levels());
}

#[test]
fn one_sector_and_one_level_show() {
    let members = [
        profile(
            1,
            OrgKind::NationalNgo,
            Level::National,
            &[TorturePrevention],
        ),
        profile(2, OrgKind::Nhri, Level::National, &[]),
    ];
    let reach = Reach::of(&members, &groups(), &BTreeMap::new());
    assert_eq!(reach.single_sector(), Some(TorturePrevention));
    assert!(!reach.spans_levels());
    let empty = Reach::of(&[], &groups(), &BTreeMap::new());
    assert_eq!((empty.members, empty.single_sector()), (0, None));
    assert_eq!(empty.by_stage.len(), Stage::ALL.len());
}
