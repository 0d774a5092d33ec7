//! The body map: a standing figure from the front and from the back, with
//! the shape of every area on it and the bony parts no tool should press.
//!
//! Drawn and checked from `assets/body_map.ron`. Places are in
//! centimetres on a figure 170 cm tall: `x` from the middle of the body
//! toward the person's own left, `y` down from the top of the head. A shape
//! is written once, on the left side, and mirrored for the right; a shape
//! of an area without sides (the upper back) lies across the middle.

use serde::{Deserialize, Serialize};

use super::{Area, Side};

/// The embedded data of the map.
pub const BODY_MAP_RON: &str = include_str!("../../assets/body_map.ron");

/// The figure's height, in the map's centimetres.
pub const FIGURE_HEIGHT: f32 = 170.0;
/// Half the figure's widest span (hands out), in the map's centimetres.
pub const FIGURE_HALF_WIDTH: f32 = 30.0;

/// Which way the figure faces the viewer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum View {
    /// Facing the viewer: the person's left is on the viewer's right.
    Front,
    /// Back to the viewer: the person's left is on the viewer's left.
    Back,
}

impl View {
    pub const ALL: [View; 2] = [View::Front, View::Back];

    pub fn label(self) -> &'static str {
        match self {
            View::Front => "Front",
            View::Back => "Back",
        }
    }

    /// Which way the person's left lies on screen: +1 to the viewer's
    /// right, -1 to the viewer's left.
    pub fn left_on_screen(self) -> f32 {
        match self {
            View::Front => 1.0,
            View::Back => -1.0,
        }
    }
}

/// A round shape: a capsule (a thick line with round ends) or an ellipse.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum Shape {
    Capsule {
        from: (f32, f32),
        to: (f32, f32),
        radius: f32,
    },
    Ellipse {
        centre: (f32, f32),
        radius: (f32, f32),
    },
}

impl Shape {
    /// The shape on the other side of the body.
    pub fn mirrored(self) -> Shape {
        let m = |(x, y): (f32, f32)| (-x, y);
        match self {
            Shape::Capsule { from, to, radius } => Shape::Capsule {
                from: m(from),
                to: m(to),
                radius,
            },
            Shape::Ellipse { centre, radius } => Shape::Ellipse {
                centre: m(centre),
                radius,
            },
        }
    }

    /// Whether the point is inside.
    pub fn contains(self, (px, py): (f32, f32)) -> bool {
        match self {
            Shape::Capsule {
                from: (ax, ay),
                to: (bx, by),
                radius,
            } => {
                let (dx, dy) = (bx - ax, by - ay);
                let len2 = dx * dx + dy * dy;
                let t = if len2 > 0.0 {
                    (((px - ax) * dx + (py - ay) * dy) / len2).clamp(0.0, 1.0)
                } else {
                    0.0
                };
                let (cx, cy) = (ax + t * dx - px, ay + t * dy - py);
                cx * cx + cy * cy <= radius * radius
            }
            Shape::Ellipse {
                centre: (cx, cy),
                radius: (rx, ry),
            } => {
                let (u, v) = ((px - cx) / rx, (py - cy) / ry);
                u * u + v * v <= 1.0
            }
        }
    }

    /// Its middle point.
    pub fn centre(self) -> (f32, f32) {
        match self {
            Shape::Capsule { from, to, .. } => ((from.0 + to.0) / 2.0, (from.1 + to.1) / 2.0),
            Shape::Ellipse { centre, .. } => centre,
        }
    }

    /// Its smallest and largest x and y: ((x0, y0), (x1, y1)).
    pub fn bounds(self) -> ((f32, f32), (f32, f32)) {
        match self {
            Shape::Capsule { from, to, radius } => (
                (from.0.min(to.0) - radius, from.1.min(to.1) - radius),
                (from.0.max(to.0) + radius, from.1.max(to.1) + radius),
            ),
            Shape::Ellipse { centre, radius } => (
                (centre.0 - radius.0, centre.1 - radius.1),
                (centre.0 + radius.0, centre.1 + radius.1),
            ),
        }
    }
}

/// A shape seen in one view.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Placed {
    pub view: View,
    pub shape: Shape,
}

