//! Rows of the action tables and their conversion to the public types.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use entente_core::access::{AllianceId, OrgId, UserId};
use entente_core::plan::{ActionDraft, ActionId, Budget, DocumentLink, OutcomeEvent, currency};

use super::part_codes::PartCodes;
use super::{Action, ActionType};
use crate::accounts::rows::stored_code;
use crate::error::StoreError;
use crate::schema::{action_types, actions};

/// Inserted in batches: `None` is bound as NULL (what these columns'
/// default is anyway). A row type with a column diesel may leave to its
/// default is inserted on SQLite one row per statement, each batch in a
/// savepoint; an import of a million actions spent most of its time there.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = actions, treat_none_as_default_value = false)]
pub(crate) struct ActionRow {
    pub id: i64,
    pub lead_org: i64,
    pub title: String,
    pub description: String,
    pub action_type: String,
    pub phase: String,
    pub level: String,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub due_date: Option<NaiveDate>,
    pub status: String,
    pub budget_minor: Option<i64>,
    pub budget_currency: Option<String>,
    pub staff_days: Option<f64>,
    pub expected_outcome: String,
    pub actual_outcome: String,
    pub outcome_state: Option<String>,
    pub outcome_treaty: Option<String>,
    pub outcome_kind: Option<String>,
    pub outcome_date: Option<NaiveDate>,
    pub visibility: String,
    pub created_by: Option<i64>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// The parts again, as [`PartCodes`] writes them.
    pub state_codes: String,
    pub audience_codes: String,
    pub partner_ids: String,
    pub alliance_ids: String,
}

/// An action's content columns: what a creation inserts and a change
/// sets (NULL included, for fields cleared).
#[derive(Debug, Clone, Insertable, AsChangeset)]
#[diesel(table_name = actions, treat_none_as_null = true)]
pub(crate) struct ActionContentRow {
    pub lead_org: i64,
    pub title: String,
    pub description: String,
    pub action_type: String,
    pub phase: String,
    pub level: String,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub due_date: Option<NaiveDate>,
    pub status: String,
    pub budget_minor: Option<i64>,
    pub budget_currency: Option<String>,
    pub staff_days: Option<f64>,
    pub expected_outcome: String,
    pub actual_outcome: String,
    pub outcome_state: Option<String>,
    pub outcome_treaty: Option<String>,
    pub outcome_kind: Option<String>,
    pub outcome_date: Option<NaiveDate>,
    pub visibility: String,
    pub updated_at: NaiveDateTime,
    pub state_codes: String,
    pub audience_codes: String,
    pub partner_ids: String,
    pub alliance_ids: String,
}

impl ActionRow {
    /// The content columns of the row.
    pub(crate) fn content(self) -> ActionContentRow {
        ActionContentRow {
            lead_org: self.lead_org,
            title: self.title,
            description: self.description,
            action_type: self.action_type,
            phase: self.phase,
            level: self.level,
            start_date: self.start_date,
            end_date: self.end_date,
            due_date: self.due_date,
            status: self.status,
            budget_minor: self.budget_minor,
            budget_currency: self.budget_currency,
            staff_days: self.staff_days,
            expected_outcome: self.expected_outcome,
            actual_outcome: self.actual_outcome,
            outcome_state: self.outcome_state,
            outcome_treaty: self.outcome_treaty,
            outcome_kind: self.outcome_kind,
            outcome_date: self.outcome_date,
            visibility: self.visibility,
            updated_at: self.updated_at,
            state_codes: self.state_codes,
            audience_codes: self.audience_codes,
            partner_ids: self.partner_ids,
            alliance_ids: self.alliance_ids,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = action_types)]
pub(crate) struct ActionTypeRow {
    pub code: String,
    pub label_en: String,
    pub label_fr: String,
    pub label_es: String,
    pub builtin: bool,
    pub position: i32,
}

/// The parts of an action held in their own tables, as stored.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Parts {
    pub states: Vec<String>,
    pub audiences: Vec<String>,
    pub partners: Vec<i64>,
    pub alliances: Vec<i64>,
    /// (title, url), in order.
    pub documents: Vec<(String, String)>,
}

