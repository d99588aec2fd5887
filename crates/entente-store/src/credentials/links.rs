//! One-time links sent by e-mail or printed by the CLI: setting a password,
//! joining an organisation. Each works once, until it expires.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use entente_core::access::{AccessScope, OrgId, Role, UserId};

use crate::accounts::rows::stored_code;
use crate::connection::DbConnection;
use crate::schema::{memberships, one_time_links, users};
use crate::{Store, StoreError, transaction};

/// What following a link does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LinkPurpose {
    /// Sets the password of an existing account.
    PasswordSet,
    /// Makes whoever holds the invited e-mail a member of an organisation.
    Invitation,
}

impl LinkPurpose {
    pub fn code(self) -> &'static str {
        match self {
            LinkPurpose::PasswordSet => "password_set",
            LinkPurpose::Invitation => "invitation",
        }
    }
}

impl std::str::FromStr for LinkPurpose {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "password_set" => Ok(LinkPurpose::PasswordSet),
            "invitation" => Ok(LinkPurpose::Invitation),
            _ => Err(format!("{s:?} is not a link purpose")),
        }
    }
}

/// A link to create. A password link names its user; an invitation names
/// the organisation and role.
#[derive(Debug, Clone)]
pub struct NewLink<'a> {
    /// SHA-256 (hex) of the token in the link.
    pub token_hash: &'a str,
    pub purpose: LinkPurpose,
    pub user: Option<UserId>,
    pub org: Option<OrgId>,
    pub role: Option<Role>,
    pub email: &'a str,
    pub now: NaiveDateTime,
    pub expires_at: NaiveDateTime,
}

/// A link that was just used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub purpose: LinkPurpose,
    pub user: Option<UserId>,
    pub org: Option<OrgId>,
    pub role: Option<Role>,
    pub email: String,
    pub created_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
}

type LinkColumns = (
    String,
    String,
    Option<i64>,
    Option<i64>,
    Option<String>,
    String,
    NaiveDateTime,
    NaiveDateTime,
);

fn link_from(columns: LinkColumns) -> Result<Link, StoreError> {
    let (hash, purpose, user, org, role, email, created_at, expires_at) = columns;
    let at = |column: &str, value: &str| -> StoreError {
        StoreError::corrupt(format!("one_time_links {hash}, {column}: {value:?}"))
    };
    Ok(Link {
        purpose: purpose.parse().map_err(|_| at("purpose", &purpose))?,
        user: user.map(UserId),
        org: org.map(OrgId),
        role: role
            .map(|r| stored_code("one_time_links", &hash, "role", &r))
            .transpose()?,
        email,
        created_at,
        expires_at,
    })
}

/// Marks the link used and returns it, in one statement, so two requests
/// racing on one link cannot both use it.
fn take_link(
    conn: &mut DbConnection,
    token_hash: &str,
    now: NaiveDateTime,
) -> Result<Option<Link>, StoreError> {
    let row: Option<LinkColumns> = diesel::update(
        one_time_links::table
            .filter(one_time_links::token_hash.eq(token_hash))
            .filter(one_time_links::used_at.is_null())
            .filter(one_time_links::expires_at.gt(now)),
    )
    .set(one_time_links::used_at.eq(now))
    .returning((
        one_time_links::token_hash,
        one_time_links::purpose,
        one_time_links::user_id,
        one_time_links::org_id,
        one_time_links::role,
        one_time_links::email,
        one_time_links::created_at,
        one_time_links::expires_at,
    ))
    .get_result(conn)
    .optional()?;
    row.map(link_from).transpose()
}

