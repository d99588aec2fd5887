//! User accounts, their memberships of organisations, and the access scope
//! built from them.

use chrono::Utc;
use diesel::prelude::*;
use entente_core::access::UserId;

use super::UserAccount;
use super::rows::{NewUserRow, UserRow};
use crate::schema::{sessions, users};
use crate::{Store, StoreError, transaction};

/// E-mail addresses are compared lower-case and without surrounding spaces,
/// so `Ana@Example.org ` signs in as `ana@example.org`.
pub(crate) fn normalise_email(email: &str) -> Result<String, StoreError> {
    let email = email.trim().to_lowercase();
    match email.split_once('@') {
        Some((local, domain))
            if !local.is_empty() && !domain.is_empty() && !email.contains(char::is_whitespace) =>
        {
            Ok(email)
        }
        _ => Err(StoreError::invalid(format!(
            "e-mail {email:?}: not an e-mail address"
        ))),
    }
}

pub(crate) fn user_not_found(user: UserId) -> StoreError {
    StoreError::not_found(format!("user {user}"))
}

/// Sets columns of one account; a missing account is an error rather than
/// a silent no-op. (A macro: diesel's update types are unwieldy to name.)
macro_rules! update_user {
    ($store:expr, $user:expr, $values:expr) => {{
        let changed = diesel::update(users::table.find($user.0))
            .set($values)
            .execute(&mut *$store.connection()?)?;
        if changed == 0 {
            Err(user_not_found($user))
        } else {
            Ok(())
        }
    }};
}

impl Store {
    /// Creates an account without a password (set later through a one-time
    /// link). Refused with [`StoreError::Conflict`] when the e-mail is taken.
    pub fn create_user(&self, email: &str, display_name: &str) -> Result<UserId, StoreError> {
        let email = normalise_email(email)?;
        let row = NewUserRow {
            email: &email,
            display_name: display_name.trim(),
            site_admin: false,
            totp_enabled: false,
            created_at: Utc::now().naive_utc(),
            disabled: false,
        };
        let id = diesel::insert_into(users::table)
            .values(&row)
            .returning(users::id)
            .get_result::<i64>(&mut *self.connection()?)
            .map_err(|e| {
                if StoreError::is_unique_violation(&e) {
                    StoreError::conflict(format!("e-mail {email:?}: another account has it"))
                } else {
                    e.into()
                }
            })?;
        Ok(UserId(id))
    }

    /// The account with this id, secrets included.
    pub fn user(&self, user: UserId) -> Result<Option<UserAccount>, StoreError> {
        let row = users::table
            .find(user.0)
            .select(UserRow::as_select())
            .first(&mut *self.connection()?)
            .optional()?;
        Ok(row.map(UserAccount::from))
    }

    /// The account with this e-mail (any case), secrets included: what
    /// sign-in checks a password against.
    pub fn user_by_email(&self, email: &str) -> Result<Option<UserAccount>, StoreError> {
        let email = email.trim().to_lowercase();
        let row = users::table
            .filter(users::email.eq(email))
            .select(UserRow::as_select())
            .first(&mut *self.connection()?)
            .optional()?;
        Ok(row.map(UserAccount::from))
    }

    /// Stores a password hash (computed by the caller) for the account.
    pub fn set_password_hash(&self, user: UserId, hash: &str) -> Result<(), StoreError> {
        update_user!(self, user, users::password_hash.eq(Some(hash)))
    }

    /// Makes the account a site administrator, or no longer one.
    pub fn set_site_admin(&self, user: UserId, site_admin: bool) -> Result<(), StoreError> {
        update_user!(self, user, users::site_admin.eq(site_admin))
    }

    /// Stores the TOTP secret and whether two-factor sign-in is on: during
    /// enrolment the secret is stored first, then enabled once the user has
    /// typed a valid code. `None` removes it; enabling without a secret is
    /// [`StoreError::Invalid`].
    pub fn set_totp(
        &self,
        user: UserId,
        secret: Option<&str>,
        enabled: bool,
    ) -> Result<(), StoreError> {
        if enabled && secret.is_none() {
            return Err(StoreError::invalid(
                "two-factor sign-in: cannot be enabled without a secret",
            ));
        }
        update_user!(
            self,
            user,
            (
                users::totp_secret.eq(secret),
                users::totp_enabled.eq(enabled)
            )
        )
    }

    /// Disables or re-enables an account; disabling also ends its sessions.
    pub fn set_disabled(&self, user: UserId, disabled: bool) -> Result<(), StoreError> {
        let mut conn = self.connection()?;
        transaction::write(&mut conn, |conn| {
            let changed = diesel::update(users::table.find(user.0))
                .set(users::disabled.eq(disabled))
                .execute(conn)?;
            if changed == 0 {
                return Err(user_not_found(user));
            }
            if disabled {
                diesel::delete(sessions::table.filter(sessions::user_id.eq(user.0)))
                    .execute(conn)?;
            }
            Ok(())
        })
    }
}
