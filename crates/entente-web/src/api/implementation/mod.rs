//! `/api/v1/states/{iso3}/implementation` and `/api/v1/spt-visits`: the
//! shipped implementation facts of a state with the SPT visit records the
//! reader may see, and the records themselves. Reading takes whatever the
//! session or token may read (a hidden record answers exactly as a missing
//! one, `not_found`); changing one takes an editor or admin of its owner.
//! Broken rules come back together as `invalid_fields`.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use entente_core::Iso3;
use entente_core::access::AccessScope;
use entente_core::implementation::SptVisitId;
use entente_core::plan::FieldError;
use entente_store::{SptVisit, Store, StoreError};

use crate::api::actions::view::Names;
use crate::auth::Viewer;
use crate::error::{AppError, ErrorBody};
use crate::extract::{AsOf, Params};
use crate::state::AppState;

mod input;
mod views;

pub use input::SptVisitInput;
pub use views::{SptVisitView, StateImplementationView};

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

fn missing(raw: &str) -> AppError {
    AppError::NotFound(format!("/api/v1/spt-visits/{raw}"))
}

fn number(raw: &str) -> Option<i64> {
    raw.trim().parse::<i64>().ok().filter(|n| *n > 0)
}

fn unseen_owner() -> AppError {
    AppError::InvalidFields(vec![FieldError::new(
        "owner",
        "unknown_organisation",
        "no organisation you can see is the owner",
    )])
}

/// The record numbered `raw` as `scope` may see it, with the read audited
/// when it comes from outside its owner.
fn visible(
    store: &Store,
    scope: &AccessScope,
    raw: &str,
) -> Result<Result<SptVisit, AppError>, StoreError> {
    let Some(id) = number(raw) else {
        return Ok(Err(missing(raw)));
    };
    let Some(visit) = store.spt_visit(scope, SptVisitId(id))? else {
        return Ok(Err(missing(raw)));
    };
    let c = &visit.content;
    crate::auth::audit_outside_read(store, scope, c.owner, c.visibility, "spt_visit", id)?;
    Ok(Ok(visit))
}

