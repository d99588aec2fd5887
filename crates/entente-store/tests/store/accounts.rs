//! Organisations, users, memberships and alliances, read through every kind
//! of access scope: what each sees, and that a hidden row answers like a
//! missing one.

use entente_core::access::{
    AccessScope, AllianceId, MemberScope, OrgId, OrgKind, Role, UserId, Visibility, can_read,
};
use entente_store::{NewAlliance, NewOrganisation, Store, StoreError};

use crate::support::on_each_backend;

/// Three organisations, the owner's members in each role, a member of an
/// allied organisation, one of an unrelated organisation, a site admin, and
/// the owner's alliances of each visibility.
pub struct World {
    pub owner: OrgId,
    pub ally: OrgId,
    pub unrelated: OrgId,
    pub viewer: UserId,
    pub editor: UserId,
    pub admin: UserId,
    pub allied_member: UserId,
    pub outsider: UserId,
    pub site_admin: UserId,
    pub private_alliance: AllianceId,
    pub shared_alliance: AllianceId,
    pub public_alliance: AllianceId,
}

pub fn organisation(short_name: &str, visibility: Visibility) -> NewOrganisation {
    NewOrganisation {
        short_name: short_name.to_owned(),
        name: format!("{short_name} (full name)"),
        kind: OrgKind::InternationalNgo,
        website: Some(format!("https://{short_name}.example.org")),
        description: None,
        visibility,
        profile: entente_store::OrganisationProfile::default(),
    }
}

pub(crate) fn alliance(owner: OrgId, name: &str, visibility: Visibility) -> NewAlliance {
    NewAlliance {
        owner,
        name: name.to_owned(),
        purpose: format!("{name}: coordinate OPCAT advocacy"),
        visibility,
        area: entente_store::Area::default(),
    }
}

const ROOT: AccessScope = AccessScope::SiteAdmin(UserId(0));

impl World {
    pub fn build(store: &Store) -> World {
        let owner = store
            .create_organisation(&organisation("apt", Visibility::Public))
            .unwrap();
        let ally = store
            .create_organisation(&organisation("omct", Visibility::Alliance))
            .unwrap();
        let unrelated = store
            .create_organisation(&organisation("other", Visibility::Private))
            .unwrap();
        let user = |email: &str, org: OrgId, role: Role| {
            let id = store.create_user(email, email).unwrap();
            store.add_membership(&ROOT, id, org, role).unwrap();
            id
        };
        let world = World {
            owner,
            ally,
            unrelated,
            viewer: user("viewer@apt.example", owner, Role::Viewer),
            editor: user("editor@apt.example", owner, Role::Editor),
            admin: user("admin@apt.example", owner, Role::Admin),
            allied_member: user("ana@omct.example", ally, Role::Admin),
            outsider: user("olga@other.example", unrelated, Role::Admin),
            site_admin: store.create_user("root@example.org", "Root").unwrap(),
            private_alliance: AllianceId(0),
            shared_alliance: AllianceId(0),
            public_alliance: AllianceId(0),
        };
        store.set_site_admin(world.site_admin, true).unwrap();
        let admin = store.member_scope(world.admin).unwrap();
        let create = |name, visibility| {
            store
                .create_alliance(&admin, &alliance(owner, name, visibility))
                .unwrap()
        };
        let world = World {
            private_alliance: create("Drafting group", Visibility::Private),
            shared_alliance: create("OPCAT coalition", Visibility::Alliance),
            public_alliance: create("Open campaign", Visibility::Public),
            ..world
        };
        // The ally's entry is hidden from the owner until they share an
        // alliance, so the site admin introduces them.
        let hidden = store.add_alliance_member(&admin, world.shared_alliance, ally);
        assert!(
            matches!(hidden, Err(StoreError::NotFound { .. })),
            "{hidden:?}"
        );
        for alliance in [world.private_alliance, world.shared_alliance] {
            store.add_alliance_member(&ROOT, alliance, ally).unwrap();
        }
        world
    }

    /// Every kind of reader, named for failure messages.
    pub fn scopes(&self, store: &Store) -> Vec<(&'static str, AccessScope)> {
        let scope = |user| store.member_scope(user).unwrap();
        vec![
            ("anonymous", AccessScope::Public),
            ("viewer", scope(self.viewer)),
            ("editor", scope(self.editor)),
            ("admin", scope(self.admin)),
            ("allied member", scope(self.allied_member)),
            ("outsider", scope(self.outsider)),
            ("site admin", scope(self.site_admin)),
        ]
    }
}

fn short_names(store: &Store, scope: &AccessScope) -> Vec<String> {
    let orgs = store.organisations(scope).unwrap();
    orgs.into_iter().map(|o| o.short_name).collect()
}

