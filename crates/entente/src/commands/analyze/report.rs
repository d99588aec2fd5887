//! The findings of `entente analyze` written out: aligned columns for a
//! terminal, JSON objects, or CSV with every cell guarded against
//! spreadsheet formulas.

use entente_io::plan::guard;
use serde_json::{Map, Value};

/// The findings as rows of text under column names.
pub(super) struct Report {
    pub columns: &'static [&'static str],
    pub rows: Vec<Vec<String>>,
}

/// Columns padded to their widest cell, two spaces apart.
pub(super) fn table(report: &Report) -> String {
    if report.rows.is_empty() {
        return "nothing found\n".to_owned();
    }
    let mut widths: Vec<usize> = report.columns.iter().map(|c| c.chars().count()).collect();
    for row in &report.rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let header: Vec<String> = report.columns.iter().map(|c| (*c).to_owned()).collect();
    let mut out = String::new();
    for row in std::iter::once(&header).chain(&report.rows) {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(cell, width)| format!("{cell:<width$}"))
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}

pub(super) fn json(report: &Report) -> anyhow::Result<Vec<u8>> {
    pretty(&objects(report))
}

/// `value` as indented JSON and a line end.
pub(super) fn pretty(value: &Value) -> anyhow::Result<Vec<u8>> {
    let mut bytes = serde_json::to_vec_pretty(value)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// One JSON object a row, keyed by the column names.
pub(super) fn objects(report: &Report) -> Value {
    let objects: Vec<Value> = report
        .rows
        .iter()
        .map(|row| {
            let object: Map<String, Value> = report
                .columns
                .iter()
                .zip(row)
                .map(|(column, cell)| ((*column).to_owned(), Value::String(cell.clone())))
                .collect();
            Value::Object(object)
        })
        .collect();
    Value::Array(objects)
}

pub(super) fn csv(report: &Report) -> anyhow::Result<Vec<u8>> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(report.columns)?;
    for row in &report.rows {
        writer.write_record(row.iter().map(|cell| guard(cell)))?;
    }
    writer
        .into_inner()
        .map_err(|e| anyhow::anyhow!("cannot write the CSV: {e}"))
}
