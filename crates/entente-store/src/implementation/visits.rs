//! SPT visit records: read as a scope may see them, and created, changed
//! and deleted one transaction each with its audit entry.

use chrono::{NaiveDate, Utc};
use diesel::prelude::*;
use entente_core::Iso3;
use entente_core::access::{AccessScope, AllianceId, OrgId, RecordAccess, Visibility, can_write};
use entente_core::implementation::{SptVisitDraft, SptVisitId};
use entente_core::plan::FieldError;

use super::SptVisit;
use super::rows::{VisitContentRow, VisitRow, visits_with_alliances};
use crate::accounts::{Condition, alliance_ids, org_ids};
use crate::audit::{self, AuditAction, AuditEntry};
use crate::connection::DbConnection;
use crate::schema::{alliance_members, spt_visit_alliances, spt_visits, states};
use crate::{Store, StoreError, transaction};

const KIND: &str = "spt_visit";

/// Records the scope may read: public ones; for members, those their
/// organisations own and those shared with their alliances. `None`: no
/// condition (the site admin).
pub(crate) fn visible_visits(scope: &AccessScope) -> Option<Condition<spt_visits::table>> {
    let public = spt_visits::visibility.eq(Visibility::Public.code());
    match scope {
        AccessScope::SiteAdmin(_) => None,
        AccessScope::Public => Some(Box::new(public)),
        AccessScope::Member(member) => {
            let shared = spt_visit_alliances::table
                .filter(spt_visit_alliances::alliance_id.eq_any(alliance_ids(member)))
                .select(spt_visit_alliances::visit_id);
            let allied = spt_visits::visibility
                .eq(Visibility::Alliance.code())
                .and(spt_visits::id.eq_any(shared));
            Some(Box::new(
                public
                    .or(spt_visits::owner_org.eq_any(org_ids(member)))
                    .or(allied),
            ))
        }
    }
}

fn detail(draft: &SptVisitDraft) -> String {
    let when = draft
        .start
        .map(|d| format!(" from {d}"))
        .unwrap_or_default();
    format!("SPT {} visit to {}{when}", draft.visit_type, draft.state)
}

fn entry(
    scope: &AccessScope,
    action: AuditAction,
    id: i64,
    owner: OrgId,
    detail: String,
) -> AuditEntry {
    AuditEntry {
        actor_user: scope.user(),
        org: Some(owner),
        record_kind: Some(KIND.to_owned()),
        record_id: Some(id),
        detail,
        ..AuditEntry::new(Utc::now().naive_utc(), action)
    }
}

impl Store {
    /// One record, or `None` when it is missing or `scope` may not read it.
    pub fn spt_visit(
        &self,
        scope: &AccessScope,
        id: SptVisitId,
    ) -> Result<Option<SptVisit>, StoreError> {
        Ok(self.read_spt_visits(scope, Some(id), None, None)?.pop())
    }

    /// The records of `state` that `scope` may read, the earliest visit first.
    pub fn spt_visits_of_state(
        &self,
        scope: &AccessScope,
        state: Iso3,
    ) -> Result<Vec<SptVisit>, StoreError> {
        self.read_spt_visits(scope, None, Some(state), None)
    }

    /// Every record `scope` may read, by state then visit.
    pub fn spt_visits(&self, scope: &AccessScope) -> Result<Vec<SptVisit>, StoreError> {
        self.read_spt_visits(scope, None, None, None)
    }

    /// The records `scope` may read whose report was sent on or before
    /// `sent_by` and whose reply is not recorded as received by then: those
    /// whose follow-up may be due or overdue on that day.
    pub fn spt_visits_awaiting_reply(
        &self,
        scope: &AccessScope,
        sent_by: NaiveDate,
    ) -> Result<Vec<SptVisit>, StoreError> {
        self.read_spt_visits(scope, None, None, Some(sent_by))
    }

    fn read_spt_visits(
        &self,
        scope: &AccessScope,
        id: Option<SptVisitId>,
        state: Option<Iso3>,
        awaiting_on: Option<NaiveDate>,
    ) -> Result<Vec<SptVisit>, StoreError> {
        let mut query = spt_visits::table.into_boxed();
        if let Some(id) = id {
            query = query.filter(spt_visits::id.eq(id.0));
        }
        if let Some(state) = state {
            query = query.filter(spt_visits::state.eq(state.to_string()));
        }
        if let Some(day) = awaiting_on {
            query = query.filter(spt_visits::report_sent_on.le(day)).filter(
                spt_visits::reply_received_on
                    .is_null()
                    .or(spt_visits::reply_received_on.gt(day)),
            );
        }
        if let Some(condition) = visible_visits(scope) {
            query = query.filter(condition);
        }
        let mut conn = self.connection()?;
        let rows = query
            .order((spt_visits::state, spt_visits::start_date, spt_visits::id))
            .select(VisitRow::as_select())
            .load(&mut *conn)?;
        visits_with_alliances(&mut conn, rows)
    }

