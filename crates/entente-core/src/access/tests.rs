//! The access rules, over worlds of random organisations, alliances,
//! memberships and records.

use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;

use super::*;

/// Which organisations belong to which alliance, and who the user is a member of.
#[derive(Debug, Clone)]
struct World {
    alliance_members: BTreeMap<AllianceId, BTreeSet<OrgId>>,
    memberships: BTreeMap<OrgId, Role>,
}

impl World {
    /// The scope the store builds for a user: their roles, and every
    /// alliance any of their organisations belongs to.
    fn member_scope(&self) -> AccessScope {
        let alliances = self
            .alliance_members
            .iter()
            .filter(|(_, orgs)| orgs.iter().any(|o| self.memberships.contains_key(o)))
            .map(|(a, _)| *a)
            .collect();
        AccessScope::Member(MemberScope {
            user: UserId(1),
            memberships: self.memberships.clone(),
            alliances,
        })
    }
}

const ORGS: i64 = 6;
const ALLIANCES: i64 = 4;

fn org() -> impl Strategy<Value = OrgId> {
    (0..ORGS).prop_map(OrgId)
}

fn role() -> impl Strategy<Value = Role> {
    prop::sample::select(Role::ALL)
}

fn world() -> impl Strategy<Value = World> {
    let alliance_members = prop::collection::btree_map(
        (0..ALLIANCES).prop_map(AllianceId),
        prop::collection::btree_set(org(), 1..4),
        0..=ALLIANCES as usize,
    );
    let memberships = prop::collection::btree_map(org(), role(), 0..4);
    (alliance_members, memberships).prop_map(|(alliance_members, memberships)| World {
        alliance_members,
        memberships,
    })
}

/// Only valid records: the store refuses the others before they exist.
fn record() -> impl Strategy<Value = RecordAccess> {
    let shared = prop::collection::vec((0..ALLIANCES).prop_map(AllianceId), 1..3);
    (
        org(),
        prop::sample::select(Visibility::ALL),
        shared,
        any::<bool>(),
    )
        .prop_map(|(owner, visibility, shared, personal)| RecordAccess {
            owner,
            visibility,
            shared_with: if visibility == Visibility::Alliance {
                shared
            } else {
                Vec::new()
            },
            personal: personal && visibility != Visibility::Public,
        })
}

fn scope() -> impl Strategy<Value = AccessScope> {
    prop_oneof![
        Just(AccessScope::Public),
        Just(AccessScope::SiteAdmin(UserId(99))),
        world().prop_map(|w| w.member_scope()),
    ]
}

proptest! {
    #[test]
    fn generated_records_are_valid(record in record()) {
        prop_assert_eq!(record.validate(), Ok(()));
    }

    #[test]
    fn the_public_reads_only_public_impersonal_records(record in record()) {
        let readable = can_read(&AccessScope::Public, &record);
        prop_assert_eq!(readable, record.visibility == Visibility::Public && !record.personal);
        prop_assert!(!can_write(&AccessScope::Public, &record));
    }

    #[test]
    fn outsiders_never_read_what_is_not_public(world in world(), record in record()) {
        let scope = world.member_scope();
        let AccessScope::Member(member) = &scope else { unreachable!() };
        let member_of_owner = member.memberships.contains_key(&record.owner);
        let allied = record.shared_with.iter().any(|a| member.alliances.contains(a));
        if !member_of_owner && !allied && record.visibility != Visibility::Public {
            prop_assert!(!can_read(&scope, &record));
        }
        if !member_of_owner {
            prop_assert!(!can_write(&scope, &record));
        }
    }

    #[test]
    fn the_site_admin_reads_and_writes_everything(record in record(), owner in org()) {
        let admin = AccessScope::SiteAdmin(UserId(99));
        prop_assert!(can_read(&admin, &record));
        prop_assert!(can_write(&admin, &record));
        prop_assert!(can_share_personal(&admin, owner));
        prop_assert!(can_administer(&admin, owner));
    }

    #[test]
    fn writing_implies_reading(scope in scope(), record in record()) {
        if can_write(&scope, &record) {
            prop_assert!(can_read(&scope, &record));
        }
        if can_administer(&scope, record.owner) {
            prop_assert!(can_write(&scope, &record));
        }
    }

    #[test]
    fn removing_a_membership_never_grants_more(
        world in world(),
        record in record(),
        removed in org(),
    ) {
        let before = world.member_scope();
        let mut fewer = world.clone();
        fewer.memberships.remove(&removed);
        let after = fewer.member_scope();
        prop_assert!(!can_read(&after, &record) || can_read(&before, &record));
        prop_assert!(!can_write(&after, &record) || can_write(&before, &record));
        for org in (0..ORGS).map(OrgId) {
            prop_assert!(!can_administer(&after, org) || can_administer(&before, org));
            prop_assert!(!can_share_personal(&after, org) || can_share_personal(&before, org));
        }
    }

    #[test]
    fn a_lower_role_never_grants_more(world in world(), record in record(), lower in role()) {
        let before = world.member_scope();
        let mut demoted = world.clone();
        if let Some(role) = demoted.memberships.get_mut(&record.owner) {
            *role = (*role).min(lower);
        }
        let after = demoted.member_scope();
        prop_assert!(!can_write(&after, &record) || can_write(&before, &record));
        prop_assert!(
            !can_administer(&after, record.owner) || can_administer(&before, record.owner)
        );
    }

    #[test]
    fn codes_round_trip(role in role(), kind in prop::sample::select(OrgKind::ALL)) {
        prop_assert_eq!(role.code().parse::<Role>(), Ok(role));
        prop_assert_eq!(kind.to_string().parse::<OrgKind>(), Ok(kind));
    }
}

