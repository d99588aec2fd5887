//! Action lists and search at scale keep their answers: a date range
//! selects what the dates say on every combination of missing dates
//! (whatever bound the store adds to read less), totals past
//! [`PageRequest::COUNTED`] (or [`SearchPage::RANKED`]) say "more than"
//! rather than a wrong number, and a search that stops counting still
//! ranks a title match first.

use chrono::NaiveDate;
use entente_core::access::{AccessScope, UserId, Visibility};
use entente_core::plan::{ActionDraft, ActionId};
use entente_store::{ActionFilter, PageRequest, SearchPage};

use crate::actions::{draft, record, setup};
use crate::fixtures::{day, iso3};
use crate::support::on_each_backend;

const ROOT: AccessScope = AccessScope::SiteAdmin(UserId(0));

/// The range's meaning, as [`ActionFilter`] documents it: an action lasts
/// from its start (or else due date) to its end (or else start, or else
/// due date).
fn in_range(action: &ActionDraft, from: Option<NaiveDate>, to: Option<NaiveDate>) -> bool {
    let first = action.start.or(action.due);
    let last = action.end.or(action.start).or(action.due);
    let reaches = from.is_none_or(|from| last.is_some_and(|l| l >= from));
    let begins = to.is_none_or(|to| first.is_some_and(|f| f <= to));
    reaches && begins
}

#[test]
fn date_ranges_select_what_the_dates_say_on_every_combination_of_missing_dates() {
    on_each_backend("action_ranges", |db| {
        let store = &db.store;
        let world = setup(store);
        let editor = store.member_scope(world.editor).unwrap();
        let starts = [None, Some(day("2026-01-01")), Some(day("2027-03-01"))];
        // A long one (a year and more) and an end before a due date with
        // no start: the longest span and a negative one.
        let ends = [None, Some(day("2027-03-10")), Some(day("2028-06-30"))];
        let dues = [None, Some(day("2027-02-15")), Some(day("2027-04-20"))];
        let mut stored: Vec<(ActionId, ActionDraft)> = Vec::new();
        for start in starts {
            for end in ends {
                for due in dues {
                    let action = ActionDraft {
                        start,
                        end,
                        due,
                        visibility: Visibility::Public,
                        ..draft(world.owner, &format!("{start:?} {end:?} {due:?}"))
                    };
                    let id = store.create_action(&editor, &action).unwrap();
                    stored.push((id, action));
                }
            }
        }
        let days = [
            None,
            Some(day("2025-06-01")),
            Some(day("2026-01-01")),
            Some(day("2027-02-20")),
            Some(day("2027-03-05")),
            Some(day("2027-03-15")),
            Some(day("2027-05-01")),
            Some(day("2028-06-30")),
            Some(day("2029-01-01")),
        ];
        for from in days {
            for to in days {
                let mut expected: Vec<&(ActionId, ActionDraft)> = stored
                    .iter()
                    .filter(|(_, a)| in_range(a, from, to))
                    .collect();
                expected.sort_by_key(|(id, a)| {
                    let first = a.start.or(a.due);
                    (first.is_none(), first, *id)
                });
                let expected: Vec<ActionId> = expected.iter().map(|(id, _)| *id).collect();
                let filter = ActionFilter {
                    from,
                    to,
                    ..ActionFilter::default()
                };
                for scope in [&ROOT, &editor, &AccessScope::Public] {
                    let page = store
                        .list_actions(scope, &filter, PageRequest::default())
                        .unwrap();
                    let found: Vec<ActionId> = page.actions.iter().map(|a| a.id).collect();
                    assert_eq!(found, expected, "from {from:?} to {to:?}");
                    assert_eq!(
                        (page.total, page.total_is_lower_bound),
                        (expected.len() as u64, false),
                        "from {from:?} to {to:?}"
                    );
                }
                // Page by page, across the dated part and the undated one:
                // the same order, whether the page is found among the
                // counted ids or, with a state (a part table) on
                // PostgreSQL, cut from the counted matches sorted by their
                // dates.
                let of_state = ActionFilter {
                    states: vec![iso3("TUR")],
                    ..filter.clone()
                };
                for filter in [&filter, &of_state] {
                    let mut paged = Vec::new();
                    for offset in (0..expected.len() + 4).step_by(4) {
                        let request = PageRequest {
                            limit: 4,
                            offset: offset as u64,
                        };
                        let page = store.list_actions(&editor, filter, request).unwrap();
                        assert_eq!(page.total, expected.len() as u64, "offset {offset}");
                        paged.extend(page.actions.iter().map(|a| a.id));
                    }
                    assert_eq!(paged, expected, "{filter:?}, by pages of 4");
                }
            }
        }
    });
}

