//! Playing a routine as a user would: start it, follow it, pause, skip, go
//! back, extend a hold, say it is too intense, stop, and reach the summary.
//! The clock is moved by hand, so nothing waits in real time.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

mod common;

use std::time::Duration;

use eframe::egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};
use rollcoach::session::PhaseKind;
use rollcoach::ui::Screen;

fn phase(harness: &egui_kittest::Harness<'_, rollcoach::ui::RollcoachApp>) -> PhaseKind {
    let app = harness.state();
    app.state().session().unwrap().state(app.now()).phase.kind
}

fn press(harness: &mut egui_kittest::Harness<'_, rollcoach::ui::RollcoachApp>, key: Key) {
    harness.key_press(key);
    harness.run();
}

#[test]
fn a_routine_starts_from_the_routines_screen() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let mut harness = common::start(dir.path());
    harness.get_by_label("Routines").click();
    harness.run();
    assert_eq!(&harness.state().state().screen, &Screen::Routines);
    for name in [
        "Full body, feet to shoulders",
        "Feet and calves",
        "After a run",
        "Desk worker",
    ] {
        harness.get_by_label(name);
    }
    harness.get_by_label("Start Feet and calves").click();
    harness.run();
    assert_eq!(&harness.state().state().screen, &Screen::Player);
    assert_eq!(phase(&harness), PhaseKind::GetReady);
    harness.get_by_label("Get ready");
    harness.get_by_label_contains("Get into position");
    harness.get_by_label("Sole of the foot");
    harness.get_by_label_contains("Up next: Calves");
    harness.get_by_label_contains("If the pain gets hard to bear");
}

#[test]
fn the_player_follows_the_clock_and_shows_each_phase() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let (mut harness, time) = common::start_playing(dir.path(), "Feet and calves");
    assert_eq!(phase(&harness), PhaseKind::GetReady);
    harness.get_by_label("0:15");

    time.advance(Duration::from_millis(15_500));
    harness.run();
    assert_eq!(phase(&harness), PhaseKind::Roll);
    harness.get_by_label("Roll slowly");
    harness.get_by_label("Sole of the foot, left side");
    harness.get_by_label("0:40");
    harness.get_by_label_contains("Exercise 1 of 2");

    time.advance(Duration::from_secs(40));
    harness.run();
    assert!(matches!(phase(&harness), PhaseKind::Hold { .. }));
    harness.get_by_label("Hold a tender spot");
    harness.get_by_label_contains("breathe in deeply");

    time.advance(Duration::from_secs(20));
    harness.run();
    assert_eq!(phase(&harness), PhaseKind::SwitchSide);
    harness.get_by_label("Switch sides");
    harness.get_by_label("Sole of the foot, right side");
}

#[test]
fn space_pauses_and_resumes_exactly() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let (mut harness, time) = common::start_playing(dir.path(), "Feet and calves");
    time.advance(Duration::from_secs(2));
    press(&mut harness, Key::Space);
    let session = harness.state().state().session().unwrap();
    assert!(session.is_paused());
    harness.get_by_label("Resume");
    // "Paused" takes the big time's place, with the time left beside it.
    harness.get_by_label("Paused");
    harness.get_by_label("0:13 left. Press Space to go on.");
    assert!(harness.query_by_label("0:13").is_none());
    time.advance(Duration::from_secs(60));
    harness.run();
    let app = harness.state();
    assert_eq!(
        app.state().session().unwrap().position(app.now()),
        Duration::from_secs(2)
    );
    press(&mut harness, Key::Space);
    time.advance(Duration::from_secs(1));
    harness.run();
    let app = harness.state();
    assert_eq!(
        app.state().session().unwrap().position(app.now()),
        Duration::from_secs(3)
    );
}

#[test]
fn arrows_skip_and_go_back() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let (mut harness, _time) = common::start_playing(dir.path(), "Feet and calves");
    press(&mut harness, Key::ArrowRight);
    assert_eq!(phase(&harness), PhaseKind::Roll);
    press(&mut harness, Key::ArrowRight);
    assert!(matches!(phase(&harness), PhaseKind::Hold { .. }));
    press(&mut harness, Key::ArrowLeft);
    assert_eq!(phase(&harness), PhaseKind::Roll);
    // The buttons do the same.
    harness.get_by_label("Skip").click();
    harness.run();
    assert!(matches!(phase(&harness), PhaseKind::Hold { .. }));
    harness.get_by_label("Back").click();
    harness.run();
    assert_eq!(phase(&harness), PhaseKind::Roll);
}

