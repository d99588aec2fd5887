//! The action form's fields: what was typed (kept to show the form again)
//! and how it becomes an [`ActionDraft`], every value that cannot be read
//! a problem under the name of its field.

use entente_core::Iso3;
use entente_core::access::{AccessScope, AllianceId, OrgId, Visibility};
use entente_core::plan::{
    ActionDraft, ActionStatus, Audience, Budget, BudgetError, DocumentLink, FieldError, Level,
    Phase,
};

use super::{parse_day, writes_for};
use crate::locale::Locale;
use crate::views::actions::Lookups;

/// Blank document rows offered under the filled ones.
const SPARE_DOCUMENT_ROWS: usize = 2;

/// What the action form holds, as typed.
#[derive(Debug, Clone, Default)]
pub struct ActionForm {
    pub csrf: String,
    pub title: String,
    pub description: String,
    pub action_type: String,
    pub phase: String,
    pub level: String,
    /// ISO 3166-1 alpha-3 codes.
    pub states: Vec<String>,
    pub audiences: Vec<String>,
    /// The lead's short name.
    pub lead: String,
    /// Short names.
    pub partners: Vec<String>,
    pub start: String,
    pub end: String,
    pub due: String,
    pub status: String,
    pub budget_amount: String,
    pub budget_currency: String,
    pub staff_days: String,
    pub expected_outcome: String,
    pub actual_outcome: String,
    /// Title and address of each document row.
    pub documents: Vec<(String, String)>,
    pub visibility: String,
    /// Alliance numbers.
    pub shared_with: Vec<String>,
    /// The anonymous signal: `on`, `off`, or empty for the lead's default.
    pub signal: String,
}

impl ActionForm {
    /// The form's fields from the decoded body; repeated names (states,
    /// partners, document rows) keep their order.
    pub fn from_pairs(pairs: Vec<(String, String)>) -> ActionForm {
        let mut form = ActionForm::default();
        let mut titles = Vec::new();
        let mut urls = Vec::new();
        for (name, value) in pairs {
            match name.as_str() {
                "csrf" => form.csrf = value,
                "title" => form.title = value,
                "description" => form.description = value,
                "action_type" => form.action_type = value,
                "phase" => form.phase = value,
                "level" => form.level = value,
                "states" => form.states.push(value),
                "audiences" => form.audiences.push(value),
                "lead" => form.lead = value,
                "partners" => form.partners.push(value),
                "start" => form.start = value,
                "end" => form.end = value,
                "due" => form.due = value,
                "status" => form.status = value,
                "budget_amount" => form.budget_amount = value,
                "budget_currency" => form.budget_currency = value,
                "staff_days" => form.staff_days = value,
                "expected_outcome" => form.expected_outcome = value,
                "actual_outcome" => form.actual_outcome = value,
                "document_title" => titles.push(value),
                "document_url" => urls.push(value),
                "visibility" => form.visibility = value,
                "shared_with" => form.shared_with.push(value),
                "signal" => form.signal = value,
                _ => {}
            }
        }
        let rows = titles.len().max(urls.len());
        form.documents = (0..rows)
            .map(|i| {
                let title = titles.get(i).cloned().unwrap_or_default();
                let url = urls.get(i).cloned().unwrap_or_default();
                (title, url)
            })
            .filter(|(t, u)| !t.trim().is_empty() || !u.trim().is_empty())
            .collect();
        form
    }

    /// The signal switch the form asks for: `None` for the lead's default
    /// (an unknown value is refused by [`ActionForm::to_draft`]).
    pub fn signal_choice(&self) -> Option<bool> {
        match self.signal.as_str() {
            "on" => Some(true),
            "off" => Some(false),
            _ => None,
        }
    }

    /// A new action's form: planned, private, led by the first
    /// organisation the user writes for.
    pub fn blank(lead: Option<&str>) -> ActionForm {
        ActionForm {
            status: ActionStatus::Planned.code().to_owned(),
            visibility: Visibility::Private.code().to_owned(),
            lead: lead.unwrap_or_default().to_owned(),
            ..ActionForm::default()
        }
    }

