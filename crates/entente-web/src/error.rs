//! The one error type of the web layer. It answers the API with
//! `{"error": {"code", "message"}}` under a stable snake_case code; the
//! portal's error middleware turns the same value into a translated page.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use entente_core::plan::FieldError;
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
    /// Hidden and missing organisations answer alike.
    #[error("no organisation has the short name {0:?}")]
    OrgNotFound(String),
    /// Hidden and missing alliances answer alike.
    #[error("no alliance has the id {0:?}")]
    AllianceNotFound(String),
    /// Hidden and missing actions answer alike.
    #[error("no action has the id {0:?}")]
    ActionNotFound(String),
    /// Hidden and missing contacts answer alike.
    #[error("no contact has the id {0:?}")]
    ContactNotFound(String),
    /// Hidden and missing consultations answer alike.
    #[error("no consultation has the number {0:?}")]
    ConsultationNotFound(String),
    /// The reader sees the record but their role does not allow the change.
    #[error("not allowed: {0}")]
    Forbidden(String),
    /// A submitted field cannot be used; the message says why.
    #[error("field {field}: {reason}")]
    InvalidField { field: &'static str, reason: String },
    /// A record broke its rules: every refused field, each with its code
    /// and message, so a client can show each beside its field.
    #[error("{}", fields_message(.0))]
    InvalidFields(Vec<FieldError>),
    /// The change clashes with what is stored (a member added twice, the
    /// last admin removed).
    #[error("conflict: {0}")]
    Conflict(String),
    #[error("parameter as_of: {0:?} is not a date of the form YYYY-MM-DD")]
    InvalidAsOf(String),
    #[error("parameter {name}: {reason}")]
    InvalidParameter { name: &'static str, reason: String },
    /// The route needs a signed-in user or an API token.
    #[error("sign in or send an API token (Authorization: Bearer ent_...)")]
    Unauthenticated,
    /// The bearer token is unknown, revoked or its account disabled.
    #[error("the API token is not valid: unknown, revoked, or its account is disabled")]
    InvalidToken,
    /// A read-only token asked to change something.
    #[error("this API token is read-only: {0} needs a read-write token")]
    TokenReadOnly(String),
    /// A form came back without the token of the session or sign-in form.
    #[error("the form's security token is missing or wrong: reload the page and try again")]
    CsrfRejected,
    /// The instance makes administrators use two-factor sign-in, and this
    /// one has not turned it on yet.
    #[error(
        "this instance requires administrators to turn on two-factor sign-in (on the account page) before they use the API"
    )]
    TwoFactorRequired,
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
            AppError::OrgNotFound(_) => "org_not_found",
            AppError::AllianceNotFound(_) => "alliance_not_found",
            AppError::ActionNotFound(_) => "action_not_found",
            AppError::ContactNotFound(_) => "contact_not_found",
            AppError::ConsultationNotFound(_) => "consultation_not_found",
            AppError::Forbidden(_) => "forbidden",
            AppError::InvalidField { .. } => "invalid_field",
            AppError::InvalidFields(_) => "invalid_fields",
            AppError::Conflict(_) => "conflict",
            AppError::InvalidAsOf(_) => "invalid_as_of",
            AppError::InvalidParameter { .. } => "invalid_parameter",
            AppError::Unauthenticated => "unauthenticated",
            AppError::InvalidToken => "invalid_token",
            AppError::TokenReadOnly(_) => "token_read_only",
            AppError::CsrfRejected => "csrf_rejected",
            AppError::TwoFactorRequired => "two_factor_required",
            AppError::Internal(_) => "internal",
        }
    }

    pub fn status(&self) -> StatusCode {
        match self {
            AppError::StateNotFound(_)
            | AppError::TreatyNotFound(_)
            | AppError::NotFound(_)
            | AppError::OrgNotFound(_)
            | AppError::AllianceNotFound(_)
            | AppError::ActionNotFound(_)
            | AppError::ContactNotFound(_)
            | AppError::ConsultationNotFound(_) => StatusCode::NOT_FOUND,
            AppError::InvalidAsOf(_)
            | AppError::InvalidParameter { .. }
            | AppError::InvalidField { .. }
            | AppError::InvalidFields(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Forbidden(_) => StatusCode::FORBIDDEN,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::Unauthenticated | AppError::InvalidToken => StatusCode::UNAUTHORIZED,
            AppError::TokenReadOnly(_) | AppError::CsrfRejected | AppError::TwoFactorRequired => {
                StatusCode::FORBIDDEN
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
            | AppError::OrgNotFound(s)
            | AppError::AllianceNotFound(s)
            | AppError::ActionNotFound(s)
            | AppError::ContactNotFound(s)
            | AppError::ConsultationNotFound(s)
            | AppError::Forbidden(s)
            | AppError::Conflict(s)
            | AppError::InvalidAsOf(s)
            | AppError::TokenReadOnly(s) => s,
            AppError::InvalidParameter { name, .. } => name,
            AppError::InvalidField { field, .. } => field,
            AppError::InvalidFields(errors) => errors.first().map_or("", |e| e.field),
            AppError::Unauthenticated
            | AppError::InvalidToken
            | AppError::CsrfRejected
            | AppError::TwoFactorRequired
            | AppError::Internal(_) => "",
        }
    }

    pub fn internal(cause: impl std::fmt::Display) -> Self {
        AppError::Internal(cause.to_string())
    }

    /// A store refusal as the web's error: hidden or missing records become
    /// `missing`, so both answer alike; a database failure stays internal.
    pub fn refused(error: entente_store::StoreError, missing: AppError) -> Self {
        use entente_store::StoreError;
        match error {
            StoreError::NotFound { .. } => missing,
            StoreError::Forbidden { what } => AppError::Forbidden(what),
            StoreError::Conflict { what } => AppError::Conflict(what),
            StoreError::Fields { errors } => AppError::InvalidFields(errors),
            other => AppError::internal(other),
        }
    }
}

fn fields_message(errors: &[FieldError]) -> String {
    let each: Vec<String> = errors.iter().map(ToString::to_string).collect();
    format!("fields refused: {}", each.join("; "))
}

/// The body of every API error.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

/// What went wrong: a stable code for programs, a sentence for people.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorDetail {
    /// One of `state_not_found`, `treaty_not_found`, `not_found`,
    /// `org_not_found`, `alliance_not_found`, `contact_not_found`,
    /// `forbidden`, `invalid_field`, `conflict`, `invalid_as_of`,
    /// `invalid_parameter`, `unauthenticated`, `invalid_token`,
    /// `token_read_only`, `csrf_rejected`, `internal`, `action_not_found`,
    /// `invalid_fields`, `two_factor_required`, `consultation_not_found`.
    #[schema(example = "state_not_found")]
    pub code: String,
    /// What went wrong and where, in English.
    pub message: String,
    /// With `invalid_fields` only: every refused field.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fields: Option<Vec<FieldErrorBody>>,
}

