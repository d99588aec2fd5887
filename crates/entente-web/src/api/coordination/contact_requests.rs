//! Contact requests through the API: sent from a signal by a member of
//! another organisation, listed and answered (or declined) by the admins
//! of the organisation whose action emits it. The requester learns who
//! they are only once one of them answers.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::NaiveDateTime;
use entente_core::access::{AccessScope, OrgId};
use entente_store::{NewContactRequest, ReceivedRequest, SentRequest, Store, StoreError};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::signals::{body, signed_in};
use crate::auth::Viewer;
use crate::error::{AppError, ErrorBody};
use crate::state::AppState;

/// A contact request to send from a signal.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ContactRequestBody {
    /// The requester's organisation (short name), one of the user's.
    pub org: String,
    /// At most 2,000 characters.
    pub message: String,
    /// How the owner may reach the requester once it answers: at most 300 characters.
    pub contact: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ContactRequestCreated {
    pub id: i64,
    #[schema(example = "pending")]
    pub status: String,
}

/// Asks for contact through a signal.
///
/// The message goes to the admins of the organisation that emits the
/// signal; the requester learns who they are only if one of them answers.
#[utoipa::path(
    post,
    path = "/api/v1/coordination/signals/{key}/contact-requests",
    tag = "coordination",
    params(("key" = String, Path, description = "The signal's key")),
    request_body = ContactRequestBody,
    responses(
        (status = 201, description = "The request, pending", body = ContactRequestCreated),
        (status = 401, description = "Neither a session nor a token (`unauthenticated`)", body = ErrorBody),
        (status = 404, description = "No signal the reader sees has this key (`not_found`)", body = ErrorBody),
        (status = 422, description = "A field cannot be used (`invalid_fields`, `invalid_field`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn request_contact(
    State(app): State<AppState>,
    Path(key): Path<String>,
    viewer: Viewer,
    new: Result<Json<ContactRequestBody>, JsonRejection>,
) -> Result<(StatusCode, Json<ContactRequestCreated>), AppError> {
    let scope = signed_in(&viewer)?;
    let new = body(new)?;
    let id = app
        .read(move |store| -> Result<Result<i64, AppError>, StoreError> {
            let missing = AppError::NotFound(format!("signal {key:?}"));
            // An organisation the user does not belong to is refused by the
            // store, after the signal: an unknown key answers the same to all.
            let org = store
                .organisation_by_short_name(&scope, &new.org)?
                .map_or(OrgId(0), |o| o.id);
            let request = NewContactRequest {
                requester_org: org,
                message: new.message,
                contact: new.contact,
            };
            Ok(store
                .request_contact(&scope, &key, &request)
                .map_err(|e| AppError::refused(e, missing)))
        })
        .await??;
    Ok((
        StatusCode::CREATED,
        Json(ContactRequestCreated {
            id,
            status: "pending".to_owned(),
        }),
    ))
}

/// A contact request as the owning organisation's admins see it: who
/// asked, and how to reach them, only once answered.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ReceivedRequestView {
    pub id: i64,
    /// The action the signal is of.
    pub action_id: i64,
    pub action_title: String,
    /// Once answered: the requester's organisation (number and name) and
    /// contact details.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requester: Option<RequesterView>,
    pub message: String,
    /// `pending`, `answered` or `declined`.
    pub status: String,
    pub reply: String,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RequesterView {
    pub org: i64,
    pub org_name: String,
    pub contact: String,
}

impl From<&ReceivedRequest> for ReceivedRequestView {
    fn from(r: &ReceivedRequest) -> Self {
        ReceivedRequestView {
            id: r.id,
            action_id: r.action.0,
            action_title: r.action_title.clone(),
            requester: r.requester.as_ref().map(|who| RequesterView {
                org: who.org.0,
                org_name: who.org_name.clone(),
                contact: who.contact.clone(),
            }),
            message: r.message.clone(),
            status: r.status.code().to_owned(),
            reply: r.reply.clone(),
            created_at: r.created_at,
        }
    }
}

/// A contact request as its requester sees it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SentRequestView {
    pub id: i64,
    /// The signal's key.
    pub signal: String,
    pub message: String,
    /// `pending`, `answered` or `declined`.
    pub status: String,
    /// Once answered: who answered and what they said. Never before.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answer: Option<AnswerView>,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AnswerView {
    pub org_name: String,
    pub org_short_name: String,
    pub admin_name: String,
    pub admin_email: String,
    pub reply: String,
}

impl From<&SentRequest> for SentRequestView {
    fn from(r: &SentRequest) -> Self {
        SentRequestView {
            id: r.id,
            signal: r.signal.clone(),
            message: r.message.clone(),
            status: r.status.code().to_owned(),
            answer: r.answer.as_ref().map(|a| AnswerView {
                org_name: a.org_name.clone(),
                org_short_name: a.org_short_name.clone(),
                admin_name: a.admin_name.clone(),
                admin_email: a.admin_email.clone(),
                reply: a.reply.clone(),
            }),
            created_at: r.created_at,
        }
    }
}

