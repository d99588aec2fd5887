//! Every importer answers arbitrary input with a value or an error, never a panic.

use entente_io::countries::{parse_country_codes, parse_regional_groups};
use entente_io::map::world_map;
use entente_io::untc::parse_status_page;
use entente_io::{StateMatcher, npm, ratifications};
use proptest::prelude::*;

use crate::fixture_tables::fixture_states;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn text_importers_never_panic(text in "\\PC*", csv_like in "([a-zA-Z_0-9 ,\"-]{0,12}\n){0,6}") {
        let states = fixture_states();
        let matcher = StateMatcher::new(&states);
        for input in [text.as_str(), csv_like.as_str()] {
            let bytes = input.as_bytes();
            let _ = parse_status_page(bytes, "page");
            let _ = parse_country_codes(bytes, "codes");
            let _ = parse_regional_groups(bytes, "groups");
            let _ = ratifications::parse(bytes, "ratifications", &matcher);
            let _ = npm::parse(bytes, "npm", &states, chrono::NaiveDate::MIN);
            let _ = world_map(bytes, "shapes", bytes, "positions", &states);
        }
    }

    #[test]
    fn the_map_never_panics_on_odd_topologies(arcs in proptest::collection::vec(proptest::collection::vec(proptest::collection::vec(-500.0f64..500.0, 0..3), 0..5), 0..4), index in -6i32..6) {
        let topology = serde_json::json!({
            "type": "Topology",
            "arcs": arcs,
            "objects": {"countries": {"type": "GeometryCollection", "geometries": [
                {"type": "Polygon", "arcs": [[index]], "id": "250"},
                {"type": "MultiPolygon", "arcs": [[[index]]], "id": 8}
            ]}}
        })
        .to_string();
        let states = fixture_states();
        let _ = world_map(topology.as_bytes(), "shapes", topology.as_bytes(), "positions", &states);
    }
}
