//! Invitations to join an organisation: an admin creates one
//! (`POST /orgs/{short}/invitations`) and copies the one-time link shown
//! once; whoever holds the invited e-mail follows it
//! (`GET/POST /invitations/{token}`) after signing in.
//!
//! Nothing is mailed yet: the admin sends the link themselves. A used or
//! expired link answers like a missing page.

use askama::Template;
use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{NaiveDateTime, TimeDelta, Utc};
use entente_auth::Secret;
use entente_core::access::{AccessScope, OrgId, Role, UserId};
use entente_store::{AuditAction, AuditEntry, LinkPurpose, NewLink, Store, StoreError};
use serde::Deserialize;

use super::chrome::{Chrome, PageRequest};
use super::orgs::{Notes, checked_session, org_page};
use super::signin::CsrfForm;
use super::{frame, render};
use crate::auth::Viewer;
use crate::error::AppError;
use crate::state::AppState;

/// How long an invitation link works.
pub const INVITATION_VALID: TimeDelta = TimeDelta::days(7);

#[derive(Template)]
#[template(path = "invitation_created.html")]
pub struct CreatedPage {
    pub chrome: Chrome,
    pub link: String,
    pub email: String,
    pub role: String,
    pub org_name: String,
    /// The organisation's page, in the reader's language.
    pub back: String,
    pub expires: String,
}

#[derive(Template)]
#[template(path = "invitation.html")]
pub struct InvitationPage {
    pub chrome: Chrome,
    pub org_name: String,
    pub role: String,
    pub expires: String,
    /// Where signing in leads back here; set for anonymous visitors.
    pub sign_in_href: Option<String>,
    /// Set when the signed-in user's e-mail is not the invited one.
    pub other_email: bool,
    pub csrf: String,
}

#[derive(Debug, Default, Deserialize)]
pub struct InviteForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
}

/// `POST /orgs/{short}/invitations`: an admin invites an e-mail address
/// with a role; the next page shows the link, once.
pub async fn create_invitation(
    State(app): State<AppState>,
    Path(short): Path<String>,
    request: PageRequest,
    viewer: Viewer,
    form: Result<Form<InviteForm>, FormRejection>,
) -> Result<Response, AppError> {
    let Ok(Form(form)) = form else {
        return Err(AppError::CsrfRejected);
    };
    checked_session(&viewer, &form.csrf)?;
    let locale = request.locale;
    let email = form.email.trim().to_lowercase();
    let role = form.role.parse::<Role>();
    let problem = if !plausible_email(&email) {
        Some(locale.t("invite-email-invalid"))
    } else if role.is_err() {
        Some(locale.t("org-role-invalid"))
    } else {
        None
    };
    let role = match (role, problem) {
        (Ok(role), None) => role,
        (_, problem) => {
            return invite_refused(&app, &request, &viewer, short, email, problem).await;
        }
    };
    let secret = Secret::generate();
    let now = Utc::now().naive_utc();
    let created = {
        let (scope, short, email, hash) = (
            viewer.scope.clone(),
            short.clone(),
            email.clone(),
            secret.hash(),
        );
        app.read(move |store| store_invitation(store, &scope, &short, &email, role, &hash, now))
            .await??
    };
    let chrome = frame(&app, &request, locale.t("invite-created-title"), "orgs").await?;
    let page = CreatedPage {
        back: chrome.href(&format!("/orgs/{short}")),
        chrome,
        link: app.public_link(&format!("/invitations/{}", secret.as_str())),
        role: locale.t(&format!("role-{}", role.code())),
        expires: locale.date((now + INVITATION_VALID).date()),
        org_name: created,
        email,
    };
    Ok(render(&page)?.into_response())
}

/// An address an invitation could reach: something@somewhere, no spaces.
fn plausible_email(email: &str) -> bool {
    match email.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty() && domain.contains('.') && !email.contains(char::is_whitespace)
        }
        None => false,
    }
}

async fn invite_refused(
    app: &AppState,
    request: &PageRequest,
    viewer: &Viewer,
    short: String,
    email: String,
    problem: Option<String>,
) -> Result<Response, AppError> {
    let notes = Notes {
        invite: problem,
        invite_email: email,
        ..Notes::default()
    };
    let status = StatusCode::UNPROCESSABLE_ENTITY;
    org_page(app, request, viewer, short, status, notes).await
}

/// Stores the link and logs it; returns the organisation's name.
fn store_invitation(
    store: &Store,
    scope: &AccessScope,
    short: &str,
    email: &str,
    role: Role,
    hash: &str,
    now: NaiveDateTime,
) -> Result<Result<String, AppError>, StoreError> {
    let Some(org) = store.organisation_by_short_name(scope, short)? else {
        return Ok(Err(AppError::OrgNotFound(short.to_owned())));
    };
    let link = NewLink {
        token_hash: hash,
        purpose: LinkPurpose::Invitation,
        user: None,
        org: Some(org.id),
        role: Some(role),
        email,
        now,
        expires_at: now + INVITATION_VALID,
    };
    if let Err(e) = store.create_link(scope, &link) {
        return Ok(Err(AppError::refused(
            e,
            AppError::OrgNotFound(short.to_owned()),
        )));
    }
    let entry = AuditEntry {
        actor_user: scope.user(),
        org: Some(org.id),
        record_kind: Some("invitation".to_owned()),
        detail: format!("{email} invited as {role}"),
        ..AuditEntry::new(now, AuditAction::InvitationCreated)
    };
    store.append_audit(&entry)?;
    Ok(Ok(org.name))
}

