//! iCalendar feeds of actions, per organisation, alliance and state, that
//! calendar programs subscribe to. Those programs cannot send headers, so
//! a feed takes an API token in its address (`?token=ent_...`): it then
//! shows what that token's user may see. Without one, it shows what the
//! request's session or bearer token may see, and public actions only to
//! the anonymous.

use axum::extract::{Path, RawQuery, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use entente_core::Iso3;
use entente_core::access::{AccessScope, Role};
use entente_io::plan::{CalendarEntry, actions_calendar};
use entente_store::{Action, ActionFilter, PageRequest, Store, StoreError};

use crate::auth::Viewer;
use crate::error::{AppError, ErrorBody};
use crate::locale::form_pairs;
use crate::state::AppState;
use crate::views::alliance::parse_id as parse_alliance_id;

/// What a feed's address names, without its `.ics`.
fn feed_key(feed: &str) -> Option<&str> {
    feed.strip_suffix(".ics").filter(|key| !key.is_empty())
}

/// The reader of a feed: the user of `?token=`, else the request's viewer.
pub(crate) async fn reader(
    app: &AppState,
    viewer: Viewer,
    query: Option<&str>,
) -> Result<AccessScope, AppError> {
    let token = query.and_then(|q| {
        form_pairs(q)
            .find(|(k, _)| k == "token")
            .map(|(_, v)| v.trim().to_owned())
    });
    let Some(raw) = token else {
        return Ok(viewer.scope);
    };
    if !entente_auth::token::is_api_token(&raw) {
        return Err(AppError::InvalidToken);
    }
    let require_2fa = app.require_admin_2fa();
    app.read(move |store| token_scope(store, &raw, require_2fa))
        .await?
}

/// The scope of a live API token's user, refused as the API refuses it
/// in a header: unknown, revoked, disabled, or an administrator who must
/// turn on two-factor sign-in first.
fn token_scope(
    store: &Store,
    raw: &str,
    require_admin_2fa: bool,
) -> Result<Result<AccessScope, AppError>, StoreError> {
    let now = Utc::now().naive_utc();
    let Some((user, _)) = store.api_token(&entente_auth::token::hash(raw), now)? else {
        return Ok(Err(AppError::InvalidToken));
    };
    let Some(account) = store.user(user)?.filter(|a| !a.disabled) else {
        return Ok(Err(AppError::InvalidToken));
    };
    let administers = account.site_admin
        || store
            .memberships_of(user)?
            .iter()
            .any(|m| m.role == Role::Admin);
    if require_admin_2fa && !account.totp_enabled && administers {
        return Ok(Err(AppError::TwoFactorRequired));
    }
    Ok(Ok(store.member_scope(user)?))
}

fn entry(app: &AppState, action: Action) -> CalendarEntry {
    let c = action.content;
    CalendarEntry {
        id: action.id.0,
        title: c.title,
        description: c.description,
        start: c.start,
        end: c.end,
        due: c.due,
        status: c.status,
        updated_at: action.updated_at.and_utc(),
        url: Some(app.public_link(&format!("/actions/{}", action.id.0))),
    }
}

/// The feed's answer.
fn calendar(body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            // What the feed holds depends on who asks.
            (header::CACHE_CONTROL, "private, no-cache"),
        ],
        body,
    )
        .into_response()
}

/// What a feed selects, once its subject is found as the reader sees it.
type Subject = Result<(String, ActionFilter), AppError>;

/// Finds the subject with `find`, then the feed of its actions.
async fn feed(
    app: AppState,
    viewer: Viewer,
    query: Option<String>,
    find: impl FnOnce(&Store, &AccessScope) -> Result<Subject, StoreError> + Send + 'static,
) -> Result<Response, AppError> {
    let scope = reader(&app, viewer, query.as_deref()).await?;
    let links = app.clone();
    let body = app
        .read(move |store| {
            let (name, filter) = match find(store, &scope)? {
                Ok(found) => found,
                Err(e) => return Ok::<_, StoreError>(Err(e)),
            };
            let found = store.list_actions(&scope, &filter, PageRequest::ALL)?;
            let entries: Vec<CalendarEntry> = found
                .actions
                .into_iter()
                .map(|a| entry(&links, a))
                .collect();
            Ok(Ok(actions_calendar(&name, &entries)))
        })
        .await??;
    Ok(calendar(body))
}

