//! A recommendation's follow-up events: listing, recording, deleting.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::{NaiveDate, NaiveDateTime};
use entente_core::access::AccessScope;
use entente_core::plan::FieldError;
use entente_core::recommendation::{FollowUpDraft, FollowUpKind, FollowUpStatus};
use entente_store::{FollowUp, NewFollowUp, Store, StoreError};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{code, json, missing, number, signed_in};
use crate::api::actions::body::OrgName;
use crate::auth::Viewer;
use crate::error::{AppError, ErrorBody};
use crate::state::AppState;

/// A follow-up event as stored.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FollowUpView {
    pub id: i64,
    pub date: NaiveDate,
    /// `state_reply`, `ngo_assessment`, `npm_assessment`,
    /// `body_assessment` or `other`.
    pub kind: String,
    pub status: String,
    pub note: String,
    /// The short name of the organisation that recorded it, when the
    /// reader may see it.
    pub recorded_by: Option<String>,
    pub recorded_at: NaiveDateTime,
}

/// A follow-up event to record.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct FollowUpInput {
    /// YYYY-MM-DD, not after today.
    pub date: String,
    pub kind: String,
    pub status: String,
    #[serde(default)]
    pub note: String,
    /// An organisation the writer edits for.
    pub recorded_by: OrgName,
}

fn follow_up_view(
    store: &Store,
    scope: &AccessScope,
    f: FollowUp,
) -> Result<FollowUpView, StoreError> {
    let recorded_by = match f.recorded_by_org {
        Some(org) => store.organisation(scope, org)?.map(|o| o.short_name),
        None => None,
    };
    Ok(FollowUpView {
        id: f.id,
        date: f.event.date,
        kind: f.event.kind.code().to_owned(),
        status: f.event.status.code().to_owned(),
        note: f.event.note,
        recorded_by,
        recorded_at: f.recorded_at,
    })
}

/// A recommendation's follow-up events, in the order they were recorded.
#[utoipa::path(
    get,
    path = "/api/v1/recommendations/{id}/follow-ups",
    tag = "recommendations",
    params(("id" = i64, Path, description = "The recommendation's number")),
    responses(
        (status = 200, description = "Its follow-up events", body = [FollowUpView]),
        (status = 404, description = "No such recommendation, or hidden (`not_found`)", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub async fn list_follow_ups(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    viewer: Viewer,
) -> Result<Json<Vec<FollowUpView>>, AppError> {
    let id = number(&raw)?;
    let scope = viewer.scope;
    let found = app
        .read(move |store| {
            if store.recommendation(&scope, id)?.is_none() {
                return Ok::<_, StoreError>(None);
            }
            let events = store.follow_ups(&scope, id)?;
            Ok(Some(
                events
                    .into_iter()
                    .map(|f| follow_up_view(store, &scope, f))
                    .collect::<Result<Vec<_>, _>>()?,
            ))
        })
        .await?;
    found.map(Json).ok_or_else(|| missing(raw))
}

/// Records a follow-up event.
///
/// On behalf of an organisation the writer edits for (a partner may record
/// its own assessment of a recommendation shared with it); the
/// recommendation's status becomes that of its latest event by date.
#[utoipa::path(
    post,
    path = "/api/v1/recommendations/{id}/follow-ups",
    tag = "recommendations",
    params(("id" = i64, Path, description = "The recommendation's number")),
    request_body = FollowUpInput,
    responses(
        (status = 201, description = "The recorded event", body = FollowUpView),
        (status = 404, description = "No such recommendation, or hidden (`not_found`)", body = ErrorBody),
        (status = 422, description = "Broken rules (`invalid_fields`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn add_follow_up(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    viewer: Viewer,
    input: Result<Json<FollowUpInput>, JsonRejection>,
) -> Result<(StatusCode, Json<FollowUpView>), AppError> {
    let scope = signed_in(&viewer)?;
    let id = number(&raw)?;
    let input = json(input)?;
    let created = app
        .read(move |store| {
            if store.recommendation(&scope, id)?.is_none() {
                return Ok(Err(missing(id)));
            }
            let date = NaiveDate::parse_from_str(input.date.trim(), "%Y-%m-%d").map_err(|_| {
                FieldError::new(
                    "date",
                    "not_a_date",
                    format!("{:?} is not YYYY-MM-DD", input.date),
                )
            });
            let kind = code::<FollowUpKind>("kind", &input.kind);
            let status = code::<FollowUpStatus>("status", &input.status);
            let short = match &input.recorded_by {
                OrgName::ShortName(s) | OrgName::Entry { short_name: s } => s.trim().to_owned(),
            };
            let recorder = store
                .organisation_by_short_name(&scope, &short)?
                .map(|o| o.id)
                .ok_or_else(|| {
                    FieldError::new(
                        "recorded_by",
                        "unknown_organisation",
                        "no organisation you may see has this short name",
                    )
                });
            let new = match (date, kind, status, recorder) {
                (Ok(date), Ok(kind), Ok(status), Ok(recorded_by)) => NewFollowUp {
                    event: FollowUpDraft {
                        date,
                        kind,
                        status,
                        note: input.note.trim().to_owned(),
                    },
                    recorded_by,
                },
                (date, kind, status, recorder) => {
                    let errors = [date.err(), kind.err(), status.err(), recorder.err()]
                        .into_iter()
                        .flatten()
                        .collect();
                    return Ok(Err(AppError::InvalidFields(errors)));
                }
            };
            let event = match store.add_follow_up(&scope, id, &new) {
                Ok(event) => event,
                Err(e) => return Ok(Err(AppError::refused(e, missing(id)))),
            };
            let stored = store
                .follow_ups(&scope, id)?
                .into_iter()
                .find(|f| f.id == event)
                .ok_or_else(|| StoreError::Corrupt {
                    what: format!("follow-up {event} is not readable"),
                })?;
            Ok::<_, StoreError>(Ok(follow_up_view(store, &scope, stored)?))
        })
        .await??;
    Ok((StatusCode::CREATED, Json(created)))
}

/// Deletes a follow-up event.
///
/// By an editor of the organisation that recorded it or of the
/// recommendation's owner; the status is set again from what remains.
#[utoipa::path(
    delete,
    path = "/api/v1/recommendations/{id}/follow-ups/{event}",
    tag = "recommendations",
    params(
        ("id" = i64, Path, description = "The recommendation's number"),
        ("event" = i64, Path, description = "The follow-up event's number"),
    ),
    responses(
        (status = 204, description = "Deleted"),
        (status = 403, description = "Neither its recorder's nor the owner's editor (`forbidden`)", body = ErrorBody),
        (status = 404, description = "No such event or recommendation, or hidden (`not_found`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn delete_follow_up(
    State(app): State<AppState>,
    Path((raw, event)): Path<(String, i64)>,
    viewer: Viewer,
) -> Result<StatusCode, AppError> {
    let scope = signed_in(&viewer)?;
    let id = number(&raw)?;
    app.read(move |store| Ok::<_, StoreError>(store.delete_follow_up(&scope, id, event)))
        .await?
        .map_err(|e| AppError::refused(e, missing(raw)))?;
    Ok(StatusCode::NO_CONTENT)
}
