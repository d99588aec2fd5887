//! Sign-in attempts, shared by every server, for rate limiting and
//! temporary lockout.

use chrono::NaiveDateTime;
use diesel::dsl::{count_star, max};
use diesel::prelude::*;

use crate::schema::login_attempts;
use crate::{Store, StoreError};

impl Store {
    /// Records one sign-in attempt for `email` (whether or not an account
    /// has it, so probing unknown addresses is limited too).
    pub fn record_login_attempt(
        &self,
        email: &str,
        at: NaiveDateTime,
        succeeded: bool,
        ip: Option<&str>,
    ) -> Result<(), StoreError> {
        diesel::insert_into(login_attempts::table)
            .values((
                login_attempts::email.eq(email.trim().to_lowercase()),
                login_attempts::at.eq(at),
                login_attempts::succeeded.eq(succeeded),
                login_attempts::ip.eq(ip),
            ))
            .execute(&mut *self.connection()?)?;
        Ok(())
    }

    /// How many failed attempts `email` had at or after `since` and after
    /// its last successful sign-in: a success starts the count afresh.
    pub fn recent_failures(&self, email: &str, since: NaiveDateTime) -> Result<u32, StoreError> {
        let email = email.trim().to_lowercase();
        let mut conn = self.connection()?;
        let last_success: Option<NaiveDateTime> = login_attempts::table
            .filter(login_attempts::email.eq(&email))
            .filter(login_attempts::succeeded.eq(true))
            .select(max(login_attempts::at))
            .first(&mut *conn)?;
        let mut query = login_attempts::table
            .filter(login_attempts::email.eq(&email))
            .filter(login_attempts::succeeded.eq(false))
            .filter(login_attempts::at.ge(since))
            .select(count_star())
            .into_boxed();
        if let Some(success) = last_success {
            query = query.filter(login_attempts::at.gt(success));
        }
        let failures: i64 = query.first(&mut *conn)?;
        Ok(u32::try_from(failures).unwrap_or(u32::MAX))
    }

    /// Deletes attempts older than `before`, which no limit looks at any
    /// more; returns how many.
    pub fn delete_login_attempts_before(&self, before: NaiveDateTime) -> Result<usize, StoreError> {
        Ok(
            diesel::delete(login_attempts::table.filter(login_attempts::at.lt(before)))
                .execute(&mut *self.connection()?)?,
        )
    }
}
