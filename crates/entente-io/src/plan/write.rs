//! Records written out as CSV, XLSX and JSON, with the field names as
//! headers, so that what Entente exports it imports back unchanged. Text
//! cells of CSV and XLSX files are guarded against formula injection.

use entente_core::plan::{Budget, DocumentLink, OutcomeEvent};
use serde_json::{Value, json};

use super::fields::field_names;
use super::guard::guard;
use super::{ActionRecord, ContactRecord, OrganisationRecord, RecommendationRecord, RecordKind};

/// Why a workbook could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("cannot write the workbook: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    #[error("cannot write the CSV file: {0}")]
    Csv(#[from] csv::Error),
}

/// A record that files hold: its cells in the order of its kind's fields.
pub trait Exportable {
    const KIND: RecordKind;
    /// One text per field, as an import reads it back.
    fn cells(&self) -> Vec<String>;
    /// The record as a JSON object keyed by field name.
    fn to_json(&self) -> Value;
}

/// Items joined as lists are written: `a; b`.
fn joined<T: ToString>(items: &[T]) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

fn optional<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// `title <url>; title <url>`.
pub fn documents_text(documents: &[DocumentLink]) -> String {
    documents
        .iter()
        .map(|document| format!("{} <{}>", document.title, document.url))
        .collect::<Vec<_>>()
        .join("; ")
}

/// `FRA opcat ratification 2008-11-11`.
pub fn outcome_event_text(event: &OutcomeEvent) -> String {
    format!(
        "{} {} {} {}",
        event.state,
        event.treaty.as_str(),
        event.kind.code(),
        event.date
    )
}

impl Exportable for ActionRecord {
    const KIND: RecordKind = RecordKind::Actions;

    fn cells(&self) -> Vec<String> {
        vec![
            self.title.clone(),
            self.description.clone(),
            self.action_type.clone(),
            self.phase.to_string(),
            self.level.to_string(),
            joined(&self.states),
            joined(&self.audiences),
            self.lead.clone().unwrap_or_default(),
            joined(&self.partners),
            optional(self.start),
            optional(self.end),
            optional(self.due),
            self.status.to_string(),
            optional(self.budget.as_ref().map(Budget::amount_text)),
            optional(self.budget.as_ref().map(Budget::currency_code)),
            optional(self.staff_days),
            self.expected_outcome.clone(),
            self.actual_outcome.clone(),
            optional(self.outcome_event.as_ref().map(outcome_event_text)),
            documents_text(&self.documents),
            self.visibility.to_string(),
            joined(&self.shared_with),
            optional(self.signal.map(|on| if on { "yes" } else { "no" })),
        ]
    }

    fn to_json(&self) -> Value {
        json!({
            "title": self.title,
            "description": self.description,
            "action_type": self.action_type,
            "phase": self.phase,
            "level": self.level,
            "states": self.states.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
            "audiences": self.audiences,
            "lead": self.lead,
            "partners": self.partners,
            "start": self.start,
            "end": self.end,
            "due": self.due,
            "status": self.status,
            "budget": self.budget.as_ref().map(Budget::amount_text),
            "budget_currency": self.budget.as_ref().map(Budget::currency_code),
            "staff_days": self.staff_days,
            "expected_outcome": self.expected_outcome,
            "actual_outcome": self.actual_outcome,
            "outcome_event": self.outcome_event.as_ref().map(|event| json!({
                "state": event.state.as_str(),
                "treaty": event.treaty.as_str(),
                "kind": event.kind.code(),
                "date": event.date,
            })),
            "documents": self.documents.iter().map(|d| json!({"title": d.title, "url": d.url}))
                .collect::<Vec<_>>(),
            "visibility": self.visibility,
            "shared_with": self.shared_with,
            "signal": self.signal,
        })
    }
}

impl Exportable for OrganisationRecord {
    const KIND: RecordKind = RecordKind::Organisations;

    fn cells(&self) -> Vec<String> {
        vec![
            self.short_name.clone(),
            self.name.clone(),
            self.kind.to_string(),
            self.level.to_string(),
            joined(&self.sectors),
            joined(&self.states),
            joined(&self.regions),
            self.website.clone().unwrap_or_default(),
            self.description.clone().unwrap_or_default(),
            self.visibility.to_string(),
        ]
    }

