//! Draws an exercise's picture from its pose: a pictogram figure of rounded
//! capsules on a floor line, the roller or ball, the target area and the
//! rolling path. Pure vector shapes, so it is sharp at any size.

use eframe::egui::{self, Color32, Pos2, Rect, Shape, Stroke, Vec2, pos2, vec2};

use super::picture_cache::{self, PictureKey};
use crate::model::illustration::{
    Arm, Illustration, Inset, InsetView, Leg, Point, Pose, RollArrow, TrunkView,
};
use crate::ui::theme::Palette;

/// Thickness of each body part, in centimetres.
mod body {
    pub const TORSO: f32 = 25.0;
    pub const NECK: f32 = 10.0;
    pub const HEAD_RADIUS: f32 = 11.0;
    pub const UPPER_ARM: f32 = 9.0;
    pub const FOREARM: f32 = 8.0;
    pub const HAND_RADIUS: f32 = 4.5;
    pub const THIGH: f32 = 15.0;
    pub const SHIN: f32 = 11.0;
    pub const FOOT: f32 = 7.5;
}

/// Margin around the figure, in centimetres.
const MARGIN_CM: f32 = 14.0;

/// The smallest a ball is drawn, in points across: true to size it would
/// vanish on a library card.
const MIN_BALL_POINTS: f32 = 11.0;

/// What the picture says to do now: roll along the arrow, stay on the
/// spot, or work the tissue around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Motion {
    /// Rolling: the arrow along the stroke.
    #[default]
    Roll,
    /// A hold: a "stay here" mark on the spot, no arrow.
    Hold,
    /// Too sore to hold: small movements around the spot.
    WorkAround,
}

/// Where the main picture and its inset (if any) go in `rect`: the inset
/// takes a column on the right.
fn areas(ill: &Illustration, rect: Rect) -> (Rect, Option<Rect>) {
    if ill.inset.is_none() {
        return (rect, None);
    }
    let w = (rect.width() * 0.32).min(rect.height() * 0.8);
    let h = (w * 1.45).min(rect.height());
    let gap = (rect.width() * 0.02).max(2.0);
    let inset = Rect::from_center_size(pos2(rect.right() - w / 2.0, rect.center().y), vec2(w, h));
    let main = Rect::from_min_max(rect.min, pos2(rect.right() - w - gap, rect.bottom()));
    (main, Some(inset))
}

/// Maps scene centimetres into a screen rectangle, keeping proportions.
#[derive(Debug, Clone, Copy)]
struct Fit {
    scale: f32,
    origin: Pos2,
    floor_y: f32,
    /// The scene's bounds on screen, for the mat of a view from above.
    bounds: Rect,
}

impl Fit {
    /// The fit of `ill`'s main view into its part of `rect`.
    fn new(ill: &Illustration, rect: Rect) -> Fit {
        Fit::main(ill, areas(ill, rect).0)
    }

    fn main(ill: &Illustration, rect: Rect) -> Fit {
        let mut pts = ill.points();
        if let Some(bottom) = ill.close_up_above {
            pts.retain(|p| p.1 >= bottom);
        }
        if let Some(top) = ill.close_up_below {
            pts.retain(|p| p.1 <= top);
        }
        let (mut min_x, mut max_x) = (f32::MAX, f32::MIN);
        let mut max_y = f32::MIN;
        for p in &pts {
            min_x = min_x.min(p.0);
            max_x = max_x.max(p.0);
            max_y = max_y.max(p.1);
        }
        if let Some(wall) = ill.wall {
            min_x = min_x.min(wall);
            max_x = max_x.max(wall);
        }
        let min_x = min_x - MARGIN_CM;
        let max_x = max_x + MARGIN_CM;
        let max_y = ill.close_up_below.unwrap_or(max_y + MARGIN_CM);
        let mut min_y = -MARGIN_CM * 0.6; // a little floor below the line
        if ill.from_above {
            min_y = pts.iter().map(|p| p.1).fold(f32::MAX, f32::min) - MARGIN_CM;
        }
        if let Some(bottom) = ill.close_up_above {
            min_y = bottom;
        }
        Fit::into(rect, min_x, max_x, min_y, max_y)
    }

    /// The fit of the scene box `min_x..max_x`, `min_y..max_y` into `rect`.
    fn into(rect: Rect, min_x: f32, max_x: f32, min_y: f32, max_y: f32) -> Fit {
        let w = (max_x - min_x).max(1.0);
        let h = (max_y - min_y).max(1.0);
        let scale = (rect.width() / w).min(rect.height() / h);
        let used = vec2(w, h) * scale;
        let top_left = rect.center() - used / 2.0;
        Fit {
            scale,
            origin: pos2(top_left.x - min_x * scale, top_left.y + max_y * scale),
            floor_y: top_left.y + max_y * scale,
            bounds: Rect::from_min_size(top_left, used),
        }
    }

    fn at(&self, p: Point) -> Pos2 {
        pos2(
            self.origin.x + p.0 * self.scale,
            self.origin.y - p.1 * self.scale,
        )
    }

    fn len(&self, cm: f32) -> f32 {
        cm * self.scale
    }
}

/// A direction in the scene (y up) as a direction on screen (y down).
fn screen_dir(d: Point) -> Vec2 {
    let v = vec2(d.0, -d.1);
    if v.length() > 0.0 {
        v.normalized()
    } else {
        Vec2::ZERO
    }
}

