//! The state page's "Implementation" section: the NPM as each source states
//! it, side by side, with a visible marker where they disagree; the SPT
//! visits found in public sources beside the visit records members keep
//! (never merged), each record with its follow-up deadline; the Art. 17
//! listing with its snapshot caveat; the published-report year. Only the
//! records the reader may see.

use chrono::{Datelike, NaiveDate};
use entente_core::Iso3;
use entente_core::access::{AccessScope, RecordAccess, can_write};
use entente_core::implementation::{
    DatePrecision, FollowUp, NpmStatement, PartialDate, SptVisitFact, disagreements, follow_up,
};
use entente_store::{SptVisit, StateFacts, StoreError};

use super::chrome::Chrome;
use crate::api::actions::view::Names;
use crate::auth::Viewer;
use crate::error::AppError;
use crate::locale::Locale;
use crate::state::AppState;

/// One source's statement as the section shows it.
pub struct StatementRow {
    pub source_org: String,
    pub source_url: String,
    pub source_as_of: String,
    pub primary: bool,
    pub name: String,
    pub npm_type: String,
    pub designation_text: String,
    /// The date read from the text, with its precision, or empty.
    pub designation_date: String,
    pub designation_note: String,
    pub legal_basis: String,
    pub notes: String,
    /// This statement is among those that disagree.
    pub disagrees: bool,
}

pub struct VisitFactRow {
    pub when: String,
    pub visit_type: String,
    pub report: String,
    pub detail: String,
    pub source_url: String,
    pub notes: String,
}

pub struct VisitRecordRow {
    pub id: i64,
    pub when: String,
    pub visit_type: String,
    pub report_sent: String,
    pub due: String,
    pub status: String,
    /// `overdue` when the reply is late: the row is marked in words too.
    pub status_code: &'static str,
    pub report: String,
    pub owner: String,
    pub editable: bool,
}

pub struct Art17Row {
    pub as_of: String,
    pub source_url: String,
    pub later: String,
}

pub struct PublishedRow {
    pub year: String,
    pub category: String,
    pub source_url: String,
    pub as_of: String,
}

/// What the section shows; built by [`state_implementation`].
pub struct StateImplementation {
    pub statements: Vec<StatementRow>,
    /// "Sources disagree on: the designation date, the name", or empty.
    pub disagreement: String,
    /// No source names an NPM (a gap, not a guess).
    pub no_npm: bool,
    /// No source in the dataset speaks of the state's NPM at all.
    pub no_statement: bool,
    pub visit_facts: Vec<VisitFactRow>,
    pub records: Vec<VisitRecordRow>,
    pub art17: Option<Art17Row>,
    pub published: Vec<PublishedRow>,
    /// The form to record a visit, for a member who may write for an organisation.
    pub new_href: Option<String>,
    pub api_href: String,
}

/// A date as precise as its source, in the reader's language.
pub fn partial_date(locale: Locale, date: &PartialDate) -> String {
    match date.precision {
        DatePrecision::Day => locale.date(date.start),
        DatePrecision::Month => format!(
            "{} {}",
            locale.t(&format!("month-{}", date.start.month())),
            date.start.year()
        ),
        DatePrecision::Year => date.start.year().to_string(),
    }
}

fn fact_when(locale: Locale, visit: &SptVisitFact) -> String {
    match (visit.start, visit.end, visit.year) {
        (Some(start), Some(end), _) => {
            format!(
                "{} – {}",
                partial_date(locale, &start),
                partial_date(locale, &end)
            )
        }
        (Some(start), None, _) => partial_date(locale, &start),
        (None, _, Some(year)) => year.to_string(),
        (None, _, None) => locale.t("impl-date-unknown"),
    }
}

fn record_when(locale: Locale, start: Option<NaiveDate>, end: Option<NaiveDate>) -> String {
    match (start, end) {
        (Some(s), Some(e)) => format!("{} – {}", locale.date(s), locale.date(e)),
        (Some(d), None) | (None, Some(d)) => locale.date(d),
        (None, None) => locale.t("impl-date-unknown"),
    }
}

/// The follow-up status in words.
pub fn follow_up_text(locale: Locale, status: &FollowUp) -> String {
    match status {
        FollowUp::Overdue { days_late, .. } => {
            locale.t_args("impl-followup-overdue", &[("days", (*days_late).into())])
        }
        FollowUp::Replied { on, .. } => locale.t_args(
            &format!("impl-followup-{}", status.code()),
            &[("date", locale.date(*on).into())],
        ),
        _ => locale.t(&format!("impl-followup-{}", status.code())),
    }
}

