//! What a client or a form writes: an NPM profile or an assessment as
//! text, read into the core drafts with every bad value reported at once
//! as a [`FieldError`] naming its field. The API's JSON bodies and the
//! workspace forms share it, so a bad value gets the same answer from both.

use chrono::NaiveDate;
use entente_core::Iso3;
use entente_core::access::{AllianceId, OrgId, Visibility};
use entente_core::monitoring::{
    AnnualReport, AssessmentDraft, Criterion, CriterionRating, NpmBody, NpmModel, ProfileDraft,
    ProfileId, Rating, Viewpoint,
};
use entente_core::plan::{Budget, FieldError};
use serde::Deserialize;
use utoipa::ToSchema;

use crate::api::actions::view::Names;
use crate::pages::actions::parse_day;

/// A whole number as JSON writes it or as typed in a form.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(untagged)]
pub enum Count {
    Number(i64),
    Text(String),
}

impl Count {
    fn value(&self) -> Option<i64> {
        match self {
            Count::Number(n) => Some(*n),
            Count::Text(t) => t.trim().replace([' ', '\u{a0}'], "").parse().ok(),
        }
    }

    pub fn text(&self) -> String {
        match self {
            Count::Number(n) => n.to_string(),
            Count::Text(t) => t.clone(),
        }
    }

    fn is_blank(&self) -> bool {
        matches!(self, Count::Text(t) if t.trim().is_empty())
    }
}

/// One designated body.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct BodyInput {
    pub name: String,
    #[serde(default)]
    pub role: String,
}

/// One annual report.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct ReportInput {
    #[schema(value_type = i64, example = 2023)]
    pub year: Count,
    pub url: String,
    #[serde(default)]
    pub title: String,
    /// YYYY-MM-DD (or DD/MM/YYYY), when known.
    #[serde(default)]
    pub published: Option<String>,
}

/// An NPM profile's whole content. Dates are YYYY-MM-DD (DD/MM/YYYY is read
/// too); absent lists are empty and absent texts blank.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct ProfileInput {
    /// ISO 3166-1 alpha-3.
    #[schema(example = "FRA")]
    pub state: String,
    /// The owner organisation's short name.
    #[schema(example = "apt")]
    pub owner: String,
    /// `private`, `alliance` or `public`.
    #[serde(default)]
    pub visibility: String,
    /// Alliance numbers, for `alliance` visibility.
    #[serde(default)]
    pub shared_with: Vec<i64>,
    #[serde(default)]
    pub bodies: Vec<BodyInput>,
    /// `nhri_or_ombuds`, `specialised_body`, `several_bodies`, `ombuds_plus_civil_society` or `other`.
    #[schema(example = "specialised_body")]
    pub model: String,
    #[serde(default)]
    pub legal_basis: String,
    #[serde(default)]
    pub law_date: Option<String>,
    #[serde(default)]
    pub designation_date: Option<String>,
    #[serde(default)]
    pub operation_start: Option<String>,
    #[serde(default)]
    pub website: Option<String>,
    /// Staff in full-time equivalents.
    #[serde(default)]
    #[schema(value_type = Option<i64>)]
    pub staff: Option<Count>,
    /// A yearly budget: `1234.50`, `1 234,50`.
    #[serde(default)]
    pub budget_amount: Option<String>,
    /// ISO 4217, with `budget_amount`.
    #[serde(default)]
    pub budget_currency: Option<String>,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub annual_reports: Vec<ReportInput>,
}

/// One criterion's rating.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct RatingInput {
    #[schema(example = "functional_independence")]
    pub criterion: String,
    /// `meets`, `partly`, `does_not_meet` or `not_known`.
    #[schema(example = "partly")]
    pub rating: String,
    #[serde(default)]
    pub evidence: String,
}

/// An assessment's whole content. Criteria left out are `not_known`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct AssessmentInput {
    #[schema(example = "FRA")]
    pub state: String,
    /// The number of the NPM profile assessed, if any.
    #[serde(default)]
    pub profile: Option<i64>,
    /// `state`, `npm`, `civil_society` or `spt`.
    #[schema(example = "civil_society")]
    pub viewpoint: String,
    /// Who assessed: an organisation's or a body's name.
    pub assessor: String,
    /// YYYY-MM-DD.
    pub date: String,
    /// The report or document it comes from.
    #[serde(default)]
    pub source: String,
    /// The owner organisation's short name.
    pub owner: String,
    #[serde(default)]
    pub visibility: String,
    #[serde(default)]
    pub shared_with: Vec<i64>,
    #[serde(default)]
    pub ratings: Vec<RatingInput>,
}

