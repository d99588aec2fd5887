//! A user's notifications as lines in the reader's language, for the
//! `/notifications` page and the digest mail alike: the board's own rows
//! (states and audiences by name, actions by title and lead), so a finding
//! reads the same on the board, in the list and in the mail.

use std::collections::HashMap;

use entente_core::notification::Finding;
use entente_store::NotificationList;

use crate::error::AppError;
use crate::extract::{AsOf, Params};
use crate::locale::Locale;
use crate::pages::board::rows::{ActionCell, Sources};
use crate::pages::chrome::{Chrome, PageRequest};
use crate::state::AppState;
use crate::views::actions::Lookups;
use crate::views::read;

/// The frame of words and links for what is read outside a page (a mail,
/// a calendar feed): today, in `locale`, links carrying the language.
pub async fn outside_chrome(
    app: &AppState,
    locale: Locale,
    path: &str,
) -> Result<Chrome, AppError> {
    let query = format!("lang={}", locale.code());
    let request = PageRequest {
        locale,
        path: path.to_owned(),
        params: Params::from_query(Some(&query)),
        signed_in: None,
    };
    let provenance = read::provenance(app).await?;
    Ok(Chrome::new(
        &request,
        AsOf::today(),
        &provenance,
        locale.t("notifications-title"),
        "notifications",
    ))
}

/// One notification, ready to show.
pub struct NoticeRow {
    pub id: i64,
    /// `overlap`, `gap` or `deadline`.
    pub kind: &'static str,
    /// The kind, in words.
    pub kind_label: String,
    pub state: String,
    /// What was found, in a sentence.
    pub summary: String,
    /// Why, or when: the gap's reason, the deadline's date, how far apart
    /// two actions are.
    pub detail: String,
    pub actions: Vec<ActionCell>,
    /// The day it was found.
    pub found: String,
    pub unread: bool,
}

/// The rows of `list`, in its order.
pub fn notice_rows(chrome: &Chrome, lookups: &Lookups, list: &NotificationList) -> Vec<NoticeRow> {
    let sources = Sources {
        chrome,
        lookups,
        labels: &list.labels,
        actions: HashMap::new(),
    };
    let locale = chrome.locale;
    list.items
        .iter()
        .filter_map(|n| {
            let kind = n.finding.kind().code();
            let (state, summary, detail, actions) = match &n.finding {
                Finding::Overlap(o) => {
                    let row = sources.overlap(o)?;
                    let detail = locale.count("notifications-days-apart", row.days_apart as usize);
                    (
                        row.state,
                        format!("{} ({})", row.opportunity, row.audience),
                        detail,
                        vec![row.first, row.second],
                    )
                }
                Finding::Gap(g) => {
                    let row = sources.gap(g);
                    (row.state, row.missing, row.why, Vec::new())
                }
                Finding::Deadline(d) => {
                    let row = sources.deadline(d);
                    let detail = if row.overdue {
                        locale.t_args("notifications-overdue-since", &[("date", row.date.into())])
                    } else {
                        row.date
                    };
                    (
                        row.state,
                        row.what,
                        detail,
                        row.action.into_iter().collect(),
                    )
                }
            };
            Some(NoticeRow {
                id: n.id,
                kind,
                kind_label: locale.t(&format!("notifications-kind-{kind}")),
                state,
                summary,
                detail,
                actions,
                found: locale.date(n.found_at.date()),
                unread: n.read_at.is_none(),
            })
        })
        .collect()
}
