//! The rules of an action that need the database: the kind of action,
//! the states, the partners, the alliances and the treaty event it names
//! exist, and the scope may name them. Loaded in bulk, so an import of a
//! million rows checks them without a query per row.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use diesel::prelude::*;
use entente_core::access::{AccessScope, AllianceId};
use entente_core::plan::{ActionDraft, FieldError};

use crate::accounts::scope::visible_organisations;
use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::schema::{action_types, alliance_members, organisations, states, treaty_events};

/// What every action is checked against: the catalogue of kinds of action
/// and the states.
pub(crate) struct Catalogues {
    action_types: HashSet<String>,
    states: HashSet<String>,
}

impl Catalogues {
    pub(crate) fn load(conn: &mut DbConnection) -> Result<Catalogues, StoreError> {
        let action_types = action_types::table
            .select(action_types::code)
            .load::<String>(conn)?
            .into_iter()
            .collect();
        let states = states::table
            .select(states::iso3)
            .load::<String>(conn)?
            .into_iter()
            .collect();
        Ok(Catalogues {
            action_types,
            states,
        })
    }

    /// Adds an error for an unknown kind of action or state.
    pub(crate) fn check(&self, draft: &ActionDraft, errors: &mut Vec<FieldError>) {
        if !draft.action_type.is_empty() && !self.action_types.contains(&draft.action_type) {
            errors.push(FieldError::new(
                "action_type",
                "unknown_action_type",
                format!(
                    "{:?} is not a kind of action of this instance",
                    draft.action_type
                ),
            ));
        }
        for state in &draft.states {
            if !self.states.contains(state.as_str()) {
                errors.push(FieldError::new(
                    "states",
                    "unknown_state",
                    format!("{state} is not a state Entente knows"),
                ));
            }
        }
    }
}

/// The organisations and alliance memberships a batch of actions names.
pub(crate) struct Links {
    /// Organisations the scope may see in the directory, among those named.
    visible_orgs: BTreeSet<i64>,
    /// For each lead named, the alliances it belongs to.
    alliances_of: BTreeMap<i64, BTreeSet<i64>>,
}

impl Links {
    /// Loads what `drafts` name, as `scope` sees it.
    pub(crate) fn load<'a>(
        conn: &mut DbConnection,
        scope: &AccessScope,
        drafts: impl Iterator<Item = &'a ActionDraft> + Clone,
    ) -> Result<Links, StoreError> {
        let named: BTreeSet<i64> = drafts
            .clone()
            .flat_map(|d| d.partners.iter().chain(std::iter::once(&d.lead)))
            .map(|o| o.0)
            .collect();
        let leads: BTreeSet<i64> = drafts.map(|d| d.lead.0).collect();
        let mut visible = organisations::table
            .filter(organisations::id.eq_any(named.iter().copied().collect::<Vec<_>>()))
            .select(organisations::id)
            .into_boxed();
        if let Some(condition) = visible_organisations(scope) {
            visible = visible.filter(condition);
        }
        let visible_orgs = visible.load::<i64>(conn)?.into_iter().collect();
        let mut alliances_of: BTreeMap<i64, BTreeSet<i64>> = BTreeMap::new();
        let pairs: Vec<(i64, i64)> = alliance_members::table
            .filter(alliance_members::org_id.eq_any(leads.into_iter().collect::<Vec<_>>()))
            .select((alliance_members::org_id, alliance_members::alliance_id))
            .load(conn)?;
        for (org, alliance) in pairs {
            alliances_of.entry(org).or_default().insert(alliance);
        }
        Ok(Links {
            visible_orgs,
            alliances_of,
        })
    }

    /// Adds an error for a partner the scope cannot see (or that does not
    /// exist: the two answer alike) and for an alliance the lead is not in.
    pub(crate) fn check(&self, draft: &ActionDraft, errors: &mut Vec<FieldError>) {
        for partner in &draft.partners {
            if *partner != draft.lead && !self.visible_orgs.contains(&partner.0) {
                errors.push(FieldError::new(
                    "partners",
                    "unknown_organisation",
                    format!("organisation {partner} not found"),
                ));
            }
        }
        let empty = BTreeSet::new();
        let of_lead = self.alliances_of.get(&draft.lead.0).unwrap_or(&empty);
        for AllianceId(alliance) in &draft.shared_with {
            if !of_lead.contains(alliance) {
                errors.push(FieldError::new(
                    "shared_with",
                    "not_in_alliance",
                    format!(
                        "the lead organisation is not a member of alliance {alliance}, so it \
                         cannot share with it"
                    ),
                ));
            }
        }
    }
}

/// Adds an error when the draft names a treaty event the dataset does not hold.
pub(crate) fn check_outcome_event(
    conn: &mut DbConnection,
    draft: &ActionDraft,
    errors: &mut Vec<FieldError>,
) -> Result<(), StoreError> {
    let Some(event) = &draft.outcome_event else {
        return Ok(());
    };
    let found = treaty_events::table
        .filter(treaty_events::state.eq(event.state.as_str()))
        .filter(treaty_events::treaty.eq(event.treaty.as_str()))
        .filter(treaty_events::kind.eq(event.kind.code()))
        .filter(treaty_events::date.eq(event.date))
        .count()
        .get_result::<i64>(conn)?;
    if found == 0 {
        errors.push(FieldError::new(
            "outcome_event",
            "unknown_event",
            format!(
                "no {} of {} by {} on {} in the treaty data",
                event.kind, event.treaty, event.state, event.date
            ),
        ));
    }
    Ok(())
}
