//! Signals through the API: what a member sees of the private actions that
//! emit one (`GET /api/v1/coordination/signals`), and the switches (an
//! organisation's default, an action's own). The contact requests sent
//! from signals are in [`super::contact_requests`].

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, RawQuery, State};
use chrono::NaiveDate;
use entente_core::access::AccessScope;
use entente_core::coordination::{OverlapSettings, Signal};
use entente_core::plan::ActionId;
use entente_store::{Store, StoreError};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::query::{MAX_WINDOW_DAYS, filter, limit, params};
use super::{ActionRef, action_refs};
use crate::auth::Viewer;
use crate::error::{AppError, ErrorBody};
use crate::state::AppState;

/// A signal: never the organisation, title, partners, days, budget or id.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SignalView {
    /// Opaque: names the signal in a contact request, nothing else.
    #[schema(example = "3f9a0c6e1b2d4f5a8c7e9b1d2f3a4c5e")]
    pub key: String,
    #[schema(example = "parliamentary_briefing")]
    pub action_type: String,
    pub audiences: Vec<String>,
    /// ISO 3166 alpha-3 codes.
    pub states: Vec<String>,
    /// The month the work starts, `YYYY-MM`; absent when undated.
    #[schema(example = "2027-03")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub month: Option<String>,
}

impl SignalView {
    pub fn of(signal: &Signal) -> Self {
        SignalView {
            key: signal.key.clone(),
            action_type: signal.action_type.clone(),
            audiences: signal
                .audiences
                .iter()
                .map(|a| a.code().to_owned())
                .collect(),
            states: signal.states.iter().map(ToString::to_string).collect(),
            month: signal.month.map(month_code),
        }
    }
}

/// `YYYY-MM`.
pub fn month_code(month: NaiveDate) -> String {
    month.format("%Y-%m").to_string()
}

/// A signal near one of the reader's own actions.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SignalOverlapView {
    /// The reader's action.
    pub action: ActionRef,
    /// The signal's key.
    pub signal: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SignalList {
    pub signals: Vec<SignalView>,
    /// Signals on a state and an audience of one of the reader's
    /// organisations' open actions, within `window_days` of its dates.
    pub overlapping_your_actions: Vec<SignalOverlapView>,
}

/// What the reader sees of signals, and which overlap its own actions.
pub fn signal_list(
    store: &Store,
    scope: &AccessScope,
    filter: &entente_store::CoordinationFilter,
    window_days: u32,
    limit: usize,
) -> Result<SignalList, StoreError> {
    let signals = store.signals(scope, filter)?;
    let inputs = store.coordination_inputs(scope, filter, chrono::Utc::now().date_naive())?;
    let overlaps = entente_core::coordination::signal_overlaps(
        &inputs
            .actions
            .iter()
            .filter(|a| scope.role_in(a.lead).is_some())
            .cloned()
            .collect::<Vec<_>>(),
        &signals,
        window_days,
    );
    let ids: Vec<ActionId> = overlaps.iter().map(|o| o.action).collect();
    let refs = action_refs(store, scope, &ids)?;
    Ok(SignalList {
        signals: signals.iter().take(limit).map(SignalView::of).collect(),
        overlapping_your_actions: overlaps
            .iter()
            .take(limit)
            .filter_map(|o| {
                Some(SignalOverlapView {
                    action: refs.get(&o.action)?.clone(),
                    signal: o.signal.clone(),
                })
            })
            .collect(),
    })
}

