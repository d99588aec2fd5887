//! Which column of a coalition's spreadsheet holds which field: headers in
//! their own words and language ("Pays", "Date de début", "Organisation
//! responsable") are matched to the fields of a [`RecordKind`] by a
//! mapping given on the command line or in the preview, by the mapping the
//! organisation used before, or by the built-in names in English, French
//! and Spanish, in that order.

use std::collections::BTreeMap;
use std::fmt;

use super::RecordKind;
use super::fields::{FieldSpec, fields};
use crate::names::fold;

/// A header as it is compared: lower case, accents and apostrophes folded,
/// spaces, `_` and `-` collapsed into one space, a trailing `:` dropped.
pub fn fold_header(header: &str) -> String {
    let spaced: String = fold(header)
        .chars()
        .map(|c| if matches!(c, '_' | '-') { ' ' } else { c })
        .collect();
    spaced
        .trim_end_matches([':', ' '])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Where a column's field came from, for the preview.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MappingSource {
    /// A `Header=field` pair the importer gave now.
    Explicit,
    /// The mapping the organisation used in an earlier import.
    Remembered,
    /// One of the field's built-in names.
    Alias,
    /// A column without a header, left out.
    Blank,
}

/// One column of the file and the field it fills.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnMapping {
    pub header: String,
    /// `None`: the column is ignored.
    pub field: Option<&'static str>,
    pub source: MappingSource,
}

/// How every column of a file is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderMapping {
    pub kind: RecordKind,
    /// One per header, in file order.
    pub columns: Vec<ColumnMapping>,
    /// Explicit pairs not yet remembered, as the store keeps them: folded
    /// header and field name (`-` for an ignored column).
    pub to_remember: Vec<(String, String)>,
}

impl HeaderMapping {
    /// The column index that fills `field`, if one does.
    pub fn column_of(&self, field: &str) -> Option<usize> {
        self.columns
            .iter()
            .position(|column| column.field == Some(field))
    }
}

/// One reason the headers cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MappingProblem {
    UnknownHeader {
        header: String,
        column: usize,
    },
    MissingField {
        field: &'static str,
    },
    SameField {
        field: &'static str,
        headers: Vec<String>,
    },
    UnknownTarget {
        header: String,
        target: String,
    },
    AbsentHeader {
        header: String,
    },
}

impl fmt::Display for MappingProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MappingProblem::UnknownHeader { header, column } => {
                write!(f, "column {column}: the header {header:?} names no field")
            }
            MappingProblem::MissingField { field } => {
                write!(f, "no column gives the required field {field:?}")
            }
            MappingProblem::SameField { field, headers } => {
                write!(
                    f,
                    "the columns {headers:?} all give the field {field:?}: keep one"
                )
            }
            MappingProblem::UnknownTarget { header, target } => {
                write!(f, "--map {header:?}: {target:?} is not a field")
            }
            MappingProblem::AbsentHeader { header } => {
                write!(
                    f,
                    "--map names the header {header:?}, which the file does not have"
                )
            }
        }
    }
}

/// Every problem of a file's headers, with the way out.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct MappingError {
    pub kind: RecordKind,
    pub problems: Vec<MappingProblem>,
}

impl fmt::Display for MappingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "the headers do not all name {} fields:",
            self.kind.code()
        )?;
        for problem in &self.problems {
            writeln!(f, "  - {problem}")?;
        }
        let names: Vec<&str> = fields(self.kind).iter().map(|spec| spec.name).collect();
        write!(
            f,
            "map a header with --map \"Header=field\" (or \"Header=-\" to ignore its column); \
             the fields are: {}",
            names.join(", ")
        )
    }
}

/// Parses a `Header=field` pair of the command line.
pub fn parse_map_pair(pair: &str) -> Result<(String, String), String> {
    match pair.rsplit_once('=') {
        Some((header, field)) if !header.trim().is_empty() && !field.trim().is_empty() => {
            Ok((header.trim().to_owned(), field.trim().to_owned()))
        }
        _ => Err(format!(
            "{pair:?}: write a header, '=' and a field, such as \"Pays=states\" or \"Notes=-\""
        )),
    }
}

