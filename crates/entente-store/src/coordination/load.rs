//! Loading what the coordination rules read, as a scope may see it: open
//! actions (only the columns the rules need, their states, audiences and
//! partners in one query per table for ten thousand actions at a time), the
//! visible directory's profiles, the visible alliances' members, and each
//! state's standing from its CAT and OPCAT events.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;
use diesel::prelude::*;
use entente_core::access::{AccessScope, AllianceId, OrgId};
use entente_core::coordination::{OrgProfile, PlannedAction, Profiles, StateAtStage};
use entente_core::plan::{ActionId, ActionStatus};
use entente_core::{Iso3, RegionalGroup, TreatyEvent, TreatyId};

use super::{ActionLabel, CoordinationFilter};
use crate::accounts::rows::stored_code;
use crate::connection::DbConnection;
use crate::plan::scope::visible_actions;
use crate::schema::{
    action_audiences, action_partners, action_states, actions, alliance_members, states,
};
use crate::{EventFilter, Store, StoreError};

/// The open actions the scope may read that the filter keeps.
type IdQuery<'a> = crate::recommendations::ActionIdQuery<'a>;

/// The columns of an action the rules read.
type ActionColumns = (
    i64,
    i64,
    String,
    String,
    String,
    Option<NaiveDate>,
    Option<NaiveDate>,
    Option<NaiveDate>,
    String,
);

/// Each state's UN regional group, and the states the filter keeps (all
/// when it names neither states nor a region).
pub(super) struct Places {
    pub groups: BTreeMap<Iso3, RegionalGroup>,
    pub wanted: Vec<Iso3>,
}

impl Places {
    pub(super) fn load(
        conn: &mut DbConnection,
        filter: &CoordinationFilter,
    ) -> Result<Self, StoreError> {
        let rows: Vec<(String, Option<String>)> = states::table
            .order(states::iso3)
            .select((states::iso3, states::regional_group))
            .load(conn)?;
        let mut groups = BTreeMap::new();
        let mut wanted = Vec::new();
        for (iso3, group) in rows {
            let state: Iso3 = stored_code("states", &iso3, "iso3", &iso3)?;
            let group: Option<RegionalGroup> = group
                .map(|g| stored_code("states", &iso3, "regional_group", &g))
                .transpose()?;
            let named = filter.states.is_empty() || filter.states.contains(&state);
            let in_region = filter.region.is_none() || filter.region == group;
            if named && in_region {
                wanted.push(state);
            }
            if let Some(group) = group {
                groups.insert(state, group);
            }
        }
        Ok(Places { groups, wanted })
    }

    /// The filter narrows the states.
    pub(super) fn narrowed(filter: &CoordinationFilter) -> bool {
        !filter.states.is_empty() || filter.region.is_some()
    }
}

/// The open actions `scope` may read that `filter` keeps, each with only
/// the states among `places.wanted` when the filter names states or a
/// region.
pub(super) fn planned_actions(
    conn: &mut DbConnection,
    scope: &AccessScope,
    filter: &CoordinationFilter,
    places: &Places,
) -> Result<Vec<PlannedAction>, StoreError> {
    let rows: Vec<ActionColumns> = open_ids(scope, filter, places)
        .select((
            actions::id,
            actions::lead_org,
            actions::action_type,
            actions::phase,
            actions::level,
            actions::start_date,
            actions::end_date,
            actions::due_date,
            actions::status,
        ))
        .order(actions::id)
        .load(conn)?;
    let mut found: Vec<PlannedAction> = rows
        .into_iter()
        .map(planned_action)
        .collect::<Result<_, _>>()?;
    let wanted: Option<BTreeSet<Iso3>> =
        Places::narrowed(filter).then(|| places.wanted.iter().copied().collect());
    let ids: Vec<i64> = found.iter().map(|a| a.id.0).collect();
    let mut at = 0;
    for chunk in ids.chunks(IDS_PER_QUERY) {
        let actions = &mut found[at..at + chunk.len()];
        add_parts(conn, chunk, actions, wanted.as_ref())?;
        at += chunk.len();
    }
    Ok(found)
}

