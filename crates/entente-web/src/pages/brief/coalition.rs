//! The brief's part on the coalition: its actions on the state from the
//! first day of the month asked about to the end of the sixth month (a
//! compact table), and the gaps and deadlines the coordination engine finds
//! for the state with the reader's own scope, written as the board writes
//! them.

use std::collections::HashMap;

use chrono::{Datelike, Months, NaiveDate};
use entente_core::Iso3;
use entente_core::coordination::GapSettings;
use entente_core::plan::{ActionId, ActionStatus};
use entente_store::{ActionFilter, CoordinationFilter, PageRequest, StoreError};

use crate::auth::Viewer;
use crate::error::AppError;
use crate::pages::board::rows::{DeadlineRow, GapRow, Sources};
use crate::pages::chrome::Chrome;
use crate::state::AppState;
use crate::views::actions::{ActionSummary, Lookups};

/// How many months of the plan the brief covers, the current one included.
const MONTHS: u32 = 6;

/// How many actions, gaps and deadlines the brief lists at most: it is
/// read on paper, and links to the full lists.
const SHOWN: usize = 12;

/// What `entente demo` writes at the start of every action it makes up.
const DEMO_DESCRIPTION: &str = "Demo data";

pub struct ActionRow {
    pub summary: ActionSummary,
    pub href: String,
    pub demo: bool,
}

/// What the brief shows of the coalition's work on the state.
pub struct Coalition {
    pub actions: Vec<ActionRow>,
    /// "4 actions from 1 November 2026 to 30 April 2027".
    pub actions_caption: String,
    /// That only the first actions are listed, when there are more.
    pub actions_cut: Option<String>,
    pub actions_href: String,
    pub gaps: Vec<GapRow>,
    pub gaps_cut: Option<String>,
    pub deadlines: Vec<DeadlineRow>,
    pub deadlines_cut: Option<String>,
    pub board_href: String,
}

/// The first day of `day`'s month, and the last day of the
/// [`MONTHS`]th month from it.
fn window(day: NaiveDate) -> (NaiveDate, NaiveDate) {
    let first = day.with_day(1).unwrap_or(day);
    let last = first
        .checked_add_months(Months::new(MONTHS))
        .and_then(|d| d.pred_opt())
        .unwrap_or(NaiveDate::MAX);
    (first, last)
}

/// The coalition's part of the brief of `iso3`, as `viewer` may see it.
pub async fn coalition(
    app: &AppState,
    viewer: &Viewer,
    iso3: Iso3,
    chrome: &Chrome,
) -> Result<Coalition, AppError> {
    let scope = viewer.scope.clone();
    let as_of = chrome.as_of.date;
    let (from, to) = window(as_of);
    let (page, lookups, gaps, deadlines, labels) = app
        .read(move |store| {
            let actions = ActionFilter {
                states: vec![iso3],
                from: Some(from),
                to: Some(to),
                ..ActionFilter::default()
            };
            let page = store.list_actions(&scope, &actions, PageRequest::ALL)?;
            let place = CoordinationFilter {
                states: vec![iso3],
                ..CoordinationFilter::default()
            };
            let gaps = store.gaps(&scope, &place, as_of, GapSettings::default())?;
            let deadlines = store.deadlines(&scope, &place, as_of)?;
            let named: Vec<ActionId> = deadlines.iter().filter_map(|d| d.action).collect();
            let labels = store.action_labels(&scope, &named)?;
            let lookups = Lookups::load(store, &scope)?;
            Ok::<_, StoreError>((page, lookups, gaps, deadlines, labels))
        })
        .await?;
    let locale = chrome.locale;
    let live: Vec<_> = (page.actions.iter())
        .filter(|a| a.content.status != ActionStatus::Cancelled)
        .collect();
    let sources = Sources {
        chrome,
        lookups: &lookups,
        labels: &labels,
        actions: HashMap::new(),
    };
    let cut = |total: usize| {
        (total > SHOWN).then(|| {
            locale.t_args(
                "brief-rows-cut",
                &[("count", SHOWN.into()), ("total", total.into())],
            )
        })
    };
    Ok(Coalition {
        actions_caption: locale.t_args(
            "brief-actions-caption",
            &[
                ("count", live.len().into()),
                ("start", locale.date(from).into()),
                ("end", locale.date(to).into()),
            ],
        ),
        actions_cut: cut(live.len()),
        actions: (live.iter().take(SHOWN))
            .map(|a| ActionRow {
                summary: ActionSummary::new(a, &lookups, locale),
                href: chrome.href(&format!("/actions/{}", a.id.0)),
                demo: a.content.description.starts_with(DEMO_DESCRIPTION),
            })
            .collect(),
        actions_href: chrome.href(&format!("/actions?state={iso3}&from={from}&to={to}")),
        gaps: gaps.iter().take(SHOWN).map(|g| sources.gap(g)).collect(),
        gaps_cut: cut(gaps.len()),
        deadlines: (deadlines.iter().take(SHOWN))
            .map(|d| sources.deadline(d))
            .collect(),
        deadlines_cut: cut(deadlines.len()),
        board_href: chrome.href(&format!("/board?state={iso3}")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn the_window_runs_from_the_first_of_the_month_through_six_months() {
        assert_eq!(
            window(day("2026-11-29")),
            (day("2026-11-01"), day("2027-04-30"))
        );
        assert_eq!(
            window(day("2026-01-31")),
            (day("2026-01-01"), day("2026-06-30"))
        );
    }
}
