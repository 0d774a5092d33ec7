//! Every key of the action registry, pressed where it is live, does what
//! the registry says: one check per action, each key of it pressed in turn.
//! A new action with a key fails here until it has its check.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

mod common;

use std::path::Path;
use std::time::Duration;

use eframe::egui::{self, KeyboardShortcut};
use egui_kittest::kittest::Queryable;
use rollcoach::model::TextSize;
use rollcoach::session::PhaseKind;
use rollcoach::ui::action::{Action, Place};
use rollcoach::ui::{ManualTime, RollcoachApp, Screen};

type Harness = egui_kittest::Harness<'static, RollcoachApp>;

fn press(harness: &mut Harness, shortcut: &KeyboardShortcut) {
    harness.key_press_modifiers(shortcut.modifiers, shortcut.logical_key);
    harness.run();
}

fn screen(harness: &Harness) -> Screen {
    harness.state().state().screen.clone()
}

fn phase(harness: &Harness) -> (usize, PhaseKind) {
    let app = harness.state();
    let state = app.state().session().unwrap().state(app.now());
    (state.phase_index, state.phase.kind)
}

/// The library of a returning user.
fn library(dir: &Path) -> Harness {
    common::returning_user(dir, "check_in: true");
    common::start(dir)
}

/// The second card of the library ("Shins"), opened with Enter.
fn second_card(dir: &Path) -> Harness {
    let mut harness = library(dir);
    for key in [egui::Key::ArrowRight, egui::Key::Enter] {
        harness.key_press(key);
        harness.run();
    }
    assert_eq!(screen(&harness), Screen::Card { id: "shins".into() });
    harness
}

/// "Feet and calves" playing, moved on by `by`.
fn playing(dir: &Path, by: Duration) -> (Harness, ManualTime) {
    common::returning_user(dir, "");
    let (mut harness, time) = common::start_playing(dir, "Feet and calves");
    time.advance(by);
    harness.run();
    (harness, time)
}

/// In the first hold of "Feet and calves" (15 s get-ready, 40 s rolling).
const IN_A_HOLD: Duration = Duration::from_millis(57_000);
/// In the first rolling.
const ROLLING: Duration = Duration::from_millis(20_000);

/// Opens the library card that the selection reaches after `keys`, with Enter.
fn card_after(dir: &Path, keys: &[egui::Key]) -> Screen {
    let mut harness = library(dir);
    for key in keys.iter().chain([&egui::Key::Enter]) {
        harness.key_press(*key);
        harness.run();
    }
    screen(&harness)
}

/// The body map, opened with Ctrl+B from the library.
fn planner(dir: &Path) -> Harness {
    let mut harness = library(dir);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::B);
    harness.run();
    harness.run();
    assert_eq!(screen(&harness), Screen::Planner);
    harness
}

/// The spot selected on the map, and the middle of its button on screen.
fn map_selection(h: &Harness) -> (rollcoach::model::body_map::Spot, egui::Pos2) {
    let view = &h.state().state().planner;
    let spot = view.selected();
    let name = rollcoach::ui::planner::spot_text(spot, &view.answers);
    (spot, h.get_by_label(&name).rect().center())
}

fn card(id: &str) -> Screen {
    Screen::Card { id: id.into() }
}

