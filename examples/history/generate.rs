//! Real-looking session history, the same every time: the built-in
//! routines on most days, soreness that eases over the weeks, now and then
//! a "too intense". Used by `examples/demo_history.rs` (for the README's
//! screenshot) and by the frame benchmark (ten years of it).

#![allow(clippy::expect_used)] // a generator of sample data: a panic says what failed

use chrono::{Days, NaiveDate};
use rollcoach::catalog::Catalog;
use rollcoach::model::history::{
    ExerciseRecord, Felt, HISTORY_VERSION, Moment, Rating, SessionRecord,
};
use rollcoach::model::{Area, Side, StepSides};
use rollcoach::store::{DataDir, HistoryFiles};

/// A small generator of numbers, so that the history is the same each time.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    /// 0 to `n - 1`.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// How sore an area is at the start of the history.
fn first_soreness(area: Area) -> f32 {
    match area {
        Area::Calves => 7.0,
        Area::LowerBack | Area::UpperBack => 6.5,
        Area::Hamstrings | Area::Glutes => 6.0,
        _ => 5.0,
    }
}

/// The sessions of the `days` days up to `today`, in the data folder `dir`:
/// one on each day when `every_day`, else on about five days in seven and
/// on each of the last four (a streak going on).
/// Returns how many were written.
pub fn write_history(dir: &std::path::Path, days: u64, today: NaiveDate, every_day: bool) -> usize {
    let catalog = Catalog::builtin().expect("the built-in catalog loads");
    let files = HistoryFiles::new(&DataDir::at(dir));
    let mut dice = Dice(7);
    let mut written = 0;
    for back in (0..days).rev() {
        let Some(day) = today.checked_sub_days(Days::new(back)) else {
            continue;
        };
        let skipped = dice.below(7) >= 5;
        if !every_day && back >= 4 && skipped {
            continue;
        }
        let routine = match dice.below(10) {
            0..=4 => "Feet and calves",
            5..=7 => "After a run",
            _ => "Desk worker",
        };
        let routine = catalog.routine(routine).expect("a built-in routine");
        // Soreness eases over the first weeks, then stays low with ups and downs.
        let eased = (1.0 - back as f32 / days as f32).min(1.0);
        let hour = 7 + dice.below(12) as u32;
        let start = day
            .and_hms_opt(hour, dice.below(60) as u32, 0)
            .expect("a time of day")
            .and_utc();
        let mut exercises = Vec::new();
        for step in &routine.steps {
            let exercise = catalog.get(&step.exercise).expect("a known exercise");
            let sides: &[Option<Side>] = match step.sides {
                StepSides::Together => &[None],
                _ => &[Some(Side::Left), Some(Side::Right)],
            };
            for &side in sides {
                let (roll, holds) = (step.roll_seconds, step.holds);
                exercises.push(ExerciseRecord {
                    exercise: exercise.id.clone(),
                    name: exercise.name.clone(),
                    area: Some(exercise.area),
                    side,
                    seconds: roll + holds * 20 + dice.below(8) as u32,
                    holds,
                    extensions: u32::from(dice.below(6) == 0),
                    too_intense: u32::from(dice.below(12) == 0),
                    done: true,
                });
            }
        }
        let areas = rollcoach::history::check_in_areas(routine, &catalog);
        let mut before = Vec::new();
        let mut after = Vec::new();
        for area in areas {
            let noise = dice.below(3) as f32 - 1.0;
            let value = (first_soreness(area) - 3.5 * eased + noise).clamp(0.0, 10.0);
            let eased_by = 1.0 + dice.below(3) as f32;
            before.push(Rating {
                area,
                side: None,
                value: value.round() as u8,
            });
            after.push(Rating {
                area,
                side: None,
                value: (value - eased_by).clamp(0.0, 10.0).round() as u8,
            });
        }
        let record = SessionRecord {
            version: HISTORY_VERSION,
            started: Moment {
                utc: start,
                offset_minutes: 60,
            },
            seconds: exercises.iter().map(|e| e.seconds).sum::<u32>() + 90,
            routine: routine.name.clone(),
            stopped_early: false,
            exercises,
            before,
            after,
            felt: Some(if dice.below(8) == 0 {
                Felt::TooHard
            } else {
                Felt::Right
            }),
        };
        files.save_new(&record).expect("the session is written");
        written += 1;
    }
    written
}
