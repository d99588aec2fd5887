//! Setting a password through a one-time link: `GET/POST /set-password/{token}`.
//!
//! The link is only read until the form is valid, then spent in one
//! statement, so a typo does not use it up and two tabs cannot both use
//! it. Setting the password ends every session of the account: whoever
//! held the old password is signed out.

use askama::Template;
use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{NaiveDateTime, Utc};
use entente_auth::{PasswordProblem, password, token};
use entente_store::{AuditAction, LinkPurpose, Store, StoreError};
use serde::Deserialize;

use super::chrome::{Chrome, PageRequest};
use super::signin::{form_token, with_form_token};
use super::{frame, render};
use crate::auth::{self, FORM_CSRF_COOKIE, cookies};
use crate::error::AppError;
use crate::locale::Locale;
use crate::state::AppState;

#[derive(Template)]
#[template(path = "set_password.html")]
pub struct SetPasswordPage {
    pub chrome: Chrome,
    pub csrf: String,
    pub action: String,
    pub email: String,
    pub lead: String,
    pub password_problem: Option<String>,
    pub confirm_problem: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct SetPasswordForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    confirm: String,
}

/// Whose password a live link sets.
struct LinkHolder {
    email: String,
    display_name: String,
}

/// A dead link answers like a missing page.
fn dead_link(request: &PageRequest) -> AppError {
    AppError::NotFound(request.path.clone())
}

fn holder(store: &Store, hash: &str, now: NaiveDateTime) -> Result<Option<LinkHolder>, StoreError> {
    let Some(link) = store.peek_link(hash, now)? else {
        return Ok(None);
    };
    let (LinkPurpose::PasswordSet, Some(user)) = (link.purpose, link.user) else {
        return Ok(None);
    };
    Ok(store
        .user(user)?
        .filter(|a| !a.disabled)
        .map(|a| LinkHolder {
            email: a.email,
            display_name: a.display_name,
        }))
}

async fn live_holder(
    app: &AppState,
    request: &PageRequest,
    raw: &str,
) -> Result<LinkHolder, AppError> {
    let hash = token::hash(raw);
    let now = Utc::now().naive_utc();
    app.read(move |store| holder(store, &hash, now))
        .await?
        .ok_or_else(|| dead_link(request))
}

/// The translated message of a policy problem.
pub fn problem_text(locale: Locale, problem: PasswordProblem) -> String {
    let key = format!("password-{}", problem.code());
    locale.t_args(
        &key,
        &[
            ("min", password::MIN_CHARS.into()),
            ("max", password::MAX_CHARS.into()),
        ],
    )
}

/// `GET /set-password/{token}`.
pub async fn show_set_password(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    request: PageRequest,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let holder = live_holder(&app, &request, &raw).await?;
    let csrf = form_token(&headers);
    let page = page(&app, &request, &raw, &csrf, holder.email, None, None).await?;
    let secure = cookies::secure(&app, &headers);
    Ok(with_form_token(StatusCode::OK, page, &csrf, secure))
}

async fn page(
    app: &AppState,
    request: &PageRequest,
    raw: &str,
    csrf: &str,
    email: String,
    password_problem: Option<String>,
    confirm_problem: Option<String>,
) -> Result<Response, AppError> {
    let locale = request.locale;
    let chrome = frame(app, request, locale.t("set-password-title"), "login").await?;
    let page = SetPasswordPage {
        chrome,
        csrf: csrf.to_owned(),
        action: format!("/set-password/{raw}?lang={}", locale.code()),
        email,
        lead: locale.t_args("set-password-lead", &[("min", password::MIN_CHARS.into())]),
        password_problem,
        confirm_problem,
    };
    Ok(render(&page)?.into_response())
}

/// `POST /set-password/{token}`: checks the form against the policy, then
/// spends the link, stores the new hash and ends the account's sessions.
pub async fn set_password(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    request: PageRequest,
    headers: HeaderMap,
    form: Result<Form<SetPasswordForm>, FormRejection>,
) -> Result<Response, AppError> {
    let Ok(Form(form)) = form else {
        return Err(AppError::CsrfRejected);
    };
    let csrf = cookies::read(&headers, FORM_CSRF_COOKIE);
    auth::check_csrf(csrf, &form.csrf)?;
    let csrf = csrf.unwrap_or_default().to_owned();
    let holder = live_holder(&app, &request, &raw).await?;
    let context = [holder.email.as_str(), holder.display_name.as_str()];
    let locale = request.locale;
    let password_problem = password::check_policy(&form.password, &context)
        .err()
        .map(|p| problem_text(locale, p));
    let confirm_problem =
        (form.password != form.confirm).then(|| locale.t("set-password-mismatch"));
    if password_problem.is_some() || confirm_problem.is_some() {
        let secure = cookies::secure(&app, &headers);
        let email = holder.email;
        let page = page(
            &app,
            &request,
            &raw,
            &csrf,
            email,
            password_problem,
            confirm_problem,
        );
        return Ok(with_form_token(
            StatusCode::UNPROCESSABLE_ENTITY,
            page.await?,
            &csrf,
            secure,
        ));
    }
    // Argon2 takes a good fraction of a second: off the async threads.
    let new_hash = tokio::task::spawn_blocking(move || password::hash(&form.password))
        .await?
        .map_err(AppError::internal)?;
    let (link_hash, now) = (token::hash(&raw), Utc::now().naive_utc());
    let set = app
        .read(move |store| store_password(store, &link_hash, &new_hash, now))
        .await?;
    if !set {
        return Err(dead_link(&request));
    }
    let secure = cookies::secure(&app, &headers);
    let mut response = Redirect::to(&format!(
        "/login?notice=password_set&lang={}",
        locale.code()
    ))
    .into_response();
    response.headers_mut().append(
        axum::http::header::SET_COOKIE,
        cookies::clear(FORM_CSRF_COOKIE, secure),
    );
    Ok(response)
}

/// Spends the link, stores the password's hash and ends the sessions;
/// false when the link died since the form was checked.
fn store_password(
    store: &Store,
    link_hash: &str,
    password_hash: &str,
    now: NaiveDateTime,
) -> Result<bool, StoreError> {
    let Some(link) = store.use_link(link_hash, now)? else {
        return Ok(false);
    };
    let (LinkPurpose::PasswordSet, Some(user)) = (link.purpose, link.user) else {
        return Ok(false);
    };
    store.set_password_hash(user, password_hash)?;
    let ended = store.delete_sessions_of(user)?;
    let detail = format!("through a one-time link; {ended} sessions ended");
    auth::audit(store, now, AuditAction::PasswordSet, Some(user), detail)?;
    Ok(true)
}
