//! What the voice says, and when: spoken prompts laid on the timeline like
//! the cues, so a person can follow a routine with their eyes closed.
//!
//! Pure code: the length of a prompt comes from its words (see
//! [`estimate`]), so the plan is made without a speech engine. A prompt
//! never covers a tone other than the soft beat (the beats under a prompt
//! are dropped), never another prompt, and ends before the phase it is in:
//! a line that does not fit is replaced by a shorter one, or left out.

use std::time::Duration;

use super::cue::{Cue, TimedCue};
use super::timeline::{Phase, PhaseKind, Side, StepInfo};
use crate::model::VoiceSettings;

/// Silence kept between a tone and speech, on either side.
pub const GAP: Duration = Duration::from_millis(200);
/// A phase's prompt starts within this long of the phase's opening cue, or
/// not at all: later, it would be about something already under way.
const LATEST_START: Duration = Duration::from_millis(2500);
/// Rolls and holds at least this long get "Ten seconds left", when asked.
const LONG_PHASE: Duration = Duration::from_secs(30);
/// How long before the end "Ten seconds left" is said.
const TIME_LEFT_AT: Duration = Duration::from_secs(10);
/// A soft beat this close to speech is left out.
const TICK_CLEARANCE: Duration = Duration::from_millis(150);

/// What the voice does in a routine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Speech {
    /// Whether prompts are planned at all.
    pub on: bool,
    /// The speaking rate the lengths are estimated for.
    pub rate: i32,
    /// "Ten seconds left" in long rolls and holds.
    pub time_left: bool,
    /// "Three, two, one" instead of the pips.
    pub count_aloud: bool,
}

impl Speech {
    /// No voice: tones only.
    pub const OFF: Speech = Speech {
        on: false,
        rate: 0,
        time_left: false,
        count_aloud: false,
    };

    /// The plan's part of the voice settings.
    pub fn from_settings(voice: &VoiceSettings) -> Speech {
        Speech {
            on: voice.on,
            rate: voice.rate,
            time_left: voice.time_left,
            count_aloud: voice.count_aloud,
        }
    }
}

/// Why a prompt is said, for tests and the printed script.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    /// The phase's own words: what to do now (or next).
    Phase,
    /// "Ten seconds left."
    TimeLeft,
    /// A spoken count in place of a pip.
    Count,
}

/// Words to say at a position of the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Prompt {
    pub at: Duration,
    /// The estimated time to say it.
    pub length: Duration,
    pub text: String,
    /// The phase it belongs to.
    pub phase: usize,
    pub kind: PromptKind,
}

impl Prompt {
    /// When it is estimated to end.
    pub fn end(&self) -> Duration {
        self.at + self.length
    }
}

/// How long a speech engine takes to say `text` at `rate` (-100 to 100, 0
/// normal), from the moment it is asked: its start-up, the letters at the
/// rate's pace, and the pauses at commas and full stops.
///
/// Fitted to espeak-ng through speech-dispatcher (every line of the
/// built-in routines, at rates -50, 0 and 50), then made longer by a margin
/// so a prompt ends before its estimate: of the lines measured, none ran
/// past it.
pub fn estimate(text: &str, rate: i32) -> Duration {
    // The fit at rate 0, in milliseconds.
    const BASE_MS: f64 = 90.0;
    const LETTER_MS: f64 = 62.0;
    const COMMA_MS: f64 = 335.0;
    const STOP_MS: f64 = 415.0;
    // The margin: a share of the words, and a little more for the engine to
    // start.
    const MARGIN: f64 = 1.06;
    const START_MS: f64 = 100.0;
    let letters = text.chars().filter(|c| c.is_alphanumeric()).count() as f64;
    let commas = text.matches(',').count() as f64;
    let stops = text
        .trim_end()
        .trim_end_matches(['.', '!', '?'])
        .matches(['.', ':', '!', '?'])
        .count() as f64;
    let words = BASE_MS + letters * LETTER_MS + commas * COMMA_MS + stops * STOP_MS;
    Duration::from_secs_f64((words * MARGIN / speed(rate) + START_MS) / 1000.0)
}

