//! Two-factor sign-in from the account page: `GET /account/2fa` (enrolment
//! or management), `POST /account/2fa/enable`, `/disable` and
//! `/recovery-codes`.
//!
//! The secret being enrolled is kept on the account, not yet enabled, and
//! never taken back from the browser: the page only shows it.

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::extract::rejection::FormRejection;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use entente_auth::{TotpSecret, password};
use entente_core::access::UserId;
use entente_store::{AuditAction, Store, StoreError, UserAccount};
use serde::Deserialize;

use super::{SignedIn, sign_in_first, signed_in, signed_in_form};
use crate::auth::{self, Viewer, two_factor};
use crate::error::AppError;
use crate::pages::chrome::{Chrome, PageRequest};
use crate::pages::{frame, render};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "two_factor.html")]
pub struct TwoFactorPage {
    pub chrome: Chrome,
    pub csrf: String,
    pub required: bool,
    /// Enrolment: the key and its link; `None` when two-factor is on.
    pub enrolment: Option<Enrolment>,
    pub recovery_left: String,
    /// The problem of the form posted, by form: "enable", "regenerate", "disable".
    pub problem_form: &'static str,
    pub code_problem: Option<String>,
    pub password_problem: Option<String>,
}

pub struct Enrolment {
    pub secret: String,
    pub otpauth: String,
}

#[derive(Template)]
#[template(path = "recovery_codes.html")]
pub struct RecoveryCodesPage {
    pub chrome: Chrome,
    pub codes: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    code: String,
    #[serde(default)]
    password: String,
}

/// A form's problems, to show next to its fields.
#[derive(Default)]
struct Problems {
    form: &'static str,
    code: Option<String>,
    password: Option<String>,
}

/// The account as stored, with a pending secret made if enrolment needs
/// one (kept until enabled, so a reload or a second tab shows the same).
fn account_for_page(store: &Store, user: UserId) -> Result<Option<UserAccount>, StoreError> {
    let Some(account) = store.user(user)? else {
        return Ok(None);
    };
    if account.totp_enabled || account.totp_secret.is_some() {
        return Ok(Some(account));
    }
    let secret = TotpSecret::generate().to_base32();
    store.set_totp(user, Some(&secret), false)?;
    Ok(Some(UserAccount {
        totp_secret: Some(secret),
        ..account
    }))
}

/// `GET /account/2fa`.
pub async fn show_two_factor(
    State(app): State<AppState>,
    request: PageRequest,
    viewer: Viewer,
) -> Result<Response, AppError> {
    let Some(me) = signed_in(&viewer) else {
        return Ok(sign_in_first(&request));
    };
    two_factor_page(&app, &request, &me, Problems::default()).await
}

async fn two_factor_page(
    app: &AppState,
    request: &PageRequest,
    me: &SignedIn,
    problems: Problems,
) -> Result<Response, AppError> {
    let locale = request.locale;
    let user = me.account.user;
    let (account, left) = app
        .read(move |store| {
            let account = account_for_page(store, user)?;
            let left = store.recovery_codes_left(user)?;
            Ok::<_, StoreError>((account, left))
        })
        .await?;
    let account = account.ok_or(AppError::Unauthenticated)?;
    let enrolment = match (&account.totp_secret, account.totp_enabled) {
        (Some(secret), false) => TotpSecret::from_base32(secret).ok().map(|s| Enrolment {
            secret: s.to_base32(),
            otpauth: s.otpauth_url(two_factor::ISSUER, &account.email),
        }),
        _ => None,
    };
    let status = if problems.code.is_some() || problems.password.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let page = TwoFactorPage {
        chrome: frame(app, request, locale.t("twofa-title"), "account").await?,
        csrf: me.csrf.clone(),
        required: request.params.get("required").is_some(),
        enrolment,
        recovery_left: locale.count("account-2fa-recovery-left", left as usize),
        problem_form: problems.form,
        code_problem: problems.code,
        password_problem: problems.password,
    };
    let no_store = [(header::CACHE_CONTROL, "no-store")];
    Ok((status, no_store, render(&page)?).into_response())
}

async fn recovery_codes_page(
    app: &AppState,
    request: &PageRequest,
    codes: Vec<String>,
) -> Result<Response, AppError> {
    let chrome = frame(
        app,
        request,
        request.locale.t("twofa-recovery-title"),
        "account",
    )
    .await?;
    let page = RecoveryCodesPage { chrome, codes };
    let no_store = [(header::CACHE_CONTROL, "no-store")];
    Ok((StatusCode::OK, no_store, render(&page)?).into_response())
}

fn code_wrong(request: &PageRequest, form: &'static str) -> Problems {
    Problems {
        form,
        code: Some(request.locale.t("twofa-code-wrong")),
        password: None,
    }
}

