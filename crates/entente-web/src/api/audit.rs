//! `/api/v1/audit`: the audit log as JSON, for the same readers as the
//! portal's page: organisation admins and the site admin.

use axum::Json;
use axum::extract::State;

use crate::auth::Viewer;
use crate::error::{AppError, ErrorBody};
use crate::extract::Params;
use crate::pages::audit::check_reader;
use crate::state::AppState;
use crate::views::audit::{self, AuditPage, AuditQuery};

/// The audit log.
///
/// Entries about the organisations the user administers (all of them for
/// the site admin), newest first, 100 a page.
#[utoipa::path(
    get,
    path = "/api/v1/audit",
    tag = "organisations",
    params(
        ("org" = Option<String>, Query, description = "Only entries about this organisation (short name)"),
        ("action" = Option<String>, Query, description = "Only entries of this action, such as `membership_changed`"),
        ("page" = Option<u32>, Query, description = "Page, from 1 (newest)"),
    ),
    responses(
        (status = 200, description = "A page of the log", body = AuditPage),
        (status = 401, description = "Neither a session nor a token (`unauthenticated`)", body = ErrorBody),
        (status = 403, description = "The user administers no organisation (`forbidden`)", body = ErrorBody),
        (status = 422, description = "A parameter cannot be used (`invalid_parameter`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn list_audit(
    State(app): State<AppState>,
    viewer: Viewer,
    params: Params,
) -> Result<Json<AuditPage>, AppError> {
    check_reader(&viewer)?;
    let query = AuditQuery::parse(&params)?;
    let scope = viewer.scope;
    let page = app
        .read(move |store| audit::read(store, &scope, &query))
        .await??;
    Ok(Json(page))
}
