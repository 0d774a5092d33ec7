//! Doses and layout: how a plan shares the minutes between the areas it
//! takes, what each step looks like for the moment, and the length of the
//! whole on the session's timeline.

use std::time::Duration;

use super::{
    Answers, GRAIN, LeftOut, MAX_DOSE, MIN_DOSE, Moment, Plan, Planned, TOLERANCE, Why, words,
};
use crate::catalog::Catalog;
use crate::model::{Area, Exercise, MoreOn, Routine, Settings, Side, Sides, Step, StepSides, Tool};
use crate::session::Timeline;

/// An area the plan may take, with its exercise and ratings.
#[derive(Debug, Clone)]
pub(super) struct Candidate<'a> {
    pub(super) area: Area,
    pub(super) exercise: &'a Exercise,
    pub(super) tool: Tool,
    /// (left, right); both the same for an area without sides.
    pub(super) ratings: (u8, u8),
    pub(super) light: Option<Area>,
}

impl Candidate<'_> {
    pub(super) fn two_sides(&self) -> bool {
        self.exercise.sides == Sides::OneAtATime
    }

    /// The ratings its doses follow: each side's, or the sorer for both
    /// at once.
    fn dose_ratings(&self) -> (u8, u8) {
        let (l, r) = self.ratings;
        if self.two_sides() {
            (l, r)
        } else {
            (l.max(r), l.max(r))
        }
    }

    /// The order sorest first: the sorer side, then both, then bottom-up.
    pub(super) fn soreness_key(&self) -> (std::cmp::Reverse<u8>, std::cmp::Reverse<u8>, Area) {
        let (l, r) = self.ratings;
        (
            std::cmp::Reverse(l.max(r)),
            std::cmp::Reverse(l.saturating_add(r)),
            self.area,
        )
    }
}

/// The full dose of a side rated `rating` at `moment`, in seconds.
pub(super) fn full_dose(rating: u8, moment: Moment) -> u32 {
    let per_point = match moment {
        // Before a workout a shorter, brisker dose: warm, not worked.
        Moment::Before => 6,
        Moment::After | Moment::RestDay => 12,
    };
    ((MIN_DOSE + per_point * u32::from(rating)) / GRAIN * GRAIN).min(MAX_DOSE)
}

/// The full doses of a candidate's sides.
pub(super) fn full_doses(c: &Candidate<'_>, moment: Moment) -> (u32, u32) {
    if c.light.is_some() {
        return (MIN_DOSE, MIN_DOSE);
    }
    let (l, r) = c.dose_ratings();
    (full_dose(l, moment), full_dose(r, moment))
}

/// Lays candidates out as a routine and measures it.
pub(super) struct Layout<'a> {
    pub(super) catalog: &'a Catalog,
    pub(super) settings: &'a Settings,
    pub(super) moment: Moment,
}

