//! Each screen drawn alone from its state: clicking its controls sends the
//! commands the app will apply, and nothing else happens behind its back.

use std::time::Duration;

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::action::Action;
use super::editor::Editor;
use super::player::Player;
use super::summary::Summary;
use super::{Command, Commands, card, menu, routines, safety, settings, summary};
use crate::catalog::Catalog;
use crate::model::{Settings, Units};
use crate::session::Session;
use crate::session::{Outcome, Side, SideTally, StepTally, Tally};
use crate::store::RoutineFile;

/// A screen's inputs and what it sent.
struct Screen<T> {
    catalog: Catalog,
    settings: Settings,
    own: T,
    commands: Commands,
}

fn screen<T>(own: T) -> Screen<T> {
    Screen {
        catalog: Catalog::builtin().unwrap(),
        settings: Settings::default(),
        own,
        commands: Vec::new(),
    }
}

type Draw<'a, T> = Box<dyn FnMut(&mut egui::Ui, &mut Screen<T>) + 'a>;

fn harness<'a, T: 'a>(draw: Draw<'a, T>, state: Screen<T>) -> Harness<'a, Screen<T>> {
    let mut h = Harness::builder()
        .with_size([1100.0, 720.0])
        .build_ui_state(draw, state);
    h.run();
    h
}

/// Clicks the control called `label` and returns what the screen sent.
fn click<T>(h: &mut Harness<'_, Screen<T>>, label: &str) -> Commands {
    h.get_by_label(label).click();
    h.run();
    std::mem::take(&mut h.state_mut().commands)
}

#[test]
fn a_card_sends_its_actions() {
    let draw: Draw<'_, ()> = Box::new(|ui, s| {
        let shins = s.catalog.get("shins").unwrap().clone();
        card::show(ui, &shins, &s.catalog, &s.settings, &mut s.commands);
    });
    let mut h = harness(draw, screen(()));
    for action in [
        Action::StartExercise,
        Action::NextCard,
        Action::PreviousCard,
        Action::BackToLibrary,
    ] {
        assert_eq!(click(&mut h, action.label()), [Command::Run(action)]);
    }
}

#[test]
fn the_player_buttons_send_their_actions_and_say_their_state() {
    let catalog = Catalog::builtin().unwrap();
    let routine = catalog.routine("Feet and calves").unwrap().clone();
    let mut session = Session::new(&routine, &catalog, &Settings::default()).unwrap();
    session.start(Duration::ZERO);
    let draw: Draw<'_, Player> = Box::new(|ui, s| {
        let now = Duration::from_secs(20);
        s.own
            .show(ui, now, &s.catalog, &s.settings, &mut s.commands);
    });
    let mut h = harness(draw, screen(Player::new(session)));
    for action in [
        Action::TogglePause,
        Action::Skip,
        Action::Back,
        Action::ToggleMute,
        Action::ToggleFollowAlong,
        Action::AskStop,
    ] {
        assert_eq!(click(&mut h, action.label()), [Command::Run(action)]);
    }
    // While rolling, nothing to extend: the button is there but does nothing.
    assert!(click(&mut h, Action::ExtendHold.label()).is_empty());
    h.state_mut().settings.muted = true;
    h.run();
    h.get_by_label("Unmute");
    h.get_by_label_contains("stop (Esc)");
}

#[test]
fn the_stop_question_sends_stop_or_go_on() {
    let catalog = Catalog::builtin().unwrap();
    let routine = catalog.routine("Feet and calves").unwrap().clone();
    let session = Session::new(&routine, &catalog, &Settings::default()).unwrap();
    let mut player = Player::new(session);
    player.confirming_stop = true;
    let draw: Draw<'_, Player> = Box::new(|ui, s| {
        s.own
            .show(ui, Duration::ZERO, &s.catalog, &s.settings, &mut s.commands);
    });
    let mut h = harness(draw, screen(player));
    h.get_by_label("Enter stops, Esc goes on.");
    for action in [Action::ConfirmStop, Action::CancelStop] {
        assert_eq!(click(&mut h, action.label()), [Command::Run(action)]);
    }
}

#[test]
fn the_menu_bar_sends_screens_once_the_rules_are_accepted_and_not_while_playing() {
    let draw: Draw<'_, bool> = Box::new(|ui, s| {
        menu::bar(ui, &s.settings, s.own, &mut s.commands);
    });
    let mut h = harness(draw, screen(false));
    // Not before the safety rules are accepted once.
    assert!(click(&mut h, Action::ShowSettings.label()).is_empty());
    h.state_mut().settings.safety_acknowledged = true;
    h.run();
    for action in [
        Action::ShowLibrary,
        Action::ShowRoutines,
        Action::EditRoutines,
        Action::ShowSettings,
    ] {
        assert_eq!(click(&mut h, action.label()), [Command::Run(action)]);
    }
    h.state_mut().own = true;
    h.run();
    assert!(click(&mut h, Action::ShowSettings.label()).is_empty());
}