/// `POST /account/2fa/enable`: a current code from the app turns two-factor
/// on and hands out recovery codes, shown once.
pub async fn enable_two_factor(
    State(app): State<AppState>,
    request: PageRequest,
    viewer: Viewer,
    form: Result<Form<CodeForm>, FormRejection>,
) -> Result<Response, AppError> {
    let Ok(Form(form)) = form else {
        return Err(AppError::CsrfRejected);
    };
    let me = signed_in_form(&viewer, &form.csrf)?;
    let user = me.account.user;
    let now = Utc::now().naive_utc();
    let codes = app
        .read(move |store| {
            let account = store.user(user)?;
            let Some(secret) = account.and_then(|a| a.totp_secret.filter(|_| !a.totp_enabled))
            else {
                return Ok(None);
            };
            if !two_factor::check_totp(store, user, &secret, &form.code, now)? {
                return Ok(None);
            }
            store.set_totp(user, Some(&secret), true)?;
            let codes = two_factor::new_recovery_codes(store, user)?;
            auth::audit(
                store,
                now,
                AuditAction::TotpEnabled,
                Some(user),
                String::new(),
            )?;
            Ok::<_, StoreError>(Some(codes))
        })
        .await?;
    match codes {
        Some(codes) => recovery_codes_page(&app, &request, codes).await,
        None => two_factor_page(&app, &request, &me, code_wrong(&request, "enable")).await,
    }
}

/// `POST /account/2fa/recovery-codes`: new codes for a current code.
pub async fn regenerate_recovery_codes(
    State(app): State<AppState>,
    request: PageRequest,
    viewer: Viewer,
    form: Result<Form<CodeForm>, FormRejection>,
) -> Result<Response, AppError> {
    let Ok(Form(form)) = form else {
        return Err(AppError::CsrfRejected);
    };
    let me = signed_in_form(&viewer, &form.csrf)?;
    let user = me.account.user;
    let now = Utc::now().naive_utc();
    let codes = app
        .read(move |store| {
            let Some(secret) = enabled_secret(store, user)? else {
                return Ok(None);
            };
            if two_factor::check(store, user, &secret, &form.code, now)?.is_none() {
                return Ok(None);
            }
            let codes = two_factor::new_recovery_codes(store, user)?;
            let action = AuditAction::RecoveryCodesReplaced;
            auth::audit(store, now, action, Some(user), String::new())?;
            Ok::<_, StoreError>(Some(codes))
        })
        .await?;
    match codes {
        Some(codes) => recovery_codes_page(&app, &request, codes).await,
        None => two_factor_page(&app, &request, &me, code_wrong(&request, "regenerate")).await,
    }
}

fn enabled_secret(
    store: &Store,
    user: entente_core::access::UserId,
) -> Result<Option<String>, StoreError> {
    Ok(store
        .user(user)?
        .filter(|a| a.totp_enabled)
        .and_then(|a| a.totp_secret))
}

/// What disabling came to.
enum Disabling {
    Done,
    WrongPassword,
    WrongCode,
}

/// `POST /account/2fa/disable`: needs the password and a current code or a
/// recovery code.
pub async fn disable_two_factor(
    State(app): State<AppState>,
    request: PageRequest,
    viewer: Viewer,
    form: Result<Form<CodeForm>, FormRejection>,
) -> Result<Response, AppError> {
    let Ok(Form(form)) = form else {
        return Err(AppError::CsrfRejected);
    };
    let me = signed_in_form(&viewer, &form.csrf)?;
    let user = me.account.user;
    let now = Utc::now().naive_utc();
    // Argon2 runs here, on the blocking thread of the store read.
    let outcome = app
        .read(move |store| {
            let Some(account) = store.user(user)?.filter(|a| a.totp_enabled) else {
                return Ok(Disabling::Done);
            };
            let hash = account.password_hash.unwrap_or_default();
            if !password::verify(&form.password, &hash) {
                return Ok(Disabling::WrongPassword);
            }
            let secret = account.totp_secret.unwrap_or_default();
            if two_factor::check(store, user, &secret, &form.code, now)?.is_none() {
                return Ok(Disabling::WrongCode);
            }
            store.set_totp(user, None, false)?;
            store.replace_recovery_codes(user, &[])?;
            auth::audit(
                store,
                now,
                AuditAction::TotpDisabled,
                Some(user),
                String::new(),
            )?;
            Ok::<_, StoreError>(Disabling::Done)
        })
        .await?;
    let problems = match outcome {
        Disabling::Done => {
            let lang = request.locale.code();
            return Ok(Redirect::to(&format!("/account?lang={lang}")).into_response());
        }
        Disabling::WrongPassword => Problems {
            form: "disable",
            code: None,
            password: Some(request.locale.t("twofa-password-wrong")),
        },
        Disabling::WrongCode => code_wrong(&request, "disable"),
    };
    two_factor_page(&app, &request, &me, problems).await
}