impl Placed {
    /// The shape and its mirror image on the other side (the same shape
    /// twice for one across the middle).
    pub fn both_sides(self) -> [Placed; 2] {
        [
            self,
            Placed {
                view: self.view,
                shape: self.shape.mirrored(),
            },
        ]
    }
}

/// One area on the map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MapArea {
    pub area: Area,
    /// Its shapes on the person's left side (across the middle for an
    /// area without sides). The first is where the keyboard selection
    /// sits.
    pub shapes: Vec<Placed>,
    /// The areas next to it: where a plan's spare time goes for a light
    /// pass once the sore areas have their dose.
    pub next_to: Vec<Area>,
}

/// A bone or joint the map shades: "not on the bone".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bony {
    /// What it is, as a person says it ("Kneecaps").
    pub name: String,
    /// Its shapes on the left side (or across the middle).
    pub shapes: Vec<Placed>,
}

/// The whole map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BodyMap {
    /// The figure itself, on its left side (mirrored for the right): head,
    /// trunk and limbs.
    pub figure: Vec<Placed>,
    pub areas: Vec<MapArea>,
    pub bony: Vec<Bony>,
}

/// A thing that can be picked on the map: an area, on one side or (for
/// an area without sides) across both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Spot {
    pub area: Area,
    pub side: Option<Side>,
}

impl Spot {
    /// The spots of an area: left and right, or the one across the middle.
    pub fn of(area: Area) -> Vec<Spot> {
        if area.has_sides() {
            Side::BOTH
                .iter()
                .map(|&s| Spot {
                    area,
                    side: Some(s),
                })
                .collect()
        } else {
            vec![Spot { area, side: None }]
        }
    }

    /// Every spot, from the feet up, left before right.
    pub fn all() -> Vec<Spot> {
        Area::ALL.into_iter().flat_map(Spot::of).collect()
    }

    /// Its name as a person says it: "Left calf", "Upper back".
    pub fn label(self) -> String {
        match self.side {
            None => self.area.label().to_owned(),
            Some(side) => {
                let one = self.area.one_side_label();
                let side = side.label();
                let mut out = side[..1].to_uppercase();
                out.push_str(&side[1..]);
                format!("{out} {one}")
            }
        }
    }
}

impl BodyMap {
    /// The built-in map.
    pub fn builtin() -> Result<BodyMap, String> {
        ron::from_str(BODY_MAP_RON).map_err(|e| e.to_string())
    }

    /// The map's data for `area`.
    pub fn area(&self, area: Area) -> Option<&MapArea> {
        self.areas.iter().find(|a| a.area == area)
    }

    /// The shapes of a spot, in figure coordinates for its own side.
    pub fn shapes_of(&self, spot: Spot) -> Vec<Placed> {
        let Some(found) = self.area(spot.area) else {
            return Vec::new();
        };
        found
            .shapes
            .iter()
            .map(|p| match spot.side {
                Some(Side::Right) => Placed {
                    view: p.view,
                    shape: p.shape.mirrored(),
                },
                _ => *p,
            })
            .collect()
    }

    /// The spot whose shape holds a point of `view`, if any; the smaller
    /// shape wins where two overlap.
    pub fn spot_at(&self, view: View, point: (f32, f32)) -> Option<Spot> {
        let mut best: Option<(f32, Spot)> = None;
        for spot in Spot::all() {
            for placed in self.shapes_of(spot) {
                if placed.view == view && placed.shape.contains(point) {
                    let ((x0, y0), (x1, y1)) = placed.shape.bounds();
                    let size = (x1 - x0) * (y1 - y0);
                    if best.is_none_or(|(s, _)| size < s) {
                        best = Some((size, spot));
                    }
                }
            }
        }
        best.map(|(_, s)| s)
    }

    /// Where the keyboard selection of a spot sits: its first shape's view
    /// and middle.
    pub fn anchor(&self, spot: Spot) -> Option<(View, (f32, f32))> {
        self.shapes_of(spot)
            .first()
            .map(|p| (p.view, p.shape.centre()))
    }

