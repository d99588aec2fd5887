//! Contacts, personal data: who may add, read, change, share and delete
//! them, that a hidden contact answers like a missing one, that reads from
//! outside the owner are logged, and importing and exporting them all or
//! nothing; on each backend.

use entente_core::access::{AccessScope, AllianceId, UserId, Visibility, can_read};
use entente_store::{AuditAction, AuditFilter, ContactDetails, ContactId, Store, StoreError};

use crate::accounts::World;
use crate::support::on_each_backend;

pub(super) const ROOT: AccessScope = AccessScope::SiteAdmin(UserId(0));

pub(super) fn details(
    name: &str,
    visibility: Visibility,
    shared_with: &[AllianceId],
) -> ContactDetails {
    ContactDetails {
        name: name.to_owned(),
        role: "Legal officer".to_owned(),
        email: Some(format!(
            "{}@example.org",
            name.to_lowercase().replace(' ', ".")
        )),
        phone: Some("+41 22 919 21 70".to_owned()),
        languages: vec!["fr".to_owned(), "en".to_owned()],
        consent: true,
        notes: "Met at the OPCAT seminar".to_owned(),
        visibility,
        shared_with: shared_with.to_vec(),
    }
}

/// The world with two contacts at apt: one private, one shared with the
/// shared alliance (apt and omct); returns their ids.
fn contacts(store: &Store, world: &World) -> (ContactId, ContactId) {
    let admin = store.member_scope(world.admin).unwrap();
    let private = store
        .create_contact(
            &admin,
            world.owner,
            &details("Paula Privat", Visibility::Private, &[]),
        )
        .unwrap();
    let shared = store
        .create_contact(
            &admin,
            world.owner,
            &details("Sam Shared", Visibility::Alliance, &[world.shared_alliance]),
        )
        .unwrap();
    (private, shared)
}

#[test]
fn contacts_are_read_by_the_owner_and_the_alliances_they_are_shared_with() {
    on_each_backend("contacts_read", |db| {
        let store = &db.store;
        let world = World::build(store);
        let (private, shared) = contacts(store, &world);
        let every = store.contacts_of(&ROOT, world.owner).unwrap();
        assert_eq!(every.len(), 2);
        let expected: [(&str, &[&str]); 7] = [
            ("anonymous", &[]),
            ("viewer", &["Paula Privat", "Sam Shared"]),
            ("editor", &["Paula Privat", "Sam Shared"]),
            ("admin", &["Paula Privat", "Sam Shared"]),
            ("allied member", &["Sam Shared"]),
            ("outsider", &[]),
            ("site admin", &["Paula Privat", "Sam Shared"]),
        ];
        for ((name, scope), (_, names)) in world.scopes(store).iter().zip(expected) {
            let seen = store.contacts_of(scope, world.owner).unwrap();
            let seen_names: Vec<&str> = seen.iter().map(|c| c.details.name.as_str()).collect();
            assert_eq!(seen_names, names, "{name} on {}", db.backend());
            for contact in &every {
                let readable = can_read(scope, &contact.access());
                let one = store.contact(scope, contact.id).unwrap();
                assert_eq!(one.as_ref(), readable.then_some(contact), "{name}");
            }
        }
        let stored = store.contact(&ROOT, shared).unwrap().unwrap();
        assert_eq!(
            stored.details,
            details("Sam Shared", Visibility::Alliance, &[world.shared_alliance])
        );
        assert_eq!(store.contact(&ROOT, ContactId(999_999)).unwrap(), None);
        assert!(store.contact(&ROOT, private).unwrap().is_some());
    });
}

#[test]
fn reads_from_outside_the_owner_are_logged_for_its_admins() {
    on_each_backend("contacts_audit", |db| {
        let store = &db.store;
        let world = World::build(store);
        let (_, shared) = contacts(store, &world);
        let reads = |store: &Store| {
            let filter = AuditFilter {
                org: Some(world.owner),
                action: Some(AuditAction::RecordReadByAlliance),
                ..AuditFilter::default()
            };
            store.audit_entries(&ROOT, &filter).unwrap()
        };
        let viewer = store.member_scope(world.viewer).unwrap();
        store.contacts_of(&viewer, world.owner).unwrap();
        assert!(
            reads(store).is_empty(),
            "the owner's own reads are not logged"
        );
        let allied = store.member_scope(world.allied_member).unwrap();
        store.contacts_of(&allied, world.owner).unwrap();
        store.contact(&allied, shared).unwrap();
        let logged = reads(store);
        assert_eq!(logged.len(), 2, "on {}", db.backend());
        for line in &logged {
            assert_eq!(line.entry.actor_user, Some(world.allied_member));
            assert_eq!(line.entry.record_kind.as_deref(), Some("contact"));
            assert_eq!(line.entry.record_id, Some(shared.0));
            assert!(
                !line.entry.detail.contains("Sam"),
                "no personal data in the log"
            );
        }
    });
}

