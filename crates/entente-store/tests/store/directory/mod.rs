//! The organisation directory's profile (level, sectors, states and
//! regions of work), its filters, alliance areas and reach, and importing
//! and exporting entries: on each backend, for each kind of reader, with
//! bad input refused naming the row and field and nothing written.

use entente_core::RegionalGroup;
use entente_core::access::{AccessScope, OrgKind, UserId, Visibility};
use entente_core::plan::{Level, Sector};
use entente_store::{
    Area, AuditAction, AuditFilter, DirectoryFilter, NewOrganisation, OrganisationChanges,
    OrganisationProfile, Store, StoreError,
};

use crate::accounts::World;
use crate::fixtures::{fixture, iso3};
use crate::support::on_each_backend;

pub(super) const ROOT: AccessScope = AccessScope::SiteAdmin(UserId(0));

fn profile(
    level: Level,
    sectors: &[Sector],
    states: &[&str],
    regions: &[RegionalGroup],
) -> OrganisationProfile {
    OrganisationProfile {
        level,
        sectors: sectors.to_vec(),
        area: Area {
            states: states.iter().map(|s| iso3(s)).collect(),
            regions: regions.to_vec(),
        },
    }
}

/// The accounts world on the reference fixture, with profiles: apt is
/// international (torture prevention, legal) in FRA and the African group;
/// omct regional (health) in TUR; other national (legal) in CIV.
pub(super) fn world(store: &Store) -> World {
    store.load_reference(fixture().data()).unwrap();
    let world = World::build(store);
    let profiles = [
        (
            world.owner,
            profile(
                Level::International,
                &[Sector::Legal, Sector::TorturePrevention, Sector::Legal],
                &["FRA"],
                &[RegionalGroup::African],
            ),
        ),
        (
            world.ally,
            profile(Level::Regional, &[Sector::Health], &["TUR"], &[]),
        ),
        (
            world.unrelated,
            profile(Level::National, &[Sector::Legal], &["CIV"], &[]),
        ),
    ];
    for (org, profile) in profiles {
        let entry = store.organisation(&ROOT, org).unwrap().unwrap();
        let changes = OrganisationChanges {
            name: entry.name,
            kind: entry.kind,
            website: entry.website,
            description: entry.description,
            visibility: entry.visibility,
            profile,
        };
        store.update_organisation(&ROOT, org, &changes).unwrap();
    }
    world
}

fn short_names(store: &Store, scope: &AccessScope, filter: &DirectoryFilter) -> Vec<String> {
    let orgs = store.directory(scope, filter).unwrap();
    orgs.into_iter().map(|o| o.short_name).collect()
}

#[test]
fn a_profile_is_stored_sorted_and_read_with_the_entry() {
    on_each_backend("directory_profile", |db| {
        let store = &db.store;
        let world = world(store);
        let apt = store.organisation(&ROOT, world.owner).unwrap().unwrap();
        assert_eq!(
            apt.profile,
            profile(
                Level::International,
                &[Sector::TorturePrevention, Sector::Legal],
                &["FRA"],
                &[RegionalGroup::African]
            ),
            "in the vocabulary's order, on {}",
            db.backend()
        );
        let listed = store.organisations(&ROOT).unwrap();
        assert_eq!(listed.iter().find(|o| o.id == world.owner), Some(&apt));
        let by_name = store.organisation_by_short_name(&ROOT, "apt").unwrap();
        assert_eq!(by_name.as_ref(), Some(&apt));
        let updates = store
            .audit_entries(
                &ROOT,
                &AuditFilter {
                    org: Some(world.owner),
                    action: Some(AuditAction::OrganisationUpdated),
                    ..AuditFilter::default()
                },
            )
            .unwrap();
        assert_eq!(
            updates[0].entry.detail,
            "changed: level, sectors, states, regions"
        );
    });
}

