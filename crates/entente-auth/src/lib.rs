//! Entente's account security primitives: password hashing and policy,
//! random tokens that are stored only as hashes, TOTP second factors with
//! recovery codes, and CSRF tokens.
//!
//! Everything here is pure and synchronous: no database, no clock, no
//! network. Storage keeps what these functions return (PHC strings, token
//! hashes, TOTP secrets); the web layer decides when to call them, and runs
//! the deliberately slow password functions on a blocking thread.

pub mod csrf;
pub mod error;
pub mod password;
pub mod recovery;
pub mod token;
pub mod totp;

pub use error::AuthError;
pub use password::PasswordProblem;
pub use token::Secret;
pub use totp::TotpSecret;