/// The parts of a picture from back to front. The figure's parts move
/// under the tool while rolling; the others stay put.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    /// Floor, wall or mat, and the length of a roller behind the body.
    Ground,
    /// The figure's far limbs.
    FarSide,
    /// The figure's near side and the area worked.
    NearSide,
    /// The roller or ball, over the area it presses.
    Tool,
    /// The rolling arrow, or the mark of a hold.
    Path,
    /// The small back or front view, if there is one.
    Inset,
}

impl Part {
    const ALL: [Part; 6] = [
        Part::Ground,
        Part::FarSide,
        Part::NearSide,
        Part::Tool,
        Part::Path,
        Part::Inset,
    ];

    fn name(self, motion: Motion) -> &'static str {
        match (self, motion) {
            (Part::Ground, _) => "ground",
            (Part::FarSide, _) => "far side",
            (Part::NearSide, _) => "near side",
            (Part::Tool, _) => "tool",
            (Part::Path, Motion::Roll) => "path",
            (Part::Path, Motion::Hold) => "hold mark",
            (Part::Path, Motion::WorkAround) => "around mark",
            (Part::Inset, Motion::Roll) => "inset",
            (Part::Inset, Motion::Hold) => "inset, hold",
            (Part::Inset, Motion::WorkAround) => "inset, around",
        }
    }

    fn moves(self) -> bool {
        matches!(self, Part::FarSide | Part::NearSide)
    }
}

/// Shapes collected for drawing into a texture.
#[derive(Default)]
struct Canvas(Vec<Shape>);

impl Canvas {
    fn line_segment(&mut self, points: [Pos2; 2], stroke: Stroke) {
        self.0.push(Shape::line_segment(points, stroke));
    }

    fn circle_filled(&mut self, centre: Pos2, radius: f32, colour: Color32) {
        self.0.push(Shape::circle_filled(centre, radius, colour));
    }

    fn add(&mut self, shape: Shape) {
        self.0.push(shape);
    }
}

/// The shapes of one part of `ill` at rest, fitted into `rect`.
fn part_shapes(
    ill: &Illustration,
    rect: Rect,
    palette: &Palette,
    part: Part,
    motion: Motion,
) -> Vec<Shape> {
    let (main, inset) = areas(ill, rect);
    let fit = Fit::main(ill, main);
    let mut canvas = Canvas::default();
    match part {
        Part::Ground => paint_ground(&mut canvas, &fit, ill, main, palette),
        Part::FarSide => paint_far_side(&mut canvas, &fit, &ill.pose, palette.figure_far),
        Part::NearSide => paint_near_side(&mut canvas, &fit, ill, palette),
        // Seen from above, the body lies over the roller.
        Part::Tool if !ill.from_above => paint_equipment(&mut canvas, &fit, ill, palette),
        Part::Tool => {}
        Part::Path => match motion {
            Motion::Roll => paint_arrow(&mut canvas, &fit, &ill.path, palette),
            // With an inset, the pin goes on its ball, larger and clear
            // of the body.
            Motion::Hold | Motion::WorkAround if ill.inset.is_some() => {}
            Motion::Hold | Motion::WorkAround => {
                paint_spot(&mut canvas, &fit, ill, palette, motion)
            }
        },
        Part::Inset => {
            if let (Some(area), Some(view)) = (inset, &ill.inset) {
                let diameter = ill.equipment.diameter;
                paint_inset(&mut canvas, area, view, diameter, palette, motion);
            }
        }
    }
    canvas.0
}

/// Every shape of `ill` at rest in `rect`, back to front: what [`paint`]
/// draws into its texture.
pub fn shapes(ill: &Illustration, rect: Rect, palette: &Palette, motion: Motion) -> Vec<Shape> {
    Part::ALL
        .iter()
        .flat_map(|&part| part_shapes(ill, rect, palette, part, motion))
        .collect()
}

/// The colour of a roller's length and a ball's shadowed side: the
/// equipment's colour, a step darker.
fn equipment_side(palette: &Palette) -> Color32 {
    let c = palette.equipment;
    let k = 0.72;
    Color32::from_rgb(
        (c.r() as f32 * k) as u8,
        (c.g() as f32 * k) as u8,
        (c.b() as f32 * k) as u8,
    )
}

/// The floor line (or, seen from above, the mat), the wall if there is
/// one, and the length of a roller seen end-on, behind the body.
fn paint_ground(canvas: &mut Canvas, fit: &Fit, ill: &Illustration, rect: Rect, palette: &Palette) {
    let ground = Stroke::new(fit.len(1.6).max(1.5), palette.ground);
    if ill.from_above {
        let mat = fit.bounds.shrink(fit.len(MARGIN_CM * 0.35));
        canvas.add(Shape::rect_stroke(
            mat,
            fit.len(4.0),
            ground,
            egui::StrokeKind::Middle,
        ));
    } else {
        canvas.line_segment(
            [
                pos2(rect.left() + 6.0, fit.floor_y),
                pos2(rect.right() - 6.0, fit.floor_y),
            ],
            ground,
        );
    }
    if let Some(wall) = ill.wall {
        let x = fit.at(Point(wall, 0.0)).x;
        canvas.line_segment([pos2(x, fit.floor_y), pos2(x, rect.top() + 6.0)], ground);
    }
    if ill.from_above {
        paint_equipment(canvas, fit, ill, palette);
    }
    let e = &ill.equipment;
    if is_roller(e.diameter) && e.length <= 0.0 {
        // The roller's length going away from the viewer, mostly hidden
        // by the body: it says "cylinder", not "ball".
        let r = fit.len(e.diameter / 2.0);
        let front = fit.at(e.at);
        let back = front + vec2(0.55, -0.5) * 2.0 * r;
        capsule(canvas, front, back, 2.0 * r, equipment_side(palette));
        canvas.add(Shape::circle_stroke(
            back,
            r * 0.96,
            Stroke::new(r * 0.08, palette.equipment),
        ));
    }
}

