//! Notifications and the job queue: preferences, findings that are new to a
//! user once and only from what the user may read, and a queue whose jobs
//! are scheduled once, claimed by one worker, taken again when a lease runs
//! out, retried after a failure and never lost.

use std::collections::BTreeSet;
use std::sync::{Arc, Barrier};

use chrono::{NaiveDateTime, TimeDelta};
use entente_core::access::UserId;
use entente_core::notification::{Digest, Finding, FindingKind};
use entente_store::{JobKind, JobState, NotificationPreferences, StoreError};

use crate::accounts::World;
use crate::coordination::two_briefings;
use crate::fixtures::day;
use crate::support::on_each_backend;

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap()
}

const LEASE: TimeDelta = TimeDelta::minutes(5);

#[test]
fn preferences_are_saved_checked_and_list_the_subscribers() {
    on_each_backend("notification_preferences", |db| {
        let store = &db.store;
        let world = World::build(store);
        assert_eq!(store.notification_preferences(world.editor).unwrap(), None);
        let weekly_fr = NotificationPreferences {
            digest: Digest::Weekly,
            language: "fr".to_owned(),
        };
        store
            .set_notification_preferences(world.editor, &weekly_fr, at("2027-01-01 08:00:00"))
            .unwrap();
        assert_eq!(
            store.notification_preferences(world.editor).unwrap(),
            Some(weekly_fr.clone())
        );
        let wrong = NotificationPreferences {
            digest: Digest::Daily,
            language: "de".to_owned(),
        };
        let refused =
            store.set_notification_preferences(world.editor, &wrong, at("2027-01-01 09:00:00"));
        assert!(
            matches!(&refused, Err(StoreError::Invalid { what }) if what.contains("language")),
            "{refused:?}"
        );
        assert_eq!(
            store.notification_preferences(world.editor).unwrap(),
            Some(weekly_fr)
        );
        let off = NotificationPreferences {
            digest: Digest::Off,
            language: "en".to_owned(),
        };
        store
            .set_notification_preferences(world.viewer, &off, at("2027-01-01 08:00:00"))
            .unwrap();
        let subscribers: Vec<UserId> = store
            .digest_subscribers()
            .unwrap()
            .into_iter()
            .map(|s| s.user)
            .collect();
        assert_eq!(subscribers, [world.editor]);
    });
}

#[test]
fn the_worker_looks_again_once_after_each_change_or_day() {
    on_each_backend("notification_refreshes", |db| {
        let store = &db.store;
        let world = World::build(store);
        two_briefings(store, &world);
        let today = day("2027-01-01");
        let now = at("2027-01-01 06:00:00");
        let due = store.users_to_refresh(today).unwrap();
        for member in [world.viewer, world.editor, world.admin, world.outsider] {
            assert!(due.contains(&member), "{member:?} in {due:?}");
        }
        assert!(
            !due.contains(&world.site_admin),
            "a member of no organisation"
        );
        assert_eq!(
            store.notifications_refreshed_at(world.outsider).unwrap(),
            None
        );

        let new = store.refresh_if_due(world.outsider, today, now).unwrap();
        assert!(new.is_some_and(|n| n > 0), "{new:?}");
        assert_eq!(
            store.refresh_if_due(world.outsider, today, now).unwrap(),
            None,
            "the turn is taken until something changes"
        );
        assert_eq!(
            store.notifications_refreshed_at(world.outsider).unwrap(),
            Some(now)
        );
        assert!(
            !store
                .users_to_refresh(today)
                .unwrap()
                .contains(&world.outsider)
        );
        // A new day (deadlines fall due) makes the user due again.
        assert!(
            store
                .users_to_refresh(day("2027-01-02"))
                .unwrap()
                .contains(&world.outsider)
        );

        // What no page shows does not count as a change; what a page shows does.
        let weekly = NotificationPreferences {
            digest: Digest::Weekly,
            language: "en".to_owned(),
        };
        store
            .set_notification_preferences(world.outsider, &weekly, now)
            .unwrap();
        assert!(
            !store
                .users_to_refresh(today)
                .unwrap()
                .contains(&world.outsider)
        );
        store
            .create_organisation(&crate::accounts::organisation(
                "newcomer",
                entente_core::access::Visibility::Public,
            ))
            .unwrap();
        assert!(
            store
                .users_to_refresh(today)
                .unwrap()
                .contains(&world.outsider)
        );
        let later = at("2027-01-01 07:00:00");
        assert_eq!(
            store.refresh_if_due(world.outsider, today, later).unwrap(),
            Some(0),
            "looked again: nothing new"
        );
        assert_eq!(
            store.notifications_refreshed_at(world.outsider).unwrap(),
            Some(later)
        );
    });
}

