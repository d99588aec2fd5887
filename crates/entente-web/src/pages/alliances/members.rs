//! Adding and removing an alliance's members from its page:
//! `POST /alliances/{id}/members` and `.../members/{org}/remove`.

use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use entente_core::access::{AccessScope, AllianceId};
use entente_store::StoreError;
use serde::Deserialize;

use super::alliance_page;
use crate::auth::Viewer;
use crate::error::AppError;
use crate::pages::chrome::PageRequest;
use crate::pages::orgs::checked_session;
use crate::pages::signin::CsrfForm;
use crate::state::AppState;
use crate::views::alliance;

#[derive(Debug, Default, Deserialize)]
pub struct MemberForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    org: String,
}

/// `POST /alliances/{id}/members`: an admin of the owner adds an
/// organisation by short name.
pub async fn add_alliance_member(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    request: PageRequest,
    viewer: Viewer,
    form: Result<Form<MemberForm>, FormRejection>,
) -> Result<Response, AppError> {
    let Ok(Form(form)) = form else {
        return Err(AppError::CsrfRejected);
    };
    checked_session(&viewer, &form.csrf)?;
    let Some(id) = alliance::parse_id(&raw) else {
        return Err(AppError::AllianceNotFound(raw));
    };
    let short = form.org.trim().to_owned();
    let scope = viewer.scope.clone();
    let outcome = {
        let short = short.clone();
        app.read(move |store| change_member(store, &scope, id, &short, true))
            .await?
    };
    finish(&app, &request, &viewer, raw, outcome, short).await
}

/// `POST /alliances/{id}/members/{org}/remove`: an admin of the owner
/// removes a member, or an admin of the member takes it out.
pub async fn remove_alliance_member(
    State(app): State<AppState>,
    Path((raw, short)): Path<(String, String)>,
    request: PageRequest,
    viewer: Viewer,
    form: Result<Form<CsrfForm>, FormRejection>,
) -> Result<Response, AppError> {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    checked_session(&viewer, &form.csrf)?;
    let Some(id) = alliance::parse_id(&raw) else {
        return Err(AppError::AllianceNotFound(raw));
    };
    let scope = viewer.scope.clone();
    let outcome = app
        .read(move |store| change_member(store, &scope, id, &short, false))
        .await?;
    finish(&app, &request, &viewer, raw, outcome, String::new()).await
}

/// What adding or removing a member came to.
enum Change {
    Done,
    /// No organisation the user sees has this short name.
    UnknownOrg,
    Refused(StoreError),
}

fn change_member(
    store: &entente_store::Store,
    scope: &AccessScope,
    id: AllianceId,
    short: &str,
    add: bool,
) -> Result<Change, StoreError> {
    let Some(org) = store.organisation_by_short_name(scope, short)? else {
        return Ok(Change::UnknownOrg);
    };
    let changed = if add {
        store.add_alliance_member(scope, id, org.id)
    } else {
        store.remove_alliance_member(scope, id, org.id).map(|_| ())
    };
    Ok(match changed {
        Ok(()) => Change::Done,
        Err(e @ (StoreError::NotFound { .. } | StoreError::Forbidden { .. })) => Change::Refused(e),
        Err(e @ StoreError::Conflict { .. }) => Change::Refused(e),
        Err(e) => return Err(e),
    })
}

async fn finish(
    app: &AppState,
    request: &PageRequest,
    viewer: &Viewer,
    raw: String,
    outcome: Change,
    org_field: String,
) -> Result<Response, AppError> {
    let locale = request.locale;
    let (status, problem) = match outcome {
        Change::Done => {
            let lang = locale.code();
            return Ok(Redirect::to(&format!("/alliances/{raw}?lang={lang}")).into_response());
        }
        Change::UnknownOrg => (
            StatusCode::UNPROCESSABLE_ENTITY,
            locale.t("alliance-org-unknown"),
        ),
        Change::Refused(StoreError::Conflict { .. }) => {
            (StatusCode::CONFLICT, locale.t("alliance-member-conflict"))
        }
        Change::Refused(e) => {
            return Err(AppError::refused(e, AppError::AllianceNotFound(raw)));
        }
    };
    alliance_page(app, request, viewer, raw, status, Some(problem), org_field).await
}
