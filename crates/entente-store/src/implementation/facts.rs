//! The shipped implementation facts: loaded with the reference data (each
//! row matched on its position in the shipped file, so a second load of the
//! same facts changes nothing) and read per state. Public: no scope.

use std::collections::HashMap;

use diesel::prelude::*;
use entente_core::Iso3;
use entente_core::implementation::{
    Art17Listing, NpmFacts, NpmStatement, PublishedReport, SptVisitFact,
};

use super::rows::{Art17Row, PublishedRow, StatementRow, VisitFactRow};
use crate::batch::insert_batches;
use crate::connection::DbConnection;
use crate::schema::{
    art17_listings, npm_statements, published_spt_reports, spt_visit_facts, states,
};
use crate::{ImportReport, Store, StoreError, transaction};

/// What the shipped dataset says of one state's implementation.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StateFacts {
    /// Every source's statement about the NPM, in the shipped file's order (primary first).
    pub statements: Vec<NpmStatement>,
    /// SPT visits found in public sources, the earliest first.
    pub visits: Vec<SptVisitFact>,
    /// The state's entry on the Art. 17 "substantially overdue" list, if any.
    pub art17: Option<Art17Listing>,
    pub published_reports: Vec<PublishedReport>,
}

/// Makes a table's rows those of `incoming`, matched on `key`: new rows
/// inserted, changed ones updated, stored ones the input lacks deleted.
macro_rules! sync_table {
    ($conn:expr, $table:ident, $row:ty, $key:ident, $incoming:expr) => {{
        let incoming: Vec<$row> = $incoming;
        let mut stored: HashMap<_, $row> = $table::table
            .select(<$row>::as_select())
            .load($conn)?
            .into_iter()
            .map(|row| (row.$key.clone(), row))
            .collect();
        let mut report = ImportReport::default();
        let mut inserts = Vec::new();
        for row in incoming {
            match stored.remove(&row.$key) {
                None => inserts.push(row),
                Some(old) if old == row => report.unchanged += 1,
                Some(_) => {
                    diesel::update($table::table.find(row.$key.clone()))
                        .set(&row)
                        .execute($conn)?;
                    report.updated += 1;
                }
            }
        }
        report.inserted = inserts.len();
        insert_batches!($conn, $table::table, inserts);
        for key in stored.into_keys() {
            diesel::delete($table::table.find(key)).execute($conn)?;
            report.updated += 1;
        }
        report
    }};
}

impl Store {
    /// Loads the implementation facts of a dataset in one transaction; every
    /// state they name must be stored already (load the reference data
    /// first). Loading the same facts again changes nothing; facts the new
    /// ones lack are removed (counted as updated).
    pub fn load_npm_facts(&self, facts: &NpmFacts) -> Result<ImportReport, StoreError> {
        let mut conn = self.connection()?;
        check_states(&mut conn, facts)?;
        let report = transaction::write(&mut conn, |conn| {
            let mut report = sync_table!(
                conn,
                npm_statements,
                StatementRow,
                position,
                facts
                    .statements
                    .iter()
                    .enumerate()
                    .map(|(i, s)| StatementRow::new(i, s))
                    .collect()
            );
            report += sync_table!(
                conn,
                spt_visit_facts,
                VisitFactRow,
                position,
                facts
                    .visits
                    .iter()
                    .enumerate()
                    .map(|(i, v)| VisitFactRow::new(i, v))
                    .collect()
            );
            report += sync_table!(
                conn,
                art17_listings,
                Art17Row,
                state,
                facts.art17.iter().map(Art17Row::new).collect()
            );
            report += sync_table!(
                conn,
                published_spt_reports,
                PublishedRow,
                position,
                facts
                    .published_reports
                    .iter()
                    .enumerate()
                    .map(|(i, p)| PublishedRow::new(i, p))
                    .collect()
            );
            Ok(report)
        })?;
        tracing::debug!(%report, "implementation facts loaded");
        Ok(report)
    }

    /// What the shipped dataset says of `state`'s implementation.
    pub fn npm_facts_of_state(&self, state: Iso3) -> Result<StateFacts, StoreError> {
        let mut conn = self.connection()?;
        let code = state.to_string();
        let statements = npm_statements::table
            .filter(npm_statements::state.eq(&code))
            .order(npm_statements::position)
            .select(StatementRow::as_select())
            .load(&mut *conn)?
            .into_iter()
            .map(StatementRow::into_statement)
            .collect::<Result<Vec<_>, _>>()?;
        let mut visits = spt_visit_facts::table
            .filter(spt_visit_facts::state.eq(&code))
            .order(spt_visit_facts::position)
            .select(VisitFactRow::as_select())
            .load(&mut *conn)?
            .into_iter()
            .map(VisitFactRow::into_fact)
            .collect::<Result<Vec<_>, _>>()?;
        visits.sort_by_key(|v| {
            (
                v.year.or(v.start.map(|s| chrono::Datelike::year(&s.start))),
                v.start,
            )
        });
        let art17 = art17_listings::table
            .find(&code)
            .select(Art17Row::as_select())
            .first(&mut *conn)
            .optional()?
            .map(Art17Row::into_listing)
            .transpose()?;
        let published_reports = published_spt_reports::table
            .filter(published_spt_reports::state.eq(&code))
            .order(published_spt_reports::position)
            .select(PublishedRow::as_select())
            .load(&mut *conn)?
            .into_iter()
            .map(PublishedRow::into_report)
            .collect::<Result<Vec<_>, _>>()?;
        Ok(StateFacts {
            statements,
            visits,
            art17,
            published_reports,
        })
    }
}

/// Checked here, not left to the foreign keys, so the error names the fact.
fn check_states(conn: &mut DbConnection, facts: &NpmFacts) -> Result<(), StoreError> {
    let known: std::collections::HashSet<String> = states::table
        .select(states::iso3)
        .load(conn)?
        .into_iter()
        .collect();
    let named = facts
        .statements
        .iter()
        .map(|s| ("NPM statement", s.state))
        .chain(facts.visits.iter().map(|v| ("SPT visit", v.state)))
        .chain(facts.art17.iter().map(|a| ("Art. 17 listing", a.state)))
        .chain(
            facts
                .published_reports
                .iter()
                .map(|p| ("published report", p.state)),
        );
    for (what, state) in named {
        if !known.contains(state.as_str()) {
            return Err(StoreError::integrity(format!(
                "{what} of {state}: the state is unknown (load the reference data first)"
            )));
        }
    }
    Ok(())
}
