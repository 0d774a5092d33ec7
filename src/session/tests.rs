//! Unit and property tests of the session: phases, commands, cues, time.

use std::time::Duration;

use proptest::prelude::*;

use super::*;
use crate::model::{Step, StepSides};

fn s(secs: u64) -> Duration {
    Duration::from_secs(secs)
}

fn ms(millis: u64) -> Duration {
    Duration::from_millis(millis)
}

pub(super) fn catalog() -> Catalog {
    Catalog::builtin().unwrap()
}

pub(super) fn step(
    exercise: &str,
    sides: StepSides,
    roll: u32,
    holds: u32,
    hold: u32,
    rest: u32,
) -> Step {
    Step {
        exercise: exercise.into(),
        sides,
        roll_seconds: roll,
        holds,
        hold_seconds: Some(hold),
        rest_seconds: Some(rest),
        pace_cm_per_s: None,
        stroke_cm: None,
        more_on: None,
    }
}

pub(super) fn routine(steps: Vec<Step>) -> Routine {
    Routine {
        version: 1,
        name: "Test".into(),
        description: String::new(),
        steps,
    }
}

/// The default settings with a 5 s first get-ready and tones only, which
/// the timings of these tests are worked out with (the voice's own tests
/// are in `voice_tests`).
fn settings() -> Settings {
    let mut settings = Settings {
        first_get_ready_seconds: 5,
        ..Settings::default()
    };
    settings.voice.on = false;
    settings
}

fn sample_routine() -> Routine {
    routine(vec![
        step("calves", StepSides::LeftThenRight, 30, 1, 20, 10),
        step("quads", StepSides::Together, 20, 0, 20, 10),
    ])
}

/// Calves both sides (30 s roll, one 20 s hold), then quads (20 s roll, no hold).
fn sample() -> Session {
    Session::new(&sample_routine(), &catalog(), &settings()).unwrap()
}

fn kinds(session: &Session) -> Vec<(PhaseKind, Option<Side>, u64)> {
    session
        .timeline()
        .phases()
        .iter()
        .map(|p| (p.kind, p.side, p.length.as_secs()))
        .collect()
}

#[test]
fn a_routine_becomes_phases_in_order() {
    let hold = PhaseKind::Hold { number: 1, of: 1 };
    assert_eq!(
        kinds(&sample()),
        vec![
            (PhaseKind::GetReady, None, 5),
            (PhaseKind::Roll, Some(Side::Left), 30),
            (hold, Some(Side::Left), 20),
            (PhaseKind::SwitchSide, Some(Side::Right), 5),
            (PhaseKind::Roll, Some(Side::Right), 30),
            (hold, Some(Side::Right), 20),
            (PhaseKind::Rest, None, 10),
            (PhaseKind::Roll, None, 20),
            (PhaseKind::Done, None, 0),
        ]
    );
    assert_eq!(
        sample().timeline().total(),
        s(5 + 30 + 20 + 5 + 30 + 20 + 10 + 20)
    );
}

#[test]
fn the_first_get_ready_has_its_own_length() {
    let settings = Settings {
        first_get_ready_seconds: 25,
        ..settings()
    };
    let session = Session::new(&sample_routine(), &catalog(), &settings).unwrap();
    let phases = session.timeline().phases();
    assert_eq!(phases[0].kind, PhaseKind::GetReady);
    assert_eq!(phases[0].length, s(25));
    assert_eq!(phases[1].start, s(25), "rolling starts after it");
    // Later exercises start from the rest before them, with no other
    // get-ready.
    assert_eq!(
        phases
            .iter()
            .filter(|p| p.kind == PhaseKind::GetReady)
            .count(),
        1
    );
    assert_eq!(
        session.timeline().total(),
        s(25 + 30 + 20 + 5 + 30 + 20 + 10 + 20)
    );
    // A new install gives 15 s to get down onto the roller.
    let default = Session::new(&sample_routine(), &catalog(), &Settings::default()).unwrap();
    assert_eq!(default.timeline().phases()[0].length, s(15));
    // Its countdown pips are the last three seconds of the 25.
    let pips: Vec<Duration> = session
        .cues_between(s(0), s(25))
        .iter()
        .filter(|c| c.cue == Cue::Pip)
        .map(|c| c.at)
        .collect();
    assert_eq!(pips, [s(22), s(23), s(24)]);
}

