//! Signing in and out: `GET/POST /login` and `POST /logout`.
//!
//! Sign-in never says whether an account exists: a wrong password and an
//! unknown e-mail get the same page, after the same Argon2 work, and the
//! lockout counts attempts per e-mail address whether or not an account has
//! it. Attempts are counted in the database, so the limit holds across
//! every server sharing it.

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::extract::rejection::FormRejection;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{NaiveDateTime, Utc};
use entente_auth::{Secret, csrf, password, token};
use entente_core::access::UserId;
use entente_store::{AuditAction, NewSession, Store, StoreError};
use serde::Deserialize;

use super::chrome::{Chrome, PageRequest};
use super::{frame, render};
use crate::auth::{self, FORM_CSRF_COOKIE, SESSION_COOKIE, Viewer, cookies};
use crate::error::AppError;
use crate::state::AppState;

#[derive(Template)]
#[template(path = "login.html")]
pub struct LoginPage {
    pub chrome: Chrome,
    pub csrf: String,
    pub next: String,
    pub email: String,
    pub problem: Option<String>,
    pub notice: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    next: String,
}

/// A form carrying only its CSRF token.
#[derive(Debug, Default, Deserialize)]
pub struct CsrfForm {
    #[serde(default)]
    pub csrf: String,
}

/// The double-submit token of an anonymous form: the one the browser holds
/// already (so several tabs agree), or a new one.
pub fn form_token(headers: &HeaderMap) -> String {
    cookies::read(headers, FORM_CSRF_COOKIE)
        .map_or_else(|| csrf::generate().as_str().to_owned(), str::to_owned)
}

/// Answers with `page`, setting the anonymous form's CSRF cookie to `token`.
pub fn with_form_token(status: StatusCode, page: Response, token: &str, secure: bool) -> Response {
    let cookie = cookies::set(FORM_CSRF_COOKIE, token, auth::SESSION_IDLE, secure);
    (status, [(header::SET_COOKIE, cookie)], page).into_response()
}

/// `GET /login`: the sign-in form; `?next=` is where to go afterwards.
pub async fn show_login(
    State(app): State<AppState>,
    request: PageRequest,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let token = form_token(&headers);
    let notice = match request.params.get("notice") {
        Some("password_set") => Some(request.locale.t("login-notice-password-set")),
        _ => None,
    };
    let next = request.params.get("next").unwrap_or_default().to_owned();
    let page = login_page(&app, &request, &token, next, String::new(), None, notice).await?;
    let secure = cookies::secure(&app, &headers);
    Ok(with_form_token(StatusCode::OK, page, &token, secure))
}

async fn login_page(
    app: &AppState,
    request: &PageRequest,
    token: &str,
    next: String,
    email: String,
    problem: Option<String>,
    notice: Option<String>,
) -> Result<Response, AppError> {
    let chrome = frame(app, request, request.locale.t("login-title"), "login").await?;
    let page = LoginPage {
        chrome,
        csrf: token.to_owned(),
        next,
        email,
        problem,
        notice,
    };
    Ok(render(&page)?.into_response())
}

/// What a sign-in attempt came to.
enum Attempt {
    Locked,
    Wrong,
    Succeeded(UserId),
    /// The password is right and the account has two-factor sign-in on.
    SecondStep(UserId),
}

/// `POST /login`.
pub async fn sign_in(
    State(app): State<AppState>,
    request: PageRequest,
    headers: HeaderMap,
    form: Result<Form<LoginForm>, FormRejection>,
) -> Result<Response, AppError> {
    // A body that is not a form carries no CSRF token either.
    let Ok(Form(form)) = form else {
        return Err(AppError::CsrfRejected);
    };
    let token = cookies::read(&headers, FORM_CSRF_COOKIE);
    auth::check_csrf(token, &form.csrf)?;
    let token = token.unwrap_or_default().to_owned();
    let now = Utc::now().naive_utc();
    let email = form.email.trim().to_lowercase();
    let attempt = {
        let email = email.clone();
        app.read(move |store| attempt_sign_in(store, &email, &form.password, now))
            .await?
    };
    let secure = cookies::secure(&app, &headers);
    let user = match attempt {
        Attempt::Succeeded(user) => user,
        Attempt::SecondStep(user) => {
            return super::second_step::begin(&app, &request, &headers, user, &form.next).await;
        }
        Attempt::Locked | Attempt::Wrong => {
            let (status, problem) = if matches!(attempt, Attempt::Locked) {
                let minutes = auth::LOCKOUT_WINDOW.num_minutes();
                let text = request
                    .locale
                    .t_args("login-locked", &[("minutes", minutes.into())]);
                (StatusCode::TOO_MANY_REQUESTS, text)
            } else {
                (
                    StatusCode::UNPROCESSABLE_ENTITY,
                    request.locale.t("login-wrong"),
                )
            };
            let page = login_page(
                &app,
                &request,
                &token,
                form.next,
                email,
                Some(problem),
                None,
            )
            .await?;
            return Ok(with_form_token(status, page, &token, secure));
        }
    };
    start_session(&app, &headers, user, &form.next).await
}

