//! Signals over the stored plan: each organisation's default, each
//! action's switch and opaque key, and the signals a member may see: those
//! of open private or alliance actions that emit one and that the member
//! may not read (what the member may read shows whole instead). Nothing
//! but the kind, audiences, states and month ever leaves this module for
//! another organisation.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{NaiveDate, Utc};
use diesel::dsl::not;
use diesel::prelude::*;
use entente_core::Iso3;
use entente_core::access::{
    AccessScope, OrgId, RecordAccess, Visibility, can_administer, can_write,
};
use entente_core::coordination::{self, PlannedAction, Signal, SignalOverlap};
use entente_core::plan::{ActionDraft, ActionId, ActionStatus};

use super::CoordinationFilter;
use super::load::Places;
use crate::accounts::rows::stored_code;
use crate::audit::{self, AuditAction, AuditEntry};
use crate::connection::DbConnection;
use crate::plan::scope::visible_actions;
use crate::schema::{
    action_audiences, action_signals, action_states, actions, organisation_signal_defaults,
};
use crate::{Store, StoreError, transaction};

/// Statuses whose actions emit their signal: not done, not cancelled.
pub(super) const OPEN: [ActionStatus; 3] = [
    ActionStatus::Idea,
    ActionStatus::Planned,
    ActionStatus::UnderWay,
];

/// A signal as its owner sees it on its own action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionSignal {
    pub emits: bool,
}

impl Store {
    /// Whether `org`'s new actions emit a signal unless told otherwise;
    /// `scope` must be a member of `org` (or the site admin):
    /// [`StoreError::Forbidden`] for others who see it, else
    /// [`StoreError::NotFound`].
    pub fn signal_default(&self, scope: &AccessScope, org: OrgId) -> Result<bool, StoreError> {
        if !scope.is_site_admin() && scope.role_in(org).is_none() {
            return Err(match self.organisation(scope, org)? {
                None => StoreError::not_found(format!("organisation {org}")),
                Some(_) => StoreError::forbidden(format!(
                    "only members of organisation {org} read its signal default"
                )),
            });
        }
        let mut conn = self.connection()?;
        read_default(&mut conn, org)
    }

    /// Sets `org`'s default for its new actions: admins only.
    pub fn set_signal_default(
        &self,
        scope: &AccessScope,
        org: OrgId,
        on: bool,
    ) -> Result<(), StoreError> {
        if !can_administer(scope, org) {
            return Err(match self.organisation(scope, org)? {
                None => StoreError::not_found(format!("organisation {org}")),
                Some(_) => StoreError::forbidden(format!(
                    "only admins of organisation {org} may change its signal default"
                )),
            });
        }
        let mut conn = self.connection()?;
        transaction::write(&mut conn, |conn| {
            diesel::delete(organisation_signal_defaults::table.find(org.0)).execute(conn)?;
            diesel::insert_into(organisation_signal_defaults::table)
                .values((
                    organisation_signal_defaults::org_id.eq(org.0),
                    organisation_signal_defaults::signals_by_default.eq(on),
                ))
                .execute(conn)?;
            let entry = AuditEntry {
                actor_user: scope.user(),
                org: Some(org),
                record_kind: Some("organisation".to_owned()),
                record_id: Some(org.0),
                detail: format!("new actions emit a signal by default: {on}"),
                ..AuditEntry::new(Utc::now().naive_utc(), AuditAction::OrganisationUpdated)
            };
            audit::append(conn, &entry)?;
            Ok(())
        })
    }

    /// The signal switch of an action `scope` may change; `None` for one it
    /// may read but not change (the switch is its owner's business), and
    /// [`StoreError::NotFound`] for one it may not read.
    pub fn action_signal(
        &self,
        scope: &AccessScope,
        id: ActionId,
    ) -> Result<Option<ActionSignal>, StoreError> {
        let action = self
            .action(scope, id)?
            .ok_or_else(|| StoreError::not_found(format!("action {id}")))?;
        if !can_write(scope, &action.content.access()) {
            return Ok(None);
        }
        let emits: Option<bool> = action_signals::table
            .find(id.0)
            .select(action_signals::emits)
            .first(&mut *self.connection()?)
            .optional()?;
        Ok(Some(ActionSignal {
            emits: emits.unwrap_or(false),
        }))
    }

