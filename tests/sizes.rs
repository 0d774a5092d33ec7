//! Pictures of the player and of the shortcuts window at the window and
//! text sizes people use: a small laptop at Large text, a common one at
//! Extra large, and the default at Normal; compared with the committed
//! ones in `tests/snapshots/`. After a deliberate change:
//! `UPDATE_SNAPSHOTS=1 cargo test --test sizes`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

mod common;

use std::time::Duration;

use common::Window;
use eframe::egui::{self, Theme};
use rollcoach::model::TextSize::{ExtraLarge, Large, Normal};

const SMALL_LARGE: Window = Window::new(800.0, 600.0, Large);
const LAPTOP_XL: Window = Window::new(1024.0, 640.0, ExtraLarge);
const WIDE_XL: Window = Window::new(1366.0, 768.0, ExtraLarge);
const DEFAULT: Window = Window::new(1100.0, 720.0, Normal);

/// Seconds into "Desk worker" (get-ready 15 s, roll 30 s and hold 20 s a
/// side, then a rest) and the key pressed then.
/// All of a test's pictures, checked together when it ends.
type Results = egui_kittest::SnapshotResults;

fn player(
    results: &mut Results,
    name: &str,
    secs: u64,
    key: Option<egui::Key>,
    window: Window,
    theme: Theme,
) {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, time) = common::start_in(dir.path(), window, theme, Some("Desk worker"));
    time.advance(Duration::from_secs(secs));
    harness.run();
    if let Some(key) = key {
        harness.key_press(key);
        harness.run();
    }
    let theme = match theme {
        Theme::Light => "",
        Theme::Dark => "_dark",
    };
    harness.snapshot(format!("player_{name}_{}{theme}", window.name()));
    results.extend_harness(&mut harness);
}

#[test]
fn player_get_ready() {
    let mut results = Results::new();
    for window in [SMALL_LARGE, LAPTOP_XL] {
        player(&mut results, "get_ready", 3, None, window, Theme::Light);
    }
}

#[test]
fn player_rolling() {
    let mut results = Results::new();
    for window in [SMALL_LARGE, LAPTOP_XL, WIDE_XL, DEFAULT] {
        player(&mut results, "rolling", 20, None, window, Theme::Light);
    }
    player(&mut results, "rolling", 20, None, LAPTOP_XL, Theme::Dark);
}

#[test]
fn player_hold() {
    let mut results = Results::new();
    for window in [SMALL_LARGE, LAPTOP_XL, WIDE_XL, DEFAULT] {
        player(&mut results, "hold", 50, None, window, Theme::Light);
    }
    player(&mut results, "hold", 50, None, SMALL_LARGE, Theme::Dark);
}

#[test]
fn player_rest() {
    let mut results = Results::new();
    for window in [SMALL_LARGE, LAPTOP_XL] {
        player(&mut results, "rest", 128, None, window, Theme::Light);
    }
}

#[test]
fn player_paused() {
    let mut results = Results::new();
    for window in [SMALL_LARGE, LAPTOP_XL] {
        player(
            &mut results,
            "paused",
            50,
            Some(egui::Key::Space),
            window,
            Theme::Light,
        );
    }
}

#[test]
fn player_follow_along() {
    let mut results = Results::new();
    for window in [SMALL_LARGE, LAPTOP_XL, WIDE_XL] {
        player(
            &mut results,
            "follow_along",
            50,
            Some(egui::Key::F11),
            window,
            Theme::Light,
        );
    }
    player(
        &mut results,
        "follow_along",
        50,
        Some(egui::Key::F11),
        WIDE_XL,
        Theme::Dark,
    );
}

#[test]
fn shortcuts_window() {
    let mut results = Results::new();
    for window in [SMALL_LARGE, LAPTOP_XL] {
        let dir = tempfile::tempdir().unwrap();
        let (mut harness, _) = common::start_in(dir.path(), window, Theme::Light, None);
        harness.key_press(egui::Key::Questionmark);
        harness.run();
        harness.snapshot(format!("shortcuts_{}", window.name()));
        results.extend_harness(&mut harness);
    }
}
