//! Loading what the coordination rules read, as a scope may see it: open
//! actions (only the columns the rules need, then their states, audiences
//! and partners in one query per table, merged by id), the
//! visible directory's profiles, the visible alliances' members, and each
//! state's standing from its CAT and OPCAT events.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;
use diesel::prelude::*;
use entente_core::access::{AccessScope, AllianceId, OrgId};
use entente_core::coordination::{OrgProfile, PlannedAction, Profiles, StateAtStage};
use entente_core::plan::{ActionId, ActionStatus, Audience, Level, Phase};
use entente_core::{Iso3, RegionalGroup, TreatyEvent, TreatyId};

use super::columns::{Code, Day};
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

/// The columns of an action the rules read, codes and dates parsed as read.
type ActionRow = (
    i64,
    i64,
    String,
    Code<Phase>,
    Code<Level>,
    Option<Day>,
    Option<Day>,
    Option<Day>,
    Code<ActionStatus>,
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
/// region: one query for the actions and one per table of their parts
/// (states, audiences, partners), joined to the actions by a merge on the
/// ids. With a second connection, the states and partners are read on it
/// while the actions and their audiences are read on the first.
pub(super) fn planned_actions(
    store: &Store,
    conn: &mut DbConnection,
    scope: &AccessScope,
    filter: &CoordinationFilter,
    places: &Places,
) -> Result<Vec<PlannedAction>, StoreError> {
    let (actions, audiences, (states, partners)) = match store.spare_connection() {
        Some(mut spare) => std::thread::scope(|threads| {
            let other = threads.spawn(|| states_and_partners(&mut spare, scope, filter, places));
            let first = actions_and_audiences(conn, scope, filter, places);
            let other = other
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            let (actions, audiences) = first?;
            Ok::<_, StoreError>((actions, audiences, other?))
        })?,
        None => {
            let (actions, audiences) = actions_and_audiences(conn, scope, filter, places)?;
            (
                actions,
                audiences,
                states_and_partners(conn, scope, filter, places)?,
            )
        }
    };
    let mut found: Vec<PlannedAction> = actions.into_iter().map(planned_action).collect();
    let wanted: Option<Vec<Iso3>> = Places::narrowed(filter).then(|| {
        let mut wanted = places.wanted.clone();
        wanted.sort_unstable();
        wanted
    });
    merge(&mut found, states, |action, Code(state)| {
        if wanted
            .as_ref()
            .is_none_or(|w| w.binary_search(&state).is_ok())
        {
            action.states.push(state);
        }
    });
    merge(&mut found, audiences, |action, Code(audience)| {
        action.audiences.push(audience);
    });
    merge(&mut found, partners, |action, org| {
        action.partners.push(OrgId(org));
    });
    Ok(found)
}

/// The columns of the open actions the rules read, by id, and their
/// audiences.
#[expect(clippy::type_complexity)]
fn actions_and_audiences(
    conn: &mut DbConnection,
    scope: &AccessScope,
    filter: &CoordinationFilter,
    places: &Places,
) -> Result<(Vec<ActionRow>, Vec<(i64, Code<Audience>)>), StoreError> {
    // No order asked of the database: read this way, SQLite scans the
    // index of the workspace's list, which holds every column read here,
    // instead of the table with its titles and descriptions.
    let mut rows: Vec<ActionRow> = open_ids(scope, filter, places)
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
        .load(conn)?;
    rows.sort_unstable_by_key(|row| row.0);
    let ids: Vec<i64> = rows.iter().map(|row| row.0).collect();
    let audiences = parts_of(conn, &ids, audiences)?;
    Ok((rows, audiences))
}

/// The states and the partners of the open actions.
#[expect(clippy::type_complexity)]
fn states_and_partners(
    conn: &mut DbConnection,
    scope: &AccessScope,
    filter: &CoordinationFilter,
    places: &Places,
) -> Result<(Vec<(i64, Code<Iso3>)>, Vec<(i64, i64)>), StoreError> {
    let ids: Vec<i64> = open_ids(scope, filter, places)
        .order(actions::id)
        .load(conn)?;
    Ok((
        parts_of(conn, &ids, states)?,
        parts_of(conn, &ids, partners)?,
    ))
}

/// One table's (action id, part) pairs of the actions `ids` (in order),
/// in the order of the ids: when they are at least half of the ids from
/// their first to their last (the whole plan, or most of it), one query
/// over that range, the merge leaving out the others; otherwise one query
/// for each ten thousand ids.
fn parts_of<T>(
    conn: &mut DbConnection,
    ids: &[i64],
    read: impl Fn(&mut DbConnection, Among<'_>) -> Result<Vec<(i64, T)>, StoreError>,
) -> Result<Vec<(i64, T)>, StoreError> {
    let (Some(&first), Some(&last)) = (ids.first(), ids.last()) else {
        return Ok(Vec::new());
    };
    if i64::try_from(ids.len()).unwrap_or(i64::MAX) >= (last - first + 1) / 2 {
        return read(conn, Among::Range(first, last));
    }
    let mut found = Vec::new();
    for chunk in ids.chunks(IDS_PER_QUERY) {
        found.extend(read(conn, Among::Ids(chunk))?);
    }
    Ok(found)
}

/// Which actions' parts to read.
#[derive(Clone, Copy)]
enum Among<'a> {
    /// Those whose ids are between these two, both included.
    Range(i64, i64),
    Ids(&'a [i64]),
}

/// A function reading one table's (action id, part) pairs, in order, of
/// the actions [`Among`] names.
macro_rules! pairs {
    ($name:ident, $table:ident, $part:ident, $type:ty) => {
        fn $name(
            conn: &mut DbConnection,
            among: Among<'_>,
        ) -> Result<Vec<(i64, $type)>, StoreError> {
            let query = $table::table
                .select(($table::action_id, $table::$part))
                .order(($table::action_id, $table::$part))
                .into_boxed();
            Ok(match among {
                Among::Range(first, last) => query.filter($table::action_id.between(first, last)),
                Among::Ids(ids) => query.filter($table::action_id.eq_any(ids)),
            }
            .load(conn)?)
        }
    };
}

pairs!(states, action_states, state, Code<Iso3>);
pairs!(audiences, action_audiences, audience, Code<Audience>);
pairs!(partners, action_partners, org_id, i64);

/// Adds each `(id, part)` of `parts` to the action of that id with `add`:
/// both are in id order, so one pass over each. A part whose action is not
/// among `actions` (written between the two reads) is left out.
fn merge<T>(
    actions: &mut [PlannedAction],
    parts: Vec<(i64, T)>,
    mut add: impl FnMut(&mut PlannedAction, T),
) {
    let mut at = 0;
    for (id, part) in parts {
        while at < actions.len() && actions[at].id.0 < id {
            at += 1;
        }
        match actions.get_mut(at) {
            Some(action) if action.id.0 == id => add(action, part),
            Some(_) => {}
            None => break,
        }
    }
}

fn planned_action(row: ActionRow) -> PlannedAction {
    let (id, lead, action_type, phase, level, start, end, due, status) = row;
    PlannedAction {
        id: ActionId(id),
        lead: OrgId(lead),
        partners: Vec::new(),
        states: Vec::new(),
        audiences: Vec::new(),
        action_type,
        level: level.0,
        phase: phase.0,
        start: start.map(|d| d.0),
        end: end.map(|d| d.0),
        due: due.map(|d| d.0),
        status: status.0,
    }
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

/// Ids per query when actions are read by id, well under both backends'
/// limits on bound parameters.
pub(super) const IDS_PER_QUERY: usize = 10_000;

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