fn member(memberships: &[(i64, Role)], alliances: &[i64]) -> AccessScope {
    AccessScope::Member(MemberScope {
        user: UserId(1),
        memberships: memberships.iter().map(|&(o, r)| (OrgId(o), r)).collect(),
        alliances: alliances.iter().copied().map(AllianceId).collect(),
    })
}

#[test]
fn each_role_of_the_owner_reads_and_only_editors_write() {
    let record = RecordAccess {
        personal: true,
        ..RecordAccess::private(OrgId(1))
    };
    let expected = [
        (Role::Viewer, true, false, false),
        (Role::Editor, true, true, false),
        (Role::Admin, true, true, true),
    ];
    for (role, read, write, administer) in expected {
        let scope = member(&[(1, role)], &[]);
        assert_eq!(can_read(&scope, &record), read, "{role} reads");
        assert_eq!(can_write(&scope, &record), write, "{role} writes");
        assert_eq!(can_administer(&scope, OrgId(1)), administer, "{role}");
        assert_eq!(can_share_personal(&scope, OrgId(1)), administer, "{role}");
    }
}

#[test]
fn alliance_records_reach_allied_members_only_and_read_only() {
    let record = RecordAccess {
        owner: OrgId(1),
        visibility: Visibility::Alliance,
        shared_with: vec![AllianceId(7)],
        personal: true,
    };
    let allied = member(&[(2, Role::Admin)], &[7]);
    assert!(can_read(&allied, &record));
    assert!(!can_write(&allied, &record));
    assert!(!can_read(&member(&[(2, Role::Admin)], &[8]), &record));
    assert!(!can_read(&AccessScope::Public, &record));
}

#[test]
fn validation_refuses_impossible_combinations() {
    let public_personal = RecordAccess {
        visibility: Visibility::Public,
        personal: true,
        ..RecordAccess::private(OrgId(1))
    };
    assert_eq!(
        public_personal.validate(),
        Err(InvalidAccess::PersonalPublic)
    );
    let empty_alliance = RecordAccess {
        visibility: Visibility::Alliance,
        ..RecordAccess::private(OrgId(1))
    };
    assert_eq!(empty_alliance.validate(), Err(InvalidAccess::NoAlliance));
    let private_shared = RecordAccess {
        shared_with: vec![AllianceId(1)],
        ..RecordAccess::private(OrgId(1))
    };
    assert_eq!(
        private_shared.validate(),
        Err(InvalidAccess::AlliancesNotUsed(Visibility::Private))
    );
}

#[test]
fn unknown_codes_name_the_vocabulary_and_the_choices() {
    let err = "owner".parse::<Role>().unwrap_err().to_string();
    assert_eq!(
        err,
        "\"owner\" is not a role (expected one of: viewer, editor, admin)"
    );
    assert!(Role::Viewer < Role::Editor && Role::Editor < Role::Admin);
    let err = "ngo".parse::<OrgKind>().unwrap_err().to_string();
    assert!(err.contains("kind of organisation") && err.contains("national_ngo"));
}

#[test]
fn the_account_less_site_administration_acts_as_no_user() {
    assert_eq!(AccessScope::SiteAdmin(UserId::NOBODY).user(), None);
    assert_eq!(AccessScope::SiteAdmin(UserId(7)).user(), Some(UserId(7)));
    assert_eq!(AccessScope::Public.user(), None);
}
