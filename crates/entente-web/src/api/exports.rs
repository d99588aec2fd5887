//! Exports of what the reader may see, as files: actions (with the list's
//! filters), the organisation directory, and an organisation's contacts.
//! CSV and XLSX cells are guarded against formula injection by the
//! writers; every export is logged (`export`) with who took it and how
//! many records it held.

use axum::extract::{Path, RawQuery, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use entente_core::access::{AccessScope, OrgId};
use entente_io::plan::{ActionRecord, Exportable, write_csv, write_json, write_xlsx};
use entente_store::{Action, AuditAction, AuditEntry, PageRequest, Store, StoreError};

use super::actions::query::ActionQuery;
use super::actions::view::Names;
use crate::auth::Viewer;
use crate::error::{AppError, ErrorBody};
use crate::state::AppState;

/// A file format of the exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
    Json,
}

impl Format {
    fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
            Format::Json => "json",
        }
    }

    fn content_type(self) -> &'static str {
        match self {
            Format::Csv => "text/csv; charset=utf-8",
            Format::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Format::Json => "application/json",
        }
    }

    fn write<R: Exportable>(self, records: &[R]) -> Result<Vec<u8>, AppError> {
        match self {
            Format::Csv => write_csv(records).map_err(AppError::internal),
            Format::Xlsx => write_xlsx(records).map_err(AppError::internal),
            Format::Json => Ok(write_json(records)),
        }
    }
}

