//! Signal pages: the contact form a member fills from a signal on the
//! board (`/board/signals/{key}/contact`), an organisation's admins' list
//! of requests with answer and decline and its default for new actions
//! (`/orgs/{short}/requests`), and an action's own switch
//! (`POST /actions/{id}/signal`).

pub mod contact;
pub mod requests;

use axum::response::{IntoResponse, Redirect, Response};

use crate::error::AppError;
use crate::pages::chrome::PageRequest;

/// A page's redirect back to `path` in the reader's language.
pub(crate) fn back_to(request: &PageRequest, path: &str) -> Response {
    let lang = request.locale.code();
    let joiner = if path.contains('?') { '&' } else { '?' };
    Redirect::to(&format!("{path}{joiner}lang={lang}")).into_response()
}

/// Reads a posted form's pairs.
pub(crate) fn pairs(body: &[u8]) -> Vec<(String, String)> {
    form_urlencoded::parse(body)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

pub(crate) fn field<'a>(pairs: &'a [(String, String)], name: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map_or("", |(_, v)| v.as_str())
}

/// A refused store write as the page's error, `missing` for what is hidden.
fn refused(error: entente_store::StoreError, missing: AppError) -> AppError {
    AppError::refused(error, missing)
}
