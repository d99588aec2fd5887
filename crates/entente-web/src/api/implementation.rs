//! `/api/v1/states/{iso3}/implementation` and `/api/v1/spt-visits`: the
//! shipped implementation facts of a state with the SPT visit records the
//! reader may see, and the records themselves. Reading takes whatever the
//! session or token may read (a hidden record answers exactly as a missing
//! one, `not_found`); changing one takes an editor or admin of its owner.
//! Broken rules come back together as `invalid_fields`.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use entente_core::Iso3;
use entente_core::access::{AccessScope, AllianceId, Visibility};
use entente_core::implementation::{
    Disagreement, FollowUp, NpmStatement, ReportPublished, SptVisitDraft, SptVisitFact, SptVisitId,
    SptVisitType, disagreements, follow_up,
};
use entente_core::plan::FieldError;
use entente_store::{SptVisit, StateFacts, Store, StoreError};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::api::actions::view::Names;
use crate::auth::Viewer;
use crate::error::{AppError, ErrorBody};
use crate::extract::{AsOf, Params};
use crate::pages::actions::parse_day;
use crate::state::AppState;

/// An SPT visit record's whole content. Dates are YYYY-MM-DD (DD/MM/YYYY is read too).
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct SptVisitInput {
    /// ISO 3166-1 alpha-3.
    #[schema(example = "MEX")]
    pub state: String,
    /// The owner organisation's short name.
    #[schema(example = "apt")]
    pub owner: String,
    /// `private`, `alliance` or `public` (private when absent).
    #[serde(default)]
    pub visibility: String,
    /// Alliance numbers, for `alliance` visibility.
    #[serde(default)]
    pub shared_with: Vec<i64>,
    #[serde(default)]
    pub start: Option<String>,
    #[serde(default)]
    pub end: Option<String>,
    /// `regular`, `follow_up`, `npm_advisory` or `other`.
    #[schema(example = "regular")]
    pub visit_type: String,
    /// The day the SPT sent its report to the state.
    #[serde(default)]
    pub report_sent_on: Option<String>,
    /// `yes`, `no` or `unknown` (unknown when absent).
    #[serde(default)]
    pub report_published: String,
    #[serde(default)]
    pub report_published_on: Option<String>,
    #[serde(default)]
    pub report_url: Option<String>,
    /// The day the state's reply reached the SPT.
    #[serde(default)]
    pub reply_received_on: Option<String>,
    #[serde(default)]
    pub notes: String,
}

fn push(errors: &mut Vec<FieldError>, field: &'static str, code: &'static str, message: String) {
    errors.push(FieldError::new(field, code, message));
}

fn day(
    errors: &mut Vec<FieldError>,
    field: &'static str,
    text: &Option<String>,
) -> Option<NaiveDate> {
    let text = text.as_deref().map(str::trim).filter(|t| !t.is_empty())?;
    let day = parse_day(text);
    if day.is_none() {
        push(
            errors,
            field,
            "not_a_date",
            format!("{text:?} is not a date (write YYYY-MM-DD or DD/MM/YYYY)"),
        );
    }
    day
}

fn code<T: std::str::FromStr<Err = entente_core::ParseCodeError>>(
    errors: &mut Vec<FieldError>,
    field: &'static str,
    text: &str,
    default: Option<T>,
) -> Option<T> {
    match (text.trim(), default) {
        ("", Some(value)) => Some(value),
        (text, _) => match text.parse() {
            Ok(value) => Some(value),
            Err(e) if text.is_empty() => {
                push(
                    errors,
                    field,
                    "required",
                    format!("choose one of: {}", e.expected),
                );
                None
            }
            Err(e) => {
                push(errors, field, "unknown_code", e.to_string());
                None
            }
        },
    }
}

