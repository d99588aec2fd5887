//! The Equal Earth projection: equal-area, so the map does not make large
//! high-latitude states look more important than they are.
//!
//! Formula from Šavrič, Patterson and Jenny, "The Equal Earth map projection",
//! International Journal of Geographical Information Science 33(3), 2019,
//! doi:10.1080/13658816.2018.1504949:
//!   θ = asin(√3/2 · sin φ)
//!   x = 2√3 · λ · cos θ / (3 · (9·A4·θ⁸ + 7·A3·θ⁶ + 3·A2·θ² + A1))
//!   y = A4·θ⁹ + A3·θ⁷ + A2·θ³ + A1·θ

const A1: f64 = 1.340264;
const A2: f64 = -0.081106;
const A3: f64 = 0.000893;
const A4: f64 = 0.003796;

/// Projects a longitude and latitude in degrees onto the unit Equal Earth
/// plane (x in about ±2.71, y in about ±1.32, north up).
pub fn equal_earth(longitude: f64, latitude: f64) -> (f64, f64) {
    let lambda = longitude.to_radians();
    let phi = latitude.clamp(-90.0, 90.0).to_radians();
    let theta = ((3f64.sqrt() / 2.0) * phi.sin()).asin();
    let t2 = theta * theta;
    let t6 = t2 * t2 * t2;
    let x = 2.0 * 3f64.sqrt() * lambda * theta.cos()
        / (3.0 * (9.0 * A4 * t6 * t2 + 7.0 * A3 * t6 + 3.0 * A2 * t2 + A1));
    let y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
    (x, y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origin_poles_and_edges() {
        assert_eq!(equal_earth(0.0, 0.0), (0.0, 0.0));
        let (x, y) = equal_earth(180.0, 0.0);
        assert!((x - 2.7066).abs() < 1e-3, "{x}");
        assert_eq!(y, 0.0);
        let (x, y) = equal_earth(0.0, 90.0);
        assert!(x.abs() < 1e-12);
        assert!((y - 1.3173).abs() < 1e-3, "{y}");
        let (_, south) = equal_earth(10.0, -90.0);
        assert!((south + 1.3173).abs() < 1e-3);
    }

    #[test]
    fn meridians_converge_towards_the_poles() {
        let (equator, _) = equal_earth(180.0, 0.0);
        let (high, _) = equal_earth(180.0, 80.0);
        assert!(high < equator);
    }
}
