//! Who may read and change an action, and how a refusal is told: a hidden
//! action is a missing one, and what the reader cannot see is never named.

use entente_core::access::{AccessScope, can_write};
use entente_core::plan::FieldError;
use entente_store::{Action, Store, StoreError};

use super::parse_id;
use crate::error::AppError;

/// The action as the reader may see it, or `action_not_found`.
pub fn visible(
    store: &Store,
    scope: &AccessScope,
    raw: &str,
) -> Result<Result<Action, AppError>, StoreError> {
    let missing = || AppError::ActionNotFound(raw.to_owned());
    let Some(id) = parse_id(raw) else {
        return Ok(Err(missing()));
    };
    Ok(store.action(scope, id)?.ok_or_else(missing))
}

/// The action, if the reader sees it and may change it.
pub fn writable(
    store: &Store,
    scope: &AccessScope,
    raw: &str,
) -> Result<Result<Action, AppError>, StoreError> {
    Ok(visible(store, scope, raw)?.and_then(|action| {
        if can_write(scope, &action.content.access()) {
            Ok(action)
        } else {
            Err(AppError::Forbidden(format!(
                "only editors and admins of the lead organisation change action {raw}"
            )))
        }
    }))
}

/// The store cannot see the lead: as the body's own check says.
pub fn unseen_lead() -> AppError {
    AppError::InvalidFields(vec![FieldError::new(
        "lead",
        "unknown_organisation",
        "no organisation you can see is the lead",
    )])
}

/// A partner the store cannot find among those the writer sees is one
/// `GET` left out: say so, without naming it.
pub fn unseen_partners_named(error: AppError) -> AppError {
    let AppError::InvalidFields(mut errors) = error else {
        return error;
    };
    for e in &mut errors {
        if e.field == "partners" && e.code == "unknown_organisation" {
            e.message = "a partner is an organisation not listed for you; its administrators \
                         or the site administrator can change this action"
                .to_owned();
        }
    }
    AppError::InvalidFields(errors)
}
