//! The import form as it is posted: the session's token, the file (new,
//! or sent back by the preview), and the importer's choice per column.

use std::collections::BTreeMap;

use axum::extract::multipart::Multipart;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use super::MAX_FILE_BYTES;
use crate::error::AppError;

/// What the upload or preview form sent.
#[derive(Debug, Default)]
pub struct ImportForm {
    pub csrf: String,
    pub file_name: String,
    pub bytes: Vec<u8>,
    pub headers: BTreeMap<usize, String>,
    pub choices: BTreeMap<usize, String>,
    pub confirm: bool,
}

impl ImportForm {
    /// The columns the importer mapped by hand: header and field (or `-`).
    pub fn explicit(&self) -> Vec<(String, String)> {
        self.choices
            .iter()
            .filter(|(_, field)| !field.trim().is_empty())
            .filter_map(|(i, field)| Some((self.headers.get(i)?.clone(), field.trim().to_owned())))
            .collect()
    }
}

/// Reads the form's parts; a file larger than the limit is refused.
pub async fn read_form(mut multipart: Multipart) -> Result<ImportForm, AppError> {
    let refused = |reason: String| AppError::InvalidField {
        field: "file",
        reason,
    };
    let mut form = ImportForm::default();
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|e| refused(e.body_text()))?
    {
        let name = field.name().unwrap_or_default().to_owned();
        if name == "file" {
            let file_name = field.file_name().unwrap_or_default().to_owned();
            let bytes = field.bytes().await.map_err(|e| refused(e.body_text()))?;
            if !bytes.is_empty() {
                form.file_name = file_name;
                form.bytes = bytes.to_vec();
            }
            continue;
        }
        let text = field.text().await.map_err(|e| refused(e.body_text()))?;
        read_text_field(&mut form, &name, text)?;
    }
    if form.bytes.len() > MAX_FILE_BYTES {
        return Err(refused(format!(
            "the file is larger than {} MB",
            MAX_FILE_BYTES / 1024 / 1024
        )));
    }
    Ok(form)
}

fn read_text_field(form: &mut ImportForm, name: &str, text: String) -> Result<(), AppError> {
    let index = |prefix: &str| {
        name.strip_prefix(prefix)
            .and_then(|i| i.parse::<usize>().ok())
    };
    match name {
        "csrf" => form.csrf = text,
        "confirm" => form.confirm = true,
        "file_name" if form.file_name.is_empty() => form.file_name = text,
        // The file sent back by the preview's form, unless a new one came.
        "data" if form.bytes.is_empty() && !text.is_empty() => {
            form.bytes = STANDARD
                .decode(text.trim())
                .map_err(|_| AppError::InvalidField {
                    field: "data",
                    reason: "the file sent back is not base64".to_owned(),
                })?;
        }
        _ => {
            if let Some(i) = index("header_") {
                form.headers.insert(i, text);
            } else if let Some(i) = index("map_") {
                form.choices.insert(i, text);
            }
        }
    }
    Ok(())
}
