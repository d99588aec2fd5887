//! Creating, changing and deleting consultations: one transaction each
//! with its audit entry, done by editors of the consultation's owner.

use std::collections::BTreeSet;

use chrono::Utc;
use diesel::prelude::*;
use entente_core::access::{AccessScope, can_write};
use entente_core::consultation::{ConsultationDraft, ConsultationId};
use entente_core::plan::FieldError;

use super::Consultation;
use crate::audit::{self, AuditAction, AuditEntry};
use crate::batch::insert_batches;
use crate::connection::DbConnection;
use crate::schema::{
    alliance_members, consultation_alliances, consultation_options, consultation_participants,
    consultation_positions, consultations, states,
};
use crate::{Store, StoreError, transaction};

pub(super) fn entry(
    scope: &AccessScope,
    action: AuditAction,
    id: i64,
    draft: &ConsultationDraft,
    detail: String,
) -> AuditEntry {
    AuditEntry {
        actor_user: scope.user(),
        org: Some(draft.owner),
        record_kind: Some("consultation".to_owned()),
        record_id: Some(id),
        detail,
        ..AuditEntry::new(Utc::now().naive_utc(), action)
    }
}

pub(super) fn fields(errors: Vec<FieldError>) -> StoreError {
    StoreError::Fields { errors }
}

impl Store {
    /// Creates a consultation owned by `draft.owner`, which `scope` must
    /// write for; every broken rule is a [`StoreError::Fields`] naming its
    /// field.
    pub fn create_consultation(
        &self,
        scope: &AccessScope,
        draft: &ConsultationDraft,
    ) -> Result<ConsultationId, StoreError> {
        let mut conn = self.connection()?;
        check_draft(&mut conn, scope, draft)?;
        let now = Utc::now().naive_utc();
        transaction::write(&mut conn, |conn| {
            let id = diesel::insert_into(consultations::table)
                .values((
                    content(draft),
                    consultations::created_by.eq(scope.user().map(|u| u.0)),
                    consultations::created_at.eq(now),
                    consultations::updated_at.eq(now),
                ))
                .returning(consultations::id)
                .get_result::<i64>(conn)?;
            insert_alliances(conn, id, draft)?;
            audit::append(
                conn,
                &entry(scope, AuditAction::RecordCreated, id, draft, String::new()),
            )?;
            Ok(ConsultationId(id))
        })
    }

    /// Replaces a consultation's content; its participants, options and
    /// positions stay. `scope` must see it ([`StoreError::NotFound`]) and
    /// write for its owner, and for the new owner when it changes.
    pub fn update_consultation(
        &self,
        scope: &AccessScope,
        id: ConsultationId,
        draft: &ConsultationDraft,
    ) -> Result<(), StoreError> {
        let before = self.writable_consultation(scope, id)?;
        let mut conn = self.connection()?;
        check_draft(&mut conn, scope, draft)?;
        let now = Utc::now().naive_utc();
        transaction::write(&mut conn, |conn| {
            diesel::update(consultations::table.find(id.0))
                .set((content(draft), consultations::updated_at.eq(now)))
                .execute(conn)?;
            diesel::delete(
                consultation_alliances::table
                    .filter(consultation_alliances::consultation_id.eq(id.0)),
            )
            .execute(conn)?;
            insert_alliances(conn, id.0, draft)?;
            let detail = changed_fields(&before.content, draft).join(", ");
            audit::append(
                conn,
                &entry(
                    scope,
                    AuditAction::RecordUpdated,
                    id.0,
                    draft,
                    format!("changed: {detail}"),
                ),
            )?;
            Ok(())
        })
    }

    /// Deletes a consultation with its participants, options and positions;
    /// the audit log keeps the deletion.
    pub fn delete_consultation(
        &self,
        scope: &AccessScope,
        id: ConsultationId,
    ) -> Result<(), StoreError> {
        let before = self.writable_consultation(scope, id)?;
        let mut conn = self.connection()?;
        transaction::write(&mut conn, |conn| {
            let participants = consultation_participants::table
                .filter(consultation_participants::consultation_id.eq(id.0))
                .select(consultation_participants::id);
            diesel::delete(
                consultation_positions::table
                    .filter(consultation_positions::participant_id.eq_any(participants)),
            )
            .execute(conn)?;
            diesel::delete(
                consultation_participants::table
                    .filter(consultation_participants::consultation_id.eq(id.0)),
            )
            .execute(conn)?;
            diesel::delete(
                consultation_options::table.filter(consultation_options::consultation_id.eq(id.0)),
            )
            .execute(conn)?;
            diesel::delete(
                consultation_alliances::table
                    .filter(consultation_alliances::consultation_id.eq(id.0)),
            )
            .execute(conn)?;
            diesel::delete(consultations::table.find(id.0)).execute(conn)?;
            audit::append(
                conn,
                &entry(
                    scope,
                    AuditAction::RecordDeleted,
                    id.0,
                    &before.content,
                    format!("deleted consultation {}", before.content.title),
                ),
            )?;
            Ok(())
        })
    }

