//! Every screen but the player fits its window at every text size: nothing
//! runs off the right edge (pages scroll down, never sideways), and each
//! screen opens at its top.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

mod common;

use common::Window;
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use rollcoach::model::TextSize;
use rollcoach::ui::RollcoachApp;

type App = Harness<'static, RollcoachApp>;

/// The windows checked: small windows with large text, the largest text
/// in common laptop windows, the smallest window, and the smallest one of
/// the largest text; 800 pixels wide with the largest text too, where
/// people found cut lines.
const WINDOWS: [Window; 6] = [
    Window::new(800.0, 600.0, TextSize::Large),
    Window::new(1024.0, 640.0, TextSize::ExtraLarge),
    Window::new(1366.0, 768.0, TextSize::ExtraLarge),
    Window::new(720.0, 520.0, TextSize::Normal),
    Window::new(960.0, 620.0, TextSize::ExtraLarge),
    Window::new(800.0, 600.0, TextSize::ExtraLarge),
];

/// A routine of the user's with a long name and six steps, among them the
/// exercise with the longest name.
const LONG_ROUTINE: &str = "(name: \"Sunday evening, slowly, for the legs and the lower back\", \
    steps: [(exercise: \"sole-of-foot\", roll_seconds: 40, holds: 1, hold_seconds: 20), \
    (exercise: \"calves\", sides: LeftThenRight, roll_seconds: 45), \
    (exercise: \"hamstrings\", roll_seconds: 45, holds: 2, hold_seconds: 30), \
    (exercise: \"it-band\", roll_seconds: 30), \
    (exercise: \"glutes\", roll_seconds: 40, rest_seconds: 15), \
    (exercise: \"lower-back\", roll_seconds: 30, holds: 1, hold_seconds: 20)])";

/// The long name of [`LONG_ROUTINE`].
const LONG_NAME: &str = "Sunday evening, slowly, for the legs and the lower back";

/// The kinds of widget a person reads or uses.
fn is_widget(role: egui::accesskit::Role) -> bool {
    use egui::accesskit::Role;
    matches!(
        role,
        Role::Button
            | Role::Label
            | Role::Heading
            | Role::TextInput
            | Role::MultilineTextInput
            | Role::CheckBox
            | Role::RadioButton
            | Role::Slider
            | Role::SpinButton
            | Role::ComboBox
            | Role::Image
            | Role::Link
            | Role::MenuItem
            | Role::Tab
    )
}

/// Every widget that is not wholly inside the window from left to right,
/// with its label and its left and right edges.
fn overflowing(harness: &App) -> Vec<String> {
    let width = harness.ctx.content_rect().width();
    let mut out = Vec::new();
    for node in harness.root().children_recursive() {
        let ak = node.accesskit_node();
        if !is_widget(ak.role()) || ak.bounding_box().is_none() {
            continue;
        }
        let rect = node.rect();
        if rect.width() <= 0.0 {
            continue;
        }
        let name = ak
            .label()
            .or_else(|| ak.value())
            .unwrap_or_else(|| format!("{:?}", ak.role()));
        if rect.width() > width + 0.5 {
            out.push(format!(
                "{name:?} is {:.0} wide, the window {width:.0}",
                rect.width()
            ));
        } else if rect.left() < -0.5 || rect.right() > width + 0.5 {
            out.push(format!(
                "{name:?} runs from {:.0} to {:.0}, the window is {width:.0} wide",
                rect.left(),
                rect.right()
            ));
        }
    }
    out
}

/// Fails if any widget of the screen showing runs off the window.
fn assert_fits(harness: &App, screen: &str, window: Window) {
    let out = overflowing(harness);
    assert!(
        out.is_empty(),
        "{screen} at {}: {} widgets off the window:\n{}",
        window.name(),
        out.len(),
        out.join("\n")
    );
}

