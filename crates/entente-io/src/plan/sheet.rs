//! A spreadsheet file read into lines of text cells, whatever it was: an
//! XLSX workbook (its first worksheet, dates as `YYYY-MM-DD`) or a CSV file
//! as Excel, LibreOffice or a script writes it (UTF-8 with or without a
//! byte order mark, Windows-1252, UTF-16; `;`, `,` or tab between values).
//!
//! Cells come back as written, except the guard Entente's exports put
//! before a value that a spreadsheet would run as a formula (`'=...`),
//! which is taken off again so that an export imports back unchanged.

use std::borrow::Cow;
use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

use super::guard::unguard;

/// The headers and the rows of a file's first table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    /// The first non-blank line's cells, trimmed.
    pub headers: Vec<String>,
    /// The other non-blank lines, in file order.
    pub rows: Vec<SheetRow>,
}

/// One line of values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetRow {
    /// Its line in the file (the header is usually line 1); for an XLSX
    /// workbook, its row number as the spreadsheet program shows it.
    pub line: usize,
    /// As many cells as the line has, which may differ from the header's.
    pub cells: Vec<String>,
}

/// Why a file could not be read as a spreadsheet at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SheetError {
    #[error("{file}: the file is empty")]
    Empty { file: String },
    #[error("{file}: {what}, not a spreadsheet: give a CSV file or an XLSX workbook")]
    NotASpreadsheet { file: String, what: String },
    #[error("{file}: not a readable XLSX workbook ({reason})")]
    BadWorkbook { file: String, reason: String },
    #[error("{file}: the workbook's first worksheet is empty")]
    EmptyWorksheet { file: String },
    #[error(
        "{file}, line {line}: no header line: the first line must name the columns \
         (it reads {found:?})"
    )]
    NoHeader {
        file: String,
        line: usize,
        found: String,
    },
    #[error("{file}, line {line}: {reason}")]
    BadCsv {
        file: String,
        line: u64,
        reason: String,
    },
}

/// Reads the bytes of a CSV file or an XLSX workbook; `file_name` names it
/// in errors. The format is told by the content, not by the name.
pub fn read_sheet(bytes: &[u8], file_name: &str) -> Result<Sheet, SheetError> {
    let file = file_name.to_owned();
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(SheetError::Empty { file });
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return read_xlsx(bytes, file);
    }
    if let Some(what) = known_binary(bytes) {
        return Err(SheetError::NotASpreadsheet {
            file,
            what: what.to_owned(),
        });
    }
    let text = decode(bytes);
    if text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\r' | '\n' | '\u{c}'))
    {
        return Err(SheetError::NotASpreadsheet {
            file,
            what: "binary data".to_owned(),
        });
    }
    read_csv(&text, file)
}

/// Names the formats people most often give by mistake.
fn known_binary(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: [(&[u8], &str); 6] = [
        (b"%PDF", "a PDF document"),
        (
            b"\xD0\xCF\x11\xE0",
            "an Excel 97-2003 (.xls) or other old Office file: save it as .xlsx or CSV",
        ),
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"\x1F\x8B", "a gzip archive"),
    ];
    MAGIC
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, what)| *what)
}

/// UTF-8 (a byte order mark dropped), UTF-16 with its byte order mark, or
/// else Windows-1252, which Excel writes on Windows in Western Europe.
/// Borrows the bytes when they are UTF-8 already (a file of a million
/// rows is 350 MB).
fn decode(bytes: &[u8]) -> Cow<'_, str> {
    if let Some((encoding, bom_length)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_length..]);
        return text;
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            text
        }
    }
}

