//! Creating organisations and reading the directory as a scope may see it.

use chrono::Utc;
use diesel::prelude::*;
use entente_core::access::{AccessScope, OrgId};

use super::rows::{NewOrganisationRow, OrganisationRow};
use super::scope::visible_organisations;
use super::{NewOrganisation, Organisation};
use crate::schema::organisations;
use crate::{Store, StoreError};

const SHORT_NAME_MAX: usize = 40;

/// A short name is a lower-case slug, so it can stand in addresses and
/// command lines as typed.
fn check_short_name(short_name: &str) -> Result<(), StoreError> {
    let bytes = short_name.as_bytes();
    let ok = (1..=SHORT_NAME_MAX).contains(&bytes.len())
        && bytes
            .iter()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'-')
        && bytes.first() != Some(&b'-')
        && bytes.last() != Some(&b'-');
    if ok {
        Ok(())
    } else {
        Err(StoreError::invalid(format!(
            "short name {short_name:?}: use 1 to {SHORT_NAME_MAX} lower-case letters, digits and \
             '-', not starting or ending with '-'"
        )))
    }
}

/// Only web addresses: a `javascript:` link in the directory would run in
/// the reader's browser.
fn check_website(website: &str) -> Result<(), StoreError> {
    let lower = website.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !website.contains(char::is_whitespace) => Ok(()),
        _ => Err(StoreError::invalid(format!(
            "website {website:?}: give an http:// or https:// address"
        ))),
    }
}

impl Store {
    /// Creates an organisation. Refused with [`StoreError::Invalid`] naming
    /// the field when the short name is not a slug, the name is blank or the
    /// website not an http(s) address; with [`StoreError::Conflict`] when
    /// the short name is taken.
    ///
    /// Creating an organisation reads nothing, so it takes no scope: the CLI
    /// and site administrators call it.
    pub fn create_organisation(&self, new: &NewOrganisation) -> Result<OrgId, StoreError> {
        check_short_name(&new.short_name)?;
        if new.name.trim().is_empty() {
            return Err(StoreError::invalid("name: must not be blank"));
        }
        if let Some(website) = &new.website {
            check_website(website)?;
        }
        let row = NewOrganisationRow {
            short_name: &new.short_name,
            name: new.name.trim(),
            kind: new.kind.code(),
            website: new.website.as_deref(),
            description: new.description.as_deref(),
            visibility: new.visibility.code(),
            created_at: Utc::now().naive_utc(),
        };
        let id = diesel::insert_into(organisations::table)
            .values(&row)
            .returning(organisations::id)
            .get_result::<i64>(&mut *self.connection()?)
            .map_err(|e| {
                if StoreError::is_unique_violation(&e) {
                    StoreError::conflict(format!(
                        "short name {:?}: another organisation has it",
                        new.short_name
                    ))
                } else {
                    e.into()
                }
            })?;
        Ok(OrgId(id))
    }

    /// The directory entries `scope` may read, by short name.
    pub fn organisations(&self, scope: &AccessScope) -> Result<Vec<Organisation>, StoreError> {
        let mut query = organisations::table
            .select(OrganisationRow::as_select())
            .order(organisations::short_name)
            .into_boxed();
        if let Some(condition) = visible_organisations(scope) {
            query = query.filter(condition);
        }
        let rows = query.load(&mut *self.connection()?)?;
        rows.into_iter().map(Organisation::try_from).collect()
    }

    /// One directory entry, or `None` when it is missing or `scope` may not
    /// read it.
    pub fn organisation(
        &self,
        scope: &AccessScope,
        id: OrgId,
    ) -> Result<Option<Organisation>, StoreError> {
        let mut query = organisations::table
            .filter(organisations::id.eq(id.0))
            .select(OrganisationRow::as_select())
            .into_boxed();
        if let Some(condition) = visible_organisations(scope) {
            query = query.filter(condition);
        }
        let row = query.first(&mut *self.connection()?).optional()?;
        row.map(Organisation::try_from).transpose()
    }

    /// The directory entry with this short name, or `None` when it is
    /// missing or `scope` may not read it.
    pub fn organisation_by_short_name(
        &self,
        scope: &AccessScope,
        short_name: &str,
    ) -> Result<Option<Organisation>, StoreError> {
        let mut query = organisations::table
            .filter(organisations::short_name.eq(short_name))
            .select(OrganisationRow::as_select())
            .into_boxed();
        if let Some(condition) = visible_organisations(scope) {
            query = query.filter(condition);
        }
        let row = query.first(&mut *self.connection()?).optional()?;
        row.map(Organisation::try_from).transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names_are_slugs() {
        for good in ["apt", "omct-geneva", "a1", "x"] {
            assert!(check_short_name(good).is_ok(), "{good}");
        }
        for bad in [
            "",
            "APT",
            "-apt",
            "apt-",
            "a pt",
            "apt_geneva",
            &"a".repeat(41),
        ] {
            assert!(
                matches!(check_short_name(bad), Err(StoreError::Invalid { .. })),
                "{bad}"
            );
        }
    }

    #[test]
    fn websites_are_web_addresses() {
        assert!(check_website("https://www.apt.ch").is_ok());
        for bad in [
            "javascript:alert(1)",
            "https://",
            "www.apt.ch",
            "https://a b",
        ] {
            assert!(check_website(bad).is_err(), "{bad}");
        }
    }
}
