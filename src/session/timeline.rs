//! A routine turned into a timeline of phases, and the cues of each phase.

use std::time::Duration;

use super::cue::{Cue, TimedCue};
use super::prompt::{self, Prompt, Speech};
use crate::catalog::Catalog;
use crate::model::{Exercise, Routine, Settings, Step, StepSides};

/// Length of the pause to change sides.
pub const SWITCH_SIDE: Duration = Duration::from_secs(5);
/// Length of the "work around the spot" phase after "too intense".
pub const WORK_AROUND: Duration = Duration::from_secs(20);
/// How long the strokes stay short after "too intense" while rolling.
pub const EASE_FOR: Duration = Duration::from_secs(15);
/// After a hold's end chime, the next phase's cue waits this long so the two
/// sounds don't blur.
pub const AFTER_CHIME: Duration = Duration::from_millis(800);
/// A beat tick this close to another cue is left out.
const TICK_CLEARANCE: Duration = Duration::from_millis(400);

pub use crate::model::Side;

/// What happens in a phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhaseKind {
    /// The countdown before the first exercise
    /// ([`Settings::first_get_ready_seconds`]).
    GetReady,
    /// Slow rolling, paced.
    Roll,
    /// Resting on a tender spot: hold `number` of `of`.
    Hold { number: u32, of: u32 },
    /// Working the tissue around a spot that was too sore.
    WorkAround,
    /// Changing to the other side.
    SwitchSide,
    /// A rest, showing what comes next.
    Rest,
    /// The end.
    Done,
}

/// One stretch of time in the routine.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Phase {
    pub kind: PhaseKind,
    /// Index of the routine step it belongs to.
    pub step: usize,
    /// The side worked, for one-side-at-a-time steps.
    pub side: Option<Side>,
    /// Position on the timeline where it starts.
    pub start: Duration,
    pub length: Duration,
    /// Time of one stroke, one way (rolling phases).
    pub stroke: Duration,
    /// A hold cut short by "too intense": no countdown or end chime.
    pub cut: bool,
    /// A hold that comes back to a spot after working around it.
    pub returning: bool,
    /// Rolling eased after "too intense": less pressure, strokes over the
    /// middle half of the path.
    pub eased: bool,
}

impl Phase {
    /// Where it ends.
    pub fn end(&self) -> Duration {
        self.start + self.length
    }
}

/// What the player needs to know of a step.
#[derive(Debug, Clone, PartialEq)]
pub struct StepInfo {
    pub exercise_id: String,
    pub name: String,
    pub two_sides: bool,
    /// What the voice says to set up for it.
    pub setup_line: String,
    /// What the voice says as rolling starts.
    pub rolling_line: String,
}

/// Why a routine cannot be played.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionError {
    /// The routine has no steps.
    Empty,
    /// A step names an exercise the library does not have.
    UnknownExercise(String),
}

impl std::fmt::Display for SessionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SessionError::Empty => write!(f, "the routine has no exercises"),
            SessionError::UnknownExercise(id) => {
                write!(
                    f,
                    "the routine names an exercise that doesn't exist: '{id}'"
                )
            }
        }
    }
}

/// The phases of a routine, back to back, and the cues they carry.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    phases: Vec<Phase>,
    steps: Vec<StepInfo>,
    cues: Vec<TimedCue>,
    speech: Speech,
    prompts: Vec<Prompt>,
}

fn secs(s: u32) -> Duration {
    Duration::from_secs(u64::from(s))
}

impl Timeline {
    /// Lays out `routine` with the timings of its steps and `settings`,
    /// with the prompts of `settings`' voice.
    pub fn build(
        routine: &Routine,
        catalog: &Catalog,
        settings: &Settings,
    ) -> Result<Timeline, SessionError> {
        Timeline::build_with(
            routine,
            catalog,
            settings,
            Speech::from_settings(&settings.voice),
        )
    }

