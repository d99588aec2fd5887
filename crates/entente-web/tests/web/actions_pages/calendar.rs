//! The month calendar: each action on the days it spans or its due day.

use entente_core::access::{AccessScope, Visibility};
use entente_core::plan::ActionDraft;

use super::{draft, get, signed_in, world};
use crate::fixture;
use crate::fixture::day;

#[tokio::test]
async fn the_calendar_shows_each_action_on_its_days() {
    fixture::on_each_backend(async |app| {
        let w = world(app);
        let march = app.get("/actions/calendar?month=2026-03").await;
        assert_eq!(march.status, 200);
        assert!(
            march
                .body
                .contains(r#"<caption class="visually-hidden">Actions in March 2026</caption>"#)
        );
        assert_eq!(
            march
                .body
                .matches("Meeting the Justice Minister</a>")
                .count(),
            3,
            "10, 11 and 12 March"
        );
        assert!(
            !march.body.contains("Inner strategy session"),
            "private to the public"
        );
        assert!(
            march.body.contains("Monday 9 March 2026"),
            "weeks start on Monday"
        );
        assert!(march.body.contains("month=2026-02") && march.body.contains("month=2026-04"));
        let first_cell = march.body.split("<tbody>").nth(1).unwrap();
        assert!(
            first_cell.contains("Monday 23 February 2026"),
            "the grid opens on the Monday before the 1st"
        );

        let eve = signed_in(app, "eve@example.org").await;
        let own = get(app, &eve, "/actions/calendar?month=2026-03").await;
        assert_eq!(
            own.body.matches("Inner strategy session</a>").count(),
            1,
            "its start day only"
        );
        let april = get(app, &eve, "/actions/calendar?month=2026-04&state=MEX").await;
        assert_eq!(
            april
                .body
                .matches("Letter to the Senate</a> <span class=\"due-mark\">(due)</span>")
                .count(),
            1
        );
        let filtered = get(app, &eve, "/actions/calendar?month=2026-04&state=FRA").await;
        assert!(!filtered.body.contains("Letter to the Senate"));
        assert!(
            filtered
                .body
                .contains(r#"<input type="hidden" name="month" value="2026-04">"#),
            "the filters keep the month"
        );
        let french = app.get("/actions/calendar?month=2026-03&lang=fr").await;
        assert!(french.body.contains("Actions de mars 2026"));
        assert!(french.body.contains("lundi 9 mars 2026"));
        for bad in ["month=2026-13", "month=march", "month=2026-03&state=XXX"] {
            assert_eq!(
                app.get(&format!("/actions/calendar?{bad}")).await.status,
                422,
                "{bad}"
            );
        }
        let _ = w;
    })
    .await;
}

#[tokio::test]
async fn a_crowded_month_shows_five_hundred_actions_and_says_so() {
    fixture::on_each_backend(async |app| {
        let w = world(app);
        let admin = AccessScope::SiteAdmin(w.eve);
        for n in 0..501 {
            let d = ActionDraft {
                due: Some(day("2026-05-04")),
                ..draft(
                    &format!("Crowded {n:03}"),
                    w.watch,
                    "DEU",
                    Visibility::Public,
                )
            };
            app.store.create_action(&admin, &d).unwrap();
        }
        let may = app.get("/actions/calendar?month=2026-05").await;
        assert_eq!(may.status, 200);
        assert_eq!(may.body.matches("Crowded ").count(), 500);
        assert!(
            may.body
                .contains("The first 500 of the 501 actions of this month that you can see")
        );
        let narrowed = app.get("/actions/calendar?month=2026-05&state=FRA").await;
        assert!(
            !narrowed.body.contains("The first"),
            "no notice when all are shown"
        );
    })
    .await;
}
