//! Alliances on the portal: `GET/POST /alliances` (the visible ones, and
//! creating one owned by an organisation the user administers),
//! `GET /alliances/{id}`, and its owner's admins adding and removing
//! members (`POST /alliances/{id}/members`, `.../members/{org}/remove`).
//!
//! Members are named only when the reader sees them in the directory; a
//! hidden alliance answers exactly as a missing one.

use askama::Template;
use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use entente_core::access::{AccessScope, AllianceId, Visibility, can_administer};
use entente_store::{NewAlliance, StoreError};
use serde::Deserialize;

use super::chrome::{Chrome, PageRequest};
use super::orgs::checked_session;
use super::signin::CsrfForm;
use super::{frame, render};
use crate::auth::Viewer;
use crate::error::AppError;
use crate::state::AppState;
use crate::views::alliance::{self, AllianceView};

#[derive(Template)]
#[template(path = "alliances.html")]
pub struct AlliancesPage {
    pub chrome: Chrome,
    pub alliances: Vec<AllianceView>,
    /// The organisations the user may create an alliance for: short name, name.
    pub owners: Vec<(String, String)>,
    pub visibilities: Vec<(&'static str, String)>,
    pub csrf: String,
    pub form: CreateForm,
    pub problems: CreateProblems,
}

/// What the creation form held.
#[derive(Debug, Default, Deserialize)]
pub struct CreateForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub purpose: String,
    #[serde(default)]
    pub visibility: String,
}

/// Why the creation form was refused, field by field.
#[derive(Debug, Default)]
pub struct CreateProblems {
    pub owner: Option<String>,
    pub name: Option<String>,
    pub visibility: Option<String>,
}

impl CreateProblems {
    fn any(&self) -> bool {
        self.owner.is_some() || self.name.is_some() || self.visibility.is_some()
    }
}

#[derive(Template)]
#[template(path = "alliance.html")]
pub struct AlliancePage {
    pub chrome: Chrome,
    pub alliance: AllianceView,
    pub visibility: String,
    pub csrf: String,
    /// Why adding or removing a member was refused.
    pub problem: Option<String>,
    pub org_field: String,
}

/// `GET /alliances`
pub async fn list_alliances(
    State(app): State<AppState>,
    request: PageRequest,
    viewer: Viewer,
) -> Result<Response, AppError> {
    let form = CreateForm {
        visibility: Visibility::Alliance.code().to_owned(),
        ..CreateForm::default()
    };
    let problems = CreateProblems::default();
    alliances_page(&app, &request, &viewer, form, problems, StatusCode::OK).await
}

async fn alliances_page(
    app: &AppState,
    request: &PageRequest,
    viewer: &Viewer,
    form: CreateForm,
    problems: CreateProblems,
    status: StatusCode,
) -> Result<Response, AppError> {
    let scope = viewer.scope.clone();
    let (alliances, owners) = app
        .read(move |store| {
            let alliances = alliance::alliances(store, &scope)?;
            let owners: Vec<(String, String)> = store
                .organisations(&scope)?
                .into_iter()
                .filter(|o| scope.user().is_some() && can_administer(&scope, o.id))
                .map(|o| (o.short_name, o.name))
                .collect();
            Ok::<_, StoreError>((alliances, owners))
        })
        .await?;
    let locale = request.locale;
    let page = AlliancesPage {
        chrome: frame(app, request, locale.t("alliances-title"), "alliances").await?,
        alliances,
        owners,
        visibilities: Visibility::ALL
            .iter()
            .map(|v| {
                (
                    v.code(),
                    locale.t(&format!("alliance-visibility-{}", v.code())),
                )
            })
            .collect(),
        csrf: session_csrf(viewer),
        form,
        problems,
    };
    Ok((status, render(&page)?).into_response())
}

fn session_csrf(viewer: &Viewer) -> String {
    viewer
        .session()
        .map(|(_, _, csrf)| csrf.to_owned())
        .unwrap_or_default()
}

/// `POST /alliances`: creates an alliance; its owner becomes its first member.
pub async fn create_alliance(
    State(app): State<AppState>,
    request: PageRequest,
    viewer: Viewer,
    form: Result<Form<CreateForm>, FormRejection>,
) -> Result<Response, AppError> {
    let Ok(Form(form)) = form else {
        return Err(AppError::CsrfRejected);
    };
    checked_session(&viewer, &form.csrf)?;
    let locale = request.locale;
    let mut problems = CreateProblems::default();
    if form.name.trim().is_empty() {
        problems.name = Some(locale.t("alliance-name-blank"));
    }
    let visibility = form.visibility.parse::<Visibility>();
    if visibility.is_err() {
        problems.visibility = Some(locale.t("alliance-visibility-invalid"));
    }
    let scope = viewer.scope.clone();
    let owner = {
        let (reader, short) = (scope.clone(), form.owner.clone());
        app.read(move |store| store.organisation_by_short_name(&reader, &short))
            .await?
            .filter(|o| can_administer(&scope, o.id))
    };
    if owner.is_none() {
        problems.owner = Some(locale.t("alliance-owner-invalid"));
    }
    let (Some(owner), Ok(visibility), false) = (owner, visibility, problems.any()) else {
        let status = StatusCode::UNPROCESSABLE_ENTITY;
        return alliances_page(&app, &request, &viewer, form, problems, status).await;
    };
    let new = NewAlliance {
        owner: owner.id,
        name: form.name.trim().to_owned(),
        purpose: form.purpose.trim().to_owned(),
        visibility,
        area: entente_store::Area::default(),
    };
    let id = app
        .read(move |store| Ok::<_, StoreError>(store.create_alliance(&scope, &new)))
        .await?
        .map_err(|e| AppError::refused(e, AppError::OrgNotFound(form.owner)))?;
    let lang = locale.code();
    Ok(Redirect::to(&format!("/alliances/{}?lang={lang}", id.0)).into_response())
}

/// `GET /alliances/{id}`
pub async fn show_alliance(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    request: PageRequest,
    viewer: Viewer,
) -> Result<Response, AppError> {
    alliance_page(
        &app,
        &request,
        &viewer,
        raw,
        StatusCode::OK,
        None,
        String::new(),
    )
    .await
}

async fn alliance_page(
    app: &AppState,
    request: &PageRequest,
    viewer: &Viewer,
    raw: String,
    status: StatusCode,
    problem: Option<String>,
    org_field: String,
) -> Result<Response, AppError> {
    let Some(id) = alliance::parse_id(&raw) else {
        return Err(AppError::AllianceNotFound(raw));
    };
    let scope = viewer.scope.clone();
    let Some(found) = app
        .read(move |store| alliance::alliance(store, &scope, id))
        .await?
    else {
        return Err(AppError::AllianceNotFound(raw));
    };
    let locale = request.locale;
    let page = AlliancePage {
        chrome: frame(app, request, found.name.clone(), "alliances").await?,
        visibility: locale.t(&format!("alliance-visibility-{}", found.visibility)),
        alliance: found,
        csrf: session_csrf(viewer),
        problem,
        org_field,
    };
    Ok((status, render(&page)?).into_response())
}

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
