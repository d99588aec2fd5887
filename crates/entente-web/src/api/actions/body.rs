//! The body of a create or update: an action's whole content as JSON,
//! read into an [`ActionDraft`] with every bad value reported at once as a
//! [`FieldError`] naming its field. The body takes back what `GET` gives
//! (organisations and alliances as objects, the read-only fields), so a
//! client may fetch an action, change it and send it back.

use chrono::NaiveDate;
use entente_core::access::{AllianceId, OrgId, Visibility};
use entente_core::plan::{
    ActionDraft, ActionStatus, Audience, Budget, DocumentLink, FieldError, Level, OutcomeEvent,
    Phase,
};
use entente_core::{EventKind, Iso3, TreatyId};
use serde::Deserialize;
use serde::de::IgnoredAny;
use utoipa::ToSchema;

use super::view::Names;

/// An organisation: its short name, or an object with it (as `GET` shows).
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(untagged)]
pub enum OrgName {
    #[schema(example = "apt")]
    ShortName(String),
    Entry {
        short_name: String,
    },
}

impl OrgName {
    fn short_name(&self) -> &str {
        match self {
            OrgName::ShortName(short) | OrgName::Entry { short_name: short } => short.trim(),
        }
    }
}

/// An alliance: its number, or an object with it (as `GET` shows).
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(untagged)]
pub enum AllianceNumber {
    Id(i64),
    Entry { id: i64 },
}

impl AllianceNumber {
    fn id(&self) -> AllianceId {
        match self {
            AllianceNumber::Id(id) | AllianceNumber::Entry { id } => AllianceId(*id),
        }
    }
}

/// An amount as text (`"1500.50"`, `"1 500,50"`) or as a JSON number.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(untagged)]
pub enum Amount {
    #[schema(example = "1500.50")]
    Text(String),
    #[schema(value_type = f64)]
    Number(serde_json::Number),
}

/// A budget to record.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BudgetBody {
    pub amount: Amount,
    /// An ISO 4217 code.
    #[schema(example = "EUR")]
    pub currency: String,
}

/// The treaty event an action contributed to.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OutcomeEventBody {
    #[schema(example = "FRA")]
    pub state: String,
    #[schema(example = "opcat")]
    pub treaty: String,
    #[schema(example = "ratification")]
    pub kind: String,
    /// YYYY-MM-DD.
    pub date: String,
}

/// A link to a document.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentBody {
    pub title: String,
    pub url: String,
}

/// An action's whole content. Absent lists are empty, absent texts blank.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[expect(
    dead_code,
    reason = "the read-only fields of GET are read only to be ignored"
)]
pub struct ActionBody {
    pub title: String,
    #[serde(default)]
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
    /// ISO 3166-1 alpha-3 codes, one or more.
    #[schema(example = json!(["FRA"]))]
    pub states: Vec<String>,
    /// One or more of `executive`, `legislature`, `nhri`, `npm`,
    /// `judiciary`, `public`, `civil_society`, `un_body`, `regional_body`.
    #[schema(example = json!(["executive"]))]
    pub audiences: Vec<String>,
    /// The lead organisation, which the user edits for.
    pub lead: Option<OrgName>,
    #[serde(default)]
    pub partners: Vec<OrgName>,
    /// YYYY-MM-DD.
    pub start: Option<String>,
    /// YYYY-MM-DD, not before the start.
    pub end: Option<String>,
    /// YYYY-MM-DD.
    pub due: Option<String>,
    /// `idea` (the default), `planned`, `under_way`, `done` or `cancelled`.
    #[schema(example = "planned")]
    pub status: Option<String>,
    pub budget: Option<BudgetBody>,
    /// Zero or more; fractions allowed.
    pub staff_days: Option<f64>,
    #[serde(default)]
    pub expected_outcome: String,
    #[serde(default)]
    pub actual_outcome: String,
    pub outcome_event: Option<OutcomeEventBody>,
    #[serde(default)]
    pub documents: Vec<DocumentBody>,
    /// `private`, `alliance` or `public`.
    #[schema(example = "alliance")]
    pub visibility: String,
    /// The alliances an `alliance` action is shared with: alliances of
    /// the lead organisation.
    #[serde(default)]
    pub shared_with: Vec<AllianceNumber>,
    /// Ignored: what `GET` shows and a client may send back.
    #[serde(default)]
    #[schema(ignore)]
    pub id: Option<IgnoredAny>,
    #[serde(default)]
    #[schema(ignore)]
    pub editable: Option<IgnoredAny>,
    #[serde(default)]
    #[schema(ignore)]
    pub created_at: Option<IgnoredAny>,
    #[serde(default)]
    #[schema(ignore)]
    pub updated_at: Option<IgnoredAny>,
}

