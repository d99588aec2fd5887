//! Creating, changing and deleting recommendations and recording
//! follow-up events: one transaction each with its audit entry (links to
//! actions and related recommendations: `links.rs`).

use std::collections::{BTreeMap, BTreeSet, HashSet};

use chrono::{NaiveDateTime, Utc};
use diesel::prelude::*;
use entente_core::access::{AccessScope, RecordAccess, can_write};
use entente_core::plan::FieldError;
use entente_core::recommendation::{
    FollowUpDraft, RecommendationDraft, RecommendationId, current_status,
};

use super::read::load_follow_ups;
use super::{NewFollowUp, Recommendation};
use crate::audit::{self, AuditAction, AuditEntry};
use crate::batch::insert_batches;
use crate::connection::DbConnection;
use crate::schema::{
    alliance_members, recommendation_alliances, recommendation_follow_ups, recommendation_tags,
    recommendation_themes, recommendations, states,
};
use crate::{Store, StoreError, transaction};

pub(super) fn entry(
    scope: &AccessScope,
    action: AuditAction,
    id: i64,
    draft: &RecommendationDraft,
    detail: String,
) -> AuditEntry {
    AuditEntry {
        actor_user: scope.user(),
        org: Some(draft.owner),
        record_kind: Some("recommendation".to_owned()),
        record_id: Some(id),
        detail,
        ..AuditEntry::new(Utc::now().naive_utc(), action)
    }
}

impl Store {
    /// Creates a recommendation owned by `draft.owner`, which `scope` must
    /// write for ([`StoreError::Forbidden`]); every broken rule is a
    /// [`StoreError::Fields`] naming its field.
    pub fn create_recommendation(
        &self,
        scope: &AccessScope,
        draft: &RecommendationDraft,
    ) -> Result<RecommendationId, StoreError> {
        Ok(self
            .import_recommendations(scope, std::slice::from_ref(draft))
            .map_err(|e| match e {
                ImportRefusal::Rows(mut rows) => StoreError::Fields {
                    errors: rows.pop().map(|(_, errors)| errors).unwrap_or_default(),
                },
                ImportRefusal::Store(e) => e,
            })?[0])
    }

    /// Creates every recommendation of `drafts` in one transaction, or none:
    /// each draft's broken rules (including an owner `scope` may not write
    /// for, or a state Entente does not know) come back with its position.
    pub fn import_recommendations(
        &self,
        scope: &AccessScope,
        drafts: &[RecommendationDraft],
    ) -> Result<Vec<RecommendationId>, ImportRefusal> {
        self.insert_recommendations(scope, drafts, &[])
    }

    /// [`Store::import_recommendations`], each draft with the follow-up
    /// event of the same position in `first_events`, if any, recorded in
    /// the same transaction (its status becomes the recommendation's).
    pub(super) fn insert_recommendations(
        &self,
        scope: &AccessScope,
        drafts: &[RecommendationDraft],
        first_events: &[Option<NewFollowUp>],
    ) -> Result<Vec<RecommendationId>, ImportRefusal> {
        let mut conn = self.connection()?;
        let refused = check_drafts(&mut conn, scope, drafts)?;
        if !refused.is_empty() {
            return Err(ImportRefusal::Rows(refused));
        }
        let now = Utc::now().naive_utc();
        let ids = transaction::write(&mut conn, |conn| {
            let mut ids = Vec::with_capacity(drafts.len());
            for (position, draft) in drafts.iter().enumerate() {
                let id = diesel::insert_into(recommendations::table)
                    .values((
                        content(draft),
                        recommendations::status.eq(current_status(&[]).code()),
                        recommendations::created_by.eq(scope.user().map(|u| u.0)),
                        recommendations::created_at.eq(now),
                        recommendations::updated_at.eq(now),
                    ))
                    .returning(recommendations::id)
                    .get_result::<i64>(conn)?;
                insert_parts(conn, id, draft)?;
                let mut detail = if drafts.len() > 1 {
                    format!("imported with {} others", drafts.len() - 1)
                } else {
                    String::new()
                };
                if let Some(Some(first)) = first_events.get(position) {
                    insert_follow_up(conn, scope, id, first, now)?;
                    refresh_status(conn, id, now)?;
                    detail = format!("{detail}; status {}", first.event.status);
                }
                audit::append(
                    conn,
                    &entry(scope, AuditAction::RecordCreated, id, draft, detail),
                )?;
                ids.push(RecommendationId(id));
            }
            Ok(ids)
        })?;
        Ok(ids)
    }

