//! The player fits every window from the smallest up, at every text size:
//! the phase, the time, the whole instruction, the picture and every
//! button lie inside the window, with nothing to scroll to, in each phase,
//! paused, in the follow-along view and with the stop question open.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

mod common;

use std::time::Duration;

use common::Window;
use eframe::egui::{self, Theme};
use egui_kittest::kittest::{NodeT, Queryable};
use rollcoach::model::TextSize::{ExtraLarge, Large, Normal};
use rollcoach::ui::theme::min_window_size;

/// Every size the player must fit: the common laptop screens and each text
/// size's smallest window.
fn windows() -> Vec<Window> {
    let mut all = vec![
        Window::new(800.0, 600.0, Normal),
        Window::new(800.0, 600.0, Large),
    ];
    for text in [Normal, Large, ExtraLarge] {
        for [w, h] in [[1024.0, 640.0], [1100.0, 720.0], [1366.0, 768.0]] {
            all.push(Window::new(w, h, text));
        }
        let least = min_window_size(text);
        all.push(Window::new(least.x, least.y, text));
    }
    all
}

/// Where the player is: seconds into "Desk worker" (get-ready 15 s, roll
/// 30 s and hold 20 s a side, then a rest), and keys pressed then.
const STATES: [(&str, u64, &[egui::Key]); 8] = [
    ("get ready", 3, &[]),
    ("rolling", 20, &[]),
    ("hold", 50, &[]),
    ("rest", 118, &[]),
    ("paused", 50, &[egui::Key::Space]),
    ("follow-along", 50, &[egui::Key::F11]),
    ("follow-along rolling", 20, &[egui::Key::F11]),
    ("stop question", 20, &[egui::Key::Escape]),
];

#[test]
fn every_part_of_the_player_is_inside_the_window() {
    let mut problems = Vec::new();
    for window in windows() {
        for (state, secs, keys) in STATES {
            let dir = tempfile::tempdir().unwrap();
            let (mut harness, time) =
                common::start_in(dir.path(), window, Theme::Light, Some("Desk worker"));
            time.advance(Duration::from_secs(secs));
            harness.run();
            for key in keys {
                harness.key_press(*key);
                harness.run();
            }
            let [w, h] = window.points();
            let inside = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(w, h)).expand(0.5);
            let mut count = 0;
            let zoom = window.text.zoom();
            for node in harness.root().children_recursive() {
                let Some(b) = node.accesskit_node().bounding_box() else {
                    continue;
                };
                let rect = egui::Rect::from_min_max(
                    egui::pos2(b.x0 as f32, b.y0 as f32) / zoom,
                    egui::pos2(b.x1 as f32, b.y1 as f32) / zoom,
                );
                if !rect.is_positive() {
                    continue;
                }
                count += 1;
                if !inside.contains_rect(rect) {
                    let name = node
                        .accesskit_node()
                        .label()
                        .or_else(|| node.accesskit_node().value().map(|v| v.to_string()))
                        .unwrap_or_else(|| format!("{:?}", node.accesskit_node().role()));
                    problems.push(format!("{} {state}: {name:?} at {rect:?}", window.name()));
                }
            }
            assert!(
                count >= 5,
                "{} {state}: the player's widgets are there",
                window.name()
            );
        }
    }
    assert!(
        problems.is_empty(),
        "outside the window:\n{}",
        problems.join("\n")
    );
}

/// The window-size commands the last frame sent.
fn size_commands(
    harness: &egui_kittest::Harness<'_, rollcoach::ui::RollcoachApp>,
) -> Vec<egui::ViewportCommand> {
    harness
        .output()
        .viewport_output
        .values()
        .flat_map(|v| v.commands.iter().cloned())
        .filter(|c| {
            matches!(
                c,
                egui::ViewportCommand::MinInnerSize(_) | egui::ViewportCommand::InnerSize(_)
            )
        })
        .collect()
}

#[test]
fn larger_text_makes_the_smallest_window_larger_and_grows_a_window_below_it() {
    let dir = tempfile::tempdir().unwrap();
    // 800x600 at Large text: fine for Large, too small for Extra large.
    let (mut harness, _) = common::start_in(
        dir.path(),
        Window::new(800.0, 600.0, Large),
        Theme::Light,
        None,
    );
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Extra large").click();
    let zoom = ExtraLarge.zoom();
    let least = min_window_size(ExtraLarge);
    // The sizes go out in points, which the window turns into pixels at the
    // zoom of the frame that sends them: only once the new zoom is in effect.
    let mut sent = Vec::new();
    for _ in 0..3 {
        harness.step();
        let now = size_commands(&harness);
        if !now.is_empty() {
            assert!(
                (harness.ctx.zoom_factor() - zoom).abs() < 1e-6,
                "sent at zoom {} instead of {zoom}: {now:?}",
                harness.ctx.zoom_factor()
            );
        }
        sent.extend(now);
    }
    assert!(
        sent.contains(&egui::ViewportCommand::MinInnerSize(least / zoom)),
        "{sent:?}"
    );
    // The window grows to the smallest size in both directions it lacks.
    let grown = egui::vec2(800.0, 600.0).max(least) / zoom;
    let grew = sent.iter().any(|c| match c {
        egui::ViewportCommand::InnerSize(s) => (*s - grown).length() < 1.0,
        _ => false,
    });
    assert!(grew, "{sent:?}");
    assert!(
        least.x <= 1024.0 && least.y <= 640.0,
        "never more than 1024x640"
    );
}
