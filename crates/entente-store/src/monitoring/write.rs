//! Creating, changing and deleting NPM profiles and assessments, one
//! transaction each with its audit entry.

use chrono::Utc;
use diesel::prelude::*;
use entente_core::Iso3;
use entente_core::access::{AccessScope, AllianceId, OrgId, RecordAccess, can_write};
use entente_core::monitoring::{AssessmentDraft, AssessmentId, ProfileDraft, ProfileId};
use entente_core::plan::FieldError;

use super::rows::{AssessmentContentRow, ProfileContentRow};
use crate::audit::{self, AuditAction, AuditEntry};
use crate::connection::DbConnection;
use crate::schema::{
    alliance_members, npm_annual_reports, npm_assessment_alliances, npm_assessment_ratings,
    npm_assessments, npm_profile_alliances, npm_profile_bodies, npm_profiles, states,
};
use crate::{Store, StoreError, transaction};

const PROFILE: &str = "npm_profile";
const ASSESSMENT: &str = "npm_assessment";

fn entry(
    scope: &AccessScope,
    action: AuditAction,
    kind: &str,
    id: i64,
    owner: OrgId,
    detail: String,
) -> AuditEntry {
    AuditEntry {
        actor_user: scope.user(),
        org: Some(owner),
        record_kind: Some(kind.to_owned()),
        record_id: Some(id),
        detail,
        ..AuditEntry::new(Utc::now().naive_utc(), action)
    }
}

impl Store {
    /// Creates a profile owned by `draft.owner`, which `scope` must write
    /// for: [`StoreError::NotFound`] when the scope cannot see the
    /// organisation, [`StoreError::Forbidden`] when it may not write for
    /// it, [`StoreError::Fields`] for every broken rule.
    pub fn create_npm_profile(
        &self,
        scope: &AccessScope,
        draft: &ProfileDraft,
    ) -> Result<ProfileId, StoreError> {
        self.check_owner(scope, &draft.access(), "NPM profiles")?;
        let mut conn = self.connection()?;
        check_profile(&mut conn, draft)?;
        let now = Utc::now().naive_utc();
        transaction::write(&mut conn, |conn| {
            let id = diesel::insert_into(npm_profiles::table)
                .values((
                    ProfileContentRow::new(draft, now),
                    npm_profiles::created_by.eq(scope.user().map(|u| u.0)),
                    npm_profiles::created_at.eq(now),
                ))
                .returning(npm_profiles::id)
                .get_result::<i64>(conn)?;
            insert_profile_parts(conn, id, draft)?;
            let detail = format!("NPM profile of {}", draft.state);
            audit::append(
                conn,
                &entry(
                    scope,
                    AuditAction::RecordCreated,
                    PROFILE,
                    id,
                    draft.owner,
                    detail,
                ),
            )?;
            Ok(ProfileId(id))
        })
    }

    /// Replaces a profile's content. `scope` must see it
    /// ([`StoreError::NotFound`]) and write for its owner, and for the new
    /// owner when it changes ([`StoreError::Forbidden`]).
    pub fn update_npm_profile(
        &self,
        scope: &AccessScope,
        id: ProfileId,
        draft: &ProfileDraft,
    ) -> Result<(), StoreError> {
        let before = self
            .npm_profile(scope, id)?
            .ok_or_else(|| StoreError::not_found(format!("NPM profile {id}")))?;
        check_may_change(scope, &before.content.access(), "NPM profile", id.0)?;
        self.check_owner(scope, &draft.access(), "NPM profiles")?;
        let mut conn = self.connection()?;
        check_profile(&mut conn, draft)?;
        let now = Utc::now().naive_utc();
        transaction::write(&mut conn, |conn| {
            diesel::update(npm_profiles::table.find(id.0))
                .set(ProfileContentRow::new(draft, now))
                .execute(conn)?;
            delete_profile_parts(conn, id.0)?;
            insert_profile_parts(conn, id.0, draft)?;
            let detail = format!("NPM profile of {}", draft.state);
            audit::append(
                conn,
                &entry(
                    scope,
                    AuditAction::RecordUpdated,
                    PROFILE,
                    id.0,
                    draft.owner,
                    detail,
                ),
            )?;
            Ok(())
        })
    }

    /// Deletes a profile; its assessments stay, no longer tied to it.
    pub fn delete_npm_profile(&self, scope: &AccessScope, id: ProfileId) -> Result<(), StoreError> {
        let before = self
            .npm_profile(scope, id)?
            .ok_or_else(|| StoreError::not_found(format!("NPM profile {id}")))?;
        check_may_change(scope, &before.content.access(), "NPM profile", id.0)?;
        let mut conn = self.connection()?;
        transaction::write(&mut conn, |conn| {
            diesel::delete(npm_profiles::table.find(id.0)).execute(conn)?;
            let detail = format!("deleted the NPM profile of {}", before.content.state);
            let owner = before.content.owner;
            audit::append(
                conn,
                &entry(
                    scope,
                    AuditAction::RecordDeleted,
                    PROFILE,
                    id.0,
                    owner,
                    detail,
                ),
            )?;
            Ok(())
        })
    }

