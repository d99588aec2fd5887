//! The JSON API over the fixture.

use super::fixture;

#[tokio::test]
async fn a_state_has_its_status_under_each_treaty_and_its_opcat_facts() {
    fixture::on_each_backend(async |app| {
        let fra = app.get("/api/v1/states/fra?as_of=2026-02-03").await;
        assert_eq!(fra.status, 200);
        let json = fra.json();
        assert_eq!(json["iso3"], "FRA");
        assert_eq!(json["names"]["fr"], "France");
        assert_eq!(json["region"]["code"], 150);
        assert_eq!(json["regional_group"], "weog");
        assert_eq!(json["opcat"]["stage"], "npm_designated");
        assert_eq!(json["opcat"]["entry_into_force"], "2008-12-11");
        let opcat = json["treaties"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["treaty"] == "opcat")
            .unwrap();
        assert_eq!(opcat["consent"], "2008-11-11");
        assert_eq!(opcat["consent_kind"], "ratification");
        assert_eq!(
            json["events"][0]["source"]["publisher"],
            "United Nations Treaty Collection"
        );
    })
    .await;
}

#[tokio::test]
async fn as_of_hides_later_events() {
    fixture::on_each_backend(async |app| {
        let json = app.get("/api/v1/states/FRA?as_of=2008-01-01").await.json();
        assert_eq!(json["opcat"]["stage"], "signatory");
        assert!(
            json["events"]
                .as_array()
                .unwrap()
                .iter()
                .all(|e| e["date"].as_str().unwrap() <= "2008-01-01")
        );
    })
    .await;
}

#[tokio::test]
async fn errors_have_stable_codes() {
    fixture::on_each_backend(async |app| {
        let missing = app.get("/api/v1/states/XYZ").await;
        assert_eq!(missing.status, 404);
        assert_eq!(missing.json()["error"]["code"], "state_not_found");
        assert_eq!(missing.headers["content-type"], "application/json");
        let treaty = app.get("/api/v1/treaties/nope/participants").await;
        assert_eq!(
            (treaty.status, treaty.json()["error"]["code"].as_str()),
            (404, Some("treaty_not_found"))
        );
        let bad = app
            .get("/api/v1/treaties/opcat/stages?as_of=yesterday")
            .await;
        assert_eq!(bad.status, 422);
        assert_eq!(bad.json()["error"]["code"], "invalid_as_of");
        assert!(
            bad.json()["error"]["message"]
                .as_str()
                .unwrap()
                .contains("as_of")
        );
        let param = app.get("/api/v1/states?stage=halfway").await;
        assert_eq!(param.status, 422);
        assert_eq!(param.json()["error"]["code"], "invalid_parameter");
        assert!(
            param.json()["error"]["message"]
                .as_str()
                .unwrap()
                .contains("stage")
        );
        let nowhere = app.get("/api/v1/nowhere").await;
        assert_eq!(
            (nowhere.status, nowhere.json()["error"]["code"].as_str()),
            (404, Some("not_found"))
        );
    })
    .await;
}

#[tokio::test]
async fn stage_counts_follow_the_day() {
    fixture::on_each_backend(async |app| {
        let json = app
            .get("/api/v1/treaties/opcat/stages?as_of=2026-02-03")
            .await
            .json();
        assert_eq!(json["parties"], 4);
        assert_eq!(json["signatories"], 1);
        assert_eq!(json["stages"].as_array().unwrap().len(), 7);
        let early = app
            .get("/api/v1/treaties/opcat/stages?as_of=2004-01-01")
            .await
            .json();
        assert_eq!(early["parties"], 1, "only the United Kingdom");
    })
    .await;
}

#[tokio::test]
async fn states_and_participants_filter() {
    fixture::on_each_backend(async |app| {
        let weog = app
            .get("/api/v1/states?regional_group=weog&stage=signatory&as_of=2026-02-03")
            .await
            .json();
        assert_eq!(weog["count"], 1);
        assert_eq!(weog["states"][0]["iso3"], "DEU");
        let europe = app.get("/api/v1/states?region=150").await.json();
        assert_eq!(europe["count"], 4);
        let grulac = app
            .get("/api/v1/treaties/opcat/participants?regional_group=grulac&sort=consent")
            .await
            .json();
        let codes: Vec<&str> = grulac["participants"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["iso3"].as_str().unwrap())
            .collect();
        assert_eq!(codes, ["MEX", "BRA"]);
        assert_eq!(grulac["parties"], 2);
        let treaties = app.get("/api/v1/treaties?as_of=2026-02-03").await.json();
        assert_eq!(treaties["treaties"].as_array().unwrap().len(), 4);
        let cat = app.get("/api/v1/treaties/cat").await.json();
        assert_eq!(cat["parties"], 6);
    })
    .await;
}

#[tokio::test]
async fn treaties_come_in_the_uns_depositary_order() {
    fixture::on_each_backend(async |app| {
        let ids = |list: &serde_json::Value, field: &str| -> Vec<String> {
            list.as_array()
                .unwrap()
                .iter()
                .map(|t| t[field].as_str().unwrap().to_owned())
                .collect()
        };
        let un_order = ["cerd", "cat", "opcat", "ced"];
        let treaties = app.get("/api/v1/treaties").await.json();
        assert_eq!(ids(&treaties["treaties"], "id"), un_order);
        let fra = app.get("/api/v1/states/FRA").await.json();
        assert_eq!(ids(&fra["treaties"], "treaty"), un_order);
    })
    .await;
}
