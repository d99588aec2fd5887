//! Creating organisations, changing their settings and profile, and
//! reading the directory as a scope may see it, filtered by sector, level,
//! state or region.

use chrono::Utc;
use diesel::prelude::*;
use entente_core::access::{AccessScope, OrgId};
use entente_core::plan::{Level, Sector};
use entente_core::{Iso3, RegionalGroup};

use super::profile::{with_profiles, write_profile};
use super::rows::{NewOrganisationRow, OrganisationRow};
use super::scope::{Condition, visible_organisations};
use super::{NewOrganisation, Organisation, OrganisationChanges};
use crate::audit::{self, AuditAction, AuditEntry};
use crate::schema::{
    organisation_regions, organisation_sectors, organisation_states, organisations, states,
};
use crate::{Store, StoreError, transaction};

/// Which directory entries to list; every field left `None` keeps all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DirectoryFilter {
    pub sector: Option<Sector>,
    pub level: Option<Level>,
    /// Organisations that name this state among those they work in.
    pub state: Option<Iso3>,
    /// Organisations that work in this UN regional group as a whole or in
    /// one of its states.
    pub region: Option<RegionalGroup>,
}

impl DirectoryFilter {
    /// The filter as SQL conditions on `organisations`.
    fn conditions(&self) -> Vec<Condition<organisations::table>> {
        let mut conditions: Vec<Condition<organisations::table>> = Vec::new();
        if let Some(level) = self.level {
            conditions.push(Box::new(organisations::level.eq(level.code())));
        }
        if let Some(sector) = self.sector {
            let with_sector = organisation_sectors::table
                .filter(organisation_sectors::sector.eq(sector.code()))
                .select(organisation_sectors::org_id);
            conditions.push(Box::new(organisations::id.eq_any(with_sector)));
        }
        if let Some(state) = self.state {
            let in_state = organisation_states::table
                .filter(organisation_states::state.eq(state.as_str().to_owned()))
                .select(organisation_states::org_id);
            conditions.push(Box::new(organisations::id.eq_any(in_state)));
        }
        if let Some(region) = self.region {
            let whole = organisation_regions::table
                .filter(organisation_regions::region.eq(region.code()))
                .select(organisation_regions::org_id);
            let states_of_region = states::table
                .filter(states::regional_group.eq(region.code()))
                .select(states::iso3);
            let in_a_state = organisation_states::table
                .filter(organisation_states::state.eq_any(states_of_region))
                .select(organisation_states::org_id);
            conditions.push(Box::new(
                organisations::id
                    .eq_any(whole)
                    .or(organisations::id.eq_any(in_a_state)),
            ));
        }
        conditions
    }
}

const SHORT_NAME_MAX: usize = 40;

/// A short name is a lower-case slug, so it can stand in addresses and
/// command lines as typed.
pub(crate) fn check_short_name(short_name: &str) -> Result<(), StoreError> {
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

/// What creation and changes both require: a name and, when there is a
/// website, a web address.
pub(crate) fn check_entry(name: &str, website: Option<&str>) -> Result<(), StoreError> {
    if name.trim().is_empty() {
        return Err(StoreError::invalid("name: must not be blank"));
    }
    website.map_or(Ok(()), check_website)
}

/// The names of the settings `changes` alters in `before`, for the audit log.
fn changed_fields(before: &Organisation, changes: &OrganisationChanges) -> Vec<&'static str> {
    let after = changes.profile.clone().normalised();
    [
        ("name", before.name != changes.name.trim()),
        ("kind", before.kind != changes.kind),
        ("website", before.website != changes.website),
        ("description", before.description != changes.description),
        ("visibility", before.visibility != changes.visibility),
        ("level", before.profile.level != changes.profile.level),
        ("sectors", before.profile.sectors != after.sectors),
        ("states", before.profile.area.states != after.area.states),
        ("regions", before.profile.area.regions != after.area.regions),
    ]
    .into_iter()
    .filter_map(|(field, changed)| changed.then_some(field))
    .collect()
}

