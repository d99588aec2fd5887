//! The coordination board at `/board` over HTTP on each backend: an
//! overlap, a gap and a deadline on hand-built data, nothing of a private
//! action for the anonymous public, filters that narrow, and partner
//! suggestions for a signed-in member's organisation.

use entente_core::access::{AccessScope, OrgId, OrgKind, Role, UserId, Visibility};
use entente_core::plan::{ActionDraft, Level};
use entente_store::{NewOrganisation, OrganisationProfile};

use super::account::{PASSWORD, signed_in};
use super::app::{Answer, TestApp};
use super::fixture::{self, day};
use super::orgs::organisation;

const AS_OF: &str = "as_of=2026-11-01";

/// Two public organisations (one national, "npm-watch" with a member Ana;
/// one international) and a private one, "quiet", with their letters on
/// France and reports due on Mexico.
fn plant(app: &TestApp) {
    let watch = organisation(app, "npm-watch", Visibility::Public);
    member(app, "ana@example.org", watch);
    let international = app
        .store
        .create_organisation(&NewOrganisation {
            short_name: "rights-now".into(),
            name: "Rights Now".into(),
            kind: OrgKind::InternationalNgo,
            website: None,
            description: None,
            visibility: Visibility::Public,
            profile: OrganisationProfile {
                level: Level::International,
                ..OrganisationProfile::default()
            },
        })
        .unwrap();
    let quiet = organisation(app, "quiet", Visibility::Private);
    let site = AccessScope::SiteAdmin(UserId::NOBODY);
    let store = |draft: ActionDraft| app.store.create_action(&site, &draft).unwrap();
    store(fixture::letter(
        watch,
        "Letter of npm-watch",
        "FRA",
        Visibility::Public,
    ));
    store(fixture::letter(
        international,
        "Letter of rights-now",
        "FRA",
        Visibility::Public,
    ));
    store(fixture::letter(
        quiet,
        "Secret letter of quiet",
        "FRA",
        Visibility::Private,
    ));
    let mut due = fixture::letter(watch, "Report on Mexico", "MEX", Visibility::Public);
    due.due = Some(day("2026-10-15"));
    store(due);
    let mut hidden = fixture::letter(quiet, "Secret report on Mexico", "MEX", Visibility::Private);
    hidden.due = Some(day("2026-12-20"));
    store(hidden);
}

/// Ana, an editor of `org`, who signs in with the accounts' password.
fn member(app: &TestApp, email: &str, org: OrgId) {
    let user = app.store.create_user(email, "Ana").unwrap();
    let hash = entente_auth::password::hash(PASSWORD).unwrap();
    app.store.set_password_hash(user, &hash).unwrap();
    let admin = AccessScope::SiteAdmin(user);
    app.store
        .add_membership(&admin, user, org, Role::Editor)
        .unwrap();
}

async fn page(app: &TestApp, path: &str) -> String {
    let answer = app.get(path).await;
    assert_eq!(answer.status, 200, "{path}: {}", answer.body);
    answer.body
}

/// The text of the section whose heading has `id`.
fn section<'a>(body: &'a str, id: &str) -> &'a str {
    let start = body
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no {id} in {body}"));
    let rest = &body[start..];
    &rest[..rest.find("</section>").unwrap_or(rest.len())]
}

