//! The body map on screen: the figure from the front and from the back in
//! the cards' pictogram style, every area shaded by how sore it is, the
//! bony parts marked "not on the bone", and the selection. A click picks
//! an area; the arrows move the selection to the nearest area that way.

use eframe::egui::{self, Color32, Pos2, Rect, Sense, Stroke, Vec2};

use crate::model::body_map::{
    BodyMap, FIGURE_HALF_WIDTH, FIGURE_HEIGHT, Placed, Shape, Spot, View,
};
use crate::planner::{Answers, MOST_SORE};
use crate::ui::theme::Palette;

/// Room around each figure, in the map's centimetres.
const MARGIN: f32 = 4.0;
/// The height of the labels under a figure, in points.
const LABEL_ROOM: f32 = 44.0;

/// Where the two figures sit in a rectangle.
#[derive(Debug, Clone, Copy)]
pub struct Placement {
    rect: Rect,
    scale: f32,
}

impl Placement {
    /// The figures side by side in `rect` (front on the left).
    pub fn new(rect: Rect) -> Placement {
        let w = (FIGURE_HALF_WIDTH + MARGIN) * 4.0;
        let h = FIGURE_HEIGHT + 2.0 * MARGIN;
        let scale = (rect.width() / w)
            .min((rect.height() - LABEL_ROOM) / h)
            .max(0.1);
        Placement { rect, scale }
    }

    /// The middle of a view's figure, at the top of its head.
    fn origin(&self, view: View) -> Pos2 {
        let half = (FIGURE_HALF_WIDTH + MARGIN) * self.scale;
        let used = half * 4.0;
        let left = self.rect.center().x - used / 2.0;
        let x = match view {
            View::Front => left + half,
            View::Back => left + 3.0 * half,
        };
        Pos2::new(x, self.rect.top() + MARGIN * self.scale)
    }

    /// A point of the figure on screen.
    pub fn screen_point(&self, view: View, (x, y): (f32, f32)) -> Pos2 {
        let o = self.origin(view);
        Pos2::new(
            o.x + view.left_on_screen() * x * self.scale,
            o.y + y * self.scale,
        )
    }

    /// The view and figure point under a screen point, if on a figure's half.
    pub fn figure_point(&self, p: Pos2) -> Option<(View, (f32, f32))> {
        let half = (FIGURE_HALF_WIDTH + MARGIN) * self.scale;
        View::ALL.into_iter().find_map(|view| {
            let o = self.origin(view);
            let dx = p.x - o.x;
            (dx.abs() <= half).then(|| {
                (
                    view,
                    (
                        view.left_on_screen() * dx / self.scale,
                        (p.y - o.y) / self.scale,
                    ),
                )
            })
        })
    }

    /// The bottom of the figures, where their labels go.
    fn label_top(&self) -> f32 {
        self.rect.top() + (FIGURE_HEIGHT + 2.0 * MARGIN) * self.scale
    }

    /// A size of the figure on screen.
    fn len(&self, cm: f32) -> f32 {
        cm * self.scale
    }
}

/// The spot an arrow moves to from `from`: the nearest whose anchor lies
/// that way on screen, nearer the straight line counting for more.
pub fn neighbour(map: &BodyMap, place: &Placement, from: Spot, dir: Vec2) -> Option<Spot> {
    let at = |s: Spot| map.anchor(s).map(|(v, p)| place.screen_point(v, p));
    let start = at(from)?;
    Spot::all()
        .into_iter()
        .filter(|s| *s != from)
        .filter_map(|s| at(s).map(|p| (s, p - start)))
        .filter(|(_, d)| d.dot(dir) > 0.5)
        .min_by(|(_, a), (_, b)| {
            let cost = |d: &Vec2| {
                let along = d.dot(dir);
                let across = (d.x * dir.y - d.y * dir.x).abs();
                along + 2.5 * across
            };
            cost(a).total_cmp(&cost(b))
        })
        .map(|(s, _)| s)
}

/// The colours of the map in the theme showing.
struct Colours {
    palette: Palette,
    sore: Color32,
    injured: Color32,
    bone: Color32,
    bone_line: Color32,
    free: Color32,
    outline: Color32,
    selected: Color32,
}

impl Colours {
    fn of(ui: &egui::Ui) -> Colours {
        let palette = Palette::of(ui);
        let dark = palette.dark;
        Colours {
            sore: if dark {
                Color32::from_rgb(0xff, 0x8c, 0x42)
            } else {
                Color32::from_rgb(0xe0, 0x5a, 0x10)
            },
            injured: if dark {
                Color32::from_rgb(0x9a, 0x7c, 0xd8)
            } else {
                Color32::from_rgb(0x6b, 0x4c, 0xb0)
            },
            bone: if dark {
                Color32::from_rgb(0x3a, 0x3f, 0x47)
            } else {
                Color32::from_rgb(0xf1, 0xed, 0xe4)
            },
            bone_line: palette.figure,
            free: if dark {
                Color32::from_rgb(0x5c, 0x66, 0x72)
            } else {
                Color32::from_rgb(0xc9, 0xcf, 0xd6)
            },
            outline: if dark {
                Color32::from_rgb(0x9a, 0xa4, 0xb0)
            } else {
                Color32::from_rgb(0x7a, 0x84, 0x90)
            },
            selected: crate::ui::theme::accent(ui),
            palette,
        }
    }

