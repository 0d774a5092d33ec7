//! Helpers shared by the UI tests: start the real app on a data folder.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test
#![allow(dead_code)]

use std::path::Path;

use eframe::egui;
use egui_kittest::Harness;
use rollcoach::catalog::Catalog;
use rollcoach::store::DataDir;
use rollcoach::ui::{RollcoachApp, StartOptions};

/// The window size the tests use: the app's default size.
pub const SIZE: [f32; 2] = [1100.0, 720.0];

/// Starts the real app with its files in `dir`.
pub fn start(dir: &Path) -> Harness<'static, RollcoachApp> {
    start_sized(dir, SIZE)
}

/// Starts the real app with its files in `dir`, in a window of `size`.
pub fn start_sized(dir: &Path, size: [f32; 2]) -> Harness<'static, RollcoachApp> {
    start_with(dir, size, egui::Theme::Light)
}

/// Starts the real app with its files in `dir`, in a window of `size`, with
/// the harness in `theme` (the harness sets its theme after the app starts,
/// so this is the theme the pictures show).
pub fn start_with(
    dir: &Path,
    size: [f32; 2],
    theme: egui::Theme,
) -> Harness<'static, RollcoachApp> {
    launch(size, theme, options(dir))
}

/// Starts the app straight into a built-in routine, with a clock the test
/// moves by hand.
pub fn start_playing(
    dir: &Path,
    routine: &str,
) -> (Harness<'static, RollcoachApp>, rollcoach::ui::ManualTime) {
    let (clock, time) = rollcoach::ui::Clock::manual();
    let routine = Catalog::builtin().unwrap().routine(routine).cloned();
    assert!(routine.is_some(), "a built-in routine");
    let options = StartOptions {
        clock: Some(clock),
        start_routine: routine,
        ..options(dir)
    };
    (launch(SIZE, egui::Theme::Light, options), time)
}

/// Files in `dir`, no sound device.
fn options(dir: &Path) -> StartOptions {
    StartOptions {
        data_dir: Some(DataDir::at(dir)),
        silent: true,
        ..StartOptions::default()
    }
}

fn launch(
    size: [f32; 2],
    theme: egui::Theme,
    options: StartOptions,
) -> Harness<'static, RollcoachApp> {
    let builder = Harness::builder()
        .with_size(size)
        .with_theme(theme)
        .with_render_cursor(false);
    let mut harness = builder.build_eframe(move |cc| {
        let catalog = Catalog::builtin().expect("the built-in catalog loads");
        RollcoachApp::new(&cc.egui_ctx, catalog, options)
    });
    harness.run();
    harness
}

/// Writes a settings file as a returning user would have it.
pub fn returning_user(dir: &Path, extra: &str) {
    std::fs::write(
        dir.join("settings.ron"),
        format!("(version: 1, safety_acknowledged: true, theme: Light, {extra})"),
    )
    .unwrap();
}

/// Writes a routine file into the `routines` folder of data folder `dir`,
/// as a user would by hand; returns the folder.
pub fn write_routine(dir: &Path, file: &str, text: impl AsRef<[u8]>) -> std::path::PathBuf {
    let routines = dir.join("routines");
    std::fs::create_dir_all(&routines).unwrap();
    std::fs::write(routines.join(file), text).unwrap();
    routines
}
