//! Every text the app draws is readable against what it is drawn on: at
//! least 4.5:1 (3:1 for large text), measured on the colours as drawn
//! (after weak text's alpha, faded colours and translucent fills), over
//! every screen in both themes. Text of disabled controls is left out, as
//! the usual rule allows. Progress tracks must stand out from their
//! background by 3:1.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

mod common;

use std::time::Duration;

use common::Window;
use eframe::egui::{self, Color32, Pos2, Rect, Shape, Theme};
use egui_kittest::kittest::{NodeT, Queryable};
use rollcoach::model::TextSize;

/// Text at least this tall (points) counts as large.
const LARGE_TEXT: f32 = 24.0;

/// WCAG's relative luminance of an sRGB colour.
fn luminance(c: Color32) -> f64 {
    let channel = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
}

fn ratio(a: Color32, b: Color32) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// `top` (premultiplied) drawn over the opaque `bottom`.
fn over(top: Color32, bottom: Color32) -> Color32 {
    let keep = 1.0 - f32::from(top.a()) / 255.0;
    let mix = |t: u8, b: u8| (f32::from(t) + f32::from(b) * keep).round().min(255.0) as u8;
    Color32::from_rgb(
        mix(top.r(), bottom.r()),
        mix(top.g(), bottom.g()),
        mix(top.b(), bottom.b()),
    )
}

/// A shape as painted: where it is clipped to, and what it is.
struct Painted {
    clip: Rect,
    shape: Shape,
}

fn flatten(clip: Rect, shape: &Shape, out: &mut Vec<Painted>) {
    match shape {
        Shape::Vec(shapes) => shapes.iter().for_each(|s| flatten(clip, s, out)),
        s => out.push(Painted {
            clip,
            shape: s.clone(),
        }),
    }
}

/// The last frame's shapes in the order they were painted.
fn painted(harness: &egui_kittest::Harness<'_, rollcoach::ui::RollcoachApp>) -> Vec<Painted> {
    let mut painted = Vec::new();
    for clipped in &harness.output().shapes {
        flatten(clipped.clip_rect, &clipped.shape, &mut painted);
    }
    painted
}

/// One text that is too faint.
#[derive(Debug)]
struct Faint {
    text: String,
    colour: Color32,
    background: Color32,
    ratio: f64,
}

/// The colour beneath `point` just before shape `index` is painted.
fn background(painted: &[Painted], index: usize, point: Pos2, base: Color32) -> Color32 {
    painted[..index]
        .iter()
        .fold(base, |under, p| match &p.shape {
            Shape::Rect(r)
                if r.fill.a() > 0 && r.rect.contains(point) && p.clip.contains(point) =>
            {
                over(r.fill, under)
            }
            _ => under,
        })
}

/// Every text row of the last frame fainter than its floor, outside
/// disabled controls.
fn faint_texts(harness: &egui_kittest::Harness<'_, rollcoach::ui::RollcoachApp>) -> Vec<Faint> {
    let disabled: Vec<Rect> = harness
        .root()
        .children_recursive()
        .filter(|n| n.accesskit_node().is_disabled())
        .map(|n| n.rect())
        .collect();
    let base = harness.ctx.global_style().visuals.panel_fill;
    let painted = painted(harness);
    let mut faint = Vec::new();
    for (index, p) in painted.iter().enumerate() {
        let Shape::Text(text) = &p.shape else {
            continue;
        };
        for row in &text.galley.rows {
            let row_rect = row.rect().translate(text.pos.to_vec2());
            let mut worst: Option<Faint> = None;
            for glyph in &row.row.glyphs {
                if glyph.chr.is_whitespace() {
                    continue;
                }
                let centre = Pos2::new(
                    text.pos.x + row.pos.x + glyph.pos.x + glyph.advance_width / 2.0,
                    row_rect.center().y,
                );
                if !p.clip.contains(centre) || disabled.iter().any(|d| d.contains(centre)) {
                    continue;
                }
                let Some(vertex) = row
                    .row
                    .visuals
                    .mesh
                    .vertices
                    .get(glyph.first_vertex as usize)
                else {
                    continue;
                };
                let mut colour = vertex.color;
                if colour == Color32::PLACEHOLDER {
                    colour = text.fallback_color;
                }
                if let Some(c) = text.override_text_color {
                    colour = c;
                }
                let colour = colour.gamma_multiply(text.opacity_factor);
                let under = background(&painted, index, centre, base);
                let drawn = over(colour, under);
                let r = ratio(drawn, under);
                let floor = if glyph.font_height >= LARGE_TEXT {
                    3.0
                } else {
                    4.5
                };
                if r < floor && worst.as_ref().is_none_or(|w| r < w.ratio) {
                    let line: String = row.row.glyphs.iter().map(|g| g.chr).collect();
                    worst = Some(Faint {
                        text: line,
                        colour: drawn,
                        background: under,
                        ratio: r,
                    });
                }
            }
            faint.extend(worst);
        }
    }
    faint
}

