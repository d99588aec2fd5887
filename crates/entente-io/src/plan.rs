//! The shared plan in files: organisations, contacts, actions and the
//! recommendations of monitoring bodies as coalitions keep them in
//! spreadsheets (CSV or XLSX, their own headers, their own ways of writing
//! dates, states and amounts), and as Entente exports them (CSV, XLSX,
//! JSON, iCalendar).
//!
//! Records here name other records the way a spreadsheet does: an
//! organisation by its short name, an alliance by its name. The store
//! resolves those names inside the import's transaction.

mod calendar;
mod deadline_calendar;
mod fields;
mod guard;
mod labels;
mod mapping;
mod read;
mod recommendations;
mod records;
mod row;
mod sheet;
mod values;
mod write;

pub use calendar::{CalendarEntry, action_uid, actions_calendar};
pub use deadline_calendar::{DeadlineEntry, deadline_uid, deadlines_calendar};
pub use fields::{FieldSpec, field_names, fields};
pub use guard::{guard, unguard};
pub use mapping::{
    ColumnMapping, HeaderMapping, MappingError, MappingProblem, MappingSource, fold_header,
    parse_map_pair, resolve_headers,
};
pub use read::{parse_documents, read_actions, read_contacts, read_organisations};
pub use recommendations::read_recommendations;
pub use records::{
    ActionRecord, ContactRecord, OrganisationRecord, RecommendationRecord, RecordKind, RowError,
};
pub use sheet::{Sheet, SheetError, SheetRow, read_sheet};
pub use values::{
    StateLookup, Vocabulary, parse_action_type, parse_bool, parse_code, parse_codes, parse_date,
    parse_days, split_currency, split_list,
};
pub use write::{
    Exportable, WriteError, documents_text, outcome_event_text, write_csv, write_json, write_xlsx,
};
