//! Rows of the NPM tables and their conversion to the public types.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use entente_core::access::{AllianceId, OrgId, UserId};
use entente_core::monitoring::{
    AnnualReport, AssessmentDraft, AssessmentId, CriterionRating, NpmBody, ProfileDraft, ProfileId,
};
use entente_core::plan::{Budget, currency};

use super::{Assessment, NpmProfile};
use crate::accounts::rows::stored_code;
use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::schema::{
    npm_annual_reports, npm_assessment_alliances, npm_assessment_ratings, npm_assessments,
    npm_profile_alliances, npm_profile_bodies, npm_profiles,
};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = npm_profiles)]
pub(crate) struct ProfileRow {
    pub id: i64,
    pub state: String,
    pub owner_org: i64,
    pub model: String,
    pub legal_basis: String,
    pub law_date: Option<NaiveDate>,
    pub designation_date: Option<NaiveDate>,
    pub operation_start: Option<NaiveDate>,
    pub website: Option<String>,
    pub staff: Option<i32>,
    pub budget_minor: Option<i64>,
    pub budget_currency: Option<String>,
    pub notes: String,
    pub visibility: String,
    pub created_by: Option<i64>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// A profile's content columns: what a creation inserts and a change sets.
#[derive(Debug, Clone, Insertable, AsChangeset)]
#[diesel(table_name = npm_profiles, treat_none_as_null = true)]
pub(crate) struct ProfileContentRow {
    pub state: String,
    pub owner_org: i64,
    pub model: String,
    pub legal_basis: String,
    pub law_date: Option<NaiveDate>,
    pub designation_date: Option<NaiveDate>,
    pub operation_start: Option<NaiveDate>,
    pub website: Option<String>,
    pub staff: Option<i32>,
    pub budget_minor: Option<i64>,
    pub budget_currency: Option<String>,
    pub notes: String,
    pub visibility: String,
    pub updated_at: NaiveDateTime,
}

impl ProfileContentRow {
    pub(crate) fn new(draft: &ProfileDraft, now: NaiveDateTime) -> Self {
        ProfileContentRow {
            state: draft.state.to_string(),
            owner_org: draft.owner.0,
            model: draft.model.code().to_owned(),
            legal_basis: draft.legal_basis.trim().to_owned(),
            law_date: draft.law_date,
            designation_date: draft.designation_date,
            operation_start: draft.operation_start,
            website: draft.website.as_ref().map(|w| w.trim().to_owned()),
            staff: draft.staff.map(|s| i32::try_from(s).unwrap_or(i32::MAX)),
            budget_minor: draft.budget.map(|b| b.minor),
            budget_currency: draft.budget.map(|b| b.currency_code().to_owned()),
            notes: draft.notes.trim().to_owned(),
            visibility: draft.visibility.code().to_owned(),
            updated_at: now,
        }
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = npm_assessments)]
pub(crate) struct AssessmentRow {
    pub id: i64,
    pub state: String,
    pub profile_id: Option<i64>,
    pub viewpoint: String,
    pub assessor: String,
    pub assessed_on: NaiveDate,
    pub source: String,
    pub owner_org: i64,
    pub visibility: String,
    pub created_by: Option<i64>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Insertable, AsChangeset)]
#[diesel(table_name = npm_assessments, treat_none_as_null = true)]
pub(crate) struct AssessmentContentRow {
    pub state: String,
    pub profile_id: Option<i64>,
    pub viewpoint: String,
    pub assessor: String,
    pub assessed_on: NaiveDate,
    pub source: String,
    pub owner_org: i64,
    pub visibility: String,
    pub updated_at: NaiveDateTime,
}

impl AssessmentContentRow {
    pub(crate) fn new(draft: &AssessmentDraft, now: NaiveDateTime) -> Self {
        AssessmentContentRow {
            state: draft.state.to_string(),
            profile_id: draft.profile.map(|p| p.0),
            viewpoint: draft.viewpoint.code().to_owned(),
            assessor: draft.assessor.trim().to_owned(),
            assessed_on: draft.date,
            source: draft.source.trim().to_owned(),
            owner_org: draft.owner.0,
            visibility: draft.visibility.code().to_owned(),
            updated_at: now,
        }
    }
}

/// Groups `(id, value)` pairs by id.
fn by_id<T>(pairs: Vec<(i64, T)>) -> HashMap<i64, Vec<T>> {
    let mut map: HashMap<i64, Vec<T>> = HashMap::new();
    for (id, value) in pairs {
        map.entry(id).or_default().push(value);
    }
    map
}