#[test]
fn plus_extends_a_hold_and_i_works_around_a_sore_spot() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let (mut harness, time) = common::start_playing(dir.path(), "Feet and calves");
    press(&mut harness, Key::ArrowRight);
    press(&mut harness, Key::ArrowRight);
    assert!(matches!(phase(&harness), PhaseKind::Hold { .. }));
    harness.get_by_label("0:20");
    harness.key_press_modifiers(Modifiers::SHIFT, Key::Plus);
    harness.run();
    harness.get_by_label("0:30");
    harness.get_by_label("+10 s").click();
    harness.run();
    harness.get_by_label("0:40");

    time.advance(Duration::from_secs(3));
    press(&mut harness, Key::I);
    assert_eq!(phase(&harness), PhaseKind::WorkAround);
    harness.get_by_label("Work around the spot");
    time.advance(Duration::from_secs(20));
    harness.run();
    assert!(matches!(phase(&harness), PhaseKind::Hold { .. }));
    harness.get_by_label_contains("Come back to the spot");
    // Back for what was left of the 40 s hold after 3 s, never more.
    harness.get_by_label("0:37");
}

#[test]
fn plus_at_the_longest_hold_says_so_for_a_few_seconds() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let (mut harness, time) = common::start_playing(dir.path(), "Feet and calves");
    press(&mut harness, Key::ArrowRight);
    press(&mut harness, Key::ArrowRight);
    for _ in 0..4 {
        press(&mut harness, Key::Equals);
    }
    harness.get_by_label("1:00");
    assert!(harness.query_by_label_contains("Longest hold").is_none());
    press(&mut harness, Key::Equals);
    harness.get_by_label("1:00");
    harness.get_by_label("Longest hold reached: one minute.");
    time.advance(Duration::from_secs(5));
    harness.run();
    assert!(harness.query_by_label_contains("Longest hold").is_none());
}

#[test]
fn escape_asks_before_stopping_and_the_summary_counts_nothing_for_a_get_ready() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let (mut harness, time) = common::start_playing(dir.path(), "Feet and calves");
    time.advance(Duration::from_secs(8));
    press(&mut harness, Key::Escape);
    assert!(
        harness
            .state()
            .state()
            .player
            .as_ref()
            .is_some_and(|p| p.confirming_stop)
    );
    harness.get_by_label("Stop the routine?");
    assert!(harness.state().state().session().unwrap().is_paused());
    // One truth about the keys: the question says them, the line behind
    // it only what is left.
    harness.get_by_label("Enter stops, Esc goes on.");
    harness.get_by_label("0:07 left");
    assert!(harness.query_by_label_contains("Space to go on").is_none());
    // Esc again: keep going, running as before.
    press(&mut harness, Key::Escape);
    assert!(
        !harness
            .state()
            .state()
            .player
            .as_ref()
            .is_some_and(|p| p.confirming_stop)
    );
    assert!(!harness.state().state().session().unwrap().is_paused());

    press(&mut harness, Key::Escape);
    harness.get_by_label("Stop the routine").click();
    harness.run();
    assert_eq!(&harness.state().state().screen, &Screen::Summary);
    let tally = &harness.state().state().summary.as_ref().unwrap().tally;
    assert!(tally.stopped);
    assert_eq!(tally.done_count(), 0, "stopped in the get-ready");
    harness.get_by_label("Stopped early");
    harness.get_by_label("0 of 2 exercises done");
    harness.get_by_label("Left for next time: Sole of the foot, Calves");
    assert!(harness.query_by_label_contains("Drink").is_none());
    press(&mut harness, Key::Enter);
    assert_eq!(&harness.state().state().screen, &Screen::Library);
}