#[test]
fn totals_past_the_counted_limit_say_more_than() {
    on_each_backend("action_totals", |db| {
        let store = &db.store;
        let world = setup(store);
        let editor = store.member_scope(world.editor).unwrap();
        // The oldest entry of all, with the words in its title: a search
        // that stops counting still ranks it first.
        let titled = store
            .create_action(
                &editor,
                &ActionDraft {
                    visibility: Visibility::Public,
                    ..draft(world.owner, "Justice committee hearing")
                },
            )
            .unwrap();
        let many = usize::try_from(PageRequest::COUNTED).unwrap() + 5;
        let records: Vec<_> = (0..many)
            .map(|n| {
                let mut r = record(n + 2, &format!("imported {n}"));
                r.visibility = Visibility::Public;
                r
            })
            .collect();
        store
            .import_actions(&editor, world.owner, &records, |_| {})
            .unwrap();
        let all = ActionFilter::default();
        let first = store
            .list_actions(&AccessScope::Public, &all, PageRequest::default())
            .unwrap();
        assert_eq!(
            (first.total, first.total_is_lower_bound, first.actions.len()),
            (PageRequest::COUNTED, true, 50)
        );
        // Near the end, the count reaches the end of the page: exact again.
        let last = PageRequest {
            limit: 50,
            offset: PageRequest::COUNTED,
        };
        let page = store.list_actions(&editor, &all, last).unwrap();
        assert_eq!(
            (page.total, page.total_is_lower_bound, page.actions.len()),
            (many as u64 + 1, false, 6)
        );
        // A page that ends past the cap counts one beyond it.
        let deep = PageRequest {
            limit: 10,
            offset: PageRequest::COUNTED - 8,
        };
        let page = store.list_actions(&editor, &all, deep).unwrap();
        assert_eq!(
            (page.total, page.total_is_lower_bound),
            (PageRequest::COUNTED + 2, true)
        );
        let everything = store.list_actions(&ROOT, &all, PageRequest::ALL).unwrap();
        assert_eq!(
            (everything.total, everything.total_is_lower_bound),
            (many as u64 + 1, false)
        );
        for title in ["later", "later still"] {
            let later = ActionDraft {
                start: Some(day("2030-01-01")),
                end: None,
                ..draft(world.owner, title)
            };
            store.create_action(&editor, &later).unwrap();
        }
        let later = ActionFilter {
            from: Some(day("2029-12-01")),
            ..all.clone()
        };
        let few = store
            .list_actions(&editor, &later, PageRequest::default())
            .unwrap();
        assert_eq!((few.total, few.total_is_lower_bound), (2, false));

        let found = store
            .search(
                &AccessScope::Public,
                "justice committee",
                &[],
                PageRequest::default(),
            )
            .unwrap();
        assert_eq!(
            (found.total, found.total_is_lower_bound, found.hits.len()),
            (SearchPage::RANKED, true, 50)
        );
        assert_eq!(found.hits[0].id, titled.0, "{:?}", found.hits[0]);
        let found = store
            .search(&editor, "later", &[], PageRequest::default())
            .unwrap();
        assert_eq!((found.total, found.total_is_lower_bound), (2, false));
    });
}
