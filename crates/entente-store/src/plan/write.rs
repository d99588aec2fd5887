//! Creating, changing and deleting actions, one transaction each with its
//! audit entry and, when the status moves, a step of its history.

use chrono::{NaiveDateTime, Utc};
use diesel::prelude::*;
use entente_core::access::{AccessScope, can_write};
use entente_core::plan::{ActionDraft, ActionId, FieldError};

use super::part_codes::PartCodes;
use super::references::{Catalogues, Links, check_outcome_event};
use super::rows::ActionRow;
use crate::audit::{self, AuditAction, AuditEntry};
use crate::batch::insert_batches;
use crate::connection::DbConnection;
use crate::schema::{
    action_alliances, action_audiences, action_documents, action_partners, action_states,
    action_status_changes, actions,
};
use crate::{Store, StoreError, transaction};

/// The audit entry of a change to an action.
fn action_entry(
    scope: &AccessScope,
    action: AuditAction,
    id: i64,
    draft: &ActionDraft,
) -> AuditEntry {
    AuditEntry {
        actor_user: scope.user(),
        org: Some(draft.lead),
        record_kind: Some("action".to_owned()),
        record_id: Some(id),
        ..AuditEntry::new(Utc::now().naive_utc(), action)
    }
}

impl Store {
    /// Creates an action led by `draft.lead`, which `scope` must be able to
    /// write for (an editor or admin of it): [`StoreError::NotFound`] when
    /// the scope cannot even see the organisation, [`StoreError::Forbidden`]
    /// when it sees it but may not write. Every broken rule is a
    /// [`StoreError::Fields`] naming its field.
    pub fn create_action(
        &self,
        scope: &AccessScope,
        draft: &ActionDraft,
    ) -> Result<ActionId, StoreError> {
        self.create_action_with_signal(scope, draft, None)
    }

    /// As [`Store::create_action`], with its anonymous signal on or off
    /// (`None`: as the lead's default says). A public action emits none: a
    /// signal asked of one is a [`StoreError::Fields`] on `signal`.
    pub fn create_action_with_signal(
        &self,
        scope: &AccessScope,
        draft: &ActionDraft,
        signal: Option<bool>,
    ) -> Result<ActionId, StoreError> {
        self.check_writes_for(scope, draft)?;
        let mut conn = self.connection()?;
        check_draft_and_signal(&mut conn, scope, draft, signal)?;
        let now = Utc::now().naive_utc();
        transaction::write(&mut conn, |conn| {
            let id = insert_new_action(conn, scope, draft, now)?;
            match signal {
                None => crate::coordination::emit_by_default(conn, id.0, draft)?,
                Some(on) => crate::coordination::set_emits(conn, id.0, on)?,
            }
            Ok(id)
        })
    }

    /// Replaces an action's content. `scope` must see the action
    /// ([`StoreError::NotFound`]) and write for its lead, and for the new
    /// lead when it changes ([`StoreError::Forbidden`]). A new status is
    /// added to the history.
    pub fn update_action(
        &self,
        scope: &AccessScope,
        id: ActionId,
        draft: &ActionDraft,
    ) -> Result<(), StoreError> {
        self.update_action_with_signal(scope, id, draft, None)
    }

    /// As [`Store::update_action`], turning the action's signal on or off
    /// in the same transaction (`None`: left as it is).
    pub fn update_action_with_signal(
        &self,
        scope: &AccessScope,
        id: ActionId,
        draft: &ActionDraft,
        signal: Option<bool>,
    ) -> Result<(), StoreError> {
        let before = self.writable_action(scope, id)?;
        self.check_writes_for(scope, draft)?;
        let mut conn = self.connection()?;
        check_draft_and_signal(&mut conn, scope, draft, signal)?;
        let now = Utc::now().naive_utc();
        transaction::write(&mut conn, |conn| {
            let row = ActionRow::new(id.0, draft, before.created_by, before.created_at, now);
            diesel::update(actions::table.find(id.0))
                .set(&row.content())
                .execute(conn)?;
            delete_parts(conn, id.0)?;
            insert_parts(conn, &[(id.0, draft)])?;
            if before.content.status != draft.status {
                insert_status(conn, scope, id.0, draft, now)?;
            }
            crate::search::index_actions(conn, &[id.0])?;
            let mut changed = changed_fields(&before.content, draft);
            if let Some(on) = signal {
                if crate::coordination::emits(conn, id.0)? != on {
                    crate::coordination::set_emits(conn, id.0, on)?;
                    changed.push("signal");
                }
            }
            let changed = changed.join(", ");
            let entry = AuditEntry {
                detail: format!("changed: {changed}"),
                ..action_entry(scope, AuditAction::RecordUpdated, id.0, draft)
            };
            audit::append(conn, &entry)?;
            Ok(())
        })
    }

