//! The shared plan in files: organisations, contacts and actions as
//! coalitions keep them in spreadsheets (CSV or XLSX, their own headers,
//! their own ways of writing dates, states and amounts), and as Entente
//! exports them (CSV, XLSX, JSON, iCalendar).
//!
//! Records here name other records the way a spreadsheet does: an
//! organisation by its short name, an alliance by its name. The store
//! resolves those names inside the import's transaction.

mod records;

pub use records::{ActionRecord, ContactRecord, OrganisationRecord, RecordKind, RowError};