/// Whether a tool of this diameter (cm) is a roller rather than a ball.
fn is_roller(diameter: f32) -> bool {
    diameter >= 10.0
}

/// Where the limbs start: one shoulder and one hip for a side view; for a
/// trunk seen from behind, the near limbs from its floor side and the far
/// ones from its top.
struct Roots {
    near_shoulder: Point,
    far_shoulder: Point,
    near_hip: Point,
    far_hip: Point,
}

/// Unit vectors (scene cm, y up) along the trunk, from the hip to the
/// shoulder, and across it toward the top (away from the floor); and the
/// trunk's length, hip to shoulder.
fn trunk_axes(pose: &Pose) -> (Point, Point, f32) {
    let (dx, dy) = (pose.shoulder.0 - pose.hip.0, pose.shoulder.1 - pose.hip.1);
    let len = (dx * dx + dy * dy).sqrt().max(1e-3);
    let along = Point(dx / len, dy / len);
    let across = Point(-along.1, along.0);
    if across.1 < 0.0 {
        (along, Point(-across.0, -across.1), len)
    } else {
        (along, across, len)
    }
}

fn roots(pose: &Pose) -> Roots {
    let (at_shoulder, at_hip) = pose.trunk.limb_offsets();
    let (_, up, _) = trunk_axes(pose);
    let moved = |p: Point, k: f32| p.offset(up.0 * k, up.1 * k);
    Roots {
        near_shoulder: moved(pose.shoulder, -at_shoulder),
        far_shoulder: moved(pose.shoulder, at_shoulder),
        near_hip: moved(pose.hip, -at_hip),
        far_hip: moved(pose.hip, at_hip),
    }
}

/// The figure's far leg and arm, behind the near side.
fn paint_far_side(canvas: &mut Canvas, fit: &Fit, pose: &Pose, colour: Color32) {
    let roots = roots(pose);
    paint_leg(canvas, fit, roots.far_hip, &pose.far_leg, colour);
    paint_arm(canvas, fit, roots.far_shoulder, &pose.far_arm, colour);
}

/// The figure's head (with the nose that shows where it faces), torso,
/// near leg and arm, and the area worked (which moves with the body).
fn paint_near_side(canvas: &mut Canvas, fit: &Fit, ill: &Illustration, palette: &Palette) {
    let pose = &ill.pose;
    let near = palette.figure;
    let roots = roots(pose);
    body_capsule(canvas, fit, pose.shoulder, pose.head, body::NECK, near);
    paint_head(canvas, fit, pose, near);
    match pose.trunk {
        TrunkView::Side => body_capsule(canvas, fit, pose.shoulder, pose.hip, body::TORSO, near),
        TrunkView::LyingSideFromFront => {
            let (along, up, length) = trunk_axes(pose);
            let hip = pose.hip;
            let place = |p: Point| {
                fit.at(hip.offset(along.0 * p.1 + up.0 * p.0, along.1 * p.1 + up.1 * p.0))
            };
            paint_trunk_face_on(canvas, place, length, fit.scale, near, None);
        }
    }
    paint_leg(canvas, fit, roots.near_hip, &pose.near_leg, near);
    // A thin gap around the near arm, so it shows where it lies over the
    // body (arms hanging at a standing figure's side).
    let gap = fit.len(1.2).max(1.0) * 2.0;
    let arm = &pose.near_arm;
    for (a, b, w) in [
        (roots.near_shoulder, arm.elbow, body::UPPER_ARM),
        (arm.elbow, arm.wrist, body::FOREARM),
    ] {
        capsule(
            canvas,
            fit.at(a),
            fit.at(b),
            fit.len(w) + gap,
            palette.backdrop,
        );
    }
    canvas.circle_filled(
        fit.at(arm.wrist),
        fit.len(body::HAND_RADIUS) + gap / 2.0,
        palette.backdrop,
    );
    paint_arm(canvas, fit, roots.near_shoulder, arm, near);
    paint_target(canvas, fit, ill, palette);
}

/// A round head with a nose on the side it faces.
fn paint_head(canvas: &mut Canvas, fit: &Fit, pose: &Pose, colour: Color32) {
    let centre = fit.at(pose.head);
    let r = fit.len(body::HEAD_RADIUS);
    canvas.circle_filled(centre, r, colour);
    let dir = screen_dir(pose.facing);
    if dir == Vec2::ZERO {
        return;
    }
    let tip = centre + dir * r * 1.42;
    let side = |angle: f32| centre + Vec2::angled(dir.angle() + angle) * r * 0.92;
    canvas.add(Shape::convex_polygon(
        vec![side(-0.62), tip, side(0.62)],
        colour,
        Stroke::NONE,
    ));
}

