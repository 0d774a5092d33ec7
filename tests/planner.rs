//! The body map as a person meets it: rate areas by mouse and by keyboard,
//! get a plan at once, change it, start it, save it and find it in My
//! routines; start from the last check-in; an injured area is left out.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

mod common;

use eframe::egui::{self, Key, Modifiers};
use egui_kittest::kittest::Queryable;
use rollcoach::model::body_map::Spot;
use rollcoach::model::{Area, Side};
use rollcoach::ui::{RollcoachApp, Screen};

type Harness = egui_kittest::Harness<'static, RollcoachApp>;

fn screen(h: &Harness) -> Screen {
    h.state().state().screen.clone()
}

fn press(h: &mut Harness, key: Key) {
    h.key_press(key);
    h.run();
}

/// A returning user's app, on the body map opened from the menu bar.
fn planner(dir: &std::path::Path) -> Harness {
    common::returning_user(dir, "check_in: true");
    let mut h = common::start(dir);
    h.get_by_label("What hurts?").click();
    h.run();
    assert_eq!(screen(&h), Screen::Planner);
    h
}

fn rows(h: &Harness) -> Vec<String> {
    let view = &h.state().state().planner;
    view.rows.iter().map(|r| r.step.exercise.clone()).collect()
}

const LEFT_CALF: Spot = Spot {
    area: Area::Calves,
    side: Some(Side::Left),
};

#[test]
fn two_sore_areas_by_mouse_and_keys_make_a_plan_that_can_be_changed_and_played() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = planner(dir.path());
    h.get_by_label("Your routine");
    // Nothing rated yet: the plan says what to do.
    h.get_by_label_contains("Nothing is rated sore yet");
    // The left calf by mouse, then a digit.
    h.get_by_label("Left calf: not rated").click();
    h.run();
    press(&mut h, Key::Num7);
    h.run();
    // The lower back's left side by mouse, its right the same.
    h.get_by_label("Left side of the lower back: not rated")
        .click();
    h.run();
    press(&mut h, Key::Num5);
    h.get_by_label("Same for the right side of the lower back")
        .click();
    h.run();
    h.run();
    let answers = h.state().state().planner.answers.clone();
    assert_eq!(answers.rating(LEFT_CALF), 7);
    assert_eq!(answers.sides_of(Area::LowerBack), (5, 5));
    // The plan, with its reasons, bottom-up.
    h.get_by_label_contains("Calves, ");
    h.get_by_label_contains("you rated the left 7 and not the right");
    let ids = rows(&h);
    let at = |id: &str| ids.iter().position(|i| i == id).unwrap();
    assert!(at("calves") < at("lower-back"), "{ids:?}");
    // Remove a light pass, add the quads.
    let first_light = ids
        .iter()
        .find(|i| *i != "calves" && *i != "lower-back")
        .cloned();
    if let Some(id) = first_light {
        let name = h.state().state().catalog.get(&id).unwrap().name.clone();
        h.get_by_label(&format!("Remove {name}")).click_accesskit();
        h.run();
        assert!(!rows(&h).contains(&id));
    }
    h.get_by_label("Add an exercise").click_accesskit();
    h.run();
    h.get_by_label("Quads").click_accesskit();
    h.run();
    let ids = rows(&h);
    assert!(ids.contains(&"quads".to_owned()), "{ids:?}");
    assert!(h.state().state().planner.changed_by_hand);
    h.get_by_label_contains("as you changed it");
    // Start it: the map's ratings are the check-in before.
    h.get_by_label("Start").click_accesskit();
    h.run();
    assert_eq!(screen(&h), Screen::Player);
    let recording = h.state().state().recording.clone().unwrap();
    assert!(recording.checked_in);
    assert!(
        recording
            .before
            .iter()
            .any(|r| r.area == Area::Calves && r.side == Some(Side::Left) && r.value == 7)
    );
    let played: Vec<String> = recording
        .routine
        .steps
        .iter()
        .map(|s| s.exercise.clone())
        .collect();
    assert_eq!(played, ids);
}

#[test]
fn a_plan_saved_from_the_keyboard_is_in_my_routines() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = planner(dir.path());
    // The selection starts on the left calf; up is the left hamstring.
    press(&mut h, Key::Num8);
    press(&mut h, Key::ArrowUp);
    press(&mut h, Key::Num4);
    press(&mut h, Key::Plus);
    h.run();
    let answers = h.state().state().planner.answers.clone();
    assert_eq!(answers.rating(LEFT_CALF), 8);
    let up = Spot {
        area: Area::Hamstrings,
        side: Some(Side::Left),
    };
    assert_eq!(answers.rating(up), 5);
    // A name of the person's own.
    let field = h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Routine name:");
    field.focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Routine name:")
        .type_text("Tuesday legs");
    h.run();
    press(&mut h, Key::Escape);
    h.get_by_label("Save to My routines").click_accesskit();
    h.run();
    h.get_by_label_contains("Saved as \"Tuesday legs\"");
    // Saving the same name again is refused, and says why.
    h.get_by_label("Save to My routines").click_accesskit();
    h.run();
    h.get_by_label_contains("already a routine called \"Tuesday legs\"");
    h.get_by_label("Open My routines").click_accesskit();
    h.run();
    assert_eq!(screen(&h), Screen::Editor);
    let mine = &h.state().state().editor.routines;
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].routine.name, "Tuesday legs");
    let text = std::fs::read_to_string(&mine[0].path).unwrap();
    assert!(text.contains("exercise: \"calves\""), "{text}");
}

#[test]
fn the_map_starts_from_the_last_check_in() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    common::write_session(dir.path(), "2026-11-30T08:00:00Z", 300, Some(6), Some(3));
    let mut h = common::start(dir.path());
    h.key_press_modifiers(Modifiers::COMMAND, Key::B);
    h.run();
    h.run();
    let answers = h.state().state().planner.answers.clone();
    // The check-in after the session is the latest.
    assert_eq!(answers.sides_of(Area::Calves), (3, 3));
    h.get_by_label_contains("Started from your last check-in");
    h.get_by_label_contains("you rated them 3");
    h.get_by_label("Clear all").click();
    h.run();
    assert!(h.state().state().planner.answers.ratings.is_empty());
}

#[test]
fn an_injured_area_is_left_out_and_the_safety_rules_are_one_click_away() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = planner(dir.path());
    press(&mut h, Key::Num6);
    press(&mut h, Key::I);
    h.run();
    assert!(
        h.state()
            .state()
            .planner
            .answers
            .injured
            .contains(&Area::Calves)
    );
    h.get_by_label("Left calf: injured, left out");
    h.get_by_label_contains("physiotherapist");
    assert!(rows(&h).is_empty());
    h.get_by_label("Who should not roll, and when to see a professional first")
        .click();
    h.run();
    assert_eq!(screen(&h), Screen::Safety { first_run: false });
    press(&mut h, Key::Escape);
    assert_eq!(screen(&h), Screen::Planner);
}
