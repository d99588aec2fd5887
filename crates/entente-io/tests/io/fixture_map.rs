//! The world map builder on two tiny TopoJSON files written for the tests.

use entente_core::Iso3;
use entente_io::ImportErrorKind;
use entente_io::map::world_map;

use crate::common::{fixture, fixture_text};
use crate::fixture_tables::fixture_states;

fn codes<'a>(items: impl Iterator<Item = &'a Iso3>) -> Vec<&'a str> {
    items.map(Iso3::as_str).collect()
}

#[test]
fn shapes_markers_and_what_was_left_out() {
    let states = fixture_states();
    let (map, report) = world_map(
        &fixture("countries-small.json"),
        "countries-small.json",
        &fixture("countries-detailed.json"),
        "countries-detailed.json",
        &states,
    )
    .unwrap();
    assert_eq!(map.width, 1000);
    assert!(map.height > 100 && map.height < 1000, "{}", map.height);
    assert_eq!(
        codes(map.shapes.iter().map(|s| &s.iso3)),
        ["FRA", "GBR"],
        "Albania is a speck; Antarctica is left out"
    );
    let far_isles = &map.shapes[1].path;
    assert_eq!(
        far_isles.matches('M').count(),
        2,
        "cut in two at the antimeridian: {far_isles}"
    );
    assert!(map.shapes.iter().all(|s| s.path.ends_with('z')));

    assert_eq!(
        codes(map.markers.iter().map(|m| &m.iso3)),
        ["ALB", "BIH", "ZMB"]
    );
    for marker in &map.markers {
        assert!((0.0..=map.width as f32).contains(&marker.x), "{marker:?}");
        assert_eq!(
            (marker.x * 10.0).round() / 10.0,
            marker.x,
            "rounded to one decimal"
        );
    }
    let albania = &map.markers[0];
    let bosnia = &map.markers[1];
    assert!(bosnia.y < albania.y, "Bosnia is north of Albania");
    assert_eq!(codes(report.unplaced.iter()), ["AFG", "CIV", "TUR", "VAT"]);
    assert_eq!(
        report.skipped_shapes,
        [
            "Somaliland (no ISO code in the map)",
            "numeric code 999 (no state has it)"
        ]
    );
}

#[test]
fn a_damaged_map_is_an_error_not_a_panic() {
    let states = fixture_states();
    let detailed = fixture("countries-detailed.json");
    let build = |shapes: String| {
        world_map(
            shapes.as_bytes(),
            "countries-small.json",
            &detailed,
            "countries-detailed.json",
            &states,
        )
    };

    let error =
        build(fixture_text("countries-small.json").replace("\"arcs\":[[0]]", "\"arcs\":[[7]]"))
            .unwrap_err();
    assert_eq!(error.kind, ImportErrorKind::Malformed);
    assert_eq!(
        error.to_string(),
        "countries-small.json: object \"countries\": arc index 7 is out of range (the file has 5 arcs)"
    );
    let error =
        build(fixture_text("countries-small.json").replace("[19.5,41],", "[19.5],")).unwrap_err();
    assert_eq!(
        error.to_string(),
        "countries-small.json: arc 1: a point with fewer than two coordinates"
    );
    let error = build("{\"type\":\"Topology\"".to_owned()).unwrap_err();
    assert_eq!(error.kind, ImportErrorKind::Malformed);
    let error = build(fixture_text("countries-small.json").replace("\"countries\"", "\"land\""))
        .unwrap_err();
    assert_eq!(error.kind, ImportErrorKind::MissingColumn);
}