#[test]
fn unknown_exercises_and_empty_routines_are_refused() {
    let r = routine(vec![step(
        "elbow-grinder",
        StepSides::Together,
        30,
        1,
        20,
        10,
    )]);
    assert_eq!(
        Session::new(&r, &catalog(), &Settings::default()).unwrap_err(),
        SessionError::UnknownExercise("elbow-grinder".into())
    );
    let r = routine(vec![]);
    assert_eq!(
        Session::new(&r, &catalog(), &Settings::default()).unwrap_err(),
        SessionError::Empty
    );
}

#[test]
fn get_ready_counts_down_then_rolling_starts() {
    let mut session = sample();
    session.start(s(100));
    let state = session.state(s(101));
    assert_eq!(state.phase.kind, PhaseKind::GetReady);
    assert_eq!(state.left_in_phase, s(4));
    let cues: Vec<_> = session.cues_between(s(0), s(6)).to_vec();
    assert_eq!(
        cues,
        vec![
            TimedCue {
                at: s(2),
                cue: Cue::Pip
            },
            TimedCue {
                at: s(3),
                cue: Cue::Pip
            },
            TimedCue {
                at: s(4),
                cue: Cue::Pip
            },
            TimedCue {
                at: s(5),
                cue: Cue::Start
            },
        ]
    );
    let state = session.state(s(106));
    assert_eq!(state.phase.kind, PhaseKind::Roll);
    assert_eq!(state.phase.side, Some(Side::Left));
    assert_eq!(state.step_number, 1);
    assert_eq!(state.next_step, Some(1));
}

#[test]
fn rolling_beats_each_second_and_turns_at_each_stroke_end() {
    // Calves: a 25 cm stroke at 2.5 cm/s is 10 s one way.
    let session = sample();
    let roll = session.timeline().phases()[1];
    assert_eq!(roll.stroke, s(10));
    let cues = session.cues_between(roll.start, roll.end());
    let turns: Vec<_> = cues
        .iter()
        .filter(|c| c.cue == Cue::Turnaround)
        .map(|c| c.at - roll.start)
        .collect();
    assert_eq!(turns, vec![s(10), s(20)]);
    let ticks: Vec<_> = cues
        .iter()
        .filter(|c| c.cue == Cue::Tick)
        .map(|c| (c.at - roll.start).as_secs())
        .collect();
    let expected: Vec<u64> = (1..30).filter(|t| t % 10 != 0).collect();
    assert_eq!(ticks, expected);
}

#[test]
fn stroke_position_glides_back_and_forth() {
    let mut session = sample();
    session.start(Duration::ZERO);
    let roll_start = s(5);
    let at = |t: Duration| session.state(roll_start + t).stroke_position.unwrap();
    assert!((at(s(0)) - 0.0).abs() < 1e-6);
    assert!((at(s(5)) - 0.5).abs() < 1e-6);
    assert!((at(ms(9_900)) - 0.99).abs() < 1e-4);
    assert!((at(s(15)) - 0.5).abs() < 1e-6);
    assert!((at(ms(19_000)) - 0.1).abs() < 1e-4);
    assert_eq!(
        session.state(s(1)).stroke_position,
        None,
        "not while getting ready"
    );
}

#[test]
fn a_hold_breathes_in_counts_down_and_chimes() {
    let session = sample();
    let hold = session.timeline().phases()[2];
    let cues: Vec<_> = session
        .cues_between(hold.start, hold.end() + ms(1))
        .to_vec();
    let rel: Vec<_> = cues.iter().map(|c| (c.at - hold.start, c.cue)).collect();
    assert_eq!(
        rel,
        vec![
            (s(0), Cue::BreatheIn),
            (s(17), Cue::Pip),
            (s(18), Cue::Pip),
            (s(19), Cue::Pip),
            (s(20), Cue::HoldEnd),
        ]
    );
    // The switch-side cue waits for the chime to ring.
    let switch = session.timeline().phases()[3];
    assert_eq!(
        session.cues_between(switch.start, switch.end())[1..]
            .first()
            .copied(),
        Some(TimedCue {
            at: switch.start + AFTER_CHIME,
            cue: Cue::SwitchSide
        })
    );
}