#[test]
fn a_routine_runs_by_itself_to_the_end() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let (mut harness, time) = common::start_playing(dir.path(), "Feet and calves");
    let total = harness
        .state()
        .state()
        .session()
        .unwrap()
        .timeline()
        .total();
    // Step through it a few seconds at a time, as frames would.
    let mut elapsed = Duration::ZERO;
    while elapsed <= total {
        time.advance(Duration::from_secs(7));
        elapsed += Duration::from_secs(7);
        harness.run();
    }
    assert_eq!(&harness.state().state().screen, &Screen::Summary);
    let tally = &harness.state().state().summary.as_ref().unwrap().tally;
    assert!(!tally.stopped);
    assert_eq!(tally.done_count(), 2);
    // Both sides of each: 40 s of rolling and a 20 s hold for the sole,
    // 45 s and a 20 s hold for the calves. The get-ready, switches and
    // rest are left out.
    assert_eq!(tally.worked(), Duration::from_secs(2 * 60 + 2 * 65));
    harness.get_by_label("Well done!");
    harness.get_by_label("2 of 2 exercises done  ·  4 min 10 s rolling and holding");
    harness.get_by_label("Done: Sole of the foot, Calves");
    assert!(harness.query_by_label_contains("Skipped").is_none());
    harness.get_by_label("Drink a glass of water now.");
}

#[test]
fn skipping_everything_by_keyboard_counts_nothing_done() {
    let dir = tempfile::tempdir().unwrap();
    let window = common::Window::new(1100.0, 720.0, rollcoach::model::TextSize::Normal);
    let (mut harness, time) = common::start_in(
        dir.path(),
        window,
        eframe::egui::Theme::Light,
        Some("Feet and calves"),
    );
    // Right skips a phase; a little time passes between presses.
    let mut presses = 0;
    while harness.state().state().screen == Screen::Player {
        time.advance(Duration::from_millis(300));
        press(&mut harness, Key::ArrowRight);
        presses += 1;
        assert!(presses < 30, "the routine ends after a skip of each phase");
    }
    assert_eq!(&harness.state().state().screen, &Screen::Summary);
    let tally = &harness.state().state().summary.as_ref().unwrap().tally;
    assert_eq!(tally.done_count(), 0);
    assert!(!tally.stopped, "skipped to the end, not stopped");
    harness.get_by_label("Routine ended");
    harness.get_by_label_contains("0 of 2 exercises done");
    harness.get_by_label("Skipped: Sole of the foot, Calves");
    assert!(harness.query_by_label_contains("Well done").is_none());
    assert!(harness.query_by_label_contains("Done:").is_none());
    assert!(harness.query_by_label_contains("Drink").is_none());
    harness.get_by_label_contains("counts as done when more than half");
}

#[test]
fn f11_switches_the_follow_along_view() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let (mut harness, _time) = common::start_playing(dir.path(), "Feet and calves");
    press(&mut harness, Key::F11);
    assert!(harness.state().state().follow_along());
    assert!(
        harness.query_by_label("Library").is_none(),
        "only the essentials"
    );
    harness.get_by_label("Get ready: Sole of the foot");
    press(&mut harness, Key::F11);
    assert!(!harness.state().state().follow_along());
}

#[test]
fn a_card_starts_its_own_exercise() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let mut harness = common::start(dir.path());
    harness.get_by_label("Quads").click();
    harness.run();
    harness.get_by_label("Start this exercise").click();
    harness.run();
    assert_eq!(&harness.state().state().screen, &Screen::Player);
    let session = harness.state().state().session().unwrap();
    assert_eq!(session.name(), "Quads");
    assert_eq!(session.timeline().steps()[0].exercise_id, "quads");
}

#[test]
fn start_waits_for_the_safety_screen_on_a_first_run() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, _time) = common::start_playing(dir.path(), "After a run");
    assert_eq!(
        &harness.state().state().screen,
        &Screen::Safety { first_run: true }
    );
    assert!(harness.state().state().session().is_none());
    press(&mut harness, Key::Enter);
    assert_eq!(&harness.state().state().screen, &Screen::Player);
    assert_eq!(
        harness.state().state().session().unwrap().name(),
        "After a run"
    );
}

