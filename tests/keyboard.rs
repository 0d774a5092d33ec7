//! Keyboard only: pages scroll, focus stays in view and where it was, and
//! the arrows do one thing, the screen's.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

mod common;

use eframe::egui::{self, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use rollcoach::ui::{RollcoachApp, Screen};

type App = Harness<'static, RollcoachApp>;

fn press(h: &mut App, key: Key) {
    h.key_press(key);
    h.run();
}

/// Where the node labelled `label` is, in points (the tree is in pixels).
fn rect_of(h: &App, label: &str) -> egui::Rect {
    let node = h.get_by_label(label);
    let b = node
        .accesskit_node()
        .bounding_box()
        .expect("a node on screen");
    let zoom = h.ctx.pixels_per_point();
    egui::Rect::from_min_max(
        egui::pos2(b.x0 as f32, b.y0 as f32) / zoom,
        egui::pos2(b.x1 as f32, b.y1 as f32) / zoom,
    )
}

/// Whether the node labelled `label` is wholly inside a window of `size`.
fn in_view(h: &App, label: &str, size: [f32; 2]) -> bool {
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, size.into()).expand(0.5);
    window.contains_rect(rect_of(h, label))
}

/// The label of the focused node, if any.
fn focused(h: &App) -> Option<String> {
    h.root()
        .children_recursive()
        .find(|n| n.is_focused())
        .and_then(|n| n.accesskit_node().label())
}

/// Presses Tab until the node labelled `label` has the focus.
fn tab_to(h: &mut App, label: &str) {
    for _ in 0..80 {
        if focused(h).as_deref() == Some(label) {
            return;
        }
        press(h, Key::Tab);
    }
    panic!(
        "Tab never reached {label:?}; the focus is on {:?}",
        focused(h)
    );
}

const SMALL: [f32; 2] = [800.0, 560.0];

/// A returning user's app in a window of `size`, with its data folder.
fn returning(size: [f32; 2]) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let h = common::start_sized(dir.path(), size);
    (dir, h)
}

/// Opens the card of exercise `id` from the library.
fn open_card(h: &mut App, id: &str) {
    let catalog = rollcoach::catalog::Catalog::builtin().unwrap();
    let name = catalog.get(id).unwrap().name.clone();
    h.get_by_label(&name).click();
    h.run();
    h.run();
    assert_eq!(h.state().state().screen, Screen::Card { id: id.into() });
}

#[test]
fn a_whole_card_is_read_by_keyboard() {
    let (_dir, mut h) = returning(SMALL);
    open_card(&mut h, "calves");
    assert!(
        !in_view(&h, "Timings", SMALL),
        "the card is longer than the window"
    );
    let top = |h: &App| rect_of(h, "Timings").top();
    let start = top(&h);

    // End goes to the bottom, Home back to the top.
    press(&mut h, Key::End);
    h.run();
    assert!(in_view(&h, "Timings", SMALL), "End shows the last section");
    press(&mut h, Key::Home);
    h.run();
    assert_eq!(top(&h), start, "Home goes back to the top");

    // Page Down, Space and Down each move it on, never to another card;
    // Page Up comes back.
    press(&mut h, Key::PageDown);
    h.run();
    let after_page = top(&h);
    assert!(
        after_page < start - 100.0,
        "Page Down scrolls: {start} -> {after_page}"
    );
    press(&mut h, Key::Space);
    h.run();
    let after_space = top(&h);
    assert!(after_space < after_page, "Space scrolls");
    press(&mut h, Key::ArrowUp);
    h.run();
    assert!(top(&h) > after_space, "Up scrolls");
    press(&mut h, Key::PageUp);
    h.run();
    assert!(top(&h) > after_page, "Page Up scrolls back");
    assert_eq!(
        h.state().state().screen,
        Screen::Card {
            id: "calves".into()
        }
    );
}

