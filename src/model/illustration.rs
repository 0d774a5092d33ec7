//! The picture of an exercise, as data: a posed pictogram figure, the tool,
//! the target area and the rolling path, in centimetres on a side view.
//!
//! Coordinates are centimetres with x to the right and y up from the floor
//! (y = 0). The figure is about 170 cm tall. Keeping the picture as a pose
//! (named joints) means one drawing style everywhere, and lets the player
//! move the figure along the roller later.

use serde::{Deserialize, Serialize};

/// A point on the side view, in centimetres: (x to the right, y up).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Point(pub f32, pub f32);

impl Point {
    /// The point moved by `(dx, dy)`.
    pub fn offset(self, dx: f32, dy: f32) -> Point {
        Point(self.0 + dx, self.1 + dy)
    }
}

/// An arm: from the shoulder (shared with the torso) to the hand.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Arm {
    pub elbow: Point,
    pub wrist: Point,
}

/// A leg: from the hip (shared with the torso) to the toes.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Leg {
    pub knee: Point,
    pub ankle: Point,
    pub toe: Point,
}

/// A figure's position, by named joints. "Near" limbs face the viewer and
/// are drawn in front; "far" limbs are drawn behind, a shade lighter.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Pose {
    pub head: Point,
    pub shoulder: Point,
    pub hip: Point,
    pub near_arm: Arm,
    pub far_arm: Arm,
    pub near_leg: Leg,
    pub far_leg: Leg,
    /// Which way the face looks, as a direction `(dx, dy)`: the head gets a
    /// nose on that side, so the picture shows which way the figure faces.
    #[serde(default)]
    pub facing: Point,
    /// How the trunk is seen: from the side (the usual pictogram) or, for a
    /// body lying on its side, from behind.
    #[serde(default)]
    pub trunk: TrunkView,
}

/// How a figure's trunk is seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum TrunkView {
    /// From the side: a capsule from the hip to the shoulder, every limb
    /// from one shoulder and one hip.
    #[default]
    Side,
    /// From the front, the body lying on its side: the trunk as wide as
    /// the shoulders, so the shoulders and hips show stacked one above the
    /// other. The near limbs (drawn in front) are the top arm and leg and
    /// come from the trunk's upper edge; the far ones, under the body, from
    /// the edge on the floor. A top leg crossed in front, its foot on the
    /// floor, is what says "lying on the side".
    LyingSideFromFront,
}

impl TrunkView {
    /// How far from the middle of the trunk the near (or far) limbs start,
    /// across it, in centimetres: at the shoulders and at the hips.
    pub fn limb_offsets(self) -> (f32, f32) {
        match self {
            TrunkView::Side => (0.0, 0.0),
            TrunkView::LyingSideFromFront => (-(Inset::HALF_WIDTH - 4.0), -8.0),
        }
    }
}

/// A roller or ball, and where its centre is.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Equipment {
    /// Centre of the roller's section or of the ball.
    pub at: Point,
    /// Diameter in centimetres: 15 for a roller, 6.5 for a ball.
    pub diameter: f32,
    /// For a roller lying along the view (seen from its side, not end-on):
    /// its length in centimetres. Zero draws it end-on, as a circle.
    #[serde(default)]
    pub length: f32,
}

/// The face of a body part that the tool presses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Face {
    #[default]
    Front,
    Back,
    Inner,
    Outer,
    /// The top, as of the shoulders.
    Top,
    /// The underside, as the sole of the foot.
    Under,
}

impl Face {
    /// The face in a few words, for the picture's description.
    pub fn words(self) -> &'static str {
        match self {
            Face::Front => "front",
            Face::Back => "back",
            Face::Inner => "inner side",
            Face::Outer => "outer side",
            Face::Top => "top",
            Face::Under => "underside",
        }
    }
}

/// The muscle worked: a band along one face of a body part, from one point
/// to another. The band lies on the side of the line that faces the tool.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Target {
    pub from: Point,
    pub to: Point,
    /// Thickness of the body part there, in centimetres: the band covers
    /// the half of it toward the tool.
    pub width: f32,
    /// Which face of the body part is worked.
    pub face: Face,
}

/// Which way a small inset picture looks at the trunk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum InsetView {
    /// From behind: the spine is marked down the middle.
    #[default]
    Back,
    /// From the front.
    Front,
    /// A close-up from the side of the foot standing on the ball: x along
    /// the foot (toes to the right), y up from the floor.
    Foot,
}

/// A small second picture, for what one side view cannot show: where on
/// the back or chest the ball sits, seen from behind or from the front, or
/// a foot on its ball seen close up.
/// Centimetres with x sideways from the middle of the body (to the
/// viewer's right) and y up from the hips; the shoulders are at y = 50.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Inset {
    pub view: InsetView,
    /// Centre of the ball.
    pub ball: Point,
    /// A second ball mirrored across the middle (two balls in a sock).
    #[serde(default)]
    pub both_sides: bool,
    /// The way the ball moves, when it is not along the main picture's
    /// arrow.
    #[serde(default)]
    pub path: Option<RollArrow>,
}

impl Inset {
    /// Half the width of the trunk, in centimetres.
    pub const HALF_WIDTH: f32 = 19.0;
    /// Height of the shoulder line above the hips, in centimetres.
    pub const SHOULDERS: f32 = 50.0;
    /// Half the width of the spine's marks, in centimetres: a ball must
    /// stay clear of it.
    pub const SPINE_HALF_WIDTH: f32 = 2.0;
    /// The length of the foot in a foot close-up, heel to toes, in
    /// centimetres: the foot's middle is at x = 0.
    pub const FOOT_LENGTH: f32 = 24.0;
}

/// The rolling path: an arrow beside the body.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct RollArrow {
    pub from: Point,
    pub to: Point,
    /// Heads at both ends when the movement goes back and forth.
    #[serde(default = "yes")]
    pub both_ways: bool,
}

fn yes() -> bool {
    true
}

/// Everything drawn on an exercise card's picture.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Illustration {
    pub pose: Pose,
    pub equipment: Equipment,
    pub target: Target,
    pub path: RollArrow,
    /// The x position of a wall the figure leans on, if any.
    #[serde(default)]
    pub wall: Option<f32>,
    /// Seen from above instead of from the side: no floor line, and y is
    /// sideways rather than up.
    #[serde(default)]
    pub from_above: bool,
    /// A close-up: only what is above this height (cm) is framed, so that a
    /// standing figure's ball at shoulder height is large enough to see.
    #[serde(default)]
    pub close_up_above: Option<f32>,
    /// A close-up of what is below this height (cm), such as a foot on a ball.
    #[serde(default)]
    pub close_up_below: Option<f32>,
    /// A small back or front view beside the main one.
    #[serde(default)]
    pub inset: Option<Inset>,
}

impl Illustration {
    /// Every point of the picture, for fitting it into a frame.
    pub fn points(&self) -> Vec<Point> {
        let p = &self.pose;
        let mut pts = vec![p.head, p.shoulder, p.hip];
        for arm in [p.near_arm, p.far_arm] {
            pts.extend([arm.elbow, arm.wrist]);
        }
        for leg in [p.near_leg, p.far_leg] {
            pts.extend([leg.knee, leg.ankle, leg.toe]);
        }
        let e = &self.equipment;
        pts.extend([
            e.at.offset(-e.length / 2.0, 0.0),
            e.at.offset(e.length / 2.0, 0.0),
            self.target.from,
            self.target.to,
        ]);
        pts.extend([self.path.from, self.path.to]);
        pts
    }
}
