//! The memory of every session: what the Progress screen, the summary and
//! the export make of the history files. Pure code: the days come from the
//! records' own local dates and the `today` a caller passes.

mod csv;
mod hints;
mod record;
#[cfg(test)]
mod tests;

use chrono::{Datelike, Days, NaiveDate};

pub use csv::{CSV_HEADER, to_csv};
pub use hints::hints;
pub use record::{check_in_areas, record_of};

use crate::model::Area;
use crate::model::history::SessionRecord;
use crate::store::{FileProblem, LoadedHistory, StoredSession};

/// How many weeks the minutes chart shows.
pub const WEEKS_SHOWN: usize = 12;

/// The sessions kept, oldest first, and the files that could not be read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    /// Read them here; change them through the methods, which count the
    /// changes (see [`History::revision`]).
    pub sessions: Vec<StoredSession>,
    pub problems: Vec<FileProblem>,
    revision: u64,
}

impl From<LoadedHistory> for History {
    fn from(loaded: LoadedHistory) -> History {
        History {
            sessions: loaded.sessions,
            problems: loaded.problems,
            revision: 0,
        }
    }
}

/// One session's soreness of an area: before and after, over both sides.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SorenessPoint {
    pub day: NaiveDate,
    pub before: Option<f32>,
    pub after: Option<f32>,
}

/// The minutes of one week, Monday to Sunday.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WeekMinutes {
    /// Its Monday.
    pub monday: NaiveDate,
    pub minutes: f64,
}

