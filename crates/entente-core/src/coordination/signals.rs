//! Signals: what others learn of a private or alliance action whose owner
//! lets it emit one. Only its kind, audiences, states and the month it
//! starts: never its organisation, title, partners, days, budget or id. An
//! opaque key (random, stable per action) names it, so a member can ask
//! for contact through the instance without learning who it is.
//!
//! A signal also counts in overlap detection for one reader: "a signal
//! overlaps your action", and nothing more.

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::PlannedAction;
use crate::Iso3;
use crate::plan::{ActionId, Audience};

/// Everything a signal says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signal {
    /// Opaque and random: not derived from the action.
    pub key: String,
    /// A code of the instance's catalogue of kinds of action.
    pub action_type: String,
    pub audiences: Vec<Audience>,
    pub states: Vec<Iso3>,
    /// The first day of the month the action starts (of its due date when
    /// it has no start); `None` when it is undated.
    pub month: Option<NaiveDate>,
}

impl Signal {
    /// The month of `day`: its first day.
    pub fn month_of(day: NaiveDate) -> NaiveDate {
        day.with_day(1).unwrap_or(day)
    }

    /// The first and last day of the signal's month.
    fn span(&self) -> Option<(NaiveDate, NaiveDate)> {
        let first = self.month?;
        let last = first
            .checked_add_months(Months::new(1))
            .and_then(|next| next.pred_opt())
            .unwrap_or(first);
        Some((first, last))
    }
}

/// A signal near one of the reader's own actions: same state, same
/// audience, its month within the window of the action's dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignalOverlap {
    /// The reader's action.
    pub action: ActionId,
    pub signal: String,
}

/// The signals among `signals` that overlap one of `own` (the reader's
/// organisations' open actions): a state and an audience in common, and
/// the signal's month within `window_days` of the action's dates. By
/// action, then signal key.
pub fn signal_overlaps(
    own: &[PlannedAction],
    signals: &[Signal],
    window_days: u32,
) -> Vec<SignalOverlap> {
    let mut found = Vec::new();
    for action in own {
        let Some((start, end)) = action.span() else {
            continue;
        };
        let from = start
            .checked_sub_days(Days::new(window_days.into()))
            .unwrap_or(NaiveDate::MIN);
        let to = end
            .checked_add_days(Days::new(window_days.into()))
            .unwrap_or(NaiveDate::MAX);
        for signal in signals {
            let Some((first, last)) = signal.span() else {
                continue;
            };
            let near = first <= to && last >= from;
            let same_state = signal.states.iter().any(|s| action.states.contains(s));
            let same_audience = signal
                .audiences
                .iter()
                .any(|a| action.audiences.contains(a));
            if near && same_state && same_audience {
                found.push(SignalOverlap {
                    action: action.id,
                    signal: signal.key.clone(),
                });
            }
        }
    }
    found.sort_by(|a, b| (a.action, &a.signal).cmp(&(b.action, &b.signal)));
    found
}
