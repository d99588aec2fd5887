//! Cutting polygons at the antimeridian. world-atlas stitches Natural
//! Earth's cuts back together, so Russia's and Fiji's rings jump from +180° to
//! -180°; drawn as is, they would streak across the whole map.

use super::topology::{Polygon, Ring};

/// `polygon` as one or more polygons each within [-180°, 180°] of longitude.
pub(super) fn split(polygon: &Polygon) -> Vec<Polygon> {
    let Some(reference) = polygon
        .first()
        .and_then(|outline| outline.first())
        .map(|p| p.0)
    else {
        return Vec::new();
    };
    let mut unwrapped: Vec<Ring> = Vec::with_capacity(polygon.len());
    for ring in polygon {
        match unwrap(ring, reference) {
            Some(ring) => unwrapped.push(ring),
            // A ring around a pole cannot be cut into strips; it is drawn as given.
            None => return vec![polygon.clone()],
        }
    }
    let (west, east) = unwrapped
        .iter()
        .flatten()
        .fold((f64::MAX, f64::MIN), |(w, e), p| (w.min(p.0), e.max(p.0)));
    if west >= -180.0 && east <= 180.0 {
        return vec![unwrapped];
    }
    let mut parts = Vec::new();
    for shift in [-360.0, 0.0, 360.0] {
        let (low, high) = (-180.0 - shift, 180.0 - shift);
        if east <= low || west >= high {
            continue;
        }
        let rings: Vec<Ring> = unwrapped
            .iter()
            .map(|ring| {
                clip_strip(ring, low, high)
                    .into_iter()
                    .map(|(x, y)| (x + shift, y))
                    .collect::<Ring>()
            })
            .collect();
        // The outline decides: without it, what remains of the holes is not land.
        if rings.first().is_some_and(|outline| outline.len() >= 3) {
            parts.push(rings.into_iter().filter(|ring| ring.len() >= 3).collect());
        }
    }
    parts
}

/// Longitudes made continuous (no jump over 180°), starting within 180° of
/// `reference`; `None` when the ring does not close, i.e. it circles a pole.
fn unwrap(ring: &Ring, reference: f64) -> Option<Ring> {
    let first = ring.first()?;
    let mut offset = ((reference - first.0) / 360.0).round() * 360.0;
    let mut previous = first.0;
    let mut out = Vec::with_capacity(ring.len());
    for &(lon, lat) in ring {
        let step = lon - previous;
        if step > 180.0 {
            offset -= 360.0;
        } else if step < -180.0 {
            offset += 360.0;
        }
        previous = lon;
        out.push((lon + offset, lat));
    }
    let (start, end) = (out.first()?.0, out.last()?.0);
    ((start - end).abs() < 1e-6 || ring.first() != ring.last()).then_some(out)
}

/// Sutherland-Hodgman clipping to `low <= x <= high`: a strip is convex, so
/// the result is exact for any ring, with edges along the cut where it crosses.
fn clip_strip(ring: &Ring, low: f64, high: f64) -> Ring {
    let kept = clip_half(ring, |p| p.0 >= low, low);
    clip_half(&kept, |p| p.0 <= high, high)
}

fn clip_half(ring: &Ring, inside: impl Fn(&(f64, f64)) -> bool, edge: f64) -> Ring {
    let mut out = Vec::with_capacity(ring.len() + 4);
    for (i, current) in ring.iter().enumerate() {
        let previous = &ring[(i + ring.len() - 1) % ring.len()];
        let crossing = || {
            let t = (edge - previous.0) / (current.0 - previous.0);
            (edge, previous.1 + t * (current.1 - previous.1))
        };
        match (inside(previous), inside(current)) {
            (true, true) => out.push(*current),
            (true, false) => out.push(crossing()),
            (false, true) => {
                out.push(crossing());
                out.push(*current);
            }
            (false, false) => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ring_across_the_antimeridian_becomes_two() {
        let ring: Ring = vec![
            (178.0, -16.0),
            (-178.0, -16.0),
            (-178.0, -18.0),
            (178.0, -18.0),
            (178.0, -16.0),
        ];
        let parts = split(&vec![ring]);
        assert_eq!(parts.len(), 2);
        for part in &parts {
            assert!(
                part[0].iter().all(|p| (-180.0..=180.0).contains(&p.0)),
                "{part:?}"
            );
        }
        let west: f64 = parts
            .iter()
            .flat_map(|p| p[0].iter())
            .map(|p| p.0)
            .fold(f64::MAX, f64::min);
        assert_eq!(west, -180.0);
    }

    #[test]
    fn a_ring_on_one_side_is_kept_whole() {
        let ring: Ring = vec![(10.0, 10.0), (20.0, 10.0), (20.0, 20.0), (10.0, 10.0)];
        assert_eq!(split(&vec![ring.clone()]), vec![vec![ring]]);
    }
}
