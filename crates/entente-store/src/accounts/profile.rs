//! The rows beside an organisation's or an alliance's entry: its sectors,
//! and the states and regions it works in. Written as a whole in the
//! caller's transaction, read for many entries in one query per table.

use std::collections::BTreeMap;

use diesel::prelude::*;
use entente_core::Iso3;
use entente_core::access::OrgId;

use super::rows::{OrganisationRow, stored_code};
use super::{Area, Organisation, OrganisationProfile};
use crate::StoreError;
use crate::connection::DbConnection;
use crate::schema::{
    alliance_regions, alliance_states, organisation_regions, organisation_sectors,
    organisation_states, states,
};

/// The codes among `wanted` that name no stored state, in their order.
pub(crate) fn unknown_states(
    conn: &mut DbConnection,
    wanted: &[Iso3],
) -> Result<Vec<Iso3>, StoreError> {
    if wanted.is_empty() {
        return Ok(Vec::new());
    }
    let codes: Vec<&str> = wanted.iter().map(Iso3::as_str).collect();
    let known: Vec<String> = states::table
        .filter(states::iso3.eq_any(&codes))
        .select(states::iso3)
        .load(conn)?;
    Ok(wanted
        .iter()
        .filter(|code| !known.iter().any(|k| k == code.as_str()))
        .copied()
        .collect())
}

/// Refuses states the reference data does not hold, naming each.
pub(crate) fn check_states(conn: &mut DbConnection, wanted: &[Iso3]) -> Result<(), StoreError> {
    let unknown = unknown_states(conn, wanted)?;
    if unknown.is_empty() {
        return Ok(());
    }
    let named: Vec<String> = unknown
        .iter()
        .map(|c| format!("{:?}", c.as_str()))
        .collect();
    Err(StoreError::invalid(format!(
        "states: no state has the code {}",
        named.join(", ")
    )))
}

