//! One session as the history keeps it: when, which routine, what was done
//! of each exercise and side, and how sore the areas felt before and after.
//!
//! Each session is one file (see `store::history_files`), so that a broken
//! file never stands in the way of the others.

use chrono::{DateTime, Duration as Span, FixedOffset, NaiveDate, Offset as _, Utc};
use serde::{Deserialize, Serialize};

use super::area::{Area, Side};

/// The format version of a history file. Version 1 is the first.
pub const HISTORY_VERSION: u32 = 1;

/// The highest soreness rating: 0 is none, 10 the worst.
pub const MOST_SORE: u8 = 10;

/// A moment, as UTC with the offset of the person's clock then, so that the
/// calendar shows the day they lived it wherever they are later.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Moment {
    /// When, in UTC (written as an RFC 3339 date and time).
    pub utc: DateTime<Utc>,
    /// Minutes the local clock was ahead of UTC (negative when behind).
    pub offset_minutes: i32,
}

impl Moment {
    /// Now, by the computer's clock and time zone.
    pub fn now() -> Moment {
        let local = chrono::Local::now();
        Moment {
            utc: local.with_timezone(&Utc),
            offset_minutes: local.offset().local_minus_utc() / 60,
        }
    }

    /// The moment as its local clock showed it.
    pub fn local(&self) -> DateTime<FixedOffset> {
        // Within a day either way, as every offset is (a hand-edited file
        // may say anything).
        let offset = FixedOffset::east_opt(self.offset_minutes.clamp(-1439, 1439) * 60)
            .unwrap_or_else(|| Utc.fix());
        self.utc.with_timezone(&offset)
    }

    /// The local calendar day.
    pub fn day(&self) -> NaiveDate {
        self.local().date_naive()
    }

    /// This moment plus `seconds`.
    pub fn plus_seconds(&self, seconds: i64) -> Moment {
        Moment {
            utc: self.utc + Span::seconds(seconds),
            offset_minutes: self.offset_minutes,
        }
    }
}

/// How a routine felt, said after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Felt {
    TooGentle,
    Right,
    TooHard,
}

impl Felt {
    pub const ALL: [Felt; 3] = [Felt::TooGentle, Felt::Right, Felt::TooHard];

    /// How the person says it.
    pub fn label(self) -> &'static str {
        match self {
            Felt::TooGentle => "Too gentle",
            Felt::Right => "About right",
            Felt::TooHard => "Too hard",
        }
    }

    /// Short machine-friendly name, for the CSV.
    pub fn slug(self) -> &'static str {
        match self {
            Felt::TooGentle => "too-gentle",
            Felt::Right => "right",
            Felt::TooHard => "too-hard",
        }
    }
}

/// How tight or sore an area felt, 0 to [`MOST_SORE`]: for both sides at
/// once (`side` is `None`) or for one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Rating {
    pub area: Area,
    #[serde(default)]
    pub side: Option<Side>,
    pub value: u8,
}

/// What was done of one exercise on one side (or both together).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExerciseRecord {
    /// The card's id.
    pub exercise: String,
    /// Its name as the routine showed it.
    pub name: String,
    /// The area it works.
    pub area: Option<Area>,
    /// The side, or `None` for both together.
    pub side: Option<Side>,
    /// Seconds spent rolling and holding.
    pub seconds: u32,
    /// Holds that ran over half their time.
    pub holds: u32,
    /// Times a hold was made longer.
    pub extensions: u32,
    /// Times "too intense" was pressed.
    pub too_intense: u32,
    /// Whether more than half of its rolling and holding ran.
    pub done: bool,
}

/// One session, finished or stopped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionRecord {
    /// Format version of the file.
    pub version: u32,
    /// When the routine started.
    pub started: Moment,
    /// Seconds from start to end, pauses included.
    pub seconds: u32,
    /// The routine's name.
    pub routine: String,
    /// Whether it was stopped before its end.
    #[serde(default)]
    pub stopped_early: bool,
    /// Each exercise and side, in the order played.
    #[serde(default)]
    pub exercises: Vec<ExerciseRecord>,
    /// The check-in before, if there was one.
    #[serde(default)]
    pub before: Vec<Rating>,
    /// The check-in after, if there was one.
    #[serde(default)]
    pub after: Vec<Rating>,
    /// How it felt, if said.
    #[serde(default)]
    pub felt: Option<Felt>,
}

impl SessionRecord {
    /// Seconds spent rolling and holding, over every exercise.
    pub fn worked_seconds(&self) -> u32 {
        self.exercises.iter().map(|e| e.seconds).sum()
    }

    /// Whether anything was done at all: a session in which nothing ran
    /// is kept but is no day rolled.
    pub fn counts_as_rolled(&self) -> bool {
        self.worked_seconds() > 0
    }

    /// The local day it started on.
    pub fn day(&self) -> NaiveDate {
        self.started.day()
    }

    /// The rating of `area` on `side` in `ratings`: the side's own, or the
    /// one for both sides.
    pub fn rating_in(ratings: &[Rating], area: Area, side: Option<Side>) -> Option<u8> {
        let own = ratings
            .iter()
            .find(|r| r.area == area && r.side == side)
            .map(|r| r.value);
        let both = || {
            ratings
                .iter()
                .find(|r| r.area == area && r.side.is_none())
                .map(|r| r.value)
        };
        own.or_else(both)
    }

    /// The area's rating over both sides in `ratings`: the one for both, or
    /// the mean of the sides' (rounded to a tenth).
    pub fn area_rating(ratings: &[Rating], area: Area) -> Option<f32> {
        let values: Vec<f32> = ratings
            .iter()
            .filter(|r| r.area == area)
            .map(|r| f32::from(r.value))
            .collect();
        if let Some(both) = ratings.iter().find(|r| r.area == area && r.side.is_none()) {
            return Some(f32::from(both.value));
        }
        if values.is_empty() {
            return None;
        }
        let mean = values.iter().sum::<f32>() / values.len() as f32;
        Some((mean * 10.0).round() / 10.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, offset_minutes: i32) -> Moment {
        Moment {
            utc: text.parse().unwrap(),
            offset_minutes,
        }
    }

    #[test]
    fn the_day_is_the_local_one() {
        // 23:30 UTC is already the next day two hours east.
        let late = at("2026-12-03T23:30:00Z", 120);
        assert_eq!(late.day(), NaiveDate::from_ymd_opt(2026, 12, 4).unwrap());
        let west = at("2026-12-04T03:00:00Z", -300);
        assert_eq!(west.day(), NaiveDate::from_ymd_opt(2026, 12, 3).unwrap());
        // A wild offset in a hand-edited file still gives a day.
        let _ = at("2026-12-04T03:00:00Z", 99_999).day();
    }

    #[test]
    fn a_side_without_its_own_rating_takes_the_one_for_both() {
        let ratings = [
            Rating {
                area: Area::Calves,
                side: None,
                value: 6,
            },
            Rating {
                area: Area::Quads,
                side: Some(Side::Left),
                value: 3,
            },
            Rating {
                area: Area::Quads,
                side: Some(Side::Right),
                value: 6,
            },
        ];
        let rating = SessionRecord::rating_in;
        assert_eq!(rating(&ratings, Area::Calves, Some(Side::Left)), Some(6));
        assert_eq!(rating(&ratings, Area::Quads, Some(Side::Right)), Some(6));
        assert_eq!(rating(&ratings, Area::Quads, None), None);
        assert_eq!(rating(&ratings, Area::Chest, None), None);
        assert_eq!(SessionRecord::area_rating(&ratings, Area::Quads), Some(4.5));
    }
}