    /// Turns an action's signal on or off: editors of its lead only. A
    /// public action needs none ([`StoreError::Invalid`] when asked to
    /// emit). The key, once made, stays with the action.
    pub fn set_action_signal(
        &self,
        scope: &AccessScope,
        id: ActionId,
        emits: bool,
    ) -> Result<(), StoreError> {
        let action = self
            .action(scope, id)?
            .ok_or_else(|| StoreError::not_found(format!("action {id}")))?;
        if !can_write(scope, &action.content.access()) {
            return Err(StoreError::forbidden(format!(
                "only editors of organisation {} may change action {id}",
                action.content.lead
            )));
        }
        if emits && action.content.visibility == Visibility::Public {
            return Err(StoreError::invalid(
                "signal: a public action is seen whole and needs no signal",
            ));
        }
        let mut conn = self.connection()?;
        transaction::write(&mut conn, |conn| {
            set_emits(conn, id.0, emits)?;
            let entry = AuditEntry {
                actor_user: scope.user(),
                org: Some(action.content.lead),
                record_kind: Some("action".to_owned()),
                record_id: Some(id.0),
                detail: format!("signal: {}", if emits { "on" } else { "off" }),
                ..AuditEntry::new(Utc::now().naive_utc(), AuditAction::RecordUpdated)
            };
            audit::append(conn, &entry)?;
            Ok(())
        })
    }

    /// The signal switches of those of `ids` that `scope` may change (the
    /// non-public actions of organisations it edits for), for exports:
    /// the switch is the owner's business, so other actions have none.
    pub fn signal_switches(
        &self,
        scope: &AccessScope,
        ids: &[ActionId],
    ) -> Result<BTreeMap<ActionId, bool>, StoreError> {
        let mut found = BTreeMap::new();
        let mut conn = self.connection()?;
        let ids: Vec<i64> = ids.iter().map(|a| a.0).collect();
        for chunk in ids.chunks(crate::batch::ROWS_PER_STATEMENT) {
            let mut query = actions::table
                .filter(actions::id.eq_any(chunk))
                .filter(actions::visibility.ne(Visibility::Public.code()))
                .into_boxed();
            if let Some(condition) = visible_actions(scope) {
                query = query.filter(condition);
            }
            let rows: Vec<(i64, i64)> = query
                .select((actions::id, actions::lead_org))
                .load(&mut *conn)?;
            let writable: Vec<i64> = (rows.into_iter())
                .filter(|(_, lead)| can_write(scope, &RecordAccess::private(OrgId(*lead))))
                .map(|(id, _)| id)
                .collect();
            let on: BTreeSet<i64> = action_signals::table
                .filter(action_signals::action_id.eq_any(&writable))
                .filter(action_signals::emits.eq(true))
                .select(action_signals::action_id)
                .load::<i64>(&mut *conn)?
                .into_iter()
                .collect();
            found.extend(
                writable
                    .into_iter()
                    .map(|id| (ActionId(id), on.contains(&id))),
            );
        }
        Ok(found)
    }

    /// The signals `scope` may see that `filter` keeps, by month then key:
    /// none for the public and the site admin (who reads every action
    /// whole). With an alliance, the signals on the states it campaigns in
    /// (its own states and those of its regions), so that choosing an
    /// alliance never narrows a signal to its members.
    pub fn signals(
        &self,
        scope: &AccessScope,
        filter: &CoordinationFilter,
    ) -> Result<Vec<Signal>, StoreError> {
        let AccessScope::Member(_) = scope else {
            return Ok(Vec::new());
        };
        let mut wanted_filter = filter.clone();
        wanted_filter.alliance = None;
        let mut conn = self.connection()?;
        let mut places = Places::load(&mut conn, &wanted_filter)?;
        let mut narrowed = !filter.states.is_empty() || filter.region.is_some();
        if let Some(alliance) = filter.alliance {
            drop(conn);
            let Some(alliance) = self.alliance(scope, alliance)? else {
                return Ok(Vec::new());
            };
            conn = self.connection()?;
            places.wanted.retain(|state| {
                alliance.area.states.contains(state)
                    || places
                        .groups
                        .get(state)
                        .is_some_and(|g| alliance.area.regions.contains(g))
            });
            narrowed = true;
        }
        load_signals(&mut conn, scope, filter, narrowed.then_some(&places.wanted))
    }

