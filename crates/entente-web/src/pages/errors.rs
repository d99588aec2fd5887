//! Error pages: the portal's middleware finds the [`AppError`] an HTML route
//! answered with and replaces its JSON body by a page in the reader's language.

use askama::Template;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use fluent_templates::fluent_bundle::FluentValue;

use super::chrome::{Chrome, PageRequest};
use crate::error::AppError;
use crate::extract::AsOf;
use crate::locale::Locale;
use crate::state::AppState;
use crate::views::read;

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub chrome: Chrome,
    pub message: String,
    pub status: String,
}

/// Middleware for the portal's routes.
pub async fn render_error_pages(
    State(app): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let locale = Locale::negotiate(request.uri().query(), request.headers());
    let page_request = PageRequest::new(request.uri(), locale, request.extensions());
    let response = next.run(request).await;
    let Some(error) = response.extensions().get::<AppError>().cloned() else {
        return response;
    };
    // The footer is worth a second try at the store, but not a second error.
    let provenance = read::provenance(&app).await.unwrap_or_default();
    error_page(&error, &page_request, &provenance)
}

/// `fallback` for unknown portal addresses.
pub async fn show_not_found(request: Request) -> AppError {
    AppError::NotFound(request.uri().path().to_owned())
}

fn error_page(error: &AppError, request: &PageRequest, provenance: &read::Provenance) -> Response {
    let locale = request.locale;
    // An invalid as_of cannot frame the page: show today's.
    let as_of = AsOf::parse(request.params.get("as_of")).unwrap_or_else(|_| AsOf::today());
    let heading = locale.t("error-heading");
    let page = ErrorPage {
        message: locale.t_args(
            &format!("error-{}", error.code()),
            &[("subject", FluentValue::from(error.subject().to_owned()))],
        ),
        status: error.status().to_string(),
        chrome: Chrome::new(request, as_of, provenance, heading, "error"),
    };
    match page.render() {
        Ok(html) => (error.status(), Html(html)).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "error page failed to render");
            (error.status(), error.to_string()).into_response()
        }
    }
}