#[test]
fn the_safety_screen_is_read_to_the_end_by_keyboard() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = common::start_sized(dir.path(), SMALL);
    let last = "Drink some water when you are done.";
    assert!(
        !in_view(&h, last, SMALL),
        "the rules are longer than the window"
    );
    for _ in 0..6 {
        press(&mut h, Key::PageDown);
    }
    h.run();
    assert!(in_view(&h, last, SMALL), "Page Down reaches the end");
    assert_eq!(h.state().state().screen, Screen::Safety { first_run: true });
}

#[test]
fn a_tool_reached_by_tab_is_scrolled_into_view_and_keeps_the_focus() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let size = [1000.0, 520.0];
    let mut h = common::start_sized(dir.path(), size);
    assert!(
        !in_view(&h, "Weighted ball", size),
        "below the window at first"
    );
    tab_to(&mut h, "Weighted ball");
    h.run();
    assert!(
        in_view(&h, "Weighted ball", size),
        "Tab shows what it focuses"
    );

    // Space ticks it; the focus stays on it, and the next Tab goes on from
    // there rather than from the menu bar.
    let owned = |h: &App| {
        h.state()
            .state()
            .settings
            .tools_owned
            .contains(&rollcoach::model::Tool::WeightedBall)
    };
    let before = owned(&h);
    press(&mut h, Key::Space);
    h.run();
    assert_ne!(owned(&h), before, "Space ticks the box");
    assert_eq!(focused(&h).as_deref(), Some("Weighted ball"));
}

#[test]
fn arrows_in_the_filters_stay_in_the_filters() {
    let (_dir, mut h) = returning(common::SIZE);
    tab_to(&mut h, "All regions");
    press(&mut h, Key::ArrowDown);
    assert_eq!(focused(&h).as_deref(), Some("Feet"));
    press(&mut h, Key::ArrowUp);
    press(&mut h, Key::ArrowUp);
    assert_eq!(
        focused(&h).as_deref(),
        Some("All regions"),
        "stops at the top"
    );
    // Right and Left do not jump to the menu bar.
    press(&mut h, Key::ArrowRight);
    press(&mut h, Key::ArrowLeft);
    assert_eq!(focused(&h).as_deref(), Some("All regions"));

    // A region chosen with Enter keeps the focus.
    press(&mut h, Key::ArrowDown);
    press(&mut h, Key::Enter);
    assert_eq!(focused(&h).as_deref(), Some("Feet"));
    assert_eq!(h.state().state().screen, Screen::Library);
}

#[test]
fn the_cards_are_in_the_tab_order_and_the_arrows_carry_the_focus() {
    let (_dir, mut h) = returning(common::SIZE);
    let catalog = rollcoach::catalog::Catalog::builtin().unwrap();
    let names: Vec<String> = catalog.exercises().iter().map(|e| e.name.clone()).collect();
    tab_to(&mut h, &names[0]);
    press(&mut h, Key::ArrowRight);
    h.run();
    assert_eq!(focused(&h).as_deref(), Some(names[1].as_str()));
    press(&mut h, Key::Enter);
    assert_eq!(
        h.state().state().screen,
        Screen::Card {
            id: catalog.exercises()[1].id.clone()
        }
    );
}

#[test]
fn on_a_card_the_arrows_change_the_card_whatever_has_the_focus() {
    let (_dir, mut h) = returning(common::SIZE);
    let catalog = rollcoach::catalog::Catalog::builtin().unwrap();
    let ids: Vec<String> = catalog.exercises().iter().map(|e| e.id.clone()).collect();
    open_card(&mut h, &ids[1]);
    // Tab reaches Previous before Next.
    tab_to(&mut h, "Previous");
    press(&mut h, Key::Tab);
    assert_eq!(focused(&h).as_deref(), Some("Next"));
    press(&mut h, Key::ArrowRight);
    h.run();
    assert_eq!(
        h.state().state().screen,
        Screen::Card { id: ids[2].clone() }
    );
    assert_eq!(
        focused(&h).as_deref(),
        Some("Next"),
        "the focus does not walk"
    );
}

