//! `/orgs/{short}/requests`: for an organisation's admins, the contact
//! requests others sent from its signals, each to answer or decline, and
//! whether its new actions emit a signal by default. Also an action's own
//! switch, `POST /actions/{id}/signal`, from the action's page.

use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use entente_core::access::can_administer;
use entente_store::{ReceivedRequest, RequestStatus, StoreError};

use super::{back_to, field, pairs, refused};
use crate::api::coordination::contact_requests::decide_in;
use crate::api::coordination::signals::switch_action_signal;
use crate::auth::Viewer;
use crate::error::AppError;
use crate::pages::account::sign_in_first;
use crate::pages::chrome::{Chrome, PageRequest};
use crate::pages::orgs::checked_session;
use crate::pages::{frame, render};
use crate::state::AppState;

pub struct RequestRow {
    pub id: i64,
    pub answer_href: String,
    pub decline_href: String,
    pub action_title: String,
    pub action_href: String,
    /// Once answered: "Organisation — contact details".
    pub requester: Option<String>,
    pub message: String,
    pub pending: bool,
    pub status: String,
    pub reply: String,
    pub date: String,
}

#[derive(Template)]
#[template(path = "org_requests.html")]
pub struct RequestsPage {
    pub chrome: Chrome,
    pub csrf: String,
    pub default_href: String,
    pub signals_by_default: bool,
    pub rows: Vec<RequestRow>,
}

/// `GET /orgs/{short}/requests`: admins only; others are refused as the
/// store refuses them (missing when hidden, forbidden when seen).
pub async fn show_requests(
    State(app): State<AppState>,
    Path(short): Path<String>,
    request: PageRequest,
    viewer: Viewer,
) -> Result<Response, AppError> {
    let Some((_, _, csrf)) = viewer.session() else {
        return Ok(sign_in_first(&request));
    };
    let csrf = csrf.to_owned();
    let scope = viewer.scope.clone();
    let wanted = short.clone();
    let found = app
        .read(move |store| -> Result<Result<_, AppError>, StoreError> {
            let missing = AppError::OrgNotFound(wanted.clone());
            let Some(org) = store.organisation_by_short_name(&scope, &wanted)? else {
                return Ok(Err(missing));
            };
            let received = match store.received_contact_requests(&scope, org.id) {
                Ok(received) => received,
                Err(e) => return Ok(Err(refused(e, missing))),
            };
            let default = store.signal_default(&scope, org.id)?;
            Ok(Ok((org, received, default)))
        })
        .await??;
    let (org, received, signals_by_default) = found;
    let title = request.locale.t_args(
        "signals-requests-title",
        &[("org", org.name.clone().into())],
    );
    let chrome = frame(&app, &request, title, "orgs").await?;
    let rows = received.iter().map(|r| row(r, &short, &chrome)).collect();
    let page = RequestsPage {
        csrf,
        default_href: format!("/orgs/{short}/signal-default"),
        signals_by_default,
        rows,
        chrome,
    };
    Ok(render(&page)?.into_response())
}

fn row(r: &ReceivedRequest, short: &str, chrome: &Chrome) -> RequestRow {
    let locale = chrome.locale;
    RequestRow {
        id: r.id,
        answer_href: format!("/orgs/{short}/requests/{}/answer", r.id),
        decline_href: format!("/orgs/{short}/requests/{}/decline", r.id),
        action_title: r.action_title.clone(),
        action_href: chrome.href(&format!("/actions/{}", r.action.0)),
        requester: (r.requester.as_ref()).map(|who| format!("{} — {}", who.org_name, who.contact)),
        message: r.message.clone(),
        pending: r.status == RequestStatus::Pending,
        status: locale.t(&format!("signals-status-{}", r.status.code())),
        reply: r.reply.clone(),
        date: locale.date(r.created_at.date()),
    }
}

/// `POST /orgs/{short}/requests/{id}/answer`.
pub async fn answer_request(
    State(app): State<AppState>,
    Path((short, id)): Path<(String, String)>,
    request: PageRequest,
    viewer: Viewer,
    body: Bytes,
) -> Result<Response, AppError> {
    let pairs = pairs(&body);
    checked_session(&viewer, field(&pairs, "csrf"))?;
    let reply = field(&pairs, "reply").to_owned();
    decide(app, request, viewer, short, id, Some(reply)).await
}

/// `POST /orgs/{short}/requests/{id}/decline`.
pub async fn decline_request(
    State(app): State<AppState>,
    Path((short, id)): Path<(String, String)>,
    request: PageRequest,
    viewer: Viewer,
    body: Bytes,
) -> Result<Response, AppError> {
    let pairs = pairs(&body);
    checked_session(&viewer, field(&pairs, "csrf"))?;
    decide(app, request, viewer, short, id, None).await
}

async fn decide(
    app: AppState,
    request: PageRequest,
    viewer: Viewer,
    short: String,
    id: String,
    reply: Option<String>,
) -> Result<Response, AppError> {
    let scope = viewer.scope.clone();
    let org = short.clone();
    app.read(move |store| decide_in(store, &scope, &org, &id, reply.as_deref()))
        .await??;
    Ok(back_to(&request, &format!("/orgs/{short}/requests")))
}

/// `POST /orgs/{short}/signal-default`: a checked `on` box turns it on.
pub async fn set_signal_default(
    State(app): State<AppState>,
    Path(short): Path<String>,
    request: PageRequest,
    viewer: Viewer,
    body: Bytes,
) -> Result<Response, AppError> {
    let pairs = pairs(&body);
    checked_session(&viewer, field(&pairs, "csrf"))?;
    let on = !field(&pairs, "on").is_empty();
    let scope = viewer.scope.clone();
    let wanted = short.clone();
    app.read(move |store| -> Result<Result<(), AppError>, StoreError> {
        let missing = AppError::OrgNotFound(wanted.clone());
        let Some(org) = store.organisation_by_short_name(&scope, &wanted)? else {
            return Ok(Err(missing));
        };
        if !can_administer(&scope, org.id) {
            return Ok(Err(AppError::Forbidden(format!(
                "only an admin of organisation {wanted} may change its signal default"
            ))));
        }
        Ok(store
            .set_signal_default(&scope, org.id, on)
            .map_err(|e| refused(e, missing)))
    })
    .await??;
    Ok(back_to(&request, &format!("/orgs/{short}/requests")))
}

/// `POST /actions/{id}/signal`: a checked `on` box turns the action's
/// signal on; back to the action.
pub async fn set_action_signal(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    request: PageRequest,
    viewer: Viewer,
    body: Bytes,
) -> Result<Response, AppError> {
    let pairs = pairs(&body);
    checked_session(&viewer, field(&pairs, "csrf"))?;
    let on = !field(&pairs, "on").is_empty();
    let scope = viewer.scope.clone();
    let id = raw.clone();
    app.read(move |store| switch_action_signal(store, &scope, &id, on))
        .await??;
    Ok(back_to(&request, &format!("/actions/{raw}")))
}
