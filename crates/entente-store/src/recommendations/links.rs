//! Linking recommendations to the campaign actions that push them and to
//! related recommendations: one transaction each with its audit entry.

use diesel::prelude::*;
use entente_core::access::AccessScope;
use entente_core::plan::{ActionId, FieldError};
use entente_core::recommendation::RecommendationId;

use super::write::entry;
use crate::audit::{self, AuditAction};
use crate::connection::DbConnection;
use crate::schema::{recommendation_actions, recommendation_links};
use crate::{Store, StoreError, transaction};

impl Store {
    /// Links a campaign action that pushes the recommendation. `scope`
    /// must write the recommendation and read the action (one it may not
    /// read answers like a missing one).
    pub fn link_action(
        &self,
        scope: &AccessScope,
        id: RecommendationId,
        action: ActionId,
    ) -> Result<(), StoreError> {
        self.change_link(scope, id, format!("linked action {action}"), |store| {
            if store.action(scope, action)?.is_none() {
                return Err(StoreError::Fields {
                    errors: vec![FieldError::new(
                        "action",
                        "unknown_action",
                        format!("action {action} not found"),
                    )],
                });
            }
            Ok(move |conn: &mut DbConnection| {
                let link = recommendation_actions::table
                    .filter(recommendation_actions::recommendation_id.eq(id.0))
                    .filter(recommendation_actions::action_id.eq(action.0));
                if link.count().get_result::<i64>(conn)? > 0 {
                    return Ok(false);
                }
                diesel::insert_into(recommendation_actions::table)
                    .values((
                        recommendation_actions::recommendation_id.eq(id.0),
                        recommendation_actions::action_id.eq(action.0),
                    ))
                    .execute(conn)?;
                Ok(true)
            })
        })
    }

    /// Removes the link to an action; a link to an action the scope may
    /// not read answers like a missing one.
    pub fn unlink_action(
        &self,
        scope: &AccessScope,
        id: RecommendationId,
        action: ActionId,
    ) -> Result<(), StoreError> {
        self.change_link(scope, id, format!("unlinked action {action}"), |store| {
            if store.action(scope, action)?.is_none() {
                return Err(StoreError::not_found(format!("action {action}")));
            }
            Ok(move |conn: &mut DbConnection| {
                let gone = diesel::delete(
                    recommendation_actions::table
                        .filter(recommendation_actions::recommendation_id.eq(id.0))
                        .filter(recommendation_actions::action_id.eq(action.0)),
                )
                .execute(conn)?;
                removed(
                    gone,
                    format!("link from recommendation {id} to action {action}"),
                )
            })
        })
    }

    /// Links two related recommendations (often of two bodies). `scope`
    /// must write the first and read the second.
    pub fn link_related(
        &self,
        scope: &AccessScope,
        id: RecommendationId,
        other: RecommendationId,
    ) -> Result<(), StoreError> {
        let detail = format!("linked recommendation {other}");
        self.change_link(scope, id, detail, |store| {
            let refused = if other == id {
                Some((
                    "same_recommendation",
                    "a recommendation is not related to itself".to_owned(),
                ))
            } else if store.recommendation(scope, other)?.is_none() {
                Some((
                    "unknown_recommendation",
                    format!("recommendation {other} not found"),
                ))
            } else {
                None
            };
            if let Some((code, message)) = refused {
                return Err(StoreError::Fields {
                    errors: vec![FieldError::new("related", code, message)],
                });
            }
            let (low, high) = (id.0.min(other.0), id.0.max(other.0));
            Ok(move |conn: &mut DbConnection| {
                let link = recommendation_links::table
                    .filter(recommendation_links::recommendation_id.eq(low))
                    .filter(recommendation_links::related_id.eq(high));
                if link.count().get_result::<i64>(conn)? > 0 {
                    return Ok(false);
                }
                diesel::insert_into(recommendation_links::table)
                    .values((
                        recommendation_links::recommendation_id.eq(low),
                        recommendation_links::related_id.eq(high),
                    ))
                    .execute(conn)?;
                Ok(true)
            })
        })
    }

    /// Removes the link between two recommendations.
    pub fn unlink_related(
        &self,
        scope: &AccessScope,
        id: RecommendationId,
        other: RecommendationId,
    ) -> Result<(), StoreError> {
        let detail = format!("unlinked recommendation {other}");
        self.change_link(scope, id, detail, |store| {
            if store.recommendation(scope, other)?.is_none() {
                return Err(StoreError::not_found(format!("recommendation {other}")));
            }
            let (low, high) = (id.0.min(other.0), id.0.max(other.0));
            Ok(move |conn: &mut DbConnection| {
                let gone = diesel::delete(
                    recommendation_links::table
                        .filter(recommendation_links::recommendation_id.eq(low))
                        .filter(recommendation_links::related_id.eq(high)),
                )
                .execute(conn)?;
                removed(
                    gone,
                    format!("link between recommendations {id} and {other}"),
                )
            })
        })
    }

    /// What every change of a recommendation's links shares: `scope` must
    /// write recommendation `id`; `check` then refuses the change or gives
    /// the write, which runs in one transaction with an audit entry saying
    /// `detail` when it changed something (linking what is already linked
    /// changes nothing and writes no entry).
    fn change_link<W>(
        &self,
        scope: &AccessScope,
        id: RecommendationId,
        detail: String,
        check: impl FnOnce(&Store) -> Result<W, StoreError>,
    ) -> Result<(), StoreError>
    where
        W: FnOnce(&mut DbConnection) -> Result<bool, StoreError>,
    {
        let recommendation = self.writable_recommendation(scope, id)?;
        let write = check(self)?;
        let mut conn = self.connection()?;
        transaction::write(&mut conn, |conn| {
            if write(conn)? {
                let change = AuditAction::RecordUpdated;
                let entry = entry(scope, change, id.0, &recommendation.content, detail);
                audit::append(conn, &entry)?;
            }
            Ok(())
        })
    }
}

/// Whether a link was removed: none (`gone` rows deleted) is a not found
/// error naming `link`.
fn removed(gone: usize, link: String) -> Result<bool, StoreError> {
    if gone == 0 {
        return Err(StoreError::not_found(link));
    }
    Ok(true)
}