#[test]
fn rest_shows_up_next_and_the_end_says_done() {
    let session = sample();
    let rest = session.timeline().phases()[6];
    assert_eq!(rest.kind, PhaseKind::Rest);
    let cues = session.cues_between(rest.start, rest.end());
    assert_eq!(
        cues[0],
        TimedCue {
            at: rest.start,
            cue: Cue::HoldEnd
        }
    );
    assert_eq!(
        cues[1],
        TimedCue {
            at: rest.start + AFTER_CHIME,
            cue: Cue::NextExercise
        }
    );
    assert_eq!(cues.iter().filter(|c| c.cue == Cue::Pip).count(), 3);
    let last = *session.timeline().cues().last().unwrap();
    assert_eq!(
        last,
        TimedCue {
            at: session.timeline().total(),
            cue: Cue::Done
        }
    );
}

#[test]
fn pause_stops_the_clock_exactly() {
    let mut session = sample();
    session.start(s(10));
    session.pause(ms(17_250));
    assert!(session.state(s(500)).paused);
    assert_eq!(session.position(s(500)), ms(7_250));
    assert!(
        session.upcoming_cues(s(500)).is_empty(),
        "no sound while paused"
    );
    session.resume(s(600));
    assert_eq!(session.position(ms(600_750)), s(8));
    session.toggle_pause(s(601));
    session.toggle_pause(s(700));
    assert_eq!(session.position(s(700)), ms(8_250));
}

#[test]
fn skip_and_back_move_between_phases() {
    let mut session = sample();
    session.start(Duration::ZERO);
    session.skip(s(1));
    assert_eq!(session.state(s(1)).phase.kind, PhaseKind::Roll);
    assert_eq!(session.position(s(1)), s(5));
    session.skip(s(2));
    assert!(matches!(
        session.state(s(2)).phase.kind,
        PhaseKind::Hold { .. }
    ));
    // Just begun: back goes to the phase before.
    session.back(s(3));
    assert_eq!(session.state(s(3)).phase.kind, PhaseKind::Roll);
    assert_eq!(session.position(s(3)), s(5));
    // Well into it: back restarts it.
    session.back(s(13));
    assert_eq!(session.position(s(13)), s(5));
    // Skipping past the end finishes.
    for i in 0..20 {
        session.skip(s(20 + i));
    }
    assert!(session.state(s(40)).finished);
    assert!(session.is_over(s(40)));
    session.back(s(41));
    assert_eq!(
        session.state(s(41)).phase.kind,
        PhaseKind::Roll,
        "back from the end"
    );
}

#[test]
fn extend_adds_ten_seconds_up_to_a_minute() {
    let mut session = sample();
    session.start(Duration::ZERO);
    assert!(!session.extend_hold(s(6)), "not while rolling");
    let hold_start = session.timeline().phases()[2].start;
    let total = session.timeline().total();
    let now = hold_start + s(5);
    assert!(session.extend_hold(now));
    assert_eq!(session.state(now).left_in_phase, s(25));
    assert_eq!(session.timeline().total(), total + s(10));
    assert!(session.extend_hold(now));
    assert!(session.extend_hold(now));
    assert!(session.extend_hold(now));
    assert!(!session.extend_hold(now), "60 s at most");
    assert_eq!(session.timeline().phases()[2].length, s(60));
    // The chime moved with the end of the hold.
    let chime = session
        .timeline()
        .cues()
        .iter()
        .find(|c| c.cue == Cue::HoldEnd)
        .unwrap();
    assert_eq!(chime.at, hold_start + s(60));
}

#[test]
fn too_intense_works_around_the_spot_then_comes_back_for_what_was_left() {
    let mut session = sample();
    session.start(Duration::ZERO);
    let hold_start = session.timeline().phases()[2].start;
    let now = hold_start + s(4);
    assert!(session.too_intense(now));
    let state = session.state(now);
    assert_eq!(state.phase.kind, PhaseKind::WorkAround);
    assert_eq!(state.left_in_phase, WORK_AROUND);
    let phases = session.timeline().phases();
    assert!(phases[2].cut);
    assert_eq!(phases[2].length, s(4));
    assert!(phases[4].returning);
    assert_eq!(phases[4].length, s(16), "the 20 s hold had 16 s left");
    let upcoming = session.upcoming_cues(now);
    assert_eq!(
        upcoming[0],
        TimedCue {
            at: now,
            cue: Cue::EaseOff
        }
    );
    assert!(
        !session
            .timeline()
            .cues()
            .iter()
            .any(|c| c.cue == Cue::HoldEnd && c.at == now),
        "no chime for the cut hold"
    );
    assert!(!session.too_intense(now + s(1)), "only during a hold");
}

