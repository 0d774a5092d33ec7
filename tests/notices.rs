//! Notices stack under the menu bar, each as small as its words, and never
//! take the screen away: one, two and five of them over the safety screen,
//! the library and the player. After three, the rest fold into "N more".

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

mod common;

use std::path::PathBuf;

use egui_kittest::kittest::{NodeT, Queryable};
use rollcoach::ui::{RollcoachApp, Screen};

type Harness = egui_kittest::Harness<'static, RollcoachApp>;

/// A data folder at a path that reads the same on every machine (notices
/// name their files, and the pictures show them), emptied first.
fn data_dir(name: &str) -> PathBuf {
    let dir = PathBuf::from("target/notice-tests").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `count` routine files that cannot be read, each a notice.
fn broken_routines(dir: &std::path::Path, count: usize) {
    for i in 1..=count {
        common::write_routine(
            dir,
            &format!("broken-{i}.ron"),
            "(name: \"Half a routine\",",
        );
    }
}

/// The notices' words on screen, and the tallest of them.
fn notices_shown(harness: &Harness) -> (usize, f32) {
    let nodes: Vec<_> = harness
        .query_all_by_label_contains("Couldn't read")
        .collect();
    let tallest = nodes.iter().map(|n| n.rect().height()).fold(0.0, f32::max);
    (nodes.len(), tallest)
}

/// Whether the node called `label` is inside the window.
fn in_view(harness: &Harness, label: &str) -> bool {
    let window = eframe::egui::Rect::from_min_size(
        eframe::egui::Pos2::ZERO,
        eframe::egui::Vec2::from(common::SIZE),
    );
    window.contains_rect(harness.get_by_label(label).rect())
}

#[test]
fn two_notices_leave_the_safety_screen_whole() {
    let dir = data_dir("safety-two");
    std::fs::write(dir.join("settings.ron"), "(theme: Light, volume: loud)").unwrap();
    broken_routines(&dir, 1);
    let mut harness = common::start(&dir);
    let (shown, tallest) = notices_shown(&harness);
    assert_eq!(shown, 2);
    assert!(
        tallest < 80.0,
        "a notice is as small as its words: {tallest}"
    );
    assert!(in_view(&harness, "I understand, let's roll"));
    harness.get_by_label_contains("Before you roll");
    harness.snapshot("notices_two_over_safety");
    harness.get_by_label("I understand, let's roll").click();
    harness.run();
    assert_eq!(&harness.state().state().screen, &Screen::Library);
}

#[test]
fn one_notice_over_the_library_leaves_the_cards_in_view() {
    let dir = data_dir("library-one");
    common::returning_user(&dir, "");
    broken_routines(&dir, 1);
    let mut harness = common::start(&dir);
    assert_eq!(notices_shown(&harness).0, 1);
    assert!(in_view(&harness, "Sole of the foot"));
    harness.snapshot("notices_one_over_library");
    harness.get_by_label("Dismiss").click();
    harness.run();
    assert_eq!(notices_shown(&harness).0, 0);
}

#[test]
fn five_notices_fold_after_three_and_unfold_on_request() {
    let dir = data_dir("library-five");
    common::returning_user(&dir, "");
    broken_routines(&dir, 5);
    let mut harness = common::start(&dir);
    let (shown, tallest) = notices_shown(&harness);
    assert_eq!(shown, 3);
    assert!(tallest < 80.0, "{tallest}");
    assert!(in_view(&harness, "Sole of the foot"));
    harness.get_by_label("2 more notices").click();
    // The list that unfolds scrolls, and settles over a few frames.
    harness.run_steps(10);
    assert_eq!(notices_shown(&harness).0, 5);
    assert!(in_view(&harness, "Show fewer notices"));
    harness.get_by_label("Show fewer notices").click();
    harness.run();
    assert_eq!(notices_shown(&harness).0, 3);
    // Dismissing one brings the next into view.
    harness.get_all_by_label("Dismiss").next().unwrap().click();
    harness.run();
    assert_eq!(notices_shown(&harness).0, 3);
    harness.get_by_label("1 more notice");
}

#[test]
fn five_notices_leave_the_player_readable() {
    let dir = data_dir("player-five");
    common::returning_user(&dir, "");
    broken_routines(&dir, 5);
    let (mut harness, _time) = common::start_playing(&dir, "Feet and calves");
    assert_eq!(&harness.state().state().screen, &Screen::Player);
    assert_eq!(notices_shown(&harness).0, 3);
    assert!(in_view(&harness, "Get ready"));
    assert!(in_view(&harness, "Stop"));
    assert!(in_view(&harness, "Pause"));
    harness.snapshot("notices_five_over_player");
}

fn no_device() -> Result<(), String> {
    Err("no device here".to_owned())
}

fn a_device() -> Result<(), String> {
    Ok(())
}

#[test]
fn the_no_sound_notice_once_dismissed_stays_away_until_a_device_came_and_went() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let no_sound = rollcoach::ui::notices::NO_SOUND;
    let mut harness = common::start_probing(dir.path(), no_device);
    harness.get_by_label(no_sound);
    harness.get_by_label("Dismiss").click();
    harness.run();
    assert!(harness.query_by_label(no_sound).is_none());
    drop(harness);
    let saved = std::fs::read_to_string(dir.path().join("settings.ron")).unwrap();
    assert!(saved.contains("no_sound_notice_dismissed: true"), "{saved}");

    // Still no device: no notice, but Settings says why there is no sound.
    let mut harness = common::start_probing(dir.path(), no_device);
    assert!(
        harness.query_by_label(no_sound).is_none(),
        "dismissed before"
    );
    harness.get_by_label("Settings").click();
    harness.run();
    harness.get_by_label_contains("routines run silently");
    drop(harness);

    // A device came: no notice, nothing in Settings, and the next loss is news.
    let mut harness = common::start_probing(dir.path(), a_device);
    assert!(harness.query_by_label(no_sound).is_none());
    harness.get_by_label("Settings").click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("routines run silently")
            .is_none()
    );
    drop(harness);
    let harness = common::start_probing(dir.path(), no_device);
    harness.get_by_label(no_sound);
}

#[test]
fn dismissing_by_keyboard_moves_the_focus_to_the_next_notice() {
    use eframe::egui::Key;
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    broken_routines(dir.path(), 2);
    let mut harness = common::start(dir.path());
    assert_eq!(harness.get_all_by_label("Dismiss").count(), 2);
    let focused = |h: &Harness| {
        h.root()
            .children_recursive()
            .find(|n| n.is_focused())
            .and_then(|n| n.accesskit_node().label())
    };
    for _ in 0..20 {
        if focused(&harness).as_deref() == Some("Dismiss") {
            break;
        }
        harness.key_press(Key::Tab);
        harness.run();
    }
    assert_eq!(focused(&harness).as_deref(), Some("Dismiss"));
    harness.key_press(Key::Enter);
    harness.run();
    harness.run();
    assert_eq!(harness.get_all_by_label("Dismiss").count(), 1);
    assert_eq!(
        focused(&harness).as_deref(),
        Some("Dismiss"),
        "the focus goes on to the notice left"
    );
}
