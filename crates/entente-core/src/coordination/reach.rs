//! An alliance's reach: its members by sector, level and UN regional group,
//! and the states they cover at each OPCAT stage. The figures that show
//! whether a coalition "spans sectors and regions", and where it works on
//! ratification or on implementation. The caller passes only the members
//! its reader may see, so the figures never reveal a hidden organisation.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::OrgProfile;
use crate::opcat::Stage;
use crate::plan::{Level, Sector};
use crate::{Iso3, RegionalGroup};

/// The figures of one alliance. Every sector, level, region and stage is
/// present, with 0 (or no states) when nothing counts in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reach {
    pub members: usize,
    /// A member counts once in each sector it names.
    pub by_sector: BTreeMap<Sector, usize>,
    pub by_level: BTreeMap<Level, usize>,
    /// A member counts once in each regional group it works in as a whole
    /// or through one of its states.
    pub by_region: BTreeMap<RegionalGroup, usize>,
    /// The states at least one member names, by code.
    pub states: Vec<Iso3>,
    /// Those states by their stage.
    pub by_stage: BTreeMap<Stage, Vec<Iso3>>,
    /// Covered states whose stage is not given.
    pub unstaged: Vec<Iso3>,
}

impl Reach {
    /// The reach of `members`, given each state's regional group and stage.
    pub fn of(
        members: &[OrgProfile],
        groups: &BTreeMap<Iso3, RegionalGroup>,
        stages: &BTreeMap<Iso3, Stage>,
    ) -> Self {
        let mut reach = Reach {
            members: members.len(),
            by_sector: Sector::ALL.iter().map(|s| (*s, 0)).collect(),
            by_level: Level::ALL.iter().map(|l| (*l, 0)).collect(),
            by_region: RegionalGroup::ALL.iter().map(|r| (*r, 0)).collect(),
            states: Vec::new(),
            by_stage: Stage::ALL.iter().map(|s| (*s, Vec::new())).collect(),
            unstaged: Vec::new(),
        };
        let mut covered = BTreeSet::new();
        for member in members {
            for sector in member.sectors.iter().collect::<BTreeSet<_>>() {
                *reach.by_sector.entry(*sector).or_default() += 1;
            }
            *reach.by_level.entry(member.level).or_default() += 1;
            let mut regions: BTreeSet<RegionalGroup> = member.regions.iter().copied().collect();
            regions.extend(member.states.iter().filter_map(|s| groups.get(s)));
            for region in regions {
                *reach.by_region.entry(region).or_default() += 1;
            }
            covered.extend(member.states.iter().copied());
        }
        for state in &covered {
            match stages.get(state) {
                Some(stage) => reach.by_stage.entry(*stage).or_default().push(*state),
                None => reach.unstaged.push(*state),
            }
        }
        reach.states = covered.into_iter().collect();
        reach
    }

    /// The one sector all members whose sectors are known work in, if
    /// there is exactly one: an alliance that does not span sectors.
    pub fn single_sector(&self) -> Option<Sector> {
        let mut named = self.by_sector.iter().filter(|(_, count)| **count > 0);
        match (named.next(), named.next()) {
            (Some((sector, _)), None) => Some(*sector),
            _ => None,
        }
    }

    /// It has national members and international or regional ones: the
    /// combined pressure that tips the balance.
    pub fn spans_levels(&self) -> bool {
        let count = |level| self.by_level.get(&level).copied().unwrap_or(0);
        count(Level::National) > 0 && count(Level::International) + count(Level::Regional) > 0
    }
}