#[test]
fn the_menu_cannot_leave_a_running_routine() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let (mut harness, _time) = common::start_playing(dir.path(), "Desk worker");
    harness.get_by_label("Library").click();
    harness.run();
    assert_eq!(&harness.state().state().screen, &Screen::Player);
}

#[test]
fn a_rest_shows_the_next_exercise_to_get_into_position() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let (mut harness, _time) = common::start_playing(dir.path(), "Feet and calves");
    for _ in 0..6 {
        press(&mut harness, Key::ArrowRight);
    }
    assert_eq!(phase(&harness), PhaseKind::Rest);
    harness.get_by_label("Rest");
    harness.get_by_label("Up next: Calves");
    harness.get_by_label("Picture: Calves");
    harness.get_by_label_contains("Get into position: Sit on the floor");
}

#[test]
fn your_own_routine_files_show_up_and_start_and_broken_ones_are_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    common::write_routine(
        dir.path(),
        "mine.ron",
        "// by hand\n(name: \"My evening\", steps: [(exercise: \"glutes\", sides: LeftThenRight, roll_seconds: 30)])",
    );
    let broken = b"(name: \"Oops\", steps: [(exercise: \"calves\" roll_seconds: 30)])";
    let routines = common::write_routine(dir.path(), "oops.ron", broken);

    let mut harness = common::start(dir.path());
    harness.get_by_label_contains("Couldn't read the routine file");
    harness.get_by_label_contains("oops.ron: line 1, column");
    harness.get_by_label("Open its folder");
    harness.get_by_label("Routines").click();
    harness.run();
    harness.get_by_label("Your routines");
    harness.get_by_label("My evening");
    harness.get_by_label("Start My evening").click_accesskit();
    harness.run();
    assert_eq!(&harness.state().state().screen, &Screen::Player);
    assert_eq!(
        harness.state().state().session().unwrap().name(),
        "My evening"
    );
    drop(harness);
    assert_eq!(std::fs::read(routines.join("oops.ron")).unwrap(), broken);
}

#[test]
fn the_player_names_your_own_tool_when_you_lack_the_pictured_one() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "tools_owned: [LacrosseBall]");
    let (mut harness, _time) = common::start_playing(dir.path(), "Feet and calves");
    for _ in 0..7 {
        press(&mut harness, Key::ArrowRight);
    }
    assert_eq!(phase(&harness), PhaseKind::Roll);
    harness.get_by_label("Calves, left side");
    harness.get_by_label_contains("Use your lacrosse ball in place of a foam roller.");
}

/// The pictures and words of the player are drawn into textures once; the
/// frames of the pacing animation and of a hold only place them again.
#[test]
fn rolling_and_holding_draw_no_new_textures() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let (mut harness, time) = common::start_playing(dir.path(), "Feet and calves");
    // The textures in use, by id: a texture drawn again gets a new id.
    let textures = |harness: &egui_kittest::Harness<'_, rollcoach::ui::RollcoachApp>| {
        let mut ids: Vec<_> = harness
            .ctx
            .tex_manager()
            .read()
            .allocated()
            .map(|(id, _)| *id)
            .collect();
        ids.sort();
        ids
    };
    let count_over = |harness: &mut egui_kittest::Harness<'_, rollcoach::ui::RollcoachApp>,
                      frames: usize| {
        let mut counts = Vec::new();
        let mut positions = Vec::new();
        for _ in 0..frames {
            time.advance(Duration::from_millis(200));
            harness.run();
            counts.push(textures(harness));
            let app = harness.state();
            positions.push(
                app.state()
                    .session()
                    .unwrap()
                    .state(app.now())
                    .stroke_position,
            );
        }
        (counts, positions)
    };

    time.advance(Duration::from_millis(15_500));
    harness.run();
    assert_eq!(phase(&harness), PhaseKind::Roll);
    // Settle: the get-ready picture is let go a few seconds after it went.
    count_over(&mut harness, 20);
    let (counts, positions) = count_over(&mut harness, 50);
    assert!(
        counts.windows(2).all(|w| w[0] == w[1]),
        "textures while rolling: {counts:?}"
    );
    // The animation did move meanwhile.
    let first = positions[0].unwrap();
    assert!(positions.iter().any(|p| (p.unwrap() - first).abs() > 0.2));

    time.advance(Duration::from_secs(30));
    harness.run();
    assert!(matches!(phase(&harness), PhaseKind::Hold { .. }));
    count_over(&mut harness, 20);
    let (counts, _) = count_over(&mut harness, 20);
    assert!(
        counts.windows(2).all(|w| w[0] == w[1]),
        "textures while holding: {counts:?}"
    );
}

