//! One line of a sheet seen through its header mapping: its values by
//! field, read with the parsers of [`super::values`], every refused value
//! kept as a [`RowError`] so a file's faults are all reported at once.

use chrono::NaiveDate;
use entente_core::Iso3;

use super::mapping::HeaderMapping;
use super::sheet::{Sheet, SheetRow};
use super::values::{StateLookup, Vocabulary, parse_code, parse_codes, parse_date, split_list};
use super::{RecordKind, RowError};

/// A line's values by field, and what was refused so far.
pub(super) struct Row<'a> {
    pub line: usize,
    values: Vec<(&'static str, &'a str)>,
    pub errors: Vec<RowError>,
}

impl<'a> Row<'a> {
    /// The trimmed value of a field; empty when no column gives it.
    pub fn get(&self, field: &str) -> &'a str {
        self.values
            .iter()
            .find(|(name, _)| *name == field)
            .map_or("", |(_, value)| value.trim())
    }

    /// Records that the field's value is refused.
    pub fn refuse(&mut self, field: &str, reason: impl Into<String>) {
        self.errors.push(RowError {
            line: self.line,
            field: field.to_owned(),
            value: self.get(field).to_owned(),
            reason: reason.into(),
        });
    }

    /// Whether a value of the field was refused already.
    pub fn refused(&self, field: &str) -> bool {
        self.errors.iter().any(|error| error.field == field)
    }

    pub fn text(&self, field: &str) -> String {
        self.get(field).to_owned()
    }

    /// `None` for a blank cell.
    pub fn optional_text(&self, field: &str) -> Option<String> {
        Some(self.text(field)).filter(|text| !text.is_empty())
    }

    /// A required text: a blank one is refused.
    pub fn required_text(&mut self, field: &str) -> String {
        let text = self.text(field);
        if text.is_empty() {
            self.refuse(field, "required: give a value");
        }
        text
    }

    pub fn date(&mut self, field: &str) -> Option<NaiveDate> {
        let value = self.get(field);
        if value.is_empty() {
            return None;
        }
        parse_date(value)
            .map_err(|reason| self.refuse(field, reason))
            .ok()
    }

    /// A value of a vocabulary; a blank cell gives `default`, or is refused
    /// when there is none.
    pub fn code<T: Vocabulary>(&mut self, field: &str, default: Option<T>) -> Option<T> {
        let value = self.get(field);
        if value.is_empty() {
            if default.is_none() {
                self.refuse(field, format!("required: give the {}", T::NAME));
            }
            return default;
        }
        parse_code(value)
            .map_err(|reason| self.refuse(field, reason))
            .ok()
    }

    /// Values of a vocabulary; each refused one is reported.
    pub fn codes<T: Vocabulary>(&mut self, field: &str) -> Vec<T> {
        match parse_codes(self.get(field)) {
            Ok(values) => values,
            Err(reasons) => {
                for reason in reasons {
                    self.refuse(field, reason);
                }
                Vec::new()
            }
        }
    }

    /// One state, required.
    pub fn state(&mut self, field: &str, lookup: &StateLookup) -> Option<Iso3> {
        let value = self.get(field);
        if value.is_empty() {
            self.refuse(
                field,
                "required: give the state (its ISO code, such as FRA, or its name)",
            );
            return None;
        }
        lookup
            .find(value)
            .map_err(|reason| self.refuse(field, reason))
            .ok()
    }

    pub fn states(&mut self, field: &str, lookup: &StateLookup) -> Vec<Iso3> {
        match lookup.find_all(self.get(field)) {
            Ok(states) => states,
            Err(reasons) => {
                for reason in reasons {
                    self.refuse(field, reason);
                }
                Vec::new()
            }
        }
    }

    /// Free-text items (names), separated by `;` or `|`.
    pub fn names(&self, field: &str) -> Vec<String> {
        split_list(self.get(field), false)
            .into_iter()
            .map(str::to_owned)
            .collect()
    }
}

/// Reads every line of `sheet` with `read_row`: all the values of all the
/// lines or, when any is refused, every refused value and nothing else.
pub(super) fn read_rows<T>(
    sheet: &Sheet,
    mapping: &HeaderMapping,
    kind: RecordKind,
    mut read_row: impl FnMut(&mut Row<'_>) -> Option<T>,
) -> Result<Vec<T>, Vec<RowError>> {
    if mapping.kind != kind || mapping.columns.len() != sheet.headers.len() {
        return Err(vec![RowError {
            line: 1,
            field: "headers".to_owned(),
            value: String::new(),
            reason: format!(
                "the header mapping was made for another file: read it as {} again",
                kind.code()
            ),
        }]);
    }
    let mut records = Vec::with_capacity(sheet.rows.len());
    let mut errors = Vec::new();
    for sheet_row in &sheet.rows {
        let mut row = match row_of(sheet_row, mapping) {
            Ok(row) => row,
            Err(error) => {
                errors.push(error);
                continue;
            }
        };
        let record = read_row(&mut row);
        if row.errors.is_empty() {
            if let Some(record) = record {
                records.push(record);
            }
        } else {
            errors.append(&mut row.errors);
        }
    }
    if errors.is_empty() {
        Ok(records)
    } else {
        Err(errors)
    }
}

/// A line's values by field, once its number of values is right (empty
/// cells after the last column are tolerated: spreadsheets add them).
fn row_of<'a>(sheet_row: &'a SheetRow, mapping: &HeaderMapping) -> Result<Row<'a>, RowError> {
    let expected = mapping.columns.len();
    let cells = &sheet_row.cells;
    let extra_blank = cells
        .get(expected..)
        .is_some_and(|extra| extra.iter().all(|cell| cell.trim().is_empty()));
    if cells.len() < expected || (cells.len() > expected && !extra_blank) {
        return Err(RowError {
            line: sheet_row.line,
            field: "columns".to_owned(),
            value: String::new(),
            reason: format!("{} values, the header has {expected}", cells.len()),
        });
    }
    let values = mapping
        .columns
        .iter()
        .zip(cells)
        .filter_map(|(column, cell)| column.field.map(|field| (field, cell.as_str())))
        .collect();
    Ok(Row {
        line: sheet_row.line,
        values,
        errors: Vec::new(),
    })
}
