//! API tokens: shown once to their user, stored hashed, revocable, each
//! with a scope (read or read-write).

use chrono::NaiveDateTime;
use diesel::prelude::*;
use entente_core::access::{TokenScope, UserId};

use crate::accounts::rows::stored_code;
use crate::schema::{api_tokens, users};
use crate::{Store, StoreError};

/// A token as its user sees it in their list (never the token itself).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiToken {
    pub id: i64,
    pub name: String,
    pub scope: TokenScope,
    pub created_at: NaiveDateTime,
    pub last_used_at: Option<NaiveDateTime>,
    pub revoked_at: Option<NaiveDateTime>,
}

type TokenColumns = (
    i64,
    String,
    String,
    NaiveDateTime,
    Option<NaiveDateTime>,
    Option<NaiveDateTime>,
);

impl Store {
    /// Stores a new token's hash under a name its user chose; returns its id.
    pub fn create_api_token(
        &self,
        user: UserId,
        name: &str,
        token_hash: &str,
        scope: TokenScope,
        now: NaiveDateTime,
    ) -> Result<i64, StoreError> {
        if name.trim().is_empty() {
            return Err(StoreError::invalid("token name: must not be blank"));
        }
        let id = diesel::insert_into(api_tokens::table)
            .values((
                api_tokens::user_id.eq(user.0),
                api_tokens::name.eq(name.trim()),
                api_tokens::token_hash.eq(token_hash),
                api_tokens::scope.eq(scope.code()),
                api_tokens::created_at.eq(now),
            ))
            .returning(api_tokens::id)
            .get_result::<i64>(&mut *self.connection()?)
            .map_err(|e| {
                if StoreError::is_unique_violation(&e) {
                    StoreError::conflict("a token with this hash exists already")
                } else {
                    e.into()
                }
            })?;
        Ok(id)
    }

    /// The user and scope of the token whose hash this is, unless it is
    /// revoked or its account disabled. Records the use.
    pub fn api_token(
        &self,
        token_hash: &str,
        now: NaiveDateTime,
    ) -> Result<Option<(UserId, TokenScope)>, StoreError> {
        let mut conn = self.connection()?;
        let found: Option<(i64, i64, String)> = api_tokens::table
            .inner_join(users::table)
            .filter(api_tokens::token_hash.eq(token_hash))
            .filter(api_tokens::revoked_at.is_null())
            .filter(users::disabled.eq(false))
            .select((api_tokens::id, api_tokens::user_id, api_tokens::scope))
            .first(&mut *conn)
            .optional()?;
        let Some((id, user, scope)) = found else {
            return Ok(None);
        };
        let scope = stored_code("api_tokens", id, "scope", &scope)?;
        diesel::update(api_tokens::table.find(id))
            .set(api_tokens::last_used_at.eq(now))
            .execute(&mut *conn)?;
        Ok(Some((UserId(user), scope)))
    }

    /// Revokes one of the user's own tokens; returns whether a live token of
    /// theirs had this id.
    pub fn revoke_api_token(
        &self,
        user: UserId,
        id: i64,
        now: NaiveDateTime,
    ) -> Result<bool, StoreError> {
        let revoked = diesel::update(
            api_tokens::table
                .filter(api_tokens::id.eq(id))
                .filter(api_tokens::user_id.eq(user.0))
                .filter(api_tokens::revoked_at.is_null()),
        )
        .set(api_tokens::revoked_at.eq(now))
        .execute(&mut *self.connection()?)?;
        Ok(revoked > 0)
    }

    /// The user's tokens, revoked ones included, the newest first.
    pub fn api_tokens_of(&self, user: UserId) -> Result<Vec<ApiToken>, StoreError> {
        let rows: Vec<TokenColumns> = api_tokens::table
            .filter(api_tokens::user_id.eq(user.0))
            .order(api_tokens::id.desc())
            .select((
                api_tokens::id,
                api_tokens::name,
                api_tokens::scope,
                api_tokens::created_at,
                api_tokens::last_used_at,
                api_tokens::revoked_at,
            ))
            .load(&mut *self.connection()?)?;
        rows.into_iter()
            .map(|(id, name, scope, created_at, last_used_at, revoked_at)| {
                Ok(ApiToken {
                    id,
                    scope: stored_code("api_tokens", id, "scope", &scope)?,
                    name,
                    created_at,
                    last_used_at,
                    revoked_at,
                })
            })
            .collect()
    }
}