impl SptVisitInput {
    /// The draft, or every problem: those of reading the text, then the
    /// draft's own rules for the fields that could be read.
    pub fn to_draft(&self, names: &Names) -> Result<SptVisitDraft, Vec<FieldError>> {
        let mut errors = Vec::new();
        let state: Option<Iso3> = self.state.trim().to_ascii_uppercase().parse().ok();
        if state.is_none() {
            push(
                &mut errors,
                "state",
                "unknown_state",
                format!("{:?} is not an ISO 3166-1 alpha-3 code", self.state),
            );
        }
        let owner = names.org_by_short_name(self.owner.trim());
        if owner.is_none() {
            push(
                &mut errors,
                "owner",
                "unknown_organisation",
                "no organisation you can see has this short name".to_owned(),
            );
        }
        let visibility = code(
            &mut errors,
            "visibility",
            &self.visibility,
            Some(Visibility::Private),
        );
        let visit_type = code::<SptVisitType>(&mut errors, "visit_type", &self.visit_type, None);
        let report_published = code(
            &mut errors,
            "report_published",
            &self.report_published,
            Some(ReportPublished::Unknown),
        );
        let start = day(&mut errors, "start", &self.start);
        let end = day(&mut errors, "end", &self.end);
        let report_sent_on = day(&mut errors, "report_sent_on", &self.report_sent_on);
        let report_published_on = day(
            &mut errors,
            "report_published_on",
            &self.report_published_on,
        );
        let reply_received_on = day(&mut errors, "reply_received_on", &self.reply_received_on);
        let unread: Vec<&'static str> = errors.iter().map(|e| e.field).collect();
        let (Some(state), Some(owner), Some(visibility), Some(visit_type), Some(report_published)) =
            (state, owner, visibility, visit_type, report_published)
        else {
            return Err(errors);
        };
        let draft = SptVisitDraft {
            state,
            start,
            end,
            visit_type,
            report_sent_on,
            report_published,
            report_published_on,
            report_url: self
                .report_url
                .as_deref()
                .map(str::trim)
                .filter(|u| !u.is_empty())
                .map(str::to_owned),
            reply_received_on,
            notes: self.notes.clone(),
            owner,
            visibility,
            shared_with: self.shared_with.iter().map(|a| AllianceId(*a)).collect(),
        };
        if let Err(more) = draft.validate() {
            errors.extend(more.into_iter().filter(|e| !unread.contains(&e.field)));
        }
        if errors.is_empty() {
            Ok(draft)
        } else {
            Err(errors)
        }
    }
}

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

fn signed_in(viewer: &Viewer) -> Result<AccessScope, AppError> {
    match viewer.account {
        Some(_) => Ok(viewer.scope.clone()),
        None => Err(AppError::Unauthenticated),
    }
}

fn json<T>(body: Result<Json<T>, JsonRejection>) -> Result<T, AppError> {
    body.map(|Json(b)| b).map_err(|e| AppError::InvalidField {
        field: "body",
        reason: e.body_text(),
    })
}

fn missing(raw: &str) -> AppError {
    AppError::NotFound(format!("/api/v1/spt-visits/{raw}"))
}

fn number(raw: &str) -> Option<i64> {
    raw.trim().parse::<i64>().ok().filter(|n| *n > 0)
}

fn unseen_owner() -> AppError {
    AppError::InvalidFields(vec![FieldError::new(
        "owner",
        "unknown_organisation",
        "no organisation you can see is the owner",
    )])
}

/// The record numbered `raw` as `scope` may see it, with the read audited
/// when it comes from outside its owner.
fn visible(
    store: &Store,
    scope: &AccessScope,
    raw: &str,
) -> Result<Result<SptVisit, AppError>, StoreError> {
    let Some(id) = number(raw) else {
        return Ok(Err(missing(raw)));
    };
    let Some(visit) = store.spt_visit(scope, SptVisitId(id))? else {
        return Ok(Err(missing(raw)));
    };
    let c = &visit.content;
    crate::auth::audit_outside_read(store, scope, c.owner, c.visibility, "spt_visit", id)?;
    Ok(Ok(visit))
}