impl Store {
    /// Stores a one-time link. An invitation needs an organisation and a role,
    /// and `scope` must administer the organisation; a password link needs a
    /// user, and `scope` must be that user or the site admin.
    pub fn create_link(&self, scope: &AccessScope, new: &NewLink<'_>) -> Result<(), StoreError> {
        match (new.purpose, new.user, new.org, new.role) {
            (LinkPurpose::Invitation, _, Some(org), Some(_)) => {
                self.check_administers(scope, org)?
            }
            (LinkPurpose::PasswordSet, Some(user), _, _) => {
                if !scope.is_site_admin() && scope.user() != Some(user) {
                    return Err(StoreError::forbidden(format!(
                        "only user {user} or the site admin may set their password"
                    )));
                }
            }
            (LinkPurpose::Invitation, ..) => {
                return Err(StoreError::invalid(
                    "invitation: needs an organisation and a role",
                ));
            }
            (LinkPurpose::PasswordSet, ..) => {
                return Err(StoreError::invalid("password link: needs a user"));
            }
        }
        if new.expires_at <= new.now {
            return Err(StoreError::invalid("link: expires before it is created"));
        }
        let email = crate::accounts::normalise_email(new.email)?;
        diesel::insert_into(one_time_links::table)
            .values((
                one_time_links::token_hash.eq(new.token_hash),
                one_time_links::purpose.eq(new.purpose.code()),
                one_time_links::user_id.eq(new.user.map(|u| u.0)),
                one_time_links::org_id.eq(new.org.map(|o| o.0)),
                one_time_links::role.eq(new.role.map(Role::code)),
                one_time_links::email.eq(email),
                one_time_links::created_at.eq(new.now),
                one_time_links::expires_at.eq(new.expires_at),
            ))
            .execute(&mut *self.connection()?)
            .map_err(|e| {
                if StoreError::is_unique_violation(&e) {
                    StoreError::conflict("a link with this token exists already")
                } else {
                    e.into()
                }
            })?;
        Ok(())
    }

    /// Uses a link: returns it and marks it used, atomically; `None` when
    /// it is unknown, used already or expired at `now`.
    pub fn use_link(
        &self,
        token_hash: &str,
        now: NaiveDateTime,
    ) -> Result<Option<Link>, StoreError> {
        take_link(&mut *self.connection()?, token_hash, now)
    }

    /// The link with this hash, without using it: `None` when it is
    /// unknown, used already or expired at `now`. Lets a form show and
    /// check what a link is for before [`Store::use_link`] spends it.
    pub fn peek_link(
        &self,
        token_hash: &str,
        now: NaiveDateTime,
    ) -> Result<Option<Link>, StoreError> {
        let row: Option<LinkColumns> = one_time_links::table
            .filter(one_time_links::token_hash.eq(token_hash))
            .filter(one_time_links::used_at.is_null())
            .filter(one_time_links::expires_at.gt(now))
            .select((
                one_time_links::token_hash,
                one_time_links::purpose,
                one_time_links::user_id,
                one_time_links::org_id,
                one_time_links::role,
                one_time_links::email,
                one_time_links::created_at,
                one_time_links::expires_at,
            ))
            .first(&mut *self.connection()?)
            .optional()?;
        row.map(link_from).transpose()
    }

    /// Accepts an invitation for `user`, whose e-mail must be the invited
    /// one: uses the link and adds the membership in one transaction
    /// (keeping a role the user already has there). Returns the organisation
    /// and role, or `None` when the link is unknown, used, expired or not an
    /// invitation; a different e-mail is [`StoreError::Forbidden`] and
    /// leaves the link unused.
    pub fn accept_invitation(
        &self,
        token_hash: &str,
        user: UserId,
        now: NaiveDateTime,
    ) -> Result<Option<(OrgId, Role)>, StoreError> {
        let mut conn = self.connection()?;
        transaction::write(&mut conn, |conn| {
            let Some(link) = take_link(conn, token_hash, now)? else {
                return Ok(None);
            };
            let (LinkPurpose::Invitation, Some(org), Some(role)) =
                (link.purpose, link.org, link.role)
            else {
                return Ok(None);
            };
            let email: Option<String> = users::table
                .find(user.0)
                .select(users::email)
                .first(conn)
                .optional()?;
            if email.as_deref() != Some(link.email.as_str()) {
                return Err(StoreError::forbidden(
                    "this invitation was sent to another e-mail address",
                ));
            }
            let existing: Option<String> = memberships::table
                .find((user.0, org.0))
                .select(memberships::role)
                .first(conn)
                .optional()?;
            if existing.is_none() {
                diesel::insert_into(memberships::table)
                    .values((
                        memberships::user_id.eq(user.0),
                        memberships::org_id.eq(org.0),
                        memberships::role.eq(role.code()),
                    ))
                    .execute(conn)?;
            }
            Ok(Some((org, role)))
        })
    }
}