/// The profiles of `rows` with their bodies, reports and alliances, in the rows' order.
pub(crate) fn profiles_with_parts(
    conn: &mut DbConnection,
    rows: Vec<ProfileRow>,
) -> Result<Vec<NpmProfile>, StoreError> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut bodies = by_id(
        npm_profile_bodies::table
            .filter(npm_profile_bodies::profile_id.eq_any(&ids))
            .order((npm_profile_bodies::profile_id, npm_profile_bodies::position))
            .select((
                npm_profile_bodies::profile_id,
                (npm_profile_bodies::name, npm_profile_bodies::role),
            ))
            .load::<(i64, (String, String))>(conn)?,
    );
    let mut reports = by_id(
        npm_annual_reports::table
            .filter(npm_annual_reports::profile_id.eq_any(&ids))
            .order((npm_annual_reports::profile_id, npm_annual_reports::year))
            .select((
                npm_annual_reports::profile_id,
                (
                    npm_annual_reports::year,
                    npm_annual_reports::url,
                    npm_annual_reports::title,
                    npm_annual_reports::published,
                ),
            ))
            .load::<(i64, (i32, String, String, Option<NaiveDate>))>(conn)?,
    );
    let mut alliances = by_id(
        npm_profile_alliances::table
            .filter(npm_profile_alliances::profile_id.eq_any(&ids))
            .order((
                npm_profile_alliances::profile_id,
                npm_profile_alliances::alliance_id,
            ))
            .select((
                npm_profile_alliances::profile_id,
                npm_profile_alliances::alliance_id,
            ))
            .load::<(i64, i64)>(conn)?,
    );
    rows.into_iter()
        .map(|row| {
            let id = row.id;
            let budget = match (row.budget_minor, &row.budget_currency) {
                (Some(minor), Some(code)) => Some(Budget {
                    minor,
                    currency: currency(code).map_err(|e| {
                        StoreError::corrupt(format!("npm_profiles {id}, budget_currency: {e}"))
                    })?,
                }),
                _ => None,
            };
            let content = ProfileDraft {
                state: stored_code("npm_profiles", id, "state", &row.state)?,
                owner: OrgId(row.owner_org),
                visibility: stored_code("npm_profiles", id, "visibility", &row.visibility)?,
                shared_with: alliances
                    .remove(&id)
                    .unwrap_or_default()
                    .into_iter()
                    .map(AllianceId)
                    .collect(),
                bodies: bodies
                    .remove(&id)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|(name, role)| NpmBody { name, role })
                    .collect(),
                model: stored_code("npm_profiles", id, "model", &row.model)?,
                legal_basis: row.legal_basis,
                law_date: row.law_date,
                designation_date: row.designation_date,
                operation_start: row.operation_start,
                website: row.website,
                staff: row.staff.and_then(|s| u32::try_from(s).ok()),
                budget,
                notes: row.notes,
                annual_reports: reports
                    .remove(&id)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|(year, url, title, published)| AnnualReport {
                        year,
                        url,
                        title,
                        published,
                    })
                    .collect(),
            };
            Ok(NpmProfile {
                id: ProfileId(id),
                content,
                created_by: row.created_by.map(UserId),
                created_at: row.created_at,
                updated_at: row.updated_at,
            })
        })
        .collect()
}

/// The assessments of `rows` with their ratings and alliances, in the rows' order.
pub(crate) fn assessments_with_parts(
    conn: &mut DbConnection,
    rows: Vec<AssessmentRow>,
) -> Result<Vec<Assessment>, StoreError> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut ratings = by_id(
        npm_assessment_ratings::table
            .filter(npm_assessment_ratings::assessment_id.eq_any(&ids))
            .select((
                npm_assessment_ratings::assessment_id,
                (
                    npm_assessment_ratings::criterion,
                    npm_assessment_ratings::rating,
                    npm_assessment_ratings::evidence,
                ),
            ))
            .load::<(i64, (String, String, String))>(conn)?,
    );
    let mut alliances = by_id(
        npm_assessment_alliances::table
            .filter(npm_assessment_alliances::assessment_id.eq_any(&ids))
            .order((
                npm_assessment_alliances::assessment_id,
                npm_assessment_alliances::alliance_id,
            ))
            .select((
                npm_assessment_alliances::assessment_id,
                npm_assessment_alliances::alliance_id,
            ))
            .load::<(i64, i64)>(conn)?,
    );
    rows.into_iter()
        .map(|row| {
            let id = row.id;
            let table = "npm_assessment_ratings";
            let mut judged = ratings
                .remove(&id)
                .unwrap_or_default()
                .into_iter()
                .map(|(criterion, rating, evidence)| {
                    Ok(CriterionRating {
                        criterion: stored_code(table, id, "criterion", &criterion)?,
                        rating: stored_code(table, id, "rating", &rating)?,
                        evidence,
                    })
                })
                .collect::<Result<Vec<_>, StoreError>>()?;
            judged.sort_by_key(|r| r.criterion);
            let content = AssessmentDraft {
                state: stored_code("npm_assessments", id, "state", &row.state)?,
                profile: row.profile_id.map(ProfileId),
                viewpoint: stored_code("npm_assessments", id, "viewpoint", &row.viewpoint)?,
                assessor: row.assessor,
                date: row.assessed_on,
                source: row.source,
                owner: OrgId(row.owner_org),
                visibility: stored_code("npm_assessments", id, "visibility", &row.visibility)?,
                shared_with: alliances
                    .remove(&id)
                    .unwrap_or_default()
                    .into_iter()
                    .map(AllianceId)
                    .collect(),
                ratings: judged,
            };
            Ok(Assessment {
                id: AssessmentId(id),
                content,
                created_by: row.created_by.map(UserId),
                created_at: row.created_at,
                updated_at: row.updated_at,
            })
        })
        .collect()
}