#[tokio::test]
async fn the_board_shows_an_overlap_a_gap_and_a_deadline() {
    fixture::on_each_backend(async |app| {
        plant(app);
        let body = page(app, &format!("/board?{AS_OF}&lang=en")).await;
        let overlaps = section(&body, "overlaps-heading");
        assert!(overlaps.contains("Letter of npm-watch"), "{overlaps}");
        assert!(overlaps.contains("Letter of rights-now"), "{overlaps}");
        assert!(overlaps.contains("A joint action"), "{overlaps}");
        assert!(overlaps.contains("Organisation npm-watch"), "{overlaps}");
        let gaps = section(&body, "gaps-heading");
        assert!(gaps.contains("class=\"world-map\""), "{gaps}");
        assert!(gaps.contains("class=\"gap-high\""), "{gaps}");
        assert!(gaps.contains("Its NPM is overdue under Art. 17"), "{gaps}");
        assert!(gaps.contains(">Mexico</a>"), "{gaps}");
        let deadlines = section(&body, "deadlines-heading");
        assert!(deadlines.contains("Report on Mexico"), "{deadlines}");
        assert!(deadlines.contains("datetime=\"2026-10-15\""), "{deadlines}");
        assert!(deadlines.contains("Overdue:"), "{deadlines}");
        assert!(
            deadlines.contains("NPM to designate (Art. 17)"),
            "{deadlines}"
        );

        let french = page(app, &format!("/board?{AS_OF}&lang=fr")).await;
        assert!(french.contains("Une action commune"), "{french}");
        assert!(french.contains("En retard\u{202f}:"), "{french}");
        let spanish = page(app, &format!("/board?{AS_OF}&lang=es")).await;
        assert!(spanish.contains("Una acción conjunta"), "{spanish}");
    })
    .await;
}

#[tokio::test]
async fn the_anonymous_public_sees_nothing_of_a_private_action() {
    fixture::on_each_backend(async |app| {
        plant(app);
        let public = page(app, &format!("/board?{AS_OF}")).await;
        assert!(!public.contains("Secret"), "{public}");
        assert!(!public.contains("quiet"), "{public}");
        // A member of npm-watch sees the public actions, and never quiet's.
        let ana = signed_in(app, "ana@example.org").await;
        let answer = Answer::from(
            ana.get(app.url(&format!("/board?{AS_OF}&lang=en")))
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(answer.status, 200, "{}", answer.body);
        assert!(answer.body.contains("Letter of rights-now"));
        assert!(!answer.body.contains("Secret"), "{}", answer.body);
    })
    .await;
}

#[tokio::test]
async fn filters_narrow_the_board() {
    fixture::on_each_backend(async |app| {
        plant(app);
        let mexico = page(app, &format!("/board?{AS_OF}&lang=en&state=MEX")).await;
        let overlaps = section(&mexico, "overlaps-heading");
        assert!(overlaps.contains("No overlapping actions."), "{overlaps}");
        let gaps = section(&mexico, "gaps-heading");
        assert!(
            gaps.contains(">Mexico</a>") && !gaps.contains(">France</a>"),
            "{gaps}"
        );
        assert!(section(&mexico, "deadlines-heading").contains("Report on Mexico"));
        assert!(
            mexico.contains("<option value=\"MEX\" selected>"),
            "{mexico}"
        );

        let implementation =
            page(app, &format!("/board?{AS_OF}&lang=en&phase=implementation")).await;
        let overlaps = section(&implementation, "overlaps-heading");
        assert!(overlaps.contains("No overlapping actions."), "{overlaps}");
        assert!(!implementation.contains("Report on Mexico"));

        for (path, name) in [
            ("/board?state=atlantis", "state"),
            ("/board?region=europe", "region"),
            ("/board?alliance=999", "alliance"),
            ("/board?partner_org=quiet&partner_state=FRA", "partner_org"),
        ] {
            let answer = app.get(path).await;
            assert_eq!(answer.status, 422, "{path}: {}", answer.body);
            assert!(answer.body.contains(name), "{path}: {}", answer.body);
        }
    })
    .await;
}

#[tokio::test]
async fn a_member_is_offered_partners_for_its_organisation_with_reasons() {
    fixture::on_each_backend(async |app| {
        plant(app);
        let public = page(app, "/board?lang=en").await;
        assert!(!public.contains("partners-heading"), "{public}");
        let ana = signed_in(app, "ana@example.org").await;
        let path = "/board?lang=en&partner_org=npm-watch&partner_state=FRA";
        let answer = Answer::from(ana.get(app.url(path)).send().await.unwrap()).await;
        assert_eq!(answer.status, 200, "{}", answer.body);
        let partners = section(&answer.body, "partners-heading");
        assert!(partners.contains("Rights Now"), "{partners}");
        assert!(partners.contains("Has one open action there"), "{partners}");
        assert!(
            partners.contains("Works at another level: International"),
            "{partners}"
        );
        assert!(!partners.contains("quiet"), "{partners}");
    })
    .await;
}