/// The actions an organisation leads or takes part in, as an iCalendar feed.
///
/// One all-day event per dated action the reader may see, its UID stable
/// (`action-<id>@entente`). Subscribe with `?token=ent_...` (a read token
/// is enough) to see what that user sees.
#[utoipa::path(
    get,
    path = "/api/v1/calendar/orgs/{feed}",
    tag = "exports",
    params(
        ("feed" = String, Path, description = "The organisation's short name followed by `.ics`"),
        ("token" = Option<String>, Query, description = "An API token (`ent_...`) whose user's view the feed shows"),
    ),
    responses(
        (status = 200, description = "The feed", content_type = "text/calendar"),
        (status = 401, description = "The token is not valid (`invalid_token`)", body = ErrorBody),
        (status = 404, description = "No such organisation, or hidden from the reader (`org_not_found`)", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub async fn show_org_calendar(
    State(app): State<AppState>,
    Path(feed_name): Path<String>,
    viewer: Viewer,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    let Some(short) = feed_key(&feed_name).map(str::to_owned) else {
        return Err(AppError::OrgNotFound(feed_name));
    };
    feed(app, viewer, query, move |store, scope| {
        Ok(match store.organisation_by_short_name(scope, &short)? {
            Some(org) => Ok((
                format!("Entente: {}", org.name),
                ActionFilter {
                    org: Some(org.id),
                    ..ActionFilter::default()
                },
            )),
            None => Err(AppError::OrgNotFound(short)),
        })
    })
    .await
}

/// The actions shared with an alliance, as an iCalendar feed.
#[utoipa::path(
    get,
    path = "/api/v1/calendar/alliances/{feed}",
    tag = "exports",
    params(
        ("feed" = String, Path, description = "The alliance's number followed by `.ics`"),
        ("token" = Option<String>, Query, description = "An API token (`ent_...`) whose user's view the feed shows"),
    ),
    responses(
        (status = 200, description = "The feed", content_type = "text/calendar"),
        (status = 401, description = "The token is not valid (`invalid_token`)", body = ErrorBody),
        (status = 404, description = "No such alliance, or hidden from the reader (`alliance_not_found`)", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub async fn show_alliance_calendar(
    State(app): State<AppState>,
    Path(feed_name): Path<String>,
    viewer: Viewer,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    let key = feed_key(&feed_name).map(str::to_owned);
    let Some((raw, id)) = key.and_then(|k| parse_alliance_id(&k).map(|id| (k, id))) else {
        return Err(AppError::AllianceNotFound(feed_name));
    };
    feed(app, viewer, query, move |store, scope| {
        Ok(match store.alliance(scope, id)? {
            Some(alliance) => Ok((
                format!("Entente: {}", alliance.name),
                ActionFilter {
                    alliance: Some(id),
                    ..ActionFilter::default()
                },
            )),
            None => Err(AppError::AllianceNotFound(raw)),
        })
    })
    .await
}

/// The actions targeting a state, as an iCalendar feed.
#[utoipa::path(
    get,
    path = "/api/v1/calendar/states/{feed}",
    tag = "exports",
    params(
        ("feed" = String, Path, description = "The state's ISO 3166-1 alpha-3 code followed by `.ics`"),
        ("token" = Option<String>, Query, description = "An API token (`ent_...`) whose user's view the feed shows"),
    ),
    responses(
        (status = 200, description = "The feed", content_type = "text/calendar"),
        (status = 401, description = "The token is not valid (`invalid_token`)", body = ErrorBody),
        (status = 404, description = "No such state (`state_not_found`)", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub async fn show_state_calendar(
    State(app): State<AppState>,
    Path(feed_name): Path<String>,
    viewer: Viewer,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    let key = feed_key(&feed_name).map(str::to_owned);
    let Some((raw, iso3)) = key.and_then(|k| k.parse::<Iso3>().ok().map(|c| (k, c))) else {
        return Err(AppError::StateNotFound(feed_name));
    };
    feed(app, viewer, query, move |store, _| {
        Ok(match store.state(iso3)? {
            Some(state) => Ok((
                format!("Entente: {}", state.names.en),
                ActionFilter {
                    states: vec![iso3],
                    ..ActionFilter::default()
                },
            )),
            None => Err(AppError::StateNotFound(raw)),
        })
    })
    .await
}
