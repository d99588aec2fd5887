//! Rows of the recommendation tables and their conversion to the public
//! types; reading back checks every code, since the database may have been
//! edited by hand.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use entente_core::access::{AllianceId, OrgId, UserId};
use entente_core::recommendation::{FollowUpDraft, RecommendationDraft, RecommendationId};

use super::{FollowUp, Recommendation};
use crate::accounts::rows::stored_code;
use crate::error::StoreError;
use crate::schema::{recommendation_follow_ups, recommendations};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = recommendations)]
pub(crate) struct RecommendationRow {
    pub id: i64,
    pub owner_org: i64,
    pub state: String,
    pub body: String,
    pub document_symbol: String,
    pub document_title: String,
    pub document_url: Option<String>,
    pub document_date: Option<chrono::NaiveDate>,
    pub addressed_to: String,
    pub paragraph: String,
    pub body_text: String,
    pub status: String,
    pub visibility: String,
    pub demo: bool,
    pub created_by: Option<i64>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// The parts of a recommendation kept in tables of their own.
#[derive(Debug, Default)]
pub(crate) struct Parts {
    pub themes: Vec<String>,
    pub tags: Vec<String>,
    pub alliances: Vec<i64>,
}

impl RecommendationRow {
    pub(crate) fn into_recommendation(self, parts: Parts) -> Result<Recommendation, StoreError> {
        let id = self.id;
        let content = RecommendationDraft {
            state: stored_code("recommendation", id, "state", &self.state)?,
            body: stored_code("recommendation", id, "body", &self.body)?,
            document_symbol: self.document_symbol,
            document_title: self.document_title,
            document_url: self.document_url,
            document_date: self.document_date,
            addressed_to: self.addressed_to,
            paragraph: self.paragraph,
            text: self.body_text,
            themes: parts
                .themes
                .iter()
                .map(|t| stored_code("recommendation", id, "themes", t))
                .collect::<Result<_, _>>()?,
            tags: parts.tags,
            owner: OrgId(self.owner_org),
            visibility: stored_code("recommendation", id, "visibility", &self.visibility)?,
            shared_with: parts.alliances.into_iter().map(AllianceId).collect(),
            demo: self.demo,
        };
        Ok(Recommendation {
            id: RecommendationId(id),
            status: stored_code("recommendation", id, "status", &self.status)?,
            content,
            created_by: self.created_by.map(UserId),
            created_at: self.created_at,
            updated_at: self.updated_at,
        })
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = recommendation_follow_ups)]
pub(crate) struct FollowUpRow {
    pub id: i64,
    pub event_date: chrono::NaiveDate,
    pub kind: String,
    pub status: String,
    pub note: String,
    pub recorded_by_org: Option<i64>,
    pub recorded_by_user: Option<i64>,
    pub recorded_at: NaiveDateTime,
}

impl FollowUpRow {
    pub(crate) fn into_follow_up(self) -> Result<FollowUp, StoreError> {
        let id = self.id;
        Ok(FollowUp {
            id: self.id,
            event: FollowUpDraft {
                date: self.event_date,
                kind: stored_code("recommendation follow-up", id, "kind", &self.kind)?,
                status: stored_code("recommendation follow-up", id, "status", &self.status)?,
                note: self.note.clone(),
            },
            recorded_by_org: self.recorded_by_org.map(OrgId),
            recorded_by_user: self.recorded_by_user.map(UserId),
            recorded_at: self.recorded_at,
        })
    }
}
