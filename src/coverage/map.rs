//! The dashboard's map of Devon: district outlines projected to SVG, shaded by ratio on a
//! sequential lightness scale (so it reads in greyscale too), with a pattern for status.
//!
//! The outlines are `data/areas/devon_districts.geojson` (made by `derive_map.py` from ONS
//! boundaries, see `data/areas/README.md`), embedded and projected once.

use std::fmt::Write as _;
use std::sync::LazyLock;

use serde::Deserialize;

use super::{AreaFigures, Status};

/// Width of the map's drawing space; the height follows from Devon's shape.
pub const MAP_WIDTH: f64 = 600.0;
const MAP_PAD: f64 = 8.0;

/// Lower bounds of the ratio classes, lightest first: under half, half to 0.8, about right
/// (0.8 to 1.25), 1.25 to 2, twice or more. Symmetric on a log scale around 1.0.
pub const CLASS_BOUNDS: [f64; 5] = [0.0, 0.5, 0.8, 1.25, 2.0];
/// One fill per class, light to dark (ColorBrewer "Blues"): each step is lighter than the
/// next in greyscale too.
pub const CLASS_FILLS: [&str; 5] = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"];
/// A district with nothing to compare yet (no responses at all).
pub const NO_DATA_FILL: &str = "#ffffff";
/// Plymouth and Torbay, drawn for context but not counted.
pub const CONTEXT_FILL: &str = "#e8e8e8";
/// Outlines and dark ink: 19:1 on white, and at least 3:1 against every light fill.
pub const INK: &str = "#0b0c0c";

/// Where a ratio falls on the scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shade {
    /// No responses yet, so no ratio.
    NoData,
    /// Index into [`CLASS_FILLS`].
    Class(usize),
}

impl Shade {
    pub fn of(ratio: Option<f64>) -> Shade {
        match ratio {
            Some(r) if r.is_finite() => {
                Shade::Class(CLASS_BOUNDS.iter().rposition(|b| r >= *b).unwrap_or(0))
            }
            _ => Shade::NoData,
        }
    }

    pub fn fill(self) -> &'static str {
        match self {
            Shade::NoData => NO_DATA_FILL,
            Shade::Class(i) => CLASS_FILLS[i.min(CLASS_FILLS.len() - 1)],
        }
    }

    /// Whether marks drawn over this fill must be light to be seen (the two darkest).
    pub fn is_dark(self) -> bool {
        matches!(self, Shade::Class(i) if i >= 3)
    }

    /// Ink for a pattern or text over this fill: 3:1 or more against it.
    pub fn ink(self) -> &'static str {
        if self.is_dark() {
            "#ffffff"
        } else {
            INK
        }
    }
}

/// The pattern id drawn over a shape of this status and shade: hatching for under, dots for
/// over, none in line. `prefix` keeps ids unique when a page has several charts.
pub fn pattern_id(prefix: &str, status: Status, shade: Shade) -> Option<String> {
    let ink = if shade.is_dark() { "light" } else { "dark" };
    match status {
        Status::Under => Some(format!("{prefix}-under-{ink}")),
        Status::Over => Some(format!("{prefix}-over-{ink}")),
        Status::InLine => None,
    }
}

/// The `<defs>` with the four status patterns for `prefix`.
pub fn pattern_defs(prefix: &str) -> String {
    let mut out = String::from("<defs>");
    for (ink_name, ink) in [("dark", INK), ("light", "#ffffff")] {
        let _ = write!(
            out,
            "<pattern id=\"{prefix}-under-{ink_name}\" width=\"10\" height=\"10\" \
             patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">\
             <rect x=\"0\" y=\"0\" width=\"1.6\" height=\"10\" fill=\"{ink}\"/></pattern>\
             <pattern id=\"{prefix}-over-{ink_name}\" width=\"9\" height=\"9\" \
             patternUnits=\"userSpaceOnUse\">\
             <circle cx=\"4.5\" cy=\"4.5\" r=\"1.8\" fill=\"{ink}\"/></pattern>"
        );
    }
    out.push_str("</defs>");
    out
}

