//! The errors of this crate that are not a user's fault: a hash that could not
//! be computed, a stored secret that cannot be read.

/// A failure of the account security machinery itself.
///
/// A wrong password or code is not an error (those functions answer `false`
/// or `None`), and a password the policy refuses is a
/// [`PasswordProblem`](crate::PasswordProblem).
#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    /// Argon2 could not hash the password (for example the operating system
    /// gave no random salt, or memory ran out).
    #[error("could not hash the password with Argon2id: {0}")]
    Hashing(argon2::password_hash::Error),
    /// A stored TOTP secret is not the base32 text of at least 128 bits.
    #[error("invalid TOTP secret: {reason}")]
    InvalidTotpSecret {
        /// What is wrong with it, without repeating the secret.
        reason: &'static str,
    },
}