    /// Lays out `routine` with the timings of its steps and `settings`, and
    /// `speech` for its prompts: a get-ready or rest grows to fit what it
    /// says before its countdown.
    pub fn build_with(
        routine: &Routine,
        catalog: &Catalog,
        settings: &Settings,
        speech: Speech,
    ) -> Result<Timeline, SessionError> {
        if routine.steps.is_empty() {
            return Err(SessionError::Empty);
        }
        let mut phases = PhaseList::default();
        let mut steps = Vec::new();
        // The very first get-ready is the longer one: time to get down onto
        // the floor and the roller.
        phases.push_still(
            PhaseKind::GetReady,
            0,
            None,
            secs(settings.first_get_ready_seconds),
        );
        for (i, step) in routine.steps.iter().enumerate() {
            let exercise = catalog
                .get(&step.exercise)
                .ok_or_else(|| SessionError::UnknownExercise(step.exercise.clone()))?;
            let sides = side_order(step.sides);
            steps.push(StepInfo {
                exercise_id: exercise.id.clone(),
                name: exercise.name.clone(),
                two_sides: sides.len() == 2,
                setup_line: exercise.spoken.setup.clone(),
                rolling_line: exercise.spoken.rolling.clone(),
            });
            let hold = secs(step.hold_seconds_with(settings));
            let stroke = stroke_time(step, exercise, settings);
            phases.push_step(i, step, sides, (stroke, hold));
            let rest = step.rest_seconds_with(settings);
            if i + 1 < routine.steps.len() && rest > 0 {
                phases.push_still(PhaseKind::Rest, i, None, secs(rest));
            }
        }
        let last = routine.steps.len() - 1;
        phases.push_still(PhaseKind::Done, last, None, Duration::ZERO);
        let mut phases = phases.0;
        if speech.on {
            make_room(&mut phases, &steps, speech.rate);
        }
        let mut timeline = Timeline {
            phases,
            steps,
            cues: Vec::new(),
            speech,
            prompts: Vec::new(),
        };
        timeline.relayout();
        Ok(timeline)
    }

    /// Every phase, in order.
    pub fn phases(&self) -> &[Phase] {
        &self.phases
    }

    /// The steps of the routine.
    pub fn steps(&self) -> &[StepInfo] {
        &self.steps
    }

    /// Every cue of the routine, in time order.
    pub fn cues(&self) -> &[TimedCue] {
        &self.cues
    }

    /// Every prompt of the routine, in time order.
    pub fn prompts(&self) -> &[Prompt] {
        &self.prompts
    }

    /// Prompts with `from <= at < to`.
    pub fn prompts_between(&self, from: Duration, to: Duration) -> &[Prompt] {
        let a = self.prompts.partition_point(|p| p.at < from);
        let b = self.prompts.partition_point(|p| p.at < to);
        &self.prompts[a..b.max(a)]
    }

    /// The voice the prompts were planned for.
    pub fn speech(&self) -> Speech {
        self.speech
    }

    /// The whole routine's length.
    pub fn total(&self) -> Duration {
        self.phases.last().map(Phase::end).unwrap_or_default()
    }

    /// Index of the phase running at `position` (the last one at or past the end).
    pub fn phase_at(&self, position: Duration) -> usize {
        // The first phase whose end is after the position; zero-length
        // phases are passed over, except the final one.
        self.phases
            .iter()
            .position(|p| p.end() > position)
            .unwrap_or(self.phases.len() - 1)
    }

    /// Cues with `from <= at < to`.
    pub fn cues_between(&self, from: Duration, to: Duration) -> &[TimedCue] {
        let a = self.cues.partition_point(|c| c.at < from);
        let b = self.cues.partition_point(|c| c.at < to);
        &self.cues[a..b.max(a)]
    }

    /// Lengthens phase `index` by `by`, moving everything after it.
    pub(super) fn lengthen(&mut self, index: usize, by: Duration) {
        self.phases[index].length += by;
        self.relayout();
    }

    /// Cuts the hold `index` short at `at` and works around the spot before
    /// coming back to it for the rest of the hold: what was left, never
    /// more. Returns where the new time went in, and how much.
    pub(super) fn work_around(&mut self, index: usize, at: Duration) -> (Duration, Duration) {
        let hold = self.phases[index];
        let held = at.saturating_sub(hold.start).min(hold.length);
        self.phases[index].length = held;
        self.phases[index].cut = true;
        let around = Phase {
            kind: PhaseKind::WorkAround,
            length: WORK_AROUND,
            cut: false,
            returning: false,
            ..hold
        };
        let back = Phase {
            returning: true,
            cut: false,
            length: hold.length - held,
            ..hold
        };
        self.phases.insert(index + 1, around);
        self.phases.insert(index + 2, back);
        self.relayout();
        (hold.start + held, WORK_AROUND)
    }