/// Which way, on screen, the area worked faces: from the middle of the
/// body part toward the tool.
fn target_normal(fit: &Fit, ill: &Illustration) -> Vec2 {
    let t = &ill.target;
    let (a, b) = (fit.at(t.from), fit.at(t.to));
    let along = b - a;
    let n = if along.length() > 0.0 {
        along.normalized().rot90()
    } else {
        Vec2::Y
    };
    let to_tool = fit.at(ill.equipment.at) - a;
    if n.dot(to_tool) < 0.0 { -n } else { n }
}

/// The area worked: a band along the face of the body part that the tool
/// presses, not the whole limb.
fn paint_target(canvas: &mut Canvas, fit: &Fit, ill: &Illustration, palette: &Palette) {
    let t = &ill.target;
    let n = target_normal(fit, ill);
    let w = fit.len(t.width);
    let shift = n * w * 0.27;
    capsule(
        canvas,
        fit.at(t.from) + shift,
        fit.at(t.to) + shift,
        w * 0.52,
        palette.target,
    );
}

/// Where the tool presses the area worked: on the body's surface, at the
/// point of the band nearest the tool.
fn contact_spot(fit: &Fit, ill: &Illustration) -> Pos2 {
    let t = &ill.target;
    let (a, b) = (fit.at(t.from), fit.at(t.to));
    let c = fit.at(ill.equipment.at);
    let ab = b - a;
    let k = if ab.length_sq() > 0.0 {
        ((c - a).dot(ab) / ab.length_sq()).clamp(0.0, 1.0)
    } else {
        0.0
    };
    a + ab * k + target_normal(fit, ill) * fit.len(t.width) * 0.4
}

/// A leg from the hip: thigh, shin and foot.
fn paint_leg(canvas: &mut Canvas, fit: &Fit, hip: Point, leg: &Leg, colour: Color32) {
    body_capsule(canvas, fit, hip, leg.knee, body::THIGH, colour);
    body_capsule(canvas, fit, leg.knee, leg.ankle, body::SHIN, colour);
    body_capsule(canvas, fit, leg.ankle, leg.toe, body::FOOT, colour);
}

/// An arm from the shoulder: upper arm, forearm and hand.
fn paint_arm(canvas: &mut Canvas, fit: &Fit, shoulder: Point, arm: &Arm, colour: Color32) {
    body_capsule(canvas, fit, shoulder, arm.elbow, body::UPPER_ARM, colour);
    body_capsule(canvas, fit, arm.elbow, arm.wrist, body::FOREARM, colour);
    canvas.circle_filled(fit.at(arm.wrist), fit.len(body::HAND_RADIUS), colour);
}

/// A [`capsule`] between two scene points, `width_cm` thick.
fn body_capsule(
    canvas: &mut Canvas,
    fit: &Fit,
    a: Point,
    b: Point,
    width_cm: f32,
    colour: Color32,
) {
    capsule(canvas, fit.at(a), fit.at(b), fit.len(width_cm), colour);
}

/// Draws `ill` filling `rect` as well as it fits, centred, with its
/// rolling arrow. `owner` names the picture (the exercise's id): it is
/// drawn once into a texture and kept.
pub fn paint(
    painter: &egui::Painter,
    rect: Rect,
    owner: &str,
    ill: &Illustration,
    palette: &Palette,
) {
    paint_marked(painter, rect, owner, ill, palette, Motion::Roll);
}

/// Draws `ill` like [`paint`], with the mark of `motion`: the rolling
/// arrow, or the spot to stay on or to work around.
pub fn paint_marked(
    painter: &egui::Painter,
    rect: Rect,
    owner: &str,
    ill: &Illustration,
    palette: &Palette,
    motion: Motion,
) {
    let whole = match motion {
        Motion::Roll => "whole",
        Motion::Hold => "whole, hold",
        Motion::WorkAround => "whole, around",
    };
    let key = key(owner, whole, palette);
    let texture = picture_cache::texture(painter.ctx(), key, rect, || {
        shapes(ill, rect, palette, motion)
    });
    if let Some(texture) = texture {
        picture_cache::draw(
            &painter.with_clip_rect(rect.intersect(painter.clip_rect())),
            &texture,
            Vec2::ZERO,
        );
    }
}

fn key(owner: &str, part: &'static str, palette: &Palette) -> PictureKey {
    PictureKey {
        owner: owner.to_owned(),
        part,
        dark: palette.dark,
    }
}

/// Unit vector (in scene cm, y up) along the roll path.
fn path_unit(ill: &Illustration) -> Vec2 {
    let d = vec2(
        ill.path.to.0 - ill.path.from.0,
        ill.path.to.1 - ill.path.from.1,
    );
    if d.length() > 0.0 {
        d.normalized()
    } else {
        Vec2::ZERO
    }
}

/// The roller or ball, drawn over the area it presses.
fn paint_equipment(canvas: &mut Canvas, fit: &Fit, ill: &Illustration, palette: &Palette) {
    let e = &ill.equipment;
    let centre = fit.at(e.at);
    let r = fit.len(e.diameter / 2.0);
    if e.length > 0.0 {
        paint_long_roller(canvas, centre, r, fit.len(e.length), palette);
    } else if is_roller(e.diameter) {
        // The end of the roller: a rim and a hollow core.
        canvas.circle_filled(centre, r, palette.equipment);
        canvas.add(Shape::circle_stroke(
            centre,
            r * 0.8,
            Stroke::new(r * 0.07, equipment_side(palette)),
        ));
        canvas.circle_filled(centre, r * 0.36, palette.equipment_inner);
    } else {
        let r = r.max(MIN_BALL_POINTS / 2.0);
        let on_floor = !ill.from_above && e.at.1 - e.diameter / 2.0 < 1.0;
        // Kept on the floor when drawn larger than true size.
        let centre = if on_floor {
            pos2(centre.x, fit.floor_y - r)
        } else {
            centre
        };
        paint_ball(canvas, centre, r, palette);
    }
}

