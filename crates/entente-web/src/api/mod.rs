//! The JSON API under `/api/v1`: the same views as the portal, as JSON,
//! documented by the OpenAPI document generated from these handlers.

pub mod actions;
pub mod alliances;
pub mod audit;
pub mod calendar;
pub mod consultations;
pub mod contacts;
pub mod coordination;
pub mod exports;
pub mod implementation;
pub mod me;
pub mod notifications;
pub mod npm;
pub mod openapi;
pub mod orgs;
pub mod recommendations;
pub mod search;
pub mod states;
pub mod treaties;

use axum::extract::Request;

use crate::error::AppError;

/// `fallback` for unknown API addresses: a JSON 404, never the portal's page.
pub async fn show_not_found(request: Request) -> AppError {
    AppError::NotFound(request.uri().path().to_owned())
}
