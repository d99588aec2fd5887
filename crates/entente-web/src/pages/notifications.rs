//! `/notifications`: the signed-in user's list of the coordination
//! findings that concern their organisations (as the job worker last
//! gathered them, newest first, with read marks), and `/account/notifications`:
//! the e-mail digest's frequency and language. Both need a session.

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::extract::rejection::FormRejection;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use entente_core::notification::Digest;
use serde::Deserialize;

use super::account::{sign_in_first, signed_in, signed_in_form};
use super::chrome::{Chrome, PageRequest};
use super::{frame, render};
use crate::api::notifications::parse_preferences;
use crate::auth::Viewer;
use crate::error::AppError;
use crate::locale::Locale;
use crate::notifications::rows::{NoticeRow, notice_rows};
use crate::state::AppState;
use crate::views::actions::Lookups;

/// The most notifications the page lists.
const SHOWN: usize = 300;

#[derive(Template)]
#[template(path = "notifications.html")]
pub struct NotificationsPage {
    pub chrome: Chrome,
    pub csrf: String,
    pub rows: Vec<NoticeRow>,
    /// "3 unread".
    pub unread: String,
    pub unread_only: bool,
    /// When the findings were last gathered, in words; `None` before the
    /// first time.
    pub gathered: Option<String>,
    /// The deadline feed's address, without a token.
    pub feed_url: String,
    /// The joint actions proposed to the user's organisations that await
    /// its decision (an editor or admin of the invited organisation).
    pub proposals: Vec<crate::pages::board::proposals::ProposalRow>,
}

/// `GET /notifications[?show=unread]`.
pub async fn show_notifications(
    State(app): State<AppState>,
    request: PageRequest,
    viewer: Viewer,
) -> Result<Response, AppError> {
    let Some(me) = signed_in(&viewer) else {
        return Ok(sign_in_first(&request));
    };
    let unread_only = request.params.get("show") == Some("unread");
    let scope = viewer.scope.clone();
    let user = me.account.user;
    // Read only: the job worker gathers the findings (a look at the whole
    // plan takes seconds at a million actions).
    let (list, gathered, lookups, proposals) = app
        .read(move |store| {
            let list = store.notifications(&scope, unread_only, SHOWN)?;
            let gathered = store.notifications_refreshed_at(user)?;
            let lookups = Lookups::load(store, &scope)?;
            let proposals = store.joint_proposals(&scope)?;
            Ok::<_, entente_store::StoreError>((list, gathered, lookups, proposals))
        })
        .await?;
    let locale = request.locale;
    let gathered = gathered.map(|at| {
        locale.t_args(
            "notifications-looked",
            &[
                ("date", locale.date(at.date()).into()),
                ("time", at.format("%H:%M").to_string().into()),
            ],
        )
    });
    let chrome = frame(
        &app,
        &request,
        locale.t("notifications-title"),
        "notifications",
    )
    .await?;
    let page = NotificationsPage {
        rows: notice_rows(&chrome, &lookups, &list),
        unread: locale.count("notifications-unread-count", list.unread),
        unread_only,
        gathered,
        feed_url: app.public_link(&format!(
            "/api/v1/calendar/deadlines.ics?lang={}&token=ent_…",
            locale.code()
        )),
        csrf: me.csrf,
        proposals: (proposals.iter())
            .map(|p| crate::pages::board::proposals::proposal_row(p, &viewer.scope, &chrome))
            .filter(|row| row.to_decide)
            .collect(),
        chrome,
    };
    Ok(render(&page)?.into_response())
}

#[derive(Debug, Default, Deserialize)]
pub struct ReadForm {
    #[serde(default)]
    csrf: String,
    /// One notification; all of them when absent.
    id: Option<i64>,
}

/// `POST /notifications/read`: marks one notification (`id`) or all read.
pub async fn mark_read(
    State(app): State<AppState>,
    request: PageRequest,
    viewer: Viewer,
    form: Result<Form<ReadForm>, FormRejection>,
) -> Result<Response, AppError> {
    let Ok(Form(form)) = form else {
        return Err(AppError::CsrfRejected);
    };
    let me = signed_in_form(&viewer, &form.csrf)?;
    let user = me.account.user;
    let now = Utc::now().naive_utc();
    let ids = form.id.map(|id| vec![id]);
    app.read(move |store| store.mark_notifications_read(user, ids.as_deref(), now))
        .await?;
    let lang = request.locale.code();
    Ok(Redirect::to(&format!("/notifications?lang={lang}")).into_response())
}

#[derive(Template)]
#[template(path = "notification_preferences.html")]
pub struct PreferencesPage {
    pub chrome: Chrome,
    pub csrf: String,
    pub saved: bool,
    /// (code, label, chosen).
    pub digests: Vec<(&'static str, String, bool)>,
    pub languages: Vec<(&'static str, &'static str, bool)>,
}

/// `GET /account/notifications`: the digest settings; a user who never
/// chose sees the digest off, in the language of the page.
pub async fn show_preferences(
    State(app): State<AppState>,
    request: PageRequest,
    viewer: Viewer,
) -> Result<Response, AppError> {
    let Some(me) = signed_in(&viewer) else {
        return Ok(sign_in_first(&request));
    };
    let user = me.account.user;
    let saved = app
        .read(move |store| store.notification_preferences(user))
        .await?;
    let locale = request.locale;
    let (digest, language) = match saved {
        Some(p) => (p.digest, p.language),
        None => (Digest::Off, locale.code().to_owned()),
    };
    let chrome = frame(
        &app,
        &request,
        locale.t("notifications-preferences-title"),
        "notifications",
    )
    .await?;
    let page = PreferencesPage {
        saved: request.params.get("saved") == Some("1"),
        digests: Digest::ALL
            .into_iter()
            .map(|d| {
                let key = format!("notifications-digest-{}", d.code());
                (d.code(), locale.t(&key), d == digest)
            })
            .collect(),
        languages: Locale::ALL
            .into_iter()
            .map(|l| (l.code(), l.endonym(), l.code() == language))
            .collect(),
        csrf: me.csrf,
        chrome,
    };
    Ok(render(&page)?.into_response())
}

#[derive(Debug, Default, Deserialize)]
pub struct PreferencesForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    digest: String,
    #[serde(default)]
    language: String,
}

/// `POST /account/notifications`.
pub async fn update_preferences(
    State(app): State<AppState>,
    request: PageRequest,
    viewer: Viewer,
    form: Result<Form<PreferencesForm>, FormRejection>,
) -> Result<Response, AppError> {
    let Ok(Form(form)) = form else {
        return Err(AppError::CsrfRejected);
    };
    let me = signed_in_form(&viewer, &form.csrf)?;
    let preferences = parse_preferences(&form.digest, &form.language)?;
    let user = me.account.user;
    let now = Utc::now().naive_utc();
    app.read(move |store| store.set_notification_preferences(user, &preferences, now))
        .await?;
    let lang = request.locale.code();
    Ok(Redirect::to(&format!("/account/notifications?lang={lang}&saved=1")).into_response())
}