impl<'a> Layout<'a> {
    /// The routine of `taken` with `doses`, bottom-up.
    fn routine(&self, taken: &[Candidate<'_>], doses: &[(u32, u32)]) -> Routine {
        let mut order: Vec<usize> = (0..taken.len()).collect();
        order.sort_by_key(|&i| self.position(taken[i].exercise));
        let mut routine = Routine::new("Plan");
        routine.steps = order
            .into_iter()
            .map(|i| self.step(&taken[i], doses[i]))
            .collect();
        routine
    }

    /// Where an exercise is in the library: the bottom-up order.
    fn position(&self, exercise: &Exercise) -> usize {
        self.catalog
            .exercises()
            .iter()
            .position(|e| e.id == exercise.id)
            .unwrap_or(usize::MAX)
    }

    /// Its length on the session's timeline.
    pub(super) fn total(&self, taken: &[Candidate<'_>], doses: &[(u32, u32)]) -> Duration {
        Timeline::build(&self.routine(taken, doses), self.catalog, self.settings)
            .map(|t| t.total())
            .unwrap_or(Duration::MAX)
    }

    /// The step of a candidate with its sides' work (roll and holds).
    fn step(&self, c: &Candidate<'_>, (left, right): (u32, u32)) -> Step {
        let base = left.min(right);
        let (holds, hold_seconds) = if c.light.is_some() || !c.exercise.holds_suit {
            (0, 20)
        } else {
            match self.moment {
                Moment::Before => (0, 20),
                Moment::After => (u32::from(base >= 80) + u32::from(base >= 120), 20),
                Moment::RestDay => (u32::from(base >= 90) + u32::from(base >= 150), 30),
            }
        };
        let two = c.two_sides();
        let more_on = (two && left != right).then(|| MoreOn {
            side: if left > right {
                Side::Left
            } else {
                Side::Right
            },
            roll_seconds: left.abs_diff(right),
        });
        Step {
            exercise: c.exercise.id.clone(),
            sides: StepSides::for_exercise(c.exercise.sides, self.settings.first_side),
            roll_seconds: base - holds * hold_seconds,
            holds,
            hold_seconds: (holds > 0).then_some(hold_seconds),
            rest_seconds: None,
            // Before a workout: brisk strokes, the quicker passes of the
            // trials.
            pace_cm_per_s: (self.moment == Moment::Before && c.light.is_none()).then_some(4.0),
            stroke_cm: None,
            more_on,
        }
    }

    /// The doses of `taken` within `target`: each side from a minute up
    /// toward its full dose, all by the same share of the way, so a sorer
    /// side never gets less than a less sore one.
    pub(super) fn share(&self, taken: &[Candidate<'_>], target: Duration) -> Vec<(u32, u32)> {
        let least: Vec<(u32, u32)> = taken.iter().map(|_| (MIN_DOSE, MIN_DOSE)).collect();
        let full: Vec<(u32, u32)> = taken.iter().map(|c| full_doses(c, self.moment)).collect();
        let work = |d: &[(u32, u32)]| -> u64 {
            taken
                .iter()
                .zip(d)
                .map(|(c, (l, r))| u64::from(*l) + if c.two_sides() { u64::from(*r) } else { 0 })
                .sum()
        };
        let overhead = self.total(taken, &least).as_secs() - work(&least);
        let budget = target.as_secs().saturating_sub(overhead);
        if work(&full) <= budget + TOLERANCE.as_secs() {
            return full;
        }
        let at = |f: f64| -> Vec<(u32, u32)> {
            full.iter()
                .map(|&(l, r)| {
                    let side = |full: u32| {
                        let d = f64::from(MIN_DOSE) + f * f64::from(full - MIN_DOSE);
                        (d as u32 / GRAIN * GRAIN).max(MIN_DOSE)
                    };
                    (side(l), side(r))
                })
                .collect()
        };
        let (mut lo, mut hi) = (0.0_f64, 1.0_f64);
        for _ in 0..40 {
            let mid = (lo + hi) / 2.0;
            if work(&at(mid)) <= budget {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        let mut doses = at(lo);
        // Top up by the grain, sorest side first, while the budget lasts.
        let mut sides: Vec<(usize, bool, u8)> = Vec::new();
        for (i, c) in taken.iter().enumerate() {
            let (l, r) = c.dose_ratings();
            sides.push((i, false, l));
            if c.two_sides() {
                sides.push((i, true, r));
            }
        }
        sides.sort_by_key(|&(i, right, rating)| (std::cmp::Reverse(rating), i, right));
        let mut used = work(&doses);
        loop {
            let mut more = false;
            for &(i, right, _) in &sides {
                let (dose, cap) = if right {
                    (&mut doses[i].1, full[i].1)
                } else {
                    (&mut doses[i].0, full[i].0)
                };
                if *dose + GRAIN <= cap && used + u64::from(GRAIN) <= budget {
                    *dose += GRAIN;
                    used += u64::from(GRAIN);
                    more = true;
                }
            }
            if !more {
                break;
            }
        }
        // A side worked with the other at once has one dose.
        for (c, d) in taken.iter().zip(doses.iter_mut()) {
            if !c.two_sides() {
                d.1 = d.0;
            }
        }
        doses
    }

    /// The plan of the candidates taken, with its words.
    pub(super) fn finish(
        &self,
        taken: Vec<Candidate<'_>>,
        doses: Vec<(u32, u32)>,
        left_out: Vec<(Area, LeftOut)>,
        answers: &Answers,
    ) -> Plan {
        let mut routine = self.routine(&taken, &doses);
        let total = Timeline::build(&routine, self.catalog, self.settings)
            .map(|t| t.total())
            .unwrap_or_default();
        let mut order: Vec<usize> = (0..taken.len()).collect();
        order.sort_by_key(|&i| self.position(taken[i].exercise));
        let planned: Vec<Planned> = order
            .iter()
            .zip(&routine.steps)
            .map(|(&i, step)| {
                let c = &taken[i];
                let why = match c.light {
                    Some(next) => Why::NextTo(next),
                    None => Why::Sore {
                        left: c.ratings.0,
                        right: c.ratings.1,
                    },
                };
                let mut planned = Planned {
                    area: c.area,
                    exercise: c.exercise.id.clone(),
                    why,
                    tool: c.tool,
                    dose: doses[i],
                    reason: String::new(),
                };
                planned.reason = words::reason(&planned, c.exercise, step, self.moment);
                planned
            })
            .collect();
        let target = Duration::from_secs(u64::from(answers.minutes) * 60);
        let ends_early = total + TOLERANCE < target;
        let left_out: Vec<(Area, LeftOut, String)> = left_out
            .into_iter()
            .map(|(a, w)| (a, w, words::left_out(a, w, self.catalog)))
            .collect();
        let summary = words::summary(total, answers, ends_early, &left_out);
        routine.name = words::routine_name(&planned, answers);
        routine.description = summary.clone();
        Plan {
            routine,
            planned,
            left_out,
            total,
            minutes: answers.minutes,
            ends_early,
            summary,
        }
    }
}
