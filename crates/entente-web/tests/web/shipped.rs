//! Facts of the shipped dataset, checked through the portal and the API on
//! each backend.

use entente_store::ReferenceData;

use super::app::{self, TestApp};

/// Runs `test` against the app over the dataset the binary ships with, on
/// each available backend.
async fn on_each_backend(test: impl AsyncFn(&TestApp)) {
    let dataset = entente_io::dataset::shipped().expect("the shipped dataset parses");
    assert!(!dataset.events.is_empty(), "the shipped dataset has events");
    let data = ReferenceData {
        states: &dataset.states,
        treaties: &dataset.treaties,
        sources: &dataset.sources,
        events: &dataset.events,
        map: &dataset.map,
        as_of: dataset.as_of,
    };
    app::on_each_backend(data, test).await;
}

#[tokio::test]
async fn opcat_had_96_parties_on_3_february_2026() {
    on_each_backend(async |app| {
        let json = app
            .get("/api/v1/treaties/opcat/stages?as_of=2026-02-03")
            .await
            .json();
        assert_eq!(json["parties"], 96, "{json}");
    })
    .await;
}

#[tokio::test]
async fn france_ratified_on_11_november_2008() {
    on_each_backend(async |app| {
        let en = app.get("/states/FRA?as_of=2026-02-03").await;
        assert!(en.body.contains("11 November 2008"));
        let fr = app.get("/states/FRA?lang=fr&as_of=2026-02-03").await;
        assert!(fr.body.contains("11 novembre 2008"));
        let before = app.get("/api/v1/states/FRA?as_of=2008-01-01").await.json();
        assert_eq!(before["opcat"]["stage"], "signatory");
    })
    .await;
}

#[tokio::test]
async fn the_dashboard_renders_the_whole_world_in_french() {
    on_each_backend(async |app| {
        let fr = app.get("/?lang=fr&as_of=2026-02-03").await;
        assert_eq!(fr.status, 200);
        assert!(fr.body.contains("France"));
        assert!(fr.body.contains("Signataire"));
        let weog = app
            .get("/api/v1/treaties/opcat/participants?regional_group=weog&as_of=2026-02-03")
            .await
            .json();
        assert!(weog["parties"].as_u64().unwrap() > 20, "{weog}");
    })
    .await;
}
