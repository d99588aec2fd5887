//! `GET|POST /board/signals/{key}/contact`: a member asks to be put in
//! touch with whoever emits a signal. The page shows only what the board
//! shows of the signal; the message goes to the owner's admins.

use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use entente_core::access::AccessScope;
use entente_store::{CONTACT_MAX, CoordinationFilter, MESSAGE_MAX, NewContactRequest, StoreError};

use super::{back_to, field, pairs, refused};
use crate::auth::Viewer;
use crate::error::AppError;
use crate::pages::account::sign_in_first;
use crate::pages::actions::filters::Choice;
use crate::pages::board::signals::{SignalRow, signal_row};
use crate::pages::chrome::{Chrome, PageRequest};
use crate::pages::orgs::checked_session;
use crate::pages::{frame, render};
use crate::state::AppState;
use crate::views::actions::Lookups;

#[derive(Template)]
#[template(path = "signal_contact.html")]
pub struct ContactPage {
    pub chrome: Chrome,
    pub csrf: String,
    pub signal: SignalRow,
    pub orgs: Vec<Choice>,
    pub message: String,
    pub contact: String,
    /// Each refused field's message, by field.
    pub problems: Vec<(String, String)>,
    pub message_max: usize,
    pub contact_max: usize,
}

impl ContactPage {
    pub fn problem(&self, name: &str) -> Option<&str> {
        self.problems
            .iter()
            .find(|(f, _)| f == name)
            .map(|(_, m)| m.as_str())
    }
}

/// The form, typed or not.
struct Typed {
    org: String,
    message: String,
    contact: String,
}

/// `GET /board/signals/{key}/contact`.
pub async fn show_contact_form(
    State(app): State<AppState>,
    Path(key): Path<String>,
    request: PageRequest,
    viewer: Viewer,
) -> Result<Response, AppError> {
    let Some((account, _, _)) = viewer.session() else {
        return Ok(sign_in_first(&request));
    };
    let typed = Typed {
        org: String::new(),
        message: String::new(),
        contact: account.email.clone(),
    };
    let page = page(&app, &request, &viewer, key, typed, Vec::new()).await?;
    Ok(render(&page)?.into_response())
}

/// `POST /board/signals/{key}/contact`: stores the request, back to the
/// board's list of requests sent; the form again (422) with each refused
/// field.
pub async fn send_contact_request(
    State(app): State<AppState>,
    Path(key): Path<String>,
    request: PageRequest,
    viewer: Viewer,
    body: Bytes,
) -> Result<Response, AppError> {
    let pairs = pairs(&body);
    checked_session(&viewer, field(&pairs, "csrf"))?;
    let typed = Typed {
        org: field(&pairs, "org").to_owned(),
        message: field(&pairs, "message").to_owned(),
        contact: field(&pairs, "contact").to_owned(),
    };
    let scope = viewer.scope.clone();
    let (wanted, org_short) = (key.clone(), typed.org.clone());
    let (message, contact) = (typed.message.clone(), typed.contact.clone());
    let sent = app
        .read(
            move |store| -> Result<Result<i64, StoreError>, StoreError> {
                // Not one of the reader's: the store refuses it after the signal.
                let org = own_orgs(store, &scope)?
                    .into_iter()
                    .find(|(short, _, _)| *short == org_short)
                    .map_or(entente_core::access::OrgId(0), |(_, _, id)| id);
                let request = NewContactRequest {
                    requester_org: org,
                    message,
                    contact,
                };
                Ok(store.request_contact(&scope, &wanted, &request))
            },
        )
        .await?;
    match sent {
        Ok(_) => Ok(back_to(&request, "/board").into_response()),
        Err(StoreError::Fields { errors }) => {
            let locale = request.locale;
            let problems = errors
                .iter()
                .map(|e| {
                    let field = if e.field == "requester_org" {
                        "org"
                    } else {
                        e.field
                    };
                    (
                        field.to_owned(),
                        locale.t(&format!("signals-problem-{}", e.code.replace('_', "-"))),
                    )
                })
                .collect();
            let page = page(&app, &request, &viewer, key, typed, problems).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
        Err(e) => Err(refused(e, AppError::NotFound(format!("signal {key:?}")))),
    }
}

/// The reader's organisations: short name, name, id.
fn own_orgs(
    store: &entente_store::Store,
    scope: &AccessScope,
) -> Result<Vec<(String, String, entente_core::access::OrgId)>, StoreError> {
    let AccessScope::Member(member) = scope else {
        return Ok(Vec::new());
    };
    let mut found = Vec::new();
    for id in member.memberships.keys() {
        if let Some(org) = store.organisation(scope, *id)? {
            found.push((org.short_name, org.name, org.id));
        }
    }
    Ok(found)
}

async fn page(
    app: &AppState,
    request: &PageRequest,
    viewer: &Viewer,
    key: String,
    typed: Typed,
    problems: Vec<(String, String)>,
) -> Result<ContactPage, AppError> {
    let Some((_, _, csrf)) = viewer.session() else {
        return Err(AppError::NotFound(format!("signal {key:?}")));
    };
    let csrf = csrf.to_owned();
    let scope = viewer.scope.clone();
    let wanted = key.clone();
    let (signal, lookups, orgs) = app
        .read(move |store| -> Result<_, StoreError> {
            let signal = store
                .signals(&scope, &CoordinationFilter::default())?
                .into_iter()
                .find(|s| s.key == wanted);
            Ok((
                signal,
                Lookups::load(store, &scope)?,
                own_orgs(store, &scope)?,
            ))
        })
        .await?;
    let signal = signal.ok_or_else(|| AppError::NotFound(format!("signal {key:?}")))?;
    let chrome = frame(
        app,
        request,
        request.locale.t("signals-contact-title"),
        "board",
    )
    .await?;
    let row = signal_row(&signal, &chrome, &lookups);
    Ok(ContactPage {
        csrf,
        signal: row,
        orgs: orgs
            .into_iter()
            .map(|(short, name, _)| Choice {
                selected: short == typed.org,
                value: short,
                label: name,
            })
            .collect(),
        message: typed.message,
        contact: typed.contact,
        problems,
        message_max: MESSAGE_MAX,
        contact_max: CONTACT_MAX,
        chrome,
    })
}