    /// Eases the rolling phase `index` from `at`: strokes half as long (the
    /// middle of the path, at the same pace) for [`EASE_FOR`] or what is
    /// left of the phase, then full strokes again for the rest.
    pub(super) fn ease_roll(&mut self, index: usize, at: Duration) {
        let roll = self.phases[index];
        let rolled = at.saturating_sub(roll.start).min(roll.length);
        let left = roll.length - rolled;
        let eased_for = EASE_FOR.min(left);
        if eased_for.is_zero() {
            return;
        }
        self.phases[index].length = rolled;
        let eased = Phase {
            length: eased_for,
            stroke: roll.stroke / 2,
            eased: true,
            ..roll
        };
        let full = Phase {
            length: left - eased_for,
            eased: false,
            ..roll
        };
        self.phases.insert(index + 1, eased);
        if !full.length.is_zero() {
            self.phases.insert(index + 2, full);
        }
        if rolled.is_zero() {
            self.phases.remove(index);
        }
        self.relayout();
    }

    /// Recomputes every start from the lengths, and every cue.
    fn relayout(&mut self) {
        let mut start = Duration::ZERO;
        for phase in &mut self.phases {
            phase.start = start;
            start += phase.length;
        }
        let mut cues = Vec::new();
        for i in 0..self.phases.len() {
            let prev = i.checked_sub(1).map(|j| self.phases[j]);
            let next = self.phases.get(i + 1);
            phase_cues(&self.phases[i], prev.as_ref(), next, &mut cues);
        }
        cues.sort();
        let (prompts, cues) = prompt::plan(&self.phases, &self.steps, cues, self.speech);
        self.prompts = prompts;
        self.cues = cues;
    }
}

/// Lengthens each get-ready and rest that is too short to say what comes
/// next before its countdown, to the whole second.
fn make_room(phases: &mut [Phase], steps: &[StepInfo], rate: i32) {
    for i in 0..phases.len() {
        let kind = phases[i].kind;
        if !matches!(kind, PhaseKind::GetReady | PhaseKind::Rest) {
            continue;
        }
        let Some(text) = prompt::phase_lines(phases, i, steps).into_iter().next() else {
            continue;
        };
        let needed = prompt::room_needed(kind, &text, rate);
        if phases[i].length < needed {
            phases[i].length = Duration::from_secs(needed.as_secs_f64().ceil() as u64);
        }
    }
}

/// The phases of a routine as they are laid out, each starting where the
/// one before ends.
#[derive(Default)]
struct PhaseList(Vec<Phase>);

impl PhaseList {
    /// Adds a phase after the last one (neither cut nor returning).
    fn push(
        &mut self,
        kind: PhaseKind,
        step: usize,
        side: Option<Side>,
        length: Duration,
        stroke: Duration,
    ) {
        let start = self.0.last().map(Phase::end).unwrap_or_default();
        self.0.push(Phase {
            kind,
            step,
            side,
            start,
            length,
            stroke,
            cut: false,
            returning: false,
            eased: false,
        });
    }

    /// Adds a phase without rolling strokes.
    fn push_still(&mut self, kind: PhaseKind, step: usize, side: Option<Side>, length: Duration) {
        self.push(kind, step, side, length, Duration::ZERO);
    }

    /// Adds the work of step `index`: for each of `sides` in turn (with a
    /// switch between them), the roll with strokes of `stroke`, then the
    /// holds.
    fn push_step(
        &mut self,
        index: usize,
        step: &Step,
        sides: &[Option<Side>],
        (stroke, hold): (Duration, Duration),
    ) {
        for (n, &side) in sides.iter().enumerate() {
            if n > 0 {
                self.push_still(PhaseKind::SwitchSide, index, side, SWITCH_SIDE);
            }
            self.push(
                PhaseKind::Roll,
                index,
                side,
                secs(step.roll_seconds_on(side)),
                stroke,
            );
            for h in 1..=step.holds {
                let kind = PhaseKind::Hold {
                    number: h,
                    of: step.holds,
                };
                self.push_still(kind, index, side, hold);
            }
        }
    }
}