/// The delimiter the header line uses most: `;`, tab or `,` (the default).
fn sniff_delimiter(text: &str) -> u8 {
    let header = text
        .lines()
        .find(|line| !line.trim().is_empty())
        .unwrap_or("");
    let mut counts = [(b',', 0), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for byte in header.bytes() {
        if byte == b'"' {
            quoted = !quoted;
        } else if !quoted {
            for (delimiter, count) in &mut counts {
                if byte == *delimiter {
                    *count += 1;
                }
            }
        }
    }
    counts
        .iter()
        .max_by_key(|(delimiter, count)| (*count, *delimiter == b','))
        .map_or(b',', |(delimiter, _)| *delimiter)
}

fn read_csv(text: &str, file: String) -> Result<Sheet, SheetError> {
    // The CSV reader counts the lines of CRLF files wrongly: one line end
    // for all, also inside quoted values.
    let text: &str = &if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(text)
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(sniff_delimiter(text))
        .from_reader(text.as_bytes());
    let mut lines = Vec::new();
    // The reader's own line count leaves out blank lines: count the line
    // ends before each record's first byte instead.
    let (mut counted_to, mut line) = (0, 1);
    for record in reader.records() {
        let record = record.map_err(|error| SheetError::BadCsv {
            file: file.clone(),
            line: error.position().map_or(0, csv::Position::line),
            reason: csv_reason(&error),
        })?;
        let mut start = record
            .position()
            .map_or(counted_to, |position| position.byte() as usize);
        // The position is taken before the blank lines the reader skips.
        while text.as_bytes().get(start) == Some(&b'\n') {
            start += 1;
        }
        let skipped = text.as_bytes().get(counted_to..start).unwrap_or_default();
        line += skipped.iter().filter(|byte| **byte == b'\n').count();
        counted_to = start.max(counted_to);
        lines.push((line, record.iter().map(str::to_owned).collect()));
    }
    into_sheet(lines, file)
}

fn csv_reason(error: &csv::Error) -> String {
    match error.kind() {
        csv::ErrorKind::Utf8 { .. } => "a value is not valid text".to_owned(),
        _ => error.to_string(),
    }
}

fn read_xlsx(bytes: &[u8], file: String) -> Result<Sheet, SheetError> {
    let bad = |reason: String| SheetError::BadWorkbook {
        file: file.clone(),
        reason,
    };
    let mut workbook: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|error| bad(format!("{error}")))?;
    let range = workbook
        .worksheet_range_at(0)
        .ok_or_else(|| bad("it has no worksheet".to_owned()))?
        .map_err(|error| bad(format!("{error}")))?;
    let first_row = range.start().map_or(0, |(row, _)| row as usize);
    let lines = range
        .rows()
        .enumerate()
        .map(|(index, row)| (first_row + index + 1, row.iter().map(cell_text).collect()))
        .collect();
    into_sheet(lines, file).map_err(|error| match error {
        SheetError::Empty { file } => SheetError::EmptyWorksheet { file },
        other => other,
    })
}

/// A workbook cell as the text a CSV file would hold.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(text) => text.clone(),
        Data::Int(number) => number.to_string(),
        Data::Float(number) => float_text(*number),
        Data::Bool(value) => value.to_string(),
        Data::DateTime(date_time) => match date_time.as_datetime() {
            Some(moment) if date_time.is_datetime() => {
                if moment.time() == chrono::NaiveTime::MIN {
                    moment.date().format("%Y-%m-%d").to_string()
                } else {
                    moment.format("%Y-%m-%d %H:%M:%S").to_string()
                }
            }
            _ => date_time.to_string(),
        },
        Data::DateTimeIso(text) => match text.get(..10) {
            Some(date) if chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").is_ok() => {
                date.to_owned()
            }
            _ => text.clone(),
        },
        Data::DurationIso(text) => text.clone(),
        Data::Error(error) => format!("#{error:?}"),
    }
}

/// Whole numbers without a decimal point ("12", not "12.0").
fn float_text(number: f64) -> String {
    if number.fract() == 0.0 && number.abs() < 1e15 {
        format!("{number:.0}")
    } else {
        number.to_string()
    }
}

/// Drops blank lines, trims the header's cells and the guard of every cell,
/// and refuses a first line that is not a header.
fn into_sheet(lines: Vec<(usize, Vec<String>)>, file: String) -> Result<Sheet, SheetError> {
    let mut lines = lines
        .into_iter()
        .filter(|(_, cells)| cells.iter().any(|cell| !cell.trim().is_empty()))
        .map(|(line, cells)| (line, cells.into_iter().map(unguard).collect::<Vec<_>>()));
    let Some((header_line, mut headers)) = lines.next() else {
        return Err(SheetError::Empty { file });
    };
    while headers.last().is_some_and(|cell| cell.trim().is_empty()) {
        headers.pop();
    }
    let headers: Vec<String> = headers.iter().map(|cell| cell.trim().to_owned()).collect();
    if let Some(data) = headers.iter().find(|cell| looks_like_data(cell)) {
        return Err(SheetError::NoHeader {
            file,
            line: header_line,
            found: data.clone(),
        });
    }
    let rows = lines
        .map(|(line, cells)| SheetRow { line, cells })
        .collect();
    Ok(Sheet { headers, rows })
}

/// A number, a date or an e-mail address: a value, never a column's name.
fn looks_like_data(cell: &str) -> bool {
    let compact: String = cell.chars().filter(|c| !c.is_whitespace()).collect();
    let numeric = !compact.is_empty()
        && compact.chars().any(|c| c.is_ascii_digit())
        && compact
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '/' | '-' | '+'));
    numeric || (cell.contains('@') && !cell.contains(' '))
}