#[test]
fn the_safety_screen_accepts_once_then_leads_back() {
    let draw: Draw<'_, bool> = Box::new(|ui, s| safety::show(ui, s.own, &mut s.commands));
    let mut h = harness(draw, screen(true));
    let sent = click(&mut h, Action::AcceptSafety.label());
    assert_eq!(sent, [Command::Run(Action::AcceptSafety)]);
    h.state_mut().own = false;
    h.run();
    let sent = click(&mut h, Action::BackToLibrary.label());
    assert_eq!(sent, [Command::Run(Action::AcceptSafety)]);
}

#[test]
fn the_summary_leads_back_to_the_library() {
    let side = |side, secs| SideTally {
        side,
        planned: Duration::from_secs(100),
        covered: Duration::from_secs(secs),
        worked: Duration::from_secs(secs),
        holds: 0,
        extensions: 0,
        too_intense: 0,
    };
    let step = |name: &str, outcome, sides| StepTally {
        name: name.into(),
        exercise_id: String::new(),
        sides,
        outcome,
    };
    let done = Summary {
        changes: Vec::new(),
        streak: None,
        routine: "After a run".into(),
        tally: Tally {
            steps: vec![
                step("Calves", Outcome::Done, vec![side(None, 100)]),
                step(
                    "Quads",
                    Outcome::Skipped,
                    vec![side(Some(Side::Left), 100), side(Some(Side::Right), 0)],
                ),
                step("Glutes", Outcome::Skipped, vec![side(None, 10)]),
                step("Lats", Outcome::NotReached, vec![side(None, 0)]),
            ],
            stopped: false,
        },
    };
    let draw: Draw<'_, Summary> = Box::new(|ui, s| summary::show(ui, &s.own, &mut s.commands));
    let mut h = harness(draw, screen(done));
    h.get_by_label("Good work!");
    h.get_by_label("1 of 4 exercises done  ·  3 min 30 s rolling and holding");
    h.get_by_label("Done: Calves");
    h.get_by_label("Skipped: Quads (right side), Glutes");
    h.get_by_label("Left for next time: Lats");
    h.get_by_label(summary::WATER);
    let sent = click(&mut h, Action::FinishSummary.label());
    assert_eq!(sent, [Command::Run(Action::FinishSummary)]);
}

#[test]
fn the_routines_screen_starts_and_duplicates() {
    let draw: Draw<'_, Vec<RoutineFile>> = Box::new(|ui, s| {
        routines::show(
            ui,
            &s.catalog,
            &s.own,
            None,
            &s.settings,
            false,
            &mut s.commands,
        );
    });
    let mut h = harness(draw, screen(Vec::new()));
    let feet = h
        .state()
        .catalog
        .routine("Feet and calves")
        .unwrap()
        .clone();
    let sent = click(&mut h, "Start Feet and calves");
    assert_eq!(sent, [Command::StartRoutine(feet.clone())]);
    let sent = click(&mut h, "Duplicate Feet and calves");
    assert_eq!(sent, [Command::DuplicateRoutine(feet)]);
}

#[test]
fn the_settings_screen_sends_the_changed_settings() {
    let draw: Draw<'_, ()> = Box::new(|ui, s| {
        let machine = settings::Machine {
            no_sound: false,
            voice: &crate::voice::VoiceStatus::Starting,
        };
        settings::show(ui, &s.settings, None, machine, &mut s.commands)
    });
    let mut h = harness(draw, screen(()));
    let sent = click(&mut h, "Inches");
    let expected = Settings {
        units: Units::Inches,
        ..Settings::default()
    };
    assert_eq!(sent, [Command::SetSettings(Box::new(expected))]);
}

#[test]
fn the_editor_asks_before_it_deletes_and_saves_by_command() {
    let catalog = Catalog::builtin().unwrap();
    let file = RoutineFile {
        path: "mine/desk.ron".into(),
        routine: catalog.routine("Desk worker").unwrap().clone(),
    };
    let draw: Draw<'_, Editor> = Box::new(|ui, s| {
        s.own.show(ui, &s.catalog, &s.settings, &mut s.commands);
    });
    let mut h = harness(draw, screen(Editor::new(vec![file.clone()])));
    assert!(click(&mut h, "Desk worker").is_empty());
    assert!(click(&mut h, "Delete").is_empty(), "it asks first");
    let sent = click(&mut h, "Yes, delete it");
    assert_eq!(sent, [Command::DeleteRoutine(file.path.clone())]);
    // A change makes Save possible; saving is the app's to do.
    assert!(click(&mut h, "Remove (exercise 1)").is_empty());
    assert!(h.state().own.has_unsaved_changes());
    let sent = click(&mut h, Action::SaveRoutine.label());
    assert_eq!(sent, [Command::Run(Action::SaveRoutine)]);
}
