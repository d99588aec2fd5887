//! Decoding the `countries` object of a world-atlas TopoJSON file into
//! polygons in degrees, keyed by ISO 3166 numeric code, after checking the
//! file so that a damaged one is an error rather than a panic in the decoder.

use std::collections::BTreeMap;

use geojson::feature::Id;
use topojson::{Geometry, TopoJson, Topology, Value};

use super::antimeridian;
use crate::error::{ImportError, ImportErrorKind};

/// A ring of (longitude, latitude) points; the first ring of a polygon is its outline, the others holes.
pub(super) type Ring = Vec<(f64, f64)>;
pub(super) type Polygon = Vec<Ring>;

/// The country shapes of a file: by numeric code, plus the shapes left out and why.
pub(super) struct Countries {
    pub by_code: BTreeMap<u16, Vec<Polygon>>,
    pub without_code: Vec<String>,
}

pub(super) fn countries(bytes: &[u8], label: &str) -> Result<Countries, ImportError> {
    let malformed = |reason: String| ImportError::new(ImportErrorKind::Malformed, label, reason);
    let text =
        std::str::from_utf8(bytes).map_err(|e| malformed(format!("not UTF-8 text ({e})")))?;
    let topology = match text.parse::<TopoJson>() {
        Ok(TopoJson::Topology(topology)) => topology,
        Ok(TopoJson::Geometry(_)) => {
            return Err(malformed("a TopoJSON geometry, not a topology".to_owned()));
        }
        Err(e) => return Err(malformed(format!("not TopoJSON ({e})"))),
    };
    check(&topology, label)?;
    let features = topojson::to_geojson(&topology, "countries").map_err(|e| {
        ImportError::new(
            ImportErrorKind::MissingColumn,
            label,
            format!("no \"countries\" object ({e})"),
        )
    })?;
    let mut found = Countries {
        by_code: BTreeMap::new(),
        without_code: Vec::new(),
    };
    for feature in features.features {
        let name = feature
            .property("name")
            .and_then(|n| n.as_str())
            .unwrap_or("(unnamed)")
            .to_owned();
        let code = match &feature.id {
            Some(Id::String(text)) => text.parse::<u16>().ok(),
            Some(Id::Number(number)) => number.as_u64().and_then(|n| u16::try_from(n).ok()),
            None => None,
        };
        let Some(code) = code else {
            found.without_code.push(name);
            continue;
        };
        let polygons: Vec<Polygon> = match feature.geometry.map(|g| g.value) {
            Some(geojson::Value::Polygon(rings)) => antimeridian::split(&degrees(&rings)),
            Some(geojson::Value::MultiPolygon(polygons)) => polygons
                .iter()
                .flat_map(|rings| antimeridian::split(&degrees(rings)))
                .collect(),
            _ => {
                return Err(ImportError::new(
                    ImportErrorKind::Malformed,
                    label,
                    "a country that is not a polygon",
                )
                .at(format!("countries object, id {code} ({name})")));
            }
        };
        // A code may come twice (the 50m file splits Australia's id 036): one country, several parts.
        found.by_code.entry(code).or_default().extend(polygons);
    }
    Ok(found)
}

fn degrees(rings: &[Vec<Vec<f64>>]) -> Polygon {
    rings
        .iter()
        .map(|ring| ring.iter().map(|p| (p[0], p[1])).collect())
        .collect()
}

/// The decoder indexes arcs and points without checking: check first.
fn check(topology: &Topology, label: &str) -> Result<(), ImportError> {
    let error = |reason: String| ImportError::new(ImportErrorKind::Malformed, label, reason);
    for (index, arc) in topology.arcs.iter().enumerate() {
        if arc.iter().any(|point| point.len() < 2) {
            return Err(error("a point with fewer than two coordinates".to_owned())
                .at(format!("arc {index}")));
        }
    }
    for object in &topology.objects {
        check_geometry(&object.geometry, topology.arcs.len(), true)
            .map_err(|why| error(why).at(format!("object {:?}", object.name)))?;
    }
    Ok(())
}

fn check_geometry(geometry: &Geometry, arc_count: usize, top_level: bool) -> Result<(), String> {
    let in_range = |indexes: &[i32]| -> Result<(), String> {
        match indexes.iter().find(|&&i| {
            let index = if i < 0 { !i } else { i };
            usize::try_from(index).map_or(true, |index| index >= arc_count)
        }) {
            Some(bad) => Err(format!(
                "arc index {bad} is out of range (the file has {arc_count} arcs)"
            )),
            None => Ok(()),
        }
    };
    match &geometry.value {
        Value::Point(p) if p.len() < 2 => Err("a point with fewer than two coordinates".to_owned()),
        Value::MultiPoint(points) if points.iter().any(|p| p.len() < 2) => {
            Err("a point with fewer than two coordinates".to_owned())
        }
        Value::Point(_) | Value::MultiPoint(_) => Ok(()),
        Value::LineString(indexes) => in_range(indexes),
        Value::MultiLineString(lines) | Value::Polygon(lines) => {
            lines.iter().try_for_each(|l| in_range(l))
        }
        Value::MultiPolygon(polygons) => polygons.iter().flatten().try_for_each(|l| in_range(l)),
        Value::GeometryCollection(_) if !top_level => {
            Err("a geometry collection inside a geometry collection".to_owned())
        }
        Value::GeometryCollection(members) => members
            .iter()
            .try_for_each(|member| check_geometry(member, arc_count, false)),
    }
}