/// A ball: a sphere with its shadowed side and a shine.
fn paint_ball(canvas: &mut Canvas, centre: Pos2, r: f32, palette: &Palette) {
    canvas.circle_filled(centre, r, equipment_side(palette));
    canvas.circle_filled(centre + vec2(-r, -r) * 0.12, r * 0.86, palette.equipment);
    canvas.circle_filled(
        centre + vec2(-r * 0.34, -r * 0.34),
        r * 0.24,
        palette.equipment_inner,
    );
}

/// A roller lying along the view (seen from above): its long side with
/// a shine along it, and one end showing as an ellipse with its core.
fn paint_long_roller(canvas: &mut Canvas, centre: Pos2, r: f32, length: f32, palette: &Palette) {
    let half = vec2((length / 2.0 - r * 0.5).max(0.0), 0.0);
    let (left, right) = (centre - half, centre + half);
    canvas.add(Shape::rect_filled(
        Rect::from_min_max(left - vec2(0.0, r), right + vec2(0.0, r)),
        0.0,
        palette.equipment,
    ));
    canvas.add(Shape::ellipse_filled(
        left,
        vec2(r * 0.45, r),
        palette.equipment,
    ));
    canvas.line_segment(
        [
            left + vec2(r * 0.2, -r * 0.5),
            right - vec2(r * 0.4, r * 0.5),
        ],
        Stroke::new(r * 0.22, palette.equipment_inner),
    );
    canvas.add(Shape::ellipse_filled(
        right,
        vec2(r * 0.45, r),
        equipment_side(palette),
    ));
    canvas.add(Shape::ellipse_filled(
        right,
        vec2(r * 0.17, r * 0.38),
        palette.equipment_inner,
    ));
}

/// The rolling path: an arrow with a head at the end (and at the start
/// when it goes both ways).
fn paint_arrow(canvas: &mut Canvas, fit: &Fit, path: &RollArrow, palette: &Palette) {
    let width = fit.len(2.4).max(2.0);
    arrow(
        canvas,
        fit.at(path.from),
        fit.at(path.to),
        width,
        path.both_ways,
        palette.path,
    );
}

/// An arrow from `a` to `b`, `width` thick.
fn arrow(canvas: &mut Canvas, a: Pos2, b: Pos2, width: f32, both_ways: bool, colour: Color32) {
    let d = b - a;
    if d.length() < 1.0 {
        return;
    }
    let dir = d.normalized();
    // A short arrow gets smaller heads rather than heads that meet.
    let room = if both_ways { 0.34 } else { 0.6 };
    let head_len = (width * 3.2).max(8.0).min(d.length() * room);
    let width = width.min(head_len * 0.45);
    let head_half = head_len * 0.62;
    let start = if both_ways {
        a + dir * head_len * 0.8
    } else {
        a
    };
    let end = b - dir * head_len * 0.8;
    canvas.line_segment([start, end], Stroke::new(width, colour));
    let head = |tip: Pos2, dir: Vec2| {
        let base = tip - dir * head_len;
        let side = dir.rot90() * head_half;
        Shape::convex_polygon(vec![tip, base + side, base - side], colour, Stroke::NONE)
    };
    canvas.add(head(b, dir));
    if both_ways {
        canvas.add(head(a, -dir));
    }
}

/// The spot under the tool, marked by a pin standing on the body over it
/// (so the tool stays in view). A hold: "stay here", a filled pin. Too
/// sore to hold: the pin left hollow, with small strokes either side of it
/// along the roll path.
fn paint_spot(
    canvas: &mut Canvas,
    fit: &Fit,
    ill: &Illustration,
    palette: &Palette,
    motion: Motion,
) {
    let n = target_normal(fit, ill);
    // From the spot, across the body part to its other face.
    let tip = contact_spot(fit, ill) - n * fit.len(ill.target.width) * 0.8;
    let r = fit.len(4.5).max(7.0);
    let u = path_unit(ill);
    pin(canvas, tip, -n, r, vec2(u.x, -u.y), palette, motion);
}

/// A map pin with its point at `tip` and its round head (radius `r`) the
/// way of `up`. A hold: a filled pin, "stay here". Too sore to hold: the
/// pin left hollow, with small strokes either side of it `along` the roll.
fn pin(
    canvas: &mut Canvas,
    tip: Pos2,
    up: Vec2,
    r: f32,
    along: Vec2,
    palette: &Palette,
    motion: Motion,
) {
    let centre = tip + up * r * 2.3;
    let width = (r * 0.3).max(2.0);
    // The pin's point: from the tip to the far side of its round head.
    let reach = (r / (r * 2.3)).asin();
    let mut point = vec![tip];
    let steps = 10;
    for i in 0..=steps {
        let ang = -std::f32::consts::FRAC_PI_2 - reach
            + (std::f32::consts::PI + 2.0 * reach) * i as f32 / steps as f32;
        let dir = Vec2::angled(up.angle() + std::f32::consts::PI + ang);
        point.push(centre + dir * r);
    }
    canvas.add(Shape::convex_polygon(
        point.clone(),
        palette.backdrop,
        Stroke::new(width * 1.6, palette.backdrop),
    ));
    canvas.add(Shape::convex_polygon(point, palette.path, Stroke::NONE));
    canvas.circle_filled(centre, r, palette.path);
    if motion == Motion::Hold {
        canvas.circle_filled(centre, r * 0.38, palette.backdrop);
        return;
    }
    canvas.circle_filled(centre, r - width, palette.backdrop);
    canvas.add(Shape::circle_stroke(
        centre,
        r - width / 2.0,
        Stroke::new(width, palette.path),
    ));
    for side in [-1.0, 1.0] {
        let mid = centre + along * side * r * 2.8;
        let half = along * r * 1.1;
        arrow(canvas, mid - half, mid + half, width, true, palette.path);
    }
}

