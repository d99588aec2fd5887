//! Alliances on the portal: `GET/POST /alliances` (the visible ones, and
//! creating one owned by an organisation the user administers),
//! `GET /alliances/{id}` (with its reach), and its owner's admins setting
//! where it campaigns (`POST /alliances/{id}/area`) and adding and removing
//! members (`POST /alliances/{id}/members`, `.../members/{org}/remove`).
//!
//! Members are named only when the reader sees them in the directory; a
//! hidden alliance answers exactly as a missing one.

use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use entente_core::access::{Visibility, can_administer};
use entente_store::{NewAlliance, StoreError};

use super::chrome::{Chrome, PageRequest};
use super::org_settings::states_problem;
use super::orgs::{ProfileChoices, checked_session};
use super::{frame, render};
use crate::auth::Viewer;
use crate::error::AppError;
use crate::state::AppState;
use crate::views::alliance::{self, AllianceView};

mod area;
mod members;

pub use area::{AreaForm, set_alliance_area};
pub use members::{add_alliance_member, remove_alliance_member};

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
    pub choices: ProfileChoices,
}

/// What the creation form held.
#[derive(Debug, Default)]
pub struct CreateForm {
    pub csrf: String,
    pub owner: String,
    pub name: String,
    pub purpose: String,
    pub visibility: String,
    pub area: AreaForm,
}

impl CreateForm {
    /// Reads a posted form; repeated `regions` are the checked boxes.
    fn parse(body: &[u8]) -> Self {
        let mut form = CreateForm::default();
        for (key, value) in form_urlencoded::parse(body) {
            let value = value.into_owned();
            match key.as_ref() {
                "csrf" => form.csrf = value,
                "owner" => form.owner = value,
                "name" => form.name = value,
                "purpose" => form.purpose = value,
                "visibility" => form.visibility = value,
                "states" => form.area.states = value,
                "regions" => form.area.regions.push(value),
                _ => {}
            }
        }
        form
    }
}

/// Why the creation form was refused, field by field.
#[derive(Debug, Default)]
pub struct CreateProblems {
    pub owner: Option<String>,
    pub name: Option<String>,
    pub visibility: Option<String>,
    pub states: Option<String>,
}

impl CreateProblems {
    fn any(&self) -> bool {
        self.owner.is_some()
            || self.name.is_some()
            || self.visibility.is_some()
            || self.states.is_some()
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
    /// The area form: the stored area, or what was typed when refused.
    pub area: AreaForm,
    /// Why the area form was refused.
    pub area_problem: Option<String>,
    pub choices: ProfileChoices,
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
        choices: ProfileChoices::new(locale),
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
    body: Bytes,
) -> Result<Response, AppError> {
    let form = CreateForm::parse(&body);
    checked_session(&viewer, &form.csrf)?;
    let locale = request.locale;
    let mut problems = CreateProblems::default();
    let area = form.area.area();
    if area.is_none() {
        problems.states = Some(states_problem(locale, &form.area.states, None));
    }
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
    let (Some(owner), Ok(visibility), Some(area), false) =
        (owner, visibility, area, problems.any())
    else {
        let status = StatusCode::UNPROCESSABLE_ENTITY;
        return alliances_page(&app, &request, &viewer, form, problems, status).await;
    };
    let new = NewAlliance {
        owner: owner.id,
        name: form.name.trim().to_owned(),
        purpose: form.purpose.trim().to_owned(),
        visibility,
        area,
    };
    let created = app
        .read(move |store| Ok::<_, StoreError>(store.create_alliance(&scope, &new)))
        .await?;
    let id = match created {
        Ok(id) => id,
        Err(StoreError::Invalid { what }) => {
            // A well-formed code that names no state.
            problems.states = Some(states_problem(locale, &form.area.states, Some(&what)));
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return alliances_page(&app, &request, &viewer, form, problems, status).await;
        }
        Err(e) => return Err(AppError::refused(e, AppError::OrgNotFound(form.owner))),
    };
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
    let refused = None;
    alliance_page_with(
        app, request, viewer, raw, status, problem, org_field, refused,
    )
    .await
}

#[expect(
    clippy::too_many_arguments,
    reason = "the page's parts, each refusal its own"
)]
async fn alliance_page_with(
    app: &AppState,
    request: &PageRequest,
    viewer: &Viewer,
    raw: String,
    status: StatusCode,
    problem: Option<String>,
    org_field: String,
    refused_area: Option<(AreaForm, String)>,
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
    let (area, area_problem) = match refused_area {
        Some((form, why)) => (form, Some(why)),
        None => (AreaForm::of(&found), None),
    };
    let page = AlliancePage {
        chrome: frame(app, request, found.name.clone(), "alliances").await?,
        visibility: locale.t(&format!("alliance-visibility-{}", found.visibility)),
        alliance: found,
        csrf: session_csrf(viewer),
        problem,
        org_field,
        area,
        area_problem,
        choices: ProfileChoices::new(locale),
    };
    Ok((status, render(&page)?).into_response())
}