    /// Replaces a recommendation's content; its follow-ups, links and
    /// status stay. `scope` must see it ([`StoreError::NotFound`]) and
    /// write for its owner, and for the new owner when it changes.
    pub fn update_recommendation(
        &self,
        scope: &AccessScope,
        id: RecommendationId,
        draft: &RecommendationDraft,
    ) -> Result<(), StoreError> {
        let before = self.writable_recommendation(scope, id)?;
        let mut conn = self.connection()?;
        if let Some((_, errors)) =
            check_drafts(&mut conn, scope, std::slice::from_ref(draft))?.pop()
        {
            return Err(StoreError::Fields { errors });
        }
        let now = Utc::now().naive_utc();
        transaction::write(&mut conn, |conn| {
            diesel::update(recommendations::table.find(id.0))
                .set((content(draft), recommendations::updated_at.eq(now)))
                .execute(conn)?;
            delete_parts(conn, id.0)?;
            insert_parts(conn, id.0, draft)?;
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

    /// Deletes a recommendation, its follow-ups and its links; the audit
    /// log keeps the deletion.
    pub fn delete_recommendation(
        &self,
        scope: &AccessScope,
        id: RecommendationId,
    ) -> Result<(), StoreError> {
        let before = self.writable_recommendation(scope, id)?;
        let mut conn = self.connection()?;
        transaction::write(&mut conn, |conn| {
            diesel::delete(recommendations::table.find(id.0)).execute(conn)?;
            let detail = format!(
                "deleted {} {} {}",
                before.content.body, before.content.document_symbol, before.content.paragraph
            );
            audit::append(
                conn,
                &entry(
                    scope,
                    AuditAction::RecordDeleted,
                    id.0,
                    &before.content,
                    detail,
                ),
            )?;
            Ok(())
        })
    }

    /// Records a follow-up event on a recommendation `scope` may read, on
    /// behalf of an organisation it writes for (a partner may record its own
    /// assessment of a recommendation shared with it), and sets the
    /// recommendation's status from its whole history.
    pub fn add_follow_up(
        &self,
        scope: &AccessScope,
        id: RecommendationId,
        follow_up: &NewFollowUp,
    ) -> Result<i64, StoreError> {
        let recommendation = self
            .recommendation(scope, id)?
            .ok_or_else(|| StoreError::not_found(format!("recommendation {id}")))?;
        if let Err(errors) = follow_up.event.validate(Utc::now().date_naive()) {
            return Err(StoreError::Fields { errors });
        }
        if !can_write(scope, &RecordAccess::private(follow_up.recorded_by)) {
            return Err(StoreError::Fields {
                errors: vec![FieldError::new(
                    "recorded_by",
                    "not_editor",
                    "record it for an organisation you edit for",
                )],
            });
        }
        let now = Utc::now().naive_utc();
        let mut conn = self.connection()?;
        transaction::write(&mut conn, |conn| {
            let event = &follow_up.event;
            let event_id = insert_follow_up(conn, scope, id.0, follow_up, now)?;
            refresh_status(conn, id.0, now)?;
            let detail = format!(
                "follow-up {event_id}: {} on {}, {}",
                event.kind, event.date, event.status
            );
            let audited = AuditEntry {
                actor_org: Some(follow_up.recorded_by),
                ..entry(
                    scope,
                    AuditAction::RecordUpdated,
                    id.0,
                    &recommendation.content,
                    detail,
                )
            };
            audit::append(conn, &audited)?;
            Ok(event_id)
        })
    }

    /// Deletes a follow-up event, by an editor of the organisation that
    /// recorded it or of the recommendation's owner, and sets the status
    /// again from what remains.
    pub fn delete_follow_up(
        &self,
        scope: &AccessScope,
        id: RecommendationId,
        event_id: i64,
    ) -> Result<(), StoreError> {
        let missing =
            || StoreError::not_found(format!("follow-up {event_id} of recommendation {id}"));
        let recommendation = self.recommendation(scope, id)?.ok_or_else(missing)?;
        let mut conn = self.connection()?;
        let event = load_follow_ups(&mut conn, id.0)?
            .into_iter()
            .find(|e| e.id == event_id)
            .ok_or_else(missing)?;
        let may = can_write(scope, &recommendation.content.access())
            || event.recorded_by_org.is_some_and(|o| {
                can_write(
                    scope,
                    &RecordAccess::private(entente_core::access::OrgId(o)),
                )
            });
        if !may {
            return Err(StoreError::forbidden(format!(
                "only editors of the organisation that recorded follow-up {event_id} or of the \
                 recommendation's owner may delete it"
            )));
        }
        let now = Utc::now().naive_utc();
        transaction::write(&mut conn, |conn| {
            diesel::delete(recommendation_follow_ups::table.find(event_id)).execute(conn)?;
            refresh_status(conn, id.0, now)?;
            let detail = format!("deleted follow-up {event_id} of {}", event.event_date);
            audit::append(
                conn,
                &entry(
                    scope,
                    AuditAction::RecordUpdated,
                    id.0,
                    &recommendation.content,
                    detail,
                ),
            )?;
            Ok(())
        })
    }

    /// The recommendation, if `scope` sees it and may change it.
    pub(super) fn writable_recommendation(
        &self,
        scope: &AccessScope,
        id: RecommendationId,
    ) -> Result<Recommendation, StoreError> {
        let before = self
            .recommendation(scope, id)?
            .ok_or_else(|| StoreError::not_found(format!("recommendation {id}")))?;
        if !can_write(scope, &before.content.access()) {
            return Err(StoreError::forbidden(format!(
                "only editors of organisation {} may change recommendation {id}",
                before.content.owner
            )));
        }
        Ok(before)
    }
}

/// Why an import of recommendations wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum ImportRefusal {
    /// The drafts that break a rule, by position (from 0), with every
    /// broken rule of each.
    #[error("{} recommendations refused", .0.len())]
    Rows(Vec<(usize, Vec<FieldError>)>),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<diesel::result::Error> for ImportRefusal {
    fn from(error: diesel::result::Error) -> Self {
        ImportRefusal::Store(error.into())
    }
}

/// Every draft's broken rules, those of the draft alone and those that
/// need the database, by position; empty when all are good.
pub(super) fn check_drafts(
    conn: &mut DbConnection,
    scope: &AccessScope,
    drafts: &[RecommendationDraft],
) -> Result<Vec<(usize, Vec<FieldError>)>, StoreError> {
    let known_states: HashSet<String> = states::table
        .select(states::iso3)
        .load(conn)?
        .into_iter()
        .collect();
    let owners: Vec<i64> = drafts
        .iter()
        .map(|d| d.owner.0)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut alliances_of: BTreeMap<i64, BTreeSet<i64>> = BTreeMap::new();
    let pairs: Vec<(i64, i64)> = alliance_members::table
        .filter(alliance_members::org_id.eq_any(owners))
        .select((alliance_members::org_id, alliance_members::alliance_id))
        .load(conn)?;
    for (org, alliance) in pairs {
        alliances_of.entry(org).or_default().insert(alliance);
    }
    let empty = BTreeSet::new();
    let mut refused = Vec::new();
    for (position, draft) in drafts.iter().enumerate() {
        let mut errors = draft.validate().err().unwrap_or_default();
        if !known_states.contains(draft.state.as_str()) {
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
        let of_owner = alliances_of.get(&draft.owner.0).unwrap_or(&empty);
        for alliance in &draft.shared_with {
            if !of_owner.contains(&alliance.0) {
                errors.push(FieldError::new(
                    "shared_with",
                    "not_in_alliance",
                    format!(
                        "the owner is not a member of alliance {alliance}, so it cannot share \
                         with it"
                    ),
                ));
            }
        }
        if !errors.is_empty() {
            refused.push((position, errors));
        }
    }
    Ok(refused)
}

#[expect(clippy::type_complexity, reason = "a diesel tuple of assignments")]
fn content(
    draft: &RecommendationDraft,
) -> (
    diesel::dsl::Eq<recommendations::owner_org, i64>,
    diesel::dsl::Eq<recommendations::state, String>,
    diesel::dsl::Eq<recommendations::body, &'static str>,
    diesel::dsl::Eq<recommendations::document_symbol, String>,
    diesel::dsl::Eq<recommendations::document_title, String>,
    diesel::dsl::Eq<recommendations::document_url, Option<String>>,
    diesel::dsl::Eq<recommendations::document_date, Option<chrono::NaiveDate>>,
    diesel::dsl::Eq<recommendations::addressed_to, String>,
    diesel::dsl::Eq<recommendations::paragraph, String>,
    diesel::dsl::Eq<recommendations::body_text, String>,
    diesel::dsl::Eq<recommendations::visibility, &'static str>,
    diesel::dsl::Eq<recommendations::demo, bool>,
) {
    (
        recommendations::owner_org.eq(draft.owner.0),
        recommendations::state.eq(draft.state.as_str().to_owned()),
        recommendations::body.eq(draft.body.code()),
        recommendations::document_symbol.eq(draft.document_symbol.trim().to_owned()),
        recommendations::document_title.eq(draft.document_title.trim().to_owned()),
        recommendations::document_url.eq(draft.document_url.as_ref().map(|u| u.trim().to_owned())),
        recommendations::document_date.eq(draft.document_date),
        recommendations::addressed_to.eq(draft.addressed_to.trim().to_owned()),
        recommendations::paragraph.eq(draft.paragraph.trim().to_owned()),
        recommendations::body_text.eq(draft.text.trim().to_owned()),
        recommendations::visibility.eq(draft.visibility.code()),
        recommendations::demo.eq(draft.demo),
    )
}

fn insert_follow_up(
    conn: &mut DbConnection,
    scope: &AccessScope,
    id: i64,
    follow_up: &NewFollowUp,
    now: NaiveDateTime,
) -> Result<i64, StoreError> {
    let event = &follow_up.event;
    Ok(diesel::insert_into(recommendation_follow_ups::table)
        .values((
            recommendation_follow_ups::recommendation_id.eq(id),
            recommendation_follow_ups::event_date.eq(event.date),
            recommendation_follow_ups::kind.eq(event.kind.code()),
            recommendation_follow_ups::status.eq(event.status.code()),
            recommendation_follow_ups::note.eq(event.note.trim()),
            recommendation_follow_ups::recorded_by_org.eq(follow_up.recorded_by.0),
            recommendation_follow_ups::recorded_by_user.eq(scope.user().map(|u| u.0)),
            recommendation_follow_ups::recorded_at.eq(now),
        ))
        .returning(recommendation_follow_ups::id)
        .get_result::<i64>(conn)?)
}

fn insert_parts(
    conn: &mut DbConnection,
    id: i64,
    draft: &RecommendationDraft,
) -> Result<(), StoreError> {
    let themes: Vec<_> = draft
        .themes
        .iter()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .map(|t| {
            (
                recommendation_themes::recommendation_id.eq(id),
                recommendation_themes::theme.eq(t.code()),
            )
        })
        .collect();
    insert_batches!(conn, recommendation_themes::table, themes);
    let tags: Vec<_> = draft
        .tags
        .iter()
        .map(|t| t.trim().to_lowercase())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .map(|t| {
            (
                recommendation_tags::recommendation_id.eq(id),
                recommendation_tags::tag.eq(t),
            )
        })
        .collect();
    insert_batches!(conn, recommendation_tags::table, tags);
    let alliances: Vec<_> = draft
        .shared_with
        .iter()
        .map(|a| {
            (
                recommendation_alliances::recommendation_id.eq(id),
                recommendation_alliances::alliance_id.eq(a.0),
            )
        })
        .collect();
    insert_batches!(conn, recommendation_alliances::table, alliances);
    Ok(())
}

fn delete_parts(conn: &mut DbConnection, id: i64) -> Result<(), StoreError> {
    diesel::delete(
        recommendation_themes::table.filter(recommendation_themes::recommendation_id.eq(id)),
    )
    .execute(conn)?;
    diesel::delete(
        recommendation_tags::table.filter(recommendation_tags::recommendation_id.eq(id)),
    )
    .execute(conn)?;
    diesel::delete(
        recommendation_alliances::table.filter(recommendation_alliances::recommendation_id.eq(id)),
    )
    .execute(conn)?;
    Ok(())
}

/// Writes the status the recommendation's whole follow-up history gives.
fn refresh_status(conn: &mut DbConnection, id: i64, now: NaiveDateTime) -> Result<(), StoreError> {
    let events: Vec<FollowUpDraft> = load_follow_ups(conn, id)?
        .into_iter()
        .map(|row| row.into_follow_up().map(|f| f.event))
        .collect::<Result<_, _>>()?;
    diesel::update(recommendations::table.find(id))
        .set((
            recommendations::status.eq(current_status(&events).code()),
            recommendations::updated_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

fn changed_fields(before: &RecommendationDraft, after: &RecommendationDraft) -> Vec<&'static str> {
    let mut changed = Vec::new();
    let mut check = |field, same: bool| {
        if !same {
            changed.push(field);
        }
    };
    check("state", before.state == after.state);
    check("body", before.body == after.body);
    check(
        "document_symbol",
        before.document_symbol == after.document_symbol,
    );
    check(
        "document_title",
        before.document_title == after.document_title,
    );
    check("document_url", before.document_url == after.document_url);
    check("document_date", before.document_date == after.document_date);
    check("addressed_to", before.addressed_to == after.addressed_to);
    check("paragraph", before.paragraph == after.paragraph);
    check("text", before.text == after.text);
    check("themes", before.themes == after.themes);
    check("tags", before.tags == after.tags);
    check("owner", before.owner == after.owner);
    check(
        "visibility",
        before.visibility == after.visibility && before.shared_with == after.shared_with,
    );
    changed
}
