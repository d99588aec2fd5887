//! Rows of the account tables and their conversion to the public types;
//! reading back checks every code, since the database may have been edited
//! by hand.

use std::fmt::Display;
use std::str::FromStr;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use entente_core::access::{AllianceId, OrgId, UserId};

use super::{Alliance, Area, Organisation, OrganisationProfile, UserAccount};
use crate::error::StoreError;
use crate::schema::{alliances, organisations, users};

/// Parses a stored code, or says which row and column hold a bad one.
pub(crate) fn stored_code<T>(
    table: &str,
    key: impl Display,
    column: &str,
    value: &str,
) -> Result<T, StoreError>
where
    T: FromStr,
    T::Err: Display,
{
    value
        .parse()
        .map_err(|e| StoreError::corrupt(format!("{table} {key}, {column}: {e}")))
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = organisations)]
pub(crate) struct OrganisationRow {
    pub id: i64,
    pub short_name: String,
    pub name: String,
    pub kind: String,
    pub website: Option<String>,
    pub description: Option<String>,
    pub visibility: String,
    pub created_at: NaiveDateTime,
    pub level: String,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = organisations)]
pub(crate) struct NewOrganisationRow<'a> {
    pub short_name: &'a str,
    pub name: &'a str,
    pub kind: &'a str,
    pub website: Option<&'a str>,
    pub description: Option<&'a str>,
    pub visibility: &'a str,
    pub created_at: NaiveDateTime,
    pub level: &'a str,
}

impl OrganisationRow {
    /// The entry with its profile, loaded beside it.
    pub(crate) fn into_organisation(
        self,
        profile: OrganisationProfile,
    ) -> Result<Organisation, StoreError> {
        Ok(Organisation {
            id: OrgId(self.id),
            kind: stored_code("organisations", self.id, "kind", &self.kind)?,
            visibility: stored_code("organisations", self.id, "visibility", &self.visibility)?,
            short_name: self.short_name,
            name: self.name,
            website: self.website,
            description: self.description,
            profile,
            created_at: self.created_at,
        })
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = users)]
pub(crate) struct UserRow {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub password_hash: Option<String>,
    pub site_admin: bool,
    pub totp_secret: Option<String>,
    pub totp_enabled: bool,
    pub created_at: NaiveDateTime,
    pub disabled: bool,
}

impl From<UserRow> for UserAccount {
    fn from(row: UserRow) -> Self {
        UserAccount {
            id: UserId(row.id),
            email: row.email,
            display_name: row.display_name,
            password_hash: row.password_hash,
            site_admin: row.site_admin,
            totp_secret: row.totp_secret,
            totp_enabled: row.totp_enabled,
            disabled: row.disabled,
            created_at: row.created_at,
        }
    }
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = users)]
pub(crate) struct NewUserRow<'a> {
    pub email: &'a str,
    pub display_name: &'a str,
    pub site_admin: bool,
    pub totp_enabled: bool,
    pub created_at: NaiveDateTime,
    pub disabled: bool,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = alliances)]
pub(crate) struct AllianceRow {
    pub id: i64,
    pub owner_org: i64,
    pub name: String,
    pub purpose: String,
    pub visibility: String,
    pub created_at: NaiveDateTime,
}

impl AllianceRow {
    pub(crate) fn into_alliance(
        self,
        members: Vec<OrgId>,
        area: Area,
    ) -> Result<Alliance, StoreError> {
        Ok(Alliance {
            id: AllianceId(self.id),
            owner: OrgId(self.owner_org),
            visibility: stored_code("alliances", self.id, "visibility", &self.visibility)?,
            name: self.name,
            purpose: self.purpose,
            area,
            created_at: self.created_at,
            members,
        })
    }
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = alliances)]
pub(crate) struct NewAllianceRow<'a> {
    pub owner_org: i64,
    pub name: &'a str,
    pub purpose: &'a str,
    pub visibility: &'a str,
    pub created_at: NaiveDateTime,
}
