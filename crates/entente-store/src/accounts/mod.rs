//! Organisations, users, their memberships and alliances. Reads that could
//! show something not public take an [`AccessScope`] and filter in SQL; a
//! hidden row answers exactly like a missing one.
//!
//! [`AccessScope`]: entente_core::access::AccessScope

mod alliances;
mod import;
mod memberships;
mod organisations;
pub(crate) mod profile;
mod reach;
pub(crate) mod rows;
pub(crate) mod scope;
mod users;

pub(crate) use import::row_error;
pub use import::{ImportError, ImportSummary};
pub use organisations::{DirectoryFilter, check_website};
pub use reach::AllianceReach;
pub(crate) use users::normalise_email;

pub(crate) use scope::{Condition, alliance_ids, org_ids, org_ids_with_role};

use chrono::NaiveDateTime;
use entente_core::access::{AllianceId, OrgId, OrgKind, RecordAccess, Role, UserId, Visibility};
use entente_core::plan::{Level, Sector};
use entente_core::{Iso3, RegionalGroup};

/// Where someone works or campaigns: states by code, and UN regional groups
/// as a whole. Stored sorted and without repeats.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Area {
    pub states: Vec<Iso3>,
    pub regions: Vec<RegionalGroup>,
}

impl Area {
    /// The same area, sorted and without repeats, as it is stored.
    pub fn normalised(mut self) -> Self {
        self.states.sort();
        self.states.dedup();
        self.regions.sort();
        self.regions.dedup();
        self
    }
}

/// How and where an organisation works: what the directory is filtered by
/// and alliance reach is counted in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrganisationProfile {
    pub level: Level,
    pub sectors: Vec<Sector>,
    /// The states and UN regional groups it works in.
    pub area: Area,
}

impl Default for OrganisationProfile {
    /// A national organisation with no sector or area given yet: what
    /// `entente org add` creates.
    fn default() -> Self {
        OrganisationProfile {
            level: Level::National,
            sectors: Vec::new(),
            area: Area::default(),
        }
    }
}

impl OrganisationProfile {
    /// The same profile, sorted and without repeats, as it is stored.
    pub fn normalised(mut self) -> Self {
        self.sectors.sort();
        self.sectors.dedup();
        self.area = self.area.normalised();
        self
    }
}

/// An organisation to create. Its short name is a lower-case slug
/// (`a-z`, `0-9`, `-`, at most 40 characters), unique on the instance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewOrganisation {
    pub short_name: String,
    pub name: String,
    pub kind: OrgKind,
    pub website: Option<String>,
    pub description: Option<String>,
    /// Who sees its directory entry: `Private` its members, `Alliance` also
    /// the members of the alliances it belongs to, `Public` everyone.
    pub visibility: Visibility,
    pub profile: OrganisationProfile,
}

/// The settings of an organisation its admins may change: everything in
/// its directory entry but its short name, which addresses and command
/// lines hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrganisationChanges {
    pub name: String,
    pub kind: OrgKind,
    pub website: Option<String>,
    pub description: Option<String>,
    pub visibility: Visibility,
    pub profile: OrganisationProfile,
}

/// An organisation's directory entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organisation {
    pub id: OrgId,
    pub short_name: String,
    pub name: String,
    pub kind: OrgKind,
    pub website: Option<String>,
    pub description: Option<String>,
    pub visibility: Visibility,
    pub profile: OrganisationProfile,
    /// UTC.
    pub created_at: NaiveDateTime,
}

/// A user account, with the secrets sign-in needs: handle with care and
/// never render it whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserAccount {
    pub id: UserId,
    /// Lower-case.
    pub email: String,
    pub display_name: String,
    /// `None` until the user sets a password through a one-time link.
    pub password_hash: Option<String>,
    pub site_admin: bool,
    pub totp_secret: Option<String>,
    pub totp_enabled: bool,
    /// A disabled account signs in nowhere and has no more than the public's access.
    pub disabled: bool,
    /// UTC.
    pub created_at: NaiveDateTime,
}

/// One of a user's organisations, as the user sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Membership {
    pub org: OrgId,
    pub short_name: String,
    pub name: String,
    pub role: Role,
}

/// A member of an organisation, as its other members see them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub user: UserId,
    pub email: String,
    pub display_name: String,
    pub role: Role,
}

/// An alliance to create; its owner becomes its first member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAlliance {
    pub owner: OrgId,
    pub name: String,
    pub purpose: String,
    /// `Private`: the owner's members only; `Alliance`: the members of every
    /// organisation in it; `Public`: everyone.
    pub visibility: Visibility,
    /// The states and regions it campaigns in.
    pub area: Area,
}

/// A coalition of organisations: the unit of sharing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alliance {
    pub id: AllianceId,
    pub owner: OrgId,
    pub name: String,
    pub purpose: String,
    pub visibility: Visibility,
    /// The states and regions it campaigns in.
    pub area: Area,
    /// UTC.
    pub created_at: NaiveDateTime,
    /// Its member organisations (the owner among them), by id.
    pub members: Vec<OrgId>,
}

impl Alliance {
    /// The alliance as a record under the access rules: an `Alliance`
    /// alliance is shared with itself.
    pub fn access(&self) -> RecordAccess {
        RecordAccess {
            owner: self.owner,
            visibility: self.visibility,
            shared_with: match self.visibility {
                Visibility::Alliance => vec![self.id],
                Visibility::Private | Visibility::Public => Vec::new(),
            },
            personal: false,
        }
    }
}