/// Lists the signals the reader may see.
///
/// Open private or alliance actions of other organisations whose owners
/// let them emit a signal, which the reader may not read: only their kind,
/// audiences, states (those the filter keeps) and month, under an opaque
/// key. None for the anonymous public. With `alliance`, the signals on the
/// states the alliance campaigns in. Also the signals that overlap the
/// reader's organisations' own actions.
#[utoipa::path(
    get,
    path = "/api/v1/coordination/signals",
    tag = "coordination",
    params(
        ("state" = Option<String>, Query, description = "Only this state (ISO 3166 alpha-3)"),
        ("region" = Option<String>, Query, description = "Only states of this UN regional group"),
        ("alliance" = Option<i64>, Query, description = "Only states this alliance campaigns in"),
        ("phase" = Option<String>, Query, description = "ratification or implementation"),
        ("window_days" = Option<u32>, Query, description = "For overlaps with the reader's actions, 0 to 366; 30 by default"),
        ("limit" = Option<usize>, Query, description = "At most this many, 1 to 500; 50 by default"),
        ("as_of" = Option<String>, Query, description = "Accepted for symmetry with the other findings (YYYY-MM-DD)"),
    ),
    responses(
        (status = 200, description = "The signals, by month", body = SignalList),
        (status = 422, description = "A parameter cannot be used (`invalid_parameter`)", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub async fn list_signals(
    State(app): State<AppState>,
    viewer: Viewer,
    RawQuery(raw): RawQuery,
) -> Result<Json<SignalList>, AppError> {
    let params = params(raw.as_deref(), &["window_days"])?;
    crate::extract::AsOf::parse(params.get("as_of"))?;
    let window_days = params
        .parse::<u32>("window_days", "a whole number of days")?
        .unwrap_or(OverlapSettings::default().window_days);
    if window_days > MAX_WINDOW_DAYS {
        return Err(AppError::InvalidParameter {
            name: "window_days",
            reason: format!("{window_days} is more than {MAX_WINDOW_DAYS} days"),
        });
    }
    let filter = filter(&params)?;
    let limit = limit(&params)?;
    let scope = viewer.scope;
    Ok(Json(
        app.read(move |store| signal_list(store, &scope, &filter, window_days, limit))
            .await?,
    ))
}

/// A switch: on or off.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SwitchBody {
    pub on: bool,
}

/// Whether an organisation's new actions emit a signal by default.
#[utoipa::path(
    get,
    path = "/api/v1/orgs/{short}/signal-default",
    tag = "coordination",
    params(("short" = String, Path, description = "The organisation's short name")),
    responses(
        (status = 200, description = "The default", body = SwitchBody),
        (status = 401, description = "Neither a session nor a token (`unauthenticated`)", body = ErrorBody),
        (status = 404, description = "Not a member, or no such organisation (`org_not_found`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn show_signal_default(
    State(app): State<AppState>,
    Path(short): Path<String>,
    viewer: Viewer,
) -> Result<Json<SwitchBody>, AppError> {
    let scope = signed_in(&viewer)?;
    let on = app
        .read(move |store| -> Result<Result<bool, AppError>, StoreError> {
            let missing = AppError::OrgNotFound(short.clone());
            let Some(org) = store.organisation_by_short_name(&scope, &short)? else {
                return Ok(Err(missing));
            };
            Ok(store
                .signal_default(&scope, org.id)
                .map_err(|e| AppError::refused(e, missing)))
        })
        .await??;
    Ok(Json(SwitchBody { on }))
}

/// Sets whether an organisation's new actions emit a signal by default.
///
/// Its admins only. Public actions never emit one.
#[utoipa::path(
    put,
    path = "/api/v1/orgs/{short}/signal-default",
    tag = "coordination",
    params(("short" = String, Path, description = "The organisation's short name")),
    request_body = SwitchBody,
    responses(
        (status = 200, description = "The new default", body = SwitchBody),
        (status = 403, description = "Not an admin (`forbidden`), or a read-only token (`token_read_only`)", body = ErrorBody),
        (status = 404, description = "No such organisation, or hidden (`org_not_found`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn set_signal_default(
    State(app): State<AppState>,
    Path(short): Path<String>,
    viewer: Viewer,
    switch: Result<Json<SwitchBody>, JsonRejection>,
) -> Result<Json<SwitchBody>, AppError> {
    let scope = signed_in(&viewer)?;
    let on = body(switch)?.on;
    app.read(move |store| -> Result<Result<(), AppError>, StoreError> {
        let missing = AppError::OrgNotFound(short.clone());
        let Some(org) = store.organisation_by_short_name(&scope, &short)? else {
            return Ok(Err(missing));
        };
        Ok(store
            .set_signal_default(&scope, org.id, on)
            .map_err(|e| AppError::refused(e, missing)))
    })
    .await??;
    Ok(Json(SwitchBody { on }))
}

/// Turns an action's signal on or off.
///
/// Editors of its lead; a public action needs none (`invalid_field`).
#[utoipa::path(
    put,
    path = "/api/v1/actions/{id}/signal",
    tag = "coordination",
    params(("id" = i64, Path, description = "The action's number")),
    request_body = SwitchBody,
    responses(
        (status = 200, description = "The signal's new state", body = SwitchBody),
        (status = 403, description = "Not an editor (`forbidden`), or a read-only token (`token_read_only`)", body = ErrorBody),
        (status = 404, description = "No such action, or hidden (`action_not_found`)", body = ErrorBody),
        (status = 422, description = "A public action (`invalid_field`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn set_action_signal(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    viewer: Viewer,
    switch: Result<Json<SwitchBody>, JsonRejection>,
) -> Result<Json<SwitchBody>, AppError> {
    let scope = signed_in(&viewer)?;
    let on = body(switch)?.on;
    app.read(move |store| switch_action_signal(store, &scope, &raw, on))
        .await??;
    Ok(Json(SwitchBody { on }))
}

/// What the API and the action page share of switching a signal.
pub fn switch_action_signal(
    store: &Store,
    scope: &AccessScope,
    raw: &str,
    on: bool,
) -> Result<Result<(), AppError>, StoreError> {
    let missing = AppError::ActionNotFound(raw.to_owned());
    let Some(id) = raw.parse::<i64>().ok().filter(|id| *id > 0) else {
        return Ok(Err(missing));
    };
    Ok(match store.set_action_signal(scope, ActionId(id), on) {
        Ok(()) => Ok(()),
        Err(StoreError::Invalid { what }) => Err(AppError::InvalidField {
            field: "signal",
            reason: what,
        }),
        Err(e) => Err(AppError::refused(e, missing)),
    })
}

pub(super) fn body<T>(body: Result<Json<T>, JsonRejection>) -> Result<T, AppError> {
    body.map(|Json(b)| b).map_err(|e| AppError::InvalidField {
        field: "body",
        reason: e.body_text(),
    })
}

pub(super) fn signed_in(viewer: &Viewer) -> Result<AccessScope, AppError> {
    match viewer.account {
        Some(_) => Ok(viewer.scope.clone()),
        None => Err(AppError::Unauthenticated),
    }
}