    /// The signals `scope` sees that overlap an open action of one of its
    /// organisations (same state and audience, the signal's month within
    /// `window_days` of the action's dates), and the signals themselves.
    pub fn signal_overlaps(
        &self,
        scope: &AccessScope,
        filter: &CoordinationFilter,
        own: &[PlannedAction],
        window_days: u32,
    ) -> Result<Vec<SignalOverlap>, StoreError> {
        let signals = self.signals(scope, filter)?;
        let mine: Vec<PlannedAction> = own
            .iter()
            .filter(|a| scope.role_in(a.lead).is_some())
            .cloned()
            .collect();
        Ok(coordination::signal_overlaps(&mine, &signals, window_days))
    }
}

/// Whether action `id` emits its signal now.
pub(crate) fn emits(conn: &mut DbConnection, id: i64) -> Result<bool, StoreError> {
    Ok(action_signals::table
        .find(id)
        .select(action_signals::emits)
        .first(conn)
        .optional()?
        .unwrap_or(false))
}

/// The stored default of `org`: off when never set.
pub(super) fn read_default(conn: &mut DbConnection, org: OrgId) -> Result<bool, StoreError> {
    Ok(organisation_signal_defaults::table
        .find(org.0)
        .select(organisation_signal_defaults::signals_by_default)
        .first(conn)
        .optional()?
        .unwrap_or(false))
}

/// Inside the transaction that creates action `id`: its signal, on when
/// its lead emits by default and the action is not public.
pub(crate) fn emit_by_default(
    conn: &mut DbConnection,
    id: i64,
    draft: &ActionDraft,
) -> Result<(), StoreError> {
    if draft.visibility != Visibility::Public && read_default(conn, draft.lead)? {
        set_emits(conn, id, true)?;
    }
    Ok(())
}

/// Inside an import's transaction: the signals of the numbered actions,
/// each as its row says (`None`: as its lead's default says), one
/// statement per batch; a public action emits none.
pub(crate) fn emit_imported(
    conn: &mut DbConnection,
    numbered: &[(i64, &ActionDraft)],
    switches: &[Option<bool>],
) -> Result<(), StoreError> {
    let leads: BTreeSet<i64> = numbered.iter().map(|(_, d)| d.lead.0).collect();
    let defaults: BTreeMap<i64, bool> = organisation_signal_defaults::table
        .filter(organisation_signal_defaults::org_id.eq_any(leads))
        .select((
            organisation_signal_defaults::org_id,
            organisation_signal_defaults::signals_by_default,
        ))
        .load(conn)?
        .into_iter()
        .collect();
    let rows: Vec<_> = numbered
        .iter()
        .zip(switches)
        .filter(|((_, draft), switch)| {
            draft.visibility != Visibility::Public
                && switch.unwrap_or_else(|| defaults.get(&draft.lead.0).copied().unwrap_or(false))
        })
        .map(|((id, _), _)| {
            (
                action_signals::action_id.eq(*id),
                action_signals::signal_key.eq(new_key()),
                action_signals::emits.eq(true),
            )
        })
        .collect();
    crate::batch::insert_batches!(conn, action_signals::table, rows);
    Ok(())
}

