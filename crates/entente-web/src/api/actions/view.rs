//! Actions as the API shows them: stable snake_case fields, organisations
//! by id and short name, alliances by id and name, states by ISO3, budgets
//! as exact decimal text. An organisation or alliance the reader may not
//! see is left out, so an action never reveals who is hidden behind it.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime};
use entente_core::access::{AccessScope, AllianceId, OrgId, can_write};
use entente_core::plan::Budget;
use entente_store::{Action, ActionType, StatusChange, Store, StoreError};
use serde::Serialize;
use utoipa::ToSchema;

/// The organisations and alliances a reader may see, to name those an
/// action refers to; loaded once per request.
#[derive(Debug, Clone, Default)]
pub struct Names {
    pub orgs: BTreeMap<OrgId, String>,
    pub alliances: BTreeMap<AllianceId, String>,
}

impl Names {
    /// What `scope` may see of the directory and the alliances.
    pub fn load(store: &Store, scope: &AccessScope) -> Result<Names, StoreError> {
        let orgs = store
            .organisations(scope)?
            .into_iter()
            .map(|o| (o.id, o.short_name))
            .collect();
        let alliances = store
            .alliances(scope)?
            .into_iter()
            .map(|a| (a.id, a.name))
            .collect();
        Ok(Names { orgs, alliances })
    }

    /// The visible organisation of that short name.
    pub fn org_by_short_name(&self, short: &str) -> Option<OrgId> {
        self.orgs
            .iter()
            .find(|(_, s)| s.as_str() == short)
            .map(|(id, _)| *id)
    }

    fn org(&self, id: OrgId) -> Option<OrgRef> {
        self.orgs.get(&id).map(|short| OrgRef {
            id: id.0,
            short_name: short.clone(),
        })
    }

    fn alliance(&self, id: AllianceId) -> Option<AllianceRef> {
        self.alliances.get(&id).map(|name| AllianceRef {
            id: id.0,
            name: name.clone(),
        })
    }
}

/// An organisation an action names.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OrgRef {
    pub id: i64,
    #[schema(example = "apt")]
    pub short_name: String,
}

/// An alliance an action is shared with.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AllianceRef {
    pub id: i64,
    pub name: String,
}

/// An amount of money, exact: the amount as decimal text with a point, in
/// an ISO 4217 currency.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct BudgetView {
    #[schema(example = "1500.50")]
    pub amount: String,
    #[schema(example = "EUR")]
    pub currency: String,
}

impl From<&Budget> for BudgetView {
    fn from(budget: &Budget) -> Self {
        BudgetView {
            amount: budget.amount_text(),
            currency: budget.currency_code().to_owned(),
        }
    }
}

/// The treaty event an action contributed to.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OutcomeEventView {
    #[schema(example = "FRA")]
    pub state: String,
    #[schema(example = "opcat")]
    pub treaty: String,
    /// `signature`, `ratification`, `accession`, `npm_designation`, ...
    #[schema(example = "ratification")]
    pub kind: String,
    pub date: NaiveDate,
}

/// A link to a document about the action.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DocumentView {
    pub title: String,
    pub url: String,
}

/// A campaign action, as far as the reader may see what it names.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ActionView {
    pub id: i64,
    pub title: String,
    pub description: String,
    /// A code of the catalogue (`GET /api/v1/action-types`).
    #[schema(example = "letter")]
    pub action_type: String,
    /// `ratification` or `implementation`.
    #[schema(example = "ratification")]
    pub phase: String,
    /// `international`, `regional` or `national`.
    #[schema(example = "national")]
    pub level: String,
    /// ISO 3166-1 alpha-3 codes.
    #[schema(example = json!(["FRA"]))]
    pub states: Vec<String>,
    /// `executive`, `legislature`, `nhri`, `npm`, `judiciary`, `public`,
    /// `civil_society`, `un_body`, `regional_body`.
    #[schema(example = json!(["executive"]))]
    pub audiences: Vec<String>,
    /// The lead organisation; `null` when its directory entry is hidden
    /// from the reader.
    pub lead: Option<OrgRef>,
    /// Partner organisations the reader may see in the directory.
    pub partners: Vec<OrgRef>,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub due: Option<NaiveDate>,
    /// `idea`, `planned`, `under_way`, `done` or `cancelled`.
    #[schema(example = "planned")]
    pub status: String,
    pub budget: Option<BudgetView>,
    pub staff_days: Option<f64>,
    pub expected_outcome: String,
    pub actual_outcome: String,
    pub outcome_event: Option<OutcomeEventView>,
    pub documents: Vec<DocumentView>,
    /// Who may read it: `private`, `alliance` or `public`.
    #[schema(example = "alliance")]
    pub visibility: String,
    /// The alliances it is shared with that the reader may see.
    pub shared_with: Vec<AllianceRef>,
    /// Whether the reader may change or delete it.
    pub editable: bool,
    /// UTC.
    pub created_at: NaiveDateTime,
    /// UTC.
    pub updated_at: NaiveDateTime,
}

