//! The first-run safety screen: shown once, accepted with Enter or the
//! button, remembered, and reachable again from the Help menu.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

mod common;

use eframe::egui::Key;
use egui_kittest::kittest::{NodeT, Queryable};
use rollcoach::ui::Screen;

const ACCEPT: &str = "I understand, let's roll";

#[test]
fn first_start_shows_the_safety_screen_with_the_rules() {
    let dir = tempfile::tempdir().unwrap();
    let harness = common::start(dir.path());
    assert_eq!(
        &harness.state().state().screen,
        &Screen::Safety { first_run: true }
    );
    harness.get_by_label("Before you roll");
    harness.get_by_label("Do not roll if");
    harness.get_by_label_contains("deep vein thrombosis");
    harness.get_by_label_contains("blood thinners");
    harness.get_by_label_contains("broken or fractured bone");
    harness.get_by_label_contains("brittle bones");
    harness.get_by_label_contains("already injured");
    harness.get_by_label_contains("Press on muscle only");
    harness.get_by_label_contains("stop at once");
    harness.get_by_label_contains("Drink some water");
}

#[test]
fn enter_accepts_and_it_is_remembered() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = common::start(dir.path());
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(&harness.state().state().screen, &Screen::Library);
    let saved = std::fs::read_to_string(dir.path().join("settings.ron")).unwrap();
    assert!(saved.contains("safety_acknowledged: true"), "{saved}");
    drop(harness);

    let harness = common::start(dir.path());
    assert_eq!(&harness.state().state().screen, &Screen::Library);
    assert!(harness.query_by_label(ACCEPT).is_none());
}

#[test]
fn the_button_accepts_too() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = common::start(dir.path());
    harness.get_by_label(ACCEPT).click();
    harness.run();
    assert_eq!(&harness.state().state().screen, &Screen::Library);
    assert!(&harness.state().state().settings.safety_acknowledged);
}

#[test]
fn help_menu_shows_it_again_and_escape_goes_back() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let mut harness = common::start(dir.path());
    assert_eq!(&harness.state().state().screen, &Screen::Library);
    harness.get_by_label("Help").click();
    harness.run();
    harness.get_by_label_contains("Safety first").click();
    harness.run();
    assert_eq!(
        &harness.state().state().screen,
        &Screen::Safety { first_run: false }
    );
    harness.get_by_label("Do not roll if");
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(&harness.state().state().screen, &Screen::Library);
}

#[test]
fn f1_shows_the_safety_screen() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let mut harness = common::start(dir.path());
    harness.key_press(Key::F1);
    harness.run();
    assert_eq!(
        &harness.state().state().screen,
        &Screen::Safety { first_run: false }
    );
}

#[test]
fn a_broken_settings_file_is_reported_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("settings.ron");
    let broken = "(safety_acknowledged: true,, theme: Purple)";
    std::fs::write(&path, broken).unwrap();
    let mut harness = common::start(dir.path());
    harness.get_by_label_contains("Couldn't read your settings file");
    harness.get_by_label_contains("line 1, column");
    // Accepting the rules must not overwrite the user's file.
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(&harness.state().state().screen, &Screen::Library);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), broken);
}

#[test]
fn help_lists_the_keyboard_shortcuts() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let mut harness = common::start(dir.path());
    harness.get_by_label("Help").click();
    harness.run();
    harness.get_by_label("Keyboard shortcuts").click();
    harness.run();
    harness.get_by_label("Open the selected card");
    harness.get_by_label("Ctrl+F or /");
}

#[test]
fn the_shortcuts_window_opens_with_its_key_closes_with_esc_and_stays_with_its_screen() {
    use eframe::egui::Key;
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let mut harness = common::start(dir.path());
    let open = |h: &egui_kittest::Harness<'_, rollcoach::ui::RollcoachApp>| {
        h.query_by_label("Open the selected card").is_some()
    };
    // On a card: Esc closes the window and does nothing else.
    harness.get_by_label("Calves").click();
    harness.run();
    harness.key_press(Key::Questionmark);
    harness.run();
    assert!(open(&harness));
    harness.get_by_label("Esc or ? closes this window.");
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!open(&harness));
    assert_eq!(
        &harness.state().state().screen,
        &rollcoach::ui::Screen::Card {
            id: "calves".into()
        }
    );
    // ? again toggles it; going to another screen closes it.
    harness.key_press(Key::Questionmark);
    harness.run();
    assert!(open(&harness));
    harness.get_by_label("Settings").click();
    harness.run();
    harness.run();
    assert!(!open(&harness));
}

#[test]
fn until_accepted_once_neither_the_menu_nor_esc_leaves_the_safety_screen() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = common::start(dir.path());
    let first_run = Screen::Safety { first_run: true };
    for screen in ["Library", "Routines", "My routines", "Settings"] {
        let button = harness.get_by_label(screen);
        assert!(button.accesskit_node().is_disabled(), "{screen}");
        button.click();
        harness.run();
        assert_eq!(&harness.state().state().screen, &first_run);
    }
    for key in [Key::Escape, Key::Backspace] {
        harness.key_press(key);
        harness.run();
        assert_eq!(&harness.state().state().screen, &first_run);
    }
    // Help and View still work; once accepted, the menu does too.
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Extra large");
    harness.key_press(Key::Escape);
    harness.run();
    harness.get_by_label(ACCEPT).click();
    harness.run();
    assert_eq!(&harness.state().state().screen, &Screen::Library);
    harness.get_by_label("Settings").click();
    harness.run();
    assert_eq!(&harness.state().state().screen, &Screen::Settings);
}
