//! The public portal: server-rendered pages in English, French and Spanish.
//! Handlers read views, translate them into page rows and render a template.

pub mod assets;
pub mod chrome;
pub mod dashboard;
pub mod errors;
pub mod states;
pub mod treaties;

use askama::Template;
use axum::response::Html;

use crate::error::AppError;

/// Renders a page; a template failure is a bug, logged as a 500.
pub fn render(page: &impl Template) -> Result<Html<String>, AppError> {
    page.render().map(Html).map_err(AppError::internal)
}