/// Parse problems, and the fields they are about (whose draft rules are then not repeated).
#[derive(Default)]
struct Problems(Vec<FieldError>);

impl Problems {
    fn push(&mut self, field: &'static str, code: &'static str, message: String) {
        self.0.push(FieldError::new(field, code, message));
    }

    fn day(&mut self, field: &'static str, text: Option<&String>) -> Option<NaiveDate> {
        let text = text.map(|t| t.trim()).filter(|t| !t.is_empty())?;
        let day = parse_day(text);
        if day.is_none() {
            self.push(
                field,
                "not_a_date",
                format!("{text:?} is not a date (write YYYY-MM-DD or DD/MM/YYYY)"),
            );
        }
        day
    }

    fn code<T: std::str::FromStr<Err = entente_core::ParseCodeError>>(
        &mut self,
        field: &'static str,
        text: &str,
    ) -> Option<T> {
        match text.trim().parse() {
            Ok(value) => Some(value),
            Err(e) if text.trim().is_empty() => {
                self.push(field, "required", format!("choose one of: {}", e.expected));
                None
            }
            Err(e) => {
                self.push(field, "unknown_code", e.to_string());
                None
            }
        }
    }

    fn state(&mut self, text: &str) -> Option<Iso3> {
        let parsed = text.trim().to_ascii_uppercase().parse().ok();
        if parsed.is_none() {
            self.push(
                "state",
                "unknown_state",
                format!("{text:?} is not an ISO 3166-1 alpha-3 code"),
            );
        }
        parsed
    }

    fn owner(&mut self, names: &Names, short: &str) -> Option<OrgId> {
        let found = names.org_by_short_name(short.trim());
        if found.is_none() {
            self.push(
                "owner",
                "unknown_organisation",
                format!("no organisation you can see is called {short:?}"),
            );
        }
        found
    }

    fn visibility(&mut self, text: &str) -> Visibility {
        if text.trim().is_empty() {
            return Visibility::Private;
        }
        self.code("visibility", text).unwrap_or(Visibility::Private)
    }

    /// The parse problems, then the draft's own, leaving out those about a
    /// field that could not be read.
    fn finish<T>(
        self,
        draft: Option<T>,
        validate: impl Fn(&T) -> Result<(), Vec<FieldError>>,
    ) -> Result<T, Vec<FieldError>> {
        let mut errors = self.0;
        let Some(draft) = draft else {
            return Err(errors);
        };
        let unread: Vec<&'static str> = errors.iter().map(|e| e.field).collect();
        if let Err(more) = validate(&draft) {
            errors.extend(more.into_iter().filter(|e| !unread.contains(&e.field)));
        }
        if errors.is_empty() {
            Ok(draft)
        } else {
            Err(errors)
        }
    }
}

/// Stands in for a state code that could not be read (never stored: the
/// parse problem refuses the draft).
fn placeholder_state() -> Option<Iso3> {
    "ZZZ".parse().ok()
}

fn blank(text: &Option<String>) -> bool {
    text.as_deref().is_none_or(|t| t.trim().is_empty())
}