impl History {
    /// The records, oldest first.
    pub fn records(&self) -> impl DoubleEndedIterator<Item = &SessionRecord> + '_ {
        self.sessions.iter().map(|s| &s.record)
    }

    /// A number that changes whenever the sessions do, for what is worked
    /// out from them to know when to work it out again.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The session of the file `path`, to change.
    pub fn session_mut(&mut self, path: &std::path::Path) -> Option<&mut StoredSession> {
        self.revision += 1;
        self.sessions.iter_mut().find(|s| s.path == path)
    }

    /// Takes out every session.
    pub fn take_all(&mut self) -> Vec<StoredSession> {
        self.revision += 1;
        std::mem::take(&mut self.sessions)
    }

    /// Adds a session in its place by time.
    pub fn insert(&mut self, stored: StoredSession) {
        self.revision += 1;
        let at = self.sessions.partition_point(|s| {
            (s.record.started, &s.path) <= (stored.record.started, &stored.path)
        });
        self.sessions.insert(at, stored);
    }

    /// Takes out the session of the file `path`, if it is here.
    pub fn remove(&mut self, path: &std::path::Path) -> Option<StoredSession> {
        let i = self.sessions.iter().position(|s| s.path == path)?;
        self.revision += 1;
        Some(self.sessions.remove(i))
    }

    /// The days on which something was rolled, each once, in order.
    pub fn days_rolled(&self) -> Vec<NaiveDate> {
        let mut days: Vec<NaiveDate> = self
            .records()
            .filter(|r| r.counts_as_rolled())
            .map(SessionRecord::day)
            .collect();
        days.sort_unstable();
        days.dedup();
        days
    }

    /// Days rolled from `from` to `to`, both included.
    pub fn days_rolled_between(&self, from: NaiveDate, to: NaiveDate) -> usize {
        self.days_rolled()
            .iter()
            .filter(|d| **d >= from && **d <= to)
            .count()
    }

    /// Days rolled in the week (from Monday) of `today`.
    pub fn days_this_week(&self, today: NaiveDate) -> usize {
        self.days_rolled_between(monday_of(today), today)
    }

    /// Days rolled in the month of `today`.
    pub fn days_this_month(&self, today: NaiveDate) -> usize {
        let first = today.with_day(1).unwrap_or(today);
        self.days_rolled_between(first, today)
    }

    /// Days in a row rolled up to `today`; a streak that reached
    /// yesterday still stands today until the day is over.
    pub fn streak(&self, today: NaiveDate) -> usize {
        let days = self.days_rolled();
        let mut day = if days.binary_search(&today).is_ok() {
            today
        } else {
            match today.checked_sub_days(Days::new(1)) {
                Some(yesterday) => yesterday,
                None => return 0,
            }
        };
        let mut count = 0;
        while days.binary_search(&day).is_ok() {
            count += 1;
            match day.checked_sub_days(Days::new(1)) {
                Some(before) => day = before,
                None => break,
            }
        }
        count
    }

    /// Minutes rolling and holding in each of the last `weeks` weeks, the
    /// week of `today` last.
    pub fn weekly_minutes(&self, today: NaiveDate, weeks: usize) -> Vec<WeekMinutes> {
        let this_monday = monday_of(today);
        let mut out: Vec<WeekMinutes> = (0..weeks)
            .rev()
            .filter_map(|back| {
                let monday = this_monday.checked_sub_days(Days::new(7 * back as u64))?;
                Some(WeekMinutes {
                    monday,
                    minutes: 0.0,
                })
            })
            .collect();
        let Some(first) = out.first().map(|w| w.monday) else {
            return out;
        };
        for record in self.records() {
            let day = record.day();
            if day < first || day > today {
                continue;
            }
            let week = (day - first).num_days() as usize / 7;
            if let Some(w) = out.get_mut(week) {
                w.minutes += f64::from(record.worked_seconds()) / 60.0;
            }
        }
        out
    }

    /// Every area rated in a check-in, from the feet up.
    pub fn areas_rated(&self) -> Vec<Area> {
        let mut areas: Vec<Area> = self
            .records()
            .flat_map(|r| r.before.iter().chain(&r.after).map(|x| x.area))
            .collect();
        areas.sort_unstable();
        areas.dedup();
        areas
    }

    /// The area rated in the most sessions (the lowest of the body among
    /// equals): the one the Progress screen shows first.
    pub fn most_rated_area(&self) -> Option<Area> {
        let mut counts = std::collections::BTreeMap::new();
        for record in self.records() {
            let mut areas: Vec<Area> = record.before.iter().map(|r| r.area).collect();
            areas.dedup();
            for area in areas {
                *counts.entry(area).or_insert(0usize) += 1;
            }
        }
        let most = counts.values().copied().max()?;
        counts.into_iter().find(|(_, n)| *n == most).map(|(a, _)| a)
    }

    /// The soreness of `area` before and after each session that rated
    /// it, oldest first.
    pub fn soreness(&self, area: Area) -> Vec<SorenessPoint> {
        self.records()
            .filter_map(|r| {
                let before = SessionRecord::area_rating(&r.before, area);
                let after = SessionRecord::area_rating(&r.after, area);
                (before.is_some() || after.is_some()).then(|| SorenessPoint {
                    day: r.day(),
                    before,
                    after,
                })
            })
            .collect()
    }

    /// The last ratings of each of `areas`, to start a check-in from: for
    /// each, the latest session that rated it, its after if it has one,
    /// else its before (with their sides).
    pub fn last_ratings(&self, areas: &[Area]) -> Vec<crate::model::history::Rating> {
        let mut out = Vec::new();
        for &area in areas {
            let latest = self.records().rev().find_map(|r| {
                [&r.after, &r.before].into_iter().find_map(|ratings| {
                    let of: Vec<_> = ratings.iter().filter(|x| x.area == area).copied().collect();
                    (!of.is_empty()).then_some(of)
                })
            });
            out.extend(latest.unwrap_or_default());
        }
        out
    }
}

/// The Monday of the week of `day`.
pub fn monday_of(day: NaiveDate) -> NaiveDate {
    let back = u64::from(day.weekday().num_days_from_monday());
    day.checked_sub_days(Days::new(back)).unwrap_or(day)
}
