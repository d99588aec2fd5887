//! The public portal: server-rendered pages in English, French and Spanish.
//! Handlers read views, translate them into page rows and render a template.

pub mod account;
pub mod actions;
pub mod alliances;
pub mod assets;
pub mod audit;
pub mod board;
pub mod brief;
pub mod chrome;
pub mod confirm;
pub mod consultations;
pub mod contacts;
pub mod dashboard;
pub mod errors;
pub mod implementation;
pub mod imports;
pub mod invitations;
pub mod notifications;
pub mod npm;
pub mod org_settings;
pub mod orgs;
pub mod password;
pub mod recommendations;
pub mod search;
pub mod second_step;
pub mod signals;
pub mod signin;
pub mod spt_visits;
pub mod states;
pub mod treaties;

use askama::Template;
use axum::response::Html;

use crate::error::AppError;
use crate::extract::AsOf;
use crate::state::AppState;
use crate::views::read;
use chrome::{Chrome, PageRequest};

/// Renders a page; a template failure is a bug, logged as a 500.
pub fn render(page: &impl Template) -> Result<Html<String>, AppError> {
    page.render().map(Html).map_err(AppError::internal)
}

/// The frame of a page that shows no treaty status (sign-in, account):
/// today's date in the as-of bar unless the reader chose another.
pub async fn frame(
    app: &AppState,
    request: &PageRequest,
    title: String,
    section: &'static str,
) -> Result<Chrome, AppError> {
    let provenance = read::provenance(app).await?;
    let as_of = AsOf::parse(request.params.get("as_of")).unwrap_or_else(|_| AsOf::today());
    Ok(Chrome::new(request, as_of, &provenance, title, section))
}