impl ProfileInput {
    pub fn to_draft(&self, names: &Names) -> Result<ProfileDraft, Vec<FieldError>> {
        let mut p = Problems::default();
        let state = p.state(&self.state);
        let owner = p.owner(names, &self.owner);
        let visibility = p.visibility(&self.visibility);
        let model = p.code::<NpmModel>("model", &self.model);
        let law_date = p.day("law_date", self.law_date.as_ref());
        let designation_date = p.day("designation_date", self.designation_date.as_ref());
        let operation_start = p.day("operation_start", self.operation_start.as_ref());
        let staff = match &self.staff {
            Some(count) if !count.is_blank() => {
                match count.value().and_then(|n| u32::try_from(n).ok()) {
                    Some(n) => Some(n),
                    None => {
                        p.push(
                            "staff",
                            "not_a_number",
                            format!("{:?}: give a whole number, zero or more", count.text()),
                        );
                        None
                    }
                }
            }
            _ => None,
        };
        let budget = if blank(&self.budget_amount) {
            None
        } else {
            let amount = self.budget_amount.clone().unwrap_or_default();
            let code = self.budget_currency.clone().unwrap_or_default();
            match Budget::parse(&amount, code.trim()) {
                Ok(budget) => Some(budget),
                Err(e) => {
                    p.push("budget", "invalid_budget", e.to_string());
                    None
                }
            }
        };
        let mut annual_reports = Vec::new();
        for report in &self.annual_reports {
            if report.year.is_blank() && report.url.trim().is_empty() {
                continue;
            }
            let year = report.year.value().and_then(|y| i32::try_from(y).ok());
            if year.is_none() {
                p.push(
                    "annual_reports",
                    "not_a_year",
                    format!("{:?} is not a year", report.year.text()),
                );
            }
            let published = p.day("annual_reports", report.published.as_ref());
            annual_reports.push(AnnualReport {
                year: year.unwrap_or_default(),
                url: report.url.trim().to_owned(),
                title: report.title.trim().to_owned(),
                published,
            });
        }
        // Unread values take a stand-in, so that the other fields' rules
        // are still checked; the parse problem is reported in their place.
        let draft = state.or_else(placeholder_state).map(|state| ProfileDraft {
            state,
            owner: owner.unwrap_or(OrgId(0)),
            visibility,
            shared_with: self.shared_with.iter().copied().map(AllianceId).collect(),
            bodies: self
                .bodies
                .iter()
                .filter(|b| !(b.name.trim().is_empty() && b.role.trim().is_empty()))
                .map(|b| NpmBody {
                    name: b.name.trim().to_owned(),
                    role: b.role.trim().to_owned(),
                })
                .collect(),
            model: model.unwrap_or(NpmModel::Other),
            legal_basis: self.legal_basis.trim().to_owned(),
            law_date,
            designation_date,
            operation_start,
            website: self
                .website
                .as_ref()
                .map(|w| w.trim().to_owned())
                .filter(|w| !w.is_empty()),
            staff,
            budget,
            notes: self.notes.trim().to_owned(),
            annual_reports,
        });
        p.finish(draft, ProfileDraft::validate)
    }
}

impl AssessmentInput {
    pub fn to_draft(&self, names: &Names) -> Result<AssessmentDraft, Vec<FieldError>> {
        let mut p = Problems::default();
        let state = p.state(&self.state);
        let viewpoint = p.code::<Viewpoint>("viewpoint", &self.viewpoint);
        let date = if self.date.trim().is_empty() {
            p.push(
                "date",
                "required",
                "give the date of the assessment".to_owned(),
            );
            None
        } else {
            p.day("date", Some(&self.date))
        };
        let owner = p.owner(names, &self.owner);
        let visibility = p.visibility(&self.visibility);
        let mut ratings = Vec::new();
        for rating in &self.ratings {
            let criterion = p.code::<Criterion>("ratings", &rating.criterion);
            let value = if rating.rating.trim().is_empty() {
                Some(Rating::NotKnown)
            } else {
                p.code::<Rating>("ratings", &rating.rating)
            };
            if let (Some(criterion), Some(rating_value)) = (criterion, value) {
                ratings.push(CriterionRating {
                    criterion,
                    rating: rating_value,
                    evidence: rating.evidence.trim().to_owned(),
                });
            }
        }
        let draft = state
            .or_else(placeholder_state)
            .map(|state| AssessmentDraft {
                state,
                profile: self.profile.map(ProfileId),
                viewpoint: viewpoint.unwrap_or(Viewpoint::State),
                assessor: self.assessor.trim().to_owned(),
                date: date.unwrap_or_default(),
                source: self.source.trim().to_owned(),
                owner: owner.unwrap_or(OrgId(0)),
                visibility,
                shared_with: self.shared_with.iter().copied().map(AllianceId).collect(),
                ratings,
            });
        p.finish(draft, AssessmentDraft::validate)
    }
}
