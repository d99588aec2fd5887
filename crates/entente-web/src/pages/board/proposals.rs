//! Joint actions proposed from the board's overlaps: `POST /board/proposals`
//! drafts one from an overlap (its two actions), `GET /board/proposals/{id}`
//! shows it with the steps the reader may take, and
//! `POST /board/proposals/{id}/{step}` sends, accepts, declines or
//! withdraws it. A proposal the reader may not see answers as missing.

use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use entente_core::access::AccessScope;
use entente_core::plan::ActionId;
use entente_store::{ActionLabel, JointProposal, ProposalStatus, StoreError};
use std::collections::BTreeMap;

use crate::api::coordination::proposals::{Step, propose_in, step_in};
use crate::auth::Viewer;
use crate::error::AppError;
use crate::locale::Locale;
use crate::pages::account::sign_in_first;
use crate::pages::chrome::{Chrome, PageRequest};
use crate::pages::orgs::checked_session;
use crate::pages::signals::{back_to, field, pairs};
use crate::pages::{frame, render};
use crate::state::AppState;

/// An action a proposal names, as a link.
pub struct Linked {
    pub title: String,
    pub href: String,
}

/// A proposal as a line of the board's list.
pub struct ProposalRow {
    pub href: String,
    /// The action's title, or that the reader no longer reads it.
    pub title: String,
    /// "Proposed by X to Y".
    pub parties: String,
    pub status_code: &'static str,
    pub status: String,
    /// That the reader's organisation has to decide.
    pub to_decide: bool,
}