/// Body sizes of the inset's trunk, in centimetres.
mod trunk {
    pub const NECK_TOP: f32 = 60.0;
    pub const HEAD: f32 = 71.0;
    pub const HEAD_RADIUS: f32 = 10.0;
    pub const WAIST_HALF: f32 = 15.0;
}

/// The small picture beside the main one: a back or front view of the
/// trunk with the ball (or two) on the area worked, or a close-up of the
/// foot on its ball; the ball's path when it moves across the view, or, in
/// a hold, the pin on the spot.
fn paint_inset(
    canvas: &mut Canvas,
    area: Rect,
    inset: &Inset,
    diameter: f32,
    palette: &Palette,
    motion: Motion,
) {
    canvas.add(Shape::rect_filled(
        area,
        area.width() * 0.08,
        palette.backdrop,
    ));
    canvas.add(Shape::rect_stroke(
        area,
        area.width() * 0.08,
        Stroke::new(1.5, palette.ground),
        egui::StrokeKind::Inside,
    ));
    let inner = area.shrink(area.width() * 0.06);
    let fit = match inset.view {
        InsetView::Back | InsetView::Front => paint_inset_trunk(canvas, inner, inset, palette),
        InsetView::Foot => paint_inset_foot(canvas, inner, diameter, palette),
    };
    let r = fit.len(diameter / 2.0).max(MIN_BALL_POINTS / 2.0 * 0.8);
    let balls: &[f32] = if inset.both_sides {
        &[1.0, -1.0]
    } else {
        &[1.0]
    };
    for &side in balls {
        let at = fit.at(Point(inset.ball.0 * side, inset.ball.1));
        if inset.view != InsetView::Foot {
            // The highlight round the ball stops short of the spine's marks,
            // so the spine never looks like part of the area worked.
            let clear = fit.len(inset.ball.0.abs() - Inset::SPINE_HALF_WIDTH - 0.5);
            let ring = if inset.view == InsetView::Back {
                (r * 2.3).min(clear.max(r * 1.3))
            } else {
                r * 2.3
            };
            canvas.circle_filled(at, ring, palette.target);
        }
        paint_ball(canvas, at, r, palette);
    }
    // The foot's close-up is drawn larger than a trunk: a thinner stroke
    // keeps its arrow the same weight on screen.
    let stroke_cm = if inset.view == InsetView::Foot {
        1.6
    } else {
        2.4
    };
    let width = fit.len(stroke_cm).max(2.5);
    match motion {
        Motion::Roll => {
            if let Some(path) = &inset.path {
                let (a, b) = (fit.at(path.from), fit.at(path.to));
                arrow(canvas, a, b, width, path.both_ways, palette.path);
            }
        }
        Motion::Hold | Motion::WorkAround => {
            // The pin stands over the ball: on a foot, on the foot's top.
            let tip = if inset.view == InsetView::Foot {
                fit.at(Point(inset.ball.0, diameter + body::FOOT))
            } else {
                fit.at(inset.ball) - vec2(0.0, r * 0.9)
            };
            let head = (area.width() * 0.07).max(6.0);
            let along = inset
                .path
                .map(|p| (fit.at(p.to) - fit.at(p.from)).normalized())
                .unwrap_or(Vec2::X);
            pin(canvas, tip, -Vec2::Y, head, along, palette, motion);
        }
    }
}

/// The inset's trunk, seen from behind (with the spine) or from the
/// front, fitted into `area`: its fit, for the ball.
fn paint_inset_trunk(canvas: &mut Canvas, area: Rect, inset: &Inset, palette: &Palette) -> Fit {
    let half = Inset::HALF_WIDTH;
    let fit = Fit::into(
        area,
        -half - 9.0,
        half + 9.0,
        -4.0,
        trunk::HEAD + trunk::HEAD_RADIUS + 3.0,
    );
    let figure = palette.figure;
    let shoulders = Inset::SHOULDERS;
    // Arms hanging at the sides, then the trunk over them.
    for side in [-1.0, 1.0] {
        let top = Point(side * (half - 2.0), shoulders - 4.0);
        let elbow = Point(side * (half + 2.0), shoulders - 26.0);
        body_capsule(canvas, &fit, top, elbow, body::UPPER_ARM, figure);
        body_capsule(
            canvas,
            &fit,
            elbow,
            Point(side * (half + 3.0), 2.0),
            body::FOREARM,
            figure,
        );
    }
    body_capsule(
        canvas,
        &fit,
        Point(0.0, shoulders),
        Point(0.0, trunk::NECK_TOP),
        body::NECK,
        figure,
    );
    canvas.circle_filled(
        fit.at(Point(0.0, trunk::HEAD)),
        fit.len(trunk::HEAD_RADIUS),
        figure,
    );
    let spine = (inset.view == InsetView::Back).then_some(palette.backdrop);
    paint_trunk_face_on(canvas, |p| fit.at(p), shoulders, fit.scale, figure, spine);
    fit
}

