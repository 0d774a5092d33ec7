#![allow(clippy::unwrap_used)] // test code: a panic is a failed test

use std::time::Duration;

use proptest::prelude::*;

use super::*;
use crate::model::body_map::Spot;
use crate::model::{Side, Sides};
use crate::session::Timeline;

fn catalog() -> Catalog {
    Catalog::builtin().unwrap()
}

fn spot(area: Area, side: Option<Side>) -> Spot {
    Spot { area, side }
}

fn answers(ratings: &str, minutes: u32, moment: Moment) -> Answers {
    Answers {
        ratings: Answers::parse_ratings(ratings).unwrap(),
        ..Answers::new(minutes, moment, &Tool::ALL)
    }
}

#[test]
fn two_sore_areas_after_a_run_make_a_dosed_bottom_up_plan() {
    let catalog = catalog();
    let settings = Settings::default();
    let plan = plan(
        &answers("calves=7,lower-back=5", 10, Moment::After),
        &catalog,
        &settings,
    )
    .unwrap();
    let ids: Vec<&str> = plan
        .routine
        .steps
        .iter()
        .map(|s| s.exercise.as_str())
        .collect();
    let calves = plan
        .planned
        .iter()
        .find(|p| p.area == Area::Calves)
        .unwrap();
    assert_eq!(calves.dose, (140, 140));
    assert!(
        calves.reason.starts_with("Calves, 4:40: you rated them 7."),
        "{}",
        calves.reason
    );
    let back = plan
        .planned
        .iter()
        .find(|p| p.area == Area::LowerBack)
        .unwrap();
    assert!(back.reason.contains("No holds here"), "{}", back.reason);
    // The spare time goes to light passes next to the sore areas.
    assert!(
        plan.planned.iter().any(|p| matches!(p.why, Why::NextTo(_))),
        "{}",
        plan.text()
    );
    assert!(plan.total <= Duration::from_secs(630), "{}", plan.text());
    assert!(catalog.routine_problems(&plan.routine).is_empty());
    // Calves come before the lower back: bottom-up.
    let at = |id: &str| ids.iter().position(|i| *i == id).unwrap();
    assert!(at("calves") < at("lower-back"));
}

#[test]
fn the_sorer_side_rolls_longer() {
    let catalog = catalog();
    let plan = plan(
        &answers("calves=5,left-calf=8", 20, Moment::After),
        &catalog,
        &Settings::default(),
    )
    .unwrap();
    let step = plan
        .routine
        .steps
        .iter()
        .find(|s| s.exercise == "calves")
        .unwrap();
    let more = step.more_on.unwrap();
    assert_eq!(more.side, Side::Left);
    assert_eq!(
        step.roll_seconds_on(Some(Side::Left)),
        step.roll_seconds + more.roll_seconds
    );
    let calves = plan
        .planned
        .iter()
        .find(|p| p.area == Area::Calves)
        .unwrap();
    assert!(calves.dose.0 > calves.dose.1);
    assert!(
        calves
            .reason
            .contains("the left 8 and the right 5, so the left side rolls"),
        "{}",
        calves.reason
    );
}

#[test]
fn too_little_time_takes_the_sorest_and_says_what_it_left_out() {
    let catalog = catalog();
    let many = "soles=2,calves=9,hamstrings=3,quads=4,glutes=8,upper-back=6,forearms=1";
    let plan = plan(
        &answers(many, 5, Moment::After),
        &catalog,
        &Settings::default(),
    )
    .unwrap();
    let areas: Vec<Area> = plan.planned.iter().map(|p| p.area).collect();
    assert!(
        areas.contains(&Area::Calves) && areas.contains(&Area::Glutes),
        "{areas:?}"
    );
    assert!(!areas.contains(&Area::Forearms));
    assert!(plan.left_out.iter().any(|(a, w, line)| *a == Area::Forearms
        && *w == LeftOut::NoTime
        && line.contains("no time left")));
    for p in &plan.planned {
        assert!(p.dose.0 >= MIN_DOSE && p.dose.1 >= MIN_DOSE, "{p:?}");
    }
    assert!(plan.total <= Duration::from_secs(5 * 60 + 30));
}

