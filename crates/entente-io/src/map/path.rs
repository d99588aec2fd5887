//! From projected polygons to the map's coordinates: the frame that fits the
//! world into the viewBox, SVG path data in tenths of a unit, areas and centres.

use super::projection::equal_earth;
use super::topology::Polygon;

/// A country's polygons on the unit Equal Earth plane (north up).
pub(super) struct Projected {
    polygons: Vec<Vec<Vec<(f64, f64)>>>,
}

impl Projected {
    pub(super) fn new(polygons: &[Polygon]) -> Self {
        Projected {
            polygons: polygons
                .iter()
                .map(|rings| {
                    rings
                        .iter()
                        .map(|ring| {
                            ring.iter()
                                .map(|&(lon, lat)| equal_earth(lon, lat))
                                .collect()
                        })
                        .collect()
                })
                .collect(),
        }
    }

    fn points(&self) -> impl Iterator<Item = (f64, f64)> + '_ {
        self.polygons.iter().flatten().flatten().copied()
    }

    /// The area centroid of the country's largest polygon: for an archipelago
    /// spread across the antimeridian (Kiribati) the centroid of all its parts
    /// would fall in open sea on the other side of the map.
    pub(super) fn centre_of_largest_part(&self) -> Option<(f64, f64)> {
        self.polygons
            .iter()
            .filter_map(|rings| rings.first())
            .filter_map(|outline| centroid(outline).map(|c| (ring_area(outline).abs(), c)))
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, centre)| centre)
    }
}

/// Signed area by the shoelace formula.
fn ring_area(ring: &[(f64, f64)]) -> f64 {
    ring.iter()
        .zip(ring.iter().cycle().skip(1))
        .map(|(a, b)| a.0 * b.1 - b.0 * a.1)
        .sum::<f64>()
        / 2.0
}

fn centroid(ring: &[(f64, f64)]) -> Option<(f64, f64)> {
    let area = ring_area(ring);
    if area.abs() < 1e-12 {
        // A degenerate ring (a rock at map scale): the mean of its points.
        let count = ring.len() as f64;
        return (!ring.is_empty()).then(|| {
            let (sx, sy) = ring.iter().fold((0.0, 0.0), |s, p| (s.0 + p.0, s.1 + p.1));
            (sx / count, sy / count)
        });
    }
    let (cx, cy) =
        ring.iter()
            .zip(ring.iter().cycle().skip(1))
            .fold((0.0, 0.0), |(cx, cy), (a, b)| {
                let cross = a.0 * b.1 - b.0 * a.1;
                (cx + (a.0 + b.0) * cross, cy + (a.1 + b.1) * cross)
            });
    Some((cx / (6.0 * area), cy / (6.0 * area)))
}

/// Scales the unit plane into a viewBox `width` wide, y pointing down.
pub(super) struct Frame {
    min_x: f64,
    max_y: f64,
    scale: f64,
    height: u32,
}

