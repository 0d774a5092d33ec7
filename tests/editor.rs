//! The routine editor as a user meets it: make a routine from the library,
//! fix what it flags, save with Ctrl+S, find it again after a restart, and
//! start it; duplicate a built-in; delete with undo; nothing unsaved is lost
//! without asking.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

mod common;

use eframe::egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};
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
    let routines = common::returning_user_with_mine(dir.path());
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

/// The shown text of a field, by its accessible name.
fn shown(harness: &Harness, label: &str) -> String {
    harness.get_by_label(label).value().unwrap_or_default()
}

#[test]
fn a_steps_hold_rest_and_pace_show_the_defaults_and_can_be_set_and_put_back() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "hold_seconds: 30, rest_seconds: 15");
    let mut harness = start_new_routine(dir.path());
    type_into(&mut harness, "Routine name", "Defaults");
    harness.get_by_label("Add Calves").click();
    harness.run();
    assert_eq!(
        shown(&harness, "Hold length (exercise 1)"),
        "default (30 s)"
    );
    assert_eq!(shown(&harness, "Rest after (exercise 1)"), "default (15 s)");
    assert_eq!(shown(&harness, "Pace (exercise 1)"), "default (2.5 cm/s)");
    assert!(
        harness
            .query_by_label("Use default: Hold length (exercise 1)")
            .is_none()
    );

    // A number of the step's own...
    harness
        .get_by_label("Hold length (exercise 1)")
        .set_value_accesskit(45.0);
    harness.run();
    assert_eq!(shown(&harness, "Hold length (exercise 1)"), "45 s");
    let step = &harness.state().state().editor.draft().unwrap().steps[0];
    assert_eq!(step.hold_seconds, Some(45));
    assert_eq!(step.rest_seconds, None);

    // ... and back to the default.
    harness
        .get_by_label("Use default: Hold length (exercise 1)")
        .click();
    harness.run();
    assert_eq!(
        shown(&harness, "Hold length (exercise 1)"),
        "default (30 s)"
    );
    harness
        .get_by_label("Rest after (exercise 1)")
        .set_value_accesskit(0.0);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let saved = std::fs::read_to_string(dir.path().join("routines/defaults.ron")).unwrap();
    assert!(saved.contains("hold_seconds: None"), "{saved}");
    assert!(saved.contains("rest_seconds: Some(0)"), "{saved}");
    assert!(saved.contains("pace_cm_per_s: None"), "{saved}");
}

#[test]
fn with_inches_chosen_pace_and_stroke_show_and_take_inches() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "units: Inches");
    let mut harness = start_new_routine(dir.path());
    harness.get_by_label("Add Calves").click();
    harness.run();
    // The calves' 25 cm stroke at the default 2.5 cm a second.
    assert_eq!(shown(&harness, "Pace (exercise 1)"), "default (1.0 in/s)");
    assert_eq!(shown(&harness, "Stroke (exercise 1)"), "default (9.8 in)");

    harness
        .get_by_label("Pace (exercise 1)")
        .set_value_accesskit(1.5);
    harness.run();
    assert_eq!(shown(&harness, "Pace (exercise 1)"), "1.5 in/s");
    let pace = harness.state().state().editor.draft().unwrap().steps[0].pace_cm_per_s;
    assert!((pace.unwrap() - 3.81).abs() < 0.001, "kept in cm: {pace:?}");

    // Out of range: said in inches, and kept to fix.
    harness
        .get_by_label("Stroke (exercise 1)")
        .set_value_accesskit(30.0);
    harness.run();
    harness.get_by_label("A stroke must be 2.0 to 23.6 in long.");
    harness
        .get_by_label("Stroke (exercise 1)")
        .set_value_accesskit(8.0);
    harness.run();
    assert!(
        harness
            .query_by_label("A stroke must be 2.0 to 23.6 in long.")
            .is_none()
    );
    let stroke = harness.state().state().editor.draft().unwrap().steps[0].stroke_cm;
    assert!(
        (stroke.unwrap() - 20.32).abs() < 0.001,
        "kept in cm: {stroke:?}"
    );
}