#[test]
fn stop_ends_the_routine() {
    let mut session = sample();
    session.start(Duration::ZERO);
    session.stop(s(12));
    let state = session.state(s(100));
    assert!(state.stopped);
    assert!(!state.paused);
    assert_eq!(state.position, s(12));
    assert!(session.upcoming_cues(s(100)).is_empty());
}

#[test]
fn built_in_routines_have_their_promised_lengths() {
    let catalog = catalog();
    let minutes = |name: &str| {
        let r = catalog.routine(name).unwrap();
        let session = Session::new(r, &catalog, &Settings::default()).unwrap();
        session.timeline().total().as_secs_f64() / 60.0
    };
    assert!((15.0..=20.0).contains(&minutes("Full body, feet to shoulders")));
    assert!((4.0..=6.0).contains(&minutes("Feet and calves")));
    assert!((8.0..=14.0).contains(&minutes("After a run")));
    assert!((8.0..=14.0).contains(&minutes("Desk worker")));
    assert_eq!(catalog.routines().len(), 4);
}

#[test]
fn nothing_drifts_over_two_hours() {
    let steps = (0..40)
        .map(|_| step("calves", StepSides::LeftThenRight, 73, 2, 17, 7))
        .collect();
    let r = routine(steps);
    let mut session = Session::new(&r, &catalog(), &Settings::default()).unwrap();
    let total = session.timeline().total();
    assert!(total > s(2 * 3600));
    let epoch = s(12_345);
    session.start(epoch);
    assert_eq!(session.position(epoch + s(7000)), s(7000));
    // Every turnaround is an exact multiple of the stroke time after its roll's start.
    for phase in session
        .timeline()
        .phases()
        .iter()
        .filter(|p| p.kind == PhaseKind::Roll)
    {
        for c in session.cues_between(phase.start, phase.end()) {
            if c.cue == Cue::Turnaround {
                let k = (c.at - phase.start).as_nanos() / phase.stroke.as_nanos();
                assert_eq!(c.at, phase.start + phase.stroke * k as u32);
            }
            if c.cue == Cue::Tick {
                assert_eq!((c.at - phase.start).subsec_nanos(), 0);
            }
        }
    }
    let done = session.timeline().cues().last().unwrap();
    assert_eq!(done.at, total);
}

#[derive(Debug, Clone)]
pub(super) enum Command {
    Wait(u64),
    TogglePause,
    Skip,
    Back,
    Extend,
    TooIntense,
}

pub(super) fn command() -> impl Strategy<Value = Command> {
    prop_oneof![
        6 => (1u64..40_000).prop_map(Command::Wait),
        1 => Just(Command::TogglePause),
        1 => Just(Command::Skip),
        1 => Just(Command::Back),
        1 => Just(Command::Extend),
        1 => Just(Command::TooIntense),
    ]
}

pub(super) fn any_step() -> impl Strategy<Value = Step> {
    let ids = prop::sample::select(vec![
        "sole-of-foot",
        "calves",
        "quads",
        "upper-back",
        "chest",
    ]);
    let sides = prop::sample::select(vec![
        StepSides::Together,
        StepSides::LeftThenRight,
        StepSides::RightThenLeft,
    ]);
    (ids, sides, 15u32..90, 0u32..3, 10u32..40, 0u32..15)
        .prop_map(|(id, sides, roll, holds, hold, rest)| step(id, sides, roll, holds, hold, rest))
}

pub(super) fn apply(session: &mut Session, now: &mut Duration, c: &Command) {
    match c {
        Command::Wait(millis) => *now += ms(*millis),
        Command::TogglePause => session.toggle_pause(*now),
        Command::Skip => session.skip(*now),
        Command::Back => session.back(*now),
        Command::Extend => {
            session.extend_hold(*now);
        }
        Command::TooIntense => {
            session.too_intense(*now);
        }
    }
}