    /// The form of a stored action, to edit it, its days written as the
    /// language writes them.
    pub fn of(content: &ActionDraft, lookups: &Lookups, locale: Locale) -> ActionForm {
        let short = |id: &OrgId| lookups.org(*id).map(|o| o.short_name.clone());
        ActionForm {
            csrf: String::new(),
            title: content.title.clone(),
            description: content.description.clone(),
            action_type: content.action_type.clone(),
            phase: content.phase.code().to_owned(),
            level: content.level.code().to_owned(),
            states: content.states.iter().map(ToString::to_string).collect(),
            audiences: content
                .audiences
                .iter()
                .map(|a| a.code().to_owned())
                .collect(),
            lead: short(&content.lead).unwrap_or_default(),
            partners: content.partners.iter().filter_map(short).collect(),
            start: day_text(content.start, locale),
            end: day_text(content.end, locale),
            due: day_text(content.due, locale),
            status: content.status.code().to_owned(),
            budget_amount: content.budget.map(|b| b.amount_text()).unwrap_or_default(),
            budget_currency: content
                .budget
                .map(|b| b.currency_code().to_owned())
                .unwrap_or_default(),
            staff_days: content
                .staff_days
                .map(|d| d.to_string())
                .unwrap_or_default(),
            expected_outcome: content.expected_outcome.clone(),
            actual_outcome: content.actual_outcome.clone(),
            documents: content
                .documents
                .iter()
                .map(|d| (d.title.clone(), d.url.clone()))
                .collect(),
            visibility: content.visibility.code().to_owned(),
            shared_with: content
                .shared_with
                .iter()
                .map(|a| a.0.to_string())
                .collect(),
            signal: String::new(),
        }
    }

    /// The document rows to show: the filled ones and a few blank ones.
    pub fn document_rows(&self) -> Vec<(usize, String, String)> {
        let blank = std::iter::repeat_n((String::new(), String::new()), SPARE_DOCUMENT_ROWS);
        self.documents
            .iter()
            .cloned()
            .chain(blank)
            .enumerate()
            .map(|(i, (title, url))| (i + 1, title, url))
            .collect()
    }

    pub fn has(&self, list: &str, value: &str) -> bool {
        let values = match list {
            "audiences" => &self.audiences,
            "partners" => &self.partners,
            "shared_with" => &self.shared_with,
            _ => return false,
        };
        values.iter().any(|v| v == value)
    }

    /// The draft the form describes, with `outcome_event` kept from the
    /// stored action; every value that cannot be read is a problem, and
    /// then the draft's own rules are checked too, so the form shows all
    /// problems at once.
    pub fn to_draft(
        &self,
        lookups: &Lookups,
        scope: &AccessScope,
        outcome_event: Option<entente_core::plan::OutcomeEvent>,
    ) -> Result<ActionDraft, Vec<FieldError>> {
        let mut problems = Vec::new();
        if !matches!(self.signal.as_str(), "" | "on" | "off") {
            problems.push(problem("signal", "invalid_choice", &self.signal));
        }
        let lead = lookups
            .org_by_short(self.lead.trim())
            .filter(|o| writes_for(scope, o.id))
            .map(|o| o.id);
        if lead.is_none() {
            problems.push(problem(
                "lead",
                "not_editor",
                "choose an organisation you edit for",
            ));
        }
        let draft = ActionDraft {
            title: self.title.trim().to_owned(),
            description: self.description.trim().to_owned(),
            action_type: self.action_type.trim().to_owned(),
            phase: choice(&mut problems, "phase", &self.phase).unwrap_or(Phase::Ratification),
            level: choice(&mut problems, "level", &self.level).unwrap_or(Level::National),
            states: self.read_states(lookups, &mut problems),
            audiences: self
                .audiences
                .iter()
                .filter_map(|a| choice::<Audience>(&mut problems, "audiences", a))
                .collect(),
            lead: lead.unwrap_or(OrgId(0)),
            partners: self.read_partners(lookups, &mut problems),
            start: day(&mut problems, "start", &self.start),
            end: day(&mut problems, "end", &self.end),
            due: day(&mut problems, "due", &self.due),
            status: choice(&mut problems, "status", &self.status).unwrap_or(ActionStatus::Planned),
            budget: self.read_budget(&mut problems),
            staff_days: self.read_staff_days(&mut problems),
            expected_outcome: self.expected_outcome.trim().to_owned(),
            actual_outcome: self.actual_outcome.trim().to_owned(),
            outcome_event,
            documents: self
                .documents
                .iter()
                .map(|(title, url)| DocumentLink {
                    title: title.trim().to_owned(),
                    url: url.trim().to_owned(),
                })
                .collect(),
            visibility: choice(&mut problems, "visibility", &self.visibility)
                .unwrap_or(Visibility::Private),
            shared_with: self
                .shared_with
                .iter()
                .filter_map(|a| match a.trim().parse::<i64>() {
                    Ok(id) => Some(AllianceId(id)),
                    Err(_) => {
                        problems.push(problem("shared_with", "invalid_choice", a));
                        None
                    }
                })
                .collect(),
        };
        if problems.is_empty() {
            return Ok(draft);
        }
        if let Err(rules) = draft.validate() {
            let unread: Vec<&str> = problems.iter().map(|p| p.field).collect();
            problems.extend(rules.into_iter().filter(|r| !unread.contains(&r.field)));
        }
        Err(problems)
    }

