//! API tokens from the account page: `POST /account/tokens` creates one and
//! shows it once; `POST /account/tokens/{id}/revoke` ends one. Only the
//! token's SHA-256 is stored, so a lost token cannot be shown again.

use askama::Template;
use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use entente_auth::Secret;
use entente_core::access::TokenScope;
use entente_store::AuditAction;
use serde::Deserialize;

use super::overview::account_page;
use super::signed_in_form;
use crate::auth::{self, Viewer};
use crate::error::AppError;
use crate::pages::chrome::{Chrome, PageRequest};
use crate::pages::signin::CsrfForm;
use crate::pages::{frame, render};
use crate::state::AppState;

/// The page that shows a new token, the only time it is ever shown.
#[derive(Template)]
#[template(path = "token_created.html")]
pub struct TokenCreatedPage {
    pub chrome: Chrome,
    pub name: String,
    pub scope: String,
    pub token: String,
}

#[derive(Debug, Default, Deserialize)]
pub struct TokenForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    scope: String,
}

/// `POST /account/tokens`.
pub async fn create_token(
    State(app): State<AppState>,
    request: PageRequest,
    viewer: Viewer,
    form: Result<Form<TokenForm>, FormRejection>,
) -> Result<Response, AppError> {
    let Ok(Form(form)) = form else {
        return Err(AppError::CsrfRejected);
    };
    let me = signed_in_form(&viewer, &form.csrf)?;
    let locale = request.locale;
    let name = form.name.trim().to_owned();
    if name.is_empty() {
        let problem = locale.t("account-token-name-blank");
        return account_page(&app, &request, &me, form.name, Some(problem)).await;
    }
    let scope: TokenScope = form.scope.parse().map_err(|e| AppError::InvalidParameter {
        name: "scope",
        reason: format!("{e}"),
    })?;
    let token = Secret::generate_api_token();
    let (user, hash, stored_name) = (me.account.user, token.hash(), name.clone());
    let now = Utc::now().naive_utc();
    app.read(move |store| {
        let id = store.create_api_token(user, &stored_name, &hash, scope, now)?;
        let detail = format!("token {id} {stored_name:?} ({scope})");
        auth::audit(store, now, AuditAction::TokenCreated, Some(user), detail)
    })
    .await?;
    let chrome = frame(&app, &request, locale.t("token-created-title"), "account").await?;
    let page = TokenCreatedPage {
        chrome,
        name,
        scope: locale.t(&format!("token-scope-{}", scope.code())),
        token: token.as_str().to_owned(),
    };
    // Not kept by any cache: the page holds a secret.
    let headers = [(axum::http::header::CACHE_CONTROL, "no-store")];
    Ok((StatusCode::OK, headers, render(&page)?).into_response())
}

/// `POST /account/tokens/{id}/revoke`: revokes one of the user's own
/// tokens; another user's token id answers like a missing page.
pub async fn revoke_token(
    State(app): State<AppState>,
    request: PageRequest,
    viewer: Viewer,
    Path(id): Path<i64>,
    form: Result<Form<CsrfForm>, FormRejection>,
) -> Result<Response, AppError> {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let me = signed_in_form(&viewer, &form.csrf)?;
    let user = me.account.user;
    let now = Utc::now().naive_utc();
    let revoked = app
        .read(move |store| {
            let revoked = store.revoke_api_token(user, id, now)?;
            if revoked {
                let detail = format!("token {id}");
                auth::audit(store, now, AuditAction::TokenRevoked, Some(user), detail)?;
            }
            Ok::<_, entente_store::StoreError>(revoked)
        })
        .await?;
    if !revoked {
        return Err(AppError::NotFound(request.path));
    }
    let lang = request.locale.code();
    Ok(Redirect::to(&format!("/account?lang={lang}")).into_response())
}
