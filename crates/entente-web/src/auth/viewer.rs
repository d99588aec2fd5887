//! The [`Viewer`] of a request: resolved once by the [`resolve_viewer`]
//! middleware from the session cookie or a bearer API token, and read by
//! handlers and page frames through the request's extensions.

use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{NaiveDateTime, Utc};
use entente_core::access::{AccessScope, Role, TokenScope, UserId};
use entente_store::{Store, StoreError};

use super::{SESSION_COOKIE, cookies};
use crate::error::AppError;
use crate::state::AppState;

/// Who is asking, and what they may read.
#[derive(Debug, Clone)]
pub struct Viewer {
    /// What storage reads are filtered by: `Public` when anonymous.
    pub scope: AccessScope,
    pub account: Option<Account>,
}

/// A signed-in user, or the owner of the API token used.
#[derive(Debug, Clone)]
pub struct Account {
    pub user: UserId,
    pub email: String,
    pub display_name: String,
    pub credential: Credential,
    /// The instance requires two-factor sign-in of administrators, this
    /// user administers something, and has not turned it on.
    pub two_factor_missing: bool,
}

/// How the request proved who it is.
#[derive(Debug, Clone)]
pub enum Credential {
    /// The session cookie: forms carry its CSRF token back.
    Session {
        id_hash: String,
        csrf_token: String,
    },
    ApiToken(TokenScope),
}

impl Viewer {
    pub fn anonymous() -> Self {
        Viewer {
            scope: AccessScope::Public,
            account: None,
        }
    }

    /// The signed-in session: its account, the hash of its id and its CSRF token.
    pub fn session(&self) -> Option<(&Account, &str, &str)> {
        let account = self.account.as_ref()?;
        match &account.credential {
            Credential::Session {
                id_hash,
                csrf_token,
            } => Some((account, id_hash, csrf_token)),
            Credential::ApiToken(_) => None,
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Viewer {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(parts
            .extensions
            .get::<Viewer>()
            .cloned()
            .unwrap_or_else(Viewer::anonymous))
    }
}

/// What a request presented.
enum Presented {
    Nothing,
    Session(String),
    Bearer(String),
}

fn presented(headers: &HeaderMap) -> Presented {
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    if let Some(token) = bearer {
        return Presented::Bearer(token.trim().to_owned());
    }
    match cookies::read(headers, SESSION_COOKIE) {
        Some(raw) => Presented::Session(raw.to_owned()),
        None => Presented::Nothing,
    }
}

/// Middleware for every route: puts the [`Viewer`] in the request's
/// extensions. A bad or expired session cookie makes the request
/// anonymous and is cleared; a bad bearer token is a 401, since an API
/// client would rather hear so than get public answers; a read-only token
/// may only read.
pub async fn resolve_viewer(
    State(app): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let now = Utc::now().naive_utc();
    let require = app.require_admin_2fa();
    let (viewer, stale_cookie) = match presented(request.headers()) {
        Presented::Nothing => (Viewer::anonymous(), false),
        Presented::Bearer(raw) => {
            match app.read(move |s| token_viewer(s, &raw, now, require)).await {
                Ok(Some(viewer)) => (viewer, false),
                Ok(None) => return AppError::InvalidToken.into_response(),
                Err(e) => return e.into_response(),
            }
        }
        Presented::Session(raw) => match app
            .read(move |s| session_viewer(s, &raw, now, require))
            .await
        {
            Ok(Some(viewer)) => (viewer, false),
            Ok(None) => (Viewer::anonymous(), true),
            Err(e) => return e.into_response(),
        },
    };
    let read_only = matches!(
        &viewer.account,
        Some(Account {
            credential: Credential::ApiToken(TokenScope::Read),
            ..
        })
    );
    if read_only && !request.method().is_safe() {
        return AppError::TokenReadOnly(format!("{} {}", request.method(), request.uri().path()))
            .into_response();
    }
    if let Some(refusal) = two_factor_refusal(&viewer, request.uri().path()) {
        return refusal;
    }
    let secure = cookies::secure(&app, request.headers());
    request.extensions_mut().insert(viewer);
    let mut response = next.run(request).await;
    if stale_cookie && !response.headers().contains_key(header::SET_COOKIE) {
        response
            .headers_mut()
            .append(header::SET_COOKIE, cookies::clear(SESSION_COOKIE, secure));
    }
    response
}

/// An administrator who must turn on two-factor sign-in first: the API
/// refuses them, and workspace pages send them to do it. Public pages, the
/// two-factor page itself and signing out stay open.
fn two_factor_refusal(viewer: &Viewer, path: &str) -> Option<Response> {
    if !viewer
        .account
        .as_ref()
        .is_some_and(|a| a.two_factor_missing)
    {
        return None;
    }
    if path.starts_with("/api/") {
        return Some(AppError::TwoFactorRequired.into_response());
    }
    let under = |prefix: &str| {
        path.strip_prefix(prefix)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    };
    let open = under("/account/2fa") || under("/account/sessions");
    let workspace = ["/account", "/orgs", "/alliances", "/invitations", "/audit"]
        .into_iter()
        .any(under);
    (workspace && !open).then(|| Redirect::to("/account/2fa?required=1").into_response())
}

fn session_viewer(
    store: &Store,
    raw: &str,
    now: NaiveDateTime,
    require_admin_2fa: bool,
) -> Result<Option<Viewer>, StoreError> {
    let Some(session) = store.session(&entente_auth::token::hash(raw), now)? else {
        return Ok(None);
    };
    let credential = Credential::Session {
        id_hash: session.id_hash,
        csrf_token: session.csrf_token,
    };
    account_viewer(store, session.user, credential, require_admin_2fa)
}

fn token_viewer(
    store: &Store,
    raw: &str,
    now: NaiveDateTime,
    require_admin_2fa: bool,
) -> Result<Option<Viewer>, StoreError> {
    if !entente_auth::token::is_api_token(raw) {
        return Ok(None);
    }
    let Some((user, scope)) = store.api_token(&entente_auth::token::hash(raw), now)? else {
        return Ok(None);
    };
    account_viewer(store, user, Credential::ApiToken(scope), require_admin_2fa)
}

/// The viewer of an enabled account; `None` when it is gone or disabled.
fn account_viewer(
    store: &Store,
    user: UserId,
    credential: Credential,
    require_admin_2fa: bool,
) -> Result<Option<Viewer>, StoreError> {
    let Some(account) = store.user(user)?.filter(|a| !a.disabled) else {
        return Ok(None);
    };
    let two_factor_missing = require_admin_2fa
        && !account.totp_enabled
        && (account.site_admin
            || store
                .memberships_of(user)?
                .iter()
                .any(|m| m.role == Role::Admin));
    Ok(Some(Viewer {
        scope: store.member_scope(user)?,
        account: Some(Account {
            user,
            email: account.email,
            display_name: account.display_name,
            credential,
            two_factor_missing,
        }),
    }))
}
