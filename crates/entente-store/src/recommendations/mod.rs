//! Recommendations and their follow-up: reads take an [`AccessScope`] and
//! filter in SQL (a hidden recommendation answers exactly like a missing
//! one; linked actions and related recommendations the reader may not see
//! are left out); every write is one transaction with its audit entry.
//!
//! A recommendation's `status` column is the status of its latest
//! follow-up event as `entente_core::recommendation::current_status`
//! decides it, written again with every change of its follow-ups, so that
//! lists and the gap rule filter on it in SQL.
//!
//! [`AccessScope`]: entente_core::access::AccessScope

mod import;
mod links;
mod read;
mod rows;
mod write;

use chrono::NaiveDateTime;
use entente_core::Iso3;
use entente_core::access::{OrgId, UserId};
use entente_core::plan::{ActionId, ActionStatus};
use entente_core::recommendation::{
    Body, FollowUpDraft, FollowUpStatus, RecommendationDraft, RecommendationId, Theme,
};

/// A stored recommendation: its content, its status and what the store adds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recommendation {
    pub id: RecommendationId,
    pub content: RecommendationDraft,
    /// Its latest follow-up event's status.
    pub status: FollowUpStatus,
    pub created_by: Option<UserId>,
    /// UTC.
    pub created_at: NaiveDateTime,
    /// UTC.
    pub updated_at: NaiveDateTime,
}

/// A stored follow-up event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUp {
    pub id: i64,
    pub event: FollowUpDraft,
    /// The organisation on whose behalf it was recorded.
    pub recorded_by_org: Option<OrgId>,
    pub recorded_by_user: Option<UserId>,
    /// UTC.
    pub recorded_at: NaiveDateTime,
}

/// A campaign action linked to a recommendation, as the reader sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PushingAction {
    pub id: ActionId,
    pub title: String,
    pub lead: OrgId,
    pub status: ActionStatus,
}

/// Which recommendations a list holds. Empty fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecommendationFilter {
    pub states: Vec<Iso3>,
    pub body: Option<Body>,
    pub status: Option<FollowUpStatus>,
    pub theme: Option<Theme>,
    /// A free tag, as stored (lower case).
    pub tag: Option<String>,
    /// Only those still open: neither implemented nor refused.
    pub open_only: bool,
    pub owner: Option<OrgId>,
}

/// A page of recommendations, newest source document first, and how many
/// match in all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecommendationPage {
    pub recommendations: Vec<Recommendation>,
    pub total: u64,
}

/// A follow-up event to record, and on whose behalf.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewFollowUp {
    pub event: FollowUpDraft,
    /// An organisation the writer edits for; it need not own the
    /// recommendation (a partner records its own assessment).
    pub recorded_by: OrgId,
}

pub(crate) use read::ActionIdQuery;
pub use write::ImportRefusal;
