//! The pacing animation's frame rate as the app chooses it: smooth where a
//! graphics card draws the window, a few frames a second where the
//! processor does or "Reduce motion" is on.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

mod common;

use std::time::Duration;

use egui_kittest::Harness;
use rollcoach::session::PhaseKind;
use rollcoach::ui::{ManualTime, RollcoachApp};

type App = Harness<'static, RollcoachApp>;

const GRAPHICS_CARD: &str = "Mesa Intel(R) UHD Graphics 620 (KBL GT2)";
const SOFTWARE: &str = "llvmpipe (LLVM 15.0.6, 256 bits)";

/// Plays into the first rolling phase and says when the app next draws.
fn next_frame_while_rolling(h: &mut App, time: &ManualTime) -> Option<Duration> {
    let roll = {
        let app = h.state();
        let session = app.state().session().unwrap();
        let phases = session.timeline().phases();
        let roll = phases.iter().find(|p| p.kind == PhaseKind::Roll).unwrap();
        roll.start + Duration::from_secs(2) - session.position(app.now())
    };
    time.advance(roll);
    h.run();
    let app = h.state();
    let state = app.state();
    let frame = state.pacing.frame(state.settings.reduce_motion);
    assert_eq!(
        state.session().unwrap().state(app.now()).phase.kind,
        PhaseKind::Roll
    );
    state.player.as_ref().unwrap().next_change(app.now(), frame)
}

#[test]
fn a_graphics_card_draws_the_pacing_at_thirty_frames_a_second() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let (mut h, time) = common::start_drawn_by(dir.path(), "Feet and calves", GRAPHICS_CARD);
    assert_eq!(h.state().state().pacing.fps(false), 30);
    assert_eq!(
        next_frame_while_rolling(&mut h, &time),
        Some(Duration::from_secs(1) / 30)
    );
}

#[test]
fn a_software_renderer_draws_it_five_times_a_second() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let (mut h, time) = common::start_drawn_by(dir.path(), "Feet and calves", SOFTWARE);
    assert!(h.state().state().pacing.software);
    assert_eq!(
        next_frame_while_rolling(&mut h, &time),
        Some(Duration::from_millis(200))
    );
}

#[test]
fn reduce_motion_asks_for_the_low_rate_on_a_graphics_card_too() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "reduce_motion: true");
    let (mut h, time) = common::start_drawn_by(dir.path(), "Feet and calves", GRAPHICS_CARD);
    assert_eq!(
        next_frame_while_rolling(&mut h, &time),
        Some(Duration::from_millis(200))
    );
    assert!(
        rollcoach::ui::theme::motion_reduced(&h.ctx),
        "the figure stays still"
    );
}