/// Refuses a website that is not an http(s) address, naming the field:
/// a `javascript:` link in the directory would run in the reader's browser.
/// Public so forms can check the field before they submit the rest.
pub fn check_website(website: &str) -> Result<(), StoreError> {
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
    /// Creates an organisation with its profile. Refused with
    /// [`StoreError::Invalid`] naming the field when the short name is not
    /// a slug, the name is blank, the website not an http(s) address or a
    /// state unknown; with [`StoreError::Conflict`] when the short name is
    /// taken. Nothing is written when refused.
    ///
    /// Creating an organisation reads nothing, so it takes no scope: the CLI
    /// and site administrators call it.
    pub fn create_organisation(&self, new: &NewOrganisation) -> Result<OrgId, StoreError> {
        check_short_name(&new.short_name)?;
        check_entry(&new.name, new.website.as_deref())?;
        let row = NewOrganisationRow {
            short_name: &new.short_name,
            name: new.name.trim(),
            kind: new.kind.code(),
            website: new.website.as_deref(),
            description: new.description.as_deref(),
            visibility: new.visibility.code(),
            created_at: Utc::now().naive_utc(),
            level: new.profile.level.code(),
        };
        let profile = new.profile.clone().normalised();
        let mut conn = self.connection()?;
        transaction::write(&mut conn, |conn| {
            let id = insert_organisation(conn, &row)?;
            write_profile(conn, id, &profile)?;
            Ok(id)
        })
    }

    /// Changes an organisation's settings, validated as
    /// [`Store::create_organisation`] validates them. `scope` must
    /// administer `org` (or run the site): [`StoreError::NotFound`] when it
    /// cannot even see the organisation, [`StoreError::Forbidden`] when it
    /// sees but does not administer it. The change and its audit entry (the
    /// fields changed) are one transaction.
    pub fn update_organisation(
        &self,
        scope: &AccessScope,
        org: OrgId,
        changes: &OrganisationChanges,
    ) -> Result<(), StoreError> {
        self.check_administers(scope, org)?;
        check_entry(&changes.name, changes.website.as_deref())?;
        let mut conn = self.connection()?;
        transaction::write(&mut conn, |conn| {
            let row = organisations::table
                .find(org.0)
                .select(OrganisationRow::as_select())
                .first(conn)
                .optional()?
                .ok_or_else(|| StoreError::not_found(format!("organisation {org}")))?;
            let before = with_profiles(conn, vec![row])?
                .pop()
                .ok_or_else(|| StoreError::not_found(format!("organisation {org}")))?;
            apply_changes(conn, org, changes)?;
            let changed = changed_fields(&before, changes);
            let entry = AuditEntry {
                actor_user: scope.user(),
                org: Some(org),
                record_kind: Some("organisation".to_owned()),
                record_id: Some(org.0),
                detail: if changed.is_empty() {
                    "settings saved unchanged".to_owned()
                } else {
                    format!("changed: {}", changed.join(", "))
                },
                ..AuditEntry::new(Utc::now().naive_utc(), AuditAction::OrganisationUpdated)
            };
            audit::append(conn, &entry)?;
            Ok(())
        })
    }

    /// The directory entries `scope` may read, by short name.
    pub fn organisations(&self, scope: &AccessScope) -> Result<Vec<Organisation>, StoreError> {
        self.directory(scope, &DirectoryFilter::default())
    }

    /// The directory entries `scope` may read that `filter` keeps, by
    /// short name, with their profiles.
    pub fn directory(
        &self,
        scope: &AccessScope,
        filter: &DirectoryFilter,
    ) -> Result<Vec<Organisation>, StoreError> {
        let mut query = organisations::table
            .select(OrganisationRow::as_select())
            .order(organisations::short_name)
            .into_boxed();
        if let Some(condition) = visible_organisations(scope) {
            query = query.filter(condition);
        }
        for condition in filter.conditions() {
            query = query.filter(condition);
        }
        let mut conn = self.connection()?;
        let rows = query.load(&mut *conn)?;
        with_profiles(&mut conn, rows)
    }

    /// One directory entry, or `None` when it is missing or `scope` may not
    /// read it.
    pub fn organisation(
        &self,
        scope: &AccessScope,
        id: OrgId,
    ) -> Result<Option<Organisation>, StoreError> {
        self.one_organisation(scope, Box::new(organisations::id.eq(id.0)))
    }

    /// The directory entry with this short name, or `None` when it is
    /// missing or `scope` may not read it.
    pub fn organisation_by_short_name(
        &self,
        scope: &AccessScope,
        short_name: &str,
    ) -> Result<Option<Organisation>, StoreError> {
        let key = organisations::short_name.eq(short_name.to_owned());
        self.one_organisation(scope, Box::new(key))
    }

    fn one_organisation(
        &self,
        scope: &AccessScope,
        key: Condition<organisations::table>,
    ) -> Result<Option<Organisation>, StoreError> {
        let mut query = organisations::table
            .filter(key)
            .select(OrganisationRow::as_select())
            .into_boxed();
        if let Some(condition) = visible_organisations(scope) {
            query = query.filter(condition);
        }
        let mut conn = self.connection()?;
        let rows: Vec<OrganisationRow> = query.limit(1).load(&mut *conn)?;
        Ok(with_profiles(&mut conn, rows)?.pop())
    }
}

/// Inserts an entry's row; a taken short name is a conflict naming it.
pub(crate) fn insert_organisation(
    conn: &mut crate::connection::DbConnection,
    row: &NewOrganisationRow<'_>,
) -> Result<OrgId, StoreError> {
    let id = diesel::insert_into(organisations::table)
        .values(row)
        .returning(organisations::id)
        .get_result::<i64>(conn)
        .map_err(|e| {
            if StoreError::is_unique_violation(&e) {
                StoreError::conflict(format!(
                    "short name {:?}: another organisation has it",
                    row.short_name
                ))
            } else {
                e.into()
            }
        })?;
    crate::search::index_organisations(conn, &[id])?;
    Ok(OrgId(id))
}

/// Writes `changes` over the stored entry and its profile.
pub(crate) fn apply_changes(
    conn: &mut crate::connection::DbConnection,
    org: OrgId,
    changes: &OrganisationChanges,
) -> Result<(), StoreError> {
    diesel::update(organisations::table.find(org.0))
        .set((
            organisations::name.eq(changes.name.trim()),
            organisations::kind.eq(changes.kind.code()),
            organisations::website.eq(changes.website.as_deref()),
            organisations::description.eq(changes.description.as_deref()),
            organisations::visibility.eq(changes.visibility.code()),
            organisations::level.eq(changes.profile.level.code()),
        ))
        .execute(conn)?;
    crate::search::index_organisations(conn, &[org.0])?;
    write_profile(conn, org, &changes.profile.clone().normalised())
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