#[test]
fn editors_write_contacts_and_only_admins_share_them() {
    on_each_backend("contacts_write", |db| {
        let store = &db.store;
        let world = World::build(store);
        let (private, _) = contacts(store, &world);
        let editor = store.member_scope(world.editor).unwrap();
        let id = store
            .create_contact(
                &editor,
                world.owner,
                &details("Eve Editor", Visibility::Private, &[]),
            )
            .unwrap();
        let mut changed = details("Eve Editor", Visibility::Private, &[]);
        changed.role = "Director".to_owned();
        changed.email = None;
        store.update_contact(&editor, id, &changed).unwrap();
        let read = store.contact(&editor, id).unwrap().unwrap();
        assert_eq!(
            (read.details.role.as_str(), read.details.email.as_deref()),
            ("Director", None)
        );
        // Sharing needs an admin, at creation and on change.
        let share = details("Eve Editor", Visibility::Alliance, &[world.shared_alliance]);
        let err = store.update_contact(&editor, id, &share).unwrap_err();
        assert!(matches!(err, StoreError::Forbidden { .. }), "{err}");
        let err = store
            .create_contact(&editor, world.owner, &share)
            .unwrap_err();
        assert!(matches!(err, StoreError::Forbidden { .. }), "{err}");
        let admin = store.member_scope(world.admin).unwrap();
        store.update_contact(&admin, id, &share).unwrap();
        // An editor may change a shared contact without sharing it further,
        // and may stop sharing it.
        let mut kept = share.clone();
        kept.notes = "Follow-up in March".to_owned();
        store.update_contact(&editor, id, &kept).unwrap();
        store.update_contact(&editor, id, &changed).unwrap();
        // A viewer writes nothing; nor does an ally who reads a contact.
        let viewer = store.member_scope(world.viewer).unwrap();
        let err = store.update_contact(&viewer, id, &changed).unwrap_err();
        assert!(matches!(err, StoreError::Forbidden { .. }), "{err}");
        let err = store
            .create_contact(&viewer, world.owner, &changed)
            .unwrap_err();
        assert!(matches!(err, StoreError::Forbidden { .. }), "{err}");
        store.delete_contact(&editor, id).unwrap();
        assert_eq!(store.contact(&ROOT, id).unwrap(), None);
        assert!(store.contact(&ROOT, private).unwrap().is_some());
        let logged: Vec<AuditAction> = store
            .audit_entries(
                &ROOT,
                &AuditFilter {
                    org: Some(world.owner),
                    ..AuditFilter::default()
                },
            )
            .unwrap()
            .into_iter()
            .filter(|l| l.entry.record_kind.as_deref() == Some("contact"))
            .filter(|l| l.entry.action != AuditAction::RecordReadByAlliance)
            .map(|l| l.entry.action)
            .collect();
        assert_eq!(logged.first(), Some(&AuditAction::RecordDeleted));
        assert_eq!(
            logged
                .iter()
                .filter(|a| **a == AuditAction::RecordUpdated)
                .count(),
            4
        );
    });
}

#[test]
fn bad_contacts_are_refused_naming_the_field() {
    on_each_backend("contacts_bad", |db| {
        let store = &db.store;
        let world = World::build(store);
        let admin = store.member_scope(world.admin).unwrap();
        let public = details("Pat Public", Visibility::Public, &[]);
        let err = store
            .create_contact(&admin, world.owner, &public)
            .unwrap_err();
        assert!(matches!(err, StoreError::Invalid { .. }), "{err}");
        assert_eq!(
            err.to_string(),
            "visibility: personal data can never be public"
        );
        let mut blank = details("x", Visibility::Private, &[]);
        blank.name = " ".to_owned();
        let err = store
            .create_contact(&admin, world.owner, &blank)
            .unwrap_err();
        assert!(err.to_string().starts_with("name:"), "{err}");
        // apt is not in the alliance the outsider's organisation owns.
        let outsider = store.member_scope(world.outsider).unwrap();
        let theirs = store
            .create_alliance(
                &outsider,
                &entente_store::NewAlliance {
                    owner: world.unrelated,
                    name: "Elsewhere".to_owned(),
                    purpose: String::new(),
                    visibility: Visibility::Public,
                    area: entente_store::Area::default(),
                },
            )
            .unwrap();
        let foreign = details("Fay Foreign", Visibility::Alliance, &[theirs]);
        let err = store
            .create_contact(&admin, world.owner, &foreign)
            .unwrap_err();
        assert!(err.to_string().starts_with("shared_with"), "{err}");
        let none = details("Nat None", Visibility::Alliance, &[]);
        assert!(matches!(
            store.create_contact(&admin, world.owner, &none),
            Err(StoreError::Invalid { .. })
        ));
        assert!(
            store.contacts_of(&ROOT, world.owner).unwrap().is_empty(),
            "nothing written"
        );
    });
}