#[test]
fn a_finding_is_new_once_and_only_from_what_the_user_may_read() {
    on_each_backend("notification_findings", |db| {
        let store = &db.store;
        let world = World::build(store);
        let (public, private) = two_briefings(store, &world);
        // 26 days before the public action falls due: within the window
        // a look tells of.
        let today = day("2027-01-20");
        let now = at("2027-01-20 06:00:00");
        let outsider = store.member_scope(world.outsider).unwrap();
        let editor = store.member_scope(world.editor).unwrap();

        // The outsider's organisation leads the private action: its
        // overlap with the owner's public one concerns the outsider.
        let new = store.refresh_notifications(&outsider, today, now).unwrap();
        assert!(new > 0);
        let list = store.notifications(&outsider, false, 100).unwrap();
        let keys: BTreeSet<String> = list.items.iter().map(|n| n.finding.key()).collect();
        assert!(
            keys.contains(&format!("overlap:{public}:{private}")),
            "{keys:?}"
        );
        assert_eq!(list.unread, list.items.len());
        assert_eq!(
            store.refresh_notifications(&outsider, today, now).unwrap(),
            0,
            "found again, not new again"
        );

        // The editor cannot read the private action: no overlap, but the
        // deadline of the owner's own action.
        store.refresh_notifications(&editor, today, now).unwrap();
        let list = store.notifications(&editor, false, 100).unwrap();
        assert!(
            list.items
                .iter()
                .all(|n| n.finding.kind() != FindingKind::Overlap)
        );
        assert!(
            list.items.iter().any(|n| matches!(&n.finding,
                Finding::Deadline(d) if d.action == Some(public))),
            "{:?}",
            list.items
        );
        // A finding recorded for the editor that names the private action
        // (as if the editor had lost access since) is not shown.
        let overlap = store
            .notifications(&outsider, false, 100)
            .unwrap()
            .items
            .into_iter()
            .find(|n| n.finding.kind() == FindingKind::Overlap)
            .unwrap();
        assert_eq!(
            store
                .record_findings(world.editor, std::slice::from_ref(&overlap.finding), now)
                .unwrap(),
            1
        );
        let shown = store.notifications(&editor, false, 100).unwrap();
        assert!(
            shown
                .items
                .iter()
                .all(|n| n.finding.kind() != FindingKind::Overlap)
        );

        // Read marks: one's own only.
        assert_eq!(
            store
                .mark_notifications_read(world.editor, Some(&[overlap.id]), now)
                .unwrap(),
            0
        );
        assert_eq!(
            store
                .mark_notifications_read(world.outsider, Some(&[overlap.id]), now)
                .unwrap(),
            1
        );
        let unread = store.notifications(&outsider, true, 100).unwrap();
        assert!(unread.items.iter().all(|n| n.id != overlap.id));
        assert_eq!(
            store
                .mark_notifications_read(world.outsider, None, now)
                .unwrap(),
            unread.items.len()
        );
        assert_eq!(
            store.notifications(&outsider, false, 100).unwrap().unread,
            0
        );
        // Unmailed until a digest job marks them.
        assert_eq!(
            store.unmailed_notifications(&outsider).unwrap().items.len(),
            store
                .notifications(&outsider, false, 100)
                .unwrap()
                .items
                .len()
        );
    });
}

