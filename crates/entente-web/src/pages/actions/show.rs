//! `GET /actions/{id}`: one action, every field in the reader's language,
//! its status history, and the edit and delete buttons for those who may
//! write. Reads of a non-public action from outside its lead organisation
//! are logged for the lead's admins.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use entente_core::plan::{ActionDraft, DocumentLink};
use entente_store::{Action, StatusChange, StoreError};

use super::{action_id, missing, writes_for};
use crate::auth::{Viewer, audit_outside_read};
use crate::error::AppError;
use crate::locale::Locale;
use crate::pages::board::proposals::status_label as status_label_of;
use crate::pages::chrome::{Chrome, PageRequest};
use crate::pages::{frame, render};
use crate::state::AppState;
use crate::views::actions::{Lookups, dates_text, org_label, status_label};

/// A labelled value of the action's facts.
pub struct Fact {
    pub label: String,
    pub value: String,
}

/// A name that links to its page when the reader may open it.
pub struct Named {
    pub name: String,
    pub href: Option<String>,
}

#[derive(Template)]
#[template(path = "action.html")]
pub struct ActionSheet {
    pub chrome: Chrome,
    pub id: i64,
    pub title: String,
    pub description: String,
    pub status_code: &'static str,
    pub status_label: String,
    pub type_label: String,
    pub facts: Vec<Fact>,
    pub states: Vec<Named>,
    pub lead: Named,
    pub partners: Vec<Named>,
    /// "and 2 organisations not listed for you".
    pub partners_hidden: Option<String>,
    pub expected_outcome: String,
    pub actual_outcome: String,
    pub outcome_event: Option<String>,
    pub documents: Vec<DocumentLink>,
    pub shared_with: Vec<String>,
    pub history: Vec<String>,
    pub may_write: bool,
    /// The signal switch, for those who may change it on a non-public action.
    pub signal: Option<bool>,
    /// The session's form token, for the switch.
    pub csrf: String,
    /// When the action was proposed as a joint action: its proposal.
    pub joint: Option<JointPanel>,
}

/// Where a joint action comes from: its proposal's status and page, and
/// the overlapping actions it joins that the reader may read.
pub struct JointPanel {
    pub status: String,
    pub href: String,
    pub joins: Vec<Named>,
}

/// `GET /actions/{id}`
pub async fn show_action(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    request: PageRequest,
    viewer: Viewer,
) -> Result<Response, AppError> {
    let id = action_id(&raw)?;
    let scope = viewer.scope.clone();
    let found = app
        .read(move |store| {
            let Some(action) = store.action(&scope, id)? else {
                return Ok::<_, StoreError>(None);
            };
            let content = &action.content;
            audit_outside_read(
                store,
                &scope,
                content.lead,
                content.visibility,
                "action",
                id.0,
            )?;
            let history = store.action_history(&scope, id)?;
            let lookups = Lookups::load(store, &scope)?;
            let signal = match content.visibility {
                entente_core::access::Visibility::Public => None,
                _ => store.action_signal(&scope, id)?.map(|s| s.emits),
            };
            let joint = match store.joint_proposal_of(&scope, id)? {
                Some(proposal) => {
                    let labels = store.action_labels(&scope, &proposal.joins)?;
                    Some((proposal, labels))
                }
                None => None,
            };
            Ok(Some((action, history, lookups, signal, joint)))
        })
        .await?;
    let Some((action, history, lookups, signal, joint)) = found else {
        return Err(missing(&raw));
    };
    let chrome = frame(&app, &request, action.content.title.clone(), "actions").await?;
    let may_write = writes_for(&viewer.scope, action.content.lead);
    let joint = joint.map(|(proposal, labels)| JointPanel {
        status: status_label_of(proposal.status, chrome.locale),
        href: chrome.href(&format!("/board/proposals/{}", proposal.id)),
        joins: (labels.iter())
            .map(|(id, label)| Named {
                name: label.title.clone(),
                href: Some(chrome.href(&format!("/actions/{}", id.0))),
            })
            .collect(),
    });
    let mut page = sheet(chrome, &action, &history, &lookups, may_write);
    page.joint = joint;
    if let Some((_, _, csrf)) = viewer.session() {
        page.signal = signal;
        page.csrf = csrf.to_owned();
    }
    Ok(render(&page)?.into_response())
}