    fn read_states(&self, lookups: &Lookups, problems: &mut Vec<FieldError>) -> Vec<Iso3> {
        let mut states = Vec::new();
        for raw in &self.states {
            match raw.trim().parse::<Iso3>() {
                Ok(iso3) if lookups.state(iso3).is_some() => states.push(iso3),
                _ => problems.push(problem("states", "unknown_state", raw)),
            }
        }
        states
    }

    fn read_partners(&self, lookups: &Lookups, problems: &mut Vec<FieldError>) -> Vec<OrgId> {
        let mut partners = Vec::new();
        for short in &self.partners {
            match lookups.org_by_short(short.trim()) {
                Some(org) => partners.push(org.id),
                None => problems.push(problem("partners", "invalid_choice", short)),
            }
        }
        partners
    }

    fn read_budget(&self, problems: &mut Vec<FieldError>) -> Option<Budget> {
        let (amount, currency) = (self.budget_amount.trim(), self.budget_currency.trim());
        match (amount.is_empty(), currency.is_empty()) {
            (true, true) => return None,
            (false, true) => {
                problems.push(problem("budget_currency", "required", "a currency"));
                return None;
            }
            (true, false) => {
                problems.push(problem("budget_amount", "required", "an amount"));
                return None;
            }
            (false, false) => {}
        }
        Budget::parse(amount, currency)
            .map_err(|e| {
                let (field, code) = match &e {
                    BudgetError::UnknownCurrency(_) => ("budget_currency", "unknown_currency"),
                    BudgetError::NotAnAmount(_) => ("budget_amount", "not_an_amount"),
                    BudgetError::TooManyDecimals { .. } => ("budget_amount", "too_many_decimals"),
                    BudgetError::Negative(_) => ("budget_amount", "negative"),
                    BudgetError::TooLarge(_) => ("budget_amount", "too_large"),
                };
                problems.push(problem(field, code, &e.to_string()));
            })
            .ok()
    }

    fn read_staff_days(&self, problems: &mut Vec<FieldError>) -> Option<f64> {
        let raw = self.staff_days.trim();
        if raw.is_empty() {
            return None;
        }
        match raw.replace(',', ".").parse::<f64>() {
            Ok(days) if days.is_finite() => Some(days),
            _ => {
                problems.push(problem("staff_days", "not_a_number", raw));
                None
            }
        }
    }
}

/// A day as the form shows it: 12/03/2026 in French and Spanish, day
/// first; 2026-03-12 in English, which no reader takes for 3 December.
fn day_text(day: Option<chrono::NaiveDate>, locale: Locale) -> String {
    let format = match locale {
        Locale::En => "%Y-%m-%d",
        Locale::Fr | Locale::Es => "%d/%m/%Y",
    };
    day.map(|d| d.format(format).to_string())
        .unwrap_or_default()
}

fn problem(field: &'static str, code: &'static str, detail: &str) -> FieldError {
    FieldError::new(field, code, format!("{field}: {detail:?}"))
}

fn choice<T: std::str::FromStr>(
    problems: &mut Vec<FieldError>,
    field: &'static str,
    raw: &str,
) -> Option<T> {
    let raw = raw.trim();
    if raw.is_empty() {
        problems.push(problem(field, "required", raw));
        return None;
    }
    let parsed = raw.parse().ok();
    if parsed.is_none() {
        problems.push(problem(field, "invalid_choice", raw));
    }
    parsed
}

fn day(
    problems: &mut Vec<FieldError>,
    field: &'static str,
    raw: &str,
) -> Option<chrono::NaiveDate> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    let parsed = parse_day(raw);
    if parsed.is_none() {
        problems.push(problem(field, "not_a_date", raw));
    }
    parsed
}
