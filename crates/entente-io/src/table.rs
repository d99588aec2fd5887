//! Reading a CSV file by column name, so every importer reports a missing
//! column, a short row or a bad value the same way: file, row, field.

use std::collections::HashMap;

use csv::StringRecord;

use crate::error::{ImportError, ImportErrorKind, csv_row};

/// A whole CSV file with a header line, checked to hold the columns an importer needs.
pub(crate) struct CsvTable {
    file: String,
    columns: HashMap<String, usize>,
    records: Vec<StringRecord>,
}

impl CsvTable {
    /// Parses `bytes` (UTF-8, an optional byte-order mark) and checks that
    /// every column of `required` is in the header.
    pub(crate) fn parse(bytes: &[u8], file: &str, required: &[&str]) -> Result<Self, ImportError> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .from_reader(bytes);
        let header = reader.headers().map_err(|e| csv_error(file, &e))?.clone();
        if header.is_empty() || header.iter().all(str::is_empty) {
            return Err(ImportError::new(
                ImportErrorKind::Truncated,
                file,
                "the file is empty (no header line)",
            ));
        }
        let columns: HashMap<String, usize> = header
            .iter()
            .enumerate()
            .map(|(i, name)| (name.trim().to_owned(), i))
            .collect();
        let missing: Vec<&str> = required
            .iter()
            .copied()
            .filter(|c| !columns.contains_key(*c))
            .collect();
        if !missing.is_empty() {
            return Err(ImportError::new(
                ImportErrorKind::MissingColumn,
                file,
                format!("missing column(s) {}", missing.join(", ")),
            )
            .at("header"));
        }
        let records = reader
            .records()
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| csv_error(file, &e))?;
        Ok(CsvTable {
            file: file.to_owned(),
            columns,
            records,
        })
    }

    pub(crate) fn file(&self) -> &str {
        &self.file
    }

    pub(crate) fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.records
            .iter()
            .enumerate()
            .map(move |(index, record)| Row {
                table: self,
                index,
                record,
            })
    }
}

fn csv_error(file: &str, error: &csv::Error) -> ImportError {
    let error_text = error.to_string();
    let located = match error.position() {
        Some(position) => ImportError::new(ImportErrorKind::Malformed, file, error_text)
            .at(format!("line {}", position.line())),
        None => ImportError::new(ImportErrorKind::Malformed, file, error_text),
    };
    match error.kind() {
        csv::ErrorKind::UnequalLengths { .. } => ImportError {
            kind: ImportErrorKind::Truncated,
            ..located
        },
        _ => located,
    }
}

/// One record of a [`CsvTable`].
pub(crate) struct Row<'a> {
    table: &'a CsvTable,
    index: usize,
    record: &'a StringRecord,
}

impl Row<'_> {
    /// The value of `column`, trimmed; the column was checked to exist when the table was parsed.
    pub(crate) fn get(&self, column: &str) -> &str {
        self.table
            .columns
            .get(column)
            .and_then(|&i| self.record.get(i))
            .map_or("", str::trim)
    }

    /// "row 12", counting the header as row 1 like a spreadsheet.
    pub(crate) fn location(&self) -> String {
        csv_row(self.index)
    }

    /// An error about `field` at this row.
    pub(crate) fn error(
        &self,
        kind: ImportErrorKind,
        field: &str,
        reason: impl Into<String>,
    ) -> ImportError {
        ImportError::new(kind, self.table.file(), reason)
            .at(self.location())
            .field(field)
    }

    /// Like [`Row::error`], with a name shown after the row number: "row 12 (Zambia)".
    pub(crate) fn error_named(
        &self,
        name: &str,
        kind: ImportErrorKind,
        field: &str,
        reason: impl Into<String>,
    ) -> ImportError {
        ImportError::new(kind, self.table.file(), reason)
            .at(format!("{} ({name})", self.location()))
            .field(field)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_missing_columns() {
        let Err(error) = CsvTable::parse(b"a,b\n1,2\n", "t.csv", &["a", "c", "d"]) else {
            panic!("missing columns accepted");
        };
        assert_eq!(error.kind, ImportErrorKind::MissingColumn);
        assert_eq!(error.to_string(), "t.csv: header: missing column(s) c, d");
    }

    #[test]
    fn a_short_row_is_an_error_with_its_line() {
        let Err(error) = CsvTable::parse(b"a,b\n1,2\n3\n", "t.csv", &["a"]) else {
            panic!("short row accepted");
        };
        assert_eq!(error.kind, ImportErrorKind::Truncated);
        assert!(error.to_string().starts_with("t.csv: line 3"), "{error}");
    }

    #[test]
    fn reads_by_column_name_and_counts_rows_like_a_spreadsheet() {
        let table =
            CsvTable::parse("\u{feff}a,b\n1, x \n".as_bytes(), "t.csv", &["a", "b"]).unwrap();
        let row = table.rows().next().unwrap();
        assert_eq!(row.get("b"), "x");
        assert_eq!(row.location(), "row 2");
    }
}
