//! Pictures of the real app, compared with the committed ones in
//! `tests/snapshots/` (rendered with wgpu; Mesa's lavapipe in CI).
//! After a deliberate change: `UPDATE_SNAPSHOTS=1 cargo test --test snapshots`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

mod common;

use egui_kittest::kittest::Queryable;

#[test]
fn library_light() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let mut harness = common::start(dir.path());
    harness.snapshot("library_light");
}

#[test]
fn library_dark_narrow() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("settings.ron"),
        "(safety_acknowledged: true, theme: Dark, text_size: Normal)",
    )
    .unwrap();
    let mut harness = common::start_with(dir.path(), [820.0, 640.0], eframe::egui::Theme::Dark);
    harness.snapshot("library_dark_narrow");
}

#[test]
fn card_light() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let mut harness = common::start(dir.path());
    harness.get_by_label("Outer thigh (IT band)").click();
    harness.run();
    harness.snapshot("card_it_band_light");
}

#[test]
fn safety_screen() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("settings.ron"), "(theme: Light)").unwrap();
    let mut harness = common::start(dir.path());
    harness.snapshot("safety_first_run");
}

#[test]
fn illustrations_light_full_size() {
    illustration_sheet("illustrations_light_full", false, FULL);
}

#[test]
fn illustrations_dark_full_size() {
    illustration_sheet("illustrations_dark_full", true, FULL);
}

#[test]
fn illustrations_light_hold_marks() {
    illustration_sheet_marked("illustrations_light_hold", false, FULL, Motion::Hold);
}

#[test]
fn illustrations_dark_work_around_marks() {
    illustration_sheet_marked(
        "illustrations_dark_around",
        true,
        LIBRARY,
        Motion::WorkAround,
    );
}

#[test]
fn illustrations_light_library_size() {
    illustration_sheet("illustrations_light_library", false, LIBRARY);
}

#[test]
fn illustrations_dark_library_size() {
    illustration_sheet("illustrations_dark_library", true, LIBRARY);
}

/// A picture's size on a card's own page.
const FULL: [f32; 2] = [560.0, 380.0];
/// A picture's size in the library grid, at its narrowest card.
const LIBRARY: [f32; 2] = [200.0, 124.0];

use rollcoach::ui::widgets::illustration::Motion;

/// Draws the picture of `id` into `rect` as the app does, on its backdrop,
/// with the mark of `motion`.
fn draw_picture(
    ui: &eframe::egui::Ui,
    rect: eframe::egui::Rect,
    id: &str,
    ill: &rollcoach::model::Illustration,
    palette: &rollcoach::ui::theme::Palette,
    motion: Motion,
) {
    use rollcoach::ui::widgets::illustration;
    ui.painter().rect_filled(rect, 8.0, palette.backdrop);
    illustration::paint_marked(ui.painter(), rect.shrink(8.0), id, ill, palette, motion);
}

/// Every illustration at one size, in one theme, named under each: the
/// sheet to check the pictures by eye.
fn illustration_sheet(name: &str, dark: bool, cell: [f32; 2]) {
    illustration_sheet_marked(name, dark, cell, Motion::Roll);
}

/// Every illustration as [`illustration_sheet`] draws them, with the mark
/// of `motion` (a hold's, say) instead of the rolling arrow.
fn illustration_sheet_marked(name: &str, dark: bool, cell: [f32; 2], motion: Motion) {
    use eframe::egui;
    use rollcoach::ui::theme::Palette;

    let catalog = rollcoach::catalog::Catalog::builtin().unwrap();
    let exercises = catalog.exercises().to_vec();
    let cols = 4;
    let rows = exercises.len().div_ceil(cols);
    let (w, h) = (cell[0] + 10.0, cell[1] + 34.0);
    let mut harness = egui_kittest::Harness::builder()
        .with_size([w * cols as f32, h * rows as f32])
        .build_ui(move |ui| {
            let palette = Palette::for_dark_mode(dark);
            let page = if dark {
                egui::Color32::from_gray(20)
            } else {
                egui::Color32::WHITE
            };
            ui.painter().rect_filled(ui.max_rect(), 0.0, page);
            for (i, e) in exercises.iter().enumerate() {
                let pos = egui::pos2((i % cols) as f32 * w, (i / cols) as f32 * h);
                let rect = egui::Rect::from_min_size(pos, egui::vec2(cell[0], cell[1]));
                draw_picture(ui, rect, &e.id, &e.illustration, &palette, motion);
                ui.painter().text(
                    pos + egui::vec2(4.0, cell[1] + 4.0),
                    egui::Align2::LEFT_TOP,
                    &e.name,
                    egui::FontId::proportional(16.0),
                    palette.figure,
                );
            }
        });
    harness.run();
    harness.snapshot(name);
}