    /// Creates an assessment owned by `draft.owner`, under the same rules
    /// as [`Store::create_npm_profile`]; the profile it names must be one
    /// of its state that `scope` may read.
    pub fn create_assessment(
        &self,
        scope: &AccessScope,
        draft: &AssessmentDraft,
    ) -> Result<AssessmentId, StoreError> {
        self.check_owner(scope, &draft.access(), "assessments")?;
        self.check_assessment(scope, draft)?;
        let mut conn = self.connection()?;
        let now = Utc::now().naive_utc();
        transaction::write(&mut conn, |conn| {
            let id = diesel::insert_into(npm_assessments::table)
                .values((
                    AssessmentContentRow::new(draft, now),
                    npm_assessments::created_by.eq(scope.user().map(|u| u.0)),
                    npm_assessments::created_at.eq(now),
                ))
                .returning(npm_assessments::id)
                .get_result::<i64>(conn)?;
            insert_assessment_parts(conn, id, draft)?;
            let detail = assessment_detail(draft);
            audit::append(
                conn,
                &entry(
                    scope,
                    AuditAction::RecordCreated,
                    ASSESSMENT,
                    id,
                    draft.owner,
                    detail,
                ),
            )?;
            Ok(AssessmentId(id))
        })
    }

    /// Replaces an assessment's content (see [`Store::update_npm_profile`]).
    pub fn update_assessment(
        &self,
        scope: &AccessScope,
        id: AssessmentId,
        draft: &AssessmentDraft,
    ) -> Result<(), StoreError> {
        let before = self
            .assessment(scope, id)?
            .ok_or_else(|| StoreError::not_found(format!("assessment {id}")))?;
        check_may_change(scope, &before.content.access(), "assessment", id.0)?;
        self.check_owner(scope, &draft.access(), "assessments")?;
        self.check_assessment(scope, draft)?;
        let mut conn = self.connection()?;
        let now = Utc::now().naive_utc();
        transaction::write(&mut conn, |conn| {
            diesel::update(npm_assessments::table.find(id.0))
                .set(AssessmentContentRow::new(draft, now))
                .execute(conn)?;
            diesel::delete(
                npm_assessment_ratings::table
                    .filter(npm_assessment_ratings::assessment_id.eq(id.0)),
            )
            .execute(conn)?;
            diesel::delete(
                npm_assessment_alliances::table
                    .filter(npm_assessment_alliances::assessment_id.eq(id.0)),
            )
            .execute(conn)?;
            insert_assessment_parts(conn, id.0, draft)?;
            let detail = assessment_detail(draft);
            audit::append(
                conn,
                &entry(
                    scope,
                    AuditAction::RecordUpdated,
                    ASSESSMENT,
                    id.0,
                    draft.owner,
                    detail,
                ),
            )?;
            Ok(())
        })
    }

    pub fn delete_assessment(
        &self,
        scope: &AccessScope,
        id: AssessmentId,
    ) -> Result<(), StoreError> {
        let before = self
            .assessment(scope, id)?
            .ok_or_else(|| StoreError::not_found(format!("assessment {id}")))?;
        check_may_change(scope, &before.content.access(), "assessment", id.0)?;
        let mut conn = self.connection()?;
        transaction::write(&mut conn, |conn| {
            diesel::delete(npm_assessments::table.find(id.0)).execute(conn)?;
            let detail = format!("deleted: {}", assessment_detail(&before.content));
            let owner = before.content.owner;
            audit::append(
                conn,
                &entry(
                    scope,
                    AuditAction::RecordDeleted,
                    ASSESSMENT,
                    id.0,
                    owner,
                    detail,
                ),
            )?;
            Ok(())
        })
    }

    /// Refuses an owner the scope may not write for: not found when it
    /// cannot even see the organisation, forbidden otherwise.
    fn check_owner(
        &self,
        scope: &AccessScope,
        access: &RecordAccess,
        what: &str,
    ) -> Result<(), StoreError> {
        if can_write(scope, access) {
            return Ok(());
        }
        match self.organisation(scope, access.owner)? {
            None => Err(StoreError::not_found(format!(
                "organisation {}",
                access.owner
            ))),
            Some(_) => Err(StoreError::forbidden(format!(
                "only editors of organisation {} may write its {what}",
                access.owner
            ))),
        }
    }

    fn check_assessment(
        &self,
        scope: &AccessScope,
        draft: &AssessmentDraft,
    ) -> Result<(), StoreError> {
        let mut errors = draft.validate().err().unwrap_or_default();
        if let Some(profile) = draft.profile {
            match self.npm_profile(scope, profile)? {
                Some(found) if found.content.state == draft.state => {}
                Some(_) => errors.push(FieldError::new(
                    "profile",
                    "other_state",
                    format!("NPM profile {profile} is not one of {}", draft.state),
                )),
                None => errors.push(FieldError::new(
                    "profile",
                    "unknown_profile",
                    format!("NPM profile {profile} not found"),
                )),
            }
        }
        let mut conn = self.connection()?;
        check_links(
            &mut conn,
            draft.state,
            draft.owner,
            &draft.shared_with,
            &mut errors,
        )?;
        fields_result(errors)
    }
}

