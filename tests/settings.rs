//! The settings screen: changes apply at once, are saved, and survive a
//! restart; numbers stay in range, even from a hand-edited file.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

mod common;

use egui_kittest::kittest::Queryable;
use rollcoach::model::{FirstSide, Units};
use rollcoach::ui::Screen;

#[test]
fn changes_apply_are_saved_and_come_back() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let mut harness = common::start(dir.path());
    harness.get_by_label("Settings").click();
    harness.run();
    assert_eq!(&harness.state().state().screen, &Screen::Settings);
    harness.get_by_label("Inches").click();
    harness.run();
    harness.get_by_label("Right side").click();
    harness.run();
    harness
        .get_by_label("Hold a tender spot for (seconds)")
        .set_value_accesskit(30.0);
    harness.run();
    harness.get_by_label("Mute").click();
    harness.run();
    let s = &harness.state().state().settings.clone();
    assert_eq!(s.units, Units::Inches);
    assert_eq!(s.first_side, FirstSide::Right);
    assert_eq!(s.hold_seconds, 30);
    assert!(s.muted);

    // The card speaks inches and the setting's hold.
    harness.get_by_label("Library").click();
    harness.run();
    harness.get_by_label("Calves").click();
    harness.run();
    harness.get_by_label_contains("1.0 in/s");
    harness.get_by_label_contains("for 30 seconds each");
    // Started on its own, it begins on the right and holds 30 s.
    harness.get_by_label("Start this exercise").click();
    harness.run();
    let session = harness.state().state().session().unwrap();
    let hold = session
        .timeline()
        .phases()
        .iter()
        .find(|p| matches!(p.kind, rollcoach::session::PhaseKind::Hold { .. }))
        .unwrap();
    assert_eq!(hold.length.as_secs(), 30);
    assert_eq!(hold.side, Some(rollcoach::session::Side::Right));
    drop(harness);

    let harness = common::start(dir.path());
    assert_eq!(&harness.state().state().settings, s);
}

#[test]
fn out_of_range_numbers_in_a_hand_edited_file_are_brought_into_range() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(
        dir.path(),
        "hold_seconds: 999, pace_cm_per_s: -3.0, volume: 7.0, first_get_ready_seconds: 1000",
    );
    let harness = common::start(dir.path());
    let s = &harness.state().state().settings;
    assert_eq!(s.hold_seconds, 120);
    assert_eq!(s.pace_cm_per_s, 1.0);
    assert_eq!(s.volume, 1.0);
    assert_eq!(s.first_get_ready_seconds, 60);
}

#[test]
fn dragging_the_volume_writes_the_file_once_when_the_drag_ends() {
    use eframe::egui::{Event, Modifiers, PointerButton, pos2};
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "volume: 0.8");
    let file = dir.path().join("settings.ron");
    let before = std::fs::read_to_string(&file).unwrap();
    let mut harness = common::start(dir.path());
    harness.get_by_label("Settings").click();
    harness.run();
    let rail = harness.get_by_label("Volume").rect();
    let at = |i: usize| pos2(rail.left() + 4.0 + i as f32 * 2.0, rail.center().y);
    let button = |pressed| Event::PointerButton {
        pos: at(0),
        button: PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    };
    harness.event(Event::PointerMoved(at(0)));
    harness.event(button(true));
    harness.step();
    for i in 1..=60 {
        harness.event(Event::PointerMoved(at(i)));
        harness.step();
        // The change shows at once, but nothing is written mid-drag.
        assert_eq!(std::fs::read_to_string(&file).unwrap(), before, "frame {i}");
    }
    let dragged = harness.state().state().settings.volume;
    assert_ne!(dragged, 0.8, "the drag moved the volume");
    harness.event(button(false));
    harness.run();
    let after = std::fs::read_to_string(&file).unwrap();
    assert_ne!(after, before, "written when the drag ended");
    harness.run();
    assert_eq!(std::fs::read_to_string(&file).unwrap(), after);
    drop(harness);
    let harness = common::start(dir.path());
    assert_eq!(harness.state().state().settings.volume, dragged);
}

/// Asks the window to close, as its close button does; returns what the
/// app answered the window.
fn request_close(
    harness: &mut egui_kittest::Harness<'_, rollcoach::ui::RollcoachApp>,
) -> Vec<eframe::egui::ViewportCommand> {
    use eframe::egui::{ViewportEvent, ViewportId};
    harness
        .input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .events
        .push(ViewportEvent::Close);
    harness.step();
    let commands = harness.output().viewport_output[&ViewportId::ROOT]
        .commands
        .clone();
    harness.run();
    commands
}

#[test]
fn a_change_that_could_not_be_saved_stays_marked_and_quitting_asks() {
    use eframe::egui::ViewportCommand;
    let dir = tempfile::tempdir().unwrap();
    // A settings file Rollcoach can't read is kept as it is: no write goes
    // through, as on a full or read-only disk.
    let file = dir.path().join("settings.ron");
    let kept = "(safety_acknowledged: true, volume: loud)";
    std::fs::write(&file, kept).unwrap();
    let mut harness = common::start(dir.path());
    harness.get_by_label("I understand, let's roll").click();
    harness.run();
    harness.get_by_label("Settings").click();
    harness.run();
    harness.get_by_label("Inches").click();
    harness.run();
    // In use at once, marked as not saved, with a way to try again.
    assert_eq!(harness.state().state().settings.units, Units::Inches);
    harness.get_by_label_contains("Not saved:");
    let notices = harness.state().state().notices.list().to_vec();
    assert!(
        notices.iter().any(|n| n
            .text
            .starts_with("Your settings change is in use but not saved")),
        "{notices:?}"
    );
    harness.get_by_label("Try saving again").click();
    harness.run();
    harness.get_by_label_contains("Not saved:");
    // Quitting asks first; keeping it open keeps everything.
    let answered = request_close(&mut harness);
    assert!(
        answered.contains(&ViewportCommand::CancelClose),
        "{answered:?}"
    );
    harness.get_by_label("Quit without saving your settings?");
    harness.get_by_label("Keep Rollcoach open").click();
    harness.run();
    assert!(
        harness
            .query_by_label("Quit without saving your settings?")
            .is_none()
    );
    assert_eq!(harness.state().state().settings.units, Units::Inches);
    // Asked again, quitting goes through.
    request_close(&mut harness);
    harness.get_by_label("Quit without saving").click();
    harness.step();
    let commands = &harness.output().viewport_output[&eframe::egui::ViewportId::ROOT].commands;
    assert!(commands.contains(&ViewportCommand::Close), "{commands:?}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), kept);
}
