//! The cue track renders a whole routine offline, and every cue's sound
//! starts within 1 ms of the session's schedule (measured from the samples
//! themselves, as a microphone would).

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

use std::time::Duration;

use rollcoach::audio::{CueTrack, plan_for};
use rollcoach::catalog::Catalog;
use rollcoach::model::{Routine, Settings, Step, StepSides};
use rollcoach::session::Session;

const RATE: u32 = 16_000;

/// Onsets (in samples) of the sounds in `samples`: the first sample over the
/// threshold after at least 20 ms of quiet.
fn onsets(samples: &[f32]) -> Vec<usize> {
    let threshold = 0.01;
    let quiet_gap = (RATE / 50) as usize;
    let mut out = Vec::new();
    let mut last_loud: Option<usize> = None;
    for (i, s) in samples.iter().enumerate() {
        if s.abs() > threshold {
            if last_loud.is_none_or(|l| i - l > quiet_gap) {
                out.push(i);
            }
            last_loud = Some(i);
        }
    }
    out
}

fn long_routine(catalog: &Catalog) -> Routine {
    // The full-body routine and a few more steps: over 20 minutes.
    let mut routine = catalog
        .routine("Full body, feet to shoulders")
        .unwrap()
        .clone();
    for exercise in ["forearms", "chest"] {
        routine.steps.push(Step {
            exercise: exercise.into(),
            sides: StepSides::RightThenLeft,
            roll_seconds: 37,
            holds: 2,
            hold_seconds: Some(15),
            rest_seconds: Some(8),
            pace_cm_per_s: Some(2.0),
            stroke_cm: None,
            more_on: None,
        });
    }
    routine
}

#[test]
fn every_cue_of_a_twenty_minute_routine_sounds_within_a_millisecond() {
    let catalog = Catalog::builtin().unwrap();
    let routine = long_routine(&catalog);
    let mut session = Session::new(&routine, &catalog, &Settings::default()).unwrap();
    let total = session.timeline().total();
    assert!(total >= Duration::from_secs(20 * 60), "{total:?}");

    let start = Duration::from_secs(3);
    session.start(start);
    let (mut track, control) = CueTrack::new(RATE, 1.0);
    control.play(plan_for(&session, start));
    let length = ((total + Duration::from_secs(2)).as_secs_f64() * f64::from(RATE)) as usize;
    let samples: Vec<f32> = (0..length).map(|_| track.next_sample()).collect();

    let heard = onsets(&samples);
    let scheduled = session.timeline().cues();
    assert_eq!(heard.len(), scheduled.len(), "one sound per cue");
    let mut worst = 0.0f64;
    for (onset, cue) in heard.iter().zip(scheduled) {
        let heard_at = *onset as f64 / f64::from(RATE);
        let error_ms = (heard_at - cue.at.as_secs_f64()).abs() * 1000.0;
        worst = worst.max(error_ms);
        assert!(
            error_ms <= 1.0,
            "{cue:?} heard at {heard_at:.4} s: {error_ms:.3} ms off"
        );
    }
    println!("{} cues, worst onset error {worst:.3} ms", heard.len());
}

#[test]
fn a_new_plan_replaces_the_old_one_and_silence_stops_everything() {
    let catalog = Catalog::builtin().unwrap();
    let routine = catalog.routine("Feet and calves").unwrap();
    // A 5 s get-ready: pips at 2, 3 and 4 s, rolling from 5 s (tones
    // only: the voice would make room for its words).
    let mut settings = Settings {
        first_get_ready_seconds: 5,
        ..Settings::default()
    };
    settings.voice.on = false;
    let mut session = Session::new(routine, &catalog, &settings).unwrap();
    let now = Duration::ZERO;
    session.start(now);
    let (mut track, control) = CueTrack::new(RATE, 1.0);
    control.play(plan_for(&session, now));
    let mut samples: Vec<f32> = (0..RATE * 3).map(|_| track.next_sample()).collect();
    assert_eq!(onsets(&samples).len(), 1, "the first countdown pip at 2 s");

    // Pausing (an empty plan) keeps it quiet through what would have been cues.
    session.pause(Duration::from_secs(3));
    control.play(plan_for(&session, Duration::from_secs(3)));
    samples = (0..RATE * 10).map(|_| track.next_sample()).collect();
    assert!(onsets(&samples).is_empty());

    // Resuming picks up the countdown where it was.
    session.resume(Duration::from_secs(13));
    control.play(plan_for(&session, Duration::from_secs(13)));
    samples = (0..RATE * 3).map(|_| track.next_sample()).collect();
    let heard: Vec<f64> = onsets(&samples)
        .iter()
        .map(|o| *o as f64 / f64::from(RATE))
        .collect();
    assert_eq!(heard.len(), 3, "pip, pip, start: {heard:?}");
    assert!((heard[0] - 0.0).abs() < 0.002 && (heard[1] - 1.0).abs() < 0.002);

    control.silence();
    samples = (0..RATE * 20).map(|_| track.next_sample()).collect();
    assert!(
        onsets(&samples).len() <= 1,
        "at most the sound already ringing"
    );
}
