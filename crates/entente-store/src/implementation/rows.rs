//! Rows of the implementation tables and their conversion to the core types.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use entente_core::access::{AllianceId, OrgId, UserId};
use entente_core::implementation::{
    Art17Listing, NpmStatement, PartialDate, PublishedReport, SptVisitDraft, SptVisitFact,
    SptVisitId,
};

use super::SptVisit;
use crate::accounts::rows::stored_code;
use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::schema::{
    art17_listings, npm_statements, published_spt_reports, spt_visit_alliances, spt_visit_facts,
    spt_visits,
};

fn position(index: usize) -> i32 {
    i32::try_from(index).unwrap_or(i32::MAX)
}

fn partial(
    table: &str,
    key: i32,
    column: &str,
    text: Option<&str>,
) -> Result<Option<PartialDate>, StoreError> {
    text.map(|t| {
        PartialDate::parse(t)
            .map_err(|e| StoreError::corrupt(format!("{table} {key}, {column}: {e}")))
    })
    .transpose()
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = npm_statements, treat_none_as_null = true, treat_none_as_default_value = false)]
pub(crate) struct StatementRow {
    pub position: i32,
    pub state: String,
    pub npm_name: String,
    pub npm_type: String,
    pub npm_type_group: String,
    pub designation_text: String,
    pub designation_date: Option<String>,
    pub designation_precision: Option<String>,
    pub designation_note: Option<String>,
    pub legal_basis: String,
    pub ratification_date: Option<NaiveDate>,
    pub source_url: String,
    pub source_org: String,
    pub source_as_of: String,
    pub notes: String,
    pub is_primary: bool,
}

impl StatementRow {
    pub(crate) fn new(index: usize, s: &NpmStatement) -> Self {
        StatementRow {
            position: position(index),
            state: s.state.to_string(),
            npm_name: s.npm_name.clone(),
            npm_type: s.npm_type.clone(),
            npm_type_group: s.npm_type_group.clone(),
            designation_text: s.designation_text.clone(),
            designation_date: s.designation.map(|d| d.to_string()),
            designation_precision: s.designation.map(|d| d.precision.code().to_owned()),
            designation_note: s.designation_note.clone(),
            legal_basis: s.legal_basis.clone(),
            ratification_date: s.ratification_date,
            source_url: s.source_url.clone(),
            source_org: s.source_org.clone(),
            source_as_of: s.source_as_of.clone(),
            notes: s.notes.clone(),
            is_primary: s.is_primary,
        }
    }

