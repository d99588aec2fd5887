//! `/api/v1/npm-profiles`, `/api/v1/assessments` and
//! `/api/v1/states/{iso3}/assessments`: implementation monitoring as JSON.
//! Reading takes whatever the session or token may read (a hidden record
//! answers exactly as a missing one, `not_found`); changing one takes an
//! editor or admin of its owner. Broken rules come back together as
//! `invalid_fields`.

pub mod input;
pub mod view;

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use entente_core::Iso3;
use entente_core::access::{AccessScope, can_write};
use entente_core::monitoring::{AssessmentId, ProfileId};
use entente_store::{Store, StoreError};

use self::input::{AssessmentInput, ProfileInput};
use self::view::{AssessmentView, ComparisonView, ProfileView};
use crate::api::actions::view::Names;
use crate::auth::Viewer;
use crate::error::{AppError, ErrorBody};
use crate::extract::{AsOf, Params};
use crate::state::AppState;

fn signed_in(viewer: &Viewer) -> Result<AccessScope, AppError> {
    match viewer.account {
        Some(_) => Ok(viewer.scope.clone()),
        None => Err(AppError::Unauthenticated),
    }
}

fn json<T>(body: Result<Json<T>, JsonRejection>) -> Result<T, AppError> {
    body.map(|Json(b)| b).map_err(|e| AppError::InvalidField {
        field: "body",
        reason: e.body_text(),
    })
}

fn profile_missing(raw: &str) -> AppError {
    AppError::NotFound(format!("/api/v1/npm-profiles/{raw}"))
}

fn assessment_missing(raw: &str) -> AppError {
    AppError::NotFound(format!("/api/v1/assessments/{raw}"))
}

fn number(raw: &str) -> Option<i64> {
    raw.trim().parse::<i64>().ok().filter(|n| *n > 0)
}

/// The `state` filter of a list, if any.
fn state_filter(raw: Option<&str>) -> Result<Option<Iso3>, AppError> {
    Params::from_query(raw).parse("state", "an ISO 3166-1 alpha-3 code")
}

/// The profile numbered `raw` as `scope` may see it, with the read audited
/// when it comes from outside its owner.
fn visible_profile(
    store: &Store,
    scope: &AccessScope,
    raw: &str,
) -> Result<Result<entente_store::NpmProfile, AppError>, StoreError> {
    let Some(id) = number(raw) else {
        return Ok(Err(profile_missing(raw)));
    };
    let Some(profile) = store.npm_profile(scope, ProfileId(id))? else {
        return Ok(Err(profile_missing(raw)));
    };
    let c = &profile.content;
    crate::auth::audit_outside_read(store, scope, c.owner, c.visibility, "npm_profile", id)?;
    Ok(Ok(profile))
}

fn visible_assessment(
    store: &Store,
    scope: &AccessScope,
    raw: &str,
) -> Result<Result<entente_store::Assessment, AppError>, StoreError> {
    let Some(id) = number(raw) else {
        return Ok(Err(assessment_missing(raw)));
    };
    let Some(assessment) = store.assessment(scope, AssessmentId(id))? else {
        return Ok(Err(assessment_missing(raw)));
    };
    let c = &assessment.content;
    crate::auth::audit_outside_read(store, scope, c.owner, c.visibility, "npm_assessment", id)?;
    Ok(Ok(assessment))
}