/// How much faster than normal the engine speaks at `rate`: nearly twice
/// as fast at 50, about three quarters the pace at -50 (as measured).
fn speed(rate: i32) -> f64 {
    let r = f64::from(rate.clamp(-100, 100)) / 100.0;
    if r >= 0.0 {
        1.0 + 1.9 * r
    } else {
        1.0 + 0.56 * r
    }
}

/// How long a cue's sound lasts, ringing out included (at most; the audio
/// tests hold the synthesizer to it).
pub fn sound_length(cue: Cue) -> Duration {
    Duration::from_millis(match cue {
        Cue::Tick => 100,
        Cue::Turnaround => 150,
        Cue::Start => 330,
        Cue::BreatheIn => 650,
        Cue::Pip => 100,
        Cue::HoldEnd => 900,
        Cue::EaseOff => 370,
        Cue::SwitchSide => 260,
        Cue::NextExercise => 370,
        Cue::Done => 900,
    })
}

/// A whole number in words, for the voice ("twelve"); past ninety-nine, in
/// digits.
pub fn number_words(n: u64) -> String {
    const ONES: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 10] = [
        "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    match n {
        0..=19 => ONES[n as usize].to_owned(),
        20..=99 => {
            let tens = TENS[(n / 10) as usize];
            match n % 10 {
                0 => tens.to_owned(),
                ones => format!("{tens}-{}", ONES[ones as usize]),
            }
        }
        _ => n.to_string(),
    }
}

/// "ten minutes", "one minute", or seconds under a minute.
pub fn minutes_words(time: Duration) -> String {
    let secs = time.as_secs();
    if secs < 60 {
        let n = secs.max(1);
        return format!("{} second{}", number_words(n), plural(n));
    }
    let n = (secs + 30) / 60;
    format!("{} minute{}", number_words(n), plural(n))
}

fn plural(n: u64) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// What is said at the end: how much was done, and the water.
pub fn well_done(worked: Duration, exercises: usize) -> String {
    if exercises == 0 {
        return "Routine ended. Go gently, and try again another time.".to_owned();
    }
    let n = exercises as u64;
    format!(
        "Well done: {}, {} exercise{}. Drink a glass of water.",
        minutes_words(worked),
        number_words(n),
        plural(n)
    )
}

/// The words said when the routine is stopped early, given what was done.
pub fn goodbye(worked: Duration, done: usize) -> String {
    if done == 0 {
        "Stopped. Rest now, and come back when you are ready.".to_owned()
    } else {
        format!("Stopped. {}", well_done(worked, done))
    }
}

/// Said when the routine pauses.
pub const PAUSED: &str = "Paused.";
/// Said when it goes on after a pause.
pub const GO_ON: &str = "Go on.";
/// Said when a hold is made longer.
pub const TEN_MORE: &str = "Ten more seconds.";

/// The name and side as said: "Calves, left side".
fn name_and_side(step: &StepInfo, side: Option<Side>) -> String {
    match side {
        Some(side) => format!("{}, {} side", step.name, side.label()),
        None => step.name.clone(),
    }
}

/// The first phase of work after phase `i`: the one a get-ready or rest
/// prepares for.
fn next_work(phases: &[Phase], i: usize) -> Option<&Phase> {
    phases[i + 1..]
        .iter()
        .find(|p| matches!(p.kind, PhaseKind::Roll | PhaseKind::Hold { .. }))
}