fn check_timeline(session: &Session) {
    let phases = session.timeline().phases();
    let mut start = Duration::ZERO;
    for p in phases {
        assert_eq!(p.start, start, "phases are back to back");
        start += p.length;
        if let PhaseKind::Hold { .. } = p.kind {
            assert!(p.length <= LONGEST_HOLD);
        }
    }
    assert_eq!(
        session.timeline().total(),
        start,
        "total is the sum of the phases"
    );
    assert_eq!(phases.first().unwrap().kind, PhaseKind::GetReady);
    assert_eq!(phases.last().unwrap().kind, PhaseKind::Done);
    let steps: Vec<usize> = phases.iter().map(|p| p.step).collect();
    assert!(steps.windows(2).all(|w| w[0] <= w[1]), "steps in order");
    let cues = session.timeline().cues();
    assert!(cues.windows(2).all(|w| w[0] <= w[1]), "cues in time order");
    assert!(
        cues.iter()
            .all(|c| c.at <= session.timeline().total() + AFTER_CHIME)
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_commands_keep_the_session_sound(
        steps in prop::collection::vec(any_step(), 1..5),
        commands in prop::collection::vec(command(), 0..60),
    ) {
        let mut session = Session::new(&routine(steps), &catalog(), &Settings::default()).unwrap();
        let mut now = s(1000);
        session.start(now);
        check_timeline(&session);
        // Time the timeline really ran, and whether it ever went back.
        let mut ran = Duration::ZERO;
        let mut went_back = false;
        for c in &commands {
            let before = session.position(now);
            let was_paused = session.is_paused();
            apply(&mut session, &mut now, c);
            if matches!(c, Command::Wait(_)) {
                ran += session.position(now) - before;
            }
            went_back |= matches!(c, Command::Back);
            let tally = session.tally(now);
            prop_assert!(tally.worked() <= ran, "no more worked than ran");
            for side in tally.steps.iter().flat_map(|s| &s.sides) {
                prop_assert!(side.covered <= side.planned);
                prop_assert!(side.covered <= side.worked);
                if !went_back {
                    prop_assert_eq!(side.covered, side.worked, "nothing ran twice");
                }
            }
            let state = session.state(now);
            check_timeline(&session);
            prop_assert!(state.position <= state.total);
            prop_assert_eq!(state.left_in_routine, state.total - state.position);
            prop_assert!(state.left_in_phase <= state.phase.length);
            prop_assert!(state.phase.start <= state.position);
            if let Some(p) = state.stroke_position {
                prop_assert!((0.0..=1.0).contains(&p));
            }
            if was_paused && matches!(c, Command::Wait(_)) {
                prop_assert_eq!(session.position(now), before, "paused time is excluded");
            }
        }
    }

    #[test]
    fn each_cue_is_heard_exactly_once(
        steps in prop::collection::vec(any_step(), 1..4),
        polls in prop::collection::vec(1u64..3_000, 1..400),
        pauses in prop::collection::vec(any::<bool>(), 1..400),
    ) {
        // A player polling at uneven intervals, pausing now and then, hears
        // every cue up to where it got, once, in order.
        let mut session = Session::new(&routine(steps), &catalog(), &Settings::default()).unwrap();
        let mut now = s(50);
        session.start(now);
        let mut heard = Vec::new();
        let mut last = Duration::ZERO;
        for (i, poll) in polls.iter().enumerate() {
            now += ms(*poll);
            if pauses[i % pauses.len()] && i % 7 == 0 {
                session.toggle_pause(now);
            }
            let position = session.position(now);
            heard.extend_from_slice(session.cues_between(last, position));
            last = position;
        }
        let expected: Vec<TimedCue> = session
            .timeline()
            .cues()
            .iter()
            .copied()
            .filter(|c| c.at < last)
            .collect();
        prop_assert_eq!(heard, expected);
    }
}

#[test]
fn too_intense_while_rolling_eases_the_strokes_then_the_full_stroke_comes_back() {
    let mut session = sample();
    session.start(Duration::ZERO);
    let roll = session
        .timeline()
        .phases()
        .iter()
        .find(|p| p.kind == PhaseKind::Roll)
        .copied()
        .unwrap();
    let now = roll.start + s(4);
    assert!(session.too_intense(now));
    let eased = session.state(now);
    assert_eq!(eased.phase.kind, PhaseKind::Roll);
    assert!(eased.phase.eased);
    assert_eq!(eased.phase.stroke, roll.stroke / 2);
    assert_eq!(eased.left_in_phase, EASE_FOR);
    // Short strokes over the middle of the path, at the same pace.
    for ms in (0..8000).step_by(100) {
        let p = session
            .state(now + Duration::from_millis(ms))
            .stroke_position
            .unwrap();
        assert!((0.25..=0.75).contains(&p), "{p}");
    }
    assert_eq!(
        session.upcoming_cues(now)[0],
        TimedCue {
            at: now,
            cue: Cue::EaseOff
        }
    );
    assert!(!session.too_intense(now + s(1)), "already eased");
    // Then the full stroke, for the rest of the roll: the routine is no
    // longer or shorter than before.
    let after = session.state(now + EASE_FOR);
    assert_eq!(after.phase.kind, PhaseKind::Roll);
    assert!(!after.phase.eased);
    assert_eq!(after.phase.stroke, roll.stroke);
    assert_eq!(after.phase.end(), roll.end());
}

/// Skips until the routine is over; returns the time then.
fn skip_to_the_end(session: &mut Session, mut now: Duration) -> Duration {
    while !session.is_over(now) {
        now += ms(100);
        session.skip(now);
    }
    now
}

#[test]
fn a_full_run_counts_every_exercise_and_its_rolling_and_holding() {
    let mut session = sample();
    session.start(Duration::ZERO);
    let total = session.timeline().total();
    let tally = session.tally(total + s(5));
    assert_eq!((tally.done_count(), tally.step_count()), (2, 2));
    assert!(tally.steps.iter().all(|s| s.outcome == Outcome::Done));
    assert!(!tally.stopped);
    // Calves: 30 s roll and a 20 s hold on each side; quads: a 20 s roll.
    // The get-ready, the switch and the rest are left out.
    assert_eq!(tally.worked(), s(50 + 50 + 20));
    let calves = &tally.steps[0];
    assert_eq!(calves.name, "Calves");
    assert_eq!(
        calves.sides.iter().map(|s| s.side).collect::<Vec<_>>(),
        [Some(Side::Left), Some(Side::Right)]
    );
    assert!(calves.sides.iter().all(|side| side.planned == s(50)));
    assert_eq!(calves.only_side_done(), None);
}

#[test]
fn skipping_everything_counts_nothing_done() {
    let mut session = sample();
    session.start(Duration::ZERO);
    let now = skip_to_the_end(&mut session, s(1));
    let tally = session.tally(now);
    assert_eq!(tally.done_count(), 0);
    assert!(tally.steps.iter().all(|s| s.outcome == Outcome::Skipped));
    // A tenth of a second ran of each phase before it was skipped.
    assert!(tally.worked() < s(1), "{:?}", tally.worked());
}

#[test]
fn stopping_during_the_get_ready_counts_nothing_done() {
    let mut session = sample();
    session.start(Duration::ZERO);
    session.stop(s(3));
    let tally = session.tally(s(60));
    assert!(tally.stopped);
    assert_eq!(tally.done_count(), 0);
    assert_eq!(tally.worked(), Duration::ZERO);
    assert!(tally.steps.iter().all(|s| s.outcome == Outcome::NotReached));
}

#[test]
fn an_exercise_is_done_when_more_than_half_of_it_ran() {
    // Quads alone: a 20 s roll after the 5 s get-ready.
    let quads = routine(vec![step("quads", StepSides::Together, 20, 0, 20, 0)]);
    let run_for = |rolled: Duration| {
        let mut session = Session::new(&quads, &catalog(), &settings()).unwrap();
        session.start(Duration::ZERO);
        let now = skip_to_the_end(&mut session, s(5) + rolled - ms(100));
        session.tally(now).steps[0].clone()
    };
    let half = run_for(s(10));
    assert_eq!(half.outcome, Outcome::Skipped, "half is not more than half");
    assert_eq!(half.worked(), s(10));
    assert_eq!(run_for(s(10) + ms(100)).outcome, Outcome::Done);

    // Both sides of the calves: the whole left side, none of the right, is
    // half of the exercise: not done, and the right side is named.
    let mut session = sample();
    session.start(Duration::ZERO);
    // At 59 s, in the switch: skip it, the right roll and its hold.
    for _ in 0..3 {
        session.skip(s(59));
    }
    assert_eq!(session.state(s(59)).phase.kind, PhaseKind::Rest);
    let calves = session.tally(s(59)).steps[0].clone();
    assert_eq!(calves.outcome, Outcome::Skipped);
    assert_eq!(calves.only_side_done(), Some(Side::Left));
    assert_eq!(calves.only_side_missed(), Some(Side::Right));
}

#[test]
fn pauses_are_left_out_of_the_time_rolled() {
    let mut session = sample();
    session.start(Duration::ZERO);
    // 10 s into the roll, a minute's pause, then 5 s more, and stop.
    session.pause(s(15));
    session.resume(s(75));
    session.stop(s(80));
    let tally = session.tally(s(200));
    assert_eq!(tally.worked(), s(15));
    assert_eq!(tally.steps[0].outcome, Outcome::NotReached);
    // Paused still: nothing more comes of waiting.
    let mut paused = sample();
    paused.start(Duration::ZERO);
    paused.pause(s(20));
    assert_eq!(paused.tally(s(500)).worked(), s(15));
}

#[test]
fn going_back_rolls_again_without_counting_more_of_the_exercise() {
    let quads = routine(vec![step("quads", StepSides::Together, 20, 0, 20, 0)]);
    let mut session = Session::new(&quads, &catalog(), &settings()).unwrap();
    session.start(Duration::ZERO);
    // 8 s of rolling, back to its start, the same 8 s again, then skip.
    session.back(s(13));
    session.skip(s(21));
    let quads = session.tally(s(22)).steps[0].clone();
    assert_eq!(quads.worked(), s(16));
    assert_eq!(quads.sides[0].covered, s(8));
    assert_eq!(quads.outcome, Outcome::Skipped);
}

#[test]
fn longer_holds_and_working_around_count_as_they_ran() {
    let mut session = sample();
    session.start(Duration::ZERO);
    // The left hold starts at 35 s: made 10 s longer, then too intense
    // 5 s in: 20 s around the spot, and back for the 25 s left.
    assert!(session.extend_hold(s(36)));
    assert!(session.too_intense(s(40)));
    let end_of_left = s(40 + 20 + 25);
    assert_eq!(session.state(end_of_left).phase.kind, PhaseKind::SwitchSide);
    let left = session.tally(end_of_left).steps[0].sides[0];
    assert_eq!(left.planned, s(30 + 30 + 20));
    assert_eq!(left.covered, left.planned);
    assert_eq!(left.worked, left.planned);
}

#[test]
fn the_tally_counts_holds_longer_holds_and_too_intense_per_side() {
    let mut session = sample();
    session.start(Duration::ZERO);
    let left_hold = session.timeline().phases()[2].start;
    assert!(session.extend_hold(left_hold + s(2)));
    let right_roll = session.timeline().phases()[4].start;
    assert!(session.too_intense(right_roll + s(3)));
    let end = session.timeline().total() + s(1);
    let tally = session.tally(end);
    let counts: Vec<(Option<Side>, u32, u32, u32)> = tally
        .steps
        .iter()
        .flat_map(|step| step.sides.iter())
        .map(|t| (t.side, t.holds, t.extensions, t.too_intense))
        .collect();
    assert_eq!(
        counts,
        vec![
            (Some(Side::Left), 1, 1, 0),
            (Some(Side::Right), 1, 0, 1),
            (None, 0, 0, 0),
        ]
    );
}

#[test]
fn a_hold_skipped_early_is_no_hold_done() {
    let mut session = sample();
    session.start(Duration::ZERO);
    let left_hold = session.timeline().phases()[2].start;
    session.skip(left_hold + s(3));
    let tally = session.tally(left_hold + s(4));
    assert_eq!(tally.steps[0].sides[0].holds, 0);
}