#[test]
fn the_directory_shows_each_scope_what_it_may_read() {
    on_each_backend("directory_scopes", |db| {
        let store = &db.store;
        let world = World::build(store);
        let expected: [(&str, &[&str]); 7] = [
            ("anonymous", &["apt"]),
            ("viewer", &["apt", "omct"]),
            ("editor", &["apt", "omct"]),
            ("admin", &["apt", "omct"]),
            ("allied member", &["apt", "omct"]),
            ("outsider", &["apt", "other"]),
            ("site admin", &["apt", "omct", "other"]),
        ];
        for ((name, scope), (expected_name, names)) in world.scopes(store).iter().zip(expected) {
            assert_eq!(*name, expected_name);
            assert_eq!(
                short_names(store, scope),
                names,
                "{name} on {}",
                db.backend()
            );
            for (org, short_name) in [(world.ally, "omct"), (world.unrelated, "other")] {
                let by_id = store.organisation(scope, org).unwrap();
                let by_name = store.organisation_by_short_name(scope, short_name).unwrap();
                assert_eq!(by_id.is_some(), names.contains(&short_name), "{name}");
                assert_eq!(by_id, by_name, "{name}");
            }
            assert_eq!(store.organisation(scope, OrgId(999_999)).unwrap(), None);
        }
    });
}

#[test]
fn alliances_are_read_as_the_core_rules_decide() {
    on_each_backend("alliance_scopes", |db| {
        let store = &db.store;
        let world = World::build(store);
        let every = store.alliances(&ROOT).unwrap();
        assert_eq!(every.len(), 3);
        let expected: [(&str, usize); 7] = [
            ("anonymous", 1),
            ("viewer", 3),
            ("editor", 3),
            ("admin", 3),
            ("allied member", 2),
            ("outsider", 1),
            ("site admin", 3),
        ];
        for ((name, scope), (_, count)) in world.scopes(store).iter().zip(expected) {
            let seen = store.alliances(scope).unwrap();
            assert_eq!(seen.len(), count, "{name} on {}", db.backend());
            for alliance in &every {
                let readable = can_read(scope, &alliance.access());
                assert_eq!(
                    seen.contains(alliance),
                    readable,
                    "{name}: {}",
                    alliance.name
                );
                let one = store.alliance(scope, alliance.id).unwrap();
                assert_eq!(one.as_ref(), readable.then_some(alliance), "{name}");
            }
        }
        let shared = store
            .alliance(&ROOT, world.shared_alliance)
            .unwrap()
            .unwrap();
        assert_eq!(shared.members, vec![world.owner, world.ally]);
    });
}

#[test]
fn a_hidden_alliance_answers_like_a_missing_one() {
    on_each_backend("hidden_alliance", |db| {
        let store = &db.store;
        let world = World::build(store);
        let outsider = store.member_scope(world.outsider).unwrap();
        let missing = AllianceId(999_999);
        assert_eq!(
            store.alliance(&outsider, world.private_alliance).unwrap(),
            None
        );
        assert_eq!(store.alliance(&outsider, missing).unwrap(), None);
        for alliance in [world.private_alliance, missing] {
            let err = store
                .add_alliance_member(&outsider, alliance, world.unrelated)
                .unwrap_err();
            assert!(matches!(err, StoreError::NotFound { .. }), "{err}");
            assert_eq!(err.to_string(), format!("alliance {alliance} not found"));
        }
        let public = store
            .add_alliance_member(&outsider, world.public_alliance, world.unrelated)
            .unwrap_err();
        assert!(matches!(public, StoreError::Forbidden { .. }), "{public}");
    });
}

#[test]
fn members_are_listed_to_their_organisation_and_the_site_admin_only() {
    on_each_backend("members_of", |db| {
        let store = &db.store;
        let world = World::build(store);
        for (name, scope) in world.scopes(store) {
            let members = store.members_of(&scope, world.owner).unwrap();
            let insider = ["viewer", "editor", "admin", "site admin"].contains(&name);
            assert_eq!(members.len(), if insider { 3 } else { 0 }, "{name}");
        }
        let members = store.members_of(&ROOT, world.owner).unwrap();
        let roles: Vec<Role> = members.iter().map(|m| m.role).collect();
        assert_eq!(roles, [Role::Admin, Role::Editor, Role::Viewer]);
    });
}

