use chrono::NaiveDate;

use super::*;
use crate::access::{AllianceId, OrgId, Visibility};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn event(date: NaiveDate, status: FollowUpStatus) -> FollowUpDraft {
    FollowUpDraft {
        date,
        kind: FollowUpKind::StateReply,
        status,
        note: String::new(),
    }
}

fn draft() -> RecommendationDraft {
    RecommendationDraft {
        state: "MEX".parse().unwrap(),
        body: Body::Spt,
        document_symbol: "CAT/OP/MEX/R.2".to_owned(),
        document_title: String::new(),
        document_url: Some("https://www.ohchr.org/report".to_owned()),
        document_date: Some(day(2018, 3, 1)),
        addressed_to: "Ministry of the Interior".to_owned(),
        paragraph: "57 (b)".to_owned(),
        text: "Guarantee the NPM's budget.".to_owned(),
        themes: vec![Theme::Npm],
        tags: vec!["budget".to_owned()],
        owner: OrgId(1),
        visibility: Visibility::Private,
        shared_with: Vec::new(),
        demo: false,
    }
}

#[test]
fn with_no_follow_up_a_recommendation_has_not_started() {
    assert_eq!(current_status(&[]), FollowUpStatus::NotStarted);
}

#[test]
fn the_latest_event_by_date_gives_the_status_whatever_the_order_of_entry() {
    let events = [
        event(day(2024, 5, 1), FollowUpStatus::PartlyImplemented),
        event(day(2023, 1, 1), FollowUpStatus::InProgress),
    ];
    assert_eq!(current_status(&events), FollowUpStatus::PartlyImplemented);
    let events = [
        event(day(2023, 1, 1), FollowUpStatus::InProgress),
        event(day(2024, 5, 1), FollowUpStatus::NotAccepted),
    ];
    assert_eq!(current_status(&events), FollowUpStatus::NotAccepted);
}

#[test]
fn of_two_events_on_one_day_the_one_recorded_last_counts() {
    let events = [
        event(day(2024, 5, 1), FollowUpStatus::Implemented),
        event(day(2024, 5, 1), FollowUpStatus::InProgress),
    ];
    assert_eq!(current_status(&events), FollowUpStatus::InProgress);
}

#[test]
fn implemented_and_refused_recommendations_are_closed() {
    let open: Vec<_> = FollowUpStatus::ALL
        .iter()
        .filter(|s| s.is_open())
        .map(|s| s.code())
        .collect();
    assert_eq!(open, ["not_started", "in_progress", "partly_implemented"]);
}

#[test]
fn an_open_recommendation_no_action_pushes_is_a_gap() {
    let standing = |id, status, pushing_actions| RecommendationStanding {
        id: RecommendationId(id),
        state: if id % 2 == 0 { "MEX" } else { "BRA" }.parse().unwrap(),
        body: Body::Cat,
        status,
        pushing_actions,
    };
    let all = [
        standing(1, FollowUpStatus::NotStarted, 0),
        standing(2, FollowUpStatus::InProgress, 0),
        standing(3, FollowUpStatus::InProgress, 2),
        standing(4, FollowUpStatus::Implemented, 0),
        standing(5, FollowUpStatus::NotAccepted, 0),
        standing(6, FollowUpStatus::PartlyImplemented, 0),
    ];
    let gaps: Vec<i64> = unpushed(&all).iter().map(|r| r.id.0).collect();
    assert_eq!(gaps, [1, 2, 6], "BRA first, then MEX, each by number");
}

#[test]
fn a_good_draft_passes() {
    assert_eq!(draft().validate(), Ok(()));
}

#[test]
fn every_broken_rule_names_its_field() {
    let bad = RecommendationDraft {
        document_symbol: String::new(),
        document_url: Some("javascript:alert(1)".to_owned()),
        text: "  ".to_owned(),
        tags: vec!["a,b".to_owned(), "x".to_owned(), "X".to_owned()],
        visibility: Visibility::Alliance,
        ..draft()
    };
    let fields: Vec<_> = bad
        .validate()
        .unwrap_err()
        .iter()
        .map(|e| (e.field, e.code))
        .collect();
    assert_eq!(
        fields,
        [
            ("document_symbol", "required"),
            ("document_url", "not_a_web_address"),
            ("text", "required"),
            ("tags", "invalid_tag"),
            ("tags", "duplicate"),
            ("visibility", "invalid_visibility"),
        ]
    );
    let shared = RecommendationDraft {
        visibility: Visibility::Alliance,
        shared_with: vec![AllianceId(3)],
        ..draft()
    };
    assert_eq!(shared.validate(), Ok(()));
}

#[test]
fn a_follow_up_cannot_be_dated_after_today() {
    let today = day(2026, 1, 10);
    assert_eq!(
        event(today, FollowUpStatus::InProgress).validate(today),
        Ok(())
    );
    let errors = event(day(2026, 1, 11), FollowUpStatus::InProgress)
        .validate(today)
        .unwrap_err();
    assert_eq!((errors[0].field, errors[0].code), ("date", "in_future"));
}

#[test]
fn tags_are_split_trimmed_and_lower_cased() {
    assert_eq!(split_tags(" Budget, ,NPM law "), ["budget", "npm law"]);
}

#[test]
fn every_code_reads_back_as_its_value() {
    for body in Body::ALL {
        assert_eq!(body.code().parse::<Body>(), Ok(*body));
    }
    for kind in FollowUpKind::ALL {
        assert_eq!(kind.code().parse::<FollowUpKind>(), Ok(*kind));
    }
    for theme in Theme::ALL {
        assert_eq!(theme.code().parse::<Theme>(), Ok(*theme));
    }
    assert!("ohchr".parse::<Body>().is_err());
}