#[test]
fn in_the_player_an_arrow_skips_once_and_the_focus_stays() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let (mut h, _time) = common::start_playing(dir.path(), "Feet and calves");
    tab_to(&mut h, "Pause");
    let step = |h: &App| {
        let player = h.state().state().player.as_ref().unwrap();
        player.session.state(h.state().now()).phase_index
    };
    let before = step(&h);
    press(&mut h, Key::ArrowRight);
    h.run();
    assert_eq!(step(&h), before + 1, "one phase on");
    assert_eq!(
        focused(&h).as_deref(),
        Some("Pause"),
        "the focus ring stays"
    );
}

#[test]
fn ctrl_home_and_ctrl_end_go_to_the_ends_of_the_settings() {
    let (_dir, mut h) = returning(SMALL);
    h.get_by_label("Settings").click();
    h.run();
    h.run();
    assert!(!in_view(&h, "Weighted ball", SMALL));
    h.key_press_modifiers(Modifiers::COMMAND, Key::End);
    h.run();
    h.run();
    assert!(in_view(&h, "Weighted ball", SMALL));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Home);
    h.run();
    h.run();
    assert!(!in_view(&h, "Weighted ball", SMALL));
}

#[test]
fn ctrl_z_brings_back_a_deleted_routine() {
    let dir = tempfile::tempdir().unwrap();
    let routines = common::returning_user_with_mine(dir.path());
    let mut h = common::start(dir.path());
    h.get_by_label("My routines").click();
    h.run();
    h.get_by_label("Mine").click();
    h.run();
    h.get_by_label("Delete").click();
    h.run();
    h.get_by_label("Yes, delete it").click();
    h.run();
    assert!(!routines.join("mine.ron").exists());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(
        routines.join("mine.ron").exists(),
        "Ctrl+Z undoes the delete"
    );
    assert_eq!(h.state().state().editor.routines.len(), 1);
    // Once: a second Ctrl+Z has nothing left to bring back.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().state().editor.routines.len(), 1);
}

#[test]
fn the_shortcuts_window_closes_from_its_button_by_keyboard() {
    let (_dir, mut h) = returning(common::SIZE);
    press(&mut h, Key::Questionmark);
    assert!(h.state().state().show_shortcuts);
    tab_to(&mut h, "Close");
    press(&mut h, Key::Enter);
    assert!(
        !h.state().state().show_shortcuts,
        "Enter on Close closes it"
    );
    press(&mut h, Key::Questionmark);
    press(&mut h, Key::Escape);
    assert!(!h.state().state().show_shortcuts, "Esc closes it");
}

#[test]
fn a_view_menu_choice_by_keyboard_leaves_the_focus_on_the_menu() {
    let (_dir, mut h) = returning(common::SIZE);
    tab_to(&mut h, "View");
    press(&mut h, Key::Enter);
    h.run();
    // Tab walks the open menu.
    tab_to(&mut h, "Dark");
    press(&mut h, Key::Space);
    h.run();
    h.run();
    assert_eq!(
        h.state().state().settings.theme,
        rollcoach::model::ThemePreference::Dark
    );
    assert_eq!(focused(&h).as_deref(), Some("View"));
}

#[test]
fn settings_numbers_step_with_up_and_down_and_take_typing_on_enter() {
    let (_dir, mut h) = returning(common::SIZE);
    h.get_by_label("Settings").click();
    h.run();
    let hold = "Hold a tender spot for (seconds)";
    tab_to(&mut h, hold);
    let seconds = |h: &App| h.state().state().settings.hold_seconds;
    let before = seconds(&h);
    press(&mut h, Key::ArrowUp);
    press(&mut h, Key::ArrowUp);
    assert_eq!(seconds(&h), before + 2, "Up steps a second");
    press(&mut h, Key::ArrowDown);
    assert_eq!(seconds(&h), before + 1);

    // A decimal is typed as it is, and taken on Enter.
    let pace = "Rolling pace (per second)";
    tab_to(&mut h, pace);
    h.get_by_label(pace).type_text("1.8");
    h.run();
    let before = h.state().state().settings.pace_cm_per_s;
    assert!(
        (before - 2.5).abs() < 1e-4,
        "not taken while typing: {before}"
    );
    press(&mut h, Key::Enter);
    let pace = h.state().state().settings.pace_cm_per_s;
    assert!((pace - 1.8).abs() < 1e-4, "taken on Enter: {pace}");
}

