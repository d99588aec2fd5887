//! What an import or load did, row by row, for the person who ran it.

use std::fmt;
use std::ops::AddAssign;

/// Rows an import added, changed or found already as given.
/// Repeating an import reports only `unchanged` rows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub inserted: usize,
    pub updated: usize,
    pub unchanged: usize,
}

impl ImportReport {
    /// True when the import found everything already stored as given.
    pub fn changed_nothing(&self) -> bool {
        self.inserted == 0 && self.updated == 0
    }
}

impl AddAssign for ImportReport {
    fn add_assign(&mut self, other: ImportReport) {
        self.inserted += other.inserted;
        self.updated += other.updated;
        self.unchanged += other.unchanged;
    }
}

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} inserted, {} updated, {} unchanged",
            self.inserted, self.updated, self.unchanged
        )
    }
}