/// Collects the refusals of one body.
#[derive(Default)]
struct Refusals(Vec<FieldError>);

impl Refusals {
    fn refuse(&mut self, field: &'static str, code: &'static str, message: impl Into<String>) {
        self.0.push(FieldError::new(field, code, message));
    }

    /// `value` parsed, or a refusal of `field` with `code` and `None`.
    fn parse<T, E: std::fmt::Display>(
        &mut self,
        field: &'static str,
        code: &'static str,
        value: Result<T, E>,
    ) -> Option<T> {
        value
            .map_err(|e| self.refuse(field, code, e.to_string()))
            .ok()
    }

    /// The organisation `name` names among those the reader sees.
    fn org(&mut self, field: &'static str, names: &Names, name: &OrgName) -> Option<OrgId> {
        let found = names.org_by_short_name(name.short_name());
        if found.is_none() {
            let short = name.short_name();
            let message = format!("no organisation you can see has the short name {short:?}");
            self.refuse(field, "unknown_organisation", message);
        }
        found
    }

    fn date(&mut self, field: &'static str, text: Option<&str>) -> Option<NaiveDate> {
        let text = text.map(str::trim).filter(|t| !t.is_empty())?;
        let parsed = NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map_err(|_| format!("{text:?} is not a date of the form YYYY-MM-DD"));
        self.parse(field, "not_a_date", parsed)
    }
}

impl ActionBody {
    /// The lead organisation's short name, as given.
    pub fn lead_short_name(&self) -> Option<&str> {
        self.lead.as_ref().map(OrgName::short_name)
    }

    /// The target states and audiences, each unreadable one refused.
    fn targets(&self, r: &mut Refusals) -> (Vec<Iso3>, Vec<Audience>) {
        let states = self
            .states
            .iter()
            .filter_map(|s| r.parse("states", "unknown_state", s.trim().parse::<Iso3>()))
            .collect();
        let audiences = self
            .audiences
            .iter()
            .filter_map(|a| r.parse("audiences", "unknown_code", a.trim().parse()))
            .collect();
        (states, audiences)
    }

    /// The lead and the partners among the organisations the reader sees.
    fn organisations(&self, r: &mut Refusals, names: &Names) -> (Option<OrgId>, Vec<OrgId>) {
        let lead = match &self.lead {
            None => {
                r.refuse("lead", "required", "name the lead organisation");
                None
            }
            Some(name) => r.org("lead", names, name),
        };
        let partners = self
            .partners
            .iter()
            .filter_map(|name| r.org("partners", names, name))
            .collect();
        (lead, partners)
    }

