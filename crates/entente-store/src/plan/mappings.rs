//! How an organisation's spreadsheets name the fields of a kind of record
//! ("Pays" is `states`, "Date de début" is `start`), remembered from one
//! import to the next so a coalition maps its headers once.

use std::collections::BTreeMap;

use diesel::prelude::*;
use entente_core::access::{AccessScope, OrgId, RecordAccess, can_write};

use crate::schema::import_mappings;
use crate::{Store, StoreError, transaction};

/// The kinds of record files hold, as the table spells them.
const RECORD_KINDS: [&str; 4] = ["actions", "organisations", "contacts", "recommendations"];

fn check_kind(kind: &str) -> Result<(), StoreError> {
    if RECORD_KINDS.contains(&kind) {
        Ok(())
    } else {
        Err(StoreError::invalid(format!(
            "{kind:?} is not a kind of record files hold (actions, organisations, contacts, recommendations)"
        )))
    }
}

impl Store {
    /// The headers `org`'s files of `kind` used before, folded, each with
    /// the field it fills (`-` for a column left out). For the members of
    /// `org` and the site admin; empty for anyone else.
    pub fn import_mapping(
        &self,
        scope: &AccessScope,
        org: OrgId,
        kind: &str,
    ) -> Result<BTreeMap<String, String>, StoreError> {
        check_kind(kind)?;
        if !scope.is_site_admin() && scope.role_in(org).is_none() {
            return Ok(BTreeMap::new());
        }
        let rows: Vec<(String, String)> = import_mappings::table
            .filter(import_mappings::org_id.eq(org.0))
            .filter(import_mappings::record_kind.eq(kind))
            .select((import_mappings::header, import_mappings::field))
            .load(&mut *self.connection()?)?;
        Ok(rows.into_iter().collect())
    }

    /// Remembers `pairs` (folded header, field or `-`) for `org`'s files of
    /// `kind`, replacing what those headers meant before; the other
    /// headers stay. Needs an editor or admin of `org`
    /// ([`StoreError::Forbidden`]).
    pub fn remember_import_mapping(
        &self,
        scope: &AccessScope,
        org: OrgId,
        kind: &str,
        pairs: &[(String, String)],
    ) -> Result<(), StoreError> {
        check_kind(kind)?;
        if !can_write(scope, &RecordAccess::private(org)) {
            return Err(StoreError::forbidden(format!(
                "only editors and admins of organisation {org} change how its files are read"
            )));
        }
        if let Some((header, _)) = pairs
            .iter()
            .find(|(h, f)| h.trim().is_empty() || f.trim().is_empty())
        {
            return Err(StoreError::invalid(format!(
                "header {header:?}: a remembered header and its field must not be blank"
            )));
        }
        let mut conn = self.connection()?;
        transaction::write(&mut conn, |conn| {
            for (header, field) in pairs {
                diesel::delete(
                    import_mappings::table
                        .filter(import_mappings::org_id.eq(org.0))
                        .filter(import_mappings::record_kind.eq(kind))
                        .filter(import_mappings::header.eq(header)),
                )
                .execute(conn)?;
                diesel::insert_into(import_mappings::table)
                    .values((
                        import_mappings::org_id.eq(org.0),
                        import_mappings::record_kind.eq(kind),
                        import_mappings::header.eq(header),
                        import_mappings::field.eq(field),
                    ))
                    .execute(conn)?;
            }
            Ok(())
        })
    }
}