/// Writes every picture alone, unnamed and in a shuffled order, to
/// `ROLLCOACH_BLIND_DIR` (default: a folder in the system's temp folder),
/// with the key in a file beside that folder: the pictures to show a
/// reader who does not know the app. Run by hand:
/// `cargo nextest run --test snapshots --run-ignored only blind`.
#[test]
#[ignore = "writes files for a reader to look at"]
fn blind_pictures() {
    use rollcoach::ui::theme::Palette;

    let out = std::env::var_os("ROLLCOACH_BLIND_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("rollcoach-blind"));
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out).unwrap();
    let catalog = rollcoach::catalog::Catalog::builtin().unwrap();
    let n = catalog.exercises().len();
    let mut key = String::new();
    for (k, dark) in [(0, false), (1, true)] {
        for i in 0..n {
            // A fixed shuffle: 7 and 17 share no factor.
            let e = catalog.exercises()[(i * 7 + 3 + k * 5) % n].clone();
            let mut harness =
                egui_kittest::Harness::builder()
                    .with_size(FULL)
                    .build_ui(move |ui| {
                        let palette = Palette::for_dark_mode(dark);
                        let rect = ui.max_rect();
                        draw_picture(ui, rect, &e.id, &e.illustration, &palette, Motion::Roll);
                    });
            harness.run();
            let file = out.join(format!("picture-{}{:02}.png", ["a", "b"][k], i + 1));
            harness.render().unwrap().save(&file).unwrap();
            key.push_str(&format!(
                "{}: {}\n",
                file.display(),
                catalog.exercises()[(i * 7 + 3 + k * 5) % n].name
            ));
        }
    }
    std::fs::write(out.with_extension("key.txt"), key).unwrap();
}

#[test]
fn player_rolling() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let (mut harness, time) = common::start_playing(dir.path(), "After a run");
    time.advance(std::time::Duration::from_millis(18_500));
    harness.run();
    harness.snapshot("player_rolling");
}

#[test]
fn player_follow_along_hold() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let (mut harness, time) = common::start_playing(dir.path(), "Desk worker");
    // Get ready (15 s) and the roll (30 s), then 4 s into the hold.
    time.advance(std::time::Duration::from_secs(49));
    harness.key_press(eframe::egui::Key::F11);
    harness.run();
    harness.snapshot("player_follow_along_hold");
}

#[test]
fn routine_summary() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let (mut harness, time) = common::start_playing(dir.path(), "Feet and calves");
    time.advance(std::time::Duration::from_secs(400));
    harness.run();
    harness.snapshot("routine_summary");
}

#[test]
fn routines_screen() {
    // A fixed folder: the screen shows where routine files are read from.
    let dir = std::env::temp_dir().join("rollcoach-snapshot-routines");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    common::returning_user(&dir, "");
    let mut harness = common::start(&dir);
    harness.get_by_label("Routines").click();
    harness.run();
    harness.snapshot("routines");
}

#[test]
fn routine_editor() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let mut harness = common::start(dir.path());
    harness.get_by_label("Routines").click();
    harness.run();
    harness.get_by_label("Duplicate After a run").click();
    harness.run();
    harness.snapshot("routine_editor");
}

#[test]
fn settings_screen() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let mut harness = common::start(dir.path());
    harness.get_by_label("Settings").click();
    harness.run();
    harness.snapshot("settings");
}

// The screens in small windows and large text (see tests/screens_fit.rs).

use common::Window;
use rollcoach::model::TextSize;

const SMALL_LARGE: Window = Window::new(800.0, 600.0, TextSize::Large);
const LAPTOP_XL: Window = Window::new(1024.0, 640.0, TextSize::ExtraLarge);

#[test]
fn library_small_window_large_text() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, _) =
        common::start_in(dir.path(), SMALL_LARGE, eframe::egui::Theme::Light, None);
    harness.snapshot("library_800x600_large");
}

#[test]
fn long_named_card_extra_large_text() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, _) = common::start_in(dir.path(), LAPTOP_XL, eframe::egui::Theme::Dark, None);
    harness
        .get_by_label("Lower back, beside the spine")
        .click_accesskit();
    harness.run();
    harness.snapshot("card_lower_back_1024x640_xl");
}

#[test]
fn routine_editor_six_steps_large_text() {
    let dir = tempfile::tempdir().unwrap();
    common::write_routine(
        dir.path(),
        "sunday.ron",
        "(name: \"Sunday evening, legs and lower back\", steps: [\
         (exercise: \"sole-of-foot\", roll_seconds: 40, holds: 1, hold_seconds: 20), \
         (exercise: \"calves\", sides: LeftThenRight, roll_seconds: 45), \
         (exercise: \"hamstrings\", roll_seconds: 45, holds: 2, hold_seconds: 30), \
         (exercise: \"it-band\", roll_seconds: 30), \
         (exercise: \"glutes\", roll_seconds: 40, rest_seconds: 15), \
         (exercise: \"lower-back\", roll_seconds: 30, holds: 1, hold_seconds: 20)])",
    );
    let (mut harness, _) =
        common::start_in(dir.path(), SMALL_LARGE, eframe::egui::Theme::Light, None);
    harness.get_by_label("My routines").click();
    harness.run();
    harness
        .get_by_label("Sunday evening, legs and lower back")
        .click();
    harness.run();
    harness.snapshot("routine_editor_800x600_large");
}

#[test]
fn settings_extra_large_text() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, _) =
        common::start_in(dir.path(), LAPTOP_XL, eframe::egui::Theme::Light, None);
    harness.get_by_label("Settings").click();
    harness.run();
    harness.snapshot("settings_1024x640_xl");
}

#[test]
fn safety_small_window_large_text() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, _) =
        common::start_in(dir.path(), SMALL_LARGE, eframe::egui::Theme::Dark, None);
    harness.get_by_label("Help").click();
    harness.run();
    harness.get_by_label_contains("Safety first").click();
    harness.run();
    harness.snapshot("safety_800x600_large");
}