#[test]
fn leaving_offers_save_when_the_routine_can_be_saved_and_it_saves_then_leaves() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let mut harness = start_new_routine(dir.path());
    type_into(&mut harness, "Routine name", "Kept");

    // Not yet valid (no exercise): only the editor's own, disabled Save.
    harness.get_by_label("Library").click();
    harness.run();
    harness.get_by_label("Discard unsaved changes?");
    let saves = harness.get_all_by_label("Save").collect::<Vec<_>>();
    assert_eq!(saves.len(), 1);
    assert!(saves[0].accesskit_node().is_disabled());
    harness.get_by_label("Keep editing").click();
    harness.run();

    harness.get_by_label("Add Calves").click();
    harness.run();
    harness.get_by_label("Library").click();
    harness.run();
    harness.get_by_label("Save your changes?");
    harness.get_by_label("Discard changes");
    harness.get_by_label("Keep editing");
    // The question's Save, drawn over the editor's own.
    let saves = harness.get_all_by_label("Save").collect::<Vec<_>>();
    assert_eq!(saves.len(), 2);
    saves.last().unwrap().click();
    harness.run();
    let saved = std::fs::read_to_string(dir.path().join("routines/kept.ron")).unwrap();
    assert!(saved.contains("calves"), "{saved}");
    assert_eq!(&harness.state().state().screen, &Screen::Library);
    assert!(!harness.state().state().editor.has_unsaved_changes());
}

#[test]
fn enter_in_the_add_field_adds_the_only_match_and_stays_there() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let mut harness = start_new_routine(dir.path());
    harness.get_by_label("Find an exercise to add").focus();
    harness.run();
    harness
        .get_by_label("Find an exercise to add")
        .type_text("hamstr");
    harness.run();
    harness.get_by_label("Press Enter to add it.");
    harness.key_press(Key::Enter);
    harness.run();
    let ids = |h: &Harness| -> Vec<String> {
        let draft = h.state().state().editor.draft().unwrap().clone();
        draft.steps.iter().map(|s| s.exercise.clone()).collect()
    };
    assert_eq!(ids(&harness), ["hamstrings"]);
    let field = harness.get_by_label("Find an exercise to add");
    assert_eq!(field.value().unwrap_or_default(), "", "cleared");
    assert!(field.is_focused(), "ready for the next");

    // Straight on with the keyboard: several matches add nothing.
    harness
        .get_by_label("Find an exercise to add")
        .type_text("b");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(ids(&harness), ["hamstrings"]);
}

#[test]
fn export_waits_until_the_routine_is_valid_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let mut harness = start_new_routine(dir.path());
    assert!(
        harness
            .get_by_label("Export...")
            .accesskit_node()
            .is_disabled()
    );
    harness.get_by_label("Export...").hover();
    harness.run();
    harness.get_by_label_contains("an empty routine can't be exported");

    harness.get_by_label("Add Calves").click();
    harness.run();
    assert!(
        !harness
            .get_by_label("Export...")
            .accesskit_node()
            .is_disabled()
    );
    harness
        .get_by_label("Roll (exercise 1)")
        .set_value_accesskit(5.0);
    harness.run();
    assert!(
        harness
            .get_by_label("Export...")
            .accesskit_node()
            .is_disabled()
    );
    harness.get_by_label("Export...").hover();
    harness.run();
    harness.get_by_label_contains("Fix what is marked in red first");
}

#[test]
fn the_routines_page_offers_edit_on_your_own_routines() {
    let dir = tempfile::tempdir().unwrap();
    let routines = common::returning_user_with_mine(dir.path());
    let mut harness = common::start(dir.path());
    harness.get_by_label("Routines").click();
    harness.run();
    assert!(harness.query_by_label("Edit Feet and calves").is_none());
    harness.get_by_label("Edit Mine").scroll_to_me();
    harness.run();
    harness.get_by_label("Edit Mine").click();
    harness.run();
    let state = harness.state().state();
    assert_eq!(&state.screen, &Screen::Editor);
    assert_eq!(state.editor.draft().unwrap().name, "Mine");
    assert_eq!(
        state.editor.draft_path(),
        Some(routines.join("mine.ron").as_path())
    );
    assert!(!state.editor.has_unsaved_changes());
}