#[test]
fn enter_in_the_stop_question_presses_the_focused_answer_and_else_stops() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let (mut harness, time) = common::start_playing(dir.path(), "Feet and calves");
    time.advance(Duration::from_secs(8));
    let confirming = |h: &egui_kittest::Harness<'_, rollcoach::ui::RollcoachApp>| {
        h.state()
            .state()
            .player
            .as_ref()
            .is_some_and(|p| p.confirming_stop)
    };
    // Focus on a player button first, as after a click.
    harness.get_by_label("Skip").focus();
    harness.run();
    press(&mut harness, Key::Escape);
    assert!(confirming(&harness));
    // Tab to "Keep going": Enter keeps going.
    while !harness.get_by_label("Keep going").is_focused() {
        press(&mut harness, Key::Tab);
    }
    press(&mut harness, Key::Enter);
    assert!(!confirming(&harness));
    assert_eq!(&harness.state().state().screen, &Screen::Player);
    assert!(!harness.state().state().session().unwrap().is_paused());

    // Nothing focused in the question: Enter stops.
    press(&mut harness, Key::Escape);
    assert!(confirming(&harness));
    press(&mut harness, Key::Enter);
    assert_eq!(&harness.state().state().screen, &Screen::Summary);
}

#[test]
fn too_intense_while_rolling_eases_off_then_the_full_stroke_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let (mut harness, time) = common::start_playing(dir.path(), "Feet and calves");
    press(&mut harness, Key::ArrowRight);
    assert_eq!(phase(&harness), PhaseKind::Roll);
    // The warning says to press it, so it can be pressed while rolling.
    harness.get_by_label("Too intense").click();
    harness.run();
    harness.get_by_label("Ease the pressure");
    harness.get_by_label_contains("short, gentle strokes");
    time.advance(Duration::from_secs(16));
    harness.run();
    harness.get_by_label("Roll slowly");
}

#[test]
fn the_pacing_track_names_where_each_stroke_starts_and_turns() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let (mut harness, time) = common::start_playing(dir.path(), "Feet and calves");
    for _ in 0..7 {
        press(&mut harness, Key::ArrowRight);
    }
    assert_eq!(phase(&harness), PhaseKind::Roll);
    harness.get_by_label("Calves, left side");
    // The card says "from just above the ankle to just below the back of
    // the knee". The picture has the ankle on the right, so the track's
    // start end is on the right too, each end under its words.
    let at = |harness: &egui_kittest::Harness<'_, rollcoach::ui::RollcoachApp>, label| {
        let node = harness.get_by_label(label);
        node.accesskit_node().bounding_box().unwrap()
    };
    let (from, to) = (
        at(&harness, "Above the ankle"),
        at(&harness, "Below the knee"),
    );
    assert!(
        to.x1 < from.x0,
        "the start end is on the right, as in the picture"
    );
    let track = at(
        &harness,
        "Pacing track: from above the ankle to below the knee",
    );
    assert!(
        to.x0 - track.x0 < 1.0 && track.x1 - from.x1 < 1.0,
        "under its ends"
    );
    assert!(from.y0 >= track.y1, "under the track");
    let stroke = |harness: &egui_kittest::Harness<'_, rollcoach::ui::RollcoachApp>| {
        let app = harness.state();
        let state = app.state().session().unwrap().state(app.now());
        state.stroke_position.unwrap()
    };
    assert!(
        stroke(&harness) < 0.01,
        "each stroke starts at the start end"
    );
    time.advance(Duration::from_secs(2));
    harness.run();
    assert!(stroke(&harness) > 0.1, "and moves toward the other");
    // Only while rolling.
    press(&mut harness, Key::ArrowRight);
    assert!(harness.query_by_label("Above the ankle").is_none());
}
