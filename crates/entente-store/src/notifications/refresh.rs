//! Looking again for what concerns each user in the job worker, not when a
//! page is read: one look reads the whole plan the user may see, seconds at
//! a million actions, so the notification pages show what the last look
//! found and say when that was. A user is looked for again once the change
//! counter (anything a page shows) or the day (deadlines fall due) has moved
//! on since the last look.
//!
//! A worker takes a user's turn by writing the user's mark first, in a
//! write transaction (serialised on both backends), so with several servers
//! each look happens once. A worker that stops between taking the turn and
//! recording gives the turn back when it can (the mark is removed on an
//! error); one that dies leaves the look to the next change or the next day.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use entente_core::access::UserId;

use crate::schema::{memberships, notification_refreshes, users};
use crate::{Store, StoreError, transaction};

impl Store {
    /// The users due for a look on `as_of`: members of an organisation,
    /// not disabled, never looked for or last looked for before the latest
    /// change or on another day; by id.
    pub fn users_to_refresh(&self, as_of: NaiveDate) -> Result<Vec<UserId>, StoreError> {
        let count = self.change_count()?;
        let members: Vec<i64> = memberships::table
            .inner_join(users::table)
            .filter(users::disabled.eq(false))
            .select(memberships::user_id)
            .distinct()
            .order(memberships::user_id)
            .load(&mut *self.connection()?)?;
        let fresh: Vec<i64> = notification_refreshes::table
            .filter(notification_refreshes::change_count.eq(count))
            .filter(notification_refreshes::as_of.eq(as_of))
            .select(notification_refreshes::user_id)
            .order(notification_refreshes::user_id)
            .load(&mut *self.connection()?)?;
        Ok(members
            .into_iter()
            .filter(|user| fresh.binary_search(user).is_err())
            .map(UserId)
            .collect())
    }

    /// Looks again for what concerns `user` (see
    /// [`Store::refresh_notifications`]) unless that was done since the
    /// latest change on `as_of` or another worker has just taken the turn;
    /// returns how many findings are new, `None` when it was not this
    /// caller's turn.
    pub fn refresh_if_due(
        &self,
        user: UserId,
        as_of: NaiveDate,
        now: NaiveDateTime,
    ) -> Result<Option<usize>, StoreError> {
        // Read before looking: a change made during the look leaves the
        // mark behind the counter, and the user due again.
        let count = self.change_count()?;
        let previous = self.take_turn(user, count, as_of, now)?;
        let Some(previous) = previous else {
            return Ok(None);
        };
        let found = self
            .member_scope(user)
            .and_then(|scope| self.refresh_notifications(&scope, as_of, now));
        match found {
            Ok(new) => Ok(Some(new)),
            Err(error) => {
                self.give_turn_back(user, previous)?;
                Err(error)
            }
        }
    }

    /// When what concerns `user` was last looked for, if ever.
    pub fn notifications_refreshed_at(
        &self,
        user: UserId,
    ) -> Result<Option<NaiveDateTime>, StoreError> {
        Ok(notification_refreshes::table
            .find(user.0)
            .select(notification_refreshes::refreshed_at)
            .first(&mut *self.connection()?)
            .optional()?)
    }

    /// Writes `user`'s mark for a look at `count` on `as_of` unless it is
    /// already there; the mark it replaced (`Some(None)` when there was
    /// none), or `None` when the turn was already taken.
    fn take_turn(
        &self,
        user: UserId,
        count: i64,
        as_of: NaiveDate,
        now: NaiveDateTime,
    ) -> Result<Option<Option<Mark>>, StoreError> {
        transaction::write(&mut *self.connection()?, |conn| {
            let previous: Option<Mark> = notification_refreshes::table
                .find(user.0)
                .select((
                    notification_refreshes::change_count,
                    notification_refreshes::as_of,
                    notification_refreshes::refreshed_at,
                ))
                .first(conn)
                .optional()?;
            if previous.is_some_and(|(c, day, _)| c == count && day == as_of) {
                return Ok(None);
            }
            let mark = (
                notification_refreshes::change_count.eq(count),
                notification_refreshes::as_of.eq(as_of),
                notification_refreshes::refreshed_at.eq(now),
            );
            if previous.is_some() {
                diesel::update(notification_refreshes::table.find(user.0))
                    .set(mark)
                    .execute(conn)?;
            } else {
                diesel::insert_into(notification_refreshes::table)
                    .values((notification_refreshes::user_id.eq(user.0), mark))
                    .execute(conn)?;
            }
            Ok(Some(previous))
        })
    }

    /// Puts back the mark a failed look replaced, so that the user is due again.
    fn give_turn_back(&self, user: UserId, previous: Option<Mark>) -> Result<(), StoreError> {
        transaction::write(&mut *self.connection()?, |conn| {
            diesel::delete(notification_refreshes::table.find(user.0)).execute(conn)?;
            if let Some((count, as_of, at)) = previous {
                diesel::insert_into(notification_refreshes::table)
                    .values((
                        notification_refreshes::user_id.eq(user.0),
                        notification_refreshes::change_count.eq(count),
                        notification_refreshes::as_of.eq(as_of),
                        notification_refreshes::refreshed_at.eq(at),
                    ))
                    .execute(conn)?;
            }
            Ok(())
        })
    }
}

/// A user's mark: the change count and day of the last look, and when it was.
type Mark = (i64, NaiveDate, NaiveDateTime);