/// What a live invitation is for.
struct Offer {
    org_name: String,
    role: Role,
    email: String,
    expires_at: NaiveDateTime,
}

/// The live invitation behind `token`, if any. The organisation is named
/// whatever its directory entry's visibility: the invitation itself lets
/// its holder know who invites them.
fn offer(store: &Store, token: &str, now: NaiveDateTime) -> Result<Option<Offer>, StoreError> {
    let Some(link) = store.peek_link(&entente_auth::token::hash(token), now)? else {
        return Ok(None);
    };
    let (LinkPurpose::Invitation, Some(org), Some(role)) = (link.purpose, link.org, link.role)
    else {
        return Ok(None);
    };
    Ok(org_name(store, org)?.map(|org_name| Offer {
        org_name,
        role,
        email: link.email,
        expires_at: link.expires_at,
    }))
}

fn org_name(store: &Store, org: OrgId) -> Result<Option<String>, StoreError> {
    // Read unfiltered, as the instance and not the visitor (see `offer`);
    // the scope's user is not used by a directory read.
    let instance = AccessScope::SiteAdmin(UserId::NOBODY);
    Ok(store.organisation(&instance, org)?.map(|o| o.name))
}

/// `GET /invitations/{token}`: what the invitation is for; the accept
/// button for the invited user, a sign-in link for anonymous visitors.
pub async fn show_invitation(
    State(app): State<AppState>,
    Path(token): Path<String>,
    request: PageRequest,
    viewer: Viewer,
) -> Result<Response, AppError> {
    let now = Utc::now().naive_utc();
    let found = {
        let token = token.clone();
        app.read(move |store| offer(store, &token, now)).await?
    };
    let Some(offer) = found else {
        return Err(AppError::NotFound(request.path.clone()));
    };
    let locale = request.locale;
    let session = viewer.session();
    let here = format!("/invitations/{token}");
    let sign_in_href = session.is_none().then(|| {
        let next: String = form_urlencoded::byte_serialize(here.as_bytes()).collect();
        format!("/login?lang={}&next={next}", locale.code())
    });
    let other_email = session.is_some_and(|(account, _, _)| account.email != offer.email);
    let page = InvitationPage {
        chrome: frame(&app, &request, locale.t("invitation-title"), "orgs").await?,
        role: locale.t(&format!("role-{}", offer.role.code())),
        expires: locale.date(offer.expires_at.date()),
        org_name: offer.org_name,
        sign_in_href,
        other_email,
        csrf: session
            .map(|(_, _, csrf)| csrf.to_owned())
            .unwrap_or_default(),
    };
    let status = if other_email {
        StatusCode::FORBIDDEN
    } else {
        StatusCode::OK
    };
    Ok((status, render(&page)?).into_response())
}

/// `POST /invitations/{token}`: the invited user joins; the link is spent.
pub async fn accept_invitation(
    State(app): State<AppState>,
    Path(token): Path<String>,
    request: PageRequest,
    viewer: Viewer,
    form: Result<Form<CsrfForm>, FormRejection>,
) -> Result<Response, AppError> {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    checked_session(&viewer, &form.csrf)?;
    let Some((account, _, _)) = viewer.session() else {
        return Err(AppError::CsrfRejected);
    };
    let user = account.user;
    let now = Utc::now().naive_utc();
    let missing = AppError::NotFound(request.path.clone());
    let joined = app
        .read(move |store| join(store, &token, user, now))
        .await?
        .map_err(|e| AppError::refused(e, missing.clone()))?;
    let Some(short) = joined else {
        return Err(missing);
    };
    let lang = request.locale.code();
    Ok(Redirect::to(&format!("/orgs/{short}?lang={lang}")).into_response())
}

/// Accepts the invitation and logs it; the new member's organisation's
/// short name, or `None` when the link is dead.
fn join(
    store: &Store,
    token: &str,
    user: UserId,
    now: NaiveDateTime,
) -> Result<Result<Option<String>, StoreError>, StoreError> {
    let hash = entente_auth::token::hash(token);
    let (org, role) = match store.accept_invitation(&hash, user, now) {
        Ok(Some(joined)) => joined,
        Ok(None) => return Ok(Ok(None)),
        Err(e @ (StoreError::Forbidden { .. } | StoreError::NotFound { .. })) => {
            return Ok(Err(e));
        }
        Err(e) => return Err(e),
    };
    let entry = AuditEntry {
        actor_user: Some(user),
        org: Some(org),
        record_kind: Some("membership".to_owned()),
        record_id: Some(user.0),
        detail: format!("joined as {role}"),
        ..AuditEntry::new(now, AuditAction::InvitationAccepted)
    };
    store.append_audit(&entry)?;
    let scope = store.member_scope(user)?;
    Ok(Ok(store.organisation(&scope, org)?.map(|o| o.short_name)))
}
