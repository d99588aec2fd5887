//! `/api/v1/actions`: the coalition's campaign actions as JSON. Reading
//! takes whatever the session or token may read (a hidden action answers
//! exactly as a missing one, `action_not_found`); changing one takes an
//! editor or admin of its lead organisation and, with a token, a
//! read-write one. Broken rules come back together as `invalid_fields`.

pub mod access;
pub mod body;
pub mod query;
pub mod view;

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use entente_core::access::{AccessScope, can_write};
use entente_core::plan::ActionId;
use entente_store::StoreError;

use self::access::{unseen_lead, unseen_partners_named, visible, writable};
use self::body::ActionBody;
use self::query::ActionQuery;
use self::view::{ActionList, ActionTypeView, ActionView, Names, StatusChangeView};
use crate::auth::Viewer;
use crate::error::{AppError, ErrorBody};
use crate::state::AppState;

/// The action numbered `raw`, if it is a number.
pub fn parse_id(raw: &str) -> Option<ActionId> {
    raw.trim().parse::<i64>().ok().map(ActionId)
}

fn signed_in(viewer: &Viewer) -> Result<AccessScope, AppError> {
    match viewer.account {
        Some(_) => Ok(viewer.scope.clone()),
        None => Err(AppError::Unauthenticated),
    }
}

fn body(body: Result<Json<ActionBody>, JsonRejection>) -> Result<ActionBody, AppError> {
    body.map(|Json(b)| b).map_err(|e| AppError::InvalidField {
        field: "body",
        reason: e.body_text(),
    })
}

