//! What can go wrong in the store, worded for the person who has to fix it.

use diesel::r2d2;

/// Why a store operation failed. Every write is one transaction, so an error
/// from a write means nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database URL cannot be used.
    #[error("DATABASE_URL: {0}")]
    Config(String),
    /// The database named by the URL could not be reached or opened.
    #[error("cannot open the database {target}: {source}")]
    Connection {
        /// The URL or path, with any password hidden.
        target: String,
        #[source]
        source: diesel::ConnectionError,
    },
    /// No pooled connection became free in time, or a new one could not be made.
    #[error("no database connection available: {0}")]
    Pool(#[from] r2d2::PoolError),
    #[error("cannot apply the database migrations: {0}")]
    Migration(#[source] Box<dyn std::error::Error + Send + Sync>),
    #[error("database query failed: {0}")]
    Query(#[from] diesel::result::Error),
    /// Input that would break the data's integrity (an event for an unknown
    /// state, a duplicate); refused as a whole.
    #[error("refused, nothing was written: {what}")]
    Integrity { what: String },
    /// The input is malformed (a short name that is not a slug, an e-mail
    /// without `@`, a visibility the record cannot have); the message names
    /// the field.
    #[error("{what}")]
    Invalid { what: String },
    /// A record's fields break its rules: every broken field, named, so a
    /// form can show each message beside its field.
    #[error("{}", fields_message(.errors))]
    Fields {
        errors: Vec<entente_core::plan::FieldError>,
    },
    /// The input clashes with a stored row (a short name or e-mail taken,
    /// a member added twice).
    #[error("{what}")]
    Conflict { what: String },
    /// The record does not exist, or the access scope may not see it: the
    /// two answer alike so that nothing leaks.
    #[error("{what} not found")]
    NotFound { what: String },
    /// The scope sees the record but may not do this to it.
    #[error("not allowed: {what}")]
    Forbidden { what: String },
    /// A stored value that the domain types reject: the database was changed
    /// outside Entente.
    #[error("the database holds a value Entente cannot read: {what}")]
    Corrupt { what: String },
}

impl StoreError {
    pub(crate) fn integrity(what: impl Into<String>) -> Self {
        StoreError::Integrity { what: what.into() }
    }

    pub(crate) fn invalid(what: impl Into<String>) -> Self {
        StoreError::Invalid { what: what.into() }
    }

    pub(crate) fn conflict(what: impl Into<String>) -> Self {
        StoreError::Conflict { what: what.into() }
    }

    pub(crate) fn not_found(what: impl Into<String>) -> Self {
        StoreError::NotFound { what: what.into() }
    }

    pub(crate) fn forbidden(what: impl Into<String>) -> Self {
        StoreError::Forbidden { what: what.into() }
    }

    /// True when a query failed on a UNIQUE or PRIMARY KEY constraint.
    pub(crate) fn is_unique_violation(error: &diesel::result::Error) -> bool {
        matches!(
            error,
            diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                _
            )
        )
    }

    pub(crate) fn corrupt(what: impl Into<String>) -> Self {
        StoreError::Corrupt { what: what.into() }
    }
}

fn fields_message(errors: &[entente_core::plan::FieldError]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}
