//! The one error every importer returns: it always says which file, where in
//! it (row, line, section), which field, and what is wrong.

use std::fmt;

/// What kind of fault an import met, for callers that react differently
/// (the CLI prints them all the same; tests check the kind).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportErrorKind {
    /// The file could not be read or written at all.
    Io,
    /// The bytes are not in the expected format (not UTF-8, not CSV, not JSON, not TopoJSON).
    Malformed,
    /// A column or a section the importer needs is absent.
    MissingColumn,
    /// The page or file ends early or disagrees with its own totals.
    Truncated,
    /// A value that should be a date is not one (or is an impossible one).
    BadDate,
    /// A value that is none of the values the field admits.
    BadValue,
    /// A country or treaty name that matches nothing known.
    UnknownName,
    /// The same fact appears twice.
    Duplicate,
    /// A reference to a state, treaty or source that the dataset does not hold.
    DanglingReference,
}

/// An import fault: `file: location, field: reason`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ImportError {
    pub kind: ImportErrorKind,
    /// The label the caller gave for the input, usually its file name.
    pub file: String,
    /// Where in the file: "row 37 (Zambia)", "participants table row 37 (Zambia)", "line 4".
    pub location: Option<String>,
    pub field: Option<String>,
    pub reason: String,
}

impl ImportError {
    pub fn new(kind: ImportErrorKind, file: impl Into<String>, reason: impl Into<String>) -> Self {
        ImportError {
            kind,
            file: file.into(),
            location: None,
            field: None,
            reason: reason.into(),
        }
    }

    pub fn at(mut self, location: impl Into<String>) -> Self {
        self.location = Some(location.into());
        self
    }

    pub fn field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        match (&self.location, &self.field) {
            (Some(location), Some(field)) => write!(f, ": {location}, {field}")?,
            (Some(location), None) => write!(f, ": {location}")?,
            (None, Some(field)) => write!(f, ": {field}")?,
            (None, None) => {}
        }
        write!(f, ": {}", self.reason)
    }
}

/// The location of a CSV record as people count it: the header is line 1, so
/// the first record is row 2, as a spreadsheet shows it.
pub(crate) fn csv_row(record_index: usize) -> String {
    format!("row {}", record_index + 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_names_file_location_field_and_reason() {
        let error = ImportError::new(
            ImportErrorKind::BadDate,
            "cat_op.html",
            "\"31 Fab 2010\" is not a date",
        )
        .at("participants table row 37 (Zambia)")
        .field("consent");
        assert_eq!(
            error.to_string(),
            "cat_op.html: participants table row 37 (Zambia), consent: \"31 Fab 2010\" is not a date"
        );
    }

    #[test]
    fn message_without_location_still_names_the_file() {
        let error = ImportError::new(ImportErrorKind::Io, "events.csv", "no such file");
        assert_eq!(error.to_string(), "events.csv: no such file");
    }
}
