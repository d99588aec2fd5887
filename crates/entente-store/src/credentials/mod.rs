//! What proves who someone is, kept in the database so every server shares
//! it: sessions, API tokens, login attempts, one-time links and recovery
//! codes. Secrets arrive already hashed (SHA-256 hex for random tokens, a
//! password hash for codes); the store never sees them in clear.
//!
//! Moments that decide expiry are passed in as `now` (UTC), so the caller
//! owns the clock and tests can move it.

mod attempts;
mod links;
mod recovery;
mod sessions;
mod tokens;
mod two_factor;

pub use links::{Link, LinkPurpose, NewLink};
pub use sessions::{NewSession, Session};
pub use tokens::ApiToken;