#[test]
fn a_hidden_contact_answers_like_a_missing_one() {
    on_each_backend("contacts_hidden", |db| {
        let store = &db.store;
        let world = World::build(store);
        let (private, _) = contacts(store, &world);
        let allied = store.member_scope(world.allied_member).unwrap();
        let missing = ContactId(999_999);
        let changes = details("Paula Privat", Visibility::Private, &[]);
        for id in [private, missing] {
            assert_eq!(store.contact(&allied, id).unwrap(), None);
            let err = store.update_contact(&allied, id, &changes).unwrap_err();
            assert_eq!(err.to_string(), format!("contact {id} not found"));
            let err = store.delete_contact(&allied, id).unwrap_err();
            assert_eq!(err.to_string(), format!("contact {id} not found"));
        }
        // The outsider does not even see the owner? apt is public: it sees
        // the organisation, and none of its contacts.
        let outsider = store.member_scope(world.outsider).unwrap();
        assert!(
            store
                .contacts_of(&outsider, world.owner)
                .unwrap()
                .is_empty()
        );
        // A hidden organisation is missing for creation too.
        let err = store
            .create_contact(&outsider, world.ally, &changes)
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("organisation {} not found", world.ally)
        );
    });
}

#[test]
fn leaving_an_alliance_stops_its_members_reading_the_contacts_shared_with_it() {
    on_each_backend("contacts_unshared", |db| {
        let store = &db.store;
        let world = World::build(store);
        let ally_admin = store.member_scope(world.allied_member).unwrap();
        let id = store
            .create_contact(
                &ally_admin,
                world.ally,
                &details("Omar Omct", Visibility::Alliance, &[world.shared_alliance]),
            )
            .unwrap();
        let viewer = store.member_scope(world.viewer).unwrap();
        assert!(store.contact(&viewer, id).unwrap().is_some());
        store
            .remove_alliance_member(&ally_admin, world.shared_alliance, world.ally)
            .unwrap();
        let viewer = store.member_scope(world.viewer).unwrap();
        assert_eq!(store.contact(&viewer, id).unwrap(), None);
        let kept = store.contact(&ROOT, id).unwrap().unwrap();
        assert_eq!(
            kept.details.shared_with,
            [world.shared_alliance],
            "kept as it was"
        );
        let root = store.member_scope(world.site_admin).unwrap();
        store
            .add_alliance_member(&root, world.shared_alliance, world.ally)
            .unwrap();
        let viewer = store.member_scope(world.viewer).unwrap();
        assert!(
            store.contact(&viewer, id).unwrap().is_some(),
            "read again on coming back"
        );
    });
}

#[test]
fn a_reader_outside_the_owner_learns_only_its_own_alliances_of_the_sharing() {
    on_each_backend("contacts_sharing_seen", |db| {
        let store = &db.store;
        let world = World::build(store);
        let admin = store.member_scope(world.admin).unwrap();
        // The public alliance holds apt alone; the shared one apt and omct.
        let both = [world.shared_alliance, world.public_alliance];
        let id = store
            .create_contact(
                &admin,
                world.owner,
                &details("Bo Both", Visibility::Alliance, &both),
            )
            .unwrap();
        let mut expected = both.to_vec();
        expected.sort();
        let own = store.contact(&admin, id).unwrap().unwrap();
        assert_eq!(own.details.shared_with, expected, "on {}", db.backend());
        let allied = store.member_scope(world.allied_member).unwrap();
        let seen = store.contact(&allied, id).unwrap().unwrap();
        assert_eq!(seen.details.shared_with, [world.shared_alliance]);
        let exported = store.export_contacts(&allied, world.owner).unwrap();
        assert_eq!(exported[0].shared_with, ["OPCAT coalition"]);
    });
}

mod import;
mod random;