/// What a phase says, best first: each a shorter stand-in for the one
/// before, for when the longer one does not fit.
pub(super) fn phase_lines(phases: &[Phase], i: usize, steps: &[StepInfo]) -> Vec<String> {
    let phase = &phases[i];
    let step = &steps[phase.step];
    let prev = i.checked_sub(1).map(|j| &phases[j]);
    match phase.kind {
        PhaseKind::GetReady | PhaseKind::Rest => {
            let Some(work) = next_work(phases, i) else {
                return Vec::new();
            };
            let next = &steps[work.step];
            let what = name_and_side(next, work.side);
            let lead = if phase.kind == PhaseKind::Rest {
                format!("Next: {}.", lowercase_first(&what))
            } else {
                format!("{what}.")
            };
            vec![format!("{lead} {}", next.setup_line), lead]
        }
        PhaseKind::Roll if phase.eased => {
            vec!["Ease off. Shorter, gentler strokes.".to_owned()]
        }
        PhaseKind::Roll => {
            let continues = prev.is_some_and(|p| p.kind == PhaseKind::Roll && p.step == phase.step);
            let announced = prev.is_some_and(|p| {
                matches!(
                    p.kind,
                    PhaseKind::GetReady | PhaseKind::Rest | PhaseKind::SwitchSide
                )
            });
            if continues {
                vec!["Full strokes again.".to_owned()]
            } else if announced {
                vec![step.rolling_line.clone(), "Roll slowly.".to_owned()]
            } else {
                let what = name_and_side(step, phase.side);
                vec![
                    format!("{what}. {}", step.rolling_line),
                    format!("{what}. Roll slowly."),
                    format!("{what}."),
                ]
            }
        }
        PhaseKind::Hold { number, .. } => {
            if phase.returning {
                vec!["Back to the spot, gently.".to_owned()]
            } else if number == 1 {
                vec![
                    "Stay on the most tender spot. Relax, and breathe in as the pressure comes."
                        .to_owned(),
                    "Stay on the tender spot, and breathe.".to_owned(),
                    "Hold.".to_owned(),
                ]
            } else {
                vec![
                    "Find another tender spot, and stay. Breathe in as the pressure comes."
                        .to_owned(),
                    "Another spot. Breathe.".to_owned(),
                    "Hold.".to_owned(),
                ]
            }
        }
        PhaseKind::WorkAround => vec![
            "Ease off. Roll gently around the spot.".to_owned(),
            "Ease off.".to_owned(),
        ],
        PhaseKind::SwitchSide => {
            let side = phase.side.map(Side::label).unwrap_or("other");
            vec![
                format!("Switch to the {side} side."),
                "Other side.".to_owned(),
            ]
        }
        PhaseKind::Done => {
            let worked = phases
                .iter()
                .filter(|p| is_work(p.kind))
                .map(|p| p.length)
                .sum();
            vec![well_done(worked, steps.len())]
        }
    }
}

fn is_work(kind: PhaseKind) -> bool {
    matches!(
        kind,
        PhaseKind::Roll | PhaseKind::Hold { .. } | PhaseKind::WorkAround
    )
}

fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// How long a get-ready or rest must be for its full prompt to be said
/// between its opening tone and its countdown.
pub(super) fn room_needed(kind: PhaseKind, text: &str, rate: i32) -> Duration {
    // A rest's tone may wait for the chime of the hold before it.
    let opening = if kind == PhaseKind::Rest {
        super::timeline::AFTER_CHIME + sound_length(Cue::NextExercise) + GAP
    } else {
        GAP
    };
    // Three pips, the first of them three seconds before the end.
    opening + estimate(text, rate) + GAP + Duration::from_secs(3)
}

/// Stretches of time already taken, in which no speech may start or run.
struct Taken(Vec<(Duration, Duration)>);

impl Taken {
    fn add(&mut self, from: Duration, to: Duration) {
        self.0.push((from, to));
    }

    fn is_free(&self, from: Duration, to: Duration) -> bool {
        self.0.iter().all(|&(a, b)| to <= a || from >= b)
    }

    /// The earliest start in `[from, latest]` at which `length` of speech
    /// fits, ending by `end`.
    fn first_fit(
        &self,
        from: Duration,
        latest: Duration,
        length: Duration,
        end: Option<Duration>,
    ) -> Option<Duration> {
        let mut starts: Vec<Duration> = std::iter::once(from)
            .chain(self.0.iter().map(|&(_, b)| b).filter(|&b| b > from))
            .filter(|&t| t <= latest)
            .collect();
        starts.sort();
        starts
            .into_iter()
            .find(|&t| end.is_none_or(|e| t + length <= e) && self.is_free(t, t + length))
    }
}