/// Progress bars whose track or fill does not stand out 3:1 from what is
/// beneath it (by its fill or its outline).
fn faint_progress(harness: &egui_kittest::Harness<'_, rollcoach::ui::RollcoachApp>) -> Vec<String> {
    let bars: Vec<Rect> = harness
        .root()
        .children_recursive()
        .filter(|n| n.accesskit_node().role() == egui::accesskit::Role::ProgressIndicator)
        .map(|n| n.rect())
        .collect();
    let base = harness.ctx.global_style().visuals.panel_fill;
    let painted = painted(harness);
    let mut faint = Vec::new();
    for bar in &bars {
        let parts: Vec<usize> = painted
            .iter()
            .enumerate()
            .filter(|(_, p)| matches!(&p.shape, Shape::Rect(r) if bar.expand(1.0).contains_rect(r.rect)))
            .map(|(i, _)| i)
            .collect();
        assert!(!parts.is_empty(), "a progress bar draws its track");
        for i in parts {
            let Shape::Rect(r) = &painted[i].shape else {
                continue;
            };
            let under = background(&painted, i, r.rect.center(), base);
            let by_fill = ratio(over(r.fill, under), under);
            let by_outline = if r.stroke.width >= 1.0 {
                ratio(over(r.stroke.color, under), under)
            } else {
                1.0
            };
            if by_fill.max(by_outline) < 3.0 {
                faint.push(format!(
                    "progress part {:?}: fill {by_fill:.2}:1, outline {by_outline:.2}:1",
                    r.rect
                ));
            }
        }
    }
    faint
}

/// A screen to check: how to reach it from a returning user's start.
type Reach =
    fn(&std::path::Path, Theme) -> egui_kittest::Harness<'static, rollcoach::ui::RollcoachApp>;

const DEFAULT: Window = Window::new(1100.0, 720.0, TextSize::Normal);

fn library(
    dir: &std::path::Path,
    theme: Theme,
) -> egui_kittest::Harness<'static, rollcoach::ui::RollcoachApp> {
    common::start_in(dir, DEFAULT, theme, None).0
}

fn clicked(
    dir: &std::path::Path,
    theme: Theme,
    labels: &[&str],
) -> egui_kittest::Harness<'static, rollcoach::ui::RollcoachApp> {
    let (mut harness, _) = common::start_in(dir, DEFAULT, theme, None);
    for label in labels {
        harness.get_by_label(label).click();
        harness.run();
    }
    harness
}

/// The player `secs` into "Desk worker" (get-ready 15 s, roll 30 s, hold
/// 20 s, rest), optionally paused or in the follow-along view.
fn playing(
    dir: &std::path::Path,
    theme: Theme,
    secs: u64,
    key: Option<egui::Key>,
) -> egui_kittest::Harness<'static, rollcoach::ui::RollcoachApp> {
    let (mut harness, time) = common::start_in(dir, DEFAULT, theme, Some("Desk worker"));
    time.advance(Duration::from_secs(secs));
    harness.run();
    if let Some(key) = key {
        harness.key_press(key);
        harness.run();
    }
    harness
}

fn screens() -> Vec<(&'static str, Reach)> {
    vec![
        ("safety", |dir, theme| {
            clicked(dir, theme, &["Help", "Safety first"])
        }),
        ("library", library),
        ("card", |dir, theme| clicked(dir, theme, &["Calves"])),
        ("routines", |dir, theme| clicked(dir, theme, &["Routines"])),
        ("editor", |dir, theme| {
            clicked(dir, theme, &["Routines", "Duplicate After a run"])
        }),
        ("settings", |dir, theme| clicked(dir, theme, &["Settings"])),
        ("shortcuts", |dir, theme| {
            clicked(dir, theme, &["Help", "Keyboard shortcuts"])
        }),
        ("get ready", |dir, theme| playing(dir, theme, 3, None)),
        ("rolling", |dir, theme| playing(dir, theme, 20, None)),
        ("hold", |dir, theme| playing(dir, theme, 50, None)),
        ("paused", |dir, theme| {
            playing(dir, theme, 50, Some(egui::Key::Space))
        }),
        ("follow-along", |dir, theme| {
            playing(dir, theme, 50, Some(egui::Key::F11))
        }),
        ("summary", |dir, theme| playing(dir, theme, 2000, None)),
        ("notice", |dir, theme| {
            common::write_routine(dir, "broken.ron", "(name: \"Broken\", steps: [");
            common::start_in(dir, DEFAULT, theme, None).0
        }),
    ]
}

#[test]
fn every_text_is_readable_against_what_it_is_drawn_on() {
    let mut problems = Vec::new();
    for theme in [Theme::Light, Theme::Dark] {
        for (name, reach) in screens() {
            let dir = tempfile::tempdir().unwrap();
            let harness = reach(dir.path(), theme);
            for f in faint_progress(&harness) {
                problems.push(format!("{theme:?} {name}: {f}"));
            }
            for f in faint_texts(&harness) {
                problems.push(format!(
                    "{theme:?} {name}: {:?} is {:.2}:1 ({:?} on {:?})",
                    f.text, f.ratio, f.colour, f.background
                ));
            }
        }
    }
    assert!(problems.is_empty(), "too faint:\n{}", problems.join("\n"));
}