/// Ids per query when the parts of actions are loaded, well under both
/// backends' limits on bound parameters.
pub(super) const IDS_PER_QUERY: usize = 10_000;

/// Adds their states (only the `wanted` ones, when given), audiences and
/// partners to `actions`, whose ids are `ids` in the same order: one query
/// per table.
fn add_parts(
    conn: &mut DbConnection,
    ids: &[i64],
    actions: &mut [PlannedAction],
    wanted: Option<&BTreeSet<Iso3>>,
) -> Result<(), StoreError> {
    let index: HashMap<i64, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let pairs: Vec<(i64, String)> = action_states::table
        .filter(action_states::action_id.eq_any(ids))
        .order((action_states::action_id, action_states::state))
        .select((action_states::action_id, action_states::state))
        .load(conn)?;
    for (id, code) in pairs {
        let state: Iso3 = stored_code("action", id, "state", &code)?;
        if let (Some(&i), true) = (index.get(&id), wanted.is_none_or(|w| w.contains(&state))) {
            actions[i].states.push(state);
        }
    }
    let pairs: Vec<(i64, String)> = action_audiences::table
        .filter(action_audiences::action_id.eq_any(ids))
        .order((action_audiences::action_id, action_audiences::audience))
        .select((action_audiences::action_id, action_audiences::audience))
        .load(conn)?;
    for (id, code) in pairs {
        if let Some(&i) = index.get(&id) {
            actions[i]
                .audiences
                .push(stored_code("action", id, "audience", &code)?);
        }
    }
    let pairs: Vec<(i64, i64)> = action_partners::table
        .filter(action_partners::action_id.eq_any(ids))
        .order((action_partners::action_id, action_partners::org_id))
        .select((action_partners::action_id, action_partners::org_id))
        .load(conn)?;
    for (id, org) in pairs {
        if let Some(&i) = index.get(&id) {
            actions[i].partners.push(OrgId(org));
        }
    }
    Ok(())
}

fn planned_action(row: ActionColumns) -> Result<PlannedAction, StoreError> {
    let (id, lead, action_type, phase, level, start, end, due, status) = row;
    Ok(PlannedAction {
        id: ActionId(id),
        lead: OrgId(lead),
        partners: Vec::new(),
        states: Vec::new(),
        audiences: Vec::new(),
        action_type,
        level: stored_code("action", id, "level", &level)?,
        phase: stored_code("action", id, "phase", &phase)?,
        start,
        end,
        due,
        status: stored_code("action", id, "status", &status)?,
    })
}

/// The ids of the actions `scope` may read, not done or cancelled, that
/// `filter` keeps: on one of the wanted states, and as [`narrowed_to`]
/// keeps them.
fn open_ids<'a>(scope: &AccessScope, filter: &CoordinationFilter, places: &Places) -> IdQuery<'a> {
    let closed = [ActionStatus::Done.code(), ActionStatus::Cancelled.code()];
    let mut query = actions::table
        .filter(actions::status.ne_all(closed))
        .select(actions::id)
        .into_boxed();
    if let Some(condition) = visible_actions(scope) {
        query = query.filter(condition);
    }
    if Places::narrowed(filter) {
        let codes: Vec<String> = places
            .wanted
            .iter()
            .map(|s| s.as_str().to_owned())
            .collect();
        query = query.filter(
            actions::id.eq_any(
                action_states::table
                    .filter(action_states::state.eq_any(codes))
                    .select(action_states::action_id),
            ),
        );
    }
    narrowed_to(query, filter)
}

