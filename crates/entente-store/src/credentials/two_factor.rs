//! The database side of two-factor sign-in: the per-user replay guard of
//! TOTP codes, and pending sign-ins waiting for their second step.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use entente_core::access::UserId;

use crate::schema::{pending_logins, users};
use crate::{Store, StoreError};

impl Store {
    /// Records that the user's TOTP code of time step `step` was accepted,
    /// in one statement: true when `step` is newer than every step accepted
    /// before, false when it is not (a replayed code) or the user is gone.
    pub fn accept_totp_step(&self, user: UserId, step: u64) -> Result<bool, StoreError> {
        let step = i64::try_from(step)
            .map_err(|_| StoreError::invalid(format!("TOTP step {step}: out of range")))?;
        let accepted = diesel::update(
            users::table.find(user.0).filter(
                users::totp_last_step
                    .is_null()
                    .or(users::totp_last_step.lt(step)),
            ),
        )
        .set(users::totp_last_step.eq(step))
        .execute(&mut *self.connection()?)?;
        Ok(accepted > 0)
    }

    /// Stores a sign-in awaiting its second step, under the hash of the
    /// token the browser keeps.
    pub fn create_pending_login(
        &self,
        token_hash: &str,
        user: UserId,
        now: NaiveDateTime,
        expires_at: NaiveDateTime,
    ) -> Result<(), StoreError> {
        if expires_at <= now {
            return Err(StoreError::invalid(
                "pending sign-in: expires before it is created",
            ));
        }
        diesel::insert_into(pending_logins::table)
            .values((
                pending_logins::token_hash.eq(token_hash),
                pending_logins::user_id.eq(user.0),
                pending_logins::created_at.eq(now),
                pending_logins::expires_at.eq(expires_at),
            ))
            .execute(&mut *self.connection()?)
            .map_err(|e| {
                if StoreError::is_unique_violation(&e) {
                    StoreError::conflict("a pending sign-in with this token exists already")
                } else {
                    e.into()
                }
            })?;
        Ok(())
    }

    /// The user of the pending sign-in with this hash, unless it expired.
    pub fn pending_login(
        &self,
        token_hash: &str,
        now: NaiveDateTime,
    ) -> Result<Option<UserId>, StoreError> {
        let user: Option<i64> = pending_logins::table
            .filter(pending_logins::token_hash.eq(token_hash))
            .filter(pending_logins::expires_at.gt(now))
            .select(pending_logins::user_id)
            .first(&mut *self.connection()?)
            .optional()?;
        Ok(user.map(UserId))
    }

    /// Ends a pending sign-in (finished or abandoned), and every expired
    /// one while at it; returns whether this one still existed, so two
    /// requests finishing the same sign-in cannot both succeed.
    pub fn end_pending_login(
        &self,
        token_hash: &str,
        now: NaiveDateTime,
    ) -> Result<bool, StoreError> {
        let mut conn = self.connection()?;
        diesel::delete(pending_logins::table.filter(pending_logins::expires_at.le(now)))
            .execute(&mut *conn)?;
        let ended = diesel::delete(pending_logins::table.find(token_hash)).execute(&mut *conn)?;
        Ok(ended > 0)
    }
}
