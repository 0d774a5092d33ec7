//! Draws an exercise's picture from its pose: a pictogram figure of rounded
//! capsules on a floor line, the roller or ball, the target area and the
//! rolling path. Pure vector shapes, so it is sharp at any size.

use eframe::egui::{self, Color32, Pos2, Rect, Shape, Stroke, Vec2, pos2, vec2};

use super::picture_cache::{self, PictureKey};
use crate::model::illustration::{Arm, Illustration, Leg, Point, Pose};
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

/// Maps scene centimetres into a screen rectangle, keeping proportions.
#[derive(Debug, Clone, Copy)]
struct Fit {
    scale: f32,
    origin: Pos2,
    floor_y: f32,
}

impl Fit {
    fn new(ill: &Illustration, rect: Rect) -> Fit {
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
        let w = (max_x - min_x).max(1.0);
        let h = (max_y - min_y).max(1.0);
        let scale = (rect.width() / w).min(rect.height() / h);
        let used = vec2(w, h) * scale;
        let top_left = rect.center() - used / 2.0;
        Fit {
            scale,
            origin: pos2(top_left.x - min_x * scale, top_left.y + max_y * scale),
            floor_y: top_left.y + max_y * scale,
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

/// The parts of a picture from back to front. The figure's parts move
/// over the tool while rolling; the others stay put.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    /// Floor and wall.
    Ground,
    /// The figure's far limbs, behind the tool.
    FarSide,
    /// The roller or ball.
    Tool,
    /// The figure's near side and the target area, in front of the tool.
    NearSide,
    /// The rolling path.
    Path,
}

impl Part {
    const ALL: [Part; 5] = [
        Part::Ground,
        Part::FarSide,
        Part::Tool,
        Part::NearSide,
        Part::Path,
    ];

    fn name(self) -> &'static str {
        match self {
            Part::Ground => "ground",
            Part::FarSide => "far side",
            Part::Tool => "tool",
            Part::NearSide => "near side",
            Part::Path => "path",
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
fn part_shapes(ill: &Illustration, rect: Rect, palette: &Palette, part: Part) -> Vec<Shape> {
    let fit = Fit::new(ill, rect);
    let mut canvas = Canvas::default();
    match part {
        Part::Ground => paint_ground(&mut canvas, &fit, ill, rect, palette),
        Part::FarSide => paint_far_side(&mut canvas, &fit, &ill.pose, palette.figure_far),
        Part::Tool => paint_equipment(&mut canvas, &fit, ill, palette),
        Part::NearSide => paint_near_side(&mut canvas, &fit, ill, palette),
        Part::Path => paint_arrow(&mut canvas, &fit, ill, palette),
    }
    canvas.0
}

/// The floor line (unless seen from above) and the wall, if there is one.
fn paint_ground(canvas: &mut Canvas, fit: &Fit, ill: &Illustration, rect: Rect, palette: &Palette) {
    let ground = Stroke::new(fit.len(1.6).max(1.5), palette.ground);
    if !ill.from_above {
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
}

/// The figure's far leg and arm, behind the tool.
fn paint_far_side(canvas: &mut Canvas, fit: &Fit, pose: &Pose, colour: Color32) {
    paint_leg(canvas, fit, pose.hip, &pose.far_leg, colour);
    paint_arm(canvas, fit, pose.shoulder, &pose.far_arm, colour);
}

/// The figure's head, torso, near leg and arm, and the target area (which
/// moves with the body), in front of the tool.
fn paint_near_side(canvas: &mut Canvas, fit: &Fit, ill: &Illustration, palette: &Palette) {
    let pose = &ill.pose;
    let near = palette.figure;
    body_capsule(canvas, fit, pose.shoulder, pose.head, body::NECK, near);
    canvas.circle_filled(fit.at(pose.head), fit.len(body::HEAD_RADIUS), near);
    body_capsule(canvas, fit, pose.shoulder, pose.hip, body::TORSO, near);
    paint_leg(canvas, fit, pose.hip, &pose.near_leg, near);
    paint_arm(canvas, fit, pose.shoulder, &pose.near_arm, near);
    let t = &ill.target;
    body_capsule(canvas, fit, t.from, t.to, t.width, palette.target);
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

/// Draws `ill` filling `rect` as well as it fits, centred. `owner` names the
/// picture (the exercise's id): it is drawn once into a texture and kept.
pub fn paint(
    painter: &egui::Painter,
    rect: Rect,
    owner: &str,
    ill: &Illustration,
    palette: &Palette,
) {
    let key = key(owner, "whole", palette);
    let texture = picture_cache::texture(painter.ctx(), key, rect, || {
        Part::ALL
            .iter()
            .flat_map(|&part| part_shapes(ill, rect, palette, part))
            .collect()
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

fn paint_equipment(canvas: &mut Canvas, fit: &Fit, ill: &Illustration, palette: &Palette) {
    let e = &ill.equipment;
    let centre = fit.at(e.at);
    let r = fit.len(e.diameter / 2.0);
    if e.length > 0.0 {
        // A roller lying along the view: a long rounded bar.
        let half = vec2(fit.len(e.length / 2.0 - e.diameter / 2.0).max(0.0), 0.0);
        capsule(
            canvas,
            centre - half,
            centre + half,
            2.0 * r,
            palette.equipment,
        );
        return;
    }
    canvas.circle_filled(centre, r, palette.equipment);
    if e.diameter >= 10.0 {
        // A roller seen end-on: a hollow core.
        canvas.circle_filled(centre, r * 0.38, palette.equipment_inner);
    } else {
        // A ball: a small shine.
        canvas.circle_filled(
            centre + vec2(-r * 0.3, -r * 0.3),
            r * 0.28,
            palette.equipment_inner,
        );
    }
}

fn paint_arrow(canvas: &mut Canvas, fit: &Fit, ill: &Illustration, palette: &Palette) {
    let a = fit.at(ill.path.from);
    let b = fit.at(ill.path.to);
    let d = b - a;
    if d.length() < 1.0 {
        return;
    }
    let dir = d.normalized();
    let width = fit.len(2.4).max(2.0);
    let head_len = (width * 3.2).max(8.0);
    let head_half = head_len * 0.62;
    let start = if ill.path.both_ways {
        a + dir * head_len * 0.8
    } else {
        a
    };
    let end = b - dir * head_len * 0.8;
    canvas.line_segment([start, end], Stroke::new(width, palette.path));
    let head = |tip: Pos2, dir: Vec2| {
        let base = tip - dir * head_len;
        let side = dir.rot90() * head_half;
        Shape::convex_polygon(
            vec![tip, base + side, base - side],
            palette.path,
            Stroke::NONE,
        )
    };
    canvas.add(head(b, dir));
    if ill.path.both_ways {
        canvas.add(head(a, -dir));
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

/// Draws `ill` with the rolling animated: at `stroke` (0 to 1 along the
/// stroke, back and forth) the body slides over the tool and a marker
/// glides along the roll path, ringed in `halo` (the colour behind the
/// picture). `None` draws it at rest. Without `slide` ("Reduce motion")
/// the body stays where it is and only the marker moves. Each part is drawn
/// once into a texture; a frame only moves them.
#[allow(clippy::too_many_arguments)]
pub fn paint_animated(
    painter: &egui::Painter,
    rect: Rect,
    owner: &str,
    ill: &Illustration,
    palette: &Palette,
    halo: Color32,
    stroke: Option<f32>,
    slide: bool,
) {
    let Some(position) = stroke else {
        paint(painter, rect, owner, ill, palette);
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
        let key = key(owner, part.name(), palette);
        let texture = picture_cache::texture(painter.ctx(), key, area, || {
            part_shapes(ill, rect, palette, part)
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
    let from = ill.path.from;
    let marker = Point(from.0 + path.x * position, from.1 + path.y * position);
    let r = fit.len(3.2).max(5.0);
    clipped.circle_filled(fit.at(marker), r, halo);
    clipped.circle_filled(fit.at(marker), r * 0.72, palette.path);
}
