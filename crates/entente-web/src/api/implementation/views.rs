//! How the API shows a state's implementation facts and SPT visit records.

use chrono::NaiveDate;
use entente_core::Iso3;
use entente_core::implementation::{
    Disagreement, FollowUp, NpmStatement, SptVisitFact, disagreements, follow_up,
};
use entente_store::{SptVisit, StateFacts};
use serde::Serialize;
use utoipa::ToSchema;

use crate::api::actions::view::Names;

/// An organisation by number and short name.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OwnerRef {
    pub id: i64,
    pub short_name: String,
}

/// Where a visit's follow-up stands on the day asked for.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FollowUpView {
    /// `no_report`, `awaiting`, `overdue`, `replied` or `replied_late`.
    pub status: String,
    /// The report-sent day plus six months.
    pub due: Option<NaiveDate>,
    pub days_late: Option<i64>,
}

impl FollowUpView {
    pub fn new(status: FollowUp) -> FollowUpView {
        FollowUpView {
            status: status.code().to_owned(),
            due: status.due(),
            days_late: match status {
                FollowUp::Overdue { days_late, .. } => Some(days_late),
                _ => None,
            },
        }
    }
}

/// An SPT visit record as the API shows it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SptVisitView {
    pub id: i64,
    pub state: String,
    /// Absent when the reader may not see the organisation.
    pub owner: Option<OwnerRef>,
    pub visibility: String,
    pub shared_with: Vec<i64>,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub visit_type: String,
    pub report_sent_on: Option<NaiveDate>,
    pub report_published: String,
    pub report_published_on: Option<NaiveDate>,
    pub report_url: Option<String>,
    pub reply_received_on: Option<NaiveDate>,
    pub notes: String,
    pub follow_up: FollowUpView,
}

impl SptVisitView {
    pub fn new(visit: SptVisit, names: &Names, as_of: NaiveDate) -> SptVisitView {
        let c = visit.content;
        SptVisitView {
            id: visit.id.0,
            state: c.state.to_string(),
            owner: names.orgs.get(&c.owner).map(|short| OwnerRef {
                id: c.owner.0,
                short_name: short.clone(),
            }),
            visibility: c.visibility.code().to_owned(),
            shared_with: c
                .shared_with
                .iter()
                .filter(|a| names.alliances.contains_key(a))
                .map(|a| a.0)
                .collect(),
            start: c.start,
            end: c.end,
            visit_type: c.visit_type.code().to_owned(),
            report_sent_on: c.report_sent_on,
            report_published: c.report_published.code().to_owned(),
            report_published_on: c.report_published_on,
            report_url: c.report_url,
            reply_received_on: c.reply_received_on,
            notes: c.notes,
            follow_up: FollowUpView::new(follow_up(c.report_sent_on, c.reply_received_on, as_of)),
        }
    }
}

/// One source's statement about the NPM, as the source gives it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct NpmStatementView {
    pub npm_name: String,
    pub names_an_npm: bool,
    pub npm_type: String,
    pub npm_type_group: String,
    pub designation_text: String,
    /// YYYY, YYYY-MM or YYYY-MM-DD: the date read from the start of `designation_text`.
    pub designation_date: Option<String>,
    /// `day`, `month` or `year`.
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

impl NpmStatementView {
    fn new(s: &NpmStatement) -> NpmStatementView {
        NpmStatementView {
            npm_name: s.npm_name.clone(),
            names_an_npm: s.names_an_npm(),
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
}

/// Where the statements disagree.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DisagreementView {
    /// `existence`, `name`, `type`, `designation_date` or `stated_in_source`.
    pub field: String,
    /// Indexes into `statements`.
    pub statements: Vec<usize>,
}

impl DisagreementView {
    fn new(d: &Disagreement) -> DisagreementView {
        DisagreementView {
            field: d.field.code().to_owned(),
            statements: d.statements.clone(),
        }
    }
}

/// An SPT visit found in a public source.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SptVisitFactView {
    /// YYYY-MM-DD or YYYY-MM, as the source gives it.
    pub start: Option<String>,
    pub end: Option<String>,
    pub year: Option<i32>,
    /// In the source's words.
    pub visit_type: String,
    /// `yes`, `no` or `unknown`.
    pub report_published: String,
    pub report_published_detail: String,
    pub source_url: String,
    pub notes: String,
}

impl SptVisitFactView {
    fn new(v: &SptVisitFact) -> SptVisitFactView {
        SptVisitFactView {
            start: v.start.map(|d| d.to_string()),
            end: v.end.map(|d| d.to_string()),
            year: v.year,
            visit_type: v.visit_type.clone(),
            report_published: v.report_published.code().to_owned(),
            report_published_detail: v.report_published_detail.clone(),
            source_url: v.source_url.clone(),
            notes: v.notes.clone(),
        }
    }
}

/// The state's entry on the SPT's Art. 17 "substantially overdue" list.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Art17View {
    /// The list's date as far as it is known: a 2016–2019 snapshot.
    pub as_of: String,
    pub source_url: String,
    pub later_status_note: String,
}

/// An entry of the OHCHR's 2023 list of published SPT reports.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PublishedReportView {
    pub name_in_source: String,
    pub year_as_listed: String,
    pub category: String,
    pub source_url: String,
    pub as_of: String,
}

/// A state's implementation: the sourced public facts and the visit records the reader may see.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct StateImplementationView {
    pub state: String,
    /// The day the follow-up statuses are computed for.
    pub as_of: NaiveDate,
    /// Every source's statement, side by side; empty when no source speaks of the state.
    pub statements: Vec<NpmStatementView>,
    pub disagreements: Vec<DisagreementView>,
    /// True when no source names an NPM for the state (a gap, not a guess).
    pub no_npm_named: bool,
    pub spt_visits: Vec<SptVisitFactView>,
    pub art17: Option<Art17View>,
    pub published_reports: Vec<PublishedReportView>,
    /// Members' records of SPT visits, shown beside the facts, never merged with them.
    pub visit_records: Vec<SptVisitView>,
}

impl StateImplementationView {
    pub fn new(
        state: Iso3,
        facts: StateFacts,
        records: Vec<SptVisit>,
        names: &Names,
        as_of: NaiveDate,
    ) -> StateImplementationView {
        StateImplementationView {
            state: state.to_string(),
            as_of,
            disagreements: disagreements(&facts.statements)
                .iter()
                .map(DisagreementView::new)
                .collect(),
            no_npm_named: !facts.statements.iter().any(NpmStatement::names_an_npm),
            statements: facts.statements.iter().map(NpmStatementView::new).collect(),
            spt_visits: facts.visits.iter().map(SptVisitFactView::new).collect(),
            art17: facts.art17.map(|a| Art17View {
                as_of: a.as_of,
                source_url: a.source_url,
                later_status_note: a.later_status_note,
            }),
            published_reports: facts
                .published_reports
                .into_iter()
                .map(|p| PublishedReportView {
                    name_in_source: p.name_in_source,
                    year_as_listed: p.year_as_listed,
                    category: p.category,
                    source_url: p.source_url,
                    as_of: p.as_of,
                })
                .collect(),
            visit_records: records
                .into_iter()
                .map(|v| SptVisitView::new(v, names, as_of))
                .collect(),
        }
    }
}