impl Frame {
    /// The frame that fits all `shapes` edge to edge.
    pub(super) fn fitting<'a>(shapes: impl Iterator<Item = &'a Projected>, width: u32) -> Frame {
        let (mut min_x, mut max_x, mut min_y, mut max_y) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
        for (x, y) in shapes.flat_map(Projected::points) {
            min_x = min_x.min(x);
            max_x = max_x.max(x);
            min_y = min_y.min(y);
            max_y = max_y.max(y);
        }
        if min_x > max_x {
            // No shapes: the whole projected world.
            (min_x, max_x, min_y, max_y) = (-2.7066, 2.7066, -1.3173, 1.3173);
        }
        let scale = f64::from(width) / (max_x - min_x);
        let height = ((max_y - min_y) * scale).ceil();
        Frame {
            min_x,
            max_y,
            scale,
            // At most the whole world's aspect, far below u32::MAX.
            height: height.clamp(1.0, f64::from(u32::MAX)) as u32,
        }
    }

    pub(super) fn height(&self) -> u32 {
        self.height
    }

    /// A point in tenths of a viewBox unit, the precision the map keeps.
    fn tenths(&self, (x, y): (f64, f64)) -> (i64, i64) {
        let x = ((x - self.min_x) * self.scale * 10.0).round();
        let y = ((self.max_y - y) * self.scale * 10.0).round();
        (x as i64, y as i64)
    }

    /// A point in viewBox units, rounded to one decimal.
    pub(super) fn point(&self, point: (f64, f64)) -> (f32, f32) {
        let (x, y) = self.tenths(point);
        ((x as f32) / 10.0, (y as f32) / 10.0)
    }

    /// The rings of `shape` as they will be drawn: in tenths, consecutive
    /// duplicates and the closing point dropped, rings of under three points dropped.
    fn rings(&self, shape: &Projected) -> Vec<Vec<Vec<(i64, i64)>>> {
        shape
            .polygons
            .iter()
            .map(|rings| {
                rings
                    .iter()
                    .map(|ring| {
                        let mut points: Vec<(i64, i64)> =
                            ring.iter().map(|&p| self.tenths(p)).collect();
                        points.dedup();
                        if points.len() > 1 && points.first() == points.last() {
                            points.pop();
                        }
                        points
                    })
                    .filter(|ring| ring.len() >= 3)
                    .collect::<Vec<_>>()
            })
            .filter(|rings| !rings.is_empty())
            .collect()
    }

    /// SVG path data: an absolute move to each ring's start, then relative lines, closed.
    pub(super) fn path(&self, shape: &Projected) -> String {
        let mut path = String::new();
        for ring in self.rings(shape).iter().flatten() {
            let (mut x, mut y) = ring[0];
            path.push('M');
            push_pair(&mut path, x, y);
            path.push('l');
            for (i, &(nx, ny)) in ring.iter().enumerate().skip(1) {
                if i > 1 && nx - x >= 0 {
                    path.push(' ');
                }
                push_pair(&mut path, nx - x, ny - y);
                (x, y) = (nx, ny);
            }
            path.push('z');
        }
        path
    }

    /// The drawn area in square viewBox units: outlines minus holes.
    pub(super) fn area(&self, shape: &Projected) -> f64 {
        let area = |ring: &Vec<(i64, i64)>| {
            let points: Vec<(f64, f64)> = ring
                .iter()
                .map(|&(x, y)| (x as f64 / 10.0, y as f64 / 10.0))
                .collect();
            ring_area(&points).abs()
        };
        self.rings(shape)
            .iter()
            .map(|rings| {
                let (outline, holes) = rings.split_first().map_or((0.0, 0.0), |(first, rest)| {
                    (area(first), rest.iter().map(area).sum::<f64>())
                });
                (outline - holes).max(0.0)
            })
            .sum()
    }
}

/// Two numbers in tenths written with one decimal at most, the separator
/// left out where a minus sign already separates them.
fn push_pair(path: &mut String, x: i64, y: i64) {
    push_tenths(path, x);
    if y >= 0 {
        path.push(' ');
    }
    push_tenths(path, y);
}

fn push_tenths(path: &mut String, value: i64) {
    use std::fmt::Write as _;
    let sign = if value < 0 { "-" } else { "" };
    let (whole, tenth) = (value.abs() / 10, value.abs() % 10);
    // Writing to a String cannot fail.
    let _ = if tenth == 0 {
        write!(path, "{sign}{whole}")
    } else {
        write!(path, "{sign}{whole}.{tenth}")
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(lon: f64, lat: f64, side: f64) -> Polygon {
        vec![vec![
            (lon, lat),
            (lon + side, lat),
            (lon + side, lat + side),
            (lon, lat + side),
            (lon, lat),
        ]]
    }

    #[test]
    fn writes_compact_relative_paths() {
        let mut path = String::new();
        push_pair(&mut path, 125, -30);
        push_pair(&mut path, -5, 0);
        assert_eq!(path, "12.5-3-0.5 0");
    }

    #[test]
    fn a_square_becomes_one_closed_ring() {
        let shape = Projected::new(&[square(-10.0, -10.0, 20.0)]);
        let frame = Frame::fitting([&shape].into_iter(), 100);
        let path = frame.path(&shape);
        assert!(path.starts_with('M') && path.ends_with('z'), "{path}");
        assert_eq!(path.matches('M').count(), 1);
        let area = frame.area(&shape);
        let height = f64::from(frame.height());
        assert!(
            (area - 100.0 * height).abs() / area < 0.05,
            "{area} vs 100 x {height}"
        );
    }

    #[test]
    fn specks_vanish_and_duplicates_are_dropped() {
        let big = Projected::new(&[square(0.0, 0.0, 90.0)]);
        let frame = Frame::fitting([&big].into_iter(), 100);
        let speck = Projected::new(&[square(10.0, 10.0, 0.0001)]);
        assert_eq!(frame.path(&speck), "");
        assert_eq!(frame.area(&speck), 0.0);
    }

    #[test]
    fn the_largest_part_gives_the_centre() {
        let shape = Projected::new(&[square(170.0, 0.0, 5.0), square(-170.0, 0.0, 2.0)]);
        let (x, _) = shape.centre_of_largest_part().unwrap();
        assert!(
            x > 0.0,
            "the centre is on the larger part, east of the antimeridian"
        );
    }
}
