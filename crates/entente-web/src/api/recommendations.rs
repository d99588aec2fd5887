//! `/api/v1/recommendations`: recommendations of the SPT, treaty bodies,
//! the UPR, regional bodies and NPMs as JSON, with their follow-up events,
//! the actions that push them and the related ones. Reading takes whatever
//! the session or token may read (a hidden recommendation answers exactly
//! as a missing one, `not_found`); changing one takes an editor or admin of
//! its owner. Broken rules come back together as `invalid_fields`.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use chrono::{NaiveDate, NaiveDateTime};
use entente_core::access::{AccessScope, AllianceId, RecordAccess, Visibility, can_write};
use entente_core::plan::{ActionId, FieldError};
use entente_core::recommendation::{
    Body, FollowUpDraft, FollowUpKind, FollowUpStatus, RecommendationDraft, RecommendationId, Theme,
};
use entente_core::{Iso3, ParseCodeError};
use entente_store::{
    FollowUp, NewFollowUp, PageRequest, PushingAction, Recommendation, RecommendationFilter, Store,
    StoreError,
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::api::actions::body::{AllianceNumber, OrgName};
use crate::auth::Viewer;
use crate::error::{AppError, ErrorBody};
use crate::locale::form_pairs;
use crate::state::AppState;

/// The source document of a recommendation.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct DocumentView {
    /// Its symbol or reference.
    #[schema(example = "CAT/OP/MEX/R.2")]
    #[serde(default)]
    pub symbol: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub url: Option<String>,
    /// YYYY-MM-DD.
    #[serde(default)]
    pub date: Option<NaiveDate>,
}

/// A recommendation as the reader may see it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RecommendationView {
    pub id: i64,
    #[schema(example = "MEX")]
    pub state: String,
    /// `spt`, `cat`, `upr`, `cpt`, `iachr`, `achpr`, `npm` or `other`.
    #[schema(example = "spt")]
    pub body: String,
    /// The status of its latest follow-up event: `not_started`,
    /// `in_progress`, `partly_implemented`, `implemented` or `not_accepted`.
    pub status: String,
    pub document: DocumentView,
    pub addressed_to: String,
    pub paragraph: String,
    pub text: String,
    pub themes: Vec<String>,
    pub tags: Vec<String>,
    /// The owner's short name; absent when the reader may not see the
    /// owner's directory entry.
    pub owner: Option<String>,
    pub visibility: String,
    pub shared_with: Vec<i64>,
    /// Written by `entente demo`: demo data, not facts.
    pub demo: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// A page of recommendations.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RecommendationList {
    pub total: u64,
    pub limit: u32,
    pub offset: u64,
    pub items: Vec<RecommendationView>,
}

/// A recommendation's whole content, to create or replace it.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct RecommendationInput {
    #[schema(example = "MEX")]
    pub state: String,
    #[schema(example = "spt")]
    pub body: String,
    pub document: DocumentView,
    #[serde(default)]
    pub addressed_to: String,
    #[serde(default)]
    pub paragraph: String,
    pub text: String,
    #[serde(default)]
    pub themes: Vec<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    pub owner: OrgName,
    /// `private` (the default: SPT reports are confidential unless
    /// published), `alliance` or `public`.
    #[serde(default)]
    pub visibility: Option<String>,
    #[serde(default)]
    pub shared_with: Vec<AllianceNumber>,
}

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

/// An action linked to a recommendation.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PushingActionView {
    pub id: i64,
    pub title: String,
    pub status: String,
}

/// The filters of the list.
#[derive(Debug, Clone, Deserialize, IntoParams)]
#[expect(
    dead_code,
    reason = "documents the list's parameters in the OpenAPI document; the list reads the raw query"
)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// ISO 3166-1 alpha-3 code of the state.
    pub state: Option<String>,
    /// A recommending body.
    pub body: Option<String>,
    /// A follow-up status.
    pub status: Option<String>,
    /// A theme.
    pub theme: Option<String>,
    /// A free tag.
    pub tag: Option<String>,
    /// `true`: only those neither implemented nor refused.
    pub open: Option<bool>,
    /// Page size, 1 to 500; 50 by default.
    pub limit: Option<u32>,
    /// How many to skip.
    pub offset: Option<u64>,
}

