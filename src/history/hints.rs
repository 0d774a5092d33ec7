//! Hints from the history, in plain words and never medical: what a coach
//! would say looking at the same numbers.

use chrono::{Days, NaiveDate};

use super::History;
use crate::model::Area;
use crate::model::history::SessionRecord;

/// How far back "lately" looks for "too intense".
const LATELY_DAYS: u64 = 28;
/// Sessions with "too intense" on an area, lately, that make it "often".
const OFTEN: usize = 3;
/// How far back "stayed sore" looks, and over how many days at least the
/// check-ins must reach.
const SORE_LOOKS_BACK: u64 = 42;
const SORE_FOR_DAYS: i64 = 21;
/// A rating from which an area counts as sore, and how many check-ins say so.
const SORE_FROM: f32 = 6.0;
const SORE_CHECK_INS: usize = 3;

/// The hints for `today`, each a sentence or two.
pub fn hints(history: &History, today: NaiveDate) -> Vec<String> {
    let mut out = Vec::new();
    for area in Area::ALL {
        if let Some(hint) = too_intense_often(history, area, today) {
            out.push(hint);
        }
        if let Some(hint) = stays_sore(history, area, today) {
            out.push(hint);
        }
    }
    out
}

fn since(today: NaiveDate, days: u64) -> NaiveDate {
    today.checked_sub_days(Days::new(days)).unwrap_or(today)
}

fn too_intense_often(history: &History, area: Area, today: NaiveDate) -> Option<String> {
    let from = since(today, LATELY_DAYS);
    let sessions = history
        .records()
        .filter(|r| r.day() >= from && r.day() <= today)
        .filter(|r| {
            r.exercises
                .iter()
                .any(|e| e.area == Some(area) && e.too_intense > 0)
        })
        .count();
    (sessions >= OFTEN).then(|| {
        format!(
            "{} often too intense lately ({sessions} sessions in four weeks). A softer \
             tool, such as the foam roller instead of a ball, or less of your weight on the \
             tool may suit {} better.",
            area.with_verb("was", "were"),
            area.pronoun()
        )
    })
}

fn stays_sore(history: &History, area: Area, today: NaiveDate) -> Option<String> {
    let from = since(today, SORE_LOOKS_BACK);
    let rated: Vec<(NaiveDate, f32)> = history
        .records()
        .filter(|r| r.day() >= from && r.day() <= today)
        .filter_map(|r| SessionRecord::area_rating(&r.before, area).map(|v| (r.day(), v)))
        .collect();
    let (first, last) = (rated.first()?.0, rated.last()?.0);
    let sore = rated.len() >= SORE_CHECK_INS
        && (last - first).num_days() >= SORE_FOR_DAYS
        && rated.iter().all(|(_, v)| *v >= SORE_FROM);
    sore.then(|| {
        format!(
            "{} stayed sore for weeks: rated {} or more at every check-in since {}. If \
             that does not ease, it is worth asking a physiotherapist or a doctor about it.",
            area.with_verb("has", "have"),
            SORE_FROM,
            first.format("%-d %B")
        )
    })
}