    /// Deletes an action and its history; the audit log keeps the deletion.
    pub fn delete_action(&self, scope: &AccessScope, id: ActionId) -> Result<(), StoreError> {
        let before = self.writable_action(scope, id)?;
        let mut conn = self.connection()?;
        transaction::write(&mut conn, |conn| {
            diesel::delete(actions::table.find(id.0)).execute(conn)?;
            crate::search::index_actions(conn, &[id.0])?;
            let entry = AuditEntry {
                detail: format!("deleted {:?}", before.content.title),
                ..action_entry(scope, AuditAction::RecordDeleted, id.0, &before.content)
            };
            audit::append(conn, &entry)?;
            Ok(())
        })
    }

    /// The action, if `scope` sees it and may change it.
    fn writable_action(
        &self,
        scope: &AccessScope,
        id: ActionId,
    ) -> Result<super::Action, StoreError> {
        let before = self
            .action(scope, id)?
            .ok_or_else(|| StoreError::not_found(format!("action {id}")))?;
        if !can_write(scope, &before.content.access()) {
            return Err(StoreError::forbidden(format!(
                "only editors of organisation {} may change action {id}",
                before.content.lead
            )));
        }
        Ok(before)
    }

    /// Refuses a draft whose lead the scope may not write for.
    pub(crate) fn check_writes_for(
        &self,
        scope: &AccessScope,
        draft: &ActionDraft,
    ) -> Result<(), StoreError> {
        if can_write(scope, &draft.access()) {
            return Ok(());
        }
        match self.organisation(scope, draft.lead)? {
            None => Err(StoreError::not_found(format!(
                "organisation {}",
                draft.lead
            ))),
            Some(_) => Err(StoreError::forbidden(format!(
                "only editors of organisation {} may write its actions",
                draft.lead
            ))),
        }
    }
}

/// Inserts a checked draft with its search terms and audit entry, inside
/// the caller's transaction; no signal.
pub(crate) fn insert_new_action(
    conn: &mut DbConnection,
    scope: &AccessScope,
    draft: &ActionDraft,
    now: NaiveDateTime,
) -> Result<ActionId, StoreError> {
    let id = insert_action(conn, scope, draft, now)?;
    crate::search::index_actions(conn, &[id])?;
    audit::append(
        conn,
        &action_entry(scope, AuditAction::RecordCreated, id, draft),
    )?;
    Ok(ActionId(id))
}

/// Every rule, those of the draft and those that need the database.
pub(crate) fn check_draft(
    conn: &mut DbConnection,
    scope: &AccessScope,
    draft: &ActionDraft,
) -> Result<(), StoreError> {
    let mut errors = draft.validate().err().unwrap_or_default();
    Catalogues::load(conn)?.check(draft, &mut errors);
    Links::load(conn, scope, std::iter::once(draft))?.check(draft, &mut errors);
    check_outcome_event(conn, draft, &mut errors)?;
    fields_result(errors)
}

/// Every rule of the draft, and that a public action asks for no signal.
fn check_draft_and_signal(
    conn: &mut DbConnection,
    scope: &AccessScope,
    draft: &ActionDraft,
    signal: Option<bool>,
) -> Result<(), StoreError> {
    let mut errors = match check_draft(conn, scope, draft) {
        Ok(()) => Vec::new(),
        Err(StoreError::Fields { errors }) => errors,
        Err(other) => return Err(other),
    };
    if signal == Some(true) && draft.visibility == entente_core::access::Visibility::Public {
        errors.push(FieldError::new(
            "signal",
            "public_action",
            "a public action is seen whole and emits no signal",
        ));
    }
    fields_result(errors)
}

pub(crate) fn fields_result(errors: Vec<FieldError>) -> Result<(), StoreError> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(StoreError::Fields { errors })
    }
}

/// Inserts one action (its id chosen by the database) with its parts and
/// the first step of its history.
fn insert_action(
    conn: &mut DbConnection,
    scope: &AccessScope,
    draft: &ActionDraft,
    now: NaiveDateTime,
) -> Result<i64, StoreError> {
    let row = ActionRow::new(0, draft, scope.user(), now, now);
    let created_by = row.created_by;
    let id = diesel::insert_into(actions::table)
        .values((
            row.content(),
            actions::created_by.eq(created_by),
            actions::created_at.eq(now),
        ))
        .returning(actions::id)
        .get_result::<i64>(conn)?;
    insert_parts(conn, &[(id, draft)])?;
    insert_status(conn, scope, id, draft, now)?;
    Ok(id)
}