    /// The fill of a spot rated `rating`: the sorer, the stronger.
    fn rated(&self, rating: u8) -> Color32 {
        let t = f32::from(rating) / f32::from(MOST_SORE);
        let alpha = (110.0 + 145.0 * t) as u8;
        let c = self.sore;
        Color32::from_rgba_unmultiplied(c.r(), c.g(), c.b(), alpha)
    }
}

/// Paints a shape placed on the map.
fn paint(painter: &egui::Painter, place: &Placement, p: Placed, fill: Color32, stroke: Stroke) {
    match p.shape {
        Shape::Capsule { from, to, radius } => {
            let (a, b) = (
                place.screen_point(p.view, from),
                place.screen_point(p.view, to),
            );
            let r = place.len(radius);
            if stroke.width > 0.0 {
                painter.line_segment(
                    [a, b],
                    Stroke::new(2.0 * r + 2.0 * stroke.width, stroke.color),
                );
            }
            painter.line_segment([a, b], Stroke::new(2.0 * r, fill));
            for end in [a, b] {
                if stroke.width > 0.0 {
                    painter.circle_filled(end, r + stroke.width, stroke.color);
                }
                painter.circle_filled(end, r, fill);
            }
            painter.line_segment([a, b], Stroke::new(2.0 * r, fill));
        }
        Shape::Ellipse { centre, radius } => {
            let c = place.screen_point(p.view, centre);
            let r = Vec2::new(place.len(radius.0), place.len(radius.1));
            painter.add(egui::epaint::EllipseShape {
                center: c,
                radius: r,
                fill,
                stroke: egui::epaint::Stroke::NONE,
                angle: 0.0,
            });
            if stroke.width > 0.0 {
                painter.add(egui::epaint::EllipseShape {
                    center: c,
                    radius: r + Vec2::splat(stroke.width / 2.0),
                    fill: Color32::TRANSPARENT,
                    stroke,
                    angle: 0.0,
                });
            }
        }
    }
}

/// Paints one shape of a spot: shaded by its rating, or hatched when its
/// area is injured.
fn paint_spot(
    painter: &egui::Painter,
    place: &Placement,
    p: Placed,
    colours: &Colours,
    spot: Spot,
    answers: &Answers,
    outline: Stroke,
) {
    let injured = answers.injured.contains(&spot.area);
    let fill = match answers.rating(spot) {
        _ if injured => colours.injured.gamma_multiply(0.35),
        0 => colours.free,
        r => colours.rated(r),
    };
    paint(painter, place, p, fill, outline);
    if injured {
        hatch(painter, place, p, colours.injured);
    }
}

/// Hatches a shape with short slanted lines: injured, left out.
fn hatch(painter: &egui::Painter, place: &Placement, p: Placed, colour: Color32) {
    let ((x0, y0), (x1, y1)) = p.shape.bounds();
    let step = 2.6;
    let mut y = y0;
    while y <= y1 {
        let mut x = x0;
        while x <= x1 {
            if p.shape.contains((x, y)) && p.shape.contains((x + 1.2, y + 1.2)) {
                let a = place.screen_point(p.view, (x, y));
                let b = place.screen_point(p.view, (x + 1.2, y + 1.2));
                painter.line_segment([a, b], Stroke::new(1.6, colour));
            }
            x += step;
        }
        y += step;
    }
}

/// What the person did on the map this frame.
#[derive(Debug, Default)]
pub struct MapInput {
    /// A spot clicked.
    pub picked: Option<Spot>,
}