fn sheet(
    chrome: Chrome,
    action: &Action,
    history: &[StatusChange],
    lookups: &Lookups,
    may_write: bool,
) -> ActionSheet {
    let locale = chrome.locale;
    let content = &action.content;
    let named = |id| Named {
        name: org_label(lookups, id, locale),
        href: lookups
            .org(id)
            .map(|o| chrome.href(&format!("/orgs/{}", o.short_name))),
    };
    let hidden_partners = content
        .partners
        .iter()
        .filter(|p| lookups.org(**p).is_none())
        .count();
    ActionSheet {
        id: action.id.0,
        title: content.title.clone(),
        description: content.description.clone(),
        status_code: content.status.code(),
        status_label: status_label(content.status, locale),
        type_label: lookups.type_label(&content.action_type, locale),
        facts: facts(content, locale),
        states: content
            .states
            .iter()
            .map(|s| Named {
                name: lookups.state_name(*s, locale),
                href: Some(chrome.href(&format!("/states/{s}"))),
            })
            .collect(),
        lead: named(content.lead),
        partners: content
            .partners
            .iter()
            .filter(|p| lookups.org(**p).is_some())
            .map(|p| named(*p))
            .collect(),
        partners_hidden: (hidden_partners > 0)
            .then(|| locale.count("action-partners-hidden", hidden_partners)),
        expected_outcome: content.expected_outcome.clone(),
        actual_outcome: content.actual_outcome.clone(),
        outcome_event: content.outcome_event.as_ref().map(|e| {
            format!(
                "{} — {} — {} — {}",
                locale.t(&format!("event-{}", e.kind.code().replace('_', "-"))),
                chrome.treaty_short(&e.treaty),
                lookups.state_name(e.state, locale),
                locale.date(e.date)
            )
        }),
        documents: content.documents.clone(),
        shared_with: content
            .shared_with
            .iter()
            .filter_map(|a| lookups.alliance(*a).map(|a| a.name.clone()))
            .collect(),
        history: history
            .iter()
            .map(|change| {
                locale.t_args(
                    "action-history-entry",
                    &[
                        ("name", status_label(change.status, locale).into()),
                        ("date", locale.date(change.at.date()).into()),
                    ],
                )
            })
            .collect(),
        may_write,
        signal: None,
        csrf: String::new(),
        joint: None,
        chrome,
    }
}

fn facts(content: &ActionDraft, locale: Locale) -> Vec<Fact> {
    let fact = |key: &str, value: String| Fact {
        label: locale.t(key),
        value,
    };
    let none = || locale.t("action-none-given");
    let audiences: Vec<String> = content
        .audiences
        .iter()
        .map(|a| locale.t(&format!("action-audience-{}", a.code().replace('_', "-"))))
        .collect();
    vec![
        fact("action-field-dates", dates_text(content, locale)),
        fact(
            "action-field-phase",
            locale.t(&format!("action-phase-{}", content.phase.code())),
        ),
        fact(
            "action-field-level",
            locale.t(&format!("action-level-{}", content.level.code())),
        ),
        fact("action-field-audiences", audiences.join(", ")),
        fact(
            "action-field-budget",
            content.budget.map_or_else(none, |b| {
                format!(
                    "{} {}",
                    decimal(&b.amount_text(), locale),
                    b.currency_code()
                )
            }),
        ),
        fact(
            "action-field-staff_days",
            content
                .staff_days
                .map_or_else(none, |d| decimal(&d.to_string(), locale)),
        ),
        fact(
            "action-field-visibility",
            locale.t(&format!("action-visibility-{}", content.visibility.code())),
        ),
    ]
}

/// A number with the language's decimal mark.
pub fn decimal(text: &str, locale: Locale) -> String {
    match locale {
        Locale::En => text.to_owned(),
        Locale::Fr | Locale::Es => text.replace('.', ","),
    }
}
