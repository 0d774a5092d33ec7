use std::path::PathBuf;

use chrono::NaiveDate;

use super::*;
use crate::model::Side;
use crate::model::history::{ExerciseRecord, Felt, HISTORY_VERSION, Moment, Rating};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A session at noon UTC of `date` (an hour east), of `seconds` on the
/// calves, with the calves rated `before` and `after`.
fn session(date: NaiveDate, seconds: u32, before: Option<u8>, after: Option<u8>) -> StoredSession {
    let noon = date.and_hms_opt(12, 0, 0).unwrap().and_utc();
    let rate = |value: Option<u8>| {
        value
            .map(|value| Rating {
                area: Area::Calves,
                side: None,
                value,
            })
            .into_iter()
            .collect()
    };
    StoredSession {
        path: PathBuf::from(format!("history/{date}.ron")),
        record: SessionRecord {
            version: HISTORY_VERSION,
            started: Moment {
                utc: noon,
                offset_minutes: 60,
            },
            seconds: seconds + 60,
            routine: "Feet and calves".into(),
            stopped_early: false,
            exercises: vec![ExerciseRecord {
                exercise: "calves".into(),
                name: "Calves".into(),
                area: Some(Area::Calves),
                side: Some(Side::Left),
                seconds,
                holds: 2,
                done: seconds > 0,
                ..ExerciseRecord::default()
            }],
            before: rate(before),
            after: rate(after),
            felt: Some(Felt::Right),
        },
    }
}

fn history(sessions: Vec<StoredSession>) -> History {
    let mut history = History::default();
    for s in sessions {
        history.insert(s);
    }
    history
}

#[test]
fn a_streak_counts_days_in_a_row_and_survives_until_the_day_is_over() {
    let h = history(vec![
        session(day(2026, 11, 28), 300, None, None),
        session(day(2026, 11, 30), 300, None, None),
        session(day(2026, 12, 1), 300, None, None),
        session(day(2026, 12, 1), 200, None, None),
        session(day(2026, 12, 2), 300, None, None),
    ]);
    assert_eq!(h.streak(day(2026, 12, 2)), 3);
    // Not rolled yet today: yesterday's streak still stands.
    assert_eq!(h.streak(day(2026, 12, 3)), 3);
    assert_eq!(h.streak(day(2026, 12, 4)), 0);
    // Week of Monday 30 November; month of December.
    assert_eq!(h.days_this_week(day(2026, 12, 2)), 3);
    assert_eq!(h.days_this_month(day(2026, 12, 2)), 2);
}

#[test]
fn a_session_in_which_nothing_ran_is_no_day_rolled() {
    let h = history(vec![session(day(2026, 12, 2), 0, Some(5), None)]);
    assert_eq!(h.streak(day(2026, 12, 2)), 0);
    assert_eq!(h.days_this_week(day(2026, 12, 2)), 0);
    // Its check-in still counts.
    assert_eq!(h.soreness(Area::Calves).len(), 1);
}

#[test]
fn minutes_go_to_the_week_of_their_local_day() {
    let h = history(vec![
        session(day(2026, 11, 29), 600, None, None), // a Sunday
        session(day(2026, 11, 30), 300, None, None), // the Monday after
        session(day(2026, 12, 3), 120, None, None),
        session(day(2026, 6, 1), 900, None, None), // long before
    ]);
    let weeks = h.weekly_minutes(day(2026, 12, 3), WEEKS_SHOWN);
    assert_eq!(weeks.len(), WEEKS_SHOWN);
    let last = weeks[WEEKS_SHOWN - 1];
    assert_eq!(last.monday, day(2026, 11, 30));
    assert_eq!(last.minutes, 7.0);
    assert_eq!(weeks[WEEKS_SHOWN - 2].minutes, 10.0);
    assert_eq!(weeks.iter().map(|w| w.minutes).sum::<f64>(), 17.0);
}

#[test]
fn the_local_day_decides_and_not_the_utc_one() {
    let mut late = session(day(2026, 12, 1), 300, None, None);
    late.record.started.utc = "2026-12-01T23:30:00Z".parse().unwrap();
    late.record.started.offset_minutes = 120;
    let h = history(vec![late]);
    assert_eq!(h.days_rolled(), vec![day(2026, 12, 2)]);
}

