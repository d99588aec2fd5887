//! The forms of a recommendation's page: `POST /recommendations/{id}/follow-ups`
//! records a follow-up event, `POST /recommendations/{id}/actions` links an
//! action that pushes it, `POST /recommendations/{id}/related` links a
//! related recommendation, and `.../{n}/delete` under each removes one. A
//! refused form comes back on the page with its values and problems.

use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use entente_core::plan::{ActionId, FieldError};
use entente_core::recommendation::{FollowUpDraft, RecommendationId};
use entente_store::{NewFollowUp, StoreError};

use super::show::{FollowUpValues, Refused, sheet_response};
use super::{missing, recommendation_id};
use crate::auth::Viewer;
use crate::error::AppError;
use crate::pages::actions::parse_day;
use crate::pages::chrome::PageRequest;
use crate::pages::orgs::checked_session;
use crate::state::AppState;

type Body = Result<Form<Vec<(String, String)>>, FormRejection>;

/// The form's fields once its CSRF token matches the session's.
fn checked(viewer: &Viewer, body: Body) -> Result<Vec<(String, String)>, AppError> {
    let Ok(Form(pairs)) = body else {
        return Err(AppError::CsrfRejected);
    };
    let csrf = value(&pairs, "csrf");
    checked_session(viewer, &csrf)?;
    Ok(pairs)
}

fn value(pairs: &[(String, String)], name: &str) -> String {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.trim().to_owned())
        .unwrap_or_default()
}

fn back(request: &PageRequest, id: RecommendationId) -> Response {
    let lang = request.locale.code();
    Redirect::to(&format!("/recommendations/{id}?lang={lang}")).into_response()
}

/// What the store refused, as the fields of the page's forms; a missing
/// record is the page's own answer.
fn fields(error: StoreError, raw: &str) -> Result<Vec<FieldError>, AppError> {
    match error {
        StoreError::Fields { errors } => Ok(errors),
        other => Err(AppError::refused(other, missing(raw))),
    }
}

/// `POST /recommendations/{id}/follow-ups`
pub async fn add_follow_up(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    request: PageRequest,
    viewer: Viewer,
    body: Body,
) -> Result<Response, AppError> {
    let pairs = checked(&viewer, body)?;
    let id = recommendation_id(&raw)?;
    let values = FollowUpValues {
        date: value(&pairs, "date"),
        kind: value(&pairs, "kind"),
        status: value(&pairs, "status"),
        note: value(&pairs, "note"),
        recorded_by: value(&pairs, "recorded_by"),
    };
    let mut errors = Vec::new();
    let date = parse_day(&values.date);
    if date.is_none() {
        errors.push(FieldError::new(
            "date",
            "not_a_date",
            format!("{:?} is not a day", values.date),
        ));
    }
    let kind = values
        .kind
        .parse()
        .map_err(|e: entente_core::ParseCodeError| {
            FieldError::new("kind", "required", e.to_string())
        });
    let status = values
        .status
        .parse()
        .map_err(|e: entente_core::ParseCodeError| {
            FieldError::new("status", "required", e.to_string())
        });
    let scope = viewer.scope.clone();
    let short = values.recorded_by.clone();
    let recorder = app
        .read(move |store| store.organisation_by_short_name(&scope, &short))
        .await?;
    let recorder = recorder.map(|o| o.id).ok_or_else(|| {
        FieldError::new(
            "recorded_by",
            "not_editor",
            "record it for an organisation you edit for",
        )
    });
    match (date, kind, status, recorder) {
        (Some(date), Ok(kind), Ok(status), Ok(recorded_by)) if errors.is_empty() => {
            let new = NewFollowUp {
                event: FollowUpDraft {
                    date,
                    kind,
                    status,
                    note: values.note.clone(),
                },
                recorded_by,
            };
            let scope = viewer.scope.clone();
            let added = app
                .read(move |store| Ok::<_, StoreError>(store.add_follow_up(&scope, id, &new)))
                .await?;
            match added {
                Ok(_) => return Ok(back(&request, id)),
                Err(e) => errors.extend(fields(e, &raw)?),
            }
        }
        (_, kind, status, recorder) => {
            errors.extend(kind.err());
            errors.extend(status.err());
            errors.extend(recorder.err());
        }
    }
    sheet_response(
        &app,
        &request,
        &viewer,
        &raw,
        Some(Refused::FollowUp(values, errors)),
    )
    .await
}

