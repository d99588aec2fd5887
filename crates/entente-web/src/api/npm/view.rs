//! NPM profiles, assessments and their comparison as the API answers them.
//! A profile or an assessment reads back in the shape its body is written
//! in, so a client may fetch one, change it and send it back.

use chrono::{NaiveDate, NaiveDateTime};
use entente_core::monitoring::{Comparison, Viewpoint};
use entente_store::{Assessment, NpmProfile};
use serde::Serialize;
use utoipa::ToSchema;

use crate::api::actions::view::Names;

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct BodyView {
    pub name: String,
    pub role: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ReportView {
    pub year: i32,
    pub url: String,
    pub title: String,
    pub published: Option<NaiveDate>,
}

/// An NPM profile.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProfileView {
    pub id: i64,
    #[schema(example = "FRA")]
    pub state: String,
    /// The owner's short name; absent when the reader cannot see the owner.
    pub owner: Option<String>,
    pub visibility: String,
    pub shared_with: Vec<i64>,
    pub bodies: Vec<BodyView>,
    pub model: String,
    pub legal_basis: String,
    pub law_date: Option<NaiveDate>,
    pub designation_date: Option<NaiveDate>,
    pub operation_start: Option<NaiveDate>,
    pub website: Option<String>,
    pub staff: Option<u32>,
    /// With a point as decimal mark: `1234.50`.
    pub budget_amount: Option<String>,
    pub budget_currency: Option<String>,
    pub notes: String,
    pub annual_reports: Vec<ReportView>,
    /// UTC.
    pub created_at: NaiveDateTime,
    /// UTC.
    pub updated_at: NaiveDateTime,
}

impl ProfileView {
    pub fn new(profile: NpmProfile, names: &Names) -> Self {
        let c = profile.content;
        ProfileView {
            id: profile.id.0,
            state: c.state.to_string(),
            owner: names.orgs.get(&c.owner).cloned(),
            visibility: c.visibility.code().to_owned(),
            shared_with: c.shared_with.iter().map(|a| a.0).collect(),
            bodies: c
                .bodies
                .into_iter()
                .map(|b| BodyView {
                    name: b.name,
                    role: b.role,
                })
                .collect(),
            model: c.model.code().to_owned(),
            legal_basis: c.legal_basis,
            law_date: c.law_date,
            designation_date: c.designation_date,
            operation_start: c.operation_start,
            website: c.website,
            staff: c.staff,
            budget_amount: c.budget.map(|b| b.amount_text()),
            budget_currency: c.budget.map(|b| b.currency_code().to_owned()),
            notes: c.notes,
            annual_reports: c
                .annual_reports
                .into_iter()
                .map(|r| ReportView {
                    year: r.year,
                    url: r.url,
                    title: r.title,
                    published: r.published,
                })
                .collect(),
            created_at: profile.created_at,
            updated_at: profile.updated_at,
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RatingView {
    pub criterion: String,
    pub rating: String,
    pub evidence: String,
}

/// An assessment of an NPM from one viewpoint.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AssessmentView {
    pub id: i64,
    pub state: String,
    pub profile: Option<i64>,
    pub viewpoint: String,
    pub assessor: String,
    pub date: NaiveDate,
    pub source: String,
    pub owner: Option<String>,
    pub visibility: String,
    pub shared_with: Vec<i64>,
    /// Every criterion, in the order of the OPCAT articles.
    pub ratings: Vec<RatingView>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl AssessmentView {
    pub fn new(assessment: Assessment, names: &Names) -> Self {
        let c = assessment.content;
        AssessmentView {
            id: assessment.id.0,
            state: c.state.to_string(),
            profile: c.profile.map(|p| p.0),
            viewpoint: c.viewpoint.code().to_owned(),
            assessor: c.assessor,
            date: c.date,
            source: c.source,
            owner: names.orgs.get(&c.owner).cloned(),
            visibility: c.visibility.code().to_owned(),
            shared_with: c.shared_with.iter().map(|a| a.0).collect(),
            ratings: c
                .ratings
                .into_iter()
                .map(|r| RatingView {
                    criterion: r.criterion.code().to_owned(),
                    rating: r.rating.code().to_owned(),
                    evidence: r.evidence,
                })
                .collect(),
            created_at: assessment.created_at,
            updated_at: assessment.updated_at,
        }
    }
}

/// One viewpoint's latest judgement of a criterion.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CellView {
    /// `state`, `npm`, `civil_society` or `spt`.
    pub viewpoint: String,
    /// `meets`, `partly`, `does_not_meet` or `not_known`.
    pub rating: String,
    pub evidence: String,
    pub date: NaiveDate,
    /// The assessment it comes from.
    pub assessment: i64,
    pub assessor: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CriterionRowView {
    pub criterion: String,
    /// Two viewpoints or more judged it differently.
    pub disagreement: bool,
    /// The viewpoints that assessed it, in the order of `viewpoints`.
    pub cells: Vec<CellView>,
}

/// The assessments of a state's NPM side by side; nothing averaged.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ComparisonView {
    pub state: String,
    pub as_of: NaiveDate,
    /// Every viewpoint, in the order cells follow.
    pub viewpoints: Vec<String>,
    pub rows: Vec<CriterionRowView>,
}

impl ComparisonView {
    pub fn new(state: String, comparison: &Comparison) -> Self {
        ComparisonView {
            state,
            as_of: comparison.as_of,
            viewpoints: Viewpoint::ALL.iter().map(|v| v.code().to_owned()).collect(),
            rows: comparison
                .rows
                .iter()
                .map(|row| CriterionRowView {
                    criterion: row.criterion.code().to_owned(),
                    disagreement: row.disagreement,
                    cells: row
                        .cells
                        .iter()
                        .flatten()
                        .map(|c| CellView {
                            viewpoint: c.viewpoint.code().to_owned(),
                            rating: c.rating.code().to_owned(),
                            evidence: c.evidence.clone(),
                            date: c.date,
                            assessment: c.assessment.0,
                            assessor: c.assessor.clone(),
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}