#[derive(Template)]
#[template(path = "joint_proposal.html")]
pub struct ProposalPage {
    pub chrome: Chrome,
    pub csrf: String,
    pub id: i64,
    pub row: ProposalRow,
    /// What the status means for the reader.
    pub explanation: String,
    /// The proposed action, when the reader reads it.
    pub action: Option<Linked>,
    pub edit_href: Option<String>,
    pub joins: Vec<Linked>,
    pub proposer: Party,
    pub invited: Party,
    /// The steps the reader may take: (step, button label, secondary).
    pub steps: Vec<(&'static str, String, bool)>,
}

/// The proposal as a list row in `locale`.
pub fn proposal_row(p: &JointProposal, scope: &AccessScope, chrome: &Chrome) -> ProposalRow {
    let locale = chrome.locale;
    ProposalRow {
        href: chrome.href(&format!("/board/proposals/{}", p.id)),
        title: p
            .title
            .clone()
            .unwrap_or_else(|| locale.t("joint-title-hidden")),
        parties: locale.t_args(
            "joint-parties",
            &[
                ("subject", org_name(&p.proposer_name, locale).into()),
                ("name", org_name(&p.invited_name, locale).into()),
            ],
        ),
        status_code: p.status.code(),
        status: status_label(p.status, locale),
        to_decide: p.status == ProposalStatus::Pending && p.invited_may_act(scope),
    }
}

/// An organisation's name, or that the reader's directory does not list it.
fn org_name(name: &Option<(String, String)>, locale: Locale) -> String {
    name.as_ref()
        .map_or_else(|| locale.t("joint-org-unlisted"), |(name, _)| name.clone())
}

/// An organisation named on the proposal's page, linked to its entry when
/// the reader sees it.
pub struct Party {
    pub name: String,
    pub href: Option<String>,
}

fn party(name: &Option<(String, String)>, chrome: &Chrome) -> Party {
    Party {
        name: org_name(name, chrome.locale),
        href: (name.as_ref()).map(|(_, short)| chrome.href(&format!("/orgs/{short}"))),
    }
}

pub fn status_label(status: ProposalStatus, locale: Locale) -> String {
    locale.t(&format!("joint-status-{}", status.code()))
}

/// `POST /board/proposals`: drafts a joint action from the overlap of the
/// posted `first` and `second`, then shows the draft.
pub async fn create_proposal(
    State(app): State<AppState>,
    request: PageRequest,
    viewer: Viewer,
    body: Bytes,
) -> Result<Response, AppError> {
    let pairs = pairs(&body);
    checked_session(&viewer, field(&pairs, "csrf"))?;
    let number = |name: &str| field(&pairs, name).trim().parse::<i64>().unwrap_or(0);
    let (first, second) = (number("first"), number("second"));
    let scope = viewer.scope.clone();
    let locale = request.locale;
    let (id, _) = app
        .read(move |store| propose_in(store, &scope, locale, first, second, false))
        .await??;
    Ok(back_to(&request, &format!("/board/proposals/{id}")))
}

/// `GET /board/proposals/{id}`.
pub async fn show_proposal(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    request: PageRequest,
    viewer: Viewer,
) -> Result<Response, AppError> {
    let Some((_, _, csrf)) = viewer.session() else {
        return Ok(sign_in_first(&request));
    };
    let csrf = csrf.to_owned();
    let missing = || AppError::NotFound(format!("joint proposal \"{raw}\""));
    let id = raw
        .parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or_else(missing)?;
    let scope = viewer.scope.clone();
    let found = app
        .read(move |store| -> Result<_, StoreError> {
            let Some(proposal) = store.joint_proposal(&scope, id)? else {
                return Ok(None);
            };
            let ids: Vec<ActionId> = std::iter::once(proposal.action)
                .chain(proposal.joins.iter().copied())
                .collect();
            let labels = store.action_labels(&scope, &ids)?;
            Ok(Some((proposal, labels)))
        })
        .await?;
    let (proposal, labels) = found.ok_or_else(missing)?;
    let title = proposal
        .title
        .clone()
        .unwrap_or_else(|| request.locale.t("joint-title-hidden"));
    let chrome = frame(&app, &request, title, "board").await?;
    let page = page(&proposal, &labels, &viewer.scope, chrome, csrf);
    Ok(render(&page)?.into_response())
}

fn page(
    p: &JointProposal,
    labels: &BTreeMap<ActionId, ActionLabel>,
    scope: &AccessScope,
    chrome: Chrome,
    csrf: String,
) -> ProposalPage {
    let locale = chrome.locale;
    let linked = |id: &ActionId| {
        labels.get(id).map(|label| Linked {
            title: label.title.clone(),
            href: chrome.href(&format!("/actions/{}", id.0)),
        })
    };
    let proposer = p.proposer_may_act(scope);
    let invited = p.invited_may_act(scope);
    let mut steps = Vec::new();
    let button = |step: &'static str, secondary: bool| {
        (step, locale.t(&format!("joint-step-{step}")), secondary)
    };
    match p.status {
        ProposalStatus::Draft if proposer => {
            steps.push(button("send", false));
            steps.push(button("withdraw", true));
        }
        ProposalStatus::Pending if proposer => steps.push(button("withdraw", true)),
        _ => {}
    }
    if p.status == ProposalStatus::Pending && invited {
        steps.push(button("accept", false));
        steps.push(button("decline", true));
    }
    let open = matches!(p.status, ProposalStatus::Draft | ProposalStatus::Pending);
    ProposalPage {
        csrf,
        id: p.id,
        row: proposal_row(p, scope, &chrome),
        explanation: locale.t(&format!("joint-explain-{}", p.status.code())),
        action: linked(&p.action),
        edit_href: (proposer && open)
            .then(|| chrome.href(&format!("/actions/{}/edit", p.action.0))),
        joins: p.joins.iter().filter_map(linked).collect(),
        proposer: party(&p.proposer_name, &chrome),
        invited: party(&p.invited_name, &chrome),
        steps,
        chrome,
    }
}

/// `POST /board/proposals/{id}/{step}`: `send`, `accept`, `decline` or
/// `withdraw`; back to the proposal.
pub async fn take_step(
    State(app): State<AppState>,
    Path((id, step)): Path<(String, String)>,
    request: PageRequest,
    viewer: Viewer,
    body: Bytes,
) -> Result<Response, AppError> {
    let pairs = pairs(&body);
    checked_session(&viewer, field(&pairs, "csrf"))?;
    let step = match step.as_str() {
        "send" => Step::Send,
        "accept" => Step::Accept,
        "decline" => Step::Decline,
        "withdraw" => Step::Withdraw,
        other => return Err(AppError::NotFound(format!("step {other:?}"))),
    };
    let scope = viewer.scope.clone();
    let wanted = id.clone();
    app.read(move |store| step_in(store, &scope, &wanted, step))
        .await??;
    Ok(back_to(&request, &format!("/board/proposals/{id}")))
}