#[test]
fn a_job_is_scheduled_once_and_claimed_by_one_worker_at_a_time() {
    on_each_backend("jobs_claim", |db| {
        let store = &db.store;
        let world = World::build(store);
        let now = at("2027-01-04 06:00:00");
        let key = "digest:1:2027-W01";
        assert!(
            store
                .schedule_job(JobKind::Digest, key, Some(world.editor), now, now)
                .unwrap()
        );
        assert!(
            !store
                .schedule_job(JobKind::Digest, key, Some(world.editor), now, now)
                .unwrap()
        );

        // Not before its time.
        assert_eq!(
            store
                .claim_job("a", now - TimeDelta::seconds(1), LEASE)
                .unwrap(),
            None
        );
        let job = store.claim_job("a", now, LEASE).unwrap().expect("a job");
        assert_eq!((job.unique_key.as_str(), job.attempts), (key, 1));
        assert_eq!(job.user, Some(world.editor));
        assert_eq!(
            store.claim_job("b", now, LEASE).unwrap(),
            None,
            "under a's lease"
        );

        // a dies: its lease runs out and b takes the job again.
        let later = now + LEASE + TimeDelta::seconds(1);
        let again = store
            .claim_job("b", later, LEASE)
            .unwrap()
            .expect("taken again");
        assert_eq!((again.id, again.attempts), (job.id, 2));
        assert!(
            !store.finish_job(job.id, "a", &[], later).unwrap(),
            "a lost it"
        );

        // b fails: the job waits for its retry with its error.
        let retry = later + TimeDelta::minutes(2);
        assert!(
            store
                .fail_job(job.id, "b", "connection refused", retry)
                .unwrap()
        );
        let failing = store.jobs(JobState::Failing, 10).unwrap();
        assert_eq!(failing.len(), 1);
        assert_eq!(failing[0].last_error.as_deref(), Some("connection refused"));
        assert_eq!(store.claim_job("c", later, LEASE).unwrap(), None);
        let third = store
            .claim_job("c", retry, LEASE)
            .unwrap()
            .expect("retried");
        assert_eq!(third.attempts, 3);
        assert!(store.finish_job(job.id, "c", &[], retry).unwrap());
        assert_eq!(
            store
                .claim_job("d", retry + TimeDelta::days(1), LEASE)
                .unwrap(),
            None
        );
        assert!(store.jobs(JobState::Pending, 10).unwrap().is_empty());
        let done = store.jobs(JobState::All, 10).unwrap();
        assert_eq!(done[0].done_at, Some(retry));
        assert_eq!(done[0].last_error, None);
        // Done jobs stay: scheduling the same key again adds nothing.
        assert!(
            !store
                .schedule_job(JobKind::Digest, key, None, retry, retry)
                .unwrap()
        );
    });
}

#[test]
fn concurrent_workers_claim_each_job_once() {
    on_each_backend("jobs_concurrent", |db| {
        let store = &db.store;
        let now = at("2027-01-04 06:00:00");
        // Two schedulers racing over the same forty keys add forty jobs.
        let barrier = Arc::new(Barrier::new(2));
        std::thread::scope(|threads| {
            for _ in 0..2 {
                let barrier = barrier.clone();
                threads.spawn(move || {
                    barrier.wait();
                    for n in 0..40 {
                        store
                            .schedule_job(JobKind::Digest, &format!("digest:{n}"), None, now, now)
                            .unwrap();
                    }
                });
            }
        });
        assert_eq!(store.jobs(JobState::Pending, 100).unwrap().len(), 40);

        let barrier = Arc::new(Barrier::new(3));
        let claimed: Vec<Vec<i64>> = std::thread::scope(|threads| {
            let workers: Vec<_> = ["w1", "w2", "w3"]
                .into_iter()
                .map(|worker| {
                    let barrier = barrier.clone();
                    threads.spawn(move || {
                        barrier.wait();
                        let mut mine = Vec::new();
                        while let Some(job) = store.claim_job(worker, now, LEASE).unwrap() {
                            assert!(store.finish_job(job.id, worker, &[], now).unwrap());
                            mine.push(job.id);
                        }
                        mine
                    })
                })
                .collect();
            workers.into_iter().map(|w| w.join().unwrap()).collect()
        });
        let all: Vec<i64> = claimed.iter().flatten().copied().collect();
        let distinct: BTreeSet<i64> = all.iter().copied().collect();
        assert_eq!((all.len(), distinct.len()), (40, 40), "{claimed:?}");
    });
}