/// The prompts of a laid-out timeline, and its cues without the pips a
/// spoken count replaces and the beats speech covers.
pub(super) fn plan(
    phases: &[Phase],
    steps: &[StepInfo],
    cues: Vec<TimedCue>,
    speech: Speech,
) -> (Vec<Prompt>, Vec<TimedCue>) {
    if !speech.on {
        return (Vec::new(), cues);
    }
    let mut prompts = Vec::new();
    let mut cues = cues;
    if speech.count_aloud {
        // A count that would run into another tone stays a pip.
        let clear = |p: &Prompt| {
            cues.iter()
                .filter(|c| !matches!(c.cue, Cue::Pip | Cue::Tick))
                .all(|c| c.at + sound_length(c.cue) + GAP <= p.at || c.at >= p.end() + GAP)
        };
        let spoken: Vec<Prompt> = counts(phases, &cues, speech.rate)
            .into_iter()
            .filter(clear)
            .collect();
        cues.retain(|c| c.cue != Cue::Pip || spoken.iter().all(|p| p.at != c.at));
        prompts.extend(spoken);
    }
    let mut taken = Taken(Vec::new());
    for c in cues.iter().filter(|c| c.cue != Cue::Tick) {
        taken.add(c.at.saturating_sub(GAP), c.at + sound_length(c.cue) + GAP);
    }
    for p in &prompts {
        taken.add(p.at, p.end() + GAP);
    }
    for (i, phase) in phases.iter().enumerate() {
        // A zero-length phase (a hold of nothing) has nothing to say, but
        // the end says its goodbye.
        if phase.length.is_zero() && phase.kind != PhaseKind::Done {
            continue;
        }
        // A hold cut short and its way back are said by the phases that
        // follow; the cut one keeps what it said at its start.
        let end = (phase.kind != PhaseKind::Done).then(|| phase.end());
        let latest = phase.start + LATEST_START + sound_length(Cue::HoldEnd);
        let lines = phase_lines(phases, i, steps);
        for text in lines
            .into_iter()
            .map(|t| t.trim().to_owned())
            .filter(|t| !t.is_empty())
        {
            let length = estimate(&text, speech.rate);
            if let Some(at) = taken.first_fit(phase.start, latest, length, end) {
                taken.add(at, at + length + GAP);
                prompts.push(Prompt {
                    at,
                    length,
                    text,
                    phase: i,
                    kind: PromptKind::Phase,
                });
                break;
            }
        }
        let long_work = matches!(phase.kind, PhaseKind::Roll | PhaseKind::Hold { .. })
            && !phase.cut
            && phase.length >= LONG_PHASE;
        if speech.time_left && long_work {
            let text = "Ten seconds left.".to_owned();
            let length = estimate(&text, speech.rate);
            let from = phase.end() - TIME_LEFT_AT - Duration::from_secs(1);
            let latest = phase.end() - TIME_LEFT_AT + Duration::from_secs(1);
            if let Some(at) = taken.first_fit(from, latest, length, Some(phase.end())) {
                taken.add(at, at + length + GAP);
                prompts.push(Prompt {
                    at,
                    length,
                    text,
                    phase: i,
                    kind: PromptKind::TimeLeft,
                });
            }
        }
    }
    prompts.sort_by_key(|p| p.at);
    cues.retain(|c| {
        c.cue != Cue::Tick
            || prompts
                .iter()
                .all(|p| c.at + TICK_CLEARANCE <= p.at || c.at >= p.end() + TICK_CLEARANCE)
    });
    (prompts, cues)
}

