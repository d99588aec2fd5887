//! An alliance's reach: how its members spread over sectors, levels and
//! regions, and the states they cover. The figures that show whether a
//! coalition "spans sectors and regions", counted over the members the
//! reader may see, so they never reveal a hidden organisation.

use std::collections::{BTreeMap, BTreeSet};

use diesel::prelude::*;
use entente_core::access::{AccessScope, AllianceId};
use entente_core::plan::{Level, Sector};
use entente_core::{Iso3, RegionalGroup};

use super::Organisation;
use super::profile::with_profiles;
use super::rows::{OrganisationRow, stored_code};
use super::scope::visible_organisations;
use crate::schema::{alliance_members, organisations, states};
use crate::{Store, StoreError};

/// The members of an alliance by sector, level and region, and the states
/// they cover. Every sector, level and region is present, with 0 when no
/// member counts in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AllianceReach {
    /// The members counted: those whose directory entries the reader sees.
    pub members: usize,
    /// An organisation counts once in each sector it names.
    pub by_sector: BTreeMap<Sector, usize>,
    pub by_level: BTreeMap<Level, usize>,
    /// An organisation counts once in each regional group it works in as a
    /// whole or through one of its states.
    pub by_region: BTreeMap<RegionalGroup, usize>,
    /// The states at least one counted member names, by code.
    pub states: Vec<Iso3>,
}

impl AllianceReach {
    /// The figures of `members`, given each state's regional group.
    pub fn of(members: &[Organisation], groups: &BTreeMap<Iso3, RegionalGroup>) -> Self {
        let mut reach = AllianceReach {
            members: members.len(),
            by_sector: Sector::ALL.iter().map(|s| (*s, 0)).collect(),
            by_level: Level::ALL.iter().map(|l| (*l, 0)).collect(),
            by_region: RegionalGroup::ALL.iter().map(|r| (*r, 0)).collect(),
            states: Vec::new(),
        };
        let mut covered = BTreeSet::new();
        for org in members {
            let profile = &org.profile;
            for sector in profile.sectors.iter().collect::<BTreeSet<_>>() {
                *reach.by_sector.entry(*sector).or_default() += 1;
            }
            *reach.by_level.entry(profile.level).or_default() += 1;
            let mut regions: BTreeSet<RegionalGroup> =
                profile.area.regions.iter().copied().collect();
            regions.extend(profile.area.states.iter().filter_map(|s| groups.get(s)));
            for region in regions {
                *reach.by_region.entry(region).or_default() += 1;
            }
            covered.extend(profile.area.states.iter().copied());
        }
        reach.states = covered.into_iter().collect();
        reach
    }
}

impl Store {
    /// The reach of an alliance as `scope` may know it, or `None` when the
    /// alliance is missing or hidden from `scope`. Members whose entries
    /// `scope` may not read are not counted.
    pub fn alliance_reach(
        &self,
        scope: &AccessScope,
        id: AllianceId,
    ) -> Result<Option<AllianceReach>, StoreError> {
        if self.alliance(scope, id)?.is_none() {
            return Ok(None);
        }
        let members = alliance_members::table
            .filter(alliance_members::alliance_id.eq(id.0))
            .select(alliance_members::org_id);
        let mut query = organisations::table
            .filter(organisations::id.eq_any(members))
            .select(OrganisationRow::as_select())
            .into_boxed();
        if let Some(condition) = visible_organisations(scope) {
            query = query.filter(condition);
        }
        let mut conn = self.connection()?;
        let rows = query.load(&mut *conn)?;
        let members = with_profiles(&mut conn, rows)?;
        let named: BTreeSet<&str> = members
            .iter()
            .flat_map(|o| o.profile.area.states.iter().map(Iso3::as_str))
            .collect();
        let pairs: Vec<(String, Option<String>)> = states::table
            .filter(states::iso3.eq_any(named))
            .select((states::iso3, states::regional_group))
            .load(&mut *conn)?;
        let mut groups = BTreeMap::new();
        for (iso3, group) in pairs {
            let state: Iso3 = stored_code("states", &iso3, "iso3", &iso3)?;
            if let Some(group) = group {
                groups.insert(
                    state,
                    stored_code("states", &iso3, "regional_group", &group)?,
                );
            }
        }
        Ok(Some(AllianceReach::of(&members, &groups)))
    }
}