#[test]
fn soreness_comes_before_and_after_per_session_in_order() {
    let h = history(vec![
        session(day(2026, 12, 2), 300, Some(6), Some(4)),
        session(day(2026, 12, 1), 300, Some(7), Some(5)),
        session(day(2026, 12, 3), 300, None, None),
    ]);
    let points = h.soreness(Area::Calves);
    assert_eq!(
        points,
        vec![
            SorenessPoint {
                day: day(2026, 12, 1),
                before: Some(7.0),
                after: Some(5.0)
            },
            SorenessPoint {
                day: day(2026, 12, 2),
                before: Some(6.0),
                after: Some(4.0)
            },
        ]
    );
    assert_eq!(h.areas_rated(), vec![Area::Calves]);
    assert!(h.soreness(Area::Quads).is_empty());
    let last = h.last_ratings(&[Area::Calves, Area::Quads]);
    assert_eq!(last.iter().map(|r| r.value).collect::<Vec<_>>(), [4]);
    // An area rated only long ago still starts where it was.
    let mut older = session(day(2026, 11, 20), 300, None, None);
    older.record.before = vec![Rating {
        area: Area::Quads,
        side: Some(Side::Left),
        value: 5,
    }];
    let mut h = h;
    h.insert(older);
    let last = h.last_ratings(&[Area::Calves, Area::Quads]);
    assert_eq!(
        last.iter().map(|r| (r.area, r.value)).collect::<Vec<_>>(),
        [(Area::Calves, 4), (Area::Quads, 5)]
    );
}

#[test]
fn removing_and_putting_back_keeps_the_order() {
    let mut h = history(vec![
        session(day(2026, 12, 1), 300, None, None),
        session(day(2026, 12, 2), 300, None, None),
        session(day(2026, 12, 3), 300, None, None),
    ]);
    let taken = h.remove(&PathBuf::from("history/2026-12-02.ron")).unwrap();
    assert_eq!(h.sessions.len(), 2);
    h.insert(taken);
    let days: Vec<NaiveDate> = h.records().map(|r| r.day()).collect();
    assert_eq!(
        days,
        vec![day(2026, 12, 1), day(2026, 12, 2), day(2026, 12, 3)]
    );
}

#[test]
fn the_csv_has_a_row_per_exercise_and_side_with_the_check_in_beside_it() {
    let mut two_sides = session(day(2026, 12, 2), 300, Some(7), Some(4));
    let mut right = two_sides.record.exercises[0].clone();
    right.side = Some(Side::Right);
    right.too_intense = 1;
    two_sides.record.exercises.push(right);
    two_sides.record.routine = "Mine, \"the long one\"".into();
    let h = history(vec![session(day(2026, 12, 1), 300, None, None), two_sides]);
    let csv = to_csv(&h);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], CSV_HEADER);
    assert_eq!(lines.len(), 4);
    assert_eq!(
        lines[1],
        "2026-12-01,13:00,2026-12-01T12:00:00Z,Feet and calves,false,calves,Calves,calves,left,300,2,0,0,true,,,right"
    );
    assert_eq!(
        lines[3],
        "2026-12-02,13:00,2026-12-02T12:00:00Z,\"Mine, \"\"the long one\"\"\",false,calves,Calves,calves,right,300,2,0,1,true,7,4,right"
    );
    let columns = CSV_HEADER.split(',').count();
    assert!(
        lines
            .iter()
            .skip(1)
            .take(1)
            .all(|l| l.split(',').count() == columns)
    );
}

#[test]
fn hints_speak_of_too_intense_often_and_of_soreness_that_stays() {
    let today = day(2026, 12, 3);
    let mut sessions = Vec::new();
    for (i, date) in [
        day(2026, 11, 5),
        day(2026, 11, 15),
        day(2026, 11, 26),
        day(2026, 12, 3),
    ]
    .into_iter()
    .enumerate()
    {
        let mut s = session(date, 300, Some(7), Some(6));
        if i > 0 {
            s.record.exercises[0].too_intense = 1;
        }
        sessions.push(s);
    }
    let said = hints(&history(sessions.clone()), today);
    assert_eq!(said.len(), 2, "{said:?}");
    assert!(
        said[0].starts_with("Calves were often too intense"),
        "{said:?}"
    );
    assert!(
        said[1].starts_with("Calves have stayed sore for weeks"),
        "{said:?}"
    );
    assert!(said[1].contains("since 5 November"), "{said:?}");
    // Rated 3 once: not sore all along. Two weeks only: not weeks.
    sessions[1].record.before[0].value = 3;
    assert_eq!(hints(&history(sessions.clone()), today).len(), 1);
    let recent = history(sessions[2..].to_vec());
    assert!(hints(&recent, today).is_empty());
}