/// "Three", "two", "one" where the pips were.
fn counts(phases: &[Phase], cues: &[TimedCue], rate: i32) -> Vec<Prompt> {
    cues.iter()
        .filter(|c| c.cue == Cue::Pip)
        .map(|c| {
            let phase = phases
                .iter()
                .position(|p| p.end() > c.at)
                .unwrap_or(phases.len() - 1);
            let left = phases[phase]
                .end()
                .saturating_sub(c.at)
                .as_secs_f64()
                .round() as u64;
            let mut text = number_words(left);
            if let Some(first) = text.get_mut(..1) {
                first.make_ascii_uppercase();
            }
            text.push('.');
            Prompt {
                at: c.at,
                length: estimate(&text, rate).min(Duration::from_millis(800)),
                text,
                phase,
                kind: PromptKind::Count,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longer_words_take_longer_and_a_faster_rate_less() {
        let short = estimate("Switch to the right side.", 0);
        let long = estimate(
            "Stay on the most tender spot. Relax, and breathe in as the pressure comes.",
            0,
        );
        assert!(short < long);
        assert!(short > Duration::from_millis(1000) && short < Duration::from_secs(3));
        assert!(estimate("Switch to the right side.", 50) < short);
        assert!(estimate("Switch to the right side.", -50) > short);
    }

    /// Lengths espeak-ng took through speech-dispatcher (ms, rate, text),
    /// measured from the first sound to the last.
    const MEASURED: &[(u64, i32, &str)] = &[
        (
            6793,
            0,
            "Calves, left side. Sit with one calf on the roller, just above the ankle. Bend the other knee, lift your hips.",
        ),
        (
            7926,
            0,
            "Next: deep glute (figure-4), left side. Sit on the roller, one ankle crossed over the other knee. Lean onto the middle of that buttock.",
        ),
        (
            6914,
            0,
            "Next: upper back. Lie back, the roller under the bottom of your shoulder blades. Hold your head and lift your hips.",
        ),
        (
            4118,
            0,
            "Stay on the most tender spot. Relax, and breathe in as the pressure comes.",
        ),
        (
            3818,
            0,
            "Roll slowly up to just below the knee, and back. Follow the beat.",
        ),
        (
            4363,
            0,
            "Well done: ten minutes, six exercises. Drink a glass of water.",
        ),
        (1313, 0, "Switch to the right side."),
        (1078, 0, "Ten seconds left."),
        (436, 0, "Paused."),
        (311, 0, "Three."),
        (
            3499,
            50,
            "Calves, left side. Sit with one calf on the roller, just above the ankle. Bend the other knee, lift your hips.",
        ),
        (
            2339,
            50,
            "Go gently. Roll slowly down to just above the knee, and back. Follow the beat.",
        ),
        (
            3793,
            50,
            "Next: quads. Lie face down on your forearms, the roller under the top of both thighs. Keep your stomach firm.",
        ),
        (
            2458,
            50,
            "Roll slowly down to a hand's width above the kneecaps, and back. Follow the beat.",
        ),
        (367, 50, "Roll slowly."),
        (750, 50, "Switch to the right side."),
        (
            3024,
            50,
            "Using your arms, roll slowly down to a few fingers above the ankles, and back. Follow the beat.",
        ),
        (240, 50, "Paused."),
        (148, 50, "Three."),
        (
            9433,
            -50,
            "Calves, left side. Sit with one calf on the roller, just above the ankle. Bend the other knee, lift your hips.",
        ),
        (
            6825,
            -50,
            "Go gently. Roll slowly down to just above the knee, and back. Follow the beat.",
        ),
        (
            9492,
            -50,
            "Next: quads. Lie face down on your forearms, the roller under the top of both thighs. Keep your stomach firm.",
        ),
        (
            6389,
            -50,
            "Roll slowly down to a hand's width above the kneecaps, and back. Follow the beat.",
        ),
        (1014, -50, "Roll slowly."),
        (1750, -50, "Switch to the right side."),
        (
            7730,
            -50,
            "Using your arms, roll slowly down to a few fingers above the ankles, and back. Follow the beat.",
        ),
        (584, -50, "Paused."),
        (432, -50, "Three."),
    ];

    #[test]
    fn no_measured_line_runs_past_its_estimate_nor_far_short_of_it() {
        for &(ms, rate, text) in MEASURED {
            let said = Duration::from_millis(ms);
            let guess = estimate(text, rate);
            assert!(guess >= said, "{text:?} at {rate}: {said:?} > {guess:?}");
            // Not so long that lines are dropped for want of room.
            assert!(
                guess.as_secs_f64() <= said.as_secs_f64() * 1.25 + 0.3,
                "{text:?} at {rate}: {guess:?} for {said:?}"
            );
        }
    }

    #[test]
    fn numbers_are_said_in_words() {
        assert_eq!(number_words(3), "three");
        assert_eq!(number_words(20), "twenty");
        assert_eq!(number_words(42), "forty-two");
        assert_eq!(minutes_words(Duration::from_secs(600)), "ten minutes");
        assert_eq!(minutes_words(Duration::from_secs(61)), "one minute");
        assert_eq!(minutes_words(Duration::from_secs(40)), "forty seconds");
        assert_eq!(
            well_done(Duration::from_secs(600), 5),
            "Well done: ten minutes, five exercises. Drink a glass of water."
        );
    }
}