/// Opens a screen of the menu bar.
fn open(harness: &mut App, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

/// Opens the safety screen from the Help menu.
fn open_safety(harness: &mut App) {
    open(harness, "Help");
    harness.get_by_label_contains("Safety first").click();
    harness.run();
}

/// Opens the card of the exercise called `name` from the library.
fn open_card(harness: &mut App, name: &str) {
    harness.get_by_label(name).click_accesskit();
    harness.run();
}

/// Opens the user's long routine in the editor.
fn open_long_routine(harness: &mut App) {
    open(harness, "My routines");
    harness.get_by_label(LONG_NAME).click();
    harness.run();
}

/// The app as a returning user with [`LONG_ROUTINE`] saved, in `window`.
fn start(dir: &std::path::Path, window: Window, theme: egui::Theme) -> App {
    common::write_routine(dir, "sunday.ron", LONG_ROUTINE);
    let (harness, _time) = common::start_in(dir, window, theme, None);
    harness
}

/// Checks one screen at every window, in both themes.
fn check(screen: &str, go: impl Fn(&mut App)) {
    for window in WINDOWS {
        for theme in [egui::Theme::Light, egui::Theme::Dark] {
            let dir = tempfile::tempdir().unwrap();
            let mut harness = start(dir.path(), window, theme);
            go(&mut harness);
            assert_fits(&harness, screen, window);
        }
    }
}

#[test]
fn the_library_fits() {
    check("the library", |_| {});
}

#[test]
fn a_card_with_a_long_name_fits() {
    check("the card of the lower back", |h| {
        open_card(h, "Lower back, beside the spine");
    });
}

#[test]
fn every_card_fits() {
    for window in WINDOWS {
        let dir = tempfile::tempdir().unwrap();
        let mut harness = start(dir.path(), window, egui::Theme::Light);
        open_card(&mut harness, "Sole of the foot");
        let count = harness.state().state().catalog.exercises().len();
        for i in 0..count {
            assert_fits(&harness, &format!("card {}", i + 1), window);
            if i + 1 < count {
                harness.get_by_label("Next").click();
                harness.run();
            }
        }
    }
}

#[test]
fn settings_fit() {
    check("the settings", |h| open(h, "Settings"));
}

#[test]
fn the_safety_screen_fits() {
    check("the safety screen", open_safety);
}

#[test]
fn the_first_safety_screen_fits() {
    for window in WINDOWS {
        let dir = tempfile::tempdir().unwrap();
        // Before the rules were ever accepted.
        std::fs::write(
            dir.path().join("settings.ron"),
            format!("(version: 2, theme: Light, text_size: {:?})", window.text),
        )
        .unwrap();
        let harness = common::start_with(dir.path(), window.points(), egui::Theme::Light);
        harness.get_by_label("I understand, let's roll");
        assert_fits(&harness, "the first safety screen", window);
    }
}

#[test]
fn routines_fit() {
    check("the routines", |h| open(h, "Routines"));
}

#[test]
fn the_routine_editor_fits() {
    check("the routine editor", |h| {
        open_long_routine(h);
        // A change, so that "Unsaved changes" shows too.
        h.get_by_label("Down (exercise 1)").click();
        h.run();
    });
}

#[test]
fn the_editor_after_a_delete_fits() {
    check("the editor after a delete", |h| {
        open_long_routine(h);
        h.get_by_label("Delete").click();
        h.run();
        h.get_by_label("Yes, delete it").click();
        h.run();
        h.get_by_label("Undo");
    });
}

#[test]
fn the_question_about_unsaved_changes_fits() {
    check("the question about unsaved changes", |h| {
        open_long_routine(h);
        h.get_by_label("Down (exercise 1)").click();
        h.run();
        h.get_by_label("Library").click();
        h.run();
        // Three answers: Save, Discard changes, Keep editing.
        h.get_by_label("Save your changes?");
        h.get_by_label("Keep editing");
    });
}

// Each screen opens at its top.

/// The top of the page showing, by one of its first widgets: its top
/// edge is not above the bottom of `above`, the widget over the page.
fn assert_at_top(harness: &App, first: &str, above: &str, what: &str) {
    let first_top = harness.get_by_label(first).rect().top();
    let above_bottom = harness.get_by_label(above).rect().bottom();
    assert!(
        first_top >= above_bottom - 0.5,
        "{what}: {first:?} starts at {first_top:.0}, above the page's top at \
         {above_bottom:.0}: the page opened scrolled"
    );
}

/// Scrolls the page showing to the widget labelled `label`, or the one
/// whose label starts with it.
fn scroll_to(harness: &mut App, label: &str) {
    match harness.query_by_label(label) {
        Some(node) => node.scroll_to_me(),
        None => harness.get_by_label_contains(label).scroll_to_me(),
    }
    harness.run();
}

const WINDOW: Window = Window::new(1024.0, 640.0, TextSize::Large);
const FIRST_CARD: &str = "Sole of the foot";
const ROUTINES_INTRO: &str = "Each routine works from the feet up. Press Start, get down on the \
    floor, and follow the tones and the screen: put the laptop where you can see and hear it.";

#[test]
fn the_library_opens_at_its_top_after_the_safety_rules_are_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("settings.ron"), "(theme: Light)").unwrap();
    let mut harness = common::start_with(dir.path(), WINDOW.points(), egui::Theme::Light);
    scroll_to(&mut harness, "Drink some water");
    harness.get_by_label("I understand, let's roll").click();
    harness.run();
    assert_at_top(&harness, FIRST_CARD, "Exercise library", "the library");
}

