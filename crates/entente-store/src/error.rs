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
    /// A stored value that the domain types reject: the database was changed
    /// outside Entente.
    #[error("the database holds a value Entente cannot read: {what}")]
    Corrupt { what: String },
}

impl StoreError {
    pub(crate) fn integrity(what: impl Into<String>) -> Self {
        StoreError::Integrity { what: what.into() }
    }

    pub(crate) fn corrupt(what: impl Into<String>) -> Self {
        StoreError::Corrupt { what: what.into() }
    }
}
