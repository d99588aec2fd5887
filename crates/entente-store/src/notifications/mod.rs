//! Notifications: each user's digest preference and mail language, and the
//! coordination findings already brought to each user's notice. What
//! concerns a user is found with the user's own scope, so nothing reaches
//! a list or a mail that the user could not read on the board; and a
//! finding is recorded once per user, which is what makes it "new" once.

pub(crate) mod jobs;
mod refresh;

use std::collections::{BTreeMap, BTreeSet};

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use entente_core::access::{AccessScope, OrgId, UserId};
use entente_core::coordination::Playbook;
use entente_core::notification::{self, Digest, Finding, Plan};
use entente_core::plan::ActionId;

use crate::audit::{self, AuditAction, AuditEntry};
use crate::schema::{memberships, notification_preferences, notifications, users};
use crate::{ActionLabel, CoordinationFilter, Store, StoreError, transaction};

pub use jobs::{Job, JobKind, JobState};

/// The languages a mail can be written in.
pub const MAIL_LANGUAGES: [&str; 3] = ["en", "fr", "es"];

/// A user's choice of digest and of the language of its mails.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotificationPreferences {
    pub digest: Digest,
    /// `en`, `fr` or `es`.
    pub language: String,
}

/// One finding on a user's list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notification {
    pub id: i64,
    pub finding: Finding,
    /// When the finding was first found for this user (UTC).
    pub found_at: NaiveDateTime,
    pub read_at: Option<NaiveDateTime>,
    pub mailed_at: Option<NaiveDateTime>,
}

/// A page of a user's list, with the actions its findings name as the
/// user may still read them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NotificationList {
    pub items: Vec<Notification>,
    pub unread: usize,
    pub labels: BTreeMap<ActionId, ActionLabel>,
}

/// A user whose digest is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscriber {
    pub user: UserId,
    pub email: String,
    pub digest: Digest,
    pub language: String,
}

#[derive(Queryable)]
struct NotificationRow {
    id: i64,
    finding: String,
    found_at: NaiveDateTime,
    read_at: Option<NaiveDateTime>,
    mailed_at: Option<NaiveDateTime>,
}

impl NotificationRow {
    fn into_notification(self) -> Result<Notification, StoreError> {
        let finding = serde_json::from_str(&self.finding).map_err(|e| StoreError::Corrupt {
            what: format!(
                "notification {}: the stored finding does not read: {e}",
                self.id
            ),
        })?;
        Ok(Notification {
            id: self.id,
            finding,
            found_at: self.found_at,
            read_at: self.read_at,
            mailed_at: self.mailed_at,
        })
    }
}

impl Store {
    /// `user`'s preferences; `None` when the user never chose (the digest
    /// is then off).
    pub fn notification_preferences(
        &self,
        user: UserId,
    ) -> Result<Option<NotificationPreferences>, StoreError> {
        let row: Option<(String, String)> = notification_preferences::table
            .find(user.0)
            .select((
                notification_preferences::digest,
                notification_preferences::language,
            ))
            .first(&mut *self.connection()?)
            .optional()?;
        Ok(row.map(|(digest, language)| NotificationPreferences {
            digest: Digest::parse(&digest).unwrap_or_default(),
            language,
        }))
    }

    /// Saves `user`'s preferences, with an entry in the audit log.
    pub fn set_notification_preferences(
        &self,
        user: UserId,
        preferences: &NotificationPreferences,
        now: NaiveDateTime,
    ) -> Result<(), StoreError> {
        if !MAIL_LANGUAGES.contains(&preferences.language.as_str()) {
            return Err(StoreError::Invalid {
                what: format!(
                    "language: {:?} is not one of en, fr, es",
                    preferences.language
                ),
            });
        }
        let mut conn = self.connection()?;
        transaction::write(&mut conn, |conn| {
            diesel::delete(notification_preferences::table.find(user.0)).execute(conn)?;
            diesel::insert_into(notification_preferences::table)
                .values((
                    notification_preferences::user_id.eq(user.0),
                    notification_preferences::digest.eq(preferences.digest.code()),
                    notification_preferences::language.eq(&preferences.language),
                    notification_preferences::updated_at.eq(now),
                ))
                .execute(conn)?;
            let entry = AuditEntry {
                actor_user: Some(user),
                record_kind: Some("notification_preferences".to_owned()),
                record_id: Some(user.0),
                detail: format!(
                    "digest {}, mail in {}",
                    preferences.digest.code(),
                    preferences.language
                ),
                ..AuditEntry::new(now, AuditAction::NotificationPreferencesChanged)
            };
            audit::append(conn, &entry)?;
            Ok(())
        })
    }

    /// The users (not disabled) whose digest is on, by id.
    pub fn digest_subscribers(&self) -> Result<Vec<Subscriber>, StoreError> {
        let rows: Vec<(i64, String, String, String)> = notification_preferences::table
            .inner_join(users::table)
            .filter(users::disabled.eq(false))
            .filter(notification_preferences::digest.ne(Digest::Off.code()))
            .order(users::id)
            .select((
                users::id,
                users::email,
                notification_preferences::digest,
                notification_preferences::language,
            ))
            .load(&mut *self.connection()?)?;
        Ok(rows
            .into_iter()
            .filter_map(|(id, email, digest, language)| {
                Some(Subscriber {
                    user: UserId(id),
                    email,
                    digest: Digest::parse(&digest)?,
                    language,
                })
            })
            .collect())
    }