/// A state's implementation facts and the SPT visit records the reader may see.
///
/// The facts come from the shipped dataset, each with its source and how
/// current it is; where sources disagree all are given, with the
/// disagreements listed. Follow-up statuses are computed for `as_of`.
#[utoipa::path(
    get,
    path = "/api/v1/states/{iso3}/implementation",
    tag = "monitoring",
    params(
        ("iso3" = String, Path, description = "ISO 3166-1 alpha-3 code"),
        ("as_of" = Option<String>, Query, description = "YYYY-MM-DD: the day the follow-up is computed for (today when absent)"),
    ),
    responses(
        (status = 200, description = "The facts and visible records", body = StateImplementationView),
        (status = 404, description = "No such state (`not_found`)", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub async fn state_implementation(
    State(app): State<AppState>,
    Path(code): Path<String>,
    viewer: Viewer,
    as_of: AsOf,
) -> Result<Json<StateImplementationView>, AppError> {
    let iso3: Iso3 = code
        .parse()
        .map_err(|_| AppError::StateNotFound(code.clone()))?;
    let scope = viewer.scope;
    let day = as_of.date;
    let view = app
        .read(move |store| {
            if store.state(iso3)?.is_none() {
                return Ok::<_, StoreError>(Err(AppError::StateNotFound(code)));
            }
            let names = Names::load(store, &scope)?;
            let facts = store.npm_facts_of_state(iso3)?;
            let records = store.spt_visits_of_state(&scope, iso3)?;
            Ok(Ok(StateImplementationView::new(
                iso3, facts, records, &names, day,
            )))
        })
        .await??;
    Ok(Json(view))
}

/// The SPT visit records the reader may see, by state then visit.
#[utoipa::path(
    get,
    path = "/api/v1/spt-visits",
    tag = "monitoring",
    params(("state" = Option<String>, Query, description = "ISO 3166-1 alpha-3 code: that state's records only")),
    responses(
        (status = 200, description = "The visible records", body = Vec<SptVisitView>),
        (status = 422, description = "`state` is not a code (`invalid_parameter`)", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub async fn list_spt_visits(
    State(app): State<AppState>,
    viewer: Viewer,
    as_of: AsOf,
    RawQuery(raw): RawQuery,
) -> Result<Json<Vec<SptVisitView>>, AppError> {
    let state: Option<Iso3> =
        Params::from_query(raw.as_deref()).parse("state", "an ISO 3166-1 alpha-3 code")?;
    let scope = viewer.scope;
    let day = as_of.date;
    let list = app
        .read(move |store| {
            let names = Names::load(store, &scope)?;
            let found = match state {
                Some(state) => store.spt_visits_of_state(&scope, state)?,
                None => store.spt_visits(&scope)?,
            };
            Ok::<_, StoreError>(
                found
                    .into_iter()
                    .map(|v| SptVisitView::new(v, &names, day))
                    .collect(),
            )
        })
        .await?;
    Ok(Json(list))
}

/// One SPT visit record.
///
/// A read from outside the owner of a record that is not public is logged
/// in the owner's audit log.
#[utoipa::path(
    get,
    path = "/api/v1/spt-visits/{id}",
    tag = "monitoring",
    params(("id" = i64, Path, description = "The record's number")),
    responses(
        (status = 200, description = "The record", body = SptVisitView),
        (status = 404, description = "No such record, or hidden from the reader (`not_found`)", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub async fn show_spt_visit(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    viewer: Viewer,
    as_of: AsOf,
) -> Result<Json<SptVisitView>, AppError> {
    let scope = viewer.scope;
    let day = as_of.date;
    let view = app
        .read(move |store| {
            let visit = match visible(store, &scope, &raw)? {
                Ok(visit) => visit,
                Err(e) => return Ok::<_, StoreError>(Err(e)),
            };
            Ok(Ok(SptVisitView::new(
                visit,
                &Names::load(store, &scope)?,
                day,
            )))
        })
        .await??;
    Ok(Json(view))
}

/// Records an SPT visit.
///
/// Needs an editor or admin of the owner; a read-only token is refused with
/// `token_read_only`. Every broken rule is listed in `fields`
/// (`invalid_fields`): an unknown state, kind or owner, an end before the
/// start, a report sent before the visit, a reply before the report or
/// without it, a publication date for a report not published, an address
/// that is not http(s), an alliance the owner is not in.
#[utoipa::path(
    post,
    path = "/api/v1/spt-visits",
    tag = "monitoring",
    request_body = SptVisitInput,
    responses(
        (status = 201, description = "The new record; `Location` is its address", body = SptVisitView),
        (status = 401, description = "Neither a session nor a token (`unauthenticated`)", body = ErrorBody),
        (status = 403, description = "Not an editor of the owner (`forbidden`), or a read-only token (`token_read_only`)", body = ErrorBody),
        (status = 422, description = "The body cannot be read (`invalid_field`) or breaks rules (`invalid_fields`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn create_spt_visit(
    State(app): State<AppState>,
    viewer: Viewer,
    as_of: AsOf,
    body: Result<Json<SptVisitInput>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = signed_in(&viewer)?;
    let input = json(body)?;
    let day = as_of.date;
    let created = app
        .read(move |store| {
            let names = Names::load(store, &scope)?;
            let draft = match input.to_draft(&names) {
                Ok(draft) => draft,
                Err(errors) => return Ok::<_, StoreError>(Err(AppError::InvalidFields(errors))),
            };
            let id = match store.create_spt_visit(&scope, &draft) {
                Ok(id) => id,
                Err(e) => return Ok(Err(AppError::refused(e, unseen_owner()))),
            };
            Ok(store
                .spt_visit(&scope, id)?
                .map(|v| SptVisitView::new(v, &names, day))
                .ok_or_else(|| AppError::internal("the new record is not readable")))
        })
        .await??;
    let location = format!("/api/v1/spt-visits/{}", created.id);
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(created),
    )
        .into_response())
}

/// Replaces an SPT visit record's content (the whole of it, as `POST` takes it).
#[utoipa::path(
    put,
    path = "/api/v1/spt-visits/{id}",
    tag = "monitoring",
    params(("id" = i64, Path, description = "The record's number")),
    request_body = SptVisitInput,
    responses(
        (status = 200, description = "The record as changed", body = SptVisitView),
        (status = 401, description = "Neither a session nor a token (`unauthenticated`)", body = ErrorBody),
        (status = 403, description = "Not an editor of the owner (`forbidden`), or a read-only token (`token_read_only`)", body = ErrorBody),
        (status = 404, description = "No such record, or hidden from the reader (`not_found`)", body = ErrorBody),
        (status = 422, description = "The body cannot be read (`invalid_field`) or breaks rules (`invalid_fields`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn update_spt_visit(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    viewer: Viewer,
    as_of: AsOf,
    body: Result<Json<SptVisitInput>, JsonRejection>,
) -> Result<Json<SptVisitView>, AppError> {
    let scope = signed_in(&viewer)?;
    let day = as_of.date;
    let updated = app
        .read(move |store| {
            let before = match visible(store, &scope, &raw)? {
                Ok(visit) => visit,
                Err(e) => return Ok::<_, StoreError>(Err(e)),
            };
            if !entente_core::access::can_write(&scope, &before.content.access()) {
                return Ok(Err(AppError::Forbidden(format!(
                    "only editors of organisation {} may change SPT visit {}",
                    before.content.owner, before.id
                ))));
            }
            let names = Names::load(store, &scope)?;
            let draft = match json(body)
                .and_then(|input| input.to_draft(&names).map_err(AppError::InvalidFields))
            {
                Ok(draft) => draft,
                Err(e) => return Ok(Err(e)),
            };
            if let Err(e) = store.update_spt_visit(&scope, before.id, &draft) {
                return Ok(Err(AppError::refused(e, missing(&raw))));
            }
            Ok(store
                .spt_visit(&scope, before.id)?
                .map(|v| SptVisitView::new(v, &names, day))
                .ok_or_else(|| missing(&raw)))
        })
        .await??;
    Ok(Json(updated))
}

/// Deletes an SPT visit record. The audit log keeps the deletion.
#[utoipa::path(
    delete,
    path = "/api/v1/spt-visits/{id}",
    tag = "monitoring",
    params(("id" = i64, Path, description = "The record's number")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "Neither a session nor a token (`unauthenticated`)", body = ErrorBody),
        (status = 403, description = "Not an editor of the owner (`forbidden`), or a read-only token (`token_read_only`)", body = ErrorBody),
        (status = 404, description = "No such record, or hidden from the reader (`not_found`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn delete_spt_visit(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    viewer: Viewer,
) -> Result<StatusCode, AppError> {
    let scope = signed_in(&viewer)?;
    app.read(move |store| {
        let Some(id) = number(&raw) else {
            return Ok::<_, StoreError>(Err(missing(&raw)));
        };
        Ok(store
            .delete_spt_visit(&scope, SptVisitId(id))
            .map_err(|e| AppError::refused(e, missing(&raw))))
    })
    .await??;
    Ok(StatusCode::NO_CONTENT)
}