#[test]
fn an_unknown_state_is_refused_by_name_and_nothing_is_written() {
    on_each_backend("directory_unknown_state", |db| {
        let store = &db.store;
        let world = world(store);
        let new = NewOrganisation {
            short_name: "newcomer".to_owned(),
            name: "Newcomer".to_owned(),
            kind: OrgKind::NationalNgo,
            website: None,
            description: None,
            visibility: Visibility::Public,
            profile: profile(Level::National, &[], &["FRA", "XYZ"], &[]),
        };
        let err = store.create_organisation(&new).unwrap_err();
        assert!(matches!(err, StoreError::Invalid { .. }), "{err}");
        assert_eq!(err.to_string(), "states: no state has the code \"XYZ\"");
        assert_eq!(
            store.organisation_by_short_name(&ROOT, "newcomer").unwrap(),
            None
        );
        let before = store.organisation(&ROOT, world.owner).unwrap().unwrap();
        let changes = OrganisationChanges {
            name: "Renamed".to_owned(),
            kind: before.kind,
            website: None,
            description: None,
            visibility: before.visibility,
            profile: profile(Level::National, &[], &["QQQ"], &[]),
        };
        let err = store
            .update_organisation(&ROOT, world.owner, &changes)
            .unwrap_err();
        assert!(err.to_string().contains("\"QQQ\""), "{err}");
        assert_eq!(
            store.organisation(&ROOT, world.owner).unwrap().unwrap(),
            before
        );
    });
}

#[test]
fn the_directory_filters_by_sector_level_state_and_region_within_what_is_visible() {
    on_each_backend("directory_filters", |db| {
        let store = &db.store;
        let world = world(store);
        let filters: [(DirectoryFilter, &[&str]); 7] = [
            (
                DirectoryFilter {
                    sector: Some(Sector::Legal),
                    ..DirectoryFilter::default()
                },
                &["apt", "other"],
            ),
            (
                DirectoryFilter {
                    level: Some(Level::Regional),
                    ..DirectoryFilter::default()
                },
                &["omct"],
            ),
            (
                DirectoryFilter {
                    state: Some(iso3("CIV")),
                    ..DirectoryFilter::default()
                },
                &["other"],
            ),
            // The African group: apt works there as a whole, other in Côte d'Ivoire.
            (
                DirectoryFilter {
                    region: Some(RegionalGroup::African),
                    ..DirectoryFilter::default()
                },
                &["apt", "other"],
            ),
            // WEOG through France and Türkiye.
            (
                DirectoryFilter {
                    region: Some(RegionalGroup::Weog),
                    ..DirectoryFilter::default()
                },
                &["apt", "omct"],
            ),
            (
                DirectoryFilter {
                    sector: Some(Sector::Legal),
                    level: Some(Level::National),
                    ..DirectoryFilter::default()
                },
                &["other"],
            ),
            (
                DirectoryFilter {
                    region: Some(RegionalGroup::Grulac),
                    ..DirectoryFilter::default()
                },
                &[],
            ),
        ];
        for (filter, expected) in &filters {
            assert_eq!(
                short_names(store, &ROOT, filter),
                *expected,
                "{filter:?} on {}",
                db.backend()
            );
        }
        // The public sees apt only, whatever the filter keeps.
        let legal = &filters[0].0;
        assert_eq!(short_names(store, &AccessScope::Public, legal), ["apt"]);
        let outsider = store.member_scope(world.outsider).unwrap();
        assert_eq!(short_names(store, &outsider, legal), ["apt", "other"]);
        let allied = store.member_scope(world.allied_member).unwrap();
        assert_eq!(short_names(store, &allied, &filters[4].0), ["apt", "omct"]);
    });
}