    /// Creates a record owned by `draft.owner`, which `scope` must write for:
    /// [`StoreError::NotFound`] when the scope cannot see the organisation,
    /// [`StoreError::Forbidden`] when it may not write for it,
    /// [`StoreError::Fields`] for every broken rule.
    pub fn create_spt_visit(
        &self,
        scope: &AccessScope,
        draft: &SptVisitDraft,
    ) -> Result<SptVisitId, StoreError> {
        self.check_visit_owner(scope, &draft.access())?;
        let mut conn = self.connection()?;
        check_draft(&mut conn, draft)?;
        let now = Utc::now().naive_utc();
        transaction::write(&mut conn, |conn| {
            let id = diesel::insert_into(spt_visits::table)
                .values((
                    VisitContentRow::new(draft, now),
                    spt_visits::created_by.eq(scope.user().map(|u| u.0)),
                    spt_visits::created_at.eq(now),
                ))
                .returning(spt_visits::id)
                .get_result::<i64>(conn)?;
            insert_alliances(conn, id, &draft.shared_with)?;
            audit::append(
                conn,
                &entry(
                    scope,
                    AuditAction::RecordCreated,
                    id,
                    draft.owner,
                    detail(draft),
                ),
            )?;
            Ok(SptVisitId(id))
        })
    }

    /// Replaces a record's content. `scope` must see it
    /// ([`StoreError::NotFound`]) and write for its owner, and for the new
    /// owner when it changes ([`StoreError::Forbidden`]).
    pub fn update_spt_visit(
        &self,
        scope: &AccessScope,
        id: SptVisitId,
        draft: &SptVisitDraft,
    ) -> Result<(), StoreError> {
        let before = self
            .spt_visit(scope, id)?
            .ok_or_else(|| StoreError::not_found(format!("SPT visit {id}")))?;
        check_may_change(scope, &before.content.access(), id)?;
        self.check_visit_owner(scope, &draft.access())?;
        let mut conn = self.connection()?;
        check_draft(&mut conn, draft)?;
        let now = Utc::now().naive_utc();
        transaction::write(&mut conn, |conn| {
            diesel::update(spt_visits::table.find(id.0))
                .set(VisitContentRow::new(draft, now))
                .execute(conn)?;
            diesel::delete(
                spt_visit_alliances::table.filter(spt_visit_alliances::visit_id.eq(id.0)),
            )
            .execute(conn)?;
            insert_alliances(conn, id.0, &draft.shared_with)?;
            audit::append(
                conn,
                &entry(
                    scope,
                    AuditAction::RecordUpdated,
                    id.0,
                    draft.owner,
                    detail(draft),
                ),
            )?;
            Ok(())
        })
    }

    pub fn delete_spt_visit(&self, scope: &AccessScope, id: SptVisitId) -> Result<(), StoreError> {
        let before = self
            .spt_visit(scope, id)?
            .ok_or_else(|| StoreError::not_found(format!("SPT visit {id}")))?;
        check_may_change(scope, &before.content.access(), id)?;
        let mut conn = self.connection()?;
        transaction::write(&mut conn, |conn| {
            diesel::delete(spt_visits::table.find(id.0)).execute(conn)?;
            let text = format!("deleted: {}", detail(&before.content));
            audit::append(
                conn,
                &entry(
                    scope,
                    AuditAction::RecordDeleted,
                    id.0,
                    before.content.owner,
                    text,
                ),
            )?;
            Ok(())
        })
    }

    /// Refuses an owner the scope may not write for: not found when it
    /// cannot even see the organisation, forbidden otherwise.
    fn check_visit_owner(
        &self,
        scope: &AccessScope,
        access: &RecordAccess,
    ) -> Result<(), StoreError> {
        if can_write(scope, access) {
            return Ok(());
        }
        match self.organisation(scope, access.owner)? {
            None => Err(StoreError::not_found(format!(
                "organisation {}",
                access.owner
            ))),
            Some(_) => Err(StoreError::forbidden(format!(
                "only editors of organisation {} may write its SPT visit records",
                access.owner
            ))),
        }
    }
}

fn check_may_change(
    scope: &AccessScope,
    access: &RecordAccess,
    id: SptVisitId,
) -> Result<(), StoreError> {
    if can_write(scope, access) {
        Ok(())
    } else {
        Err(StoreError::forbidden(format!(
            "only editors of organisation {} may change SPT visit {id}",
            access.owner
        )))
    }
}

/// The draft's own rules, the state exists, and the owner belongs to every
/// alliance it shares with.
fn check_draft(conn: &mut DbConnection, draft: &SptVisitDraft) -> Result<(), StoreError> {
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
    let memberships: Vec<i64> = alliance_members::table
        .filter(alliance_members::org_id.eq(draft.owner.0))
        .select(alliance_members::alliance_id)
        .load(conn)?;
    for AllianceId(alliance) in &draft.shared_with {
        if !memberships.contains(alliance) {
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
        Err(StoreError::Fields { errors })
    }
}

fn insert_alliances(
    conn: &mut DbConnection,
    id: i64,
    alliances: &[AllianceId],
) -> Result<(), StoreError> {
    for alliance in alliances {
        diesel::insert_into(spt_visit_alliances::table)
            .values((
                spt_visit_alliances::visit_id.eq(id),
                spt_visit_alliances::alliance_id.eq(alliance.0),
            ))
            .execute(conn)?;
    }
    Ok(())
}
