//! Which NPM profiles and assessments a scope may read, as SQL conditions:
//! the rule of `entente_core::access::can_read` over the owner, the
//! visibility and the alliances the record is shared with.

use diesel::prelude::*;
use entente_core::access::{AccessScope, Visibility};

use crate::accounts::{Condition, alliance_ids, org_ids};
use crate::schema::{
    npm_assessment_alliances, npm_assessments, npm_profile_alliances, npm_profiles,
};

/// Profiles the scope may read. `None`: no condition (the site admin).
pub(crate) fn visible_profiles(scope: &AccessScope) -> Option<Condition<npm_profiles::table>> {
    let public = npm_profiles::visibility.eq(Visibility::Public.code());
    match scope {
        AccessScope::SiteAdmin(_) => None,
        AccessScope::Public => Some(Box::new(public)),
        AccessScope::Member(member) => {
            let shared = npm_profile_alliances::table
                .filter(npm_profile_alliances::alliance_id.eq_any(alliance_ids(member)))
                .select(npm_profile_alliances::profile_id);
            let allied = npm_profiles::visibility
                .eq(Visibility::Alliance.code())
                .and(npm_profiles::id.eq_any(shared));
            Some(Box::new(
                public
                    .or(npm_profiles::owner_org.eq_any(org_ids(member)))
                    .or(allied),
            ))
        }
    }
}

/// Assessments the scope may read. `None`: no condition (the site admin).
pub(crate) fn visible_assessments(
    scope: &AccessScope,
) -> Option<Condition<npm_assessments::table>> {
    let public = npm_assessments::visibility.eq(Visibility::Public.code());
    match scope {
        AccessScope::SiteAdmin(_) => None,
        AccessScope::Public => Some(Box::new(public)),
        AccessScope::Member(member) => {
            let shared = npm_assessment_alliances::table
                .filter(npm_assessment_alliances::alliance_id.eq_any(alliance_ids(member)))
                .select(npm_assessment_alliances::assessment_id);
            let allied = npm_assessments::visibility
                .eq(Visibility::Alliance.code())
                .and(npm_assessments::id.eq_any(shared));
            Some(Box::new(
                public
                    .or(npm_assessments::owner_org.eq_any(org_ids(member)))
                    .or(allied),
            ))
        }
    }
}
