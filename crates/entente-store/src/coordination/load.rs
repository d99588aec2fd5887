//! Loading what the coordination rules read, as a scope may see it: open
//! actions (only the columns the rules need, their states, audiences and
//! partners as written on their rows, from one index), the
//! visible directory's profiles, the visible alliances' members, and each
//! state's standing from its CAT and OPCAT events.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

use chrono::NaiveDate;
use diesel::connection::DefaultLoadingMode;
use diesel::dsl::{max, min};
use diesel::prelude::*;
use entente_core::access::{AccessScope, AllianceId, OrgId};
use entente_core::coordination::{OrgProfile, PlannedAction, Profiles, StateAtStage};
use entente_core::plan::{ActionId, ActionStatus, Audience, Level, Phase};
use entente_core::{Iso3, RegionalGroup, TreatyEvent, TreatyId};

use super::columns::{Code, Codes, Day};
use super::{ActionLabel, CoordinationFilter};
use crate::accounts::rows::stored_code;
use crate::connection::DbConnection;
use crate::plan::scope::visible_actions;
use crate::schema::{action_partners, action_states, actions, alliance_members, states};
use crate::{EventFilter, Store, StoreError};

/// The open actions the scope may read that the filter keeps.
type IdQuery<'a> = crate::recommendations::ActionIdQuery<'a>;

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

/// The open actions `scope` may read that `filter` keeps, in id order,
/// each with only the states among `places.wanted` when the filter names
/// states or a region: one query of the actions with their parts as
/// written on their rows (see `plan::part_codes`). With a second
/// connection, each reads half of the ids.
pub(super) fn planned_actions(
    store: &Store,
    conn: &mut DbConnection,
    scope: &AccessScope,
    filter: &CoordinationFilter,
    places: &Places,
) -> Result<Vec<PlannedAction>, StoreError> {
    let wanted: Option<Vec<Iso3>> = Places::narrowed(filter).then(|| {
        let mut wanted = places.wanted.clone();
        wanted.sort_unstable();
        wanted
    });
    let read = |conn: &mut DbConnection, ids: Range<i64>| {
        let mut kinds = HashSet::new();
        open_actions(conn, scope, filter, places, ids, |row| {
            planned_action(row, wanted.as_deref(), &mut kinds)
        })
    };
    // Apart: together, min and max would scan the table.
    let first: Option<i64> = actions::table.select(min(actions::id)).first(conn)?;
    let last: Option<i64> = actions::table.select(max(actions::id)).first(conn)?;
    let (Some(first), Some(last)) = (first, last) else {
        return Ok(Vec::new());
    };
    let end = last.saturating_add(1);
    let middle = first + (end - first) / 2;
    match store.spare_connection() {
        Some(mut spare) => std::thread::scope(|threads| {
            let upper = threads.spawn(|| read(&mut spare, middle..end));
            let mut found = read(conn, first..middle)?;
            let upper = upper
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
            found.reserve_exact(upper.len());
            found.extend(upper);
            Ok(found)
        }),
        _ => read(conn, first..end),
    }
}

/// The most action ids one query of [`open_actions`] covers: a range. PostgreSQL's
/// client library holds a query's whole result until its last row is read
/// (diesel's default loading mode, the only one its connection of either
/// backend offers): half of a million actions in one query held some 150
/// MB, and the first analysis after a change took `entente serve` to 327
/// MB. Read by ranges of ids, each result is a few megabytes; SQLite,
/// which hands rows over one by one, pays one more statement per range.
const IDS_PER_RANGE: i64 = 50_000;

/// The columns of an open action the rules read, codes, dates and lists of
/// parts parsed as read.
type OpenRow = (
    i64,
    i64,
    String,
    Code<Phase>,
    Code<Level>,
    Option<Day>,
    Option<Day>,
    Option<Day>,
    Code<ActionStatus>,
    Codes<Iso3>,
    Codes<Audience>,
    Codes<i64>,
);

/// The open actions of [`open_ids`] among `ids`, with the columns of
/// [`OpenRow`], each made into what `make` makes of it as it is read, in
/// id order: read from the index `actions_open`, which holds all of them
/// and only open actions, [`IDS_PER_RANGE`] ids at a time.
fn open_actions<T>(
    conn: &mut DbConnection,
    scope: &AccessScope,
    filter: &CoordinationFilter,
    places: &Places,
    ids: Range<i64>,
    mut make: impl FnMut(OpenRow) -> T,
) -> Result<Vec<T>, StoreError> {
    let mut found = Vec::new();
    let mut from = ids.start;
    while from < ids.end {
        let to = from.saturating_add(IDS_PER_RANGE).min(ids.end);
        let query = open_ids(scope, filter, places)
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
                actions::state_codes,
                actions::audience_codes,
                actions::partner_ids,
            ))
            .filter(actions::id.ge(from))
            .filter(actions::id.lt(to))
            .order(actions::id);
        for row in query.load_iter::<OpenRow, DefaultLoadingMode>(conn)? {
            found.push(make(row?));
        }
        from = to;
    }
    found.shrink_to_fit();
    Ok(found)
}

/// The planned action of `row`, with only the `wanted` states when given,
/// its kind shared with the others of `kinds`.
fn planned_action(
    row: OpenRow,
    wanted: Option<&[Iso3]>,
    kinds: &mut HashSet<Arc<str>>,
) -> PlannedAction {
    let (id, lead, action_type, phase, level, start, end, due, status, states, audiences, partners) =
        row;
    let mut states = states.0;
    if let Some(wanted) = wanted {
        states.retain(|state| wanted.binary_search(state).is_ok());
    }
    let action_type = match kinds.get(action_type.as_str()) {
        Some(kind) => Arc::clone(kind),
        None => {
            let kind: Arc<str> = action_type.into();
            kinds.insert(Arc::clone(&kind));
            kind
        }
    };
    PlannedAction {
        id: ActionId(id),
        lead: OrgId(lead),
        partners: partners.0.into_iter().map(OrgId).collect(),
        states: states.into_iter().collect(),
        audiences: audiences.0.into_iter().collect(),
        action_type,
        level: level.0,
        phase: phase.0,
        start: start.map(|d| d.0),
        end: end.map(|d| d.0),
        due: due.map(|d| d.0),
        status: status.0,
    }
}

/// Not done or cancelled, written as the condition of the index
/// `actions_open` is (as text, not bound values), so that SQLite reads
/// that index.
fn open() -> diesel::expression::SqlLiteral<diesel::sql_types::Bool> {
    diesel::dsl::sql(&format!(
        "actions.status NOT IN ('{}', '{}')",
        ActionStatus::Done.code(),
        ActionStatus::Cancelled.code()
    ))
}

/// The ids of the actions `scope` may read, not done or cancelled, that
/// `filter` keeps: on one of the wanted states, and as [`narrowed_to`]
/// keeps them.
fn open_ids<'a>(scope: &AccessScope, filter: &CoordinationFilter, places: &Places) -> IdQuery<'a> {
    let mut query = actions::table
        .filter(open())
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
