//! The portal over the fixture: languages, as-of, errors, headers, filters.

use super::fixture::{self, fixture_app};

#[tokio::test]
async fn the_dashboard_renders_in_each_language() {
    fixture::on_each_backend(async |app| {
        let en = app.get("/?as_of=2026-02-03").await;
        assert_eq!(en.status, 200);
        assert!(en.body.contains(r#"<html lang="en">"#));
        assert!(en.body.contains("Party, NPM not yet designated"));
        assert!(en.body.contains(r#"<svg class="world-map""#));
        assert!(
            en.body.contains("<title>France — NPM designated</title>"),
            "map titles"
        );

        let fr = app.get("/?lang=fr&as_of=2026-02-03").await;
        assert_eq!(fr.status, 200);
        assert!(fr.body.contains(r#"<html lang="fr">"#));
        assert!(fr.body.contains("Partie, MNP pas encore désigné"));
        assert!(fr.body.contains("France"));
        assert!(fr.body.contains("Groupe des États d’Europe occidentale"));

        let es = app.get("/?lang=es&as_of=2026-02-03").await;
        assert!(es.body.contains(r#"<html lang="es">"#));
        assert!(es.body.contains("MNP designado"));
        assert!(es.body.contains("Francia"));
    })
    .await;
}

#[tokio::test]
async fn accept_language_picks_french_and_the_query_overrides_it() {
    fixture::on_each_backend(async |app| {
        let fr = app.get_in("/treaties", "fr-FR,fr;q=0.9,en;q=0.5").await;
        assert!(fr.body.contains(r#"<html lang="fr">"#));
        assert!(fr.body.contains("Traités"));
        let en = app.get_in("/treaties?lang=en", "fr").await;
        assert!(en.body.contains(r#"<html lang="en">"#));
    })
    .await;
}

#[tokio::test]
async fn the_language_switch_keeps_the_path_and_query() {
    fixture::on_each_backend(async |app| {
        let page = app
            .get("/treaties/opcat?as_of=2010-01-01&regional_group=weog")
            .await;
        assert!(
            page.body.contains(
                r#"href="/treaties/opcat?lang=fr&#38;as_of=2010-01-01&#38;regional_group=weog""#
            ),
            "{}",
            page.body
        );
    })
    .await;
}

#[tokio::test]
async fn a_state_page_shows_dates_in_the_pages_language() {
    fixture::on_each_backend(async |app| {
        let en = app.get("/states/FRA").await;
        assert_eq!(en.status, 200);
        assert!(en.body.contains("11 November 2008"));
        assert!(en.body.contains("the French Republic"));
        assert!(en.body.contains("Western European and Others Group"));
        assert!(en.body.contains("Status of OPCAT"), "sources are credited");
        let fr = app.get("/states/fra?lang=fr").await;
        assert_eq!(fr.status, 200, "codes are case-insensitive");
        assert!(fr.body.contains("11 novembre 2008"));
        assert!(fr.body.contains("Europe de l’Ouest"));
        let es = app.get("/states/FRA?lang=es").await;
        assert!(es.body.contains("11 de noviembre de 2008"));
    })
    .await;
}

#[tokio::test]
async fn the_status_is_shown_as_it_stood_on_the_day_asked_for() {
    fixture::on_each_backend(async |app| {
        let before = app.get("/states/FRA?as_of=2008-01-01").await;
        assert!(
            before.body.contains("Stage 3 of 7"),
            "a signatory in January 2008"
        );
        assert!(
            !before.body.contains("11 November 2008"),
            "the later ratification is not shown"
        );
        let after = app.get("/states/FRA?as_of=2009-01-01").await;
        assert!(after.body.contains("Stage 5 of 7"));
        assert!(after.body.contains("11 November 2008"));
    })
    .await;
}

#[tokio::test]
async fn unknown_states_and_pages_are_real_404_pages() {
    fixture::on_each_backend(async |app| {
        for path in [
            "/states/XYZ",
            "/states/not-a-code",
            "/treaties/nope",
            "/no/such/page",
        ] {
            let page = app.get(path).await;
            assert_eq!(page.status, 404, "{path}");
            assert!(
                page.body.contains("<!doctype html>"),
                "{path}: {}",
                page.body
            );
        }
        let fr = app.get("/states/XYZ?lang=fr").await;
        assert!(fr.body.contains("Aucun État n’a le code"), "{}", fr.body);
    })
    .await;
}

#[tokio::test]
async fn a_bad_as_of_is_a_422_page_naming_the_date() {
    let app = fixture_app().await;
    let page = app.get("/?as_of=2008-13-45").await;
    assert_eq!(page.status, 422);
    assert!(page.body.contains("2008-13-45"));
    assert!(page.body.contains("YYYY-MM-DD"));
}

#[tokio::test]
async fn every_answer_carries_the_security_headers() {
    let app = fixture_app().await;
    for path in [
        "/",
        "/states/XYZ",
        "/api/v1/treaties",
        "/static/entente.css",
    ] {
        let answer = app.get(path).await;
        let csp = answer.headers["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("frame-ancestors 'none'"), "{path}");
        assert!(csp.contains("default-src 'none'"), "{path}");
        assert!(!csp.contains("unsafe-inline"), "{path}");
        assert_eq!(answer.headers["referrer-policy"], "no-referrer");
        assert_eq!(answer.headers["x-content-type-options"], "nosniff");
    }
}

#[tokio::test]
async fn pages_have_no_inline_script_or_style() {
    let app = fixture_app().await;
    for path in ["/", "/states/FRA", "/treaties", "/treaties/opcat"] {
        let page = app.get(path).await;
        assert!(!page.body.contains("<script"), "{path}");
        assert!(!page.body.contains("style="), "{path}");
        assert!(!page.body.contains("<style"), "{path}");
    }
}

#[tokio::test]
async fn the_stylesheet_is_cached_for_long() {
    let app = fixture_app().await;
    let css = app.get("/static/entente.css").await;
    assert_eq!(css.status, 200);
    assert!(
        css.headers["cache-control"]
            .to_str()
            .unwrap()
            .contains("max-age=31536000")
    );
    assert!(css.body.contains("@media print"));
}

#[tokio::test]
async fn participants_filter_by_group_and_region_and_sort() {
    fixture::on_each_backend(async |app| {
        let weog = app
            .get("/treaties/opcat?regional_group=weog&as_of=2026-02-03")
            .await;
        assert!(weog.body.contains("France") && weog.body.contains("Germany"));
        assert!(!weog.body.contains(">Mexico<"));
        assert!(
            weog.body
                .contains("3 participants: 2 parties, 1 signatory."),
            "{}",
            weog.body
        );
        let americas = app.get("/treaties/opcat?region=419&sort=consent").await;
        let (mex, bra) = (
            americas.body.find(">Mexico<").unwrap(),
            americas.body.find(">Brazil<").unwrap(),
        );
        assert!(mex < bra, "Mexico ratified first");
        let bad = app.get("/treaties/opcat?regional_group=nordic").await;
        assert_eq!(bad.status, 422);
    })
    .await;
}

#[tokio::test]
async fn pages_list_treaties_in_the_uns_depositary_order() {
    fixture::on_each_backend(async |app| {
        for path in ["/treaties", "/states/FRA"] {
            let page = app.get(path).await;
            let at = |id: &str| {
                page.body
                    .find(&format!("href=\"/treaties/{id}?"))
                    .unwrap_or_else(|| panic!("{path} links {id}: {}", page.body))
            };
            let positions = ["cerd", "cat", "opcat", "ced"].map(at);
            assert!(positions.is_sorted(), "{path}: {positions:?}");
        }
    })
    .await;
}
