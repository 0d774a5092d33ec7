//! The routine editor as a user meets it: make a routine from the library,
//! fix what it flags, save with Ctrl+S, find it again after a restart, and
//! start it; duplicate a built-in; delete with undo; nothing unsaved is lost
//! without asking.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

mod common;

use eframe::egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use rollcoach::ui::Screen;

type Harness = egui_kittest::Harness<'static, rollcoach::ui::RollcoachApp>;

fn open_editor(harness: &mut Harness) {
    harness.get_by_label("My routines").click();
    harness.run();
    assert_eq!(&harness.state().state().screen, &Screen::Editor);
}

/// Starts the app, opens the editor and begins a new routine.
fn start_new_routine(dir: &std::path::Path) -> Harness {
    let mut harness = common::start(dir);
    open_editor(&mut harness);
    harness.get_by_label("New routine").click();
    harness.run();
    harness
}

fn type_into(harness: &mut Harness, label: &str, text: &str) {
    harness.get_by_label(label).click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label(label).type_text(text);
    harness.run();
}

#[test]
fn make_a_routine_save_it_and_find_it_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let mut harness = start_new_routine(dir.path());
    harness.get_by_label_contains("Add at least one exercise");

    type_into(&mut harness, "Routine name", "Evening legs");
    type_into(&mut harness, "Find an exercise to add", "calf");
    harness.get_by_label("Add Calves").click();
    harness.run();
    type_into(&mut harness, "Find an exercise to add", "quad");
    harness.get_by_label("Add Quads").click();
    harness.run();
    let draft = harness.state().state().editor.draft().unwrap().clone();
    assert_eq!(draft.name, "Evening legs");
    let ids: Vec<&str> = draft.steps.iter().map(|s| s.exercise.as_str()).collect();
    assert_eq!(ids, ["calves", "quads"]);

    // A wrong value is flagged and blocks saving, but is kept to fix.
    harness
        .get_by_label("Roll (exercise 2)")
        .set_value_accesskit(5.0);
    harness.run();
    harness.get_by_label("Rolling must last 15 to 180 seconds.");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(!dir.path().join("routines/evening-legs.ron").exists());
    assert_eq!(
        harness.state().state().editor.draft().unwrap().steps[1].roll_seconds,
        5
    );
    harness
        .get_by_label("Roll (exercise 2)")
        .set_value_accesskit(40.0);
    harness.run();
    assert!(
        harness
            .query_by_label("Rolling must last 15 to 180 seconds.")
            .is_none()
    );

    // Pace and stroke start at the defaults and are checked too.
    harness
        .get_by_label("Pace (exercise 1)")
        .set_value_accesskit(9.0);
    harness.run();
    harness.get_by_label("The pace must be 1 to 5 cm a second.");
    harness
        .get_by_label("Pace (exercise 1)")
        .set_value_accesskit(2.0);
    harness.run();
    assert!(
        harness
            .query_by_label("The pace must be 1 to 5 cm a second.")
            .is_none()
    );

    // Reorder: quads first.
    harness.get_by_label("Up (exercise 2)").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let saved = std::fs::read_to_string(dir.path().join("routines/evening-legs.ron")).unwrap();
    assert!(
        saved.find("quads").unwrap() < saved.find("calves").unwrap(),
        "{saved}"
    );
    drop(harness);

    let mut harness = common::start(dir.path());
    let names: Vec<String> = harness
        .state()
        .state()
        .editor
        .routines
        .iter()
        .map(|f| f.routine.name.clone())
        .collect();
    assert_eq!(names, ["Evening legs"]);
    harness.get_by_label("Routines").click();
    harness.run();
    harness.get_by_label("Start Evening legs").click_accesskit();
    harness.run();
    assert_eq!(&harness.state().state().screen, &Screen::Player);
    assert_eq!(
        harness
            .state()
            .state()
            .session()
            .unwrap()
            .timeline()
            .steps()[0]
            .exercise_id,
        "quads"
    );
}

#[test]
fn duplicating_a_built_in_makes_an_editable_copy() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let mut harness = common::start(dir.path());
    harness.get_by_label("Routines").click();
    harness.run();
    harness.get_by_label("Duplicate Feet and calves").click();
    harness.run();
    assert_eq!(&harness.state().state().screen, &Screen::Editor);
    assert_eq!(
        harness.state().state().editor.draft().unwrap().name,
        "Feet and calves (my copy)"
    );
    harness.get_by_label("Save").click();
    harness.run();
    assert!(
        dir.path()
            .join("routines/feet-and-calves-my-copy.ron")
            .exists()
    );
}

#[test]
fn delete_asks_first_and_can_be_undone() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let routines = common::write_routine(
        dir.path(),
        "mine.ron",
        "(name: \"Mine\", steps: [(exercise: \"glutes\", roll_seconds: 30)])",
    );
    let mut harness = common::start(dir.path());
    open_editor(&mut harness);
    harness.get_by_label("Mine").click();
    harness.run();
    harness.get_by_label("Delete").click();
    harness.run();
    harness.get_by_label("Delete \"Mine\"?");
    harness.get_by_label("Yes, delete it").click();
    harness.run();
    assert!(!routines.join("mine.ron").exists());
    assert!(harness.state().state().editor.routines.is_empty());
    harness.get_by_label("Undo").click();
    harness.run();
    assert!(routines.join("mine.ron").exists());
    assert_eq!(harness.state().state().editor.routines.len(), 1);
}

#[test]
fn leaving_with_unsaved_changes_asks() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let mut harness = start_new_routine(dir.path());
    harness.get_by_label("Library").click();
    harness.run();
    assert_eq!(
        &harness.state().state().screen,
        &Screen::Editor,
        "asks before leaving"
    );
    harness.get_by_label("Discard unsaved changes?");
    harness.get_by_label("Keep editing").click();
    harness.run();
    assert_eq!(&harness.state().state().screen, &Screen::Editor);
    assert!(harness.state().state().editor.draft().is_some());
    harness.get_by_label("Library").click();
    harness.run();
    harness.get_by_label("Discard changes").click();
    harness.run();
    assert_eq!(&harness.state().state().screen, &Screen::Library);
}

#[test]
fn saving_routines_never_touches_a_broken_file() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let broken = b"(name: \"My routine\", steps: [(exercise: \"calves\", roll_seconds: 30,,)])";
    let routines = common::write_routine(dir.path(), "my-routine.ron", broken);
    let mut harness = start_new_routine(dir.path());
    harness.get_by_label("Add Calves").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    // Same name as the broken file's routine: saved beside it, not over it.
    assert!(routines.join("my-routine-2.ron").exists());
    assert_eq!(
        std::fs::read(routines.join("my-routine.ron")).unwrap(),
        broken
    );
}