#[test]
fn alliance_areas_are_set_at_creation_and_changed_by_the_owners_admins_only() {
    on_each_backend("alliance_area", |db| {
        let store = &db.store;
        let world = world(store);
        let admin = store.member_scope(world.admin).unwrap();
        let area = Area {
            states: vec![iso3("TUR"), iso3("FRA"), iso3("FRA")],
            regions: vec![RegionalGroup::Weog],
        };
        let new = entente_store::NewAlliance {
            owner: world.owner,
            name: "Europe".to_owned(),
            purpose: String::new(),
            visibility: Visibility::Public,
            area,
        };
        let id = store.create_alliance(&admin, &new).unwrap();
        let created = store.alliance(&AccessScope::Public, id).unwrap().unwrap();
        assert_eq!(created.area.states, [iso3("FRA"), iso3("TUR")]);
        assert_eq!(created.area.regions, [RegionalGroup::Weog]);
        let wider = Area {
            states: vec![iso3("CIV")],
            regions: vec![RegionalGroup::African, RegionalGroup::Weog],
        };
        store.set_alliance_area(&admin, id, &wider).unwrap();
        let read = store.alliance(&admin, id).unwrap().unwrap();
        assert_eq!(read.area, wider);
        let editor = store.member_scope(world.editor).unwrap();
        let err = store
            .set_alliance_area(&editor, id, &Area::default())
            .unwrap_err();
        assert!(matches!(err, StoreError::Forbidden { .. }), "{err}");
        let outsider = store.member_scope(world.outsider).unwrap();
        let hidden = store
            .set_alliance_area(&outsider, world.private_alliance, &Area::default())
            .unwrap_err();
        assert!(matches!(hidden, StoreError::NotFound { .. }), "{hidden}");
        let unknown = Area {
            states: vec![iso3("ZZZ")],
            regions: Vec::new(),
        };
        let err = store.set_alliance_area(&admin, id, &unknown).unwrap_err();
        assert!(err.to_string().contains("\"ZZZ\""), "{err}");
        assert_eq!(
            store.alliance(&admin, id).unwrap().unwrap().area,
            wider,
            "unchanged"
        );
        let mut bad_new = new.clone();
        bad_new.area = unknown;
        assert!(matches!(
            store.create_alliance(&admin, &bad_new),
            Err(StoreError::Invalid { .. })
        ));
        let names: Vec<String> = store
            .alliances(&ROOT)
            .unwrap()
            .into_iter()
            .map(|a| a.name)
            .collect();
        assert_eq!(
            names.iter().filter(|n| *n == "Europe").count(),
            1,
            "the refused one is not stored"
        );
    });
}

#[test]
fn alliance_reach_counts_only_the_members_the_reader_sees() {
    on_each_backend("alliance_reach", |db| {
        let store = &db.store;
        let world = world(store);
        // The shared alliance holds apt and omct.
        let full = store
            .alliance_reach(&ROOT, world.shared_alliance)
            .unwrap()
            .unwrap();
        assert_eq!(full.members, 2, "on {}", db.backend());
        assert_eq!(full.by_sector[&Sector::TorturePrevention], 1);
        assert_eq!(full.by_sector[&Sector::Legal], 1);
        assert_eq!(full.by_sector[&Sector::Health], 1);
        assert_eq!(full.by_sector[&Sector::Women], 0);
        assert_eq!(full.by_level[&Level::International], 1);
        assert_eq!(full.by_level[&Level::Regional], 1);
        assert_eq!(full.by_level[&Level::National], 0);
        // apt: African (as a whole) and WEOG (France); omct: WEOG (Türkiye).
        assert_eq!(full.by_region[&RegionalGroup::African], 1);
        assert_eq!(full.by_region[&RegionalGroup::Weog], 2);
        assert_eq!(full.states, [iso3("FRA"), iso3("TUR")]);
        let allied = store.member_scope(world.allied_member).unwrap();
        assert_eq!(
            store
                .alliance_reach(&allied, world.shared_alliance)
                .unwrap()
                .as_ref(),
            Some(&full)
        );
        // The owner's members see omct (alliance visibility, shared alliance).
        let viewer = store.member_scope(world.viewer).unwrap();
        assert_eq!(
            store
                .alliance_reach(&viewer, world.shared_alliance)
                .unwrap(),
            Some(full)
        );
        // The public alliance holds apt only; add other, which the public
        // may not see: it is not counted for the public.
        store
            .add_alliance_member(&ROOT, world.public_alliance, world.unrelated)
            .unwrap();
        let public = store
            .alliance_reach(&AccessScope::Public, world.public_alliance)
            .unwrap()
            .unwrap();
        assert_eq!(public.members, 1);
        assert_eq!(public.states, [iso3("FRA")]);
        assert_eq!(
            public.by_region[&RegionalGroup::African],
            1,
            "apt's region, not other's state"
        );
        let root = store
            .alliance_reach(&ROOT, world.public_alliance)
            .unwrap()
            .unwrap();
        assert_eq!(
            (root.members, root.states.clone()),
            (2, vec![iso3("CIV"), iso3("FRA")])
        );
        assert_eq!(root.by_region[&RegionalGroup::African], 2);
        // A hidden alliance has no reach, as a missing one.
        let outsider = store.member_scope(world.outsider).unwrap();
        assert_eq!(
            store
                .alliance_reach(&outsider, world.private_alliance)
                .unwrap(),
            None
        );
        assert_eq!(
            store
                .alliance_reach(&outsider, entente_core::access::AllianceId(999_999))
                .unwrap(),
            None
        );
    });
}

mod import;
