//! The one error type of the web layer. It answers the API with
//! `{"error": {"code", "message"}}` under a stable snake_case code; the
//! portal's error middleware turns the same value into a translated page.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

/// What went wrong, by stable code. The message says what and where.
#[derive(Debug, Clone, thiserror::Error)]
pub enum AppError {
    #[error("no state has the ISO 3166-1 alpha-3 code {0:?}")]
    StateNotFound(String),
    #[error("no treaty has the identifier {0:?}")]
    TreatyNotFound(String),
    #[error("no page at {0}")]
    NotFound(String),
    #[error("parameter as_of: {0:?} is not a date of the form YYYY-MM-DD")]
    InvalidAsOf(String),
    #[error("parameter {name}: {reason}")]
    InvalidParameter { name: &'static str, reason: String },
    /// The cause is logged, never shown.
    #[error("internal error")]
    Internal(String),
}

impl AppError {
    pub fn code(&self) -> &'static str {
        match self {
            AppError::StateNotFound(_) => "state_not_found",
            AppError::TreatyNotFound(_) => "treaty_not_found",
            AppError::NotFound(_) => "not_found",
            AppError::InvalidAsOf(_) => "invalid_as_of",
            AppError::InvalidParameter { .. } => "invalid_parameter",
            AppError::Internal(_) => "internal",
        }
    }

    pub fn status(&self) -> StatusCode {
        match self {
            AppError::StateNotFound(_) | AppError::TreatyNotFound(_) | AppError::NotFound(_) => {
                StatusCode::NOT_FOUND
            }
            AppError::InvalidAsOf(_) | AppError::InvalidParameter { .. } => {
                StatusCode::UNPROCESSABLE_ENTITY
            }
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The offending value or parameter, for the translated page.
    pub fn subject(&self) -> &str {
        match self {
            AppError::StateNotFound(s)
            | AppError::TreatyNotFound(s)
            | AppError::NotFound(s)
            | AppError::InvalidAsOf(s) => s,
            AppError::InvalidParameter { name, .. } => name,
            AppError::Internal(_) => "",
        }
    }

    pub fn internal(cause: impl std::fmt::Display) -> Self {
        AppError::Internal(cause.to_string())
    }
}

/// The body of every API error.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorDetail {
    /// One of `state_not_found`, `treaty_not_found`, `not_found`,
    /// `invalid_as_of`, `invalid_parameter`, `internal`.
    #[schema(example = "state_not_found")]
    pub code: String,
    /// What went wrong and where, in English.
    pub message: String,
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        if let AppError::Internal(cause) = &self {
            tracing::error!(%cause, "request failed");
        }
        let body = ErrorBody {
            error: ErrorDetail {
                code: self.code().to_owned(),
                message: self.to_string(),
            },
        };
        let mut response = (self.status(), Json(body)).into_response();
        // The portal's middleware finds the error here and renders a page.
        response.extensions_mut().insert(self);
        response
    }
}

impl From<tokio::task::JoinError> for AppError {
    fn from(e: tokio::task::JoinError) -> Self {
        AppError::internal(e)
    }
}