/// `Display` codes as strings.
fn codes<T: ToString>(items: &[T]) -> Vec<String> {
    items.iter().map(ToString::to_string).collect()
}

impl ActionView {
    /// The view of `action` for a reader with `scope`, who sees `names`.
    pub fn new(action: Action, names: &Names, scope: &AccessScope) -> ActionView {
        let editable = can_write(scope, &action.content.access());
        let c = action.content;
        ActionView {
            id: action.id.0,
            title: c.title,
            description: c.description,
            action_type: c.action_type,
            phase: c.phase.code().to_owned(),
            level: c.level.code().to_owned(),
            states: codes(&c.states),
            audiences: codes(&c.audiences),
            lead: names.org(c.lead),
            partners: c.partners.iter().filter_map(|o| names.org(*o)).collect(),
            start: c.start,
            end: c.end,
            due: c.due,
            status: c.status.code().to_owned(),
            budget: c.budget.as_ref().map(BudgetView::from),
            staff_days: c.staff_days,
            expected_outcome: c.expected_outcome,
            actual_outcome: c.actual_outcome,
            outcome_event: c.outcome_event.map(|e| OutcomeEventView {
                state: e.state.as_str().to_owned(),
                treaty: e.treaty.as_str().to_owned(),
                kind: e.kind.code().to_owned(),
                date: e.date,
            }),
            documents: c
                .documents
                .into_iter()
                .map(|d| DocumentView {
                    title: d.title,
                    url: d.url,
                })
                .collect(),
            visibility: c.visibility.code().to_owned(),
            shared_with: c
                .shared_with
                .iter()
                .filter_map(|a| names.alliance(*a))
                .collect(),
            editable,
            created_at: action.created_at,
            updated_at: action.updated_at,
        }
    }
}

/// A page of actions.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ActionList {
    /// How many actions match the filters in all; when
    /// `total_is_lower_bound`, more than this many match.
    pub total: u64,
    /// Counting stopped at `total` (10,000, or the end of the page when
    /// that is further): more than `total` actions match, and at least
    /// one follows this page. False when `total` is exact.
    pub total_is_lower_bound: bool,
    pub limit: u32,
    pub offset: u64,
    pub items: Vec<ActionView>,
}

/// One step of an action's status history.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct StatusChangeView {
    #[schema(example = "under_way")]
    pub status: String,
    /// When, UTC.
    pub at: NaiveDateTime,
}

impl From<StatusChange> for StatusChangeView {
    fn from(change: StatusChange) -> Self {
        StatusChangeView {
            status: change.status.code().to_owned(),
            at: change.at,
        }
    }
}

/// A kind of action of the catalogue, with its names.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ActionTypeView {
    #[schema(example = "letter")]
    pub code: String,
    pub label_en: String,
    pub label_fr: String,
    pub label_es: String,
    /// Shipped with Entente, rather than added by this instance.
    pub builtin: bool,
}

impl From<ActionType> for ActionTypeView {
    fn from(kind: ActionType) -> Self {
        ActionTypeView {
            code: kind.code,
            label_en: kind.label_en,
            label_fr: kind.label_fr,
            label_es: kind.label_es,
            builtin: kind.builtin,
        }
    }
}