#[test]
fn an_injured_area_is_never_planned_and_a_professional_is_suggested() {
    let catalog = catalog();
    let mut a = answers("calves=7,hamstrings=6", 15, Moment::RestDay);
    a.injured.insert(Area::Hamstrings);
    let plan = plan(&a, &catalog, &Settings::default()).unwrap();
    assert!(plan.planned.iter().all(|p| p.area != Area::Hamstrings));
    let (_, why, line) = plan
        .left_out
        .iter()
        .find(|(a, ..)| *a == Area::Hamstrings)
        .unwrap();
    assert_eq!(*why, LeftOut::Injured);
    assert!(line.contains("physiotherapist"), "{line}");
}

#[test]
fn only_owned_tools_are_used() {
    let catalog = catalog();
    let mut a = answers("lower-back=6,calves=4", 10, Moment::After);
    a.tools = vec![Tool::FoamRoller];
    let plan = plan(&a, &catalog, &Settings::default()).unwrap();
    // The lower back needs balls.
    assert!(
        plan.left_out
            .iter()
            .any(|(a, w, _)| *a == Area::LowerBack && *w == LeftOut::NoTool)
    );
    assert!(plan.planned.iter().all(|p| p.tool == Tool::FoamRoller));
    a.tools = vec![Tool::TennisBall];
    let plan = super::plan(&a, &catalog, &Settings::default()).unwrap();
    let back = plan
        .planned
        .iter()
        .find(|p| p.area == Area::LowerBack)
        .unwrap();
    assert!(
        back.reason.contains("With your tennis ball"),
        "{}",
        back.reason
    );
}

#[test]
fn nothing_sore_and_bad_minutes_are_told() {
    let catalog = catalog();
    let settings = Settings::default();
    assert_eq!(
        plan(&answers("", 10, Moment::After), &catalog, &settings),
        Err(PlanError::NothingSore)
    );
    assert_eq!(
        plan(&answers("calves=3", 61, Moment::After), &catalog, &settings),
        Err(PlanError::Minutes(61))
    );
    let mut a = answers("calves=3", 10, Moment::After);
    a.injured.insert(Area::Calves);
    assert!(matches!(
        plan(&a, &catalog, &settings),
        Err(PlanError::AllLeftOut(_))
    ));
}

#[test]
fn before_a_workout_is_brisk_and_a_rest_day_holds_longer() {
    let catalog = catalog();
    let settings = Settings::default();
    let before = plan(&answers("quads=8", 10, Moment::Before), &catalog, &settings).unwrap();
    let quads = before
        .routine
        .steps
        .iter()
        .find(|s| s.exercise == "quads")
        .unwrap();
    assert_eq!(quads.holds, 0);
    assert_eq!(quads.pace_cm_per_s, Some(4.0));
    let rest = plan(
        &answers("quads=8", 10, Moment::RestDay),
        &catalog,
        &settings,
    )
    .unwrap();
    let quads = rest
        .routine
        .steps
        .iter()
        .find(|s| s.exercise == "quads")
        .unwrap();
    assert_eq!(quads.hold_seconds, Some(30));
    assert!(quads.holds >= 1);
}

#[test]
fn ratings_read_as_the_command_line_writes_them() {
    let r =
        Answers::parse_ratings("calves=7, left-calf=8,lower-back=5,right-side-of-back=2").unwrap();
    assert_eq!(r[&spot(Area::Calves, Some(Side::Left))], 8);
    assert_eq!(r[&spot(Area::Calves, Some(Side::Right))], 7);
    assert_eq!(r[&spot(Area::LowerBack, Some(Side::Left))], 5);
    assert_eq!(r[&spot(Area::SidesOfBack, Some(Side::Right))], 2);
    // One side wins wherever it is written.
    let r = Answers::parse_ratings("left-calves=2,calves=9").unwrap();
    assert_eq!(r[&spot(Area::Calves, Some(Side::Left))], 2);
    assert_eq!(
        Answers::parse_ratings("upper-back=4").unwrap()[&spot(Area::UpperBack, None)],
        4
    );
    let unknown = Answers::parse_ratings("calfs=7").unwrap_err();
    assert!(
        unknown.contains("'calfs' is not an area") && unknown.contains("lower-back"),
        "{unknown}"
    );
    assert!(
        Answers::parse_ratings("calves=11")
            .unwrap_err()
            .contains("0 to 10")
    );
    assert!(
        Answers::parse_ratings("calves")
            .unwrap_err()
            .contains("name=number")
    );
    assert!(Answers::parse_ratings("left-upper-back=3").is_err());
}

