//! The figures of the Progress screen, worked out from the history once
//! per change of it, of the day or of the area picked.

use chrono::NaiveDate;

use super::short_day;
use crate::history::{self, History, WEEKS_SHOWN};
use crate::model::Area;

/// The figures of the screen, worked out once per change of the history,
/// the day or the area picked (a long history would cost milliseconds a
/// frame otherwise).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Derived {
    pub(super) key: (u64, usize, NaiveDate, Option<Area>),
    pub(super) week: usize,
    pub(super) month: usize,
    pub(super) streak: usize,
    pub(super) weeks: Vec<history::WeekMinutes>,
    pub(super) areas: Vec<Area>,
    pub(super) hints: Vec<String>,
    pub(super) soreness: Option<Soreness>,
}

/// The soreness plot of one area.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Soreness {
    pub(super) area: Area,
    /// The day at x = 0.
    pub(super) start: NaiveDate,
    pub(super) before: Vec<[f64; 2]>,
    pub(super) after: Vec<[f64; 2]>,
    /// Weekly means, for a history too long to show each check-in.
    pub(super) weekly: bool,
    pub(super) check_ins: usize,
    /// The last few check-ins in words.
    pub(super) latest: String,
}

/// Past this many check-ins the plot shows weekly means.
pub(super) const MOST_POINTS: usize = 120;

impl Derived {
    pub(super) fn of(history: &History, today: NaiveDate, picked: Option<Area>) -> Derived {
        let areas = history.areas_rated();
        let area = picked
            .filter(|a| areas.contains(a))
            .or_else(|| history.most_rated_area());
        Derived {
            key: (history.revision(), history.sessions.len(), today, picked),
            week: history.days_this_week(today),
            month: history.days_this_month(today),
            streak: history.streak(today),
            weeks: history.weekly_minutes(today, WEEKS_SHOWN),
            hints: history::hints(history, today),
            soreness: area.and_then(|a| Soreness::of(history, a)),
            areas,
        }
    }
}

impl Soreness {
    fn of(history: &History, area: Area) -> Option<Soreness> {
        let points = history.soreness(area);
        let start = points.first()?.day;
        let weekly = points.len() > MOST_POINTS;
        let x = |day: NaiveDate| (day - start).num_days() as f64;
        let series = |pick: fn(&history::SorenessPoint) -> Option<f32>| -> Vec<[f64; 2]> {
            let each: Vec<(NaiveDate, f64)> = points
                .iter()
                .filter_map(|p| pick(p).map(|v| (p.day, f64::from(v))))
                .collect();
            if !weekly {
                return each.iter().map(|&(d, v)| [x(d), v]).collect();
            }
            let mut out: Vec<(NaiveDate, f64, f64)> = Vec::new();
            for (day, v) in each {
                let monday = history::monday_of(day);
                match out.last_mut() {
                    Some(last) if last.0 == monday => {
                        last.1 += v;
                        last.2 += 1.0;
                    }
                    _ => out.push((monday, v, 1.0)),
                }
            }
            out.iter().map(|&(d, sum, n)| [x(d), sum / n]).collect()
        };
        let rated = |v: Option<f32>| v.map_or("not rated".to_owned(), |v| format!("{v}"));
        let latest: Vec<String> = points
            .iter()
            .rev()
            .take(3)
            .map(|p| {
                format!(
                    "{}: {} before, {} after",
                    short_day(p.day),
                    rated(p.before),
                    rated(p.after)
                )
            })
            .collect();
        Some(Soreness {
            area,
            start,
            before: series(|p| p.before),
            after: series(|p| p.after),
            weekly,
            check_ins: points.len(),
            latest: latest.join("; "),
        })
    }
}
