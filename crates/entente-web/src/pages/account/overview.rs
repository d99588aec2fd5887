//! `GET /account`: who I am, my organisations and roles, my API tokens,
//! my sessions and whether two-factor sign-in is on.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use entente_core::access::UserId;
use entente_store::{ApiToken, Membership};

use super::{SignedIn, sign_in_first, signed_in};
use crate::auth::Viewer;
use crate::error::AppError;
use crate::locale::Locale;
use crate::pages::chrome::{Chrome, PageRequest};
use crate::pages::{frame, render};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "account.html")]
pub struct AccountPage {
    pub chrome: Chrome,
    pub csrf: String,
    pub signed_in_as: String,
    pub site_admin: bool,
    pub memberships: Vec<MembershipRow>,
    pub tokens: Vec<TokenRow>,
    pub totp_enabled: bool,
    pub recovery_left: String,
    /// The token form as posted back with a problem, or empty.
    pub token_name: String,
    pub token_name_problem: Option<String>,
}

pub struct MembershipRow {
    pub org: String,
    pub short_name: String,
    pub role: String,
}

pub struct TokenRow {
    pub id: i64,
    pub name: String,
    pub scope: String,
    pub created: String,
    pub last_used: String,
}

/// What the account page shows, read in one go.
struct Standing {
    site_admin: bool,
    totp_enabled: bool,
    recovery_left: u32,
    memberships: Vec<Membership>,
    tokens: Vec<ApiToken>,
}

async fn standing(app: &AppState, user: UserId) -> Result<Standing, AppError> {
    app.read(move |store| {
        let account = store.user(user)?;
        Ok::<_, entente_store::StoreError>(Standing {
            site_admin: account.as_ref().is_some_and(|a| a.site_admin),
            totp_enabled: account.as_ref().is_some_and(|a| a.totp_enabled),
            recovery_left: store.recovery_codes_left(user)?,
            memberships: store.memberships_of(user)?,
            tokens: store.api_tokens_of(user)?,
        })
    })
    .await
}

/// `GET /account`.
pub async fn show_account(
    State(app): State<AppState>,
    request: PageRequest,
    viewer: Viewer,
) -> Result<Response, AppError> {
    let Some(me) = signed_in(&viewer) else {
        return Ok(sign_in_first(&request));
    };
    account_page(&app, &request, &me, String::new(), None).await
}

/// The account page; with a `token_name_problem` it answers 422, the token
/// form showing what was typed.
pub async fn account_page(
    app: &AppState,
    request: &PageRequest,
    me: &SignedIn,
    token_name: String,
    token_name_problem: Option<String>,
) -> Result<Response, AppError> {
    let locale = request.locale;
    let standing = standing(app, me.account.user).await?;
    let chrome = frame(app, request, locale.t("account-title"), "account").await?;
    let signed_in_as = locale.t_args(
        "account-signed-in-as",
        &[
            ("name", me.account.display_name.clone().into()),
            ("email", me.account.email.clone().into()),
        ],
    );
    let status = if token_name_problem.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let page = AccountPage {
        chrome,
        csrf: me.csrf.clone(),
        signed_in_as,
        site_admin: standing.site_admin,
        memberships: membership_rows(locale, standing.memberships),
        tokens: token_rows(locale, standing.tokens),
        totp_enabled: standing.totp_enabled,
        recovery_left: locale.count("account-2fa-recovery-left", standing.recovery_left as usize),
        token_name,
        token_name_problem,
    };
    Ok((status, render(&page)?).into_response())
}

fn membership_rows(locale: Locale, memberships: Vec<Membership>) -> Vec<MembershipRow> {
    memberships
        .into_iter()
        .map(|m| MembershipRow {
            org: m.name,
            short_name: m.short_name,
            role: locale.t(&format!("role-{}", m.role.code())),
        })
        .collect()
}

/// The live tokens only: a revoked token is of no further use to its owner.
fn token_rows(locale: Locale, tokens: Vec<ApiToken>) -> Vec<TokenRow> {
    tokens
        .into_iter()
        .filter(|t| t.revoked_at.is_none())
        .map(|t| TokenRow {
            id: t.id,
            name: t.name,
            scope: locale.t(&format!("token-scope-{}", t.scope.code())),
            created: locale.date(t.created_at.date()),
            last_used: t.last_used_at.map_or_else(
                || locale.t("account-never-used"),
                |at| locale.date(at.date()),
            ),
        })
        .collect()
}