    /// The consultation, if `scope` sees it and may change it.
    pub(super) fn writable_consultation(
        &self,
        scope: &AccessScope,
        id: ConsultationId,
    ) -> Result<Consultation, StoreError> {
        let before = self
            .consultation(scope, id)?
            .ok_or_else(|| StoreError::not_found(format!("consultation {id}")))?;
        if !can_write(scope, &before.content.access()) {
            return Err(StoreError::forbidden(format!(
                "only editors of organisation {} may change consultation {id}",
                before.content.owner
            )));
        }
        Ok(before)
    }
}

/// The draft's broken rules, those of the draft alone and those that need
/// the database.
fn check_draft(
    conn: &mut DbConnection,
    scope: &AccessScope,
    draft: &ConsultationDraft,
) -> Result<(), StoreError> {
    let mut errors = draft.validate().err().unwrap_or_default();
    let known = states::table
        .filter(states::iso3.eq(draft.state.as_str()))
        .count()
        .get_result::<i64>(conn)?;
    if known == 0 {
        errors.push(FieldError::new(
            "state",
            "unknown_state",
            format!("{} is not a state Entente knows", draft.state),
        ));
    }
    if !can_write(scope, &draft.access()) {
        errors.push(FieldError::new(
            "owner",
            "not_editor",
            "choose an organisation you edit for",
        ));
    }
    let of_owner: BTreeSet<i64> = alliance_members::table
        .filter(alliance_members::org_id.eq(draft.owner.0))
        .select(alliance_members::alliance_id)
        .load::<i64>(conn)?
        .into_iter()
        .collect();
    for alliance in &draft.shared_with {
        if !of_owner.contains(&alliance.0) {
            errors.push(FieldError::new(
                "shared_with",
                "not_in_alliance",
                format!(
                    "the owner is not a member of alliance {alliance}, so it cannot share with it"
                ),
            ));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(fields(errors))
    }
}

#[expect(clippy::type_complexity, reason = "a diesel tuple of assignments")]
fn content(
    draft: &ConsultationDraft,
) -> (
    diesel::dsl::Eq<consultations::owner_org, i64>,
    diesel::dsl::Eq<consultations::state, String>,
    diesel::dsl::Eq<consultations::title, String>,
    diesel::dsl::Eq<consultations::kind, &'static str>,
    diesel::dsl::Eq<consultations::start_date, Option<chrono::NaiveDate>>,
    diesel::dsl::Eq<consultations::end_date, Option<chrono::NaiveDate>>,
    diesel::dsl::Eq<consultations::outcome, String>,
    diesel::dsl::Eq<consultations::visibility, &'static str>,
    diesel::dsl::Eq<consultations::demo, bool>,
) {
    (
        consultations::owner_org.eq(draft.owner.0),
        consultations::state.eq(draft.state.as_str().to_owned()),
        consultations::title.eq(draft.title.trim().to_owned()),
        consultations::kind.eq(draft.kind.code()),
        consultations::start_date.eq(draft.start),
        consultations::end_date.eq(draft.end),
        consultations::outcome.eq(draft.outcome.trim().to_owned()),
        consultations::visibility.eq(draft.visibility.code()),
        consultations::demo.eq(draft.demo),
    )
}

fn insert_alliances(
    conn: &mut DbConnection,
    id: i64,
    draft: &ConsultationDraft,
) -> Result<(), StoreError> {
    let alliances: Vec<_> = draft
        .shared_with
        .iter()
        .map(|a| a.0)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .map(|a| {
            (
                consultation_alliances::consultation_id.eq(id),
                consultation_alliances::alliance_id.eq(a),
            )
        })
        .collect();
    insert_batches!(conn, consultation_alliances::table, alliances);
    Ok(())
}

/// Marks the consultation changed now.
pub(super) fn touch(conn: &mut DbConnection, id: i64) -> Result<(), StoreError> {
    diesel::update(consultations::table.find(id))
        .set(consultations::updated_at.eq(Utc::now().naive_utc()))
        .execute(conn)?;
    Ok(())
}

fn changed_fields(before: &ConsultationDraft, after: &ConsultationDraft) -> Vec<&'static str> {
    let mut changed = Vec::new();
    let mut check = |field, same: bool| {
        if !same {
            changed.push(field);
        }
    };
    check("state", before.state == after.state);
    check("title", before.title == after.title);
    check("kind", before.kind == after.kind);
    check("start", before.start == after.start);
    check("end", before.end == after.end);
    check("outcome", before.outcome == after.outcome);
    check("owner", before.owner == after.owner);
    check(
        "visibility",
        before.visibility == after.visibility && before.shared_with == after.shared_with,
    );
    changed
}