fn insert_status(
    conn: &mut DbConnection,
    scope: &AccessScope,
    id: i64,
    draft: &ActionDraft,
    now: NaiveDateTime,
) -> Result<(), StoreError> {
    diesel::insert_into(action_status_changes::table)
        .values((
            action_status_changes::action_id.eq(id),
            action_status_changes::status.eq(draft.status.code()),
            action_status_changes::changed_at.eq(now),
            action_status_changes::changed_by.eq(scope.user().map(|u| u.0)),
        ))
        .execute(conn)?;
    Ok(())
}

fn delete_parts(conn: &mut DbConnection, id: i64) -> Result<(), StoreError> {
    diesel::delete(action_states::table.filter(action_states::action_id.eq(id))).execute(conn)?;
    diesel::delete(action_audiences::table.filter(action_audiences::action_id.eq(id)))
        .execute(conn)?;
    diesel::delete(action_partners::table.filter(action_partners::action_id.eq(id)))
        .execute(conn)?;
    diesel::delete(action_alliances::table.filter(action_alliances::action_id.eq(id)))
        .execute(conn)?;
    diesel::delete(action_documents::table.filter(action_documents::action_id.eq(id)))
        .execute(conn)?;
    Ok(())
}

/// Inserts the parts of the given actions, in multi-row statements.
pub(crate) fn insert_parts(
    conn: &mut DbConnection,
    drafts: &[(i64, &ActionDraft)],
) -> Result<(), StoreError> {
    let mut states = Vec::new();
    let mut audiences = Vec::new();
    let mut partners = Vec::new();
    let mut alliances = Vec::new();
    let mut documents = Vec::new();
    for (id, draft) in drafts {
        let id = *id;
        // What a state's list reads of the action, on each state's row
        // (migration `2026-12-23-000000_action_state_listings`).
        let alliance_ids = PartCodes::alliances_of(draft);
        states.extend(draft.states.iter().map(|s| {
            (
                action_states::action_id.eq(id),
                action_states::state.eq(s.as_str().to_owned()),
                action_states::visibility.eq(draft.visibility.code()),
                action_states::lead_org.eq(draft.lead.0),
                action_states::status.eq(draft.status.code()),
                action_states::alliance_ids.eq(alliance_ids.clone()),
                action_states::action_type.eq(draft.action_type.clone()),
                action_states::phase.eq(draft.phase.code()),
                action_states::level.eq(draft.level.code()),
                action_states::listed_on.eq(draft.start.or(draft.due)),
                action_states::lasts_until.eq(draft.end.or(draft.start).or(draft.due)),
            )
        }));
        audiences.extend(draft.audiences.iter().map(|a| {
            (
                action_audiences::action_id.eq(id),
                action_audiences::audience.eq(a.code()),
            )
        }));
        partners.extend(draft.partners.iter().map(|o| {
            (
                action_partners::action_id.eq(id),
                action_partners::org_id.eq(o.0),
            )
        }));
        alliances.extend(draft.shared_with.iter().map(|a| {
            (
                action_alliances::action_id.eq(id),
                action_alliances::alliance_id.eq(a.0),
            )
        }));
        documents.extend(draft.documents.iter().zip(0..).map(|(d, position)| {
            (
                action_documents::action_id.eq(id),
                action_documents::position.eq(position),
                action_documents::title.eq(d.title.trim().to_owned()),
                action_documents::url.eq(d.url.trim().to_owned()),
            )
        }));
    }
    insert_batches!(conn, action_states::table, states);
    insert_batches!(conn, action_audiences::table, audiences);
    insert_batches!(conn, action_partners::table, partners);
    insert_batches!(conn, action_alliances::table, alliances);
    insert_batches!(conn, action_documents::table, documents);
    Ok(())
}

/// The names of the fields that differ, for the audit log.
fn changed_fields(before: &ActionDraft, after: &ActionDraft) -> Vec<&'static str> {
    [
        ("title", before.title != after.title.trim()),
        ("description", before.description != after.description),
        ("action_type", before.action_type != after.action_type),
        ("phase", before.phase != after.phase),
        ("level", before.level != after.level),
        ("states", before.states != after.states),
        ("audiences", before.audiences != after.audiences),
        ("lead", before.lead != after.lead),
        ("partners", before.partners != after.partners),
        (
            "dates",
            (before.start, before.end, before.due) != (after.start, after.end, after.due),
        ),
        ("status", before.status != after.status),
        ("budget", before.budget != after.budget),
        ("staff_days", before.staff_days != after.staff_days),
        (
            "expected_outcome",
            before.expected_outcome != after.expected_outcome,
        ),
        (
            "actual_outcome",
            before.actual_outcome != after.actual_outcome,
        ),
        ("outcome_event", before.outcome_event != after.outcome_event),
        ("documents", before.documents != after.documents),
        (
            "visibility",
            (before.visibility, &before.shared_with) != (after.visibility, &after.shared_with),
        ),
    ]
    .into_iter()
    .filter_map(|(field, changed)| changed.then_some(field))
    .collect()
}
