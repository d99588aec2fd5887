//! The world map of the portal: country shapes from the 110m world-atlas
//! TopoJSON, projected once (Equal Earth) into SVG path data, plus a marker
//! for every state too small to see, placed from the more detailed 50m file.

mod antimeridian;
mod path;
mod projection;
mod topology;

use std::collections::BTreeMap;
use std::fmt;

use entente_core::{Iso3, MapMarker, MapShape, State, WorldMap};

use crate::error::ImportError;
use path::{Frame, Projected};
pub use projection::equal_earth;

/// Width of the map's viewBox; the height follows from the projection.
pub const WIDTH: u32 = 1000;
/// A state whose shape covers less than this many square units of the viewBox
/// (about 40 km on a side each) is hard to see or click, so it gets a marker too.
pub const TINY_AREA: f64 = 4.0;
/// Antarctica is no state and only takes room at the bottom of the map.
const LEFT_OUT: &str = "ATA";

/// What building the map left out.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MapReport {
    /// Shapes with no ISO numeric code, or one no state has, by name.
    pub skipped_shapes: Vec<String>,
    /// States that have neither a usable shape nor a position in the detailed file.
    pub unplaced: Vec<Iso3>,
}

impl fmt::Display for MapReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unplaced: Vec<&str> = self.unplaced.iter().map(Iso3::as_str).collect();
        write!(
            f,
            "shapes left out: {}; states not on the map: {}",
            none_if_empty(&self.skipped_shapes.join(", ")),
            none_if_empty(&unplaced.join(", "))
        )
    }
}

fn none_if_empty(text: &str) -> &str {
    if text.is_empty() { "none" } else { text }
}

/// Builds the map of `states` from the bytes of `countries-110m.json` (shapes)
/// and `countries-50m.json` (positions of small states).
pub fn world_map(
    shapes: &[u8],
    shapes_label: &str,
    positions: &[u8],
    positions_label: &str,
    states: &[State],
) -> Result<(WorldMap, MapReport), ImportError> {
    let by_code: BTreeMap<u16, Iso3> = states.iter().map(|s| (s.m49, s.iso3)).collect();
    let mut report = MapReport::default();
    let (coarse, skipped) = keyed(topology::countries(shapes, shapes_label)?, &by_code);
    report.skipped_shapes = skipped;
    // Shapes of the detailed file serve only to place markers: the ones left out there do not show.
    let (detailed, _) = keyed(topology::countries(positions, positions_label)?, &by_code);
    let projected: Vec<(Iso3, Projected)> = coarse
        .into_iter()
        .map(|(iso3, polygons)| (iso3, Projected::new(&polygons)))
        .collect();
    let frame = Frame::fitting(projected.iter().map(|(_, p)| p), WIDTH);

    let mut map = WorldMap {
        width: WIDTH,
        height: frame.height(),
        shapes: Vec::new(),
        markers: Vec::new(),
    };
    let mut visible: Vec<Iso3> = Vec::new();
    for (iso3, shape) in &projected {
        let path = frame.path(shape);
        if path.is_empty() {
            continue;
        }
        if frame.area(shape) >= TINY_AREA {
            visible.push(*iso3);
        }
        map.shapes.push(MapShape { iso3: *iso3, path });
    }
    for state in states {
        if state.iso3.as_str() == LEFT_OUT || visible.contains(&state.iso3) {
            continue;
        }
        let centre = detailed
            .get(&state.iso3)
            .and_then(|polygons| Projected::new(polygons).centre_of_largest_part());
        match centre {
            Some(point) => {
                let (x, y) = frame.point(point);
                map.markers.push(MapMarker {
                    iso3: state.iso3,
                    x,
                    y,
                });
            }
            None => report.unplaced.push(state.iso3),
        }
    }
    Ok((map, report))
}

/// The shapes of a file by ISO alpha-3 code, Antarctica left out, and the
/// shapes of no known state.
fn keyed(
    countries: topology::Countries,
    by_code: &BTreeMap<u16, Iso3>,
) -> (BTreeMap<Iso3, Vec<topology::Polygon>>, Vec<String>) {
    let mut skipped: Vec<String> = countries
        .without_code
        .into_iter()
        .map(|name| format!("{name} (no ISO code in the map)"))
        .collect();
    let mut keyed = BTreeMap::new();
    for (code, polygons) in countries.by_code {
        match by_code.get(&code) {
            Some(iso3) if iso3.as_str() == LEFT_OUT => {}
            Some(iso3) => {
                keyed.insert(*iso3, polygons);
            }
            None => skipped.push(format!("numeric code {code:03} (no state has it)")),
        }
    }
    (keyed, skipped)
}