/// Lon/lat to the map's x/y: an equirectangular projection with east-west distances
/// shrunk by cos(latitude) at the middle of the area, fitted into a box with north up.
/// Over Devon's 1.1 degrees of latitude this is within 1% of true shape.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projection {
    west: f64,
    north: f64,
    /// cos(middle latitude).
    k: f64,
    /// Map units per degree of latitude.
    scale: f64,
    pad: f64,
    pub width: f64,
    pub height: f64,
}

impl Projection {
    /// Fits [west, east] × [south, north] into `width` (with `pad` each side).
    pub fn fit(west: f64, east: f64, south: f64, north: f64, width: f64, pad: f64) -> Projection {
        let k = ((south + north) / 2.0).to_radians().cos();
        let span_x = ((east - west) * k).max(f64::EPSILON);
        let scale = (width - 2.0 * pad) / span_x;
        let height = (north - south) * scale + 2.0 * pad;
        Projection {
            west,
            north,
            k,
            scale,
            pad,
            width,
            height,
        }
    }

    pub fn project(&self, lon: f64, lat: f64) -> (f64, f64) {
        (
            self.pad + (lon - self.west) * self.k * self.scale,
            self.pad + (self.north - lat) * self.scale,
        )
    }
}

/// One outline on the map.
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    pub id: String,
    pub code: String,
    pub name: String,
    /// Drawn for context only (Plymouth, Torbay): not one of the districts counted.
    pub context: bool,
    /// SVG path data.
    pub path: String,
    /// Where its name goes: the centre of its largest part.
    pub label: (f64, f64),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Map {
    pub width: f64,
    pub height: f64,
    pub shapes: Vec<Shape>,
    /// The data's source and licence, shown under the map.
    pub source: String,
}

#[derive(Debug, thiserror::Error)]
#[error("map data: {0}")]
pub struct MapError(String);

#[derive(Deserialize)]
struct Collection {
    #[serde(default)]
    source: String,
    features: Vec<Feature>,
}

#[derive(Deserialize)]
struct Feature {
    properties: Properties,
    geometry: Geometry,
}

#[derive(Deserialize)]
struct Properties {
    id: String,
    code: String,
    name: String,
    kind: String,
}

/// A polygon: its outer ring, then any holes; each ring lon/lat pairs.
type Polygon = Vec<Vec<[f64; 2]>>;

#[derive(Deserialize)]
#[serde(tag = "type", content = "coordinates")]
enum Geometry {
    Polygon(Polygon),
    MultiPolygon(Vec<Polygon>),
}

impl Geometry {
    fn polygons(self) -> Vec<Polygon> {
        match self {
            Geometry::Polygon(p) => vec![p],
            Geometry::MultiPolygon(m) => m,
        }
    }
}

/// Signed area and centroid of a ring (shoelace), in projected units.
fn ring_centroid(ring: &[(f64, f64)]) -> (f64, (f64, f64)) {
    let (mut a, mut cx, mut cy) = (0.0, 0.0, 0.0);
    for w in ring.windows(2) {
        let ((x0, y0), (x1, y1)) = (w[0], w[1]);
        let cross = x0 * y1 - x1 * y0;
        a += cross;
        cx += (x0 + x1) * cross;
        cy += (y0 + y1) * cross;
    }
    let a = a / 2.0;
    if a.abs() < f64::EPSILON {
        return (0.0, ring.first().copied().unwrap_or((0.0, 0.0)));
    }
    (a, (cx / (6.0 * a), cy / (6.0 * a)))
}