#[test]
fn only_admins_manage_members_and_an_organisation_keeps_an_admin() {
    on_each_backend("manage_members", |db| {
        let store = &db.store;
        let world = World::build(store);
        let newcomer = store.create_user("New@Example.org ", "New").unwrap();
        let editor = store.member_scope(world.editor).unwrap();
        let err = store
            .add_membership(&editor, newcomer, world.owner, Role::Viewer)
            .unwrap_err();
        assert!(matches!(err, StoreError::Forbidden { .. }), "{err}");
        let outsider = store.member_scope(world.outsider).unwrap();
        let err = store
            .add_membership(&outsider, newcomer, world.ally, Role::Viewer)
            .unwrap_err();
        assert!(
            matches!(err, StoreError::NotFound { .. }),
            "hidden org: {err}"
        );
        let admin = store.member_scope(world.admin).unwrap();
        store
            .add_membership(&admin, newcomer, world.owner, Role::Viewer)
            .unwrap();
        let twice = store.add_membership(&admin, newcomer, world.owner, Role::Editor);
        assert!(matches!(twice, Err(StoreError::Conflict { .. })));
        let last = store.set_role(&admin, world.admin, world.owner, Role::Editor);
        assert!(matches!(last, Err(StoreError::Conflict { .. })), "{last:?}");
        let leave = store.remove_membership(&admin, world.admin, world.owner);
        assert!(
            matches!(leave, Err(StoreError::Conflict { .. })),
            "{leave:?}"
        );
        let own = store.member_scope(newcomer).unwrap();
        assert!(
            store
                .remove_membership(&own, newcomer, world.owner)
                .unwrap()
        );
        assert_eq!(store.memberships_of(newcomer).unwrap(), []);
    });
}

#[test]
fn a_member_scope_holds_roles_and_the_alliances_of_the_organisations() {
    on_each_backend("member_scope", |db| {
        let store = &db.store;
        let world = World::build(store);
        let AccessScope::Member(MemberScope {
            user,
            memberships,
            alliances,
        }) = store.member_scope(world.allied_member).unwrap()
        else {
            panic!("a member scope");
        };
        assert_eq!(user, world.allied_member);
        assert_eq!(
            memberships.into_iter().collect::<Vec<_>>(),
            [(world.ally, Role::Admin)]
        );
        let alliances: Vec<_> = alliances.into_iter().collect();
        assert_eq!(alliances, [world.private_alliance, world.shared_alliance]);
        let root = store.member_scope(world.site_admin).unwrap();
        assert_eq!(root, AccessScope::SiteAdmin(world.site_admin));
        store.set_disabled(world.viewer, true).unwrap();
        assert_eq!(
            store.member_scope(world.viewer).unwrap(),
            AccessScope::Public
        );
        assert_eq!(
            store.member_scope(UserId(999_999)).unwrap(),
            AccessScope::Public
        );
    });
}

#[test]
fn bad_and_duplicate_names_are_refused_naming_the_field() {
    on_each_backend("account_input", |db| {
        let store = &db.store;
        store
            .create_organisation(&organisation("apt", Visibility::Public))
            .unwrap();
        let taken = store
            .create_organisation(&organisation("apt", Visibility::Private))
            .unwrap_err();
        assert!(matches!(taken, StoreError::Conflict { .. }), "{taken}");
        assert!(taken.to_string().contains("\"apt\""), "{taken}");
        let bad = store
            .create_organisation(&organisation("APT Geneva", Visibility::Public))
            .unwrap_err();
        assert!(bad.to_string().starts_with("short name"), "{bad}");
        store.create_user("ana@example.org", "Ana").unwrap();
        let again = store.create_user("  ANA@example.org", "Ana").unwrap_err();
        assert!(matches!(again, StoreError::Conflict { .. }), "{again}");
        let found = store.user_by_email("Ana@Example.org").unwrap().unwrap();
        assert_eq!(found.email, "ana@example.org");
        assert_eq!(found.password_hash, None);
        store
            .set_password_hash(found.id, "$argon2id$v=19$...")
            .unwrap();
        let found = store.user(found.id).unwrap().unwrap();
        assert_eq!(found.password_hash.as_deref(), Some("$argon2id$v=19$..."));
        store
            .set_totp(found.id, Some("JBSWY3DPEHPK3PXP"), false)
            .unwrap();
        let pending = store.user(found.id).unwrap().unwrap();
        assert_eq!(
            (pending.totp_secret.is_some(), pending.totp_enabled),
            (true, false)
        );
        let no_secret = store.set_totp(found.id, None, true).unwrap_err();
        assert!(
            matches!(no_secret, StoreError::Invalid { .. }),
            "{no_secret}"
        );
        let missing = store.set_password_hash(UserId(999_999), "x").unwrap_err();
        assert!(matches!(missing, StoreError::NotFound { .. }));
    });
}
