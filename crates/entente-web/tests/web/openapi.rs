//! The OpenAPI document: served, and pinned by a snapshot.

use super::fixture::fixture_app;

#[tokio::test]
async fn the_openapi_document_is_served_and_matches_its_snapshot() {
    let app = fixture_app().await;
    let answer = app.get("/api/v1/openapi.json").await;
    assert_eq!(answer.status, 200);
    let served = answer.json();
    let generated = serde_json::to_value(entente_web::openapi_document()).unwrap();
    assert_eq!(served, generated);
    for path in [
        "/api/v1/states",
        "/api/v1/states/{iso3}",
        "/api/v1/treaties",
        "/api/v1/treaties/{id}",
        "/api/v1/treaties/{id}/participants",
        "/api/v1/treaties/opcat/stages",
        "/api/v1/me",
    ] {
        assert!(
            served["paths"][path]["get"].is_object(),
            "{path} is documented"
        );
    }
    insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_json_snapshot!("openapi", served, { ".info.version" => "[version]" });
    });
}
