//! The catalogue of kinds of action: the built-in ones, written at
//! start-up so their labels follow the release, and the instance's own.

use std::collections::BTreeMap;

use diesel::prelude::*;
use entente_core::access::AccessScope;
use entente_core::plan::{BUILTIN_ACTION_TYPES, check_action_type_code};

use super::ActionType;
use super::rows::ActionTypeRow;
use crate::connection::DbConnection;
use crate::schema::action_types;
use crate::{Store, StoreError, transaction};

impl Store {
    /// The kinds of action, built-in ones first in their order, then the
    /// instance's own by code.
    pub fn action_types(&self) -> Result<Vec<ActionType>, StoreError> {
        let rows = action_types::table
            .order((action_types::position, action_types::code))
            .select(ActionTypeRow::as_select())
            .load(&mut *self.connection()?)?;
        Ok(rows.into_iter().map(ActionType::from).collect())
    }

    /// Adds a kind of action of the instance's own; only the site
    /// administrator may. A code taken is a [`StoreError::Conflict`].
    pub fn add_action_type(&self, scope: &AccessScope, new: &ActionType) -> Result<(), StoreError> {
        if !scope.is_site_admin() {
            return Err(StoreError::forbidden(
                "only the site administrator may extend the catalogue of kinds of action",
            ));
        }
        check_action_type_code(&new.code).map_err(StoreError::invalid)?;
        for (lang, label) in [
            ("en", &new.label_en),
            ("fr", &new.label_fr),
            ("es", &new.label_es),
        ] {
            if label.trim().is_empty() {
                return Err(StoreError::invalid(format!(
                    "label_{lang}: must not be blank"
                )));
            }
        }
        let row = ActionTypeRow {
            code: new.code.clone(),
            label_en: new.label_en.trim().to_owned(),
            label_fr: new.label_fr.trim().to_owned(),
            label_es: new.label_es.trim().to_owned(),
            builtin: false,
            position: i32::MAX,
        };
        let mut conn = self.connection()?;
        transaction::write(&mut conn, |conn| {
            diesel::insert_into(action_types::table)
                .values(&row)
                .execute(conn)
                .map_err(|e| {
                    if StoreError::is_unique_violation(&e) {
                        StoreError::conflict(format!(
                            "kind of action {:?} exists already",
                            row.code
                        ))
                    } else {
                        e.into()
                    }
                })?;
            Ok(())
        })
    }
}

/// Writes the built-in kinds of action: inserts the missing ones, updates
/// the labels and order of those that differ, and leaves the others
/// untouched, so that a start with nothing new raises no change count
/// (every server's cached pages, and every member's notifications, would
/// otherwise be taken as stale). Run after the migrations.
pub(crate) fn sync_builtin_action_types(conn: &mut DbConnection) -> Result<(), StoreError> {
    transaction::write(conn, |conn| {
        let stored: BTreeMap<String, ActionTypeRow> = action_types::table
            .filter(action_types::builtin.eq(true))
            .select(ActionTypeRow::as_select())
            .load(conn)?
            .into_iter()
            .map(|row| (row.code.clone(), row))
            .collect();
        for (position, kind) in (0..).zip(BUILTIN_ACTION_TYPES) {
            let wanted = ActionTypeRow {
                code: kind.code.to_owned(),
                label_en: kind.en.to_owned(),
                label_fr: kind.fr.to_owned(),
                label_es: kind.es.to_owned(),
                builtin: true,
                position,
            };
            if stored.get(kind.code) == Some(&wanted) {
                continue;
            }
            let updated = diesel::update(action_types::table.find(kind.code))
                .set((
                    action_types::label_en.eq(kind.en),
                    action_types::label_fr.eq(kind.fr),
                    action_types::label_es.eq(kind.es),
                    action_types::builtin.eq(true),
                    action_types::position.eq(position),
                ))
                .execute(conn)?;
            if updated == 0 {
                diesel::insert_into(action_types::table)
                    .values(&wanted)
                    .execute(conn)?;
            }
        }
        Ok(())
    })
}