    /// Finds what concerns the member of `scope` on `as_of` (see
    /// [`notification::concerning`]), from what `scope` may see, and
    /// records what the member was not yet told of; returns how many
    /// findings are new. Nothing for a scope without a user or without
    /// organisations.
    pub fn refresh_notifications(
        &self,
        scope: &AccessScope,
        as_of: NaiveDate,
        now: NaiveDateTime,
    ) -> Result<usize, StoreError> {
        let Some(user) = scope.user() else {
            return Ok(0);
        };
        let orgs: BTreeSet<OrgId> = memberships::table
            .filter(memberships::user_id.eq(user.0))
            .select(memberships::org_id)
            .load::<i64>(&mut *self.connection()?)?
            .into_iter()
            .map(OrgId)
            .collect();
        if orgs.is_empty() {
            return Ok(0);
        }
        let inputs = self.coordination_inputs(scope, &CoordinationFilter::default(), as_of)?;
        let plan = Plan {
            actions: &inputs.actions,
            profiles: &inputs.profiles,
            states: &inputs.states,
            groups: &inputs.groups,
        };
        let found = notification::concerning(&orgs, plan, &Playbook::default(), as_of, 30);
        self.record_findings(user, &found, now)
    }

    /// Records the findings `user` was not yet told of; returns how many.
    pub fn record_findings(
        &self,
        user: UserId,
        found: &[Finding],
        now: NaiveDateTime,
    ) -> Result<usize, StoreError> {
        let mut conn = self.connection()?;
        transaction::write(&mut conn, |conn| {
            let known: BTreeSet<String> = notifications::table
                .filter(notifications::user_id.eq(user.0))
                .select(notifications::finding_key)
                .load(conn)?
                .into_iter()
                .collect();
            let mut seen = BTreeSet::new();
            let mut fresh = Vec::new();
            for finding in found {
                let key = finding.key();
                if known.contains(&key) || !seen.insert(key.clone()) {
                    continue;
                }
                let json = serde_json::to_string(finding).map_err(|e| StoreError::Integrity {
                    what: format!("the finding {key} cannot be stored: {e}"),
                })?;
                fresh.push((
                    notifications::user_id.eq(user.0),
                    notifications::finding_key.eq(key),
                    notifications::kind.eq(finding.kind().code()),
                    notifications::finding.eq(json),
                    notifications::found_at.eq(now),
                ));
            }
            for row in &fresh {
                diesel::insert_into(notifications::table)
                    .values(row.clone())
                    .execute(conn)?;
            }
            Ok(fresh.len())
        })
    }

    /// The member's list, newest first (`limit` of them; only the unread
    /// ones when `unread_only`), leaving out findings that name an action
    /// `scope` may no longer read: hidden answers like gone.
    pub fn notifications(
        &self,
        scope: &AccessScope,
        unread_only: bool,
        limit: usize,
    ) -> Result<NotificationList, StoreError> {
        let Some(user) = scope.user() else {
            return Ok(NotificationList::default());
        };
        let mut query = notifications::table
            .filter(notifications::user_id.eq(user.0))
            .into_boxed();
        if unread_only {
            query = query.filter(notifications::read_at.is_null());
        }
        let rows: Vec<NotificationRow> = query
            .order((notifications::found_at.desc(), notifications::id.desc()))
            .select((
                notifications::id,
                notifications::finding,
                notifications::found_at,
                notifications::read_at,
                notifications::mailed_at,
            ))
            .load(&mut *self.connection()?)?;
        let all = rows
            .into_iter()
            .map(NotificationRow::into_notification)
            .collect::<Result<Vec<_>, _>>()?;
        let ids: Vec<ActionId> = all
            .iter()
            .flat_map(|n| n.finding.actions())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let labels = self.action_labels(scope, &ids)?;
        let visible: Vec<Notification> = all
            .into_iter()
            .filter(|n| n.finding.actions().iter().all(|a| labels.contains_key(a)))
            .collect();
        let unread = visible.iter().filter(|n| n.read_at.is_none()).count();
        Ok(NotificationList {
            items: visible.into_iter().take(limit).collect(),
            unread,
            labels,
        })
    }

    /// The member's findings not yet sent by mail, as in
    /// [`Store::notifications`], oldest first.
    pub fn unmailed_notifications(
        &self,
        scope: &AccessScope,
    ) -> Result<NotificationList, StoreError> {
        let mut list = self.notifications(scope, false, usize::MAX)?;
        list.items.retain(|n| n.mailed_at.is_none());
        list.items.reverse();
        Ok(list)
    }

    /// Marks `ids` of `user`'s list (all of it when `None`) read; returns
    /// how many were unread. Another user's ids are left alone.
    pub fn mark_notifications_read(
        &self,
        user: UserId,
        ids: Option<&[i64]>,
        now: NaiveDateTime,
    ) -> Result<usize, StoreError> {
        let mut conn = self.connection()?;
        transaction::write(&mut conn, |conn| {
            let mut update = diesel::update(notifications::table)
                .filter(notifications::user_id.eq(user.0))
                .filter(notifications::read_at.is_null())
                .into_boxed();
            if let Some(ids) = ids {
                update = update.filter(notifications::id.eq_any(ids.to_vec()));
            }
            Ok(update.set(notifications::read_at.eq(now)).execute(conn)?)
        })
    }
}
