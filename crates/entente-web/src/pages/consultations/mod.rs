//! Consultations in the workspace: the list with its filters
//! (`/consultations`), one consultation with its positions matrix and the
//! consensus figures of each option (`/consultations/{id}`), and the forms
//! that create, change and delete one and add participants, options and
//! positions.
//!
//! The store decides what the reader sees (a hidden consultation answers
//! exactly as a missing one) and what they may change; these pages
//! translate.

pub mod form;
pub mod list;
pub mod parts;
pub mod show;
pub mod state;

use entente_core::consultation::{ConsultationId, ConsultationKind, ParticipantSector, Position};
use entente_core::plan::FieldError;

use crate::error::AppError;
use crate::locale::Locale;
use crate::pages::recommendations::Problems;

/// Page size of the list.
pub const PAGE_SIZE: u32 = 50;

/// The consultation's number from the address; anything else is a
/// missing page.
pub fn consultation_id(raw: &str) -> Result<ConsultationId, AppError> {
    raw.parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .map(ConsultationId)
        .ok_or_else(|| missing(raw))
}

/// The answer for a consultation that does not exist or that the reader
/// may not see: the same in both cases.
pub fn missing(raw: &str) -> AppError {
    AppError::ConsultationNotFound(raw.to_owned())
}

fn key(prefix: &str, code: &str) -> String {
    format!("{prefix}-{}", code.replace('_', "-"))
}

pub fn kind_label(kind: ConsultationKind, locale: Locale) -> String {
    locale.t(&key("consult-kind", kind.code()))
}

pub fn sector_label(sector: ParticipantSector, locale: Locale) -> String {
    locale.t(&key("consult-sector", sector.code()))
}

pub fn position_label(position: Option<Position>, locale: Locale) -> String {
    match position {
        Some(p) => locale.t(&key("consult-position", p.code())),
        None => locale.t("consult-position-unsaid"),
    }
}

/// A mark that tells positions apart by shape as well as by colour.
pub fn position_mark(position: Option<Position>) -> &'static str {
    match position {
        Some(Position::Supports) => "✚",
        Some(Position::Accepts) => "✓",
        Some(Position::Opposes) => "✖",
        Some(Position::NoPosition) => "–",
        None => "·",
    }
}

/// The class of a position's cell.
pub fn position_class(position: Option<Position>) -> &'static str {
    position.map_or("unsaid", Position::code)
}

/// The problems of a refused consultation form, in the words of
/// `consultations.ftl`.
pub fn problems(errors: &[FieldError], locale: Locale) -> Problems {
    Problems::worded(errors, locale, "consult")
}