/// Presses `shortcut` of `action` in a place where it is live, and checks
/// its effect.
fn check(action: Action, shortcut: &KeyboardShortcut) {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    use Action::*;
    match action {
        ShowSafety => {
            let mut h = library(dir);
            press(&mut h, shortcut);
            assert_eq!(screen(&h), Screen::Safety { first_run: false });
        }
        TextLarger | TextSmaller => {
            let mut h = library(dir);
            press(&mut h, shortcut);
            let expected = if action == TextLarger {
                TextSize::ExtraLarge
            } else {
                TextSize::Normal
            };
            assert_eq!(h.state().state().settings.text_size, expected);
        }
        ShowShortcuts => {
            let mut h = library(dir);
            press(&mut h, shortcut);
            assert!(h.state().state().show_shortcuts);
            h.get_by_label("Open the selected card");
        }
        Quit => {
            let mut h = library(dir);
            // The request to close goes out in the frame that read the key.
            h.event(egui::Event::Key {
                key: shortcut.logical_key,
                physical_key: None,
                pressed: true,
                repeat: false,
                modifiers: shortcut.modifiers,
            });
            h.step();
            let commands = &h.output().viewport_output[&egui::ViewportId::ROOT].commands;
            assert!(
                commands.contains(&egui::ViewportCommand::Close),
                "{commands:?}"
            );
        }
        AcceptSafety => {
            let mut h = common::start(dir);
            assert_eq!(screen(&h), Screen::Safety { first_run: true });
            press(&mut h, shortcut);
            assert_eq!(screen(&h), Screen::Library);
            assert!(h.state().state().settings.safety_acknowledged);
        }
        BackToLibrary => {
            // From a card, and from the safety rules read again.
            let mut h = second_card(dir);
            press(&mut h, shortcut);
            assert_eq!(screen(&h), Screen::Library);
            h.key_press(egui::Key::F1);
            h.run();
            press(&mut h, shortcut);
            assert_eq!(screen(&h), Screen::Library);
        }
        SearchLibrary => {
            let mut h = library(dir);
            press(&mut h, shortcut);
            h.event(egui::Event::Text("calf".into()));
            h.run();
            assert_eq!(h.state().state().visible_exercise_ids(), ["calves"]);
        }
        SelectRight => assert_eq!(card_after(dir, &[shortcut.logical_key]), card("shins")),
        SelectLeft => {
            let keys = [
                egui::Key::ArrowRight,
                egui::Key::ArrowRight,
                shortcut.logical_key,
            ];
            assert_eq!(card_after(dir, &keys), card("shins"));
        }
        SelectDown | SelectUp | SelectLast | SelectFirst | OpenSelected => {
            let h = library(dir);
            let ids = h.state().state().visible_exercise_ids();
            let columns = h.state().state().library.columns();
            assert!(columns > 1, "the test window shows several columns");
            let (keys, id): (Vec<egui::Key>, &str) = match action {
                SelectDown => (vec![shortcut.logical_key], &ids[columns]),
                SelectUp => (vec![egui::Key::ArrowDown, shortcut.logical_key], &ids[0]),
                SelectLast => (vec![shortcut.logical_key], &ids[ids.len() - 1]),
                SelectFirst => (vec![egui::Key::End, shortcut.logical_key], &ids[0]),
                _ => (vec![], &ids[0]),
            };
            drop(h);
            let dir = tempfile::tempdir().unwrap();
            assert_eq!(card_after(dir.path(), &keys), card(id));
        }
        PreviousCard | NextCard => {
            let mut h = second_card(dir);
            press(&mut h, shortcut);
            let expected = if action == NextCard {
                "calves"
            } else {
                "sole-of-foot"
            };
            assert_eq!(screen(&h), card(expected));
        }
        StartExercise => {
            let mut h = second_card(dir);
            press(&mut h, shortcut);
            // The check-in first, then the exercise.
            assert_eq!(screen(&h), Screen::CheckIn);
            h.key_press(egui::Key::Enter);
            h.run();
            assert_eq!(screen(&h), Screen::Player);
            let session = h.state().state().session().unwrap();
            assert_eq!(session.name(), "Shins");
        }
        SaveRoutine => {
            let mut h = library(dir);
            h.get_by_label("Routines").click();
            h.run();
            h.get_by_label("Duplicate Feet and calves").click();
            h.run();
            assert!(h.state().state().editor.has_unsaved_changes());
            press(&mut h, shortcut);
            assert!(!h.state().state().editor.has_unsaved_changes());
            assert_eq!(h.state().state().editor.routines.len(), 1);
        }
        UndoDelete => {
            let mut h = library(dir);
            h.get_by_label("Routines").click();
            h.run();
            h.get_by_label("Duplicate Feet and calves").click();
            h.run();
            press(
                &mut h,
                &KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::S),
            );
            assert_eq!(h.state().state().editor.routines.len(), 1);
            h.get_by_label("Delete").click();
            h.run();
            h.get_by_label("Yes, delete it").click();
            h.run();
            assert!(h.state().state().editor.routines.is_empty());
            press(&mut h, shortcut);
            assert_eq!(h.state().state().editor.routines.len(), 1);
        }
        TogglePause => {
            let (mut h, _) = playing(dir, ROLLING);
            press(&mut h, shortcut);
            assert!(h.state().state().session().unwrap().is_paused());
        }
        Back | Skip => {
            let (mut h, _) = playing(dir, ROLLING);
            let position = |h: &Harness| {
                let app = h.state();
                app.state().session().unwrap().position(app.now())
            };
            let (before, at) = (phase(&h).0, position(&h));
            press(&mut h, shortcut);
            if action == Skip {
                assert_eq!(phase(&h).0, before + 1);
            } else {
                // Back to the start of the rolling, five seconds in.
                assert_eq!(position(&h), at - Duration::from_secs(5));
            }
        }
        ExtendHold => {
            let (mut h, _) = playing(dir, IN_A_HOLD);
            assert!(matches!(phase(&h).1, PhaseKind::Hold { .. }));
            let left = |h: &Harness| {
                let app = h.state();
                app.state()
                    .session()
                    .unwrap()
                    .state(app.now())
                    .left_in_phase
            };
            let before = left(&h);
            press(&mut h, shortcut);
            assert_eq!(left(&h), before + Duration::from_secs(10));
        }
        TooIntense => {
            let (mut h, _) = playing(dir, IN_A_HOLD);
            press(&mut h, shortcut);
            assert_eq!(phase(&h).1, PhaseKind::WorkAround);
        }
        ToggleMute => {
            let (mut h, _) = playing(dir, ROLLING);
            press(&mut h, shortcut);
            assert!(h.state().state().settings.muted);
            h.get_by_label("Unmute");
        }
        ToggleFollowAlong => {
            let (mut h, _) = playing(dir, ROLLING);
            press(&mut h, shortcut);
            assert!(h.state().state().follow_along());
        }
        AskStop => {
            let (mut h, _) = playing(dir, ROLLING);
            press(&mut h, shortcut);
            assert_eq!(h.state().state().place(), Place::StopQuestion);
            assert!(h.state().state().session().unwrap().is_paused());
        }
        ConfirmStop | CancelStop => {
            let (mut h, _) = playing(dir, ROLLING);
            h.key_press(egui::Key::Escape);
            h.run();
            press(&mut h, shortcut);
            if action == ConfirmStop {
                assert_eq!(screen(&h), Screen::Summary);
            } else {
                assert_eq!(h.state().state().place(), Place::Player);
                assert!(!h.state().state().session().unwrap().is_paused());
            }
        }
        FinishSummary => {
            let (mut h, _) = playing(dir, Duration::from_secs(600));
            assert_eq!(screen(&h), Screen::Summary);
            press(&mut h, shortcut);
            assert_eq!(screen(&h), Screen::Library);
        }
        ShowProgress => {
            let mut h = library(dir);
            press(&mut h, shortcut);
            assert_eq!(screen(&h), Screen::Progress);
            h.get_by_label("Your progress");
        }
        Rate(_) | RateUp | RateDown => {
            // The check-in before Shins rates the shins.
            let mut h = second_card(dir);
            h.key_press(egui::Key::S);
            h.run();
            assert_eq!(screen(&h), Screen::CheckIn);
            let rating = |h: &Harness| h.state().state().check_in.as_ref().unwrap().rows[0].both;
            match action {
                Rate(_) => {
                    press(&mut h, shortcut);
                    let digit = shortcut.logical_key.name().parse::<u8>().unwrap();
                    assert_eq!(rating(&h), digit);
                }
                RateUp => {
                    h.key_press(egui::Key::Num9);
                    h.run();
                    press(&mut h, shortcut);
                    assert_eq!(rating(&h), 10);
                    press(&mut h, shortcut);
                    assert_eq!(rating(&h), 10, "10 is the most");
                }
                _ => {
                    h.key_press(egui::Key::Num3);
                    h.run();
                    press(&mut h, shortcut);
                    assert_eq!(rating(&h), 2);
                }
            }
        }
        ContinueCheckIn | SkipCheckIn => {
            let mut h = second_card(dir);
            h.key_press(egui::Key::S);
            h.run();
            h.key_press(egui::Key::Num6);
            h.run();
            press(&mut h, shortcut);
            assert_eq!(screen(&h), Screen::Player);
            let recording = h.state().state().recording.clone().unwrap();
            let kept = if action == ContinueCheckIn { 1 } else { 0 };
            assert_eq!(recording.before.len(), kept);
        }
        UndoDeleteSession => {
            common::returning_user(dir, "");
            let path = common::write_session(dir, "2026-12-01T08:00:00Z", 300, Some(6), Some(3));
            let mut h = common::start(dir);
            h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::P);
            h.run();
            h.get_by_label_contains("Feet and calves").click_accesskit();
            h.run();
            h.get_by_label("Delete this session...").click_accesskit();
            h.run();
            h.get_by_label("Delete").click();
            h.run();
            assert!(!path.exists());
            press(&mut h, shortcut);
            assert!(path.exists());
            assert_eq!(
                h.state().state().history.as_ref().unwrap().sessions.len(),
                1
            );
        }
        ShowPlanner => {
            let mut h = library(dir);
            press(&mut h, shortcut);
            assert_eq!(screen(&h), Screen::Planner);
            h.get_by_label("What hurts today?");
        }
        MapLeft | MapRight | MapUp | MapDown => {
            let mut h = planner(dir);
            let (from, at) = map_selection(&h);
            press(&mut h, shortcut);
            h.run();
            let (to, now) = map_selection(&h);
            assert_ne!(from, to, "{action:?}");
            let moved = now - at;
            let (along, dir) = match action {
                MapLeft => (-moved.x, "left"),
                MapRight => (moved.x, "right"),
                MapUp => (-moved.y, "up"),
                _ => (moved.y, "down"),
            };
            assert!(along > 0.0, "{action:?}: {from:?} to {to:?} is not {dir}");
        }
        ClearRating | ToggleInjured => {
            let mut h = planner(dir);
            h.key_press(egui::Key::Num7);
            h.run();
            let spot = h.state().state().planner.selected();
            assert_eq!(h.state().state().planner.answers.rating(spot), 7);
            press(&mut h, shortcut);
            let answers = &h.state().state().planner.answers;
            if action == ClearRating {
                assert_eq!(answers.rating(spot), 0);
            } else {
                assert!(answers.injured.contains(&spot.area));
                press(&mut h, shortcut);
                assert!(h.state().state().planner.answers.injured.is_empty());
            }
        }
        StartPlan => {
            let mut h = planner(dir);
            h.key_press(egui::Key::Num7);
            h.run();
            h.run();
            press(&mut h, shortcut);
            assert_eq!(screen(&h), Screen::Player);
            let recording = h.state().state().recording.clone().unwrap();
            assert!(recording.checked_in && !recording.before.is_empty());
        }
        SavePlan => {
            let mut h = planner(dir);
            h.key_press(egui::Key::Num7);
            h.run();
            h.run();
            press(&mut h, shortcut);
            let saved = h.state().state().planner.saved.clone();
            assert!(saved.is_some_and(|s| s.contains("My routines")));
            let routines = &h.state().state().editor.routines;
            assert_eq!(routines.len(), 1);
            assert!(routines[0].routine.name.starts_with("Plan: calves"));
        }
        ShowLibrary | ShowRoutines | EditRoutines | ShowSettings | NewRoutine | ImportRoutine
        | ExportRoutine | SaveSettingsAgain | ExportHistory => {
            panic!("{action:?} has no key: give it a check when it gets one")
        }
    }
}

#[test]
fn every_key_does_what_the_registry_says() {
    let mut checked = 0;
    for action in Action::ALL {
        for shortcut in action.shortcuts() {
            check(action, shortcut);
            checked += 1;
        }
    }
    assert!(checked > 30, "{checked} keys checked");
}

#[test]
fn the_readme_lists_every_key_of_the_registry() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md is readable");
    let table = rollcoach::ui::action::markdown_table();
    assert!(
        readme.contains(&table),
        "README.md's keyboard table is out of date; it should read:\n\n{table}"
    );
}