/// A state's implementation facts and the SPT visit records the reader may see.
///
/// The facts come from the shipped dataset, each with its source and how
/// current it is; where sources disagree all are given, with the
/// disagreements listed. Follow-up statuses are computed for `as_of`.
#[utoipa::path(
    get,
    path = "/api/v1/states/{iso3}/implementation",
    tag = "monitoring",
    params(
        ("iso3" = String, Path, description = "ISO 3166-1 alpha-3 code"),
        ("as_of" = Option<String>, Query, description = "YYYY-MM-DD: the day the follow-up is computed for (today when absent)"),
    ),
    responses(
        (status = 200, description = "The facts and visible records", body = StateImplementationView),
        (status = 404, description = "No such state (`not_found`)", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub async fn state_implementation(
    State(app): State<AppState>,
    Path(code): Path<String>,
    viewer: Viewer,
    as_of: AsOf,
) -> Result<Json<StateImplementationView>, AppError> {
    let iso3: Iso3 = code
        .parse()
        .map_err(|_| AppError::StateNotFound(code.clone()))?;
    let scope = viewer.scope;
    let day = as_of.date;
    let view = app
        .read(move |store| {
            if store.state(iso3)?.is_none() {
                return Ok::<_, StoreError>(Err(AppError::StateNotFound(code)));
            }
            let names = Names::load(store, &scope)?;
            let facts = store.npm_facts_of_state(iso3)?;
            let records = store.spt_visits_of_state(&scope, iso3)?;
            Ok(Ok(StateImplementationView::new(
                iso3, facts, records, &names, day,
            )))
        })
        .await??;
    Ok(Json(view))
}

/// The SPT visit records the reader may see, by state then visit.
#[utoipa::path(
    get,
    path = "/api/v1/spt-visits",
    tag = "monitoring",
    params(("state" = Option<String>, Query, description = "ISO 3166-1 alpha-3 code: that state's records only")),
    responses(
        (status = 200, description = "The visible records", body = Vec<SptVisitView>),
        (status = 422, description = "`state` is not a code (`invalid_parameter`)", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub async fn list_spt_visits(
    State(app): State<AppState>,
    viewer: Viewer,
    as_of: AsOf,
    RawQuery(raw): RawQuery,
) -> Result<Json<Vec<SptVisitView>>, AppError> {
    let state: Option<Iso3> =
        Params::from_query(raw.as_deref()).parse("state", "an ISO 3166-1 alpha-3 code")?;
    let scope = viewer.scope;
    let day = as_of.date;
    let list = app
        .read(move |store| {
            let names = Names::load(store, &scope)?;
            let found = match state {
                Some(state) => store.spt_visits_of_state(&scope, state)?,
                None => store.spt_visits(&scope)?,
            };
            Ok::<_, StoreError>(
                found
                    .into_iter()
                    .map(|v| SptVisitView::new(v, &names, day))
                    .collect(),
            )
        })
        .await?;
    Ok(Json(list))
}

/// One SPT visit record.
///
/// A read from outside the owner of a record that is not public is logged
/// in the owner's audit log.
#[utoipa::path(
    get,
    path = "/api/v1/spt-visits/{id}",
    tag = "monitoring",
    params(("id" = i64, Path, description = "The record's number")),
    responses(
        (status = 200, description = "The record", body = SptVisitView),
        (status = 404, description = "No such record, or hidden from the reader (`not_found`)", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub async fn show_spt_visit(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    viewer: Viewer,
    as_of: AsOf,
) -> Result<Json<SptVisitView>, AppError> {
    let scope = viewer.scope;
    let day = as_of.date;
    let view = app
        .read(move |store| {
            let visit = match visible(store, &scope, &raw)? {
                Ok(visit) => visit,
                Err(e) => return Ok::<_, StoreError>(Err(e)),
            };
            Ok(Ok(SptVisitView::new(
                visit,
                &Names::load(store, &scope)?,
                day,
            )))
        })
        .await??;
    Ok(Json(view))
}

/// Records an SPT visit.
///
/// Needs an editor or admin of the owner; a read-only token is refused with
/// `token_read_only`. Every broken rule is listed in `fields`
/// (`invalid_fields`): an unknown state, kind or owner, an end before the
/// start, a report sent before the visit, a reply before the report or
/// without it, a publication date for a report not published, an address
/// that is not http(s), an alliance the owner is not in.
#[utoipa::path(
    post,
    path = "/api/v1/spt-visits",
    tag = "monitoring",
    request_body = SptVisitInput,
    responses(
        (status = 201, description = "The new record; `Location` is its address", body = SptVisitView),
        (status = 401, description = "Neither a session nor a token (`unauthenticated`)", body = ErrorBody),
        (status = 403, description = "Not an editor of the owner (`forbidden`), or a read-only token (`token_read_only`)", body = ErrorBody),
        (status = 422, description = "The body cannot be read (`invalid_field`) or breaks rules (`invalid_fields`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn create_spt_visit(
    State(app): State<AppState>,
    viewer: Viewer,
    as_of: AsOf,
    body: Result<Json<SptVisitInput>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = signed_in(&viewer)?;
    let input = json(body)?;
    let day = as_of.date;
    let created = app
        .read(move |store| {
            let names = Names::load(store, &scope)?;
            let draft = match input.to_draft(&names) {
                Ok(draft) => draft,
                Err(errors) => return Ok::<_, StoreError>(Err(AppError::InvalidFields(errors))),
            };
            let id = match store.create_spt_visit(&scope, &draft) {
                Ok(id) => id,
                Err(e) => return Ok(Err(AppError::refused(e, unseen_owner()))),
            };
            Ok(store
                .spt_visit(&scope, id)?
                .map(|v| SptVisitView::new(v, &names, day))
                .ok_or_else(|| AppError::internal("the new record is not readable")))
        })
        .await??;
    let location = format!("/api/v1/spt-visits/{}", created.id);
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(created),
    )
        .into_response())
}

/// Replaces an SPT visit record's content (the whole of it, as `POST` takes it).
#[utoipa::path(
    put,
    path = "/api/v1/spt-visits/{id}",
    tag = "monitoring",
    params(("id" = i64, Path, description = "The record's number")),
    request_body = SptVisitInput,
    responses(
        (status = 200, description = "The record as changed", body = SptVisitView),
        (status = 401, description = "Neither a session nor a token (`unauthenticated`)", body = ErrorBody),
        (status = 403, description = "Not an editor of the owner (`forbidden`), or a read-only token (`token_read_only`)", body = ErrorBody),
        (status = 404, description = "No such record, or hidden from the reader (`not_found`)", body = ErrorBody),
        (status = 422, description = "The body cannot be read (`invalid_field`) or breaks rules (`invalid_fields`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn update_spt_visit(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    viewer: Viewer,
    as_of: AsOf,
    body: Result<Json<SptVisitInput>, JsonRejection>,
) -> Result<Json<SptVisitView>, AppError> {
    let scope = signed_in(&viewer)?;
    let day = as_of.date;
    let updated = app
        .read(move |store| {
            let before = match visible(store, &scope, &raw)? {
                Ok(visit) => visit,
                Err(e) => return Ok::<_, StoreError>(Err(e)),
            };
            if !entente_core::access::can_write(&scope, &before.content.access()) {
                return Ok(Err(AppError::Forbidden(format!(
                    "only editors of organisation {} may change SPT visit {}",
                    before.content.owner, before.id
                ))));
            }
            let names = Names::load(store, &scope)?;
            let draft = match json(body)
                .and_then(|input| input.to_draft(&names).map_err(AppError::InvalidFields))
            {
                Ok(draft) => draft,
                Err(e) => return Ok(Err(e)),
            };
            if let Err(e) = store.update_spt_visit(&scope, before.id, &draft) {
                return Ok(Err(AppError::refused(e, missing(&raw))));
            }
            Ok(store
                .spt_visit(&scope, before.id)?
                .map(|v| SptVisitView::new(v, &names, day))
                .ok_or_else(|| missing(&raw)))
        })
        .await??;
    Ok(Json(updated))
}

/// Deletes an SPT visit record. The audit log keeps the deletion.
#[utoipa::path(
    delete,
    path = "/api/v1/spt-visits/{id}",
    tag = "monitoring",
    params(("id" = i64, Path, description = "The record's number")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "Neither a session nor a token (`unauthenticated`)", body = ErrorBody),
        (status = 403, description = "Not an editor of the owner (`forbidden`), or a read-only token (`token_read_only`)", body = ErrorBody),
        (status = 404, description = "No such record, or hidden from the reader (`not_found`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn delete_spt_visit(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    viewer: Viewer,
) -> Result<StatusCode, AppError> {
    let scope = signed_in(&viewer)?;
    app.read(move |store| {
        let Some(id) = number(&raw) else {
            return Ok::<_, StoreError>(Err(missing(&raw)));
        };
        Ok(store
            .delete_spt_visit(&scope, SptVisitId(id))
            .map_err(|e| AppError::refused(e, missing(&raw))))
    })
    .await??;
    Ok(StatusCode::NO_CONTENT)
}
