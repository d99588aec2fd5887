//! The signed-in user's own pages under `/account`: who they are, their
//! organisations, their API tokens and their two-factor settings.
//!
//! Every page here needs a session (an API token cannot manage tokens);
//! an anonymous visitor is sent to sign in and brought back.

pub mod overview;
pub mod tokens;
pub mod two_factor;

use axum::response::{IntoResponse, Redirect, Response};

use super::chrome::PageRequest;
use crate::auth::Viewer;
use crate::auth::viewer::Account;
use crate::error::AppError;

/// The signed-in session behind an account page.
pub struct SignedIn {
    pub account: Account,
    pub csrf: String,
}

/// The session of a `GET` of an account page; `None` when anonymous.
pub fn signed_in(viewer: &Viewer) -> Option<SignedIn> {
    viewer.session().map(|(account, _, csrf)| SignedIn {
        account: account.clone(),
        csrf: csrf.to_owned(),
    })
}

/// The redirect to sign in that brings the visitor back to `request`'s
/// path afterwards.
pub fn sign_in_first(request: &PageRequest) -> Response {
    let next: String = form_urlencoded::byte_serialize(request.path.as_bytes()).collect();
    Redirect::to(&format!("/login?next={next}")).into_response()
}

/// The session of a form posted to an account page, once its CSRF token
/// checks; a post without a session is refused like a forged one.
pub fn signed_in_form(viewer: &Viewer, csrf: &str) -> Result<SignedIn, AppError> {
    let Some((account, _, expected)) = viewer.session() else {
        return Err(AppError::CsrfRejected);
    };
    crate::auth::check_csrf(Some(expected), csrf)?;
    Ok(SignedIn {
        account: account.clone(),
        csrf: expected.to_owned(),
    })
}
