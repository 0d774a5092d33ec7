//! Tests of the prompt plan: what the voice says, when, and that it never
//! talks over a tone or itself.

use std::time::Duration;

use proptest::prelude::*;

use super::tests::{Command, any_step, apply, catalog, command, routine, step};
use super::*;
use crate::model::{Settings, StepSides};

fn voiced(count_aloud: bool, time_left: bool) -> Settings {
    let mut settings = Settings::default();
    settings.voice.on = true;
    settings.voice.count_aloud = count_aloud;
    settings.voice.time_left = time_left;
    settings
}

fn calves_then_quads() -> Routine {
    routine(vec![
        step("calves", StepSides::LeftThenRight, 45, 1, 20, 10),
        step("quads", StepSides::Together, 40, 1, 20, 10),
    ])
}

/// Every rule a plan keeps, checked on the timeline as it is now.
fn check_plan(timeline: &Timeline) -> Result<(), TestCaseError> {
    let prompts = timeline.prompts();
    for pair in prompts.windows(2) {
        prop_assert!(
            pair[0].end() <= pair[1].at,
            "{:?} runs into {:?}",
            pair[0],
            pair[1]
        );
    }
    for p in prompts {
        prop_assert!(!p.text.trim().is_empty());
        for c in timeline.cues() {
            let sound_end = c.at + sound_length(c.cue);
            let apart = sound_end <= p.at || c.at >= p.end();
            prop_assert!(apart, "{:?} is said over {:?}", p, c);
        }
        let phase = &timeline.phases()[p.phase];
        if phase.kind != PhaseKind::Done {
            prop_assert!(
                p.at >= phase.start && p.end() <= phase.end(),
                "{:?} leaves its phase",
                p
            );
        }
    }
    Ok(())
}

/// The phase prompts of `kind`.
fn said_in(timeline: &Timeline, kind: PhaseKind) -> Vec<&Prompt> {
    timeline
        .prompts()
        .iter()
        .filter(|p| p.kind == PromptKind::Phase && timeline.phases()[p.phase].kind == kind)
        .collect()
}

#[test]
fn each_phase_says_what_it_is_for() {
    let session = Session::new(&calves_then_quads(), &catalog(), &voiced(false, false)).unwrap();
    let timeline = session.timeline();
    let get_ready = said_in(timeline, PhaseKind::GetReady);
    assert_eq!(get_ready.len(), 1);
    assert!(
        get_ready[0].text.starts_with("Calves, left side. "),
        "{}",
        get_ready[0].text
    );
    let calves = catalog().get("calves").unwrap().spoken.setup.clone();
    assert!(get_ready[0].text.ends_with(&calves));
    let switch = said_in(timeline, PhaseKind::SwitchSide);
    assert_eq!(switch[0].text, "Switch to the right side.");
    let rest = said_in(timeline, PhaseKind::Rest);
    assert!(
        rest[0].text.starts_with("Next: quads. "),
        "{}",
        rest[0].text
    );
    let holds = said_in(timeline, PhaseKind::Hold { number: 1, of: 1 });
    assert_eq!(
        holds.len(),
        3,
        "a hold on each side of the calves, one for the quads"
    );
    assert!(holds[0].text.contains("breathe"));
    let rolls = said_in(timeline, PhaseKind::Roll);
    assert_eq!(rolls.len(), 3);
    let done = said_in(timeline, PhaseKind::Done);
    assert_eq!(
        done[0].text,
        "Well done: three minutes, two exercises. Drink a glass of water."
    );
    check_plan(timeline).unwrap();
}

#[test]
fn a_rest_grows_to_say_what_comes_next_before_its_countdown() {
    let tones = {
        let mut s = voiced(false, false);
        s.voice.on = false;
        Session::new(&calves_then_quads(), &catalog(), &s).unwrap()
    };
    let voice = Session::new(&calves_then_quads(), &catalog(), &voiced(false, false)).unwrap();
    let rest = |s: &Session| {
        *s.timeline()
            .phases()
            .iter()
            .find(|p| p.kind == PhaseKind::Rest)
            .unwrap()
    };
    let (short, long) = (rest(&tones), rest(&voice));
    assert_eq!(short.length, Duration::from_secs(10));
    let prompt = said_in(voice.timeline(), PhaseKind::Rest)[0].clone();
    let first_pip = long.end() - Duration::from_secs(3);
    assert!(
        prompt.end() <= first_pip,
        "{prompt:?} before the pips of {long:?}"
    );
    assert!(long.length >= short.length);
    assert_eq!(
        voice.timeline().total() - tones.timeline().total(),
        long.length - short.length,
        "the routine's total says so"
    );
}

#[test]
fn the_beats_under_speech_are_dropped_and_the_others_kept() {
    let session = Session::new(&calves_then_quads(), &catalog(), &voiced(false, false)).unwrap();
    let timeline = session.timeline();
    let roll = said_in(timeline, PhaseKind::Roll)[0].clone();
    let ticks: Vec<&TimedCue> = timeline
        .cues()
        .iter()
        .filter(|c| c.cue == Cue::Tick)
        .collect();
    assert!(!ticks.is_empty());
    assert!(
        ticks
            .iter()
            .all(|c| c.at + sound_length(Cue::Tick) <= roll.at || c.at >= roll.end())
    );
    let phase = timeline.phases()[roll.phase];
    assert!(
        ticks
            .iter()
            .any(|c| c.at > roll.end() && c.at < phase.end()),
        "beats go on after the prompt"
    );
}

