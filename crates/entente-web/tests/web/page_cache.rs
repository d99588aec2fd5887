//! The cache of anonymous answers: kept per address, language and
//! encoding, served again until the database's change counter moves (a
//! write through this server at once, through another within its
//! refresh), never for a signed-in reader, and revalidated with ETags.

use std::time::Duration;

use entente_core::access::{AccessScope, UserId, Visibility};
use entente_web::{CACHE_HEADER, PageCacheSettings};
use reqwest::header::{ACCEPT_ENCODING, CONTENT_ENCODING, COOKIE, ETAG, IF_NONE_MATCH};

use super::app::{Answer, TestApp};
use super::fixture;
use super::orgs::organisation;

fn cache_of(answer: &Answer) -> Option<&str> {
    answer
        .headers
        .get(CACHE_HEADER)
        .map(|v| v.to_str().unwrap())
}

/// Stores a public letter on France, as a member's write would (with its
/// audit entry), and returns its title.
fn publish_letter(app: &TestApp, title: &str) {
    let lead = organisation(app, "npm-watch", Visibility::Public);
    let site = AccessScope::SiteAdmin(UserId::NOBODY);
    app.store
        .create_action(
            &site,
            &fixture::letter(lead, title, "FRA", Visibility::Public),
        )
        .unwrap();
}

#[tokio::test]
async fn an_anonymous_answer_is_kept_until_a_write_changes_what_it_shows() {
    fixture::on_each_backend(async |app: &TestApp| {
        let first = app.get("/states/FRA").await;
        assert_eq!(first.status, 200);
        assert_eq!(cache_of(&first), Some("miss"));
        let second = app.get("/states/FRA").await;
        assert_eq!(cache_of(&second), Some("hit"));
        assert_eq!(second.body, first.body);
        assert_eq!(second.headers.get(ETAG), first.headers.get(ETAG));

        // Each language is kept apart.
        let french = app.get_in("/states/FRA", "fr-FR,fr;q=0.9").await;
        assert_eq!(cache_of(&french), Some("miss"));
        assert!(french.body.contains("lang=\"fr\""));
        assert_eq!(
            cache_of(&app.get_in("/states/FRA", "fr").await),
            Some("hit")
        );
        assert_eq!(
            cache_of(&app.get("/states/FRA?lang=fr").await),
            Some("miss")
        );

        publish_letter(app, "Letter kept out of date by no cache");
        let after = app.get("/states/FRA").await;
        assert_eq!(cache_of(&after), Some("miss"), "the write made it stale");
        assert!(after.body.contains("Letter kept out of date by no cache"));
        assert_ne!(after.headers.get(ETAG), first.headers.get(ETAG));
    })
    .await;
}

#[tokio::test]
async fn signed_in_readers_and_read_tokens_are_never_answered_from_the_cache() {
    let app = fixture::fixture_app().await;
    app.get("/states/FRA").await;
    assert_eq!(cache_of(&app.get("/states/FRA").await), Some("hit"));
    let with_cookie = app
        .browser()
        .get(app.url("/states/FRA"))
        .header(COOKIE, "entente_session=not-a-session")
        .send()
        .await
        .unwrap();
    assert!(with_cookie.headers().get(CACHE_HEADER).is_none());
    let with_token = app.get("/states/FRA?token=ent_not_a_token").await;
    assert!(cache_of(&with_token).is_none());
    let posted = app
        .browser()
        .post(app.url("/states/FRA"))
        .send()
        .await
        .unwrap();
    assert!(posted.headers().get(CACHE_HEADER).is_none());
}

#[tokio::test]
async fn a_browser_that_has_the_page_gets_304_without_a_body() {
    let app = fixture::fixture_app().await;
    let first = app.get("/treaties").await;
    let etag = first.headers.get(ETAG).expect("an ETag").clone();
    let again = app
        .browser()
        .get(app.url("/treaties"))
        .header(IF_NONE_MATCH, etag.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(again.status().as_u16(), 304);
    assert_eq!(again.headers().get(ETAG), Some(&etag));
    assert!(again.bytes().await.unwrap().is_empty());
    let other = app
        .browser()
        .get(app.url("/treaties"))
        .header(IF_NONE_MATCH, "\"0000000000000000\"")
        .send()
        .await
        .unwrap();
    assert_eq!(other.status().as_u16(), 200);
}

#[tokio::test]
async fn gzip_and_plain_answers_are_kept_apart() {
    let app = fixture::fixture_app().await;
    let client = app.browser();
    let get = |gzip: bool| {
        let mut request = client.get(app.url("/"));
        if gzip {
            request = request.header(ACCEPT_ENCODING, "gzip, br");
        }
        request.send()
    };
    for round in ["miss", "hit"] {
        let zipped = get(true).await.unwrap();
        assert_eq!(zipped.headers().get(CACHE_HEADER).unwrap(), round);
        assert_eq!(zipped.headers().get(CONTENT_ENCODING).unwrap(), "gzip");
        let bytes = zipped.bytes().await.unwrap();
        assert_eq!(&bytes[..2], &[0x1f, 0x8b], "a gzip stream");

        let plain = get(false).await.unwrap();
        assert_eq!(plain.headers().get(CACHE_HEADER).unwrap(), round);
        assert!(plain.headers().get(CONTENT_ENCODING).is_none());
        assert!(plain.text().await.unwrap().contains("<html"));
    }
}

#[tokio::test]
async fn another_server_sees_a_write_within_its_refresh() {
    fixture::on_each_backend(async |app: &TestApp| {
        let other = app
            .configured_server(|state| {
                state.with_page_cache(PageCacheSettings {
                    refresh: Some(Duration::from_millis(50)),
                    ..PageCacheSettings::default()
                })
            })
            .await;
        other.get("/states/FRA").await;
        assert_eq!(cache_of(&other.get("/states/FRA").await), Some("hit"));

        // Written by the first server's store: the second learns of it
        // from the database only.
        publish_letter(app, "Letter seen by the second server");
        let mut seen = false;
        for _ in 0..40 {
            tokio::time::sleep(Duration::from_millis(50)).await;
            let answer = other.get("/states/FRA").await;
            if answer.body.contains("Letter seen by the second server") {
                assert_eq!(cache_of(&answer), Some("miss"));
                seen = true;
                break;
            }
        }
        assert!(
            seen,
            "the second server still served the old page after 2 s"
        );
    })
    .await;
}