#[test]
fn every_screen_of_the_menu_opens_at_its_top() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = start(dir.path(), WINDOW, egui::Theme::Light);

    open(&mut harness, "Routines");
    scroll_to(&mut harness, "Each is a small text file in");
    open(&mut harness, "Settings");
    assert_at_top(
        &harness,
        "Units",
        "Changes are saved as you make them.",
        "settings after routines",
    );

    scroll_to(&mut harness, "Cards and routines offer");
    open(&mut harness, "Routines");
    assert_at_top(
        &harness,
        "Start Full body, feet to shoulders",
        ROUTINES_INTRO,
        "routines after settings",
    );

    scroll_to(&mut harness, "Each is a small text file in");
    open(&mut harness, "Library");
    assert_at_top(&harness, FIRST_CARD, "Exercise library", "the library");

    scroll_to(&mut harness, "Forearms");
    open_safety(&mut harness);
    assert_at_top(&harness, "Before you roll", "Help", "the safety rules");

    scroll_to(&mut harness, "Drink some water");
    open_long_routine(&mut harness);
    assert_at_top(&harness, "1. Sole of the foot", "Export...", "the editor");

    scroll_to(&mut harness, "Add an exercise");
    open(&mut harness, "Settings");
    open(&mut harness, "My routines");
    assert_at_top(
        &harness,
        "1. Sole of the foot",
        "Export...",
        "the editor, again",
    );
}

/// The picture of a card, by its accessible description.
fn picture_of(name: &str) -> String {
    format!("Picture: {name} with the")
}

/// The card showing opened at its top: its picture under its Start button.
fn assert_card_at_top(harness: &App, name: &str) {
    let picture = harness
        .get_by_label_contains(&picture_of(name))
        .rect()
        .top();
    let start = harness.get_by_label("Start this exercise").rect().bottom();
    assert!(
        picture >= start - 0.5,
        "the card of {name}: its picture starts at {picture:.0}, above the page's top at \
         {start:.0}: the card opened scrolled"
    );
}

#[test]
fn next_and_previous_open_each_card_at_its_top() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = start(dir.path(), WINDOW, egui::Theme::Light);
    open_card(&mut harness, "Calves");
    assert_card_at_top(&harness, "Calves");
    scroll_to(&mut harness, "Timings");
    harness.get_by_label("Next").click();
    harness.run();
    assert_card_at_top(&harness, "Hamstrings");
    scroll_to(&mut harness, "Timings");
    harness.get_by_label("Previous").click();
    harness.run();
    assert_card_at_top(&harness, "Calves");
    scroll_to(&mut harness, "Timings");
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    assert_card_at_top(&harness, "Hamstrings");
}