/// The campaign actions the reader may see.
///
/// Dated ones first, by start (or due) date, then undated ones; filtered
/// and paged. A filter value that names nothing the reader may see is
/// refused with `invalid_parameter` naming the parameter.
#[utoipa::path(
    get,
    path = "/api/v1/actions",
    tag = "actions",
    params(
        ("state" = Option<Vec<String>>, Query, description = "ISO 3166-1 alpha-3 codes of target states; repeat the parameter or separate codes with commas: actions targeting any of them"),
        ("region" = Option<String>, Query, description = "A UN regional group: `african`, `asia_pacific`, `eastern_european`, `grulac`, `weog`"),
        ("type" = Option<String>, Query, description = "A kind of action of the catalogue"),
        ("phase" = Option<String>, Query, description = "`ratification` or `implementation`"),
        ("level" = Option<String>, Query, description = "`international`, `regional` or `national`"),
        ("status" = Option<String>, Query, description = "`idea`, `planned`, `under_way`, `done` or `cancelled`"),
        ("org" = Option<String>, Query, description = "Short name of an organisation leading or taking part"),
        ("alliance" = Option<i64>, Query, description = "Number of an alliance the actions are shared with"),
        ("from" = Option<String>, Query, description = "YYYY-MM-DD: actions still running on or after this day"),
        ("to" = Option<String>, Query, description = "YYYY-MM-DD: actions beginning on or before this day"),
        ("limit" = Option<u32>, Query, description = "Page size, 1 to 500; 50 by default"),
        ("offset" = Option<u64>, Query, description = "How many matching actions to skip"),
    ),
    responses(
        (status = 200, description = "A page of visible actions", body = ActionList),
        (status = 422, description = "A parameter cannot be used (`invalid_parameter`)", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub async fn list_actions(
    State(app): State<AppState>,
    viewer: Viewer,
    RawQuery(raw): RawQuery,
) -> Result<Json<ActionList>, AppError> {
    let query = ActionQuery::from_query(raw.as_deref());
    query.check_known(&[])?;
    let page = query.page()?;
    let scope = viewer.scope;
    let list = app
        .read(move |store| {
            let names = Names::load(store, &scope)?;
            let filter = match query.filter(store, &names) {
                Ok(filter) => filter,
                Err(e) => return Ok::<_, StoreError>(Err(e)),
            };
            let found = store.list_actions(&scope, &filter, page)?;
            Ok(Ok(ActionList {
                total: found.total,
                total_is_lower_bound: found.total_is_lower_bound,
                limit: page.limit,
                offset: page.offset,
                items: found
                    .actions
                    .into_iter()
                    .map(|a| ActionView::new(a, &names, &scope))
                    .collect(),
            }))
        })
        .await??;
    Ok(Json(list))
}

/// One action.
///
/// A read from outside the lead organisation of an action that is not
/// public is logged in the lead's audit log.
#[utoipa::path(
    get,
    path = "/api/v1/actions/{id}",
    tag = "actions",
    params(("id" = i64, Path, description = "The action's number")),
    responses(
        (status = 200, description = "The action", body = ActionView),
        (status = 404, description = "No such action, or hidden from the reader (`action_not_found`)", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub async fn show_action(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    viewer: Viewer,
) -> Result<Json<ActionView>, AppError> {
    let scope = viewer.scope;
    let view = app
        .read(move |store| {
            let action = match visible(store, &scope, &raw)? {
                Ok(action) => action,
                Err(e) => return Ok::<_, StoreError>(Err(e)),
            };
            let c = &action.content;
            crate::auth::audit_outside_read(
                store,
                &scope,
                c.lead,
                c.visibility,
                "action",
                action.id.0,
            )?;
            let names = Names::load(store, &scope)?;
            Ok(Ok(ActionView::new(action, &names, &scope)))
        })
        .await??;
    Ok(Json(view))
}

/// An action's status history, oldest first.
#[utoipa::path(
    get,
    path = "/api/v1/actions/{id}/history",
    tag = "actions",
    params(("id" = i64, Path, description = "The action's number")),
    responses(
        (status = 200, description = "Every status the action has had, with when", body = Vec<StatusChangeView>),
        (status = 404, description = "No such action, or hidden from the reader (`action_not_found`)", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub async fn list_action_history(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    viewer: Viewer,
) -> Result<Json<Vec<StatusChangeView>>, AppError> {
    let scope = viewer.scope;
    let history = app
        .read(move |store| {
            let action = match visible(store, &scope, &raw)? {
                Ok(action) => action,
                Err(e) => return Ok::<_, StoreError>(Err(e)),
            };
            let steps = store.action_history(&scope, action.id)?;
            Ok(Ok(steps.into_iter().map(StatusChangeView::from).collect()))
        })
        .await??;
    Ok(Json(history))
}

/// Creates an action.
///
/// Needs an editor or admin of the lead organisation; a read-only token
/// is refused with `token_read_only`. Every broken rule is listed in
/// `fields` (`invalid_fields`): an unknown state or kind of action, an end
/// before the start, a negative budget or an unknown currency, a partner
/// that is the lead, an alliance the lead is not in.
#[utoipa::path(
    post,
    path = "/api/v1/actions",
    tag = "actions",
    request_body = ActionBody,
    responses(
        (status = 201, description = "The new action; `Location` is its address", body = ActionView),
        (status = 401, description = "Neither a session nor a token (`unauthenticated`)", body = ErrorBody),
        (status = 403, description = "Not an editor of the lead (`forbidden`), or a read-only token (`token_read_only`)", body = ErrorBody),
        (status = 422, description = "The body cannot be read (`invalid_field`) or breaks rules (`invalid_fields`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn create_action(
    State(app): State<AppState>,
    viewer: Viewer,
    new: Result<Json<ActionBody>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = signed_in(&viewer)?;
    let new = body(new)?;
    let created = app
        .read(move |store| {
            let names = Names::load(store, &scope)?;
            // Who may not write for the lead hears so before any detail.
            let lead = new
                .lead_short_name()
                .and_then(|s| names.org_by_short_name(s));
            if let Some(lead) = lead {
                if !can_write(&scope, &entente_core::access::RecordAccess::private(lead)) {
                    return Ok::<_, StoreError>(Err(AppError::Forbidden(
                        "only editors and admins of the lead organisation create its actions"
                            .to_owned(),
                    )));
                }
            }
            let draft = match new.into_draft(&names, None) {
                Ok(draft) => draft,
                Err(errors) => return Ok(Err(AppError::InvalidFields(errors))),
            };
            let id = match store.create_action(&scope, &draft) {
                Ok(id) => id,
                Err(e) => return Ok(Err(AppError::refused(e, unseen_lead()))),
            };
            Ok(store
                .action(&scope, id)?
                .map(|a| ActionView::new(a, &names, &scope))
                .ok_or_else(|| AppError::internal("the new action is not readable")))
        })
        .await??;
    let location = format!("/api/v1/actions/{}", created.id);
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(created),
    )
        .into_response())
}

/// Replaces an action's content.
///
/// Takes the whole content, as `POST` does (what `GET` answers may be sent
/// back changed). What `GET` leaves out because the user cannot see it is
/// kept: alliances stay shared, and a partner the user cannot see makes
/// the change refused (`partners`, `unknown_organisation`) rather than
/// dropped unasked. A new status is added to the history. Needs an
/// editor or admin of the lead, and of the new lead when it changes.
#[utoipa::path(
    put,
    path = "/api/v1/actions/{id}",
    tag = "actions",
    params(("id" = i64, Path, description = "The action's number")),
    request_body = ActionBody,
    responses(
        (status = 200, description = "The action as changed", body = ActionView),
        (status = 401, description = "Neither a session nor a token (`unauthenticated`)", body = ErrorBody),
        (status = 403, description = "Not an editor of the lead (`forbidden`), or a read-only token (`token_read_only`)", body = ErrorBody),
        (status = 404, description = "No such action, or hidden from the reader (`action_not_found`)", body = ErrorBody),
        (status = 422, description = "The body cannot be read (`invalid_field`) or breaks rules (`invalid_fields`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn update_action(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    viewer: Viewer,
    changed: Result<Json<ActionBody>, JsonRejection>,
) -> Result<Json<ActionView>, AppError> {
    let scope = signed_in(&viewer)?;
    let updated = app
        .read(move |store| {
            let before = match writable(store, &scope, &raw)? {
                Ok(action) => action,
                Err(e) => return Ok::<_, StoreError>(Err(e)),
            };
            let names = Names::load(store, &scope)?;
            let draft = match body(changed).and_then(|b| {
                b.into_draft(&names, Some(&before.content))
                    .map_err(AppError::InvalidFields)
            }) {
                Ok(draft) => draft,
                Err(e) => return Ok(Err(e)),
            };
            if let Err(e) = store.update_action(&scope, before.id, &draft) {
                let refused = AppError::refused(e, AppError::ActionNotFound(raw));
                return Ok(Err(unseen_partners_named(refused)));
            }
            Ok(store
                .action(&scope, before.id)?
                .map(|a| ActionView::new(a, &names, &scope))
                .ok_or(AppError::ActionNotFound(raw)))
        })
        .await??;
    Ok(Json(updated))
}

/// Deletes an action and its history; the audit log keeps the deletion.
#[utoipa::path(
    delete,
    path = "/api/v1/actions/{id}",
    tag = "actions",
    params(("id" = i64, Path, description = "The action's number")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "Neither a session nor a token (`unauthenticated`)", body = ErrorBody),
        (status = 403, description = "Not an editor of the lead (`forbidden`), or a read-only token (`token_read_only`)", body = ErrorBody),
        (status = 404, description = "No such action, or hidden from the reader (`action_not_found`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn delete_action(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    viewer: Viewer,
) -> Result<StatusCode, AppError> {
    let scope = signed_in(&viewer)?;
    app.read(move |store| {
        let action = match writable(store, &scope, &raw)? {
            Ok(action) => action,
            Err(e) => return Ok::<_, StoreError>(Err(e)),
        };
        Ok(store
            .delete_action(&scope, action.id)
            .map_err(|e| AppError::refused(e, AppError::ActionNotFound(raw))))
    })
    .await??;
    Ok(StatusCode::NO_CONTENT)
}

/// The catalogue of kinds of action, with their names in en, fr and es.
#[utoipa::path(
    get,
    path = "/api/v1/action-types",
    tag = "actions",
    responses((status = 200, description = "Built-in kinds first, in the order forms offer them", body = Vec<ActionTypeView>)),
    security((), ("bearer" = []))
)]
pub async fn list_action_types(
    State(app): State<AppState>,
) -> Result<Json<Vec<ActionTypeView>>, AppError> {
    let kinds = app.read(|store| store.action_types()).await?;
    Ok(Json(kinds.into_iter().map(ActionTypeView::from).collect()))
}
