//! The second step of signing in, for accounts with two-factor sign-in on:
//! `GET/POST /login/2fa`.
//!
//! A right password leaves a pending sign-in in the database (any server
//! can finish it) and its token in a cookie; a TOTP code or a recovery code
//! then opens the session exactly as a plain sign-in does. Wrong codes are
//! failed sign-ins: they count toward the same lockout.

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::extract::rejection::FormRejection;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{NaiveDateTime, Utc};
use entente_auth::{Secret, token};
use entente_core::access::UserId;
use entente_store::{AuditAction, Store, StoreError};
use serde::Deserialize;

use super::chrome::{Chrome, PageRequest};
use super::signin::{form_token, start_session, with_form_token};
use super::{frame, render};
use crate::auth::two_factor::{self, PENDING_COOKIE, PENDING_LOGIN};
use crate::auth::{self, FORM_CSRF_COOKIE, cookies};
use crate::error::AppError;
use crate::state::AppState;

#[derive(Template)]
#[template(path = "login_2fa.html")]
pub struct SecondStepPage {
    pub chrome: Chrome,
    pub csrf: String,
    pub next: String,
    pub problem: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct SecondStepForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    next: String,
}

/// After a right password: stores the pending sign-in and sends the
/// browser to the second step.
pub async fn begin(
    app: &AppState,
    request: &PageRequest,
    headers: &HeaderMap,
    user: UserId,
    next: &str,
) -> Result<Response, AppError> {
    let pending = Secret::generate();
    let hash = pending.hash();
    let now = Utc::now().naive_utc();
    app.read(move |store| store.create_pending_login(&hash, user, now, now + PENDING_LOGIN))
        .await?;
    let pairs = [("lang", request.locale.code()), ("next", next)];
    let query: String = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish();
    let mut response = Redirect::to(&format!("/login/2fa?{query}")).into_response();
    let secure = cookies::secure(app, headers);
    response.headers_mut().append(
        header::SET_COOKIE,
        cookies::set(PENDING_COOKIE, pending.as_str(), PENDING_LOGIN, secure),
    );
    Ok(response)
}

/// The pending sign-in's user, if the cookie names a live one.
async fn pending_user(app: &AppState, headers: &HeaderMap) -> Result<Option<UserId>, AppError> {
    let Some(raw) = cookies::read(headers, PENDING_COOKIE) else {
        return Ok(None);
    };
    let (hash, now) = (token::hash(raw), Utc::now().naive_utc());
    app.read(move |store| store.pending_login(&hash, now)).await
}

fn start_again(request: &PageRequest) -> Response {
    Redirect::to(&format!("/login?lang={}", request.locale.code())).into_response()
}

/// `GET /login/2fa`.
pub async fn show_second_step(
    State(app): State<AppState>,
    request: PageRequest,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    if pending_user(&app, &headers).await?.is_none() {
        return Ok(start_again(&request));
    }
    let csrf = form_token(&headers);
    let next = request.params.get("next").unwrap_or_default().to_owned();
    let page = page(&app, &request, &csrf, next, None).await?;
    let secure = cookies::secure(&app, &headers);
    Ok(with_form_token(StatusCode::OK, page, &csrf, secure))
}

async fn page(
    app: &AppState,
    request: &PageRequest,
    csrf: &str,
    next: String,
    problem: Option<String>,
) -> Result<Response, AppError> {
    let chrome = frame(app, request, request.locale.t("login-2fa-title"), "login").await?;
    let page = SecondStepPage {
        chrome,
        csrf: csrf.to_owned(),
        next,
        problem,
    };
    Ok(render(&page)?.into_response())
}

/// What a second step came to.
enum Step {
    Locked,
    Wrong,
    Passed,
    /// The pending sign-in ended meanwhile (finished in another tab).
    Gone,
}

/// `POST /login/2fa`.
pub async fn finish_second_step(
    State(app): State<AppState>,
    request: PageRequest,
    headers: HeaderMap,
    form: Result<Form<SecondStepForm>, FormRejection>,
) -> Result<Response, AppError> {
    let Ok(Form(form)) = form else {
        return Err(AppError::CsrfRejected);
    };
    let csrf = cookies::read(&headers, FORM_CSRF_COOKIE);
    auth::check_csrf(csrf, &form.csrf)?;
    let csrf = csrf.unwrap_or_default().to_owned();
    let Some(user) = pending_user(&app, &headers).await? else {
        return Ok(start_again(&request));
    };
    let pending = token::hash(cookies::read(&headers, PENDING_COOKIE).unwrap_or_default());
    let now = Utc::now().naive_utc();
    let code = form.code;
    let step = app
        .read(move |store| attempt_second_step(store, user, &pending, &code, now))
        .await?;
    let secure = cookies::secure(&app, &headers);
    let (status, problem) = match step {
        Step::Passed => {
            let mut response = start_session(&app, &headers, user, &form.next).await?;
            let set = response.headers_mut();
            set.append(header::SET_COOKIE, cookies::clear(PENDING_COOKIE, secure));
            set.append(header::SET_COOKIE, cookies::clear(FORM_CSRF_COOKIE, secure));
            return Ok(response);
        }
        Step::Gone => return Ok(start_again(&request)),
        Step::Locked => {
            let minutes = auth::LOCKOUT_WINDOW.num_minutes();
            let text = request
                .locale
                .t_args("login-locked", &[("minutes", minutes.into())]);
            (StatusCode::TOO_MANY_REQUESTS, text)
        }
        Step::Wrong => (
            StatusCode::UNPROCESSABLE_ENTITY,
            request.locale.t("twofa-code-wrong"),
        ),
    };
    let page = page(&app, &request, &csrf, form.next, Some(problem)).await?;
    Ok(with_form_token(status, page, &csrf, secure))
}

/// Checks the lockout, then the code, and records the attempt against the
/// account's e-mail, as a password attempt is.
fn attempt_second_step(
    store: &Store,
    user: UserId,
    pending: &str,
    code: &str,
    now: NaiveDateTime,
) -> Result<Step, StoreError> {
    let Some(account) = store.user(user)?.filter(|a| !a.disabled && a.totp_enabled) else {
        return Ok(Step::Gone);
    };
    let email = account.email;
    let failures = store.recent_failures(&email, now - auth::LOCKOUT_WINDOW)?;
    if failures >= auth::LOCKOUT_FAILURES {
        store.record_login_attempt(&email, now, false, None)?;
        let detail = format!("{email}: second step refused, locked after {failures} failures");
        auth::audit(store, now, AuditAction::LoginFailed, None, detail)?;
        return Ok(Step::Locked);
    }
    let secret = account.totp_secret.unwrap_or_default();
    let Some(factor) = two_factor::check(store, user, &secret, code, now)? else {
        store.record_login_attempt(&email, now, false, None)?;
        let detail = format!("{email}: wrong second-step code");
        auth::audit(store, now, AuditAction::LoginFailed, None, detail)?;
        return Ok(Step::Wrong);
    };
    if !store.end_pending_login(pending, now)? {
        return Ok(Step::Gone);
    }
    store.record_login_attempt(&email, now, true, None)?;
    let detail = format!("{email}: with {factor:?}");
    auth::audit(store, now, AuditAction::LoginSucceeded, Some(user), detail)?;
    Ok(Step::Passed)
}
