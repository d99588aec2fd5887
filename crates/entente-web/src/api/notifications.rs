//! The user's notifications through the API: the digest preferences
//! (`/api/v1/me/notifications`) and the list of findings that concern the
//! user's organisations (`/api/v1/notifications`), brought up to date when
//! read, newest first, with read marks.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Query, State};
use chrono::Utc;
use entente_core::access::{AccessScope, UserId};
use entente_core::notification::{Digest, Finding};
use entente_store::{MAIL_LANGUAGES, NotificationPreferences};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::auth::Viewer;
use crate::error::{AppError, ErrorBody};
use crate::state::AppState;

/// The most notifications one answer holds.
const MAX_LIMIT: usize = 1000;

fn signed_in(viewer: &Viewer) -> Result<(UserId, AccessScope), AppError> {
    match &viewer.account {
        Some(account) => Ok((account.user, viewer.scope.clone())),
        None => Err(AppError::Unauthenticated),
    }
}

/// How often the user wants the digest, and in which language.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PreferencesBody {
    /// `off` (the default), `daily` or `weekly`.
    #[schema(example = "weekly")]
    pub digest: String,
    /// `en`, `fr` or `es`.
    #[schema(example = "fr")]
    pub language: String,
}

/// The digest preferences of the user.
///
/// A user who never chose has the digest off, in English.
#[utoipa::path(
    get,
    path = "/api/v1/me/notifications",
    tag = "notifications",
    responses(
        (status = 200, description = "The preferences", body = PreferencesBody),
        (status = 401, description = "Neither a session nor a valid token (`unauthenticated`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn show_notification_preferences(
    State(app): State<AppState>,
    viewer: Viewer,
) -> Result<Json<PreferencesBody>, AppError> {
    let (user, _) = signed_in(&viewer)?;
    let preferences = app
        .read(move |store| store.notification_preferences(user))
        .await?;
    let preferences = preferences.unwrap_or(NotificationPreferences {
        digest: Digest::Off,
        language: "en".to_owned(),
    });
    Ok(Json(PreferencesBody {
        digest: preferences.digest.code().to_owned(),
        language: preferences.language,
    }))
}

/// Sets the digest preferences of the user.
#[utoipa::path(
    put,
    path = "/api/v1/me/notifications",
    tag = "notifications",
    request_body = PreferencesBody,
    responses(
        (status = 200, description = "The preferences, as saved", body = PreferencesBody),
        (status = 401, description = "Neither a session nor a valid token (`unauthenticated`)", body = ErrorBody),
        (status = 403, description = "A read-only token (`token_read_only`)", body = ErrorBody),
        (status = 422, description = "A value is not one of those allowed (`invalid_field`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn update_notification_preferences(
    State(app): State<AppState>,
    viewer: Viewer,
    body: Result<Json<PreferencesBody>, JsonRejection>,
) -> Result<Json<PreferencesBody>, AppError> {
    let (user, _) = signed_in(&viewer)?;
    let Json(body) = body.map_err(|e| AppError::InvalidField {
        field: "body",
        reason: e.body_text(),
    })?;
    let preferences = parse_preferences(&body.digest, &body.language)?;
    let saved = preferences.clone();
    let now = Utc::now().naive_utc();
    app.read(move |store| store.set_notification_preferences(user, &saved, now))
        .await?;
    Ok(Json(PreferencesBody {
        digest: preferences.digest.code().to_owned(),
        language: preferences.language,
    }))
}

/// The preferences of a form or a body, each bad value named.
pub fn parse_preferences(
    digest: &str,
    language: &str,
) -> Result<NotificationPreferences, AppError> {
    let digest = Digest::parse(digest.trim()).ok_or_else(|| AppError::InvalidField {
        field: "digest",
        reason: format!("{digest:?} is not one of off, daily, weekly"),
    })?;
    let language = language.trim();
    if !MAIL_LANGUAGES.contains(&language) {
        return Err(AppError::InvalidField {
            field: "language",
            reason: format!("{language:?} is not one of en, fr, es"),
        });
    }
    Ok(NotificationPreferences {
        digest,
        language: language.to_owned(),
    })
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct ListQuery {
    /// Only the unread ones.
    #[serde(default)]
    pub unread: bool,
    /// At most this many (100 by default, 1000 at most).
    pub limit: Option<usize>,
}

/// An action a finding names, as the reader may read it.
#[derive(Debug, Serialize, ToSchema)]
pub struct NamedAction {
    pub id: i64,
    pub title: String,
    pub lead_org_id: i64,
}

/// One notification.
#[derive(Debug, Serialize, ToSchema)]
pub struct NotificationView {
    pub id: i64,
    /// `overlap`, `gap` or `deadline`.
    #[schema(example = "overlap")]
    pub kind: String,
    /// What names the finding (`overlap:12:40`).
    pub key: String,
    /// When it was first found for the user (UTC).
    pub found_at: String,
    pub read_at: Option<String>,
    /// When a digest mailed it.
    pub mailed_at: Option<String>,
    /// The finding, as `/api/v1/coordination/...` gives it.
    #[schema(value_type = Object)]
    pub finding: Finding,
    pub actions: Vec<NamedAction>,
}

/// A page of the user's notifications.
#[derive(Debug, Serialize, ToSchema)]
pub struct NotificationPage {
    /// Unread ones in all.
    pub unread: usize,
    /// When the job worker last gathered the findings (UTC, RFC 3339);
    /// `null` before the first time. It gathers them again within a few
    /// minutes of each change to the plan, and each day.
    pub gathered_at: Option<String>,
    pub items: Vec<NotificationView>,
}

fn utc(at: chrono::NaiveDateTime) -> String {
    at.and_utc().to_rfc3339()
}

/// The overlaps, gaps and deadlines that concern the user's organisations.
///
/// Found with what the user may see, by the job worker within a few
/// minutes of each change to the plan and each day (`gathered_at` says
/// when it last looked):
/// overlaps with their organisations' actions, gaps in the states they
/// work in (their directory entries' states and regional groups, and the
/// states of their actions), deadlines of those states and of their
/// actions. Each finding is listed once, newest first; one that names an
/// action the user may no longer read is left out.
#[utoipa::path(
    get,
    path = "/api/v1/notifications",
    tag = "notifications",
    params(ListQuery),
    responses(
        (status = 200, description = "The notifications", body = NotificationPage),
        (status = 401, description = "Neither a session nor a valid token (`unauthenticated`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn list_notifications(
    State(app): State<AppState>,
    viewer: Viewer,
    Query(query): Query<ListQuery>,
) -> Result<Json<NotificationPage>, AppError> {
    let (user, scope) = signed_in(&viewer)?;
    let limit = query.limit.unwrap_or(100).min(MAX_LIMIT);
    let (list, gathered) = app
        .read(move |store| {
            let list = store.notifications(&scope, query.unread, limit)?;
            Ok::<_, entente_store::StoreError>((list, store.notifications_refreshed_at(user)?))
        })
        .await?;
    let items = list
        .items
        .into_iter()
        .map(|n| NotificationView {
            id: n.id,
            kind: n.finding.kind().code().to_owned(),
            key: n.finding.key(),
            found_at: utc(n.found_at),
            read_at: n.read_at.map(utc),
            mailed_at: n.mailed_at.map(utc),
            actions: n
                .finding
                .actions()
                .into_iter()
                .filter_map(|id| {
                    list.labels.get(&id).map(|label| NamedAction {
                        id: id.0,
                        title: label.title.clone(),
                        lead_org_id: label.lead.0,
                    })
                })
                .collect(),
            finding: n.finding,
        })
        .collect();
    Ok(Json(NotificationPage {
        unread: list.unread,
        gathered_at: gathered.map(utc),
        items,
    }))
}

/// Which notifications to mark read.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ReadBody {
    /// These ids of the user's list; all of it when absent.
    pub ids: Option<Vec<i64>>,
}

/// How many were marked.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReadAnswer {
    pub marked: usize,
}

/// Marks notifications read.
///
/// Ids of another user's notifications are left alone (and not counted).
#[utoipa::path(
    post,
    path = "/api/v1/notifications/read",
    tag = "notifications",
    request_body = ReadBody,
    responses(
        (status = 200, description = "How many unread ones were marked", body = ReadAnswer),
        (status = 401, description = "Neither a session nor a valid token (`unauthenticated`)", body = ErrorBody),
        (status = 403, description = "A read-only token (`token_read_only`)", body = ErrorBody),
        (status = 422, description = "The body cannot be read (`invalid_field`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn mark_notifications_read(
    State(app): State<AppState>,
    viewer: Viewer,
    body: Result<Json<ReadBody>, JsonRejection>,
) -> Result<Json<ReadAnswer>, AppError> {
    let (user, _) = signed_in(&viewer)?;
    let Json(body) = body.map_err(|e| AppError::InvalidField {
        field: "body",
        reason: e.body_text(),
    })?;
    let now = Utc::now().naive_utc();
    let marked = app
        .read(move |store| store.mark_notifications_read(user, body.ids.as_deref(), now))
        .await?;
    Ok(Json(ReadAnswer { marked }))
}
