//! The spoken coach as a person hears it: each prompt of the plan said as
//! the routine reaches it, and the person's own commands answered, through
//! a voice that records what it is asked to say. The clock is moved by
//! hand, so nothing waits in real time.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

mod common;

use std::time::Duration;

use eframe::egui::{Key, Modifiers};
use egui_kittest::Harness;
use rollcoach::session::{PhaseKind, Prompt};
use rollcoach::ui::{ManualTime, RollcoachApp};
use rollcoach::voice::{Recording, Said};

type App = Harness<'static, RollcoachApp>;

fn position(h: &App) -> Duration {
    let app = h.state();
    app.state().session().unwrap().position(app.now())
}

fn prompts(h: &App) -> Vec<Prompt> {
    h.state()
        .state()
        .session()
        .unwrap()
        .timeline()
        .prompts()
        .to_vec()
}

fn phase(h: &App) -> PhaseKind {
    let app = h.state();
    app.state().session().unwrap().state(app.now()).phase.kind
}

/// Moves the clock to just after the timeline position `at`.
fn go_to(h: &mut App, time: &ManualTime, at: Duration) {
    let now = position(h);
    time.advance(at.saturating_sub(now) + Duration::from_millis(20));
    h.run();
}

fn last_said(recording: &Recording) -> String {
    recording.said().last().cloned().unwrap_or_default()
}

fn press(h: &mut App, key: Key) {
    h.key_press(key);
    h.run();
}

#[test]
fn every_prompt_of_the_first_minutes_is_said_when_its_moment_comes() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let (mut h, time, recording) = common::start_voiced(dir.path(), "Feet and calves");
    let plan = prompts(&h);
    let first = &plan[0];
    assert!(
        first.text.starts_with("Sole of the foot, left side. "),
        "{}",
        first.text
    );
    h.run();
    assert_eq!(
        last_said(&recording),
        first.text,
        "said as the get-ready starts"
    );
    let before_two_minutes: Vec<&Prompt> = plan
        .iter()
        .filter(|p| p.at < Duration::from_secs(120))
        .collect();
    assert!(before_two_minutes.len() >= 5);
    for prompt in &before_two_minutes[1..] {
        go_to(&mut h, &time, prompt.at);
        assert_eq!(last_said(&recording), prompt.text, "at {:?}", prompt.at);
    }
    let said = recording.said();
    assert_eq!(said.len(), before_two_minutes.len(), "each once: {said:#?}");
}

#[test]
fn skip_back_pause_extend_and_too_intense_cut_in_and_say_what_now() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let (mut h, time, recording) = common::start_voiced(dir.path(), "Feet and calves");
    h.run();

    // Skip to rolling: what was being said is cut, the roll's line follows.
    press(&mut h, Key::ArrowRight);
    assert_eq!(phase(&h), PhaseKind::Roll);
    assert_eq!(recording.events().last(), Some(&Said::Stopped));
    let roll_line = prompts(&h)
        .into_iter()
        .find(|p| p.at >= position(&h))
        .unwrap();
    go_to(&mut h, &time, roll_line.at);
    assert_eq!(last_said(&recording), roll_line.text);
    assert!(
        roll_line.text.to_lowercase().contains("roll"),
        "{}",
        roll_line.text
    );

    // Pause and go on. A routine holds the voice open, except paused
    // (which may last for minutes).
    assert_eq!(recording.held(), Some(true));
    press(&mut h, Key::Space);
    assert_eq!(last_said(&recording), "Paused.");
    assert_eq!(recording.held(), Some(false));
    press(&mut h, Key::Space);
    assert_eq!(last_said(&recording), "Go on.");
    assert_eq!(recording.held(), Some(true));

    // Back to the get-ready: its words again.
    time.advance(Duration::from_secs(1));
    press(&mut h, Key::ArrowLeft);
    press(&mut h, Key::ArrowLeft);
    assert_eq!(phase(&h), PhaseKind::GetReady);
    h.run();
    assert!(last_said(&recording).starts_with("Sole of the foot, left side."));

    // On to the hold: its breathing, then ten more seconds.
    press(&mut h, Key::ArrowRight);
    press(&mut h, Key::ArrowRight);
    assert!(matches!(phase(&h), PhaseKind::Hold { .. }));
    let hold_line = prompts(&h)
        .into_iter()
        .find(|p| p.at >= position(&h))
        .unwrap();
    go_to(&mut h, &time, hold_line.at);
    assert!(
        last_said(&recording).contains("breathe"),
        "{}",
        last_said(&recording)
    );
    h.key_press_modifiers(Modifiers::SHIFT, Key::Plus);
    h.run();
    assert_eq!(last_said(&recording), "Ten more seconds.");

    // Too intense: ease off around the spot, then back to it.
    press(&mut h, Key::I);
    assert_eq!(phase(&h), PhaseKind::WorkAround);
    let around = prompts(&h)
        .into_iter()
        .find(|p| p.at >= position(&h))
        .unwrap();
    go_to(&mut h, &time, around.at);
    assert_eq!(
        last_said(&recording),
        "Ease off. Roll gently around the spot."
    );
    let back = prompts(&h)
        .into_iter()
        .find(|p| p.at > position(&h))
        .unwrap();
    go_to(&mut h, &time, back.at);
    assert_eq!(last_said(&recording), "Back to the spot, gently.");

    // Stop: a short goodbye, and nothing after it.
    press(&mut h, Key::Escape);
    press(&mut h, Key::Enter);
    assert!(
        last_said(&recording).starts_with("Stopped."),
        "{}",
        last_said(&recording)
    );
    assert_eq!(recording.held(), Some(false), "let go once stopped");
    let count = recording.events().len();
    time.advance(Duration::from_secs(120));
    h.run();
    assert_eq!(
        recording.events().len(),
        count,
        "nothing is said after stop"
    );
}

#[test]
fn the_end_says_well_done_and_the_water_after_the_chime() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let (mut h, time, recording) = common::start_voiced(dir.path(), "Feet and calves");
    h.run();
    let total = h.state().state().session().unwrap().timeline().total();
    go_to(&mut h, &time, total);
    assert!(h.state().state().session().is_none(), "on the summary");
    assert!(!last_said(&recording).starts_with("Well done"));
    time.advance(Duration::from_secs(2));
    h.run();
    let words = last_said(&recording);
    assert!(words.starts_with("Well done: "), "{words}");
    assert!(words.ends_with("Drink a glass of water."), "{words}");
}

#[test]
fn mute_and_tones_only_silence_the_voice() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let (mut h, time, recording) = common::start_voiced(dir.path(), "Feet and calves");
    h.run();
    press(&mut h, Key::M);
    assert_eq!(
        recording.events().last(),
        Some(&Said::Stopped),
        "mute cuts the voice"
    );
    let count = recording.said().len();
    time.advance(Duration::from_secs(60));
    h.run();
    assert_eq!(recording.said().len(), count, "nothing said while muted");
}