/// The NPM profiles the reader may see.
///
/// By state, then in the order they were recorded; `state` keeps one state's.
#[utoipa::path(
    get,
    path = "/api/v1/npm-profiles",
    tag = "monitoring",
    params(("state" = Option<String>, Query, description = "ISO 3166-1 alpha-3 code: that state's profiles only")),
    responses(
        (status = 200, description = "The visible profiles", body = Vec<ProfileView>),
        (status = 422, description = "`state` is not a code (`invalid_parameter`)", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub async fn list_npm_profiles(
    State(app): State<AppState>,
    viewer: Viewer,
    RawQuery(raw): RawQuery,
) -> Result<Json<Vec<ProfileView>>, AppError> {
    let state = state_filter(raw.as_deref())?;
    let scope = viewer.scope;
    let list = app
        .read(move |store| {
            let names = Names::load(store, &scope)?;
            let profiles = match state {
                Some(state) => store.npm_profiles_of_state(&scope, state)?,
                None => store.npm_profiles(&scope)?,
            };
            Ok::<_, StoreError>(
                profiles
                    .into_iter()
                    .map(|p| ProfileView::new(p, &names))
                    .collect(),
            )
        })
        .await?;
    Ok(Json(list))
}

/// One NPM profile.
///
/// A read from outside the owner of a profile that is not public is logged
/// in the owner's audit log.
#[utoipa::path(
    get,
    path = "/api/v1/npm-profiles/{id}",
    tag = "monitoring",
    params(("id" = i64, Path, description = "The profile's number")),
    responses(
        (status = 200, description = "The profile", body = ProfileView),
        (status = 404, description = "No such profile, or hidden from the reader (`not_found`)", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub async fn show_npm_profile(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    viewer: Viewer,
) -> Result<Json<ProfileView>, AppError> {
    let scope = viewer.scope;
    let view = app
        .read(move |store| {
            let profile = match visible_profile(store, &scope, &raw)? {
                Ok(profile) => profile,
                Err(e) => return Ok::<_, StoreError>(Err(e)),
            };
            Ok(Ok(ProfileView::new(profile, &Names::load(store, &scope)?)))
        })
        .await??;
    Ok(Json(view))
}

/// Records an NPM profile.
///
/// Needs an editor or admin of the owner; a read-only token is refused with
/// `token_read_only`. Every broken rule is listed in `fields`
/// (`invalid_fields`): an unknown state or model, no body named, a start of
/// operation before the designation, a website or report address that is
/// not http(s), two reports for one year, an alliance the owner is not in.
#[utoipa::path(
    post,
    path = "/api/v1/npm-profiles",
    tag = "monitoring",
    request_body = ProfileInput,
    responses(
        (status = 201, description = "The new profile; `Location` is its address", body = ProfileView),
        (status = 401, description = "Neither a session nor a token (`unauthenticated`)", body = ErrorBody),
        (status = 403, description = "Not an editor of the owner (`forbidden`), or a read-only token (`token_read_only`)", body = ErrorBody),
        (status = 422, description = "The body cannot be read (`invalid_field`) or breaks rules (`invalid_fields`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn create_npm_profile(
    State(app): State<AppState>,
    viewer: Viewer,
    body: Result<Json<ProfileInput>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = signed_in(&viewer)?;
    let input = json(body)?;
    let created = app
        .read(move |store| {
            let names = Names::load(store, &scope)?;
            let draft = match input.to_draft(&names) {
                Ok(draft) => draft,
                Err(errors) => return Ok::<_, StoreError>(Err(AppError::InvalidFields(errors))),
            };
            let id = match store.create_npm_profile(&scope, &draft) {
                Ok(id) => id,
                Err(e) => return Ok(Err(AppError::refused(e, unseen_owner()))),
            };
            Ok(store
                .npm_profile(&scope, id)?
                .map(|p| ProfileView::new(p, &names))
                .ok_or_else(|| AppError::internal("the new profile is not readable")))
        })
        .await??;
    let location = format!("/api/v1/npm-profiles/{}", created.id);
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(created),
    )
        .into_response())
}

/// Replaces an NPM profile's content (the whole of it, as `POST` takes it).
#[utoipa::path(
    put,
    path = "/api/v1/npm-profiles/{id}",
    tag = "monitoring",
    params(("id" = i64, Path, description = "The profile's number")),
    request_body = ProfileInput,
    responses(
        (status = 200, description = "The profile as changed", body = ProfileView),
        (status = 401, description = "Neither a session nor a token (`unauthenticated`)", body = ErrorBody),
        (status = 403, description = "Not an editor of the owner (`forbidden`), or a read-only token (`token_read_only`)", body = ErrorBody),
        (status = 404, description = "No such profile, or hidden from the reader (`not_found`)", body = ErrorBody),
        (status = 422, description = "The body cannot be read (`invalid_field`) or breaks rules (`invalid_fields`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn update_npm_profile(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    viewer: Viewer,
    body: Result<Json<ProfileInput>, JsonRejection>,
) -> Result<Json<ProfileView>, AppError> {
    let scope = signed_in(&viewer)?;
    let updated = app
        .read(move |store| {
            let before = match visible_profile(store, &scope, &raw)? {
                Ok(profile) => profile,
                Err(e) => return Ok::<_, StoreError>(Err(e)),
            };
            if !can_write(&scope, &before.content.access()) {
                return Ok(Err(AppError::Forbidden(format!(
                    "only editors of its organisation change NPM profile {raw}"
                ))));
            }
            let names = Names::load(store, &scope)?;
            let draft = match json(body)
                .and_then(|input| input.to_draft(&names).map_err(AppError::InvalidFields))
            {
                Ok(draft) => draft,
                Err(e) => return Ok(Err(e)),
            };
            if let Err(e) = store.update_npm_profile(&scope, before.id, &draft) {
                return Ok(Err(AppError::refused(e, profile_missing(&raw))));
            }
            Ok(store
                .npm_profile(&scope, before.id)?
                .map(|p| ProfileView::new(p, &names))
                .ok_or_else(|| profile_missing(&raw)))
        })
        .await??;
    Ok(Json(updated))
}

/// Deletes an NPM profile; its assessments stay. The audit log keeps the deletion.
#[utoipa::path(
    delete,
    path = "/api/v1/npm-profiles/{id}",
    tag = "monitoring",
    params(("id" = i64, Path, description = "The profile's number")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "Neither a session nor a token (`unauthenticated`)", body = ErrorBody),
        (status = 403, description = "Not an editor of the owner (`forbidden`), or a read-only token (`token_read_only`)", body = ErrorBody),
        (status = 404, description = "No such profile, or hidden from the reader (`not_found`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn delete_npm_profile(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    viewer: Viewer,
) -> Result<StatusCode, AppError> {
    let scope = signed_in(&viewer)?;
    app.read(move |store| {
        let Some(id) = number(&raw) else {
            return Ok::<_, StoreError>(Err(profile_missing(&raw)));
        };
        Ok(store
            .delete_npm_profile(&scope, ProfileId(id))
            .map_err(|e| AppError::refused(e, profile_missing(&raw))))
    })
    .await??;
    Ok(StatusCode::NO_CONTENT)
}

/// The assessments the reader may see, by state, the newest first.
#[utoipa::path(
    get,
    path = "/api/v1/assessments",
    tag = "monitoring",
    params(("state" = Option<String>, Query, description = "ISO 3166-1 alpha-3 code: that state's assessments only")),
    responses(
        (status = 200, description = "The visible assessments", body = Vec<AssessmentView>),
        (status = 422, description = "`state` is not a code (`invalid_parameter`)", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub async fn list_assessments(
    State(app): State<AppState>,
    viewer: Viewer,
    RawQuery(raw): RawQuery,
) -> Result<Json<Vec<AssessmentView>>, AppError> {
    let state = state_filter(raw.as_deref())?;
    let scope = viewer.scope;
    let list = app
        .read(move |store| {
            let names = Names::load(store, &scope)?;
            let found = match state {
                Some(state) => store.assessments_of_state(&scope, state)?,
                None => store.assessments(&scope)?,
            };
            Ok::<_, StoreError>(
                found
                    .into_iter()
                    .map(|a| AssessmentView::new(a, &names))
                    .collect(),
            )
        })
        .await?;
    Ok(Json(list))
}

/// One assessment, with every criterion's rating and evidence.
#[utoipa::path(
    get,
    path = "/api/v1/assessments/{id}",
    tag = "monitoring",
    params(("id" = i64, Path, description = "The assessment's number")),
    responses(
        (status = 200, description = "The assessment", body = AssessmentView),
        (status = 404, description = "No such assessment, or hidden from the reader (`not_found`)", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub async fn show_assessment(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    viewer: Viewer,
) -> Result<Json<AssessmentView>, AppError> {
    let scope = viewer.scope;
    let view = app
        .read(move |store| {
            let assessment = match visible_assessment(store, &scope, &raw)? {
                Ok(assessment) => assessment,
                Err(e) => return Ok::<_, StoreError>(Err(e)),
            };
            Ok(Ok(AssessmentView::new(
                assessment,
                &Names::load(store, &scope)?,
            )))
        })
        .await??;
    Ok(Json(view))
}

/// Records an assessment of a state's NPM from one viewpoint.
///
/// Needs an editor or admin of the owner. Every broken rule is listed in
/// `fields` (`invalid_fields`): an unknown viewpoint, criterion or rating, a
/// judgement without evidence, nothing judged, a profile of another state
/// or one the writer cannot see.
#[utoipa::path(
    post,
    path = "/api/v1/assessments",
    tag = "monitoring",
    request_body = AssessmentInput,
    responses(
        (status = 201, description = "The new assessment; `Location` is its address", body = AssessmentView),
        (status = 401, description = "Neither a session nor a token (`unauthenticated`)", body = ErrorBody),
        (status = 403, description = "Not an editor of the owner (`forbidden`), or a read-only token (`token_read_only`)", body = ErrorBody),
        (status = 422, description = "The body cannot be read (`invalid_field`) or breaks rules (`invalid_fields`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn create_assessment(
    State(app): State<AppState>,
    viewer: Viewer,
    body: Result<Json<AssessmentInput>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = signed_in(&viewer)?;
    let input = json(body)?;
    let created = app
        .read(move |store| {
            let names = Names::load(store, &scope)?;
            let draft = match input.to_draft(&names) {
                Ok(draft) => draft,
                Err(errors) => return Ok::<_, StoreError>(Err(AppError::InvalidFields(errors))),
            };
            let id = match store.create_assessment(&scope, &draft) {
                Ok(id) => id,
                Err(e) => return Ok(Err(AppError::refused(e, unseen_owner()))),
            };
            Ok(store
                .assessment(&scope, id)?
                .map(|a| AssessmentView::new(a, &names))
                .ok_or_else(|| AppError::internal("the new assessment is not readable")))
        })
        .await??;
    let location = format!("/api/v1/assessments/{}", created.id);
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(created),
    )
        .into_response())
}

/// Replaces an assessment's content.
#[utoipa::path(
    put,
    path = "/api/v1/assessments/{id}",
    tag = "monitoring",
    params(("id" = i64, Path, description = "The assessment's number")),
    request_body = AssessmentInput,
    responses(
        (status = 200, description = "The assessment as changed", body = AssessmentView),
        (status = 401, description = "Neither a session nor a token (`unauthenticated`)", body = ErrorBody),
        (status = 403, description = "Not an editor of the owner (`forbidden`), or a read-only token (`token_read_only`)", body = ErrorBody),
        (status = 404, description = "No such assessment, or hidden from the reader (`not_found`)", body = ErrorBody),
        (status = 422, description = "The body cannot be read (`invalid_field`) or breaks rules (`invalid_fields`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn update_assessment(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    viewer: Viewer,
    body: Result<Json<AssessmentInput>, JsonRejection>,
) -> Result<Json<AssessmentView>, AppError> {
    let scope = signed_in(&viewer)?;
    let updated = app
        .read(move |store| {
            let before = match visible_assessment(store, &scope, &raw)? {
                Ok(assessment) => assessment,
                Err(e) => return Ok::<_, StoreError>(Err(e)),
            };
            if !can_write(&scope, &before.content.access()) {
                return Ok(Err(AppError::Forbidden(format!(
                    "only editors of its organisation change assessment {raw}"
                ))));
            }
            let names = Names::load(store, &scope)?;
            let draft = match json(body)
                .and_then(|input| input.to_draft(&names).map_err(AppError::InvalidFields))
            {
                Ok(draft) => draft,
                Err(e) => return Ok(Err(e)),
            };
            if let Err(e) = store.update_assessment(&scope, before.id, &draft) {
                return Ok(Err(AppError::refused(e, assessment_missing(&raw))));
            }
            Ok(store
                .assessment(&scope, before.id)?
                .map(|a| AssessmentView::new(a, &names))
                .ok_or_else(|| assessment_missing(&raw)))
        })
        .await??;
    Ok(Json(updated))
}

/// Deletes an assessment; the audit log keeps the deletion.
#[utoipa::path(
    delete,
    path = "/api/v1/assessments/{id}",
    tag = "monitoring",
    params(("id" = i64, Path, description = "The assessment's number")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "Neither a session nor a token (`unauthenticated`)", body = ErrorBody),
        (status = 403, description = "Not an editor of the owner (`forbidden`), or a read-only token (`token_read_only`)", body = ErrorBody),
        (status = 404, description = "No such assessment, or hidden from the reader (`not_found`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn delete_assessment(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    viewer: Viewer,
) -> Result<StatusCode, AppError> {
    let scope = signed_in(&viewer)?;
    app.read(move |store| {
        let Some(id) = number(&raw) else {
            return Ok::<_, StoreError>(Err(assessment_missing(&raw)));
        };
        Ok(store
            .delete_assessment(&scope, AssessmentId(id))
            .map_err(|e| AppError::refused(e, assessment_missing(&raw))))
    })
    .await??;
    Ok(StatusCode::NO_CONTENT)
}

/// The assessments of a state's NPM compared by viewpoint.
///
/// For each OPCAT criterion, each viewpoint's latest judgement on `as_of`
/// (state, NPM, civil society, SPT) with its date and evidence, and whether
/// they disagree; nothing is averaged. Only the assessments the reader may
/// see count: the anonymous public sees the public ones.
#[utoipa::path(
    get,
    path = "/api/v1/states/{iso3}/assessments",
    tag = "monitoring",
    params(
        ("iso3" = String, Path, description = "ISO 3166-1 alpha-3 code, any case", example = "FRA"),
        ("as_of" = Option<String>, Query, description = "The day to compare on (YYYY-MM-DD); today by default"),
    ),
    responses(
        (status = 200, description = "The comparison", body = ComparisonView),
        (status = 404, description = "No state has this code (`state_not_found`)", body = ErrorBody),
        (status = 422, description = "`as_of` is malformed (`invalid_as_of`)", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub async fn show_assessment_comparison(
    State(app): State<AppState>,
    Path(code): Path<String>,
    viewer: Viewer,
    as_of: AsOf,
) -> Result<Json<ComparisonView>, AppError> {
    let iso3: Iso3 = code
        .parse()
        .map_err(|_| AppError::StateNotFound(code.clone()))?;
    let scope = viewer.scope;
    let comparison = app
        .read(move |store| {
            if store.state(iso3)?.is_none() {
                return Ok::<_, StoreError>(None);
            }
            Ok(Some(store.assessment_comparison(&scope, iso3, as_of.date)?))
        })
        .await?
        .ok_or(AppError::StateNotFound(code))?;
    Ok(Json(ComparisonView::new(iso3.to_string(), &comparison)))
}

/// The store cannot see the owner: say so as a field problem.
fn unseen_owner() -> AppError {
    AppError::InvalidFields(vec![entente_core::plan::FieldError::new(
        "owner",
        "unknown_organisation",
        "no organisation you can see is the owner",
    )])
}
