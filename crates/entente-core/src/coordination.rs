//! The coordination engine's rules: what turns everyone's actions into
//! coordination. Overlaps between organisations' actions, gaps against the
//! playbook, partners not yet allied, the deadlines that matter, and an
//! alliance's reach across sectors, regions and stages.
//!
//! Pure functions over plain inputs ([`PlannedAction`], [`OrgProfile`],
//! alliance memberships as sets, OPCAT statuses), so the store fills them
//! from SQL and the CLI, the web and the tests get the same answers. The
//! inputs must already be filtered to what the reader may see: nothing here
//! knows about visibility.

mod deadlines;
mod gaps;
mod overlaps;
mod partners;
mod playbook;
mod reach;
mod signals;
mod standing;

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use smallvec::SmallVec;

use crate::access::{OrgId, OrgKind};
use crate::plan::{ActionDraft, ActionId, ActionStatus, Audience, Level, Phase, Sector};
use crate::{Iso3, RegionalGroup};

pub use deadlines::{Deadline, DeadlineKind, SptFollowUp, deadlines, spt_reply_deadlines};
pub use gaps::{Gap, GapKind, GapSettings, Severity, gaps, play_severity, severity_by_state};
pub use overlaps::{Opportunity, Overlap, OverlapSettings, Overlaps, overlaps};
pub use partners::{PartnerReason, PartnerSuggestion, Place, partners};
pub use playbook::{Play, Playbook, PlaybookError, Reasons};
pub use reach::Reach;
pub use signals::{Signal, SignalOverlap, signal_overlaps};
pub use standing::{OPENED_FOR_SIGNATURE, StateAtStage};

/// What the rules need to know of a campaign action.
///
/// Its lists are held inline while short, as nearly all are, and its kind
/// is shared: a look of the job worker reads half a million of them, each
/// without an allocation of its own (120 bytes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedAction {
    pub id: ActionId,
    pub lead: OrgId,
    /// Never the lead.
    pub partners: SmallVec<[OrgId; 2]>,
    pub states: SmallVec<[Iso3; 5]>,
    /// Each audience at most once, so never more than inline.
    pub audiences: SmallVec<[Audience; 16]>,
    /// A code of the instance's catalogue of kinds of action, shared by the
    /// actions of that kind the store reads at once.
    pub action_type: Arc<str>,
    pub level: Level,
    pub phase: Phase,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub due: Option<NaiveDate>,
    pub status: ActionStatus,
}

impl PlannedAction {
    /// The lead, then the partners.
    pub fn organisations(&self) -> impl Iterator<Item = OrgId> + '_ {
        std::iter::once(self.lead).chain(self.partners.iter().copied())
    }

    /// The days the action occupies, first and last included: from its
    /// start to its end (its start alone when it has no end). An action
    /// with no start but a due date occupies its due date; one with
    /// neither is undated and has no span.
    pub fn span(&self) -> Option<(NaiveDate, NaiveDate)> {
        match (self.start, self.end, self.due) {
            (Some(start), end, _) => Some((start, end.unwrap_or(start).max(start))),
            (None, _, Some(due)) => Some((due, due)),
            (None, _, None) => None,
        }
    }

    /// What the rules need of a stored action's content.
    pub fn from_draft(id: ActionId, draft: &ActionDraft) -> Self {
        PlannedAction {
            id,
            lead: draft.lead,
            partners: SmallVec::from_slice(&draft.partners),
            states: SmallVec::from_slice(&draft.states),
            audiences: SmallVec::from_slice(&draft.audiences),
            action_type: Arc::from(draft.action_type.as_str()),
            level: draft.level,
            phase: draft.phase,
            start: draft.start,
            end: draft.end,
            due: draft.due,
            status: draft.status,
        }
    }

    /// Planned or under way: what the gap rules count as pressure to come.
    pub fn is_committed(&self) -> bool {
        matches!(self.status, ActionStatus::Planned | ActionStatus::UnderWay)
    }
}

/// What the rules need to know of an organisation: how and where it works.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgProfile {
    pub id: OrgId,
    pub kind: OrgKind,
    pub level: Level,
    pub sectors: Vec<Sector>,
    /// The states it works in.
    pub states: Vec<Iso3>,
    /// The UN regional groups it works in as a whole.
    pub regions: Vec<RegionalGroup>,
}

/// The profiles of the organisations the rules may consider, by id.
pub type Profiles = BTreeMap<OrgId, OrgProfile>;

#[cfg(test)]
mod tests_deadlines;
#[cfg(test)]
mod tests_gap_ranking;
#[cfg(test)]
mod tests_gaps;
#[cfg(test)]
mod tests_overlaps;
#[cfg(test)]
mod tests_partners;
#[cfg(test)]
mod tests_playbook;
#[cfg(test)]
mod tests_reach;
#[cfg(test)]
mod tests_signals;
#[cfg(test)]
mod tests_standing;
#[cfg(test)]
mod tests_support;