fn statement_row(s: &NpmStatement, disagrees: bool, locale: Locale) -> StatementRow {
    StatementRow {
        source_org: s.source_org.clone(),
        source_url: s.source_url.clone(),
        source_as_of: s.source_as_of.clone(),
        primary: s.is_primary,
        name: if s.npm_name.trim().is_empty() {
            locale.t("impl-not-given")
        } else {
            s.npm_name.clone()
        },
        npm_type: if s.npm_type.trim().is_empty() {
            locale.t("impl-not-given")
        } else {
            s.npm_type.clone()
        },
        designation_text: s.designation_text.clone(),
        designation_date: s
            .designation
            .map(|d| {
                locale.t_args(
                    "impl-date-read",
                    &[
                        ("date", partial_date(locale, &d).into()),
                        (
                            "precision",
                            locale.t(&format!("impl-precision-{}", d.precision)).into(),
                        ),
                    ],
                )
            })
            .unwrap_or_default(),
        designation_note: s.designation_note.clone().unwrap_or_default(),
        legal_basis: s.legal_basis.clone(),
        notes: s.notes.clone(),
        disagrees,
    }
}

/// Builds the section from what the store gives: the facts and the visible records.
pub fn build(
    iso3: Iso3,
    facts: &StateFacts,
    records: &[SptVisit],
    names: &Names,
    scope: &AccessScope,
    as_of: NaiveDate,
    chrome: &Chrome,
) -> StateImplementation {
    let locale = chrome.locale;
    let found = disagreements(&facts.statements);
    let concerned: Vec<usize> = found.iter().flat_map(|d| d.statements.clone()).collect();
    let disagreement = if found.is_empty() {
        String::new()
    } else {
        let fields: Vec<String> = found
            .iter()
            .map(|d| locale.t(&format!("impl-disagree-{}", d.field)))
            .collect();
        locale.t_args("impl-disagree", &[("fields", fields.join(", ").into())])
    };
    let writer = names
        .orgs
        .keys()
        .any(|org| can_write(scope, &RecordAccess::private(*org)));
    StateImplementation {
        statements: facts
            .statements
            .iter()
            .enumerate()
            .map(|(i, s)| statement_row(s, concerned.contains(&i), locale))
            .collect(),
        disagreement,
        no_npm: !facts.statements.is_empty()
            && !facts.statements.iter().any(NpmStatement::names_an_npm),
        no_statement: facts.statements.is_empty(),
        visit_facts: facts
            .visits
            .iter()
            .map(|v| VisitFactRow {
                when: fact_when(locale, v),
                visit_type: if v.visit_type.is_empty() {
                    locale.t("impl-not-given")
                } else {
                    v.visit_type.clone()
                },
                report: locale.t(&format!("impl-published-{}", v.report_published)),
                detail: v.report_published_detail.clone(),
                source_url: v.source_url.clone(),
                notes: v.notes.clone(),
            })
            .collect(),
        records: records
            .iter()
            .map(|r| {
                let c = &r.content;
                let status = follow_up(c.report_sent_on, c.reply_received_on, as_of);
                VisitRecordRow {
                    id: r.id.0,
                    when: record_when(locale, c.start, c.end),
                    visit_type: locale.t(&format!("impl-kind-{}", c.visit_type)),
                    report_sent: locale.date_or_dash(c.report_sent_on),
                    due: locale.date_or_dash(status.due()),
                    status: follow_up_text(locale, &status),
                    status_code: if status.is_overdue() { "overdue" } else { "" },
                    report: locale.t(&format!("impl-published-{}", c.report_published)),
                    owner: names.orgs.get(&c.owner).cloned().unwrap_or_default(),
                    editable: can_write(scope, &c.access()),
                }
            })
            .collect(),
        art17: facts.art17.as_ref().map(|a| Art17Row {
            as_of: a.as_of.clone(),
            source_url: a.source_url.clone(),
            later: a.later_status_note.clone(),
        }),
        published: facts
            .published_reports
            .iter()
            .map(|p| PublishedRow {
                year: if p.year_as_listed.is_empty() {
                    locale.t("impl-not-given")
                } else {
                    p.year_as_listed.clone()
                },
                category: p.category.clone(),
                source_url: p.source_url.clone(),
                as_of: p.as_of.clone(),
            })
            .collect(),
        new_href: writer.then(|| chrome.href(&format!("/spt-visits/new?state={iso3}"))),
        api_href: format!("/api/v1/states/{iso3}/implementation"),
    }
}

/// The section of `iso3`'s page as `viewer` may see it on `as_of`.
pub async fn state_implementation(
    app: &AppState,
    viewer: &Viewer,
    iso3: Iso3,
    as_of: NaiveDate,
    chrome: &Chrome,
) -> Result<StateImplementation, AppError> {
    let scope = viewer.scope.clone();
    let (facts, records, names) = app
        .read(move |store| {
            Ok::<_, StoreError>((
                store.npm_facts_of_state(iso3)?,
                store.spt_visits_of_state(&scope, iso3)?,
                Names::load(store, &scope)?,
            ))
        })
        .await?;
    Ok(build(
        iso3,
        &facts,
        &records,
        &names,
        &viewer.scope,
        as_of,
        chrome,
    ))
}
