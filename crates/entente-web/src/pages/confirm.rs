//! The page that asks before a record is deleted: one heading naming the
//! record, what deleting it does, a button that posts (with the session's
//! CSRF token) and a way back. Every record kind with a delete route shows
//! it on `GET …/delete`, so a delete is never one stray click.

use askama::Template;
use axum::response::{IntoResponse, Response};

use crate::auth::Viewer;
use crate::error::AppError;
use crate::pages::actions::session_csrf;
use crate::pages::chrome::{Chrome, PageRequest};
use crate::pages::{frame, render};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "confirm_delete.html")]
pub struct ConfirmDeletePage {
    pub chrome: Chrome,
    pub heading: String,
    pub explain: String,
    pub confirm: String,
    /// Where the confirmation posts, without the language.
    pub target: String,
    /// Where "keep it" leads, without the language.
    pub back: String,
    pub csrf: String,
}

/// What a confirmation page says about the record to delete.
pub struct DeleteQuestion<'a> {
    /// The heading, already translated (it names the record).
    pub heading: String,
    /// The message id of the sentence saying what deleting does.
    pub explain: &'a str,
    /// The message id of the confirming button.
    pub confirm: &'a str,
    pub target: String,
    pub back: String,
    /// The navigation section the page belongs to.
    pub section: &'static str,
}

/// Renders the confirmation page for `question`.
pub async fn confirm_delete(
    app: &AppState,
    request: &PageRequest,
    viewer: &Viewer,
    question: DeleteQuestion<'_>,
) -> Result<Response, AppError> {
    let locale = request.locale;
    let page = ConfirmDeletePage {
        chrome: frame(app, request, question.heading.clone(), question.section).await?,
        heading: question.heading,
        explain: locale.t(question.explain),
        confirm: locale.t(question.confirm),
        target: question.target,
        back: question.back,
        csrf: session_csrf(viewer),
    };
    Ok(render(&page)?.into_response())
}