#[test]
fn a_spoken_count_replaces_the_pips() {
    let session = Session::new(&calves_then_quads(), &catalog(), &voiced(true, false)).unwrap();
    let timeline = session.timeline();
    assert!(timeline.cues().iter().all(|c| c.cue != Cue::Pip));
    let counts: Vec<&str> = timeline
        .prompts()
        .iter()
        .filter(|p| p.kind == PromptKind::Count)
        .map(|p| p.text.as_str())
        .take(3)
        .collect();
    assert_eq!(counts, ["Three.", "Two.", "One."]);
    check_plan(timeline).unwrap();
}

#[test]
fn long_phases_say_ten_seconds_left() {
    let routine = routine(vec![step("quads", StepSides::Together, 60, 1, 40, 10)]);
    let session = Session::new(&routine, &catalog(), &voiced(false, true)).unwrap();
    let timeline = session.timeline();
    let left: Vec<&Prompt> = timeline
        .prompts()
        .iter()
        .filter(|p| p.kind == PromptKind::TimeLeft)
        .collect();
    assert_eq!(left.len(), 2, "the roll and the hold");
    for p in left {
        let end = timeline.phases()[p.phase].end();
        let before = end - p.at;
        assert!(before >= Duration::from_secs(9) && before <= Duration::from_secs(11));
    }
    check_plan(timeline).unwrap();
}

#[test]
fn tones_only_plans_no_prompt_and_keeps_the_timings() {
    let mut settings = voiced(true, true);
    settings.voice.on = false;
    let session = Session::new(&calves_then_quads(), &catalog(), &settings).unwrap();
    assert!(session.timeline().prompts().is_empty());
    assert!(session.timeline().cues().iter().any(|c| c.cue == Cue::Pip));
}

#[test]
fn too_intense_and_coming_back_are_said() {
    let mut session =
        Session::new(&calves_then_quads(), &catalog(), &voiced(false, false)).unwrap();
    session.start(Duration::ZERO);
    let hold = *session
        .timeline()
        .phases()
        .iter()
        .find(|p| matches!(p.kind, PhaseKind::Hold { .. }))
        .unwrap();
    let now = hold.start + Duration::from_secs(8);
    assert!(session.too_intense(now));
    let next: Vec<String> = session
        .prompts_between(session.position(now), Duration::MAX)
        .iter()
        .take(2)
        .map(|p| p.text.clone())
        .collect();
    assert_eq!(
        next,
        [
            "Ease off. Roll gently around the spot.",
            "Back to the spot, gently."
        ]
    );
    check_plan(session.timeline()).unwrap();
}

#[test]
fn nothing_is_left_to_say_after_stop() {
    let mut session =
        Session::new(&calves_then_quads(), &catalog(), &voiced(false, false)).unwrap();
    session.start(Duration::ZERO);
    assert_eq!(session.next_prompt(Duration::ZERO), Some(Duration::ZERO));
    session.stop(Duration::from_secs(20));
    assert_eq!(session.next_prompt(Duration::from_secs(20)), None);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    #[test]
    fn any_routine_and_commands_keep_the_plan_sound(
        steps in prop::collection::vec(any_step(), 1..5),
        commands in prop::collection::vec(command(), 0..40),
        count_aloud in any::<bool>(),
        time_left in any::<bool>(),
        rate in -50i32..=50,
    ) {
        let mut settings = voiced(count_aloud, time_left);
        settings.voice.rate = rate;
        let mut session = Session::new(&routine(steps), &catalog(), &settings).unwrap();
        session.start(Duration::ZERO);
        let mut now = Duration::ZERO;
        check_plan(session.timeline())?;
        check_phases_have_their_prompt(session.timeline())?;
        for c in &commands {
            apply(&mut session, &mut now, c);
            check_plan(session.timeline())?;
            if matches!(c, Command::TooIntense | Command::Extend) {
                continue;
            }
        }
        session.stop(now);
        prop_assert_eq!(session.next_prompt(now), None);
    }
}

/// Every phase of a fresh plan has its words, naming the right exercise
/// and side where it announces one.
fn check_phases_have_their_prompt(timeline: &Timeline) -> Result<(), TestCaseError> {
    let phases = timeline.phases();
    for (i, phase) in phases.iter().enumerate() {
        let said: Vec<&Prompt> = timeline
            .prompts()
            .iter()
            .filter(|p| p.phase == i && p.kind == PromptKind::Phase)
            .collect();
        let roll_too_choppy =
            phase.kind == PhaseKind::Roll && phase.stroke < Duration::from_secs(2);
        if phase.length.is_zero() && phase.kind != PhaseKind::Done || roll_too_choppy {
            continue;
        }
        prop_assert_eq!(
            said.len(),
            1,
            "phase {:?} says one thing: {:?}",
            phase,
            said
        );
        let text = said[0].text.to_lowercase();
        let announces = matches!(phase.kind, PhaseKind::GetReady | PhaseKind::Rest);
        if announces {
            let work = phases[i + 1..]
                .iter()
                .find(|p| matches!(p.kind, PhaseKind::Roll | PhaseKind::Hold { .. }))
                .unwrap();
            let name = timeline.steps()[work.step].name.to_lowercase();
            prop_assert!(text.contains(&name), "{} names {}", text, name);
            if let Some(side) = work.side {
                prop_assert!(text.contains(&format!("{} side", side.label())), "{}", text);
            }
        }
        if phase.kind == PhaseKind::SwitchSide {
            let side = phase.side.unwrap().label();
            prop_assert!(text.contains(side), "{}", text);
        }
    }
    Ok(())
}
