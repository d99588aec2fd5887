//! `GET /audit`: the audit log for organisation admins (entries about
//! their organisations) and the site admin (all), filtered by organisation
//! and action, newest first, 100 a page.

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use entente_core::access::can_administer;
use entente_store::AuditAction;

use super::chrome::{Chrome, PageRequest, encode};
use super::{frame, render};
use crate::auth::Viewer;
use crate::error::AppError;
use crate::state::AppState;
use crate::views::audit::{self, AuditEntryView, AuditQuery};

#[derive(Template)]
#[template(path = "audit.html")]
pub struct AuditLogPage {
    pub chrome: Chrome,
    pub entries: Vec<AuditEntryView>,
    /// The organisations to filter by, short name first; and the chosen one.
    pub orgs: Vec<(String, String)>,
    pub org: String,
    pub actions: Vec<&'static str>,
    pub action: String,
    pub newer: Option<String>,
    pub older: Option<String>,
}

/// Refuses readers who administer nothing.
pub fn check_reader(viewer: &Viewer) -> Result<(), AppError> {
    if viewer.account.is_none() {
        return Err(AppError::Unauthenticated);
    }
    if !audit::may_read(&viewer.scope) {
        return Err(AppError::Forbidden(
            "the audit log is for organisation admins".to_owned(),
        ));
    }
    Ok(())
}

/// `GET /audit`
pub async fn show_audit(
    State(app): State<AppState>,
    request: PageRequest,
    viewer: Viewer,
) -> Result<Response, AppError> {
    check_reader(&viewer)?;
    let query = AuditQuery::parse(&request.params)?;
    let scope = viewer.scope.clone();
    let (log, orgs) = {
        let query = query.clone();
        app.read(move |store| {
            let log = audit::read(store, &scope, &query)?;
            let orgs: Vec<(String, String)> = store
                .organisations(&scope)?
                .into_iter()
                .filter(|o| can_administer(&scope, o.id))
                .map(|o| (o.short_name, o.name))
                .collect();
            Ok::<_, entente_store::StoreError>((log, orgs))
        })
        .await?
    };
    let log = log?;
    let link = |page: u32| {
        let mut pairs = request.params.without(&["page"]);
        pairs.push(("page".to_owned(), page.to_string()));
        format!("/audit?{}", encode(&pairs))
    };
    let page = AuditLogPage {
        chrome: frame(&app, &request, request.locale.t("audit-title"), "audit").await?,
        newer: (log.page > 1).then(|| link(log.page - 1)),
        older: log.more.then(|| link(log.page + 1)),
        entries: log.entries,
        orgs,
        org: query.org.unwrap_or_default(),
        actions: AuditAction::ALL.iter().map(|a| a.code()).collect(),
        action: query
            .action
            .map(|a| a.code().to_owned())
            .unwrap_or_default(),
    };
    Ok(render(&page)?.into_response())
}
