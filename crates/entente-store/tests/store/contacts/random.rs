//! Contacts in worlds drawn at random (organisations, alliances with random
//! members, users with random roles, contacts of every visibility shared
//! with random alliances of their owner): every user reads, one by one and
//! by organisation, exactly the contacts the reference rule `can_read`
//! allows for personal data.

use std::collections::BTreeMap;

use entente_core::access::{AccessScope, AllianceId, OrgId, OrgKind, Role, Visibility, can_read};
use entente_store::{Area, NewAlliance, NewOrganisation, OrganisationProfile, Store};

use super::{ROOT, details};
use crate::support::on_each_backend;

/// A small deterministic generator (xorshift), so a failing world can be
/// drawn again from its seed.
struct Draw(u64);

impl Draw {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        usize::try_from(self.0 % n as u64).unwrap()
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

fn organisations(store: &Store, draw: &mut Draw, seed: u64) -> Vec<OrgId> {
    (0..4)
        .map(|i| {
            let visibility = Visibility::ALL[draw.below(3)];
            let new = NewOrganisation {
                short_name: format!("org-{seed}-{i}"),
                name: format!("Organisation {i}"),
                kind: OrgKind::NationalNgo,
                website: None,
                description: None,
                visibility,
                profile: OrganisationProfile::default(),
            };
            store.create_organisation(&new).unwrap()
        })
        .collect()
}

/// Alliances with random owners and members; the members of each.
fn alliances(store: &Store, draw: &mut Draw, orgs: &[OrgId]) -> BTreeMap<AllianceId, Vec<OrgId>> {
    let mut made = BTreeMap::new();
    for i in 0..3 {
        let owner = orgs[draw.below(orgs.len())];
        let new = NewAlliance {
            owner,
            name: format!("Alliance {i}"),
            purpose: String::new(),
            visibility: Visibility::ALL[draw.below(3)],
            area: Area::default(),
        };
        let id = store.create_alliance(&ROOT, &new).unwrap();
        let mut members = vec![owner];
        for org in orgs {
            if *org != owner && draw.chance(50) {
                store.add_alliance_member(&ROOT, id, *org).unwrap();
                members.push(*org);
            }
        }
        made.insert(id, members);
    }
    made
}

#[test]
fn random_worlds_read_contacts_as_the_reference_rule_says() {
    on_each_backend("contacts_random", |db| {
        let store = &db.store;
        // Reads through an alliance and refusals, counted so the worlds
        // are known to exercise both.
        let (mut allied, mut refused) = (0, 0);
        for seed in 1..=4_u64 {
            let mut draw = Draw(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15));
            let orgs = organisations(store, &mut draw, seed);
            let members = alliances(store, &mut draw, &orgs);
            let mut contacts = Vec::new();
            for (i, owner) in orgs.iter().enumerate() {
                let theirs: Vec<AllianceId> = members
                    .iter()
                    .filter(|(_, m)| m.contains(owner))
                    .map(|(id, _)| *id)
                    .collect();
                let shared: Vec<AllianceId> =
                    theirs.into_iter().filter(|_| draw.chance(60)).collect();
                let visibility = if shared.is_empty() {
                    Visibility::Private
                } else {
                    Visibility::Alliance
                };
                let name = format!("Person {seed} {i}");
                let id = store
                    .create_contact(&ROOT, *owner, &details(&name, visibility, &shared))
                    .unwrap();
                contacts.push(store.contact(&ROOT, id).unwrap().unwrap());
            }
            let mut users = vec![AccessScope::Public];
            for u in 0..5 {
                let user = store
                    .create_user(&format!("u{u}-{seed}@example.org"), "U")
                    .unwrap();
                for org in &orgs {
                    if draw.chance(30) {
                        let role = [Role::Viewer, Role::Editor, Role::Admin][draw.below(3)];
                        store.add_membership(&ROOT, user, *org, role).unwrap();
                    }
                }
                users.push(store.member_scope(user).unwrap());
            }
            for scope in &users {
                for contact in &contacts {
                    let readable = can_read(scope, &contact.access());
                    let outside = scope.role_in(contact.org).is_none();
                    allied += usize::from(readable && outside && scope.user().is_some());
                    refused += usize::from(!readable);
                    let read = store.contact(scope, contact.id).unwrap();
                    assert_eq!(
                        read.is_some(),
                        readable,
                        "seed {seed}, {scope:?}, {contact:?} on {}",
                        db.backend()
                    );
                    let listed = store.contacts_of(scope, contact.org).unwrap();
                    assert_eq!(
                        listed.iter().any(|c| c.id == contact.id),
                        readable,
                        "seed {seed}: list"
                    );
                }
            }
        }
        assert!(
            allied > 0 && refused > 0,
            "{allied} allied reads, {refused} refusals"
        );
    });
}