/// The sides a step works, in order: `None` alone for both at once.
fn side_order(sides: StepSides) -> &'static [Option<Side>] {
    match sides {
        StepSides::Together => &[None],
        StepSides::LeftThenRight => &[Some(Side::Left), Some(Side::Right)],
        StepSides::RightThenLeft => &[Some(Side::Right), Some(Side::Left)],
    }
}

/// Time of one stroke, one way: the step's stroke length (or the
/// exercise's) at the step's pace (or the settings').
fn stroke_time(step: &Step, exercise: &Exercise, settings: &Settings) -> Duration {
    let pace = step.pace_cm_per_s_with(settings).max(0.1);
    let stroke_cm = step.stroke_cm.unwrap_or(exercise.timings.stroke_cm);
    Duration::from_secs_f64(f64::from(stroke_cm) / f64::from(pace))
}

/// The cues of one phase, given the phases around it.
fn phase_cues(phase: &Phase, prev: Option<&Phase>, next: Option<&Phase>, out: &mut Vec<TimedCue>) {
    let opening = opening(phase, prev);
    let ends_routine = next.is_some_and(|n| n.kind == PhaseKind::Done);
    let mut push = |at: Duration, cue: Cue| out.push(TimedCue { at, cue });
    match phase.kind {
        PhaseKind::GetReady => countdown(phase, opening, &mut push),
        PhaseKind::Roll => roll_cues(phase, opening, &mut push),
        PhaseKind::Hold { .. } => {
            push(opening, Cue::BreatheIn);
            if !phase.cut {
                countdown(phase, opening, &mut push);
                if !ends_routine {
                    push(phase.end(), Cue::HoldEnd);
                }
            }
        }
        PhaseKind::WorkAround => {
            push(opening, Cue::EaseOff);
            countdown(phase, opening, &mut push);
        }
        PhaseKind::SwitchSide => push(opening, Cue::SwitchSide),
        PhaseKind::Rest => {
            push(opening, Cue::NextExercise);
            countdown(phase, opening, &mut push);
        }
        PhaseKind::Done => push(opening, Cue::Done),
    }
}

/// When a phase's opening cue sounds: at its start, or a little later
/// when the hold before it ended with a chime.
fn opening(phase: &Phase, prev: Option<&Phase>) -> Duration {
    // The last hold's chime is the "done" cue itself.
    let chimes = |p: &Phase| {
        matches!(p.kind, PhaseKind::Hold { .. }) && !p.cut && phase.kind != PhaseKind::Done
    };
    let chimed = prev.is_some_and(chimes);
    phase.start + if chimed { AFTER_CHIME } else { Duration::ZERO }
}

/// A pip at each of the last three seconds of a phase, those after its
/// opening cue.
fn countdown(phase: &Phase, opening: Duration, push: &mut impl FnMut(Duration, Cue)) {
    let end = phase.end();
    for s in (1..=3u64).rev() {
        let at = end.saturating_sub(Duration::from_secs(s));
        if at > opening && at >= phase.start {
            push(at, Cue::Pip);
        }
    }
}

/// A rolling phase's cues: the start, a tick each second (clear of the
/// other cues), and a turnaround at each stroke's end.
fn roll_cues(phase: &Phase, opening: Duration, push: &mut impl FnMut(Duration, Cue)) {
    push(
        opening,
        if phase.eased {
            Cue::EaseOff
        } else {
            Cue::Start
        },
    );
    let turns = turnarounds(phase);
    let end = phase.end();
    let clear = |at: Duration, other: Duration| at.abs_diff(other) >= TICK_CLEARANCE;
    let mut s = 1u64;
    loop {
        let at = phase.start + Duration::from_secs(s);
        if at + TICK_CLEARANCE > end {
            break;
        }
        if clear(at, opening) && turns.iter().all(|t| clear(at, *t)) {
            push(at, Cue::Tick);
        }
        s += 1;
    }
    for at in turns {
        push(at, Cue::Turnaround);
    }
}

/// Where the strokes of a rolling phase turn round, before its end.
fn turnarounds(phase: &Phase) -> Vec<Duration> {
    let mut turns = Vec::new();
    if phase.stroke.is_zero() {
        return turns;
    }
    let end = phase.end();
    let mut k = 1u32;
    loop {
        // Multiplying, not adding up, keeps long rolls exact.
        let at = phase.start + phase.stroke * k;
        if at >= end {
            break;
        }
        turns.push(at);
        k += 1;
    }
    turns
}