    /// Everything wrong with the map, in words; empty when all is well.
    /// Every area has a shape; an area without sides sits across the
    /// middle, one with sides on the left; no area is listed twice or
    /// next to itself; everything lies on the figure.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        for area in Area::ALL {
            let found: Vec<_> = self.areas.iter().filter(|a| a.area == area).collect();
            match found.as_slice() {
                [] => out.push(format!("the area '{}' has no shape", area.slug())),
                [one] => {
                    if one.shapes.is_empty() {
                        out.push(format!("the area '{}' has no shape", area.slug()));
                    }
                    if one.next_to.contains(&area) {
                        out.push(format!("the area '{}' is next to itself", area.slug()));
                    }
                    for p in &one.shapes {
                        let (x, _) = p.shape.centre();
                        if area.has_sides() && x <= 0.0 {
                            out.push(format!(
                                "a shape of '{}' is not on the left side (x above 0)",
                                area.slug()
                            ));
                        }
                        if !area.has_sides() && x.abs() > 0.5 {
                            out.push(format!(
                                "'{}' has no sides, so its shape must lie across the middle",
                                area.slug()
                            ));
                        }
                    }
                }
                _ => out.push(format!("the area '{}' is listed twice", area.slug())),
            }
        }
        let all_shapes = self
            .figure
            .iter()
            .chain(self.areas.iter().flat_map(|a| &a.shapes))
            .chain(self.bony.iter().flat_map(|b| &b.shapes));
        for p in all_shapes {
            let ((x0, y0), (x1, y1)) = p.shape.bounds();
            if x0 < -FIGURE_HALF_WIDTH
                || x1 > FIGURE_HALF_WIDTH
                || y0 < 0.0
                || y1 > FIGURE_HEIGHT
                || x1 <= x0
                || y1 <= y0
            {
                out.push(format!("a shape at ({x0:.0}, {y0:.0}) lies off the figure"));
            }
        }
        for b in &self.bony {
            if b.name.trim().is_empty() || b.shapes.is_empty() {
                out.push("a bony part has no name or no shape".to_owned());
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // test code: a panic is a failed test

    use super::*;

    #[test]
    fn the_built_in_map_is_whole() {
        let map = BodyMap::builtin().unwrap();
        assert_eq!(map.problems(), Vec::<String>::new());
    }

    #[test]
    fn every_spot_is_found_where_it_is_drawn() {
        let map = BodyMap::builtin().unwrap();
        for spot in Spot::all() {
            let (view, at) = map.anchor(spot).unwrap();
            assert_eq!(map.spot_at(view, at), Some(spot), "{}", spot.label());
        }
    }

    #[test]
    fn a_missing_area_and_a_shape_on_the_wrong_side_are_told() {
        let mut map = BodyMap::builtin().unwrap();
        map.areas.retain(|a| a.area != Area::Calves);
        let quads = map
            .areas
            .iter_mut()
            .find(|a| a.area == Area::Quads)
            .unwrap();
        quads.shapes[0].shape = quads.shapes[0].shape.mirrored();
        let problems = map.problems();
        assert!(problems.contains(&"the area 'calves' has no shape".to_owned()));
        assert!(
            problems
                .iter()
                .any(|p| p.contains("'quads' is not on the left"))
        );
    }

    #[test]
    fn spots_are_named_as_people_say_them() {
        let left_calf = Spot {
            area: Area::Calves,
            side: Some(Side::Left),
        };
        assert_eq!(left_calf.label(), "Left calf");
        assert_eq!(Spot::of(Area::UpperBack)[0].label(), "Upper back");
        assert_eq!(Spot::all().len(), 31);
    }

    #[test]
    fn shapes_hold_their_own_points() {
        let c = Shape::Capsule {
            from: (0.0, 0.0),
            to: (0.0, 10.0),
            radius: 2.0,
        };
        assert!(c.contains((1.5, 5.0)) && c.contains((0.0, 11.5)));
        assert!(!c.contains((2.5, 5.0)) && !c.contains((0.0, 12.5)));
        let e = Shape::Ellipse {
            centre: (5.0, 5.0),
            radius: (4.0, 1.0),
        };
        assert!(e.contains((8.5, 5.0)) && !e.contains((5.0, 6.5)));
        assert_eq!(e.mirrored().centre(), (-5.0, 5.0));
    }
}