/// The actions of `query` in the filter's phase, led by or partnered with
/// a member of its alliance (`alliance_members` is read only for an
/// alliance the caller has checked the scope may see).
pub(super) fn narrowed_to<'a>(mut query: IdQuery<'a>, filter: &CoordinationFilter) -> IdQuery<'a> {
    if let Some(phase) = filter.phase {
        query = query.filter(actions::phase.eq(phase.code()));
    }
    if let Some(alliance) = filter.alliance {
        let in_alliance = alliance_members::table
            .filter(alliance_members::alliance_id.eq(alliance.0))
            .select(alliance_members::org_id);
        let partnered = action_partners::table
            .filter(
                action_partners::org_id.eq_any(
                    alliance_members::table
                        .filter(alliance_members::alliance_id.eq(alliance.0))
                        .select(alliance_members::org_id),
                ),
            )
            .select(action_partners::action_id);
        query = query.filter(
            actions::lead_org
                .eq_any(in_alliance)
                .or(actions::id.eq_any(partnered)),
        );
    }
    query
}

/// The title and lead of each of `ids` that `scope` may read.
pub(super) fn labels(
    conn: &mut DbConnection,
    scope: &AccessScope,
    ids: &[ActionId],
) -> Result<BTreeMap<ActionId, ActionLabel>, StoreError> {
    let mut found = BTreeMap::new();
    let ids: Vec<i64> = ids.iter().map(|id| id.0).collect();
    for chunk in ids.chunks(IDS_PER_QUERY) {
        let mut query = actions::table
            .filter(actions::id.eq_any(chunk))
            .select((actions::id, actions::title, actions::lead_org))
            .into_boxed();
        if let Some(condition) = visible_actions(scope) {
            query = query.filter(condition);
        }
        let rows: Vec<(i64, String, i64)> = query.load(conn)?;
        for (id, title, lead) in rows {
            let lead = OrgId(lead);
            found.insert(ActionId(id), ActionLabel { title, lead });
        }
    }
    Ok(found)
}

/// The profiles of the organisations whose directory entries `scope` reads.
pub(super) fn profiles(store: &Store, scope: &AccessScope) -> Result<Profiles, StoreError> {
    Ok(store
        .organisations(scope)?
        .into_iter()
        .map(|org| {
            let profile = OrgProfile {
                id: org.id,
                kind: org.kind,
                level: org.profile.level,
                sectors: org.profile.sectors,
                states: org.profile.area.states,
                regions: org.profile.area.regions,
            };
            (org.id, profile)
        })
        .collect())
}

/// The members of the alliances `scope` may read, by alliance.
pub(super) fn memberships(
    store: &Store,
    scope: &AccessScope,
) -> Result<BTreeMap<AllianceId, BTreeSet<OrgId>>, StoreError> {
    Ok(store
        .alliances(scope)?
        .into_iter()
        .map(|a| (a.id, a.members.into_iter().collect()))
        .collect())
}

/// Each of `wanted` on `as_of`, from the CAT and OPCAT events known then;
/// stages 6 and 7 from the NPM records `scope` may see.
pub(super) fn standings(
    store: &Store,
    scope: &AccessScope,
    wanted: &[Iso3],
    as_of: NaiveDate,
) -> Result<Vec<StateAtStage>, StoreError> {
    let (cat, opcat) = (TreatyId::cat(), TreatyId::opcat());
    let mut events = store.events(&EventFilter {
        state: None,
        treaties: Some(vec![cat.clone(), opcat.clone()]),
        as_of: Some(as_of),
    })?;
    events.extend(store.npm_stage_events(scope, Some(wanted), as_of)?);
    let mut by_state: HashMap<Iso3, Vec<TreatyEvent>> = HashMap::new();
    for event in events {
        by_state.entry(event.state).or_default().push(event);
    }
    let none = Vec::new();
    Ok(wanted
        .iter()
        .map(|state| {
            let events = by_state.get(state).unwrap_or(&none);
            StateAtStage::derive(
                *state,
                events.iter().filter(|e| e.treaty == cat),
                events.iter().filter(|e| e.treaty == opcat),
                as_of,
            )
        })
        .collect())
}
