//! The pace, hold and rest of Settings reach every routine that leaves
//! them to the defaults: the built-in ones and the user's own steps set to
//! "default"; a step's own number stays its own.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

mod common;

use std::time::Duration;

use egui_kittest::kittest::Queryable;
use rollcoach::session::{Phase, PhaseKind, Session};
use rollcoach::ui::Screen;

type Harness = egui_kittest::Harness<'static, rollcoach::ui::RollcoachApp>;

/// The phases of the routine playing.
fn phases(harness: &Harness) -> Vec<Phase> {
    let state = harness.state().state();
    let session = state.session().expect("a routine is playing");
    session.timeline().phases().to_vec()
}

fn lengths(phases: &[Phase], step: usize, kind: fn(&PhaseKind) -> bool) -> Vec<u64> {
    phases
        .iter()
        .filter(|p| p.step == step && kind(&p.kind))
        .map(|p| p.length.as_secs())
        .collect()
}

fn is_hold(kind: &PhaseKind) -> bool {
    matches!(kind, PhaseKind::Hold { .. })
}

fn is_rest(kind: &PhaseKind) -> bool {
    matches!(kind, PhaseKind::Rest)
}

fn start_from_routines(harness: &mut Harness, name: &str) {
    harness.get_by_label("Routines").click();
    harness.run();
    harness
        .get_by_label(&format!("Start {name}"))
        .click_accesskit();
    harness.run();
    assert_eq!(&harness.state().state().screen, &Screen::Player);
}

#[test]
fn a_built_in_routine_follows_the_changed_defaults() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let mut harness = common::start(dir.path());
    harness.get_by_label("Settings").click();
    harness.run();
    harness
        .get_by_label("Hold a tender spot for (seconds)")
        .set_value_accesskit(30.0);
    harness.run();
    harness
        .get_by_label("Rest between exercises (seconds)")
        .set_value_accesskit(25.0);
    harness.run();
    harness
        .get_by_label("Rolling pace (per second)")
        .set_value_accesskit(2.0);
    harness.run();

    start_from_routines(&mut harness, "Feet and calves");
    let phases = phases(&harness);
    // Sole of the foot, one hold a side; then calves, one hold a side.
    assert_eq!(lengths(&phases, 0, is_hold), [30, 30]);
    assert_eq!(lengths(&phases, 1, is_hold), [30, 30]);
    assert_eq!(lengths(&phases, 0, is_rest), [25]);
    // The calves' 25 cm stroke at 2 cm a second.
    let roll = phases
        .iter()
        .find(|p| p.step == 1 && p.kind == PhaseKind::Roll)
        .unwrap();
    assert_eq!(roll.stroke, Duration::from_secs_f64(12.5));
}

#[test]
fn a_saved_routine_s_default_steps_follow_the_settings_and_own_numbers_stay() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "hold_seconds: 40, rest_seconds: 5");
    // Written by an older Rollcoach: every number was the step's own, and
    // stays so.
    common::write_routine(
        dir.path(),
        "old.ron",
        "(version: 1, name: \"Old\", steps: [
            (exercise: \"calves\", sides: Together, roll_seconds: 30, holds: 1, hold_seconds: 20, rest_seconds: 10),
            (exercise: \"quads\", roll_seconds: 30, holds: 1),
        ])",
    );
    common::write_routine(
        dir.path(),
        "mine.ron",
        "(version: 2, name: \"Mine\", steps: [
            (exercise: \"calves\", sides: Together, roll_seconds: 30, holds: 2),
            (exercise: \"quads\", roll_seconds: 30, holds: 1, hold_seconds: Some(15), rest_seconds: Some(12)),
            (exercise: \"glutes\", roll_seconds: 30, holds: 1, hold_seconds: None),
        ])",
    );
    let mut harness = common::start(dir.path());
    start_from_routines(&mut harness, "Mine");
    let phases = phases(&harness);
    assert_eq!(lengths(&phases, 0, is_hold), [40, 40], "the default hold");
    assert_eq!(lengths(&phases, 0, is_rest), [5], "the default rest");
    assert_eq!(lengths(&phases, 1, is_hold), [15], "its own hold");
    assert_eq!(lengths(&phases, 1, is_rest), [12], "its own rest");
    assert_eq!(lengths(&phases, 2, is_hold), [40]);

    let state = harness.state().state();
    let old = state
        .editor
        .routines
        .iter()
        .find(|f| f.routine.name == "Old");
    // As played with no speech engine: no room is made for spoken lines.
    let mut settings = state.settings.clone();
    settings.voice.on = false;
    let old = Session::new(&old.unwrap().routine, &state.catalog, &settings).unwrap();
    let phases = old.timeline().phases();
    assert_eq!(lengths(phases, 0, is_hold), [20]);
    assert_eq!(lengths(phases, 0, is_rest), [10]);
    assert_eq!(lengths(phases, 1, is_hold), [20]);
}
