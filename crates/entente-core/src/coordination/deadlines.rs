//! Deadlines: the NPM due dates of Art. 17 (moved by Art. 24 declarations)
//! and whether they have passed, the ends of Art. 24 postponements, and the
//! due dates of actions not yet closed, as one timeline. The law's dates
//! come from [`crate::opcat::derive`]; nothing here computes them again.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{PlannedAction, StateAtStage};
use crate::Iso3;
use crate::event::Art24Part;
use crate::implementation::{FollowUp, SptVisitId, follow_up};
use crate::opcat::Stage;
use crate::plan::ActionId;

/// What falls due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DeadlineKind {
    /// Art. 17: the state, a party without an NPM, must have designated one.
    NpmDue,
    /// Art. 24: the postponement of this part of OPCAT ends.
    PostponementEnd { part: Art24Part },
    /// An action that is not done or cancelled is due.
    ActionDue,
    /// The state's reply to the SPT's visit report: six months after the
    /// report was sent (a member's visit record).
    SptReplyDue { visit: SptVisitId },
}

/// One date on the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    pub date: NaiveDate,
    pub kind: DeadlineKind,
    pub state: Iso3,
    /// The action, for [`DeadlineKind::ActionDue`].
    pub action: Option<ActionId>,
    /// The date has passed and what was due has not happened.
    pub overdue: bool,
}

/// The deadlines of `states` and `actions` as of `as_of`, by date (then
/// kind, state and action). A party whose NPM is designated has no NPM
/// deadline left; a postponement that ended before `as_of` is history and
/// not listed; an action due in several states is listed once per state.
pub fn deadlines(
    states: &[StateAtStage],
    actions: &[PlannedAction],
    as_of: NaiveDate,
) -> Vec<Deadline> {
    let mut found = Vec::new();
    for state in states {
        let status = &state.status;
        if let (Stage::PartyNpmPending, Some(due)) = (status.stage, status.npm_due) {
            found.push(Deadline {
                date: due,
                kind: DeadlineKind::NpmDue,
                state: state.state,
                action: None,
                overdue: status.npm_overdue,
            });
        }
        if let (Some(part), Some(end)) = (status.postponement, status.postponement_end) {
            if end >= as_of {
                found.push(Deadline {
                    date: end,
                    kind: DeadlineKind::PostponementEnd { part },
                    state: state.state,
                    action: None,
                    overdue: false,
                });
            }
        }
    }
    for action in actions.iter().filter(|a| !a.status.is_closed()) {
        let Some(due) = action.due else {
            continue;
        };
        // Each state once, without a set per action: an action names a few.
        let states = &action.states;
        let firsts = (0..states.len()).filter(|&i| !states[..i].contains(&states[i]));
        for state in firsts.map(|i| states[i]) {
            found.push(Deadline {
                date: due,
                kind: DeadlineKind::ActionDue,
                state,
                action: Some(action.id),
                overdue: due < as_of,
            });
        }
    }
    found.sort_unstable_by_key(|d| (d.date, d.kind, d.state, d.action));
    found
}

/// A recorded SPT visit whose report was sent: the reply it awaits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SptFollowUp {
    pub visit: SptVisitId,
    pub state: Iso3,
    pub report_sent_on: NaiveDate,
    pub reply_received_on: Option<NaiveDate>,
}

/// The replies due to the SPT as of `as_of`: one deadline per visit whose
/// report had been sent and whose reply had not come, overdue from the day
/// after the six months ([`crate::implementation::follow_up`]); a visit
/// answered by `as_of` has none. By date, then state and visit.
pub fn spt_reply_deadlines(visits: &[SptFollowUp], as_of: NaiveDate) -> Vec<Deadline> {
    let mut found: Vec<Deadline> = visits
        .iter()
        .filter_map(|v| {
            let (due, overdue) = match follow_up(Some(v.report_sent_on), v.reply_received_on, as_of)
            {
                FollowUp::Awaiting { due } => (due, false),
                FollowUp::Overdue { due, .. } => (due, true),
                FollowUp::NoReport | FollowUp::Replied { .. } => return None,
            };
            Some(Deadline {
                date: due,
                kind: DeadlineKind::SptReplyDue { visit: v.visit },
                state: v.state,
                action: None,
                overdue,
            })
        })
        .collect();
    found.sort_by_key(|d| (d.date, d.kind, d.state, d.action));
    found
}