fn missing(id: impl std::fmt::Display) -> AppError {
    AppError::NotFound(format!("recommendation \"{id}\""))
}

pub(crate) fn signed_in(viewer: &Viewer) -> Result<AccessScope, AppError> {
    match viewer.account {
        Some(_) => Ok(viewer.scope.clone()),
        None => Err(AppError::Unauthenticated),
    }
}

fn invalid(name: &'static str, reason: String) -> AppError {
    AppError::InvalidParameter { name, reason }
}

pub(crate) fn parse_param<T: std::str::FromStr>(
    pairs: &[(String, String)],
    name: &'static str,
) -> Result<Option<T>, AppError>
where
    T::Err: std::fmt::Display,
{
    pairs
        .iter()
        .find(|(k, v)| k == name && !v.trim().is_empty())
        .map(|(_, v)| {
            v.trim()
                .parse::<T>()
                .map_err(|e| invalid(name, e.to_string()))
        })
        .transpose()
}

fn list_query(raw: Option<&str>) -> Result<(RecommendationFilter, PageRequest), AppError> {
    let pairs: Vec<(String, String)> = raw.map(|q| form_pairs(q).collect()).unwrap_or_default();
    const KNOWN: [&str; 8] = [
        "state", "body", "status", "theme", "tag", "open", "limit", "offset",
    ];
    if let Some((name, _)) = pairs.iter().find(|(k, _)| !KNOWN.contains(&k.as_str())) {
        return Err(AppError::InvalidParameter {
            name: "query",
            reason: format!("{name:?} is not a parameter of this list"),
        });
    }
    let limit = parse_param::<u32>(&pairs, "limit")?.unwrap_or(PageRequest::DEFAULT_LIMIT);
    if limit == 0 || limit > PageRequest::MAX_LIMIT {
        return Err(invalid(
            "limit",
            format!("{limit} is not between 1 and 500"),
        ));
    }
    let filter = RecommendationFilter {
        states: parse_param::<Iso3>(&pairs, "state")?.into_iter().collect(),
        body: parse_param::<Body>(&pairs, "body")?,
        status: parse_param::<FollowUpStatus>(&pairs, "status")?,
        theme: parse_param::<Theme>(&pairs, "theme")?,
        tag: parse_param::<String>(&pairs, "tag")?.map(|t| t.to_lowercase()),
        open_only: parse_param::<bool>(&pairs, "open")?.unwrap_or(false),
        owner: None,
    };
    let page = PageRequest {
        limit,
        offset: parse_param::<u64>(&pairs, "offset")?.unwrap_or(0),
    };
    Ok((filter, page))
}

fn view(
    store: &Store,
    scope: &AccessScope,
    r: Recommendation,
) -> Result<RecommendationView, StoreError> {
    let c = r.content;
    let owner = store.organisation(scope, c.owner)?.map(|o| o.short_name);
    Ok(RecommendationView {
        id: r.id.0,
        state: c.state.to_string(),
        body: c.body.code().to_owned(),
        status: r.status.code().to_owned(),
        document: DocumentView {
            symbol: c.document_symbol,
            title: c.document_title,
            url: c.document_url,
            date: c.document_date,
        },
        addressed_to: c.addressed_to,
        paragraph: c.paragraph,
        text: c.text,
        themes: c.themes.iter().map(|t| t.code().to_owned()).collect(),
        tags: c.tags,
        owner,
        visibility: c.visibility.code().to_owned(),
        shared_with: c.shared_with.iter().map(|a| a.0).collect(),
        demo: c.demo,
        created_at: r.created_at,
        updated_at: r.updated_at,
    })
}

