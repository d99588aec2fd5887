//! The coalition's shared plan: who does what, where, when and with what.
//! The vocabularies of organisations, alliances and campaign actions, the
//! built-in catalogue of kinds of action, budgets, and the rules an action
//! must meet before it is stored.
//!
//! Pure: the store, the importers and the forms all validate through
//! [`ActionDraft::validate`], so a bad value gets the same answer, naming
//! the same field, wherever it comes from.

mod budget;
mod catalogue;
mod draft;
mod vocabulary;

pub use budget::{Budget, BudgetError, currency, parse_amount};
pub use catalogue::{ActionTypeLabel, BUILTIN_ACTION_TYPES, check_action_type_code};
pub use draft::{
    ActionDraft, ActionId, DocumentLink, FieldError, OutcomeEvent, TITLE_MAX, check_web_address,
};
pub use vocabulary::{ActionStatus, Audience, Level, Phase, Sector};

#[cfg(test)]
mod tests;