fn assessment_detail(draft: &AssessmentDraft) -> String {
    format!(
        "assessment of the NPM of {} by {} ({}) on {}",
        draft.state, draft.assessor, draft.viewpoint, draft.date
    )
}

/// Refuses a change to a record the scope sees but may not write.
fn check_may_change(
    scope: &AccessScope,
    access: &RecordAccess,
    what: &str,
    id: i64,
) -> Result<(), StoreError> {
    if can_write(scope, access) {
        Ok(())
    } else {
        Err(StoreError::forbidden(format!(
            "only editors of organisation {} may change {what} {id}",
            access.owner
        )))
    }
}

fn check_profile(conn: &mut DbConnection, draft: &ProfileDraft) -> Result<(), StoreError> {
    let mut errors = draft.validate().err().unwrap_or_default();
    check_links(
        conn,
        draft.state,
        draft.owner,
        &draft.shared_with,
        &mut errors,
    )?;
    fields_result(errors)
}

/// The state exists, and the owner belongs to every alliance it shares with.
fn check_links(
    conn: &mut DbConnection,
    state: Iso3,
    owner: OrgId,
    shared_with: &[AllianceId],
    errors: &mut Vec<FieldError>,
) -> Result<(), StoreError> {
    let known = states::table
        .filter(states::iso3.eq(state.as_str()))
        .count()
        .get_result::<i64>(conn)?;
    if known == 0 {
        errors.push(FieldError::new(
            "state",
            "unknown_state",
            format!("{state} is not a state Entente knows"),
        ));
    }
    let memberships: Vec<i64> = alliance_members::table
        .filter(alliance_members::org_id.eq(owner.0))
        .select(alliance_members::alliance_id)
        .load(conn)?;
    for AllianceId(alliance) in shared_with {
        if !memberships.contains(alliance) {
            errors.push(FieldError::new(
                "shared_with",
                "not_in_alliance",
                format!(
                    "the owner is not a member of alliance {alliance}, so it cannot share with it"
                ),
            ));
        }
    }
    Ok(())
}

fn insert_profile_parts(
    conn: &mut DbConnection,
    id: i64,
    draft: &ProfileDraft,
) -> Result<(), StoreError> {
    for (position, body) in draft.bodies.iter().enumerate() {
        diesel::insert_into(npm_profile_bodies::table)
            .values((
                npm_profile_bodies::profile_id.eq(id),
                npm_profile_bodies::position.eq(i32::try_from(position).unwrap_or(i32::MAX)),
                npm_profile_bodies::name.eq(body.name.trim()),
                npm_profile_bodies::role.eq(body.role.trim()),
            ))
            .execute(conn)?;
    }
    for report in &draft.annual_reports {
        diesel::insert_into(npm_annual_reports::table)
            .values((
                npm_annual_reports::profile_id.eq(id),
                npm_annual_reports::year.eq(report.year),
                npm_annual_reports::url.eq(report.url.trim()),
                npm_annual_reports::title.eq(report.title.trim()),
                npm_annual_reports::published.eq(report.published),
            ))
            .execute(conn)?;
    }
    for alliance in &draft.shared_with {
        diesel::insert_into(npm_profile_alliances::table)
            .values((
                npm_profile_alliances::profile_id.eq(id),
                npm_profile_alliances::alliance_id.eq(alliance.0),
            ))
            .execute(conn)?;
    }
    Ok(())
}

fn delete_profile_parts(conn: &mut DbConnection, id: i64) -> Result<(), StoreError> {
    diesel::delete(npm_profile_bodies::table.filter(npm_profile_bodies::profile_id.eq(id)))
        .execute(conn)?;
    diesel::delete(npm_annual_reports::table.filter(npm_annual_reports::profile_id.eq(id)))
        .execute(conn)?;
    diesel::delete(npm_profile_alliances::table.filter(npm_profile_alliances::profile_id.eq(id)))
        .execute(conn)?;
    Ok(())
}

/// Writes every criterion's rating, those the draft leaves out as `not_known`.
fn insert_assessment_parts(
    conn: &mut DbConnection,
    id: i64,
    draft: &AssessmentDraft,
) -> Result<(), StoreError> {
    for rating in draft.full_ratings() {
        diesel::insert_into(npm_assessment_ratings::table)
            .values((
                npm_assessment_ratings::assessment_id.eq(id),
                npm_assessment_ratings::criterion.eq(rating.criterion.code()),
                npm_assessment_ratings::rating.eq(rating.rating.code()),
                npm_assessment_ratings::evidence.eq(rating.evidence.trim()),
            ))
            .execute(conn)?;
    }
    for alliance in &draft.shared_with {
        diesel::insert_into(npm_assessment_alliances::table)
            .values((
                npm_assessment_alliances::assessment_id.eq(id),
                npm_assessment_alliances::alliance_id.eq(alliance.0),
            ))
            .execute(conn)?;
    }
    Ok(())
}

fn fields_result(errors: Vec<FieldError>) -> Result<(), StoreError> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(StoreError::Fields { errors })
    }
}