    fn to_json(&self) -> Value {
        json!({
            "short_name": self.short_name,
            "name": self.name,
            "kind": self.kind,
            "level": self.level,
            "sectors": self.sectors,
            "states": self.states.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
            "regions": self.regions.iter().map(|r| r.code()).collect::<Vec<_>>(),
            "website": self.website,
            "description": self.description,
            "visibility": self.visibility,
        })
    }
}

impl Exportable for ContactRecord {
    const KIND: RecordKind = RecordKind::Contacts;

    fn cells(&self) -> Vec<String> {
        vec![
            self.name.clone(),
            self.role.clone(),
            self.email.clone().unwrap_or_default(),
            self.phone.clone().unwrap_or_default(),
            joined(&self.languages),
            if self.consent { "yes" } else { "no" }.to_owned(),
            self.notes.clone(),
            self.visibility.to_string(),
            joined(&self.shared_with),
        ]
    }

    fn to_json(&self) -> Value {
        json!({
            "name": self.name,
            "role": self.role,
            "email": self.email,
            "phone": self.phone,
            "languages": self.languages,
            "consent": self.consent,
            "notes": self.notes,
            "visibility": self.visibility,
            "shared_with": self.shared_with,
        })
    }
}

impl Exportable for RecommendationRecord {
    const KIND: RecordKind = RecordKind::Recommendations;

    fn cells(&self) -> Vec<String> {
        vec![
            self.state.to_string(),
            self.body.to_string(),
            self.document_symbol.clone(),
            self.document_title.clone(),
            self.document_url.clone().unwrap_or_default(),
            optional(self.document_date),
            self.addressed_to.clone(),
            self.paragraph.clone(),
            self.text.clone(),
            joined(&self.themes),
            joined(&self.tags),
            self.status.to_string(),
            self.visibility.to_string(),
            joined(&self.shared_with),
        ]
    }

    fn to_json(&self) -> Value {
        json!({
            "state": self.state.as_str(),
            "body": self.body,
            "document_symbol": self.document_symbol,
            "document_title": self.document_title,
            "document_url": self.document_url,
            "document_date": self.document_date,
            "addressed_to": self.addressed_to,
            "paragraph": self.paragraph,
            "text": self.text,
            "themes": self.themes,
            "tags": self.tags,
            "status": self.status,
            "visibility": self.visibility,
            "shared_with": self.shared_with,
        })
    }
}

/// A CSV file: UTF-8 with a byte order mark (so that Excel reads it as
/// UTF-8), comma-separated, the field names as headers, every cell guarded.
pub fn write_csv<R: Exportable>(records: &[R]) -> Result<Vec<u8>, WriteError> {
    let mut writer = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    writer.write_record(field_names(R::KIND))?;
    for record in records {
        writer.write_record(record.cells().iter().map(|cell| guard(cell)))?;
    }
    writer
        .into_inner()
        .map_err(|error| WriteError::Csv(error.into_error().into()))
}

/// An XLSX workbook with one worksheet named after the kind of record,
/// every cell a guarded text.
pub fn write_xlsx<R: Exportable>(records: &[R]) -> Result<Vec<u8>, WriteError> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let worksheet = workbook.add_worksheet();
    worksheet.set_name(R::KIND.code())?;
    for (column, name) in field_names(R::KIND).into_iter().enumerate() {
        worksheet.write_string(0, column_index(column)?, name)?;
    }
    for (index, record) in records.iter().enumerate() {
        let row = u32::try_from(index + 1)
            .map_err(|_| rust_xlsxwriter::XlsxError::RowColumnLimitError)?;
        for (column, cell) in record.cells().iter().enumerate() {
            if !cell.is_empty() {
                worksheet.write_string(row, column_index(column)?, guard(cell))?;
            }
        }
    }
    Ok(workbook.save_to_buffer()?)
}

fn column_index(column: usize) -> Result<u16, rust_xlsxwriter::XlsxError> {
    u16::try_from(column).map_err(|_| rust_xlsxwriter::XlsxError::RowColumnLimitError)
}

/// A JSON array of objects keyed by field name, lists as arrays, blanks as
/// `null`, pretty-printed.
pub fn write_json<R: Exportable>(records: &[R]) -> Vec<u8> {
    let values: Vec<Value> = records.iter().map(Exportable::to_json).collect();
    let mut bytes = serde_json::to_vec_pretty(&values).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}