/// `POST /recommendations/{id}/follow-ups/{event}/delete`
pub async fn delete_follow_up(
    State(app): State<AppState>,
    Path((raw, event)): Path<(String, i64)>,
    request: PageRequest,
    viewer: Viewer,
    body: Body,
) -> Result<Response, AppError> {
    checked(&viewer, body)?;
    let id = recommendation_id(&raw)?;
    let scope = viewer.scope.clone();
    app.read(move |store| Ok::<_, StoreError>(store.delete_follow_up(&scope, id, event)))
        .await?
        .map_err(|e| AppError::refused(e, missing(&raw)))?;
    Ok(back(&request, id))
}

/// `POST /recommendations/{id}/actions`
pub async fn link_action(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    request: PageRequest,
    viewer: Viewer,
    body: Body,
) -> Result<Response, AppError> {
    let pairs = checked(&viewer, body)?;
    let id = recommendation_id(&raw)?;
    let chosen = value(&pairs, "action");
    let errors = match chosen.parse::<i64>() {
        Ok(action) => {
            let scope = viewer.scope.clone();
            let linked = app
                .read(move |store| {
                    Ok::<_, StoreError>(store.link_action(&scope, id, ActionId(action)))
                })
                .await?;
            match linked {
                Ok(()) => return Ok(back(&request, id)),
                Err(e) => fields(e, &raw)?,
            }
        }
        Err(_) => vec![FieldError::new("action", "required", "choose an action")],
    };
    sheet_response(&app, &request, &viewer, &raw, Some(Refused::Action(errors))).await
}

/// `POST /recommendations/{id}/actions/{action}/delete`
pub async fn unlink_action(
    State(app): State<AppState>,
    Path((raw, action)): Path<(String, i64)>,
    request: PageRequest,
    viewer: Viewer,
    body: Body,
) -> Result<Response, AppError> {
    checked(&viewer, body)?;
    let id = recommendation_id(&raw)?;
    let scope = viewer.scope.clone();
    app.read(move |store| Ok::<_, StoreError>(store.unlink_action(&scope, id, ActionId(action))))
        .await?
        .map_err(|e| AppError::refused(e, missing(&raw)))?;
    Ok(back(&request, id))
}

/// `POST /recommendations/{id}/related`
pub async fn link_related(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    request: PageRequest,
    viewer: Viewer,
    body: Body,
) -> Result<Response, AppError> {
    let pairs = checked(&viewer, body)?;
    let id = recommendation_id(&raw)?;
    let chosen = value(&pairs, "related");
    let errors = match chosen.parse::<i64>() {
        Ok(other) => {
            let scope = viewer.scope.clone();
            let linked = app
                .read(move |store| {
                    Ok::<_, StoreError>(store.link_related(&scope, id, RecommendationId(other)))
                })
                .await?;
            match linked {
                Ok(()) => return Ok(back(&request, id)),
                Err(e) => fields(e, &raw)?,
            }
        }
        Err(_) => vec![FieldError::new(
            "related",
            "required",
            "choose a recommendation",
        )],
    };
    sheet_response(
        &app,
        &request,
        &viewer,
        &raw,
        Some(Refused::Related(errors)),
    )
    .await
}

/// `POST /recommendations/{id}/related/{other}/delete`
pub async fn unlink_related(
    State(app): State<AppState>,
    Path((raw, other)): Path<(String, i64)>,
    request: PageRequest,
    viewer: Viewer,
    body: Body,
) -> Result<Response, AppError> {
    checked(&viewer, body)?;
    let id = recommendation_id(&raw)?;
    let scope = viewer.scope.clone();
    app.read(move |store| {
        Ok::<_, StoreError>(store.unlink_related(&scope, id, RecommendationId(other)))
    })
    .await?
    .map_err(|e| AppError::refused(e, missing(&raw)))?;
    Ok(back(&request, id))
}