/// The field a name designates: its own name or one of its aliases.
fn field_named(specs: &'static [FieldSpec], name: &str) -> Option<&'static FieldSpec> {
    let folded = fold_header(name);
    specs.iter().find(|spec| {
        fold_header(spec.name) == folded || spec.aliases().any(|a| fold_header(a) == folded)
    })
}

/// A target of an explicit or remembered pair: `Some(None)` ignores the
/// column, `None` names no field.
fn target(specs: &'static [FieldSpec], name: &str) -> Option<Option<&'static str>> {
    if name.trim() == "-" {
        return Some(None);
    }
    field_named(specs, name).map(|spec| Some(spec.name))
}

/// Maps each header to a field: `explicit` pairs (header as written or
/// folded, field name or alias, `-` to ignore) beat `remembered` ones
/// (folded header to field name) which beat the built-in names. Every
/// problem is reported at once.
pub fn resolve_headers(
    kind: RecordKind,
    headers: &[String],
    remembered: &BTreeMap<String, String>,
    explicit: &[(String, String)],
) -> Result<HeaderMapping, MappingError> {
    let specs = fields(kind);
    let mut problems = Vec::new();
    let folded: Vec<String> = headers.iter().map(|h| fold_header(h)).collect();
    let chosen = explicit_targets(specs, &folded, explicit, &mut problems);
    let mut columns = Vec::with_capacity(headers.len());
    let mut to_remember = Vec::new();
    for (index, (header, key)) in headers.iter().zip(&folded).enumerate() {
        let column = if key.is_empty() {
            Some((None, MappingSource::Blank))
        } else if let Some(field) = chosen.get(key) {
            let code = field.unwrap_or("-").to_owned();
            if remembered.get(key) != Some(&code) && !to_remember.iter().any(|(k, _)| k == key) {
                to_remember.push((key.clone(), code));
            }
            Some((*field, MappingSource::Explicit))
        } else if let Some(field) = remembered.get(key).and_then(|f| target(specs, f)) {
            Some((field, MappingSource::Remembered))
        } else {
            field_named(specs, header).map(|spec| (Some(spec.name), MappingSource::Alias))
        };
        match column {
            Some((field, source)) => columns.push(ColumnMapping {
                header: header.clone(),
                field,
                source,
            }),
            None => problems.push(MappingProblem::UnknownHeader {
                header: header.clone(),
                column: index + 1,
            }),
        }
    }
    check_fields(specs, &columns, &mut problems);
    if problems.is_empty() {
        Ok(HeaderMapping {
            kind,
            columns,
            to_remember,
        })
    } else {
        Err(MappingError { kind, problems })
    }
}

/// The explicit pairs by folded header, each problem of theirs noted.
fn explicit_targets(
    specs: &'static [FieldSpec],
    folded_headers: &[String],
    explicit: &[(String, String)],
    problems: &mut Vec<MappingProblem>,
) -> BTreeMap<String, Option<&'static str>> {
    let mut chosen = BTreeMap::new();
    for (header, field) in explicit {
        match target(specs, field) {
            Some(resolved) => {
                chosen.insert(fold_header(header), resolved);
            }
            None => problems.push(MappingProblem::UnknownTarget {
                header: header.clone(),
                target: field.clone(),
            }),
        }
        if !folded_headers.contains(&fold_header(header)) {
            problems.push(MappingProblem::AbsentHeader {
                header: header.clone(),
            });
        }
    }
    chosen
}

/// Each required field has a column, and no field has two.
fn check_fields(
    specs: &'static [FieldSpec],
    columns: &[ColumnMapping],
    problems: &mut Vec<MappingProblem>,
) {
    for spec in specs {
        let headers: Vec<String> = columns
            .iter()
            .filter(|column| column.field == Some(spec.name))
            .map(|column| column.header.clone())
            .collect();
        if headers.len() > 1 {
            problems.push(MappingProblem::SameField {
                field: spec.name,
                headers,
            });
        } else if headers.is_empty() && spec.required {
            problems.push(MappingProblem::MissingField { field: spec.name });
        }
    }
}