/// The file as a download named `stem.<extension>`.
fn download(format: Format, stem: &str, bytes: Vec<u8>) -> Response {
    let disposition = format!("attachment; filename=\"{stem}.{}\"", format.extension());
    (
        [
            (header::CONTENT_TYPE, format.content_type().to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        bytes,
    )
        .into_response()
}

/// Logs an export: who, what, how many, in which format.
fn audit_export(
    store: &Store,
    scope: &AccessScope,
    org: Option<OrgId>,
    kind: &str,
    count: usize,
    format: Format,
) -> Result<(), StoreError> {
    let entry = AuditEntry {
        actor_user: scope.user(),
        org,
        record_kind: Some(kind.to_owned()),
        detail: format!("{count} {kind} exported as {}", format.extension()),
        ..AuditEntry::new(Utc::now().naive_utc(), AuditAction::Export)
    };
    store.append_audit(&entry).map(|_| ())
}

/// An action as a file row: organisations by short name and alliances by
/// name, as far as the reader sees them.
/// `signal`: its switch, for a reader who may change it.
pub fn action_record(
    line: usize,
    action: Action,
    names: &Names,
    signal: Option<bool>,
) -> ActionRecord {
    let c = action.content;
    ActionRecord {
        line,
        signal,
        lead: names.orgs.get(&c.lead).cloned(),
        partners: c
            .partners
            .iter()
            .filter_map(|o| names.orgs.get(o).cloned())
            .collect(),
        shared_with: c
            .shared_with
            .iter()
            .filter_map(|a| names.alliances.get(a).cloned())
            .collect(),
        title: c.title,
        description: c.description,
        action_type: c.action_type,
        phase: c.phase,
        level: c.level,
        states: c.states,
        audiences: c.audiences,
        start: c.start,
        end: c.end,
        due: c.due,
        status: c.status,
        budget: c.budget,
        staff_days: c.staff_days,
        expected_outcome: c.expected_outcome,
        actual_outcome: c.actual_outcome,
        outcome_event: c.outcome_event,
        documents: c.documents,
        visibility: c.visibility,
    }
}

async fn export_actions(
    app: AppState,
    viewer: Viewer,
    raw: Option<String>,
    format: Format,
) -> Result<Response, AppError> {
    let query = ActionQuery::from_query(raw.as_deref());
    query.check_known(&[])?;
    let scope = viewer.scope;
    let bytes = app
        .read(move |store| {
            let names = Names::load(store, &scope)?;
            let filter = match query.filter(store, &names) {
                Ok(filter) => filter,
                Err(e) => return Ok::<_, StoreError>(Err(e)),
            };
            let found = store.list_actions(&scope, &filter, PageRequest::ALL)?;
            let ids: Vec<_> = found.actions.iter().map(|a| a.id).collect();
            let switches = store.signal_switches(&scope, &ids)?;
            let records: Vec<ActionRecord> = (2..)
                .zip(found.actions)
                .map(|(line, action)| {
                    let signal = switches.get(&action.id).copied();
                    action_record(line, action, &names, signal)
                })
                .collect();
            audit_export(store, &scope, filter.org, "actions", records.len(), format)?;
            Ok(format.write(&records))
        })
        .await??;
    Ok(download(format, "actions", bytes))
}

/// Actions as CSV.
///
/// Every action the reader may see that the filters select (the
/// parameters of `GET /api/v1/actions`; no paging): UTF-8 with a byte
/// order mark, the import's field names as headers, cells that a
/// spreadsheet would run as formulas guarded. Imports back unchanged.
#[utoipa::path(
    get,
    path = "/api/v1/actions/export.csv",
    tag = "exports",
    responses(
        (status = 200, description = "The actions", content_type = "text/csv"),
        (status = 422, description = "A parameter cannot be used (`invalid_parameter`)", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub async fn export_actions_csv(
    State(app): State<AppState>,
    viewer: Viewer,
    RawQuery(raw): RawQuery,
) -> Result<Response, AppError> {
    export_actions(app, viewer, raw, Format::Csv).await
}

/// Actions as an XLSX workbook, as the CSV export.
#[utoipa::path(
    get,
    path = "/api/v1/actions/export.xlsx",
    tag = "exports",
    responses(
        (status = 200, description = "The actions", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        (status = 422, description = "A parameter cannot be used (`invalid_parameter`)", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub async fn export_actions_xlsx(
    State(app): State<AppState>,
    viewer: Viewer,
    RawQuery(raw): RawQuery,
) -> Result<Response, AppError> {
    export_actions(app, viewer, raw, Format::Xlsx).await
}

/// Actions as a JSON array of records keyed by the import's field names.
#[utoipa::path(
    get,
    path = "/api/v1/actions/export.json",
    tag = "exports",
    responses(
        (status = 200, description = "The actions", content_type = "application/json"),
        (status = 422, description = "A parameter cannot be used (`invalid_parameter`)", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub async fn export_actions_json(
    State(app): State<AppState>,
    viewer: Viewer,
    RawQuery(raw): RawQuery,
) -> Result<Response, AppError> {
    export_actions(app, viewer, raw, Format::Json).await
}

async fn export_orgs(app: AppState, viewer: Viewer, format: Format) -> Result<Response, AppError> {
    let scope = viewer.scope;
    let bytes = app
        .read(move |store| {
            let records = store.export_organisations(&scope)?;
            audit_export(store, &scope, None, "organisations", records.len(), format)?;
            Ok::<_, StoreError>(format.write(&records))
        })
        .await??;
    Ok(download(format, "organisations", bytes))
}

/// The organisation directory as CSV: the entries the reader may see.
#[utoipa::path(
    get,
    path = "/api/v1/orgs/export.csv",
    tag = "exports",
    responses((status = 200, description = "The entries", content_type = "text/csv")),
    security((), ("bearer" = []))
)]
pub async fn export_orgs_csv(
    State(app): State<AppState>,
    viewer: Viewer,
) -> Result<Response, AppError> {
    export_orgs(app, viewer, Format::Csv).await
}

/// The organisation directory as an XLSX workbook.
#[utoipa::path(
    get,
    path = "/api/v1/orgs/export.xlsx",
    tag = "exports",
    responses((status = 200, description = "The entries", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")),
    security((), ("bearer" = []))
)]
pub async fn export_orgs_xlsx(
    State(app): State<AppState>,
    viewer: Viewer,
) -> Result<Response, AppError> {
    export_orgs(app, viewer, Format::Xlsx).await
}

/// The organisation directory as JSON.
#[utoipa::path(
    get,
    path = "/api/v1/orgs/export.json",
    tag = "exports",
    responses((status = 200, description = "The entries", content_type = "application/json")),
    security((), ("bearer" = []))
)]
pub async fn export_orgs_json(
    State(app): State<AppState>,
    viewer: Viewer,
) -> Result<Response, AppError> {
    export_orgs(app, viewer, Format::Json).await
}

/// An organisation's contacts as CSV.
///
/// Personal data: the contacts the reader may read (those of their own
/// organisation, and those shared with an alliance of theirs), alliances
/// by name. Reads from outside the organisation are logged for its admins.
#[utoipa::path(
    get,
    path = "/api/v1/orgs/{short}/contacts/export.csv",
    tag = "exports",
    params(("short" = String, Path, description = "The organisation's short name")),
    responses(
        (status = 200, description = "The contacts (none for the anonymous)", content_type = "text/csv"),
        (status = 404, description = "No such organisation, or hidden from the reader (`org_not_found`)", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub async fn export_contacts_csv(
    State(app): State<AppState>,
    Path(short): Path<String>,
    viewer: Viewer,
) -> Result<Response, AppError> {
    let scope = viewer.scope;
    let bytes = app
        .read(move |store| {
            let Some(org) = store.organisation_by_short_name(&scope, &short)? else {
                return Ok::<_, StoreError>(Err(AppError::OrgNotFound(short)));
            };
            let mut records = store.export_contacts(&scope, org.id)?;
            // An alliance the reader may not see stays unnamed.
            let names = Names::load(store, &scope)?;
            for record in &mut records {
                record
                    .shared_with
                    .retain(|name| names.alliances.values().any(|n| n == name));
            }
            audit_export(
                store,
                &scope,
                Some(org.id),
                "contacts",
                records.len(),
                Format::Csv,
            )?;
            Ok(Format::Csv.write(&records))
        })
        .await??;
    Ok(download(Format::Csv, "contacts", bytes))
}