    pub(crate) fn into_statement(self) -> Result<NpmStatement, StoreError> {
        let table = "npm_statements";
        Ok(NpmStatement {
            state: stored_code(table, self.position, "state", &self.state)?,
            designation: partial(
                table,
                self.position,
                "designation_date",
                self.designation_date.as_deref(),
            )?,
            npm_name: self.npm_name,
            npm_type: self.npm_type,
            npm_type_group: self.npm_type_group,
            designation_text: self.designation_text,
            designation_note: self.designation_note,
            legal_basis: self.legal_basis,
            ratification_date: self.ratification_date,
            source_url: self.source_url,
            source_org: self.source_org,
            source_as_of: self.source_as_of,
            notes: self.notes,
            is_primary: self.is_primary,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = spt_visit_facts, treat_none_as_null = true, treat_none_as_default_value = false)]
pub(crate) struct VisitFactRow {
    pub position: i32,
    pub state: String,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    pub year: Option<i32>,
    pub visit_type: String,
    pub report_published: String,
    pub report_published_detail: String,
    pub source_url: String,
    pub notes: String,
}

impl VisitFactRow {
    pub(crate) fn new(index: usize, v: &SptVisitFact) -> Self {
        VisitFactRow {
            position: position(index),
            state: v.state.to_string(),
            start_date: v.start.map(|d| d.to_string()),
            end_date: v.end.map(|d| d.to_string()),
            year: v.year,
            visit_type: v.visit_type.clone(),
            report_published: v.report_published.code().to_owned(),
            report_published_detail: v.report_published_detail.clone(),
            source_url: v.source_url.clone(),
            notes: v.notes.clone(),
        }
    }

    pub(crate) fn into_fact(self) -> Result<SptVisitFact, StoreError> {
        let table = "spt_visit_facts";
        Ok(SptVisitFact {
            state: stored_code(table, self.position, "state", &self.state)?,
            start: partial(
                table,
                self.position,
                "start_date",
                self.start_date.as_deref(),
            )?,
            end: partial(table, self.position, "end_date", self.end_date.as_deref())?,
            year: self.year,
            visit_type: self.visit_type,
            report_published: stored_code(
                table,
                self.position,
                "report_published",
                &self.report_published,
            )?,
            report_published_detail: self.report_published_detail,
            source_url: self.source_url,
            notes: self.notes,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = art17_listings)]
pub(crate) struct Art17Row {
    pub state: String,
    pub as_of: String,
    pub source_url: String,
    pub later_status_note: String,
}

impl Art17Row {
    pub(crate) fn new(a: &Art17Listing) -> Self {
        Art17Row {
            state: a.state.to_string(),
            as_of: a.as_of.clone(),
            source_url: a.source_url.clone(),
            later_status_note: a.later_status_note.clone(),
        }
    }

    pub(crate) fn into_listing(self) -> Result<Art17Listing, StoreError> {
        Ok(Art17Listing {
            state: stored_code("art17_listings", &self.state, "state", &self.state)?,
            as_of: self.as_of,
            source_url: self.source_url,
            later_status_note: self.later_status_note,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = published_spt_reports)]
pub(crate) struct PublishedRow {
    pub position: i32,
    pub state: String,
    pub name_in_source: String,
    pub year_as_listed: String,
    pub category: String,
    pub source_url: String,
    pub as_of: String,
}

impl PublishedRow {
    pub(crate) fn new(index: usize, p: &PublishedReport) -> Self {
        PublishedRow {
            position: position(index),
            state: p.state.to_string(),
            name_in_source: p.name_in_source.clone(),
            year_as_listed: p.year_as_listed.clone(),
            category: p.category.clone(),
            source_url: p.source_url.clone(),
            as_of: p.as_of.clone(),
        }
    }

    pub(crate) fn into_report(self) -> Result<PublishedReport, StoreError> {
        Ok(PublishedReport {
            state: stored_code("published_spt_reports", self.position, "state", &self.state)?,
            name_in_source: self.name_in_source,
            year_as_listed: self.year_as_listed,
            category: self.category,
            source_url: self.source_url,
            as_of: self.as_of,
        })
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = spt_visits)]
pub(crate) struct VisitRow {
    pub id: i64,
    pub owner_org: i64,
    pub state: String,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub visit_type: String,
    pub report_sent_on: Option<NaiveDate>,
    pub report_published: String,
    pub report_published_on: Option<NaiveDate>,
    pub report_url: Option<String>,
    pub reply_received_on: Option<NaiveDate>,
    pub notes: String,
    pub visibility: String,
    pub created_by: Option<i64>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// A record's content columns: what a creation inserts and a change sets.
#[derive(Debug, Clone, Insertable, AsChangeset)]
#[diesel(table_name = spt_visits, treat_none_as_null = true)]
pub(crate) struct VisitContentRow {
    pub owner_org: i64,
    pub state: String,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub visit_type: String,
    pub report_sent_on: Option<NaiveDate>,
    pub report_published: String,
    pub report_published_on: Option<NaiveDate>,
    pub report_url: Option<String>,
    pub reply_received_on: Option<NaiveDate>,
    pub notes: String,
    pub visibility: String,
    pub updated_at: NaiveDateTime,
}

impl VisitContentRow {
    pub(crate) fn new(draft: &SptVisitDraft, now: NaiveDateTime) -> Self {
        VisitContentRow {
            owner_org: draft.owner.0,
            state: draft.state.to_string(),
            start_date: draft.start,
            end_date: draft.end,
            visit_type: draft.visit_type.code().to_owned(),
            report_sent_on: draft.report_sent_on,
            report_published: draft.report_published.code().to_owned(),
            report_published_on: draft.report_published_on,
            report_url: draft.report_url.as_ref().map(|u| u.trim().to_owned()),
            reply_received_on: draft.reply_received_on,
            notes: draft.notes.trim().to_owned(),
            visibility: draft.visibility.code().to_owned(),
            updated_at: now,
        }
    }
}

/// The records of `rows` with the alliances each is shared with.
pub(crate) fn visits_with_alliances(
    conn: &mut DbConnection,
    rows: Vec<VisitRow>,
) -> Result<Vec<SptVisit>, StoreError> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut shared: HashMap<i64, Vec<AllianceId>> = HashMap::new();
    for chunk in ids.chunks(10_000) {
        let links: Vec<(i64, i64)> = spt_visit_alliances::table
            .filter(spt_visit_alliances::visit_id.eq_any(chunk))
            .order((
                spt_visit_alliances::visit_id,
                spt_visit_alliances::alliance_id,
            ))
            .select((
                spt_visit_alliances::visit_id,
                spt_visit_alliances::alliance_id,
            ))
            .load(conn)?;
        for (visit, alliance) in links {
            shared.entry(visit).or_default().push(AllianceId(alliance));
        }
    }
    rows.into_iter()
        .map(|row| {
            let table = "spt_visits";
            let key = row.id;
            Ok(SptVisit {
                id: SptVisitId(row.id),
                content: SptVisitDraft {
                    state: stored_code(table, key, "state", &row.state)?,
                    start: row.start_date,
                    end: row.end_date,
                    visit_type: stored_code(table, key, "visit_type", &row.visit_type)?,
                    report_sent_on: row.report_sent_on,
                    report_published: stored_code(
                        table,
                        key,
                        "report_published",
                        &row.report_published,
                    )?,
                    report_published_on: row.report_published_on,
                    report_url: row.report_url,
                    reply_received_on: row.reply_received_on,
                    notes: row.notes,
                    owner: OrgId(row.owner_org),
                    visibility: stored_code(table, key, "visibility", &row.visibility)?,
                    shared_with: shared.remove(&row.id).unwrap_or_default(),
                },
                created_by: row.created_by.map(UserId),
                created_at: row.created_at,
                updated_at: row.updated_at,
            })
        })
        .collect()
}
