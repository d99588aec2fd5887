//! Two-factor recovery codes: each works once, in place of a TOTP code.

use chrono::NaiveDateTime;
use diesel::dsl::count_star;
use diesel::prelude::*;
use entente_core::access::UserId;

use crate::connection::DbConnection;
use crate::schema::recovery_codes;
use crate::{Store, StoreError, transaction};

impl Store {
    /// Replaces all of the user's recovery codes by these (their SHA-256 hashes),
    /// in one transaction: the old codes stop working.
    pub fn replace_recovery_codes(
        &self,
        user: UserId,
        code_hashes: &[String],
    ) -> Result<(), StoreError> {
        let mut conn = self.connection()?;
        transaction::write(&mut conn, |conn| {
            diesel::delete(recovery_codes::table.filter(recovery_codes::user_id.eq(user.0)))
                .execute(conn)?;
            for hash in code_hashes {
                insert_code(conn, user, hash)?;
            }
            Ok(())
        })
    }

    /// Uses the recovery code with this hash (SHA-256 hex of its canonical
    /// form): returns true and marks it used, or false when it is not one of
    /// the user's or was used already. One statement, so a code works once
    /// even when two requests race.
    pub fn use_recovery_code(
        &self,
        user: UserId,
        code_hash: &str,
        now: NaiveDateTime,
    ) -> Result<bool, StoreError> {
        let used = diesel::update(
            recovery_codes::table
                .filter(recovery_codes::user_id.eq(user.0))
                .filter(recovery_codes::code_hash.eq(code_hash))
                .filter(recovery_codes::used_at.is_null()),
        )
        .set(recovery_codes::used_at.eq(now))
        .execute(&mut *self.connection()?)?;
        Ok(used > 0)
    }

    /// How many unused recovery codes the user has left.
    pub fn recovery_codes_left(&self, user: UserId) -> Result<u32, StoreError> {
        let left: i64 = recovery_codes::table
            .filter(recovery_codes::user_id.eq(user.0))
            .filter(recovery_codes::used_at.is_null())
            .select(count_star())
            .first(&mut *self.connection()?)?;
        Ok(u32::try_from(left).unwrap_or(u32::MAX))
    }
}

fn insert_code(conn: &mut DbConnection, user: UserId, hash: &str) -> Result<(), StoreError> {
    diesel::insert_into(recovery_codes::table)
        .values((
            recovery_codes::user_id.eq(user.0),
            recovery_codes::code_hash.eq(hash),
        ))
        .execute(conn)
        .map_err(|e| {
            if StoreError::is_unique_violation(&e) {
                StoreError::invalid("recovery codes: the same code appears twice")
            } else {
                e.into()
            }
        })?;
    Ok(())
}
