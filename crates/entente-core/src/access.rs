//! Who may read and write what: organisations, users, alliances, roles,
//! record visibility, and the rules that decide every access.
//!
//! The store filters in SQL with the same rules; these functions are the
//! reference they are tested against, and what handlers use on records
//! already in hand.

mod codes;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::{Deserialize, Serialize};

pub use codes::{OrgKind, ParseCodeError, Role, TokenScope, Visibility};

macro_rules! id_newtype {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id_newtype!(
    /// An organisation's database identifier.
    OrgId
);
id_newtype!(
    /// A user account's database identifier.
    UserId
);
impl UserId {
    /// No account: database ids start at 1. The command line and the
    /// instance act as `AccessScope::SiteAdmin(UserId::NOBODY)`.
    pub const NOBODY: UserId = UserId(0);
}

id_newtype!(
    /// An alliance's database identifier.
    AllianceId
);

/// Who owns a record and who else may see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordAccess {
    pub owner: OrgId,
    pub visibility: Visibility,
    /// The alliances an `Alliance` record is shared with; empty otherwise.
    pub shared_with: Vec<AllianceId>,
    /// Personal data (a contact, a person): never public, and shared with an
    /// alliance only by an admin of the owner.
    pub personal: bool,
}

/// Why a [`RecordAccess`] is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvalidAccess {
    #[error("personal data can never be public")]
    PersonalPublic,
    #[error("a record visible to an alliance must name at least one alliance")]
    NoAlliance,
    #[error("only a record visible to an alliance names alliances; this one is {0}")]
    AlliancesNotUsed(Visibility),
}

impl RecordAccess {
    /// A record that only its owner's members see.
    pub fn private(owner: OrgId) -> Self {
        RecordAccess {
            owner,
            visibility: Visibility::Private,
            shared_with: Vec::new(),
            personal: false,
        }
    }

    /// Checks the combination before it is stored: personal data is never
    /// public, an alliance record names its alliances, others name none.
    pub fn validate(&self) -> Result<(), InvalidAccess> {
        match self.visibility {
            Visibility::Public if self.personal => Err(InvalidAccess::PersonalPublic),
            Visibility::Alliance if self.shared_with.is_empty() => Err(InvalidAccess::NoAlliance),
            Visibility::Private | Visibility::Public if !self.shared_with.is_empty() => {
                Err(InvalidAccess::AlliancesNotUsed(self.visibility))
            }
            _ => Ok(()),
        }
    }

    fn is_public(&self) -> bool {
        self.visibility == Visibility::Public && !self.personal
    }
}

/// What a signed-in user belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberScope {
    pub user: UserId,
    /// The user's role in each organisation they belong to.
    pub memberships: BTreeMap<OrgId, Role>,
    /// The alliances any of the user's organisations belong to.
    pub alliances: BTreeSet<AllianceId>,
}

/// On whose behalf a read or write happens. Built by the web layer from a
/// session or an API token, or by the CLI; storage reads of non-public
/// records demand one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AccessScope {
    /// Anyone, signed in or not: public records only.
    Public,
    Member(MemberScope),
    /// The instance's administrator: everything.
    SiteAdmin(UserId),
}

impl AccessScope {
    /// The user acting, if any: none for the public, and none for the
    /// site administration of the command line and the instance itself
    /// ([`UserId::NOBODY`]), which no account stands behind.
    pub fn user(&self) -> Option<UserId> {
        match self {
            AccessScope::Public => None,
            AccessScope::Member(member) => Some(member.user),
            AccessScope::SiteAdmin(user) if *user == UserId::NOBODY => None,
            AccessScope::SiteAdmin(user) => Some(*user),
        }
    }

    /// The scope's role in `org`; `None` for non-members, the public and the
    /// site admin (who passes every rule without being a member).
    pub fn role_in(&self, org: OrgId) -> Option<Role> {
        match self {
            AccessScope::Member(member) => member.memberships.get(&org).copied(),
            AccessScope::Public | AccessScope::SiteAdmin(_) => None,
        }
    }

    pub fn is_site_admin(&self) -> bool {
        matches!(self, AccessScope::SiteAdmin(_))
    }

    fn has_role(&self, org: OrgId, at_least: Role) -> bool {
        self.is_site_admin() || self.role_in(org).is_some_and(|role| role >= at_least)
    }
}

/// May `scope` see the record? Members of the owner see everything it owns;
/// others see public records that are not personal, and records shared with
/// an alliance one of their organisations belongs to.
pub fn can_read(scope: &AccessScope, record: &RecordAccess) -> bool {
    match scope {
        AccessScope::SiteAdmin(_) => true,
        AccessScope::Public => record.is_public(),
        AccessScope::Member(member) => {
            member.memberships.contains_key(&record.owner)
                || record.is_public()
                || (record.visibility == Visibility::Alliance
                    && record
                        .shared_with
                        .iter()
                        .any(|a| member.alliances.contains(a)))
        }
    }
}

/// May `scope` change the record? Editors and admins of its owner may.
pub fn can_write(scope: &AccessScope, record: &RecordAccess) -> bool {
    scope.has_role(record.owner, Role::Editor)
}

/// May `scope` share personal data that `owner` holds with an alliance?
pub fn can_share_personal(scope: &AccessScope, owner: OrgId) -> bool {
    scope.has_role(owner, Role::Admin)
}

/// May `scope` manage `org`: its settings, members, invitations, alliances
/// and audit log?
pub fn can_administer(scope: &AccessScope, org: OrgId) -> bool {
    scope.has_role(org, Role::Admin)
}

#[cfg(test)]
mod tests;