/// Signs `user` in: a new session (ending whatever session the browser
/// held), its cookie, and a redirect to `next` if it is on this site.
pub async fn start_session(
    app: &AppState,
    headers: &HeaderMap,
    user: UserId,
    next: &str,
) -> Result<Response, AppError> {
    let secure = cookies::secure(app, headers);
    let now = Utc::now().naive_utc();
    // Rotation: whatever session the browser held before is ended.
    let previous = cookies::read(headers, SESSION_COOKIE).map(token::hash);
    let user_agent = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let session = Secret::generate();
    let id_hash = session.hash();
    app.read(move |store| {
        if let Some(previous) = previous {
            store.delete_session(&previous)?;
        }
        store.create_session(&NewSession {
            user,
            id_hash: &id_hash,
            csrf_token: csrf::generate().as_str(),
            user_agent: user_agent.as_deref(),
            now,
            idle: auth::SESSION_IDLE,
            absolute: auth::SESSION_ABSOLUTE,
        })
    })
    .await?;
    let next = auth::same_site_path(next).unwrap_or("/account");
    let mut response = Redirect::to(next).into_response();
    let set = response.headers_mut();
    set.append(
        header::SET_COOKIE,
        cookies::set(
            SESSION_COOKIE,
            session.as_str(),
            auth::SESSION_ABSOLUTE,
            secure,
        ),
    );
    set.append(header::SET_COOKIE, cookies::clear(FORM_CSRF_COOKIE, secure));
    Ok(response)
}

/// Checks the lockout, then the password, and records the attempt; runs
/// on a blocking thread, Argon2 included.
fn attempt_sign_in(
    store: &Store,
    email: &str,
    password: &str,
    now: NaiveDateTime,
) -> Result<Attempt, StoreError> {
    let failures = store.recent_failures(email, now - auth::LOCKOUT_WINDOW)?;
    if failures >= auth::LOCKOUT_FAILURES {
        // The password is not even checked, for known and unknown addresses alike.
        store.record_login_attempt(email, now, false, None)?;
        let detail = format!("{email}: refused, locked after {failures} failures");
        auth::audit(store, now, AuditAction::LoginFailed, None, detail)?;
        return Ok(Attempt::Locked);
    }
    let account = store
        .user_by_email(email)?
        .filter(|a| !a.disabled)
        .and_then(|a| a.password_hash.map(|hash| (a.id, hash, a.totp_enabled)));
    let user = match account {
        Some((id, hash, two_factor)) => {
            let right = password::verify(password, &hash);
            if right && two_factor {
                // Not a success yet: the lockout keeps counting until the
                // second step passes, so a known password does not reset it.
                return Ok(Attempt::SecondStep(id));
            }
            right.then_some(id)
        }
        None => {
            password::dummy_verify();
            None
        }
    };
    store.record_login_attempt(email, now, user.is_some(), None)?;
    match user {
        Some(id) => {
            auth::audit(
                store,
                now,
                AuditAction::LoginSucceeded,
                Some(id),
                email.to_owned(),
            )?;
            Ok(Attempt::Succeeded(id))
        }
        None => {
            let detail = format!("{email}: wrong e-mail or password");
            auth::audit(store, now, AuditAction::LoginFailed, None, detail)?;
            Ok(Attempt::Wrong)
        }
    }
}

/// `POST /logout`: ends this session.
pub async fn sign_out(
    State(app): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    form: Result<Form<CsrfForm>, FormRejection>,
) -> Result<Response, AppError> {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let secure = cookies::secure(&app, &headers);
    if let Some((account, id_hash, csrf_token)) = viewer.session() {
        auth::check_csrf(Some(csrf_token), &form.csrf)?;
        let (user, id_hash) = (account.user, id_hash.to_owned());
        let now = Utc::now().naive_utc();
        app.read(move |store| {
            store.delete_session(&id_hash)?;
            auth::audit(store, now, AuditAction::Logout, Some(user), String::new())
        })
        .await?;
    }
    let mut response = Redirect::to("/").into_response();
    response
        .headers_mut()
        .append(header::SET_COOKIE, cookies::clear(SESSION_COOKIE, secure));
    Ok(response)
}

/// `POST /account/sessions/logout-everywhere`: ends every session of the
/// user, on every device, this one included.
pub async fn sign_out_everywhere(
    State(app): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    form: Result<Form<CsrfForm>, FormRejection>,
) -> Result<Response, AppError> {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let Some((account, _, csrf_token)) = viewer.session() else {
        return Err(AppError::CsrfRejected);
    };
    auth::check_csrf(Some(csrf_token), &form.csrf)?;
    let user = account.user;
    let now = Utc::now().naive_utc();
    app.read(move |store| {
        let ended = store.delete_sessions_of(user)?;
        let detail = format!("{ended} sessions ended");
        auth::audit(
            store,
            now,
            AuditAction::LogoutEverywhere,
            Some(user),
            detail,
        )
    })
    .await?;
    let secure = cookies::secure(&app, &headers);
    let mut response = Redirect::to("/login").into_response();
    response
        .headers_mut()
        .append(header::SET_COOKIE, cookies::clear(SESSION_COOKIE, secure));
    Ok(response)
}