#[test]
fn enter_in_a_question_gives_its_safe_default_and_the_focus_goes_back() {
    let dir = tempfile::tempdir().unwrap();
    let routines = common::returning_user_with_mine(dir.path());
    let mut h = common::start(dir.path());
    h.get_by_label("My routines").click();
    h.run();
    h.get_by_label("Mine").click();
    h.run();
    tab_to(&mut h, "Delete");
    press(&mut h, Key::Enter);
    h.run();
    h.get_by_label("Delete \"Mine\"?");
    // No button has the focus: Enter gives the highlighted answer.
    press(&mut h, Key::Enter);
    h.run();
    assert!(h.query_by_label("Delete \"Mine\"?").is_none(), "answered");
    assert!(routines.join("mine.ron").exists(), "Enter keeps it");
    assert_eq!(focused(&h).as_deref(), Some("Delete"), "back where it was");
}

#[test]
fn enter_on_keep_going_in_the_stop_question_keeps_going() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let (mut h, _time) = common::start_playing(dir.path(), "Feet and calves");
    press(&mut h, Key::Escape);
    h.get_by_label("Stop the routine?");
    tab_to(&mut h, "Keep going");
    press(&mut h, Key::Enter);
    h.run();
    assert!(h.query_by_label("Stop the routine?").is_none());
    assert!(h.state().state().player.is_some(), "still playing");
    // With nothing focused, Enter stops: Esc, then Enter.
    press(&mut h, Key::Escape);
    press(&mut h, Key::Enter);
    h.run();
    assert!(h.state().state().player.is_none(), "stopped");
}

#[test]
fn an_exercise_moved_by_keyboard_keeps_the_focus_and_tab_reads_up_down_remove() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    common::write_routine(
        dir.path(),
        "three.ron",
        "(name: \"Three\", steps: [(exercise: \"calves\", roll_seconds: 30), \
         (exercise: \"quads\", roll_seconds: 30), (exercise: \"glutes\", roll_seconds: 30)])",
    );
    let mut h = common::start(dir.path());
    h.get_by_label("My routines").click();
    h.run();
    h.get_by_label("Three").click();
    h.run();
    tab_to(&mut h, "Up (exercise 2)");
    press(&mut h, Key::Tab);
    assert_eq!(focused(&h).as_deref(), Some("Down (exercise 2)"));
    press(&mut h, Key::Tab);
    assert_eq!(focused(&h).as_deref(), Some("Remove (exercise 2)"));

    // Down on the first exercise: it moves, and the focus goes with it.
    tab_to(&mut h, "Down (exercise 1)");
    press(&mut h, Key::Enter);
    h.run();
    let steps: Vec<String> = h
        .state()
        .state()
        .editor
        .draft()
        .unwrap()
        .steps
        .iter()
        .map(|s| s.exercise.clone())
        .collect();
    assert_eq!(steps, ["quads", "calves", "glutes"]);
    assert_eq!(focused(&h).as_deref(), Some("Down (exercise 2)"));
    // Up takes it back to the top, where Up is greyed: the focus goes to Down.
    tab_to(&mut h, "Up (exercise 2)");
    press(&mut h, Key::Enter);
    h.run();
    assert_eq!(focused(&h).as_deref(), Some("Down (exercise 1)"));
}

#[test]
fn esc_that_closes_a_menu_does_nothing_else() {
    let (_dir, mut h) = returning(common::SIZE);
    open_card(&mut h, "calves");
    h.get_by_label("Help").click();
    h.run();
    h.get_by_label("Keyboard shortcuts");
    press(&mut h, Key::Escape);
    h.run();
    assert!(
        h.query_by_label("Keyboard shortcuts").is_none(),
        "the menu closed"
    );
    assert_eq!(
        h.state().state().screen,
        Screen::Card {
            id: "calves".into()
        }
    );
    press(&mut h, Key::Escape);
    assert_eq!(
        h.state().state().screen,
        Screen::Library,
        "the next Esc goes back"
    );
}
