//! Sign-in sessions: looked up by the hash of the cookie's token, ended
//! after an idle period or at an absolute time, whichever comes first.

use chrono::{NaiveDateTime, TimeDelta};
use diesel::prelude::*;
use entente_core::access::UserId;

use crate::connection::DbConnection;
use crate::schema::{sessions, users};
use crate::{Store, StoreError, transaction};

/// Writing `last_seen_at` on every request would queue every reader behind
/// SQLite's write lock; a minute's precision is plenty for idle timeouts.
const TOUCH_AFTER: TimeDelta = TimeDelta::minutes(1);

/// A session to open at sign-in.
#[derive(Debug, Clone)]
pub struct NewSession<'a> {
    pub user: UserId,
    /// SHA-256 (hex) of the token set in the cookie.
    pub id_hash: &'a str,
    /// Sent back with every form, checked on every state-changing request.
    pub csrf_token: &'a str,
    pub user_agent: Option<&'a str>,
    /// UTC.
    pub now: NaiveDateTime,
    /// The session ends this long after its last use...
    pub idle: TimeDelta,
    /// ...and this long after it began, whatever happens.
    pub absolute: TimeDelta,
}

/// An open session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub id_hash: String,
    pub user: UserId,
    pub created_at: NaiveDateTime,
    pub last_seen_at: NaiveDateTime,
    pub idle: TimeDelta,
    pub expires_at: NaiveDateTime,
    pub csrf_token: String,
    pub user_agent: Option<String>,
}

impl Session {
    /// Whether the session is over at `now`, idle or past its end.
    pub fn is_expired(&self, now: NaiveDateTime) -> bool {
        now >= self.expires_at || now >= self.last_seen_at + self.idle
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = sessions)]
struct SessionRow {
    id_hash: String,
    user_id: i64,
    created_at: NaiveDateTime,
    last_seen_at: NaiveDateTime,
    idle_seconds: i64,
    expires_at: NaiveDateTime,
    csrf_token: String,
    user_agent: Option<String>,
}

impl From<SessionRow> for Session {
    fn from(row: SessionRow) -> Self {
        Session {
            id_hash: row.id_hash,
            user: UserId(row.user_id),
            created_at: row.created_at,
            last_seen_at: row.last_seen_at,
            idle: TimeDelta::seconds(row.idle_seconds),
            expires_at: row.expires_at,
            csrf_token: row.csrf_token,
            user_agent: row.user_agent,
        }
    }
}

impl From<&Session> for SessionRow {
    fn from(session: &Session) -> Self {
        SessionRow {
            id_hash: session.id_hash.clone(),
            user_id: session.user.0,
            created_at: session.created_at,
            last_seen_at: session.last_seen_at,
            idle_seconds: session.idle.num_seconds(),
            expires_at: session.expires_at,
            csrf_token: session.csrf_token.clone(),
            user_agent: session.user_agent.clone(),
        }
    }
}

fn insert(conn: &mut DbConnection, session: &Session) -> Result<(), StoreError> {
    diesel::insert_into(sessions::table)
        .values(SessionRow::from(session))
        .execute(conn)
        .map_err(|e| {
            if StoreError::is_unique_violation(&e) {
                StoreError::conflict("a session with this token exists already")
            } else {
                e.into()
            }
        })?;
    Ok(())
}

/// The session if it is open at `now` and its account enabled; an expired
/// one is deleted on the way.
fn open_session(
    conn: &mut DbConnection,
    id_hash: &str,
    now: NaiveDateTime,
) -> Result<Option<Session>, StoreError> {
    let row = sessions::table
        .inner_join(users::table)
        .filter(sessions::id_hash.eq(id_hash))
        .filter(users::disabled.eq(false))
        .select(SessionRow::as_select())
        .first(conn)
        .optional()?;
    let Some(session) = row.map(Session::from) else {
        return Ok(None);
    };
    if session.is_expired(now) {
        diesel::delete(sessions::table.find(id_hash)).execute(conn)?;
        return Ok(None);
    }
    Ok(Some(session))
}

impl Store {
    /// Opens a session. Refused with [`StoreError::Invalid`] when a timeout
    /// is not positive (or below a second).
    pub fn create_session(&self, new: &NewSession<'_>) -> Result<Session, StoreError> {
        if new.idle < TimeDelta::seconds(1) || new.absolute < TimeDelta::seconds(1) {
            return Err(StoreError::invalid(
                "session timeouts: the idle and absolute timeouts must be at least a second",
            ));
        }
        let session = Session {
            id_hash: new.id_hash.to_owned(),
            user: new.user,
            created_at: new.now,
            last_seen_at: new.now,
            idle: new.idle,
            expires_at: new.now + new.absolute,
            csrf_token: new.csrf_token.to_owned(),
            user_agent: new.user_agent.map(str::to_owned),
        };
        insert(&mut *self.connection()?, &session)?;
        Ok(session)
    }

    /// The session whose token hashes to `id_hash`, if it is still open at
    /// `now` and its account is enabled; `None` otherwise (and an expired
    /// session is deleted). Marks the session as used now.
    pub fn session(
        &self,
        id_hash: &str,
        now: NaiveDateTime,
    ) -> Result<Option<Session>, StoreError> {
        let mut conn = self.connection()?;
        let Some(mut session) = open_session(&mut conn, id_hash, now)? else {
            return Ok(None);
        };
        if now - session.last_seen_at >= TOUCH_AFTER {
            diesel::update(sessions::table.find(id_hash))
                .set(sessions::last_seen_at.eq(now))
                .execute(&mut *conn)?;
            session.last_seen_at = now;
        }
        Ok(Some(session))
    }

    /// Replaces an open session by one under a new token and CSRF token,
    /// keeping its user, idle timeout and absolute end: for a change of
    /// privilege such as completing two-factor sign-in. `None` when the old
    /// session is not open.
    pub fn rotate_session(
        &self,
        old_hash: &str,
        new_hash: &str,
        new_csrf: &str,
        now: NaiveDateTime,
    ) -> Result<Option<Session>, StoreError> {
        let mut conn = self.connection()?;
        transaction::write(&mut conn, |conn| {
            let Some(old) = open_session(conn, old_hash, now)? else {
                return Ok(None);
            };
            diesel::delete(sessions::table.find(old_hash)).execute(conn)?;
            let rotated = Session {
                id_hash: new_hash.to_owned(),
                csrf_token: new_csrf.to_owned(),
                created_at: now,
                last_seen_at: now,
                ..old
            };
            insert(conn, &rotated)?;
            Ok(Some(rotated))
        })
    }

    /// Ends one session (sign-out); returns whether it existed.
    pub fn delete_session(&self, id_hash: &str) -> Result<bool, StoreError> {
        let deleted =
            diesel::delete(sessions::table.find(id_hash)).execute(&mut *self.connection()?)?;
        Ok(deleted > 0)
    }

    /// Ends every session of a user (sign-out everywhere, a password
    /// change); returns how many there were.
    pub fn delete_sessions_of(&self, user: UserId) -> Result<usize, StoreError> {
        Ok(
            diesel::delete(sessions::table.filter(sessions::user_id.eq(user.0)))
                .execute(&mut *self.connection()?)?,
        )
    }

    /// Deletes the sessions past their absolute end at `now` (idle ones go
    /// when next looked up, or at their end); returns how many.
    pub fn delete_expired_sessions(&self, now: NaiveDateTime) -> Result<usize, StoreError> {
        Ok(
            diesel::delete(sessions::table.filter(sessions::expires_at.le(now)))
                .execute(&mut *self.connection()?)?,
        )
    }
}