/// Lists the contact requests the user's organisations sent.
#[utoipa::path(
    get,
    path = "/api/v1/coordination/contact-requests",
    tag = "coordination",
    responses(
        (status = 200, description = "Newest first", body = Vec<SentRequestView>),
        (status = 401, description = "Neither a session nor a token (`unauthenticated`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn list_sent_requests(
    State(app): State<AppState>,
    viewer: Viewer,
) -> Result<Json<Vec<SentRequestView>>, AppError> {
    let scope = signed_in(&viewer)?;
    let sent = app
        .read(move |store| store.sent_contact_requests(&scope))
        .await?;
    Ok(Json(sent.iter().map(SentRequestView::from).collect()))
}

/// Lists the contact requests sent to an organisation.
///
/// Its admins only.
#[utoipa::path(
    get,
    path = "/api/v1/orgs/{short}/contact-requests",
    tag = "coordination",
    params(("short" = String, Path, description = "The organisation's short name")),
    responses(
        (status = 200, description = "Newest first", body = Vec<ReceivedRequestView>),
        (status = 401, description = "Neither a session nor a token (`unauthenticated`)", body = ErrorBody),
        (status = 403, description = "Not an admin of the organisation (`forbidden`)", body = ErrorBody),
        (status = 404, description = "No such organisation, or hidden (`org_not_found`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn list_received_requests(
    State(app): State<AppState>,
    Path(short): Path<String>,
    viewer: Viewer,
) -> Result<Json<Vec<ReceivedRequestView>>, AppError> {
    let scope = signed_in(&viewer)?;
    let found = app
        .read(move |store| -> Result<Result<_, AppError>, StoreError> {
            let missing = AppError::OrgNotFound(short.clone());
            let Some(org) = store.organisation_by_short_name(&scope, &short)? else {
                return Ok(Err(missing));
            };
            Ok(store
                .received_contact_requests(&scope, org.id)
                .map_err(|e| AppError::refused(e, missing)))
        })
        .await??;
    Ok(Json(found.iter().map(ReceivedRequestView::from).collect()))
}

/// The answer to a contact request.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswerBody {
    /// Words for the requester, who also learns the organisation and the
    /// answering admin's name and e-mail.
    #[serde(default)]
    pub reply: String,
}

/// Answers a pending contact request.
///
/// An admin of the organisation; the requester then learns who answered.
#[utoipa::path(
    post,
    path = "/api/v1/orgs/{short}/contact-requests/{id}/answer",
    tag = "coordination",
    params(
        ("short" = String, Path, description = "The organisation's short name"),
        ("id" = i64, Path, description = "The request's number"),
    ),
    request_body = AnswerBody,
    responses(
        (status = 204, description = "Answered"),
        (status = 403, description = "Not an admin (`forbidden`), or a read-only token (`token_read_only`)", body = ErrorBody),
        (status = 404, description = "No such organisation or request (`org_not_found`, `not_found`)", body = ErrorBody),
        (status = 409, description = "Already answered or declined (`conflict`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn answer_request(
    State(app): State<AppState>,
    Path((short, id)): Path<(String, String)>,
    viewer: Viewer,
    answer: Result<Json<AnswerBody>, JsonRejection>,
) -> Result<StatusCode, AppError> {
    let reply = body(answer)?.reply;
    decide(app, viewer, short, id, Some(reply)).await
}

/// Declines a pending contact request.
///
/// An admin of the organisation; the requester learns only that it was
/// declined.
#[utoipa::path(
    post,
    path = "/api/v1/orgs/{short}/contact-requests/{id}/decline",
    tag = "coordination",
    params(
        ("short" = String, Path, description = "The organisation's short name"),
        ("id" = i64, Path, description = "The request's number"),
    ),
    responses(
        (status = 204, description = "Declined"),
        (status = 403, description = "Not an admin (`forbidden`), or a read-only token (`token_read_only`)", body = ErrorBody),
        (status = 404, description = "No such organisation or request (`org_not_found`, `not_found`)", body = ErrorBody),
        (status = 409, description = "Already answered or declined (`conflict`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn decline_request(
    State(app): State<AppState>,
    Path((short, id)): Path<(String, String)>,
    viewer: Viewer,
) -> Result<StatusCode, AppError> {
    decide(app, viewer, short, id, None).await
}

/// Answers (with a reply) or declines (without) request `id` of `short`.
async fn decide(
    app: AppState,
    viewer: Viewer,
    short: String,
    id: String,
    reply: Option<String>,
) -> Result<StatusCode, AppError> {
    let scope = signed_in(&viewer)?;
    app.read(move |store| -> Result<Result<(), AppError>, StoreError> {
        decide_in(store, &scope, &short, &id, reply.as_deref())
    })
    .await??;
    Ok(StatusCode::NO_CONTENT)
}

/// What the API and the page share of answering and declining.
pub fn decide_in(
    store: &Store,
    scope: &AccessScope,
    short: &str,
    id: &str,
    reply: Option<&str>,
) -> Result<Result<(), AppError>, StoreError> {
    let missing_org = AppError::OrgNotFound(short.to_owned());
    let Some(org) = store.organisation_by_short_name(scope, short)? else {
        return Ok(Err(missing_org));
    };
    let missing = AppError::NotFound(format!("contact request {id}"));
    let Some(id) = id.parse::<i64>().ok().filter(|id| *id > 0) else {
        return Ok(Err(missing));
    };
    let done = match reply {
        Some(reply) => store.answer_contact_request(scope, org.id, id, reply),
        None => store.decline_contact_request(scope, org.id, id),
    };
    Ok(done.map_err(|e| AppError::refused(e, missing)))
}