impl Map {
    /// Projects a GeoJSON collection of areas (as `derive_map.py` writes it) into `width`.
    pub fn from_geojson(text: &str, width: f64) -> Result<Map, MapError> {
        let collection: Collection =
            serde_json::from_str(text).map_err(|e| MapError(e.to_string()))?;
        let features: Vec<(Properties, Vec<Polygon>)> = collection
            .features
            .into_iter()
            .map(|f| (f.properties, f.geometry.polygons()))
            .collect();
        let points = || {
            features
                .iter()
                .flat_map(|(_, p)| p.iter().flatten().flatten())
        };
        if points().next().is_none() {
            return Err(MapError("no points".into()));
        }
        let fold =
            |f: fn(f64, f64) -> f64, start: f64, i: usize| points().map(|p| p[i]).fold(start, f);
        let projection = Projection::fit(
            fold(f64::min, f64::INFINITY, 0),
            fold(f64::max, f64::NEG_INFINITY, 0),
            fold(f64::min, f64::INFINITY, 1),
            fold(f64::max, f64::NEG_INFINITY, 1),
            width,
            MAP_PAD,
        );
        let mut shapes = Vec::new();
        for (props, polygons) in features {
            let mut path = String::new();
            let mut biggest = (0.0_f64, (0.0, 0.0));
            for polygon in &polygons {
                for (i, ring) in polygon.iter().enumerate() {
                    let projected: Vec<(f64, f64)> = ring
                        .iter()
                        .map(|p| projection.project(p[0], p[1]))
                        .collect();
                    for (j, (x, y)) in projected.iter().enumerate() {
                        let _ = write!(path, "{}{x:.1},{y:.1}", if j == 0 { "M" } else { "L" });
                    }
                    path.push('Z');
                    if i == 0 {
                        let (area, centre) = ring_centroid(&projected);
                        if area.abs() > biggest.0 {
                            biggest = (area.abs(), centre);
                        }
                    }
                }
            }
            let context = match props.kind.as_str() {
                "district" => false,
                "context" => true,
                other => return Err(MapError(format!("{}: kind {other:?}", props.id))),
            };
            shapes.push(Shape {
                id: props.id,
                code: props.code,
                name: props.name,
                context,
                path,
                label: biggest.1,
            });
        }
        Ok(Map {
            width: projection.width,
            height: projection.height,
            shapes,
            source: collection.source,
        })
    }

    /// Devon's map, from the embedded outlines; none if they could not be read (a bug the
    /// tests catch), and the dashboard then shows the table alone.
    pub fn devon() -> Option<&'static Map> {
        static DEVON: LazyLock<Result<Map, MapError>> = LazyLock::new(|| {
            Map::from_geojson(
                include_str!("../../data/areas/devon_districts.geojson"),
                MAP_WIDTH,
            )
        });
        match &*DEVON {
            Ok(map) => Some(map),
            Err(e) => {
                tracing::error!(error = %e, "the map outlines could not be read");
                None
            }
        }
    }
}

/// Escapes text for SVG/HTML content and attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The words the map needs, from the page.
pub struct MapWords {
    /// The accessible name.
    pub title: String,
    /// The text alternative: every district's figures in a sentence each.
    pub description: String,
    /// The short line under a context area's name ("not counted").
    pub context_note: String,
}