/// Replaces the sectors, states and regions of `org` with `profile`'s.
pub(crate) fn write_profile(
    conn: &mut DbConnection,
    org: OrgId,
    profile: &OrganisationProfile,
) -> Result<(), StoreError> {
    check_states(conn, &profile.area.states)?;
    let id = org.0;
    diesel::delete(organisation_sectors::table.filter(organisation_sectors::org_id.eq(id)))
        .execute(conn)?;
    diesel::delete(organisation_states::table.filter(organisation_states::org_id.eq(id)))
        .execute(conn)?;
    diesel::delete(organisation_regions::table.filter(organisation_regions::org_id.eq(id)))
        .execute(conn)?;
    // A handful of rows each: one insert per row.
    for sector in &profile.sectors {
        diesel::insert_into(organisation_sectors::table)
            .values((
                organisation_sectors::org_id.eq(id),
                organisation_sectors::sector.eq(sector.code()),
            ))
            .execute(conn)?;
    }
    for state in &profile.area.states {
        diesel::insert_into(organisation_states::table)
            .values((
                organisation_states::org_id.eq(id),
                organisation_states::state.eq(state.as_str()),
            ))
            .execute(conn)?;
    }
    for region in &profile.area.regions {
        diesel::insert_into(organisation_regions::table)
            .values((
                organisation_regions::org_id.eq(id),
                organisation_regions::region.eq(region.code()),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Ids per query when profiles are loaded, well under both backends'
/// limits on bound parameters.
const IDS_PER_QUERY: usize = 10_000;

/// The directory entries of `rows`, with their profiles, in the same order.
pub(crate) fn with_profiles(
    conn: &mut DbConnection,
    rows: Vec<OrganisationRow>,
) -> Result<Vec<Organisation>, StoreError> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut profiles: BTreeMap<i64, OrganisationProfile> = BTreeMap::new();
    for chunk in ids.chunks(IDS_PER_QUERY) {
        load_profiles(conn, chunk, &mut profiles)?;
    }
    rows.into_iter()
        .map(|row| {
            let mut profile = profiles.remove(&row.id).unwrap_or_default();
            profile.level = stored_code("organisations", row.id, "level", &row.level)?;
            profile.sectors.sort();
            profile.area.regions.sort();
            row.into_organisation(profile)
        })
        .collect()
}

/// Adds the sectors, states and regions of the organisations `ids` to
/// `profiles`.
fn load_profiles(
    conn: &mut DbConnection,
    ids: &[i64],
    profiles: &mut BTreeMap<i64, OrganisationProfile>,
) -> Result<(), StoreError> {
    let sectors: Vec<(i64, String)> = organisation_sectors::table
        .filter(organisation_sectors::org_id.eq_any(ids))
        .order((organisation_sectors::org_id, organisation_sectors::sector))
        .select((organisation_sectors::org_id, organisation_sectors::sector))
        .load(conn)?;
    for (org, sector) in sectors {
        let sector = stored_code("organisation_sectors", org, "sector", &sector)?;
        profiles.entry(org).or_default().sectors.push(sector);
    }
    let states: Vec<(i64, String)> = organisation_states::table
        .filter(organisation_states::org_id.eq_any(ids))
        .order((organisation_states::org_id, organisation_states::state))
        .select((organisation_states::org_id, organisation_states::state))
        .load(conn)?;
    for (org, state) in states {
        let state = stored_code("organisation_states", org, "state", &state)?;
        profiles.entry(org).or_default().area.states.push(state);
    }
    let regions: Vec<(i64, String)> = organisation_regions::table
        .filter(organisation_regions::org_id.eq_any(ids))
        .select((organisation_regions::org_id, organisation_regions::region))
        .load(conn)?;
    for (org, region) in regions {
        let region = stored_code("organisation_regions", org, "region", &region)?;
        profiles.entry(org).or_default().area.regions.push(region);
    }
    Ok(())
}

/// Replaces an alliance's states and regions with `area`'s.
pub(crate) fn write_alliance_area(
    conn: &mut DbConnection,
    alliance: i64,
    area: &Area,
) -> Result<(), StoreError> {
    check_states(conn, &area.states)?;
    diesel::delete(alliance_states::table.filter(alliance_states::alliance_id.eq(alliance)))
        .execute(conn)?;
    diesel::delete(alliance_regions::table.filter(alliance_regions::alliance_id.eq(alliance)))
        .execute(conn)?;
    for state in &area.states {
        diesel::insert_into(alliance_states::table)
            .values((
                alliance_states::alliance_id.eq(alliance),
                alliance_states::state.eq(state.as_str()),
            ))
            .execute(conn)?;
    }
    for region in &area.regions {
        diesel::insert_into(alliance_regions::table)
            .values((
                alliance_regions::alliance_id.eq(alliance),
                alliance_regions::region.eq(region.code()),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// The areas of the alliances `ids`, by alliance.
pub(crate) fn alliance_areas(
    conn: &mut DbConnection,
    ids: &[i64],
) -> Result<BTreeMap<i64, Area>, StoreError> {
    let mut areas: BTreeMap<i64, Area> = BTreeMap::new();
    let states: Vec<(i64, String)> = alliance_states::table
        .filter(alliance_states::alliance_id.eq_any(ids))
        .order((alliance_states::alliance_id, alliance_states::state))
        .select((alliance_states::alliance_id, alliance_states::state))
        .load(conn)?;
    for (alliance, state) in states {
        let state = stored_code("alliance_states", alliance, "state", &state)?;
        areas.entry(alliance).or_default().states.push(state);
    }
    let regions: Vec<(i64, String)> = alliance_regions::table
        .filter(alliance_regions::alliance_id.eq_any(ids))
        .select((alliance_regions::alliance_id, alliance_regions::region))
        .load(conn)?;
    for (alliance, region) in regions {
        let region = stored_code("alliance_regions", alliance, "region", &region)?;
        areas.entry(alliance).or_default().regions.push(region);
    }
    for area in areas.values_mut() {
        area.regions.sort();
    }
    Ok(areas)
}
