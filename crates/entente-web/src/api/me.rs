//! `/api/v1/me`: who the session or API token belongs to, and their
//! organisations.

use axum::Json;
use axum::extract::State;
use serde::Serialize;
use utoipa::ToSchema;

use crate::auth::{Credential, Viewer};
use crate::error::{AppError, ErrorBody};
use crate::state::AppState;

/// The signed-in user.
#[derive(Debug, Serialize, ToSchema)]
pub struct Me {
    #[schema(example = 42)]
    pub id: i64,
    #[schema(example = "ana@example.org")]
    pub email: String,
    pub display_name: String,
    /// Whether the user administers the whole instance.
    pub site_admin: bool,
    /// How this request was authenticated: `session`, or `token` with the
    /// token's scope.
    #[schema(example = "token")]
    pub authenticated_by: String,
    /// `read` or `read_write` for a token; absent for a session.
    #[schema(example = "read")]
    pub token_scope: Option<String>,
    pub memberships: Vec<MembershipEntry>,
}

/// One of the user's organisations.
#[derive(Debug, Serialize, ToSchema)]
pub struct MembershipEntry {
    pub org_id: i64,
    #[schema(example = "apt")]
    pub short_name: String,
    pub name: String,
    /// `viewer`, `editor` or `admin`.
    #[schema(example = "editor")]
    pub role: String,
}

/// Who am I.
///
/// The user behind the session cookie or the `Authorization: Bearer ent_...`
/// token, with their organisations and roles.
#[utoipa::path(
    get,
    path = "/api/v1/me",
    tag = "accounts",
    responses(
        (status = 200, description = "The user", body = Me),
        (status = 401, description = "Neither a session nor a valid token (`unauthenticated`, `invalid_token`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn show_me(State(app): State<AppState>, viewer: Viewer) -> Result<Json<Me>, AppError> {
    let Some(account) = viewer.account else {
        return Err(AppError::Unauthenticated);
    };
    let user = account.user;
    let memberships = app.read(move |store| store.memberships_of(user)).await?;
    let (authenticated_by, token_scope) = match account.credential {
        Credential::Session { .. } => ("session", None),
        Credential::ApiToken(scope) => ("token", Some(scope.code().to_owned())),
    };
    Ok(Json(Me {
        id: user.0,
        email: account.email,
        display_name: account.display_name,
        site_admin: viewer.scope.is_site_admin(),
        authenticated_by: authenticated_by.to_owned(),
        token_scope,
        memberships: memberships
            .into_iter()
            .map(|m| MembershipEntry {
                org_id: m.org.0,
                short_name: m.short_name,
                name: m.name,
                role: m.role.code().to_owned(),
            })
            .collect(),
    }))
}