/// The inset's close-up of a foot standing on the ball, seen from the
/// side with the toes to the right: the shin going up out of the view,
/// the sole on the ball, its underside marked. Returns its fit.
fn paint_inset_foot(canvas: &mut Canvas, area: Rect, diameter: f32, palette: &Palette) -> Fit {
    let half = Inset::FOOT_LENGTH / 2.0;
    let top = 34.0;
    let fit = Fit::into(area, -half - 6.0, half + 6.0, -3.0, top);
    let ground = Stroke::new(fit.len(1.0).max(1.5), palette.ground);
    canvas.line_segment(
        [
            pos2(area.left() + 2.0, fit.at(Point(0.0, 0.0)).y),
            pos2(area.right() - 2.0, fit.at(Point(0.0, 0.0)).y),
        ],
        ground,
    );
    let sole = diameter + body::FOOT / 2.0;
    let heel = Point(-half + body::FOOT / 2.0, sole);
    let toes = Point(half - body::FOOT / 2.0, sole);
    let ankle = Point(heel.0 + 4.0, sole + 2.0);
    // The shin leaves the view at its top edge, cut square.
    let knee_way = fit.at(Point(ankle.0 + 3.0, top));
    canvas.line_segment(
        [fit.at(ankle), knee_way],
        Stroke::new(fit.len(body::SHIN), palette.figure),
    );
    canvas.circle_filled(fit.at(ankle), fit.len(body::SHIN / 2.0), palette.figure);
    body_capsule(canvas, &fit, heel, toes, body::FOOT, palette.figure);
    // The sole, the face worked.
    let under = |p: Point| p.offset(0.0, -body::FOOT * 0.27);
    capsule(
        canvas,
        fit.at(under(heel)),
        fit.at(under(toes)),
        fit.len(body::FOOT * 0.5),
        palette.target,
    );
    fit
}

/// A trunk seen from the front or from behind: wider at the shoulders than
/// at the waist, with rounded shoulders, and (given its colour) the spine
/// as a row of bumps from the hips up the neck, where no ball goes.
/// `place` puts a point of the trunk (x across from its middle, y along
/// it from the hips, in cm) on screen; `scale` is points per cm.
fn paint_trunk_face_on(
    canvas: &mut Canvas,
    place: impl Fn(Point) -> Pos2,
    shoulders: f32,
    scale: f32,
    colour: Color32,
    spine: Option<Color32>,
) {
    let half = Inset::HALF_WIDTH;
    let outline = vec![
        place(Point(-trunk::WAIST_HALF, 0.0)),
        place(Point(trunk::WAIST_HALF, 0.0)),
        place(Point(half, shoulders - 6.0)),
        place(Point(half - 3.0, shoulders)),
        place(Point(-half + 3.0, shoulders)),
        place(Point(-half, shoulders - 6.0)),
    ];
    canvas.add(Shape::convex_polygon(outline, colour, Stroke::NONE));
    capsule(
        canvas,
        place(Point(-half + 3.0, shoulders - 3.0)),
        place(Point(half - 3.0, shoulders - 3.0)),
        7.0 * scale,
        colour,
    );
    if let Some(bumps) = spine {
        let top = shoulders + (trunk::NECK_TOP - Inset::SHOULDERS);
        let mut y = 3.0;
        while y < top {
            let r = (Inset::SPINE_HALF_WIDTH * scale).max(1.2);
            canvas.circle_filled(place(Point(0.0, y)), r, bumps);
            y += 5.5;
        }
    }
}

/// A thick segment with round ends: the building block of the figure.
fn capsule(canvas: &mut Canvas, a: Pos2, b: Pos2, width: f32, colour: Color32) {
    let r = width / 2.0;
    if colour.a() == 255 {
        canvas.line_segment([a, b], Stroke::new(width, colour));
        canvas.circle_filled(a, r, colour);
        canvas.circle_filled(b, r, colour);
        return;
    }
    // Translucent: one outline, so overlaps don't darken.
    let d = b - a;
    let dir = if d.length() > 0.0 {
        d.normalized()
    } else {
        Vec2::X
    };
    let n = dir.rot90();
    let steps = 12;
    let mut pts = Vec::with_capacity(2 * (steps + 1));
    for i in 0..=steps {
        let ang = std::f32::consts::PI * i as f32 / steps as f32;
        pts.push(b + (n * ang.cos() + dir * ang.sin()) * r);
    }
    for i in 0..=steps {
        let ang = std::f32::consts::PI * i as f32 / steps as f32;
        pts.push(a - (n * ang.cos() + dir * ang.sin()) * r);
    }
    canvas.add(Shape::convex_polygon(pts, colour, Stroke::NONE));
}

/// A widget showing an illustration at the given size, with a backdrop.
pub fn show(
    ui: &mut egui::Ui,
    owner: &str,
    ill: &Illustration,
    size: Vec2,
    description: &str,
) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
    let palette = Palette::of(ui);
    if ui.is_rect_visible(rect) {
        let painter = ui.painter_at(rect);
        painter.rect_filled(rect, 12.0, palette.backdrop);
        paint(&painter, rect.shrink(8.0), owner, ill, &palette);
    }
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, description));
    response
}