    /// The draft this body describes, organisations resolved among those
    /// the reader sees; every value that cannot be read is refused. When
    /// it replaces `before`, the partners and alliances of `before` that
    /// the writer cannot see stay (see [`keep_unseen`]).
    pub fn into_draft(
        self,
        names: &Names,
        before: Option<&ActionDraft>,
    ) -> Result<ActionDraft, Vec<FieldError>> {
        let mut r = Refusals::default();
        let phase = r.parse("phase", "unknown_code", self.phase.trim().parse::<Phase>());
        let level = r.parse("level", "unknown_code", self.level.trim().parse::<Level>());
        let (states, audiences) = self.targets(&mut r);
        let (lead, partners) = self.organisations(&mut r, names);
        let start = r.date("start", self.start.as_deref());
        let end = r.date("end", self.end.as_deref());
        let due = r.date("due", self.due.as_deref());
        let status = match self.status.as_deref().map(str::trim) {
            None | Some("") => Some(ActionStatus::Idea),
            Some(code) => r.parse("status", "unknown_code", code.parse::<ActionStatus>()),
        };
        let budget = self.budget.as_ref().and_then(|b| budget(&mut r, b));
        let outcome_event = self
            .outcome_event
            .as_ref()
            .and_then(|e| outcome_event(&mut r, e));
        let visibility = r.parse(
            "visibility",
            "unknown_code",
            self.visibility.trim().parse::<Visibility>(),
        );
        // Unreadable values take a stand-in, so the draft's own rules still
        // run and every refusal comes back at once.
        let draft = ActionDraft {
            title: self.title,
            description: self.description,
            action_type: self.action_type.trim().to_owned(),
            phase: phase.unwrap_or(Phase::Ratification),
            level: level.unwrap_or(Level::National),
            states,
            audiences,
            lead: lead.unwrap_or(OrgId(0)),
            partners,
            start,
            end,
            due,
            status: status.unwrap_or(ActionStatus::Idea),
            budget,
            staff_days: self.staff_days,
            expected_outcome: self.expected_outcome,
            actual_outcome: self.actual_outcome,
            outcome_event,
            documents: self
                .documents
                .into_iter()
                .map(|d| DocumentLink {
                    title: d.title,
                    url: d.url,
                })
                .collect(),
            visibility: visibility.unwrap_or(Visibility::Private),
            shared_with: self.shared_with.iter().map(AllianceNumber::id).collect(),
        };
        finish(draft, r, names, before)
    }
}

/// Adds what the writer cannot see of `before`, then every refusal: the
/// body's and the draft's own rules.
fn finish(
    mut draft: ActionDraft,
    r: Refusals,
    names: &Names,
    before: Option<&ActionDraft>,
) -> Result<ActionDraft, Vec<FieldError>> {
    if let Some(before) = before {
        keep_unseen(before, names, &mut draft);
    }
    let mut refused = r.0;
    if let Err(broken) = draft.validate() {
        refused.extend(broken);
    }
    if refused.is_empty() {
        Ok(draft)
    } else {
        Err(refused)
    }
}

/// Keeps what `GET` left out of the action because the writer cannot
/// see it: a body sent back without it does not mean to drop it. Hidden
/// partners stay, and the store then says whether the writer may keep
/// them; hidden alliances (the lead is in them) stay shared.
fn keep_unseen(before: &ActionDraft, names: &Names, draft: &mut ActionDraft) {
    for partner in &before.partners {
        if !names.orgs.contains_key(partner) && !draft.partners.contains(partner) {
            draft.partners.push(*partner);
        }
    }
    if draft.visibility != Visibility::Alliance {
        return;
    }
    for alliance in &before.shared_with {
        if !names.alliances.contains_key(alliance) && !draft.shared_with.contains(alliance) {
            draft.shared_with.push(*alliance);
        }
    }
}

fn budget(r: &mut Refusals, body: &BudgetBody) -> Option<Budget> {
    let amount = match &body.amount {
        Amount::Text(text) => text.clone(),
        Amount::Number(number) => number.to_string(),
    };
    let currency = r.parse(
        "budget_currency",
        "unknown_currency",
        entente_core::plan::currency(&body.currency),
    )?;
    match Budget::parse(&amount, currency.code()) {
        Ok(budget) => Some(budget),
        Err(error) => {
            let code = match error {
                entente_core::plan::BudgetError::Negative(_) => "negative",
                _ => "not_an_amount",
            };
            r.refuse("budget", code, error.to_string());
            None
        }
    }
}

fn outcome_event(r: &mut Refusals, body: &OutcomeEventBody) -> Option<OutcomeEvent> {
    let field = "outcome_event";
    let state = r.parse(field, "unknown_state", body.state.trim().parse::<Iso3>());
    let treaty = r.parse(
        field,
        "unknown_treaty",
        body.treaty.trim().parse::<TreatyId>(),
    );
    let kind = r.parse(field, "unknown_code", body.kind.trim().parse::<EventKind>());
    let date = r.date(field, Some(&body.date));
    if date.is_none() && body.date.trim().is_empty() {
        r.refuse(field, "required", "give the event's date");
    }
    Some(OutcomeEvent {
        state: state?,
        treaty: treaty?,
        kind: kind?,
        date: date?,
    })
}