/// The map as inline SVG. `figures` gives each district's ratio and status; a district
/// missing from it is drawn as having no data. Each label gives the name and "×ratio".
pub fn render(map: &Map, figures: &[AreaFigures], words: &MapWords) -> String {
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg class=\"map\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w:.0} {h:.0}\" \
         role=\"img\" aria-labelledby=\"map-title map-desc\" focusable=\"false\">\
         <title id=\"map-title\">{title}</title><desc id=\"map-desc\">{desc}</desc>{defs}",
        w = map.width,
        h = map.height,
        title = escape(&words.title),
        desc = escape(&words.description),
        defs = pattern_defs("map"),
    );
    // Context areas first so district outlines are drawn over their shared edges.
    let mut shapes: Vec<&Shape> = map.shapes.iter().collect();
    shapes.sort_by_key(|s| !s.context);
    for shape in &shapes {
        let found = figures.iter().find(|f| f.id == shape.id);
        if shape.context {
            let _ = write!(
                svg,
                "<path d=\"{}\" fill=\"{CONTEXT_FILL}\" stroke=\"#6f777b\" stroke-width=\"1\" \
                 stroke-dasharray=\"4 3\" data-area=\"{}\"/>",
                shape.path,
                escape(&shape.id)
            );
            continue;
        }
        let shade = Shade::of(found.and_then(|f| f.ratio));
        let _ = write!(
            svg,
            "<path d=\"{}\" fill=\"{}\" stroke=\"{INK}\" stroke-width=\"1.5\" \
             stroke-linejoin=\"round\" data-area=\"{}\" data-shade=\"{}\"/>",
            shape.path,
            shade.fill(),
            escape(&shape.id),
            match shade {
                Shade::NoData => "none".to_owned(),
                Shade::Class(i) => i.to_string(),
            }
        );
        if let Some(pattern) = found.and_then(|f| pattern_id("map", f.status, shade)) {
            let _ = write!(
                svg,
                "<path d=\"{}\" fill=\"url(#{pattern})\" stroke=\"none\"/>",
                shape.path
            );
        }
    }
    for shape in &shapes {
        let (x, y) = shape.label;
        let found = figures.iter().find(|f| f.id == shape.id);
        let second = if shape.context {
            words.context_note.clone()
        } else {
            found
                .and_then(|f| f.ratio)
                .map(|r| format!("×{r:.2}"))
                .unwrap_or_default()
        };
        let _ = write!(
            svg,
            "<text class=\"map-label\" x=\"{x:.1}\" y=\"{y:.1}\" text-anchor=\"middle\" \
             fill=\"{INK}\" stroke=\"#ffffff\" stroke-width=\"4\" stroke-linejoin=\"round\" \
             paint-order=\"stroke\" font-size=\"15\" font-weight=\"700\">{}",
            escape(&shape.name)
        );
        if !second.is_empty() {
            let _ = write!(
                svg,
                "<tspan x=\"{x:.1}\" dy=\"17\" font-weight=\"400\">{}</tspan>",
                escape(&second)
            );
        }
        svg.push_str("</text>");
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Areas;

    #[test]
    fn projection_fits_the_box_with_north_up() {
        let p = Projection::fit(-4.0, -3.0, 50.0, 51.0, 600.0, 10.0);
        let (x0, y0) = p.project(-4.0, 51.0);
        let (x1, y1) = p.project(-3.0, 50.0);
        assert!((x0 - 10.0).abs() < 1e-9 && (y0 - 10.0).abs() < 1e-9);
        assert!((x1 - 590.0).abs() < 1e-9 && (y1 - (p.height - 10.0)).abs() < 1e-9);
        // A degree of longitude is cos(50.5°) of a degree of latitude.
        let k = 50.5_f64.to_radians().cos();
        assert!(((p.height - 20.0) * k - 580.0).abs() < 1e-6, "{}", p.height);
        // East is right, north is up.
        let (xe, _) = p.project(-3.5, 50.5);
        let (_, yn) = p.project(-3.5, 50.9);
        assert!(xe > x0 && yn < p.project(-3.5, 50.1).1);
    }

    #[test]
    fn devon_map_has_every_district_inside_the_box() {
        let map = Map::devon().expect("the embedded outlines read");
        let areas = Areas::devon();
        let districts: Vec<&str> = areas.districts().map(|a| a.id.as_str()).collect();
        let drawn: Vec<&str> = map
            .shapes
            .iter()
            .filter(|s| !s.context)
            .map(|s| s.id.as_str())
            .collect();
        assert_eq!(drawn.len(), districts.len());
        for id in &districts {
            let shape = map.shapes.iter().find(|s| s.id == *id).expect("drawn");
            let code = areas.get(id).and_then(|a| a.code.clone()).unwrap();
            assert_eq!(shape.code, code);
            let (x, y) = shape.label;
            assert!(
                x > 0.0 && x < map.width && y > 0.0 && y < map.height,
                "{id}"
            );
        }
        let context: Vec<&str> = map
            .shapes
            .iter()
            .filter(|s| s.context)
            .map(|s| s.id.as_str())
            .collect();
        assert_eq!(context, ["plymouth", "torbay"]);
        assert!((map.width - MAP_WIDTH).abs() < 1e-9);
        assert!(map.height > 400.0 && map.height < 700.0, "{}", map.height);
        // Every coordinate lies in the drawing space.
        for shape in &map.shapes {
            for pair in shape.path.split(['M', 'L', 'Z']).filter(|s| !s.is_empty()) {
                let (x, y) = pair.split_once(',').unwrap();
                let (x, y): (f64, f64) = (x.parse().unwrap(), y.parse().unwrap());
                assert!((0.0..=map.width).contains(&x) && (0.0..=map.height).contains(&y));
            }
        }
        // Geography: Exeter is east of West Devon; North Devon is north of South Hams.
        let at = |id: &str| map.shapes.iter().find(|s| s.id == id).unwrap().label;
        assert!(at("exeter").0 > at("west-devon").0);
        assert!(at("north-devon").1 < at("south-hams").1);
        assert!(map.source.contains("Open Government Licence"));
    }

    #[test]
    fn shading_is_a_lightness_scale() {
        assert_eq!(Shade::of(None), Shade::NoData);
        assert_eq!(Shade::of(Some(f64::NAN)), Shade::NoData);
        assert_eq!(Shade::of(Some(0.0)), Shade::Class(0));
        assert_eq!(Shade::of(Some(0.49)), Shade::Class(0));
        assert_eq!(Shade::of(Some(0.5)), Shade::Class(1));
        assert_eq!(Shade::of(Some(1.0)), Shade::Class(2));
        assert_eq!(Shade::of(Some(1.25)), Shade::Class(3));
        assert_eq!(Shade::of(Some(7.0)), Shade::Class(4));
        // Each class is darker than the last in greyscale (relative luminance).
        let lum: Vec<f64> = CLASS_FILLS.iter().map(|c| luminance(c)).collect();
        assert!(lum.windows(2).all(|w| w[0] > w[1] + 0.05), "{lum:?}");
        // The ink on each fill has 3:1 or more against it.
        for i in 0..CLASS_FILLS.len() {
            let shade = Shade::Class(i);
            let ratio = contrast(shade.fill(), shade.ink());
            assert!(ratio >= 3.0, "{} on {}: {ratio}", shade.ink(), shade.fill());
        }
        assert_eq!(
            pattern_id("map", Status::Under, Shade::Class(0)).as_deref(),
            Some("map-under-dark")
        );
        assert_eq!(
            pattern_id("bar", Status::Over, Shade::Class(4)).as_deref(),
            Some("bar-over-light")
        );
        assert_eq!(pattern_id("map", Status::InLine, Shade::Class(2)), None);
    }

    #[test]
    fn rendered_map_names_itself_and_marks_status() {
        let map = Map::devon().unwrap();
        let figure = |id: &str, ratio: f64, status: Status| AreaFigures {
            id: id.into(),
            name: id.into(),
            responses: 1,
            share: 0.1,
            expected_share: 0.1,
            ratio: Some(ratio),
            ci_low: 0.0,
            ci_high: 1.0,
            status,
            voices_needed: 0,
        };
        let svg = render(
            map,
            &[
                figure("torridge", 0.2, Status::Under),
                figure("exeter", 2.5, Status::Over),
            ],
            &MapWords {
                title: "Map <of> Devon".into(),
                description: "Torridge: under".into(),
                context_note: "not counted".into(),
            },
        );
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains("role=\"img\" aria-labelledby=\"map-title map-desc\""));
        assert!(svg.contains("<title id=\"map-title\">Map &lt;of&gt; Devon</title>"));
        assert!(svg.contains("data-area=\"torridge\" data-shade=\"0\""));
        assert!(svg.contains("fill=\"url(#map-under-dark)\""));
        assert!(svg.contains("fill=\"url(#map-over-light)\""));
        assert!(svg.contains("data-area=\"mid-devon\" data-shade=\"none\""));
        assert!(svg.contains("×0.20"));
        assert!(!svg.contains("style="), "no inline styles under the CSP");
    }

    fn channel(c: u8) -> f64 {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    }

    fn luminance(hex: &str) -> f64 {
        let v = u32::from_str_radix(hex.trim_start_matches('#'), 16).unwrap();
        let [_, r, g, b] = v.to_be_bytes();
        0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    }

    fn contrast(a: &str, b: &str) -> f64 {
        let (a, b) = (luminance(a), luminance(b));
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }
}