/// Draws `ill` with the mark of `motion`, and the rolling animated: at
/// `stroke` (0 to 1 along the stroke, back and forth) the body slides over
/// the tool and a marker glides along the roll path, ringed in `halo` (the
/// colour behind the picture). `None` draws it at rest. Without `slide`
/// ("Reduce motion") the body stays where it is and only the marker moves.
/// Each part is drawn once into a texture; a frame only moves them.
#[allow(clippy::too_many_arguments)] // one picture, its place and its moment
pub fn paint_animated(
    painter: &egui::Painter,
    rect: Rect,
    owner: &str,
    ill: &Illustration,
    palette: &Palette,
    halo: Color32,
    motion: Motion,
    stroke: Option<f32>,
    slide: bool,
) {
    let Some(position) = stroke.filter(|_| motion == Motion::Roll) else {
        paint_marked(painter, rect, owner, ill, palette, motion);
        return;
    };
    let fit = Fit::new(ill, rect);
    let path = vec2(
        ill.path.to.0 - ill.path.from.0,
        ill.path.to.1 - ill.path.from.1,
    );
    // The body moves against the tool: as the tool travels along the path,
    // the body slides the other way by part of the path's length.
    let travel_cm = path.length() * 0.6;
    let shift_cm = (0.5 - position) * travel_cm;
    let unit = path_unit(ill);
    let shift = vec2(unit.x, -unit.y) * fit.len(shift_cm);
    // The moving parts are drawn with a margin, so what slides into view
    // is there.
    let margin = fit.len(travel_cm / 2.0) + 2.0;
    let clipped = painter.with_clip_rect(rect.intersect(painter.clip_rect()));
    for part in Part::ALL {
        let area = if part.moves() {
            rect.expand(margin)
        } else {
            rect
        };
        let key = key(owner, part.name(motion), palette);
        let texture = picture_cache::texture(painter.ctx(), key, area, || {
            part_shapes(ill, rect, palette, part, motion)
        });
        if let Some(texture) = texture {
            let offset = if part.moves() && slide {
                shift
            } else {
                Vec2::ZERO
            };
            picture_cache::draw(&clipped, &texture, offset);
        }
    }
    if path.length() < 1.0 {
        return;
    }
    let from = ill.path.from;
    let marker = Point(from.0 + path.x * position, from.1 + path.y * position);
    let r = fit.len(3.2).max(5.0);
    clipped.circle_filled(fit.at(marker), r, halo);
    clipped.circle_filled(fit.at(marker), r * 0.72, palette.path);
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // test code: a panic is a failed test

    use super::*;
    use crate::catalog::Catalog;

    /// Whether `shapes` hold an arrow: a line or a triangular head in the
    /// rolling path's colour.
    fn has_arrow(shapes: &[Shape]) -> bool {
        let colour = Palette::for_dark_mode(false).path;
        shapes.iter().any(|s| match s {
            Shape::LineSegment { stroke, .. } => stroke.color == colour,
            Shape::Path(p) => p.points.len() == 3 && p.fill == colour,
            _ => false,
        })
    }

    fn picture(id: &str, motion: Motion) -> Vec<Shape> {
        let catalog = Catalog::builtin().unwrap();
        let ill = &catalog.get(id).unwrap().illustration;
        let rect = Rect::from_min_size(Pos2::ZERO, vec2(400.0, 300.0));
        shapes(ill, rect, &Palette::for_dark_mode(false), motion)
    }

    #[test]
    fn a_hold_shows_the_spot_and_no_rolling_arrow() {
        let catalog = Catalog::builtin().unwrap();
        for e in catalog.exercises() {
            assert!(
                has_arrow(&picture(&e.id, Motion::Roll)),
                "{}: rolling",
                e.id
            );
            let hold = picture(&e.id, Motion::Hold);
            assert!(!has_arrow(&hold), "{}: a hold draws no rolling arrow", e.id);
            let path = Palette::for_dark_mode(false).path;
            assert!(
                hold.iter()
                    .any(|s| matches!(s, Shape::Circle(c) if c.fill == path)),
                "{}: a hold marks the spot",
                e.id
            );
        }
    }

    #[test]
    fn working_around_shows_small_strokes_either_side_of_the_spot() {
        let catalog = Catalog::builtin().unwrap();
        let ill = &catalog.get("quads").unwrap().illustration;
        let rect = Rect::from_min_size(Pos2::ZERO, vec2(400.0, 300.0));
        let palette = Palette::for_dark_mode(false);
        let around = part_shapes(ill, rect, &palette, Part::Path, Motion::WorkAround);
        let heads = around
            .iter()
            .filter(|s| matches!(s, Shape::Path(p) if p.points.len() == 3))
            .count();
        assert_eq!(heads, 4, "two small both-way strokes");
        assert!(
            around
                .iter()
                .any(|s| matches!(s, Shape::Circle(c) if c.stroke.color == palette.path)),
            "a ring on the spot"
        );
    }

    #[test]
    fn the_tool_is_drawn_over_the_area_worked() {
        let tool = Part::ALL.iter().position(|&p| p == Part::Tool);
        let target = Part::ALL.iter().position(|&p| p == Part::NearSide);
        assert!(tool > target);
    }
}