/// One refused field of a record.
#[derive(Debug, Serialize, ToSchema)]
pub struct FieldErrorBody {
    /// The field as the API spells it: `title`, `end`, `partners`, `budget`.
    #[schema(example = "end")]
    pub field: String,
    /// Stable snake_case: `required`, `end_before_start`, `unknown_state`,
    /// `partner_is_lead`, `unknown_currency`, `negative`, ...
    #[schema(example = "end_before_start")]
    pub code: String,
    /// Why, in English.
    pub message: String,
}

impl From<&FieldError> for FieldErrorBody {
    fn from(error: &FieldError) -> Self {
        FieldErrorBody {
            field: error.field.to_owned(),
            code: error.code.to_owned(),
            message: error.message.clone(),
        }
    }
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
                fields: match &self {
                    AppError::InvalidFields(errors) => {
                        Some(errors.iter().map(FieldErrorBody::from).collect())
                    }
                    _ => None,
                },
            },
        };
        let mut response = (self.status(), Json(body)).into_response();
        if self.status() == StatusCode::UNAUTHORIZED {
            // RFC 6750: a 401 names the scheme that would be accepted.
            response.headers_mut().insert(
                axum::http::header::WWW_AUTHENTICATE,
                axum::http::HeaderValue::from_static("Bearer realm=\"entente\""),
            );
        }
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
