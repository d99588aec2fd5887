//! The board's signals section, for members: what others plan without
//! saying who (kind, audiences, states, month), which of those come near
//! the member's own actions, and the contact requests the member's
//! organisations sent, with their answers.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDate};
use entente_core::access::{AccessScope, Role};
use entente_core::coordination::{Signal, SignalOverlap};
use entente_core::plan::ActionId;
use entente_store::{ActionLabel, RequestStatus, SentRequest};
use fluent_templates::fluent_bundle::FluentValue;

use crate::locale::Locale;
use crate::pages::chrome::Chrome;
use crate::views::actions::Lookups;

/// The signals the board lists at most.
pub const SIGNALS_SHOWN: usize = 200;

pub struct SignalRow {
    pub key: String,
    /// "Parliamentary briefing".
    pub kind: String,
    pub audiences: String,
    pub states: String,
    /// "March 2027", or that it is undated.
    pub month: String,
    pub contact_href: String,
}

pub struct SignalOverlapRow {
    pub action_title: String,
    pub action_href: String,
    pub signal: String,
}

pub struct SentRow {
    pub signal: String,
    pub message: String,
    pub status: String,
    /// Once answered: "Answered by Name (e-mail), Organisation: reply".
    pub answer: Option<String>,
}

pub struct SignalPanel {
    /// The requests pages of the organisations the reader administers:
    /// name and address.
    pub admin_links: Vec<(String, String)>,
    pub rows: Vec<SignalRow>,
    pub cut: Option<String>,
    pub overlaps: Vec<SignalOverlapRow>,
    pub sent: Vec<SentRow>,
}

/// A month as the language writes it: "March 2027", "mars 2027".
pub fn month_text(locale: Locale, month: Option<NaiveDate>) -> String {
    match month {
        Some(day) => locale.t_args(
            "signals-month",
            &[
                (
                    "month",
                    FluentValue::from(locale.t(&format!("month-{}", day.month()))),
                ),
                ("year", FluentValue::from(day.year().to_string())),
            ],
        ),
        None => locale.t("signals-undated"),
    }
}

/// One signal in the page's language.
pub fn signal_row(signal: &Signal, chrome: &Chrome, lookups: &Lookups) -> SignalRow {
    let locale = chrome.locale;
    SignalRow {
        key: signal.key.clone(),
        kind: lookups.type_label(&signal.action_type, locale),
        audiences: signal
            .audiences
            .iter()
            .map(|a| chrome.code("action-audience", a.code()))
            .collect::<Vec<_>>()
            .join(", "),
        states: signal
            .states
            .iter()
            .map(|s| lookups.state_name(*s, locale))
            .collect::<Vec<_>>()
            .join(", "),
        month: month_text(locale, signal.month),
        contact_href: chrome.href(&format!("/board/signals/{}/contact", signal.key)),
    }
}

/// The section: the signals, those near the reader's actions, and the
/// requests sent.
pub fn panel(
    signals: &[Signal],
    overlaps: &[SignalOverlap],
    sent: &[SentRequest],
    labels: &BTreeMap<ActionId, ActionLabel>,
    chrome: &Chrome,
    lookups: &Lookups,
    scope: &AccessScope,
) -> SignalPanel {
    let locale = chrome.locale;
    let by_key: HashMap<&str, &Signal> = signals.iter().map(|s| (s.key.as_str(), s)).collect();
    let admin_links = match scope {
        AccessScope::Member(member) => (member.memberships.iter())
            .filter(|(_, role)| **role == Role::Admin)
            .filter_map(|(id, _)| lookups.org(*id))
            .map(|o| {
                let href = chrome.href(&format!("/orgs/{}/requests", o.short_name));
                (o.name.clone(), href)
            })
            .collect(),
        AccessScope::Public | AccessScope::SiteAdmin(_) => Vec::new(),
    };
    let summary = |key: &str| {
        by_key.get(key).map_or_else(
            || locale.t("signals-gone"),
            |s| {
                let row = signal_row(s, chrome, lookups);
                format!("{} — {} — {}", row.kind, row.states, row.month)
            },
        )
    };
    SignalPanel {
        admin_links,
        rows: signals
            .iter()
            .take(SIGNALS_SHOWN)
            .map(|s| signal_row(s, chrome, lookups))
            .collect(),
        cut: (signals.len() > SIGNALS_SHOWN).then(|| {
            locale.t_args(
                "board-rows-cut",
                &[
                    ("count", SIGNALS_SHOWN.into()),
                    ("total", signals.len().into()),
                ],
            )
        }),
        overlaps: overlaps
            .iter()
            .filter_map(|o| {
                let label = labels.get(&o.action)?;
                Some(SignalOverlapRow {
                    action_title: label.title.clone(),
                    action_href: chrome.href(&format!("/actions/{}", o.action.0)),
                    signal: summary(&o.signal),
                })
            })
            .collect(),
        sent: sent
            .iter()
            .map(|r| SentRow {
                signal: summary(&r.signal),
                message: r.message.clone(),
                status: locale.t(&format!("signals-status-{}", r.status.code())),
                answer: match (&r.answer, r.status) {
                    (Some(a), RequestStatus::Answered) => {
                        let who = locale.t_args(
                            "signals-answered-by",
                            &[
                                ("name", a.admin_name.clone().into()),
                                ("email", a.admin_email.clone().into()),
                                ("org", a.org_name.clone().into()),
                            ],
                        );
                        Some(format!("{who} {}", a.reply).trim_end().to_owned())
                    }
                    _ => None,
                },
            })
            .collect(),
    }
}