pub(crate) fn code<T>(field: &'static str, value: &str) -> Result<T, FieldError>
where
    T: std::str::FromStr<Err = ParseCodeError>,
{
    value
        .trim()
        .parse()
        .map_err(|e: ParseCodeError| FieldError::new(field, "invalid_code", e.to_string()))
}

/// The draft a body makes, every bad value named.
fn draft(
    store: &Store,
    scope: &AccessScope,
    input: RecommendationInput,
    demo: bool,
) -> Result<Result<RecommendationDraft, AppError>, StoreError> {
    let mut errors = Vec::new();
    let state = input
        .state
        .trim()
        .to_uppercase()
        .parse::<Iso3>()
        .map_err(|e| FieldError::new("state", "unknown_state", e.to_string()));
    let body = code::<Body>("body", &input.body);
    let mut themes = Vec::new();
    for theme in &input.themes {
        match code::<Theme>("themes", theme) {
            Ok(t) => themes.push(t),
            Err(e) => errors.push(e),
        }
    }
    let visibility = match &input.visibility {
        Some(v) => code::<Visibility>("visibility", v),
        None => Ok(Visibility::Private),
    };
    let short = match &input.owner {
        OrgName::ShortName(s) | OrgName::Entry { short_name: s } => s.trim().to_owned(),
    };
    let owner = store
        .organisation_by_short_name(scope, &short)?
        .map(|o| o.id)
        .ok_or_else(|| {
            FieldError::new(
                "owner",
                "unknown_organisation",
                "no organisation you may see has this short name",
            )
        });
    if let Ok(owner) = owner {
        if !can_write(scope, &RecordAccess::private(owner)) {
            return Ok(Err(AppError::Forbidden(format!(
                "only editors of {short:?} may record its recommendations"
            ))));
        }
    }
    let shared_with: Vec<AllianceId> = input
        .shared_with
        .iter()
        .map(|a| match a {
            AllianceNumber::Id(id) | AllianceNumber::Entry { id } => AllianceId(*id),
        })
        .collect();
    Ok(match (state, body, visibility, owner) {
        (Ok(state), Ok(body), Ok(visibility), Ok(owner)) if errors.is_empty() => {
            Ok(RecommendationDraft {
                state,
                body,
                document_symbol: input.document.symbol.trim().to_owned(),
                document_title: input.document.title.trim().to_owned(),
                document_url: input.document.url.filter(|u| !u.trim().is_empty()),
                document_date: input.document.date,
                addressed_to: input.addressed_to.trim().to_owned(),
                paragraph: input.paragraph.trim().to_owned(),
                text: input.text.trim().to_owned(),
                themes,
                tags: input.tags.iter().map(|t| t.trim().to_lowercase()).collect(),
                owner,
                visibility,
                shared_with,
                demo,
            })
        }
        (state, body, visibility, owner) => {
            let mut all: Vec<FieldError> = [state.err(), body.err(), visibility.err(), owner.err()]
                .into_iter()
                .flatten()
                .collect();
            all.extend(errors);
            Err(AppError::InvalidFields(all))
        }
    })
}

pub(crate) fn json<T>(body: Result<Json<T>, JsonRejection>) -> Result<T, AppError> {
    body.map(|Json(b)| b).map_err(|e| AppError::InvalidField {
        field: "body",
        reason: e.body_text(),
    })
}

fn number(raw: &str) -> Result<RecommendationId, AppError> {
    raw.trim()
        .parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .map(RecommendationId)
        .ok_or_else(|| missing(raw))
}

/// The recommendations the reader may see.
///
/// Newest source document first, undated last; filtered and paged.
#[utoipa::path(
    get,
    path = "/api/v1/recommendations",
    tag = "recommendations",
    params(ListParams),
    responses(
        (status = 200, description = "A page of visible recommendations", body = RecommendationList),
        (status = 422, description = "A parameter cannot be used (`invalid_parameter`)", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub async fn list_recommendations(
    State(app): State<AppState>,
    viewer: Viewer,
    RawQuery(raw): RawQuery,
) -> Result<Json<RecommendationList>, AppError> {
    let (filter, page) = list_query(raw.as_deref())?;
    let scope = viewer.scope;
    let list = app
        .read(move |store| {
            let found = store.list_recommendations(&scope, &filter, page)?;
            Ok::<_, StoreError>(RecommendationList {
                total: found.total,
                limit: page.limit,
                offset: page.offset,
                items: found
                    .recommendations
                    .into_iter()
                    .map(|r| view(store, &scope, r))
                    .collect::<Result<_, _>>()?,
            })
        })
        .await?;
    Ok(Json(list))
}

/// One recommendation.
///
/// A read from outside the owner of a recommendation that is not public is
/// logged in the owner's audit log.
#[utoipa::path(
    get,
    path = "/api/v1/recommendations/{id}",
    tag = "recommendations",
    params(("id" = i64, Path, description = "The recommendation's number")),
    responses(
        (status = 200, description = "The recommendation", body = RecommendationView),
        (status = 404, description = "No such recommendation, or hidden from the reader (`not_found`)", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub async fn show_recommendation(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    viewer: Viewer,
) -> Result<Json<RecommendationView>, AppError> {
    let id = number(&raw)?;
    let scope = viewer.scope;
    let found = app
        .read(move |store| {
            let Some(r) = store.recommendation(&scope, id)? else {
                return Ok::<_, StoreError>(None);
            };
            let c = &r.content;
            crate::auth::audit_outside_read(
                store,
                &scope,
                c.owner,
                c.visibility,
                "recommendation",
                id.0,
            )?;
            Ok(Some(view(store, &scope, r)?))
        })
        .await?;
    found.map(Json).ok_or_else(|| missing(raw))
}

/// Records a recommendation.
///
/// Needs an editor or admin of the owner; the visibility is `private`
/// unless given.
#[utoipa::path(
    post,
    path = "/api/v1/recommendations",
    tag = "recommendations",
    request_body = RecommendationInput,
    responses(
        (status = 201, description = "The new recommendation", body = RecommendationView),
        (status = 401, description = "Neither a session nor a token (`unauthenticated`)", body = ErrorBody),
        (status = 403, description = "A read-only token (`token_read_only`)", body = ErrorBody),
        (status = 422, description = "Broken rules, each with its field (`invalid_fields`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn create_recommendation(
    State(app): State<AppState>,
    viewer: Viewer,
    input: Result<Json<RecommendationInput>, JsonRejection>,
) -> Result<(StatusCode, Json<RecommendationView>), AppError> {
    let scope = signed_in(&viewer)?;
    let input = json(input)?;
    let created = app
        .read(move |store| {
            let draft = match draft(store, &scope, input, false)? {
                Ok(d) => d,
                Err(e) => return Ok(Err(e)),
            };
            let id = match store.create_recommendation(&scope, &draft) {
                Ok(id) => id,
                Err(e) => return Ok(Err(AppError::refused(e, missing("new")))),
            };
            let r = store
                .recommendation(&scope, id)?
                .ok_or_else(|| StoreError::Corrupt {
                    what: format!("recommendation {id} is not readable after its creation"),
                })?;
            Ok::<_, StoreError>(Ok(view(store, &scope, r)?))
        })
        .await??;
    Ok((StatusCode::CREATED, Json(created)))
}

/// Replaces a recommendation's content.
///
/// Its follow-up events, links and status stay.
#[utoipa::path(
    put,
    path = "/api/v1/recommendations/{id}",
    tag = "recommendations",
    params(("id" = i64, Path, description = "The recommendation's number")),
    request_body = RecommendationInput,
    responses(
        (status = 200, description = "The recommendation as changed", body = RecommendationView),
        (status = 403, description = "Not an editor of its owner (`forbidden`)", body = ErrorBody),
        (status = 404, description = "No such recommendation, or hidden (`not_found`)", body = ErrorBody),
        (status = 422, description = "Broken rules (`invalid_fields`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn update_recommendation(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    viewer: Viewer,
    input: Result<Json<RecommendationInput>, JsonRejection>,
) -> Result<Json<RecommendationView>, AppError> {
    let scope = signed_in(&viewer)?;
    let id = number(&raw)?;
    let input = json(input)?;
    let updated = app
        .read(move |store| {
            let Some(before) = store.recommendation(&scope, id)? else {
                return Ok(Err(missing(id)));
            };
            if !can_write(&scope, &before.content.access()) {
                return Ok(Err(AppError::Forbidden(format!(
                    "only editors of its owner may change recommendation {id}"
                ))));
            }
            let draft = match draft(store, &scope, input, before.content.demo)? {
                Ok(d) => d,
                Err(e) => return Ok(Err(e)),
            };
            if let Err(e) = store.update_recommendation(&scope, id, &draft) {
                return Ok(Err(AppError::refused(e, missing(id))));
            }
            let r = store
                .recommendation(&scope, id)?
                .ok_or_else(|| StoreError::Corrupt {
                    what: format!("recommendation {id} is not readable after its change"),
                })?;
            Ok::<_, StoreError>(Ok(view(store, &scope, r)?))
        })
        .await??;
    Ok(Json(updated))
}

/// Deletes a recommendation with its follow-up and links.
#[utoipa::path(
    delete,
    path = "/api/v1/recommendations/{id}",
    tag = "recommendations",
    params(("id" = i64, Path, description = "The recommendation's number")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 403, description = "Not an editor of its owner (`forbidden`)", body = ErrorBody),
        (status = 404, description = "No such recommendation, or hidden (`not_found`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn delete_recommendation(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    viewer: Viewer,
) -> Result<StatusCode, AppError> {
    let scope = signed_in(&viewer)?;
    let id = number(&raw)?;
    app.read(move |store| Ok::<_, StoreError>(store.delete_recommendation(&scope, id)))
        .await?
        .map_err(|e| AppError::refused(e, missing(raw)))?;
    Ok(StatusCode::NO_CONTENT)
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

/// The campaign actions pushing a recommendation that the reader may see.
#[utoipa::path(
    get,
    path = "/api/v1/recommendations/{id}/actions",
    tag = "recommendations",
    params(("id" = i64, Path, description = "The recommendation's number")),
    responses(
        (status = 200, description = "The linked actions the reader may see", body = [PushingActionView]),
        (status = 404, description = "No such recommendation, or hidden (`not_found`)", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub async fn list_pushing_actions(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    viewer: Viewer,
) -> Result<Json<Vec<PushingActionView>>, AppError> {
    let id = number(&raw)?;
    let scope = viewer.scope;
    let found = app
        .read(move |store| {
            if store.recommendation(&scope, id)?.is_none() {
                return Ok::<_, StoreError>(None);
            }
            Ok(Some(store.pushing_actions(&scope, id)?))
        })
        .await?;
    let actions = found.ok_or_else(|| missing(raw))?;
    Ok(Json(
        actions
            .into_iter()
            .map(|a: PushingAction| PushingActionView {
                id: a.id.0,
                title: a.title,
                status: a.status.code().to_owned(),
            })
            .collect(),
    ))
}

/// Links an action that pushes the recommendation.
///
/// The writer must be able to change the recommendation and to see the
/// action; linking twice changes nothing.
#[utoipa::path(
    put,
    path = "/api/v1/recommendations/{id}/actions/{action}",
    tag = "recommendations",
    params(
        ("id" = i64, Path, description = "The recommendation's number"),
        ("action" = i64, Path, description = "The action's number"),
    ),
    responses(
        (status = 204, description = "Linked"),
        (status = 403, description = "Not an editor of its owner (`forbidden`)", body = ErrorBody),
        (status = 404, description = "No such recommendation, or hidden (`not_found`)", body = ErrorBody),
        (status = 422, description = "No such action, or hidden (`invalid_fields`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn link_action(
    State(app): State<AppState>,
    Path((raw, action)): Path<(String, i64)>,
    viewer: Viewer,
) -> Result<StatusCode, AppError> {
    let scope = signed_in(&viewer)?;
    let id = number(&raw)?;
    app.read(move |store| Ok::<_, StoreError>(store.link_action(&scope, id, ActionId(action))))
        .await?
        .map_err(|e| AppError::refused(e, missing(raw)))?;
    Ok(StatusCode::NO_CONTENT)
}

/// Removes the link to an action.
#[utoipa::path(
    delete,
    path = "/api/v1/recommendations/{id}/actions/{action}",
    tag = "recommendations",
    params(
        ("id" = i64, Path, description = "The recommendation's number"),
        ("action" = i64, Path, description = "The action's number"),
    ),
    responses(
        (status = 204, description = "Unlinked"),
        (status = 403, description = "Not an editor of its owner (`forbidden`)", body = ErrorBody),
        (status = 404, description = "No such recommendation, action or link, or hidden (`not_found`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn unlink_action(
    State(app): State<AppState>,
    Path((raw, action)): Path<(String, i64)>,
    viewer: Viewer,
) -> Result<StatusCode, AppError> {
    let scope = signed_in(&viewer)?;
    let id = number(&raw)?;
    app.read(move |store| Ok::<_, StoreError>(store.unlink_action(&scope, id, ActionId(action))))
        .await?
        .map_err(|e| AppError::refused(e, missing(raw)))?;
    Ok(StatusCode::NO_CONTENT)
}

/// The related recommendations the reader may see.
#[utoipa::path(
    get,
    path = "/api/v1/recommendations/{id}/related",
    tag = "recommendations",
    params(("id" = i64, Path, description = "The recommendation's number")),
    responses(
        (status = 200, description = "The related recommendations the reader may see", body = [RecommendationView]),
        (status = 404, description = "No such recommendation, or hidden (`not_found`)", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub async fn list_related(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    viewer: Viewer,
) -> Result<Json<Vec<RecommendationView>>, AppError> {
    let id = number(&raw)?;
    let scope = viewer.scope;
    let found = app
        .read(move |store| {
            if store.recommendation(&scope, id)?.is_none() {
                return Ok::<_, StoreError>(None);
            }
            let related = store.related_recommendations(&scope, id)?;
            Ok(Some(
                related
                    .into_iter()
                    .map(|r| view(store, &scope, r))
                    .collect::<Result<Vec<_>, _>>()?,
            ))
        })
        .await?;
    found.map(Json).ok_or_else(|| missing(raw))
}

/// Links two related recommendations (often of two bodies).
#[utoipa::path(
    put,
    path = "/api/v1/recommendations/{id}/related/{other}",
    tag = "recommendations",
    params(
        ("id" = i64, Path, description = "The recommendation's number"),
        ("other" = i64, Path, description = "The related recommendation's number"),
    ),
    responses(
        (status = 204, description = "Linked"),
        (status = 403, description = "Not an editor of the first's owner (`forbidden`)", body = ErrorBody),
        (status = 404, description = "No such recommendation, or hidden (`not_found`)", body = ErrorBody),
        (status = 422, description = "The other is itself, missing or hidden (`invalid_fields`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn link_related(
    State(app): State<AppState>,
    Path((raw, other)): Path<(String, i64)>,
    viewer: Viewer,
) -> Result<StatusCode, AppError> {
    let scope = signed_in(&viewer)?;
    let id = number(&raw)?;
    app.read(move |store| {
        Ok::<_, StoreError>(store.link_related(&scope, id, RecommendationId(other)))
    })
    .await?
    .map_err(|e| AppError::refused(e, missing(raw)))?;
    Ok(StatusCode::NO_CONTENT)
}

/// Removes the link between two recommendations.
#[utoipa::path(
    delete,
    path = "/api/v1/recommendations/{id}/related/{other}",
    tag = "recommendations",
    params(
        ("id" = i64, Path, description = "The recommendation's number"),
        ("other" = i64, Path, description = "The related recommendation's number"),
    ),
    responses(
        (status = 204, description = "Unlinked"),
        (status = 403, description = "Not an editor of the first's owner (`forbidden`)", body = ErrorBody),
        (status = 404, description = "No such recommendation or link, or hidden (`not_found`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn unlink_related(
    State(app): State<AppState>,
    Path((raw, other)): Path<(String, i64)>,
    viewer: Viewer,
) -> Result<StatusCode, AppError> {
    let scope = signed_in(&viewer)?;
    let id = number(&raw)?;
    app.read(move |store| {
        Ok::<_, StoreError>(store.unlink_related(&scope, id, RecommendationId(other)))
    })
    .await?
    .map_err(|e| AppError::refused(e, missing(raw)))?;
    Ok(StatusCode::NO_CONTENT)
}
