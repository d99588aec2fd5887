//! Linking recommendations to the campaign actions that push them and to
//! related recommendations: one transaction each with its audit entry.

use diesel::prelude::*;
use entente_core::access::AccessScope;
use entente_core::plan::{ActionId, FieldError};
use entente_core::recommendation::RecommendationId;

use super::write::entry;
use crate::audit::{self, AuditAction};
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
        let recommendation = self.writable_recommendation(scope, id)?;
        if self.action(scope, action)?.is_none() {
            return Err(StoreError::Fields {
                errors: vec![FieldError::new(
                    "action",
                    "unknown_action",
                    format!("action {action} not found"),
                )],
            });
        }
        let mut conn = self.connection()?;
        transaction::write(&mut conn, |conn| {
            let exists = recommendation_actions::table
                .filter(recommendation_actions::recommendation_id.eq(id.0))
                .filter(recommendation_actions::action_id.eq(action.0))
                .count()
                .get_result::<i64>(conn)?;
            if exists == 0 {
                diesel::insert_into(recommendation_actions::table)
                    .values((
                        recommendation_actions::recommendation_id.eq(id.0),
                        recommendation_actions::action_id.eq(action.0),
                    ))
                    .execute(conn)?;
                audit::append(
                    conn,
                    &entry(
                        scope,
                        AuditAction::RecordUpdated,
                        id.0,
                        &recommendation.content,
                        format!("linked action {action}"),
                    ),
                )?;
            }
            Ok(())
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
        let recommendation = self.writable_recommendation(scope, id)?;
        if self.action(scope, action)?.is_none() {
            return Err(StoreError::not_found(format!("action {action}")));
        }
        let mut conn = self.connection()?;
        transaction::write(&mut conn, |conn| {
            let gone = diesel::delete(
                recommendation_actions::table
                    .filter(recommendation_actions::recommendation_id.eq(id.0))
                    .filter(recommendation_actions::action_id.eq(action.0)),
            )
            .execute(conn)?;
            if gone == 0 {
                return Err(StoreError::not_found(format!(
                    "link from recommendation {id} to action {action}"
                )));
            }
            audit::append(
                conn,
                &entry(
                    scope,
                    AuditAction::RecordUpdated,
                    id.0,
                    &recommendation.content,
                    format!("unlinked action {action}"),
                ),
            )?;
            Ok(())
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
        let recommendation = self.writable_recommendation(scope, id)?;
        if other == id || self.recommendation(scope, other)?.is_none() {
            let (code, message) = if other == id {
                (
                    "same_recommendation",
                    "a recommendation is not related to itself".to_owned(),
                )
            } else {
                (
                    "unknown_recommendation",
                    format!("recommendation {other} not found"),
                )
            };
            return Err(StoreError::Fields {
                errors: vec![FieldError::new("related", code, message)],
            });
        }
        let (low, high) = (id.0.min(other.0), id.0.max(other.0));
        let mut conn = self.connection()?;
        transaction::write(&mut conn, |conn| {
            let exists = recommendation_links::table
                .filter(recommendation_links::recommendation_id.eq(low))
                .filter(recommendation_links::related_id.eq(high))
                .count()
                .get_result::<i64>(conn)?;
            if exists == 0 {
                diesel::insert_into(recommendation_links::table)
                    .values((
                        recommendation_links::recommendation_id.eq(low),
                        recommendation_links::related_id.eq(high),
                    ))
                    .execute(conn)?;
                audit::append(
                    conn,
                    &entry(
                        scope,
                        AuditAction::RecordUpdated,
                        id.0,
                        &recommendation.content,
                        format!("linked recommendation {other}"),
                    ),
                )?;
            }
            Ok(())
        })
    }

    /// Removes the link between two recommendations.
    pub fn unlink_related(
        &self,
        scope: &AccessScope,
        id: RecommendationId,
        other: RecommendationId,
    ) -> Result<(), StoreError> {
        let recommendation = self.writable_recommendation(scope, id)?;
        if self.recommendation(scope, other)?.is_none() {
            return Err(StoreError::not_found(format!("recommendation {other}")));
        }
        let (low, high) = (id.0.min(other.0), id.0.max(other.0));
        let mut conn = self.connection()?;
        transaction::write(&mut conn, |conn| {
            let gone = diesel::delete(
                recommendation_links::table
                    .filter(recommendation_links::recommendation_id.eq(low))
                    .filter(recommendation_links::related_id.eq(high)),
            )
            .execute(conn)?;
            if gone == 0 {
                return Err(StoreError::not_found(format!(
                    "link between recommendations {id} and {other}"
                )));
            }
            audit::append(
                conn,
                &entry(
                    scope,
                    AuditAction::RecordUpdated,
                    id.0,
                    &recommendation.content,
                    format!("unlinked recommendation {other}"),
                ),
            )?;
            Ok(())
        })
    }
}
