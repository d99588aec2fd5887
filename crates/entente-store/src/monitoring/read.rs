//! Reading NPM profiles and assessments as a scope may see them, the
//! viewpoints' comparison, and the stage events they give.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use diesel::prelude::*;
use entente_core::access::AccessScope;
use entente_core::monitoring::{
    AssessmentFacts, AssessmentId, Comparison, ProfileFacts, ProfileId, compare, npm_events,
};
use entente_core::{Iso3, TreatyEvent};

use super::rows::{AssessmentRow, ProfileRow, assessments_with_parts, profiles_with_parts};
use super::scope::{visible_assessments, visible_profiles};
use super::{Assessment, NpmProfile};
use crate::schema::{npm_annual_reports, npm_assessment_ratings, npm_assessments, npm_profiles};
use crate::{Store, StoreError};

impl Store {
    /// One profile, or `None` when it is missing or `scope` may not read it.
    pub fn npm_profile(
        &self,
        scope: &AccessScope,
        id: ProfileId,
    ) -> Result<Option<NpmProfile>, StoreError> {
        Ok(self.read_profiles(scope, Some(id), None)?.pop())
    }

    /// The profiles of `state` that `scope` may read, the first recorded first.
    pub fn npm_profiles_of_state(
        &self,
        scope: &AccessScope,
        state: Iso3,
    ) -> Result<Vec<NpmProfile>, StoreError> {
        self.read_profiles(scope, None, Some(state))
    }

    /// Every profile `scope` may read, by state, then the first recorded.
    pub fn npm_profiles(&self, scope: &AccessScope) -> Result<Vec<NpmProfile>, StoreError> {
        self.read_profiles(scope, None, None)
    }

    fn read_profiles(
        &self,
        scope: &AccessScope,
        id: Option<ProfileId>,
        state: Option<Iso3>,
    ) -> Result<Vec<NpmProfile>, StoreError> {
        let mut query = npm_profiles::table.into_boxed();
        if let Some(id) = id {
            query = query.filter(npm_profiles::id.eq(id.0));
        }
        if let Some(state) = state {
            query = query.filter(npm_profiles::state.eq(state.to_string()));
        }
        if let Some(condition) = visible_profiles(scope) {
            query = query.filter(condition);
        }
        let mut conn = self.connection()?;
        let rows = query
            .order((npm_profiles::state, npm_profiles::id))
            .select(ProfileRow::as_select())
            .load(&mut *conn)?;
        profiles_with_parts(&mut conn, rows)
    }

    /// One assessment, or `None` when it is missing or `scope` may not read it.
    pub fn assessment(
        &self,
        scope: &AccessScope,
        id: AssessmentId,
    ) -> Result<Option<Assessment>, StoreError> {
        Ok(self.read_assessments(scope, Some(id), None)?.pop())
    }

    /// The assessments of `state` that `scope` may read, the newest first.
    pub fn assessments_of_state(
        &self,
        scope: &AccessScope,
        state: Iso3,
    ) -> Result<Vec<Assessment>, StoreError> {
        self.read_assessments(scope, None, Some(state))
    }

    /// Every assessment `scope` may read, by state, the newest first.
    pub fn assessments(&self, scope: &AccessScope) -> Result<Vec<Assessment>, StoreError> {
        self.read_assessments(scope, None, None)
    }

    fn read_assessments(
        &self,
        scope: &AccessScope,
        id: Option<AssessmentId>,
        state: Option<Iso3>,
    ) -> Result<Vec<Assessment>, StoreError> {
        let mut query = npm_assessments::table.into_boxed();
        if let Some(id) = id {
            query = query.filter(npm_assessments::id.eq(id.0));
        }
        if let Some(state) = state {
            query = query.filter(npm_assessments::state.eq(state.to_string()));
        }
        if let Some(condition) = visible_assessments(scope) {
            query = query.filter(condition);
        }
        let mut conn = self.connection()?;
        let rows = query
            .order((
                npm_assessments::state,
                npm_assessments::assessed_on.desc(),
                npm_assessments::id.desc(),
            ))
            .select(AssessmentRow::as_select())
            .load(&mut *conn)?;
        assessments_with_parts(&mut conn, rows)
    }

    /// The assessments of `state` that `scope` may read, compared criterion
    /// by criterion as of `as_of`.
    pub fn assessment_comparison(
        &self,
        scope: &AccessScope,
        state: Iso3,
        as_of: NaiveDate,
    ) -> Result<Comparison, StoreError> {
        let facts = self
            .assessments_of_state(scope, state)?
            .iter()
            .map(assessment_facts)
            .collect::<Vec<_>>();
        Ok(compare(&facts, as_of))
    }

