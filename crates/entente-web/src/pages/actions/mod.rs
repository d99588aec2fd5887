//! Campaign actions in the workspace: the list with its filters
//! (`/actions`), the month calendar (`/actions/calendar`), one action
//! (`/actions/{id}`), and the forms that create, change and delete them.
//!
//! The store decides what the reader sees (a hidden action answers exactly
//! as a missing one) and what they may change; these pages translate.

pub mod calendar;
pub mod delete;
pub mod fields;
pub mod filters;
pub mod form;
pub mod list;
pub mod problems;
pub mod show;

use chrono::NaiveDate;
use entente_core::access::{AccessScope, OrgId, RecordAccess, can_write};
use entente_core::plan::ActionId;

use crate::auth::Viewer;
use crate::error::AppError;

/// Page size of the list.
pub const PAGE_SIZE: u32 = 50;

/// A day as people type it: `2026-03-12` (what `<input type=date>` sends)
/// or `12/03/2026` (day first, as French and Spanish write it, and what a
/// browser without a date picker gets typed into it).
pub fn parse_day(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(text, "%d/%m/%Y"))
        .or_else(|_| NaiveDate::parse_from_str(text, "%d.%m.%Y"))
        .ok()
        .filter(|d| (1900..=2200).contains(&chrono::Datelike::year(d)))
}

/// The action's number from the address; anything else is a missing page.
pub fn action_id(raw: &str) -> Result<ActionId, AppError> {
    raw.parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .map(ActionId)
        .ok_or_else(|| missing(raw))
}

/// The answer for an action that does not exist or that the reader may not
/// see: the same in both cases.
pub fn missing(raw: &str) -> AppError {
    AppError::ActionNotFound(raw.to_owned())
}

/// Whether `scope` may write actions led by `org` (an editor or admin of it).
pub fn writes_for(scope: &AccessScope, org: OrgId) -> bool {
    can_write(scope, &RecordAccess::private(org))
}

/// The CSRF token of the signed-in session, for the forms of a page.
pub fn session_csrf(viewer: &Viewer) -> String {
    viewer
        .session()
        .map(|(_, _, csrf)| csrf.to_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests;
