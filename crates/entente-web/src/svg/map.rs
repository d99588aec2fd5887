//! The world map: every shape and small-state marker coloured by a class,
//! titled with the state's name and stage, and linked to the state's page.

use std::collections::HashMap;
use std::fmt::Write;

use entente_core::{Iso3, WorldMap};

use super::escape;

/// How one state is drawn.
#[derive(Debug, Clone)]
pub struct MapFeature {
    /// A CSS class that sets the fill, e.g. `stage-4`.
    pub class: String,
    /// The tooltip and accessible name: "France: NPM designated".
    pub title: String,
    pub href: String,
}

/// Text around the map for assistive technology.
pub struct MapLabels<'a> {
    pub title: &'a str,
    pub description: &'a str,
}

/// The map as an inline `<svg>`; states without a feature are drawn grey,
/// unlinked (territories and areas outside the campaign).
pub fn render(map: &WorldMap, features: &HashMap<Iso3, MapFeature>, labels: &MapLabels) -> String {
    let mut svg = String::with_capacity(map.shapes.iter().map(|s| s.path.len() + 120).sum());
    let _ = write!(
        svg,
        r#"<svg class="world-map" viewBox="0 0 {w} {h}" role="img" aria-labelledby="map-title map-desc" xmlns="http://www.w3.org/2000/svg"><title id="map-title">{title}</title><desc id="map-desc">{desc}</desc><rect class="map-sea" width="{w}" height="{h}"/>"#,
        w = map.width,
        h = map.height,
        title = escape(labels.title),
        desc = escape(labels.description),
    );
    for shape in &map.shapes {
        let path = escape(&shape.path);
        match features.get(&shape.iso3) {
            Some(f) => {
                let _ = write!(
                    svg,
                    r#"<a href="{href}"><path class="{class}" d="{path}"><title>{title}</title></path></a>"#,
                    href = escape(&f.href),
                    class = escape(&f.class),
                    title = escape(&f.title),
                );
            }
            None => {
                let _ = write!(svg, r#"<path class="stage-none" d="{path}"/>"#);
            }
        }
    }
    for marker in &map.markers {
        if let Some(f) = features.get(&marker.iso3) {
            let _ = write!(
                svg,
                r#"<a href="{href}"><circle class="marker {class}" cx="{x:.1}" cy="{y:.1}" r="3.5"><title>{title}</title></circle></a>"#,
                href = escape(&f.href),
                class = escape(&f.class),
                title = escape(&f.title),
                x = marker.x,
                y = marker.y,
            );
        }
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;
    use entente_core::{MapMarker, MapShape};

    #[test]
    fn shapes_and_markers_are_linked_titled_and_escaped() {
        let fra: Iso3 = "FRA".parse().unwrap();
        let mlt: Iso3 = "MLT".parse().unwrap();
        let grl: Iso3 = "GRL".parse().unwrap();
        let map = WorldMap {
            width: 100,
            height: 50,
            shapes: vec![
                MapShape {
                    iso3: fra,
                    path: "M0,0L1,1Z".into(),
                },
                MapShape {
                    iso3: grl,
                    path: "M2,2L3,3Z".into(),
                },
            ],
            markers: vec![MapMarker {
                iso3: mlt,
                x: 10.0,
                y: 20.0,
            }],
        };
        let feature = |title: &str, href: &str| MapFeature {
            class: "stage-5".into(),
            title: title.into(),
            href: href.into(),
        };
        let features = HashMap::from([
            (
                fra,
                feature("France : <MNP>", "/states/FRA?lang=fr&as_of=2020-01-01"),
            ),
            (mlt, feature("Malte", "/states/MLT")),
        ]);
        let labels = MapLabels {
            title: "Carte",
            description: "Les tableaux",
        };
        let svg = render(&map, &features, &labels);
        assert!(svg.contains(r#"<a href="/states/FRA?lang=fr&amp;as_of=2020-01-01"><path class="stage-5" d="M0,0L1,1Z"><title>France : &lt;MNP&gt;</title>"#), "{svg}");
        assert!(svg.contains(r#"<path class="stage-none" d="M2,2L3,3Z"/>"#));
        assert!(svg.contains(r#"<circle class="marker stage-5" cx="10.0" cy="20.0""#));
        assert!(!svg.contains("style="), "the CSP forbids inline styles");
    }
}