/// Random answers: up to six rated spots, some injured areas, any minutes,
/// moment and tools.
fn any_answers() -> impl Strategy<Value = Answers> {
    let spots = Spot::all();
    let n = spots.len();
    (
        prop::collection::vec((0..n, 1u8..=10), 0..7),
        prop::collection::vec(0..Area::ALL.len(), 0..3),
        5u32..=60,
        0..3usize,
        prop::collection::vec(any::<bool>(), Tool::ALL.len()),
    )
        .prop_map(move |(rated, injured, minutes, moment, owned)| {
            let tools: Vec<Tool> = Tool::ALL
                .iter()
                .zip(&owned)
                .filter(|(_, o)| **o)
                .map(|(t, _)| *t)
                .collect();
            let mut a = Answers::new(minutes, Moment::ALL[moment], &tools);
            for (i, value) in rated {
                a.rate(spots[i], value);
            }
            a.injured = injured.into_iter().map(|i| Area::ALL[i]).collect();
            a
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn every_plan_is_sound(a in any_answers()) {
        let catalog = catalog();
        let settings = Settings::default();
        let Ok(plan) = plan(&a, &catalog, &settings) else { return Ok(()) };
        let target = Duration::from_secs(u64::from(a.minutes) * 60);
        // A routine like any other, of the same length on the timeline.
        prop_assert!(catalog.routine_problems(&plan.routine).is_empty());
        let timeline = Timeline::build(&plan.routine, &catalog, &settings).unwrap();
        prop_assert_eq!(timeline.total(), plan.total);
        prop_assert!(plan.total <= target + TOLERANCE, "{}", plan.text());
        let all_full = plan.planned.iter().all(|p| match p.why {
            Why::Sore { .. } => {
                let e = catalog.get(&p.exercise).unwrap();
                let (l, r) = if e.sides == Sides::OneAtATime {
                    a.sides_of(p.area)
                } else {
                    let (l, r) = a.sides_of(p.area);
                    (l.max(r), l.max(r))
                };
                p.dose == (full_dose(l, a.moment), full_dose(r, a.moment))
            }
            Why::NextTo(_) => true,
        });
        prop_assert!(plan.total + TOLERANCE >= target || all_full, "{}", plan.text());
        prop_assert_eq!(plan.ends_early, plan.total + TOLERANCE < target);
        // Bottom-up, each exercise once.
        let at = |id: &str| catalog.exercises().iter().position(|e| e.id == id).unwrap();
        for pair in plan.routine.steps.windows(2) {
            prop_assert!(at(&pair[0].exercise) < at(&pair[1].exercise));
        }
        let mut spots: Vec<(u8, u32)> = Vec::new();
        for (p, step) in plan.planned.iter().zip(&plan.routine.steps) {
            let e = catalog.get(&p.exercise).unwrap();
            prop_assert!(!a.injured.contains(&p.area));
            prop_assert!(a.tools.contains(&p.tool) && e.tools.contains(&p.tool));
            prop_assert_eq!(e.area, p.area);
            // A real dose on each side.
            let hold = step.hold_seconds.unwrap_or(0) * step.holds;
            for side in [Some(Side::Left), Some(Side::Right)] {
                prop_assert!(step.roll_seconds_on(side) + hold >= MIN_DOSE);
            }
            // Never a hold where holds do not suit, nor before a workout.
            if !e.holds_suit || a.moment == Moment::Before {
                prop_assert_eq!(step.holds, 0);
            }
            if let Why::Sore { left, right } = p.why {
                if e.sides == Sides::OneAtATime {
                    spots.push((left, p.dose.0));
                    spots.push((right, p.dose.1));
                } else {
                    spots.push((left.max(right), p.dose.0));
                }
            }
        }
        // A sorer side never gets less time than a less sore one.
        for &(ra, da) in &spots {
            for &(rb, db) in &spots {
                prop_assert!(!(ra > rb && da < db), "{ra}:{da} < {rb}:{db}\n{}", plan.text());
            }
        }
        // The same answers, the same plan.
        prop_assert_eq!(super::plan(&a, &catalog, &settings).unwrap(), plan);
    }
}