    /// The OPCAT events stages 6 and 7 come from (see
    /// [`entente_core::monitoring::npm_events`]) for `states` (every state
    /// when `None`) as of `as_of`, from the profiles and assessments `scope`
    /// may read: the public portal passes the public scope, so only public
    /// records move a public stage.
    pub fn npm_stage_events(
        &self,
        scope: &AccessScope,
        states: Option<&[Iso3]>,
        as_of: NaiveDate,
    ) -> Result<Vec<TreatyEvent>, StoreError> {
        let wanted: Option<Vec<String>> =
            states.map(|s| s.iter().map(ToString::to_string).collect());
        let mut conn = self.connection()?;
        let mut profiles = npm_profiles::table.into_boxed();
        if let Some(condition) = visible_profiles(scope) {
            profiles = profiles.filter(condition);
        }
        if let Some(wanted) = &wanted {
            profiles = profiles.filter(npm_profiles::state.eq_any(wanted.clone()));
        }
        let profile_rows: Vec<(i64, String, Option<NaiveDate>)> = profiles
            .select((
                npm_profiles::id,
                npm_profiles::state,
                npm_profiles::operation_start,
            ))
            .load(&mut *conn)?;
        let ids: Vec<i64> = profile_rows.iter().map(|(id, _, _)| *id).collect();
        let mut reports: HashMap<i64, Vec<(i32, Option<NaiveDate>)>> = HashMap::new();
        for (id, year, published) in npm_annual_reports::table
            .filter(npm_annual_reports::profile_id.eq_any(&ids))
            .select((
                npm_annual_reports::profile_id,
                npm_annual_reports::year,
                npm_annual_reports::published,
            ))
            .load::<(i64, i32, Option<NaiveDate>)>(&mut *conn)?
        {
            reports.entry(id).or_default().push((year, published));
        }
        let mut by_state: BTreeMap<String, (Vec<ProfileFacts>, Vec<AssessmentFacts>)> =
            BTreeMap::new();
        for (id, state, operation_start) in profile_rows {
            by_state.entry(state).or_default().0.push(ProfileFacts {
                id: ProfileId(id),
                operation_start,
                reports: reports.remove(&id).unwrap_or_default(),
            });
        }
        let mut assessments = npm_assessments::table
            .filter(npm_assessments::assessed_on.le(as_of))
            .into_boxed();
        if let Some(condition) = visible_assessments(scope) {
            assessments = assessments.filter(condition);
        }
        if let Some(wanted) = &wanted {
            assessments = assessments.filter(npm_assessments::state.eq_any(wanted.clone()));
        }
        let rows = assessments
            .select(AssessmentRow::as_select())
            .load(&mut *conn)?;
        let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
        let mut ratings: HashMap<i64, Vec<(String, String)>> = HashMap::new();
        for (id, criterion, rating) in npm_assessment_ratings::table
            .filter(npm_assessment_ratings::assessment_id.eq_any(&ids))
            .select((
                npm_assessment_ratings::assessment_id,
                npm_assessment_ratings::criterion,
                npm_assessment_ratings::rating,
            ))
            .load::<(i64, String, String)>(&mut *conn)?
        {
            ratings.entry(id).or_default().push((criterion, rating));
        }
        drop(conn);
        for row in rows {
            let id = row.id;
            let table = "npm_assessment_ratings";
            let judged = ratings
                .remove(&id)
                .unwrap_or_default()
                .into_iter()
                .map(|(criterion, rating)| {
                    Ok((
                        crate::accounts::rows::stored_code(table, id, "criterion", &criterion)?,
                        (
                            crate::accounts::rows::stored_code(table, id, "rating", &rating)?,
                            String::new(),
                        ),
                    ))
                })
                .collect::<Result<BTreeMap<_, _>, StoreError>>()?;
            by_state
                .entry(row.state)
                .or_default()
                .1
                .push(AssessmentFacts {
                    id: AssessmentId(id),
                    viewpoint: crate::accounts::rows::stored_code(
                        "npm_assessments",
                        id,
                        "viewpoint",
                        &row.viewpoint,
                    )?,
                    assessor: row.assessor,
                    date: row.assessed_on,
                    ratings: judged,
                });
        }
        let mut events = Vec::new();
        for (state, (profiles, assessments)) in by_state {
            let state: Iso3 =
                crate::accounts::rows::stored_code("npm_profiles", &state, "state", &state)?;
            events.extend(npm_events(state, &profiles, &assessments, as_of));
        }
        Ok(events)
    }
}

/// An assessment as the comparison reads it.
pub fn assessment_facts(assessment: &Assessment) -> AssessmentFacts {
    AssessmentFacts {
        id: assessment.id,
        viewpoint: assessment.content.viewpoint,
        assessor: assessment.content.assessor.clone(),
        date: assessment.content.date,
        ratings: assessment
            .content
            .ratings
            .iter()
            .map(|r| (r.criterion, (r.rating, r.evidence.clone())))
            .collect(),
    }
}