impl ActionRow {
    /// The row for `draft`, as of `now`.
    pub(crate) fn new(
        id: i64,
        draft: &ActionDraft,
        created_by: Option<UserId>,
        created_at: NaiveDateTime,
        updated_at: NaiveDateTime,
    ) -> ActionRow {
        let outcome = draft.outcome_event.as_ref();
        let parts = PartCodes::of(draft);
        ActionRow {
            id,
            lead_org: draft.lead.0,
            title: draft.title.trim().to_owned(),
            description: draft.description.clone(),
            action_type: draft.action_type.clone(),
            phase: draft.phase.code().to_owned(),
            level: draft.level.code().to_owned(),
            start_date: draft.start,
            end_date: draft.end,
            due_date: draft.due,
            status: draft.status.code().to_owned(),
            budget_minor: draft.budget.map(|b| b.minor),
            budget_currency: draft.budget.map(|b| b.currency_code().to_owned()),
            staff_days: draft.staff_days,
            expected_outcome: draft.expected_outcome.clone(),
            actual_outcome: draft.actual_outcome.clone(),
            outcome_state: outcome.map(|e| e.state.as_str().to_owned()),
            outcome_treaty: outcome.map(|e| e.treaty.as_str().to_owned()),
            outcome_kind: outcome.map(|e| e.kind.code().to_owned()),
            outcome_date: outcome.map(|e| e.date),
            visibility: draft.visibility.code().to_owned(),
            created_by: created_by.map(|u| u.0),
            created_at,
            updated_at,
            state_codes: parts.states,
            audience_codes: parts.audiences,
            partner_ids: parts.partners,
            alliance_ids: parts.alliances,
        }
    }

    /// The stored action, every code checked.
    pub(crate) fn into_action(self, parts: Parts) -> Result<Action, StoreError> {
        let id = self.id;
        let budget = match (self.budget_minor, self.budget_currency.as_deref()) {
            (Some(minor), Some(currency_code)) => Some(Budget {
                minor,
                currency: currency(currency_code).map_err(|e| {
                    StoreError::corrupt(format!("action {id}, budget_currency: {e}"))
                })?,
            }),
            _ => None,
        };
        let outcome_event = match (
            self.outcome_state.as_deref(),
            self.outcome_treaty.as_deref(),
            self.outcome_kind.as_deref(),
            self.outcome_date,
        ) {
            (Some(state), Some(treaty), Some(kind), Some(date)) => Some(OutcomeEvent {
                state: stored_code("action", id, "outcome_state", state)?,
                treaty: stored_code("action", id, "outcome_treaty", treaty)?,
                kind: stored_code("action", id, "outcome_kind", kind)?,
                date,
            }),
            _ => None,
        };
        let content = ActionDraft {
            title: self.title,
            description: self.description,
            action_type: self.action_type,
            phase: stored_code("action", id, "phase", &self.phase)?,
            level: stored_code("action", id, "level", &self.level)?,
            states: parts
                .states
                .iter()
                .map(|s| stored_code("action", id, "state", s))
                .collect::<Result<_, _>>()?,
            audiences: parts
                .audiences
                .iter()
                .map(|a| stored_code("action", id, "audience", a))
                .collect::<Result<_, _>>()?,
            lead: OrgId(self.lead_org),
            partners: parts.partners.into_iter().map(OrgId).collect(),
            start: self.start_date,
            end: self.end_date,
            due: self.due_date,
            status: stored_code("action", id, "status", &self.status)?,
            budget,
            staff_days: self.staff_days,
            expected_outcome: self.expected_outcome,
            actual_outcome: self.actual_outcome,
            outcome_event,
            documents: parts
                .documents
                .into_iter()
                .map(|(title, url)| DocumentLink { title, url })
                .collect(),
            visibility: stored_code("action", id, "visibility", &self.visibility)?,
            shared_with: parts.alliances.into_iter().map(AllianceId).collect(),
        };
        Ok(Action {
            id: ActionId(id),
            content,
            created_by: self.created_by.map(UserId),
            created_at: self.created_at,
            updated_at: self.updated_at,
        })
    }
}

impl From<ActionTypeRow> for ActionType {
    fn from(row: ActionTypeRow) -> Self {
        ActionType {
            code: row.code,
            label_en: row.label_en,
            label_fr: row.label_fr,
            label_es: row.label_es,
            builtin: row.builtin,
        }
    }
}