/// Draws the map in `size` and returns what was clicked. Each spot is a
/// button to a screen reader, named with its rating.
pub fn show(
    ui: &mut egui::Ui,
    map: &BodyMap,
    answers: &Answers,
    selected: Spot,
    size: Vec2,
) -> (MapInput, Placement) {
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Image,
            true,
            "Body map, from the front and from the back: pick an area",
        )
    });
    let place = Placement::new(rect);
    let colours = Colours::of(ui);
    let painter = ui.painter_at(rect.expand(4.0));
    let mut input = MapInput::default();
    // The figure, both views.
    for part in &map.figure {
        for p in part.both_sides() {
            paint(
                &painter,
                &place,
                p,
                colours.palette.figure_far,
                Stroke::NONE,
            );
        }
    }
    // The areas.
    for spot in Spot::all() {
        for p in map.shapes_of(spot) {
            let outline = Stroke::new(1.0, colours.outline);
            paint_spot(&painter, &place, p, &colours, spot, answers, outline);
        }
    }
    // The selection over everything.
    for p in map.shapes_of(selected) {
        paint(
            &painter,
            &place,
            p,
            Color32::TRANSPARENT,
            Stroke::new(3.0, colours.selected),
        );
        paint_spot(
            &painter,
            &place,
            p,
            &colours,
            selected,
            answers,
            Stroke::NONE,
        );
    }
    // The bones and joints to keep off.
    for bony in &map.bony {
        for part in &bony.shapes {
            for p in part.both_sides() {
                paint(
                    &painter,
                    &place,
                    p,
                    colours.bone,
                    Stroke::new(1.2, colours.bone_line),
                );
            }
        }
    }
    labels(ui, &painter, &place);
    if response.clicked()
        && let Some((view, at)) = response
            .interact_pointer_pos()
            .and_then(|p| place.figure_point(p))
    {
        input.picked = map.spot_at(view, at);
    }
    if response.hovered() {
        let over = ui
            .ctx()
            .pointer_hover_pos()
            .and_then(|p| place.figure_point(p))
            .and_then(|(view, at)| map.spot_at(view, at));
        if over.is_some() {
            ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
        }
        if let Some(spot) = over {
            response.clone().on_hover_text(spot_text(spot, answers));
        }
    }
    // A button per spot for screen readers and tests, over its anchor.
    for spot in Spot::all() {
        let Some((view, at)) = map.anchor(spot) else {
            continue;
        };
        let c = place.screen_point(view, at);
        let r = Rect::from_center_size(c, Vec2::splat(place.len(2.4).max(6.0)));
        let id = ui.scope_id().with(("map spot", spot));
        let spot_response = ui.interact(r, id, Sense::click());
        let name = spot_text(spot, answers);
        let is_selected = spot == selected;
        spot_response.widget_info(|| {
            let mut info = egui::WidgetInfo::labeled(egui::Role::Button, true, &name);
            info.selected = Some(is_selected);
            info
        });
        if spot_response.clicked() {
            input.picked = Some(spot);
        }
    }
    (input, place)
}

/// A spot as a screen reader and the tooltip say it: "Left calf: 7",
/// "Left calf: injured", "Left calf: not rated".
pub fn spot_text(spot: Spot, answers: &Answers) -> String {
    if answers.injured.contains(&spot.area) {
        return format!("{}: injured, left out", spot.label());
    }
    match answers.rating(spot) {
        0 => format!("{}: not rated", spot.label()),
        r => format!("{}: {r}", spot.label()),
    }
}

/// "Front" and "Back" under the figures, with which side is the person's
/// left.
fn labels(ui: &egui::Ui, painter: &egui::Painter, place: &Placement) {
    let y = place.label_top();
    let strong = ui.visuals().strong_text_color();
    let weak = ui.visuals().weak_text_color();
    let font = egui::TextStyle::Body.resolve(ui.style());
    let small = egui::TextStyle::Small.resolve(ui.style());
    for view in View::ALL {
        let mid = place.screen_point(view, (0.0, 0.0)).x;
        painter.text(
            Pos2::new(mid, y),
            egui::Align2::CENTER_TOP,
            view.label(),
            font.clone(),
            strong,
        );
        // Under the feet, on the line below.
        let side = place.len(14.0);
        let below = y + font.size * 1.3;
        let left_x = mid + view.left_on_screen() * side;
        let right_x = mid - view.left_on_screen() * side;
        painter.text(
            Pos2::new(left_x, below),
            egui::Align2::CENTER_TOP,
            "Left",
            small.clone(),
            weak,
        );
        painter.text(
            Pos2::new(right_x, below),
            egui::Align2::CENTER_TOP,
            "Right",
            small.clone(),
            weak,
        );
    }
}

/// The map's key: what the colours mean.
pub fn legend(ui: &mut egui::Ui) {
    let colours = Colours::of(ui);
    let swatch = |ui: &mut egui::Ui, fill: Color32, line: Option<Color32>, text: &str| {
        ui.horizontal(|ui| {
            let (r, _) = ui.allocate_exact_size(Vec2::splat(16.0), Sense::hover());
            ui.painter().rect_filled(r, 4.0, fill);
            if let Some(line) = line {
                ui.painter()
                    .rect_stroke(r, 4.0, Stroke::new(1.2, line), egui::StrokeKind::Inside);
            }
            ui.add(egui::Label::new(text).wrap());
        });
    };
    swatch(ui, colours.rated(3), None, "Sore (darker: sorer)");
    swatch(
        ui,
        colours.injured.gamma_multiply(0.6),
        None,
        "Injured: left out",
    );
    swatch(
        ui,
        colours.bone,
        Some(colours.bone_line),
        "Not on the bone: the spine, the kneecaps, the front of the shin bone",
    );
}
