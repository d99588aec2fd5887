//! Changing an organisation's settings: only its admins and the site admin
//! may, a hidden organisation answers like a missing one, bad values are
//! refused naming the field without writing anything, and every change is
//! in the audit log.

use entente_core::access::{AccessScope, OrgId, OrgKind, UserId, Visibility};
use entente_store::{AuditAction, AuditFilter, OrganisationChanges, Store, StoreError};

use crate::accounts::World;
use crate::support::on_each_backend;

const ROOT: AccessScope = AccessScope::SiteAdmin(UserId(0));

fn changes(name: &str) -> OrganisationChanges {
    OrganisationChanges {
        name: name.to_owned(),
        kind: OrgKind::NationalNgo,
        website: Some("https://www.apt.ch".to_owned()),
        description: Some("Prevention of torture, since 1977.".to_owned()),
        visibility: Visibility::Alliance,
        profile: entente_store::OrganisationProfile::default(),
    }
}

fn updates_of(store: &Store, org: OrgId) -> Vec<String> {
    let filter = AuditFilter {
        org: Some(org),
        action: Some(AuditAction::OrganisationUpdated),
        ..AuditFilter::default()
    };
    let lines = store.audit_entries(&ROOT, &filter).unwrap();
    lines.into_iter().map(|line| line.entry.detail).collect()
}

#[test]
fn admins_change_their_organisation_and_the_log_says_what_changed() {
    on_each_backend("org_settings_admin", |db| {
        let store = &db.store;
        let world = World::build(store);
        let admin = store.member_scope(world.admin).unwrap();
        store
            .update_organisation(
                &admin,
                world.owner,
                &changes(" Association for the Prevention of Torture "),
            )
            .unwrap();
        let entry = store.organisation(&ROOT, world.owner).unwrap().unwrap();
        assert_eq!(entry.short_name, "apt", "the short name stays");
        assert_eq!(entry.name, "Association for the Prevention of Torture");
        assert_eq!(entry.kind, OrgKind::NationalNgo);
        assert_eq!(entry.website.as_deref(), Some("https://www.apt.ch"));
        assert_eq!(
            entry.description.as_deref(),
            Some("Prevention of torture, since 1977.")
        );
        assert_eq!(entry.visibility, Visibility::Alliance);
        let site_admin = store.member_scope(world.site_admin).unwrap();
        let cleared = OrganisationChanges {
            website: None,
            ..changes("APT")
        };
        store
            .update_organisation(&site_admin, world.owner, &cleared)
            .unwrap();
        let entry = store.organisation(&ROOT, world.owner).unwrap().unwrap();
        assert_eq!((entry.name.as_str(), entry.website), ("APT", None));
        assert_eq!(
            updates_of(store, world.owner),
            [
                "changed: name, website",
                "changed: name, kind, website, description, visibility",
            ]
        );
    });
}

#[test]
fn others_are_refused_and_a_hidden_organisation_answers_like_a_missing_one() {
    on_each_backend("org_settings_refused", |db| {
        let store = &db.store;
        let world = World::build(store);
        for (name, scope) in world.scopes(store) {
            if ["admin", "site admin"].contains(&name) {
                continue;
            }
            let refused = store
                .update_organisation(&scope, world.owner, &changes("Taken over"))
                .unwrap_err();
            // The owner's entry is public: everyone sees it, so the refusal
            // may say why.
            assert!(
                matches!(refused, StoreError::Forbidden { .. }),
                "{name}: {refused}"
            );
        }
        let admin = store.member_scope(world.admin).unwrap();
        let hidden = store
            .update_organisation(&admin, world.unrelated, &changes("Taken over"))
            .unwrap_err();
        let missing = store
            .update_organisation(&admin, OrgId(9_999), &changes("Taken over"))
            .unwrap_err();
        assert!(matches!(hidden, StoreError::NotFound { .. }), "{hidden}");
        assert!(matches!(missing, StoreError::NotFound { .. }), "{missing}");
        assert_eq!(
            hidden
                .to_string()
                .replace(&world.unrelated.to_string(), "N"),
            missing.to_string().replace("9999", "N"),
        );
        let other = store.organisation(&ROOT, world.unrelated).unwrap().unwrap();
        assert_eq!(other.name, "other (full name)");
        assert_eq!(updates_of(store, world.owner), Vec::<String>::new());
        assert_eq!(updates_of(store, world.unrelated), Vec::<String>::new());
    });
}

#[test]
fn bad_settings_are_refused_naming_the_field_and_change_nothing() {
    on_each_backend("org_settings_invalid", |db| {
        let store = &db.store;
        let world = World::build(store);
        let admin = store.member_scope(world.admin).unwrap();
        let blank = changes("  ");
        let script = OrganisationChanges {
            website: Some("javascript:alert(1)".to_owned()),
            ..changes("APT")
        };
        for (bad, field) in [(blank, "name"), (script, "website")] {
            let refused = store
                .update_organisation(&admin, world.owner, &bad)
                .unwrap_err();
            assert!(matches!(refused, StoreError::Invalid { .. }), "{refused}");
            assert!(refused.to_string().contains(field), "{refused}");
        }
        let entry = store.organisation(&ROOT, world.owner).unwrap().unwrap();
        assert_eq!(entry.name, "apt (full name)");
        assert_eq!(entry.visibility, Visibility::Public);
        assert_eq!(updates_of(store, world.owner), Vec::<String>::new());
    });
}