#[test]
fn a_card_opens_at_its_top_after_another_was_scrolled() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = start(dir.path(), WINDOW, egui::Theme::Light);
    open_card(&mut harness, "Calves");
    scroll_to(&mut harness, "Timings");
    harness.get_by_label("Back to the library").click();
    harness.run();
    open_card(&mut harness, "Chest");
    assert_card_at_top(&harness, "Chest");
}

/// Whether the widget labelled `label` is wholly in the window, from top
/// to bottom.
fn in_view(harness: &App, label: &str) -> bool {
    let rect = harness.get_by_label(label).rect();
    let window = harness.ctx.content_rect();
    rect.top() >= window.top() && rect.bottom() <= window.bottom()
}

#[test]
fn back_from_a_card_shows_the_library_with_that_card_in_view() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = start(dir.path(), WINDOW, egui::Theme::Light);
    scroll_to(&mut harness, "Chest");
    let before = harness.get_by_label("Chest").rect();
    open_card(&mut harness, "Chest");
    harness.get_by_label("Back to the library").click();
    harness.run();
    assert!(in_view(&harness, "Chest"), "the card left is in view");
    let after = harness.get_by_label("Chest").rect();
    assert!(
        (before.top() - after.top()).abs() < 1.0,
        "the library is where it was: the card at {:.0}, then {:.0}",
        before.top(),
        after.top()
    );

    // Back from the last card, reached by Next from the first one, the
    // library shows the last card: it scrolls down to it.
    scroll_to(&mut harness, "Sole of the foot");
    open_card(&mut harness, "Sole of the foot");
    let count = harness.state().state().catalog.exercises().len();
    for _ in 1..count {
        harness.get_by_label("Next").click();
        harness.run();
    }
    harness.key_press(egui::Key::Escape);
    harness.run();
    let last = harness.state().state().catalog.exercises()[count - 1]
        .name
        .clone();
    assert!(in_view(&harness, &last), "{last} is in view");
}

#[test]
fn the_check_in_fits() {
    check("the check-in before a routine", |h| {
        open(h, "Routines");
        h.get_by_label("Start Full body, feet to shoulders")
            .click_accesskit();
        h.run();
        h.get_by_label("How do they feel now?");
        // One area rated left and right apart.
        h.get_all_by_label("Left and right apart")
            .next()
            .unwrap()
            .click_accesskit();
        h.run();
        h.get_by_label("Soles of the feet, left side");
    });
}

#[test]
fn progress_fits() {
    for window in WINDOWS {
        for theme in [egui::Theme::Light, egui::Theme::Dark] {
            let dir = tempfile::tempdir().unwrap();
            for day in 1..=30 {
                let at = format!("2026-11-{day:02}T08:00:00Z");
                common::write_session(dir.path(), &at, 300, Some(6), Some(3));
            }
            let mut harness = start(dir.path(), window, theme);
            harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::P);
            harness.run();
            harness.get_by_label("Your progress");
            harness
                .get_all_by_label_contains("Feet and calves  ·")
                .next()
                .unwrap()
                .click_accesskit();
            harness.run();
            assert_fits(&harness, "progress", window);
        }
    }
}

#[test]
fn the_body_map_and_its_plan_fit() {
    check("the body map with a plan", |h| {
        open(h, "What hurts?");
        h.get_by_label("What hurts today?");
        // The calves and the lower back rated, a plan with a side longer.
        h.key_press(egui::Key::Num8);
        h.run();
        h.key_press(egui::Key::ArrowRight);
        h.run();
        h.key_press(egui::Key::Num4);
        h.run();
        h.run();
        h.get_by_label_contains("Calves, ");
    });
}