/// Sets the switch of action `id`, making its key the first time.
pub(crate) fn set_emits(conn: &mut DbConnection, id: i64, emits: bool) -> Result<(), StoreError> {
    let changed = diesel::update(action_signals::table.find(id))
        .set(action_signals::emits.eq(emits))
        .execute(conn)?;
    if changed == 0 {
        diesel::insert_into(action_signals::table)
            .values((
                action_signals::action_id.eq(id),
                action_signals::signal_key.eq(new_key()),
                action_signals::emits.eq(emits),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// 128 random bits in hexadecimal: nothing of the action in it.
fn new_key() -> String {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).expect("the operating system's random source failed");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The action behind a signal `scope` may see, by its key: what a contact
/// request needs. `None` when the key names no such signal.
pub(super) fn signal_action(
    conn: &mut DbConnection,
    scope: &AccessScope,
    key: &str,
) -> Result<Option<(i64, OrgId)>, StoreError> {
    let AccessScope::Member(_) = scope else {
        return Ok(None);
    };
    let query = emitting(scope)
        .filter(
            actions::id.eq_any(
                action_signals::table
                    .filter(action_signals::signal_key.eq(key.to_owned()))
                    .select(action_signals::action_id),
            ),
        )
        .select((actions::id, actions::lead_org))
        .limit(1);
    let row: Option<(i64, i64)> = query.first(conn).optional()?;
    Ok(row.map(|(id, lead)| (id, OrgId(lead))))
}

type EmittingQuery<'a> = actions::BoxedQuery<'a, crate::connection::Db>;

/// Open, non-public actions that emit a signal and that `scope` may not
/// read.
fn emitting<'a>(scope: &AccessScope) -> EmittingQuery<'a> {
    let open: Vec<&str> = OPEN.iter().map(|s| s.code()).collect();
    let mut query = actions::table
        .filter(actions::status.eq_any(open))
        .filter(actions::visibility.ne(Visibility::Public.code()))
        .filter(
            actions::id.eq_any(
                action_signals::table
                    .filter(action_signals::emits.eq(true))
                    .select(action_signals::action_id),
            ),
        )
        .into_boxed();
    if let Some(condition) = visible_actions(scope) {
        query = query.filter(not(condition));
    }
    query
}

/// The signals of [`emitting`] actions that `filter` keeps (on `wanted`
/// states when given), with only those states.
fn load_signals(
    conn: &mut DbConnection,
    scope: &AccessScope,
    filter: &CoordinationFilter,
    wanted: Option<&Vec<Iso3>>,
) -> Result<Vec<Signal>, StoreError> {
    let mut query = emitting(scope);
    if let Some(wanted) = wanted {
        let codes: Vec<String> = wanted.iter().map(|s| s.as_str().to_owned()).collect();
        query = query.filter(
            actions::id.eq_any(
                action_states::table
                    .filter(action_states::state.eq_any(codes))
                    .select(action_states::action_id),
            ),
        );
    }
    if let Some(phase) = filter.phase {
        query = query.filter(actions::phase.eq(phase.code()));
    }
    let rows: Vec<(i64, String, Option<NaiveDate>, Option<NaiveDate>)> = query
        .select((
            actions::id,
            actions::action_type,
            actions::start_date,
            actions::due_date,
        ))
        .order(actions::id)
        .load(conn)?;
    let wanted: Option<BTreeSet<Iso3>> = wanted.map(|w| w.iter().copied().collect());
    let mut found = Vec::with_capacity(rows.len());
    for chunk in rows.chunks(super::load::IDS_PER_QUERY) {
        let ids: Vec<i64> = chunk.iter().map(|r| r.0).collect();
        let keys: BTreeMap<i64, String> = action_signals::table
            .filter(action_signals::action_id.eq_any(&ids))
            .select((action_signals::action_id, action_signals::signal_key))
            .load::<(i64, String)>(conn)?
            .into_iter()
            .collect();
        let mut states: BTreeMap<i64, Vec<Iso3>> = BTreeMap::new();
        for (id, code) in action_states::table
            .filter(action_states::action_id.eq_any(&ids))
            .order((action_states::action_id, action_states::state))
            .select((action_states::action_id, action_states::state))
            .load::<(i64, String)>(conn)?
        {
            let state: Iso3 = stored_code("action", id, "state", &code)?;
            if wanted.as_ref().is_none_or(|w| w.contains(&state)) {
                states.entry(id).or_default().push(state);
            }
        }
        let mut audiences: BTreeMap<i64, Vec<_>> = BTreeMap::new();
        for (id, code) in action_audiences::table
            .filter(action_audiences::action_id.eq_any(&ids))
            .order((action_audiences::action_id, action_audiences::audience))
            .select((action_audiences::action_id, action_audiences::audience))
            .load::<(i64, String)>(conn)?
        {
            audiences
                .entry(id)
                .or_default()
                .push(stored_code("action", id, "audience", &code)?);
        }
        for (id, action_type, start, due) in chunk {
            let Some(key) = keys.get(id) else { continue };
            found.push(Signal {
                key: key.clone(),
                action_type: action_type.clone(),
                audiences: audiences.remove(id).unwrap_or_default(),
                states: states.remove(id).unwrap_or_default(),
                month: start.or(*due).map(Signal::month_of),
            });
        }
    }
    found.sort_by(|a, b| (a.month, &a.key).cmp(&(b.month, &b.key)));
    Ok(found)
}
