//! Recommendations of the bodies that watch a state's prevention of
//! torture (the SPT, the Committee against Torture, the Universal Periodic
//! Review, regional bodies, the NPM itself) and their follow-up: dated
//! events, each with the status it found. A recommendation's status is
//! never typed in: it is its latest follow-up event's.
//!
//! Also the gap rule of the coordination engine that concerns them: an
//! open recommendation no campaign action pushes.

mod draft;
mod vocabulary;

use serde::{Deserialize, Serialize};

use crate::Iso3;

pub use draft::{FollowUpDraft, NOTE_MAX, RecommendationDraft, TEXT_MAX, TITLE_MAX, split_tags};
pub use vocabulary::{Body, FollowUpKind, FollowUpStatus, Theme};

/// A recommendation's database identifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RecommendationId(pub i64);

impl std::fmt::Display for RecommendationId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// The status that `events` leave a recommendation in: the status of the
/// latest by date; of two on the same day, the one recorded last (later in
/// the slice, which is in recording order). With no event it has not
/// started.
pub fn current_status(events: &[FollowUpDraft]) -> FollowUpStatus {
    events
        .iter()
        .enumerate()
        .max_by_key(|(position, event)| (event.date, *position))
        .map_or(FollowUpStatus::NotStarted, |(_, event)| event.status)
}

/// What the gap rule needs of a recommendation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecommendationStanding {
    pub id: RecommendationId,
    pub state: Iso3,
    pub body: Body,
    pub status: FollowUpStatus,
    /// The campaign actions pushing it that count: planned, under way or
    /// done, and seen by the reader.
    pub pushing_actions: usize,
}

/// The open recommendations (not implemented, not refused) that no action
/// pushes, by state then number: each one is a gap in the plan.
pub fn unpushed(recommendations: &[RecommendationStanding]) -> Vec<&RecommendationStanding> {
    let mut found: Vec<_> = recommendations
        .iter()
        .filter(|r| r.status.is_open() && r.pushing_actions == 0)
        .collect();
    found.sort_by_key(|r| (r.state, r.id));
    found
}

#[cfg(test)]
mod tests;
