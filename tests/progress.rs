//! The history as a person meets it: check in before and after a routine,
//! find the session in Progress with its numbers, delete it and bring it
//! back; a broken history file is told and kept as it is; the history
//! exports to CSV.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use eframe::egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};
use rollcoach::model::Area;
use rollcoach::ui::{RollcoachApp, Screen};

type Harness = egui_kittest::Harness<'static, RollcoachApp>;

fn screen(h: &Harness) -> Screen {
    h.state().state().screen.clone()
}

fn press(h: &mut Harness, key: Key) {
    h.key_press(key);
    h.run();
}

/// Moves the check-in's selection to the area `area` with Tab.
fn tab_to(h: &mut Harness, area: Area) {
    for _ in 0..8 {
        let check_in = h.state().state().check_in.as_ref().unwrap();
        if check_in.rows[check_in.selected.0].area == area {
            return;
        }
        press(h, Key::Tab);
    }
    panic!("Tab never reached {area:?}");
}

/// Every history file under the data folder `dir`.
fn history_files(dir: &Path) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&dir.join("history"), &mut out);
    out.sort();
    out
}

#[test]
fn a_routine_with_check_ins_shows_up_in_progress_and_can_be_deleted_and_brought_back() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "check_in: true");
    let (mut h, time) = common::start_with_clock(dir.path());

    // Before: the areas of "Feet and calves", the soles selected first.
    h.get_by_label("Routines").click();
    h.run();
    h.get_by_label("Start Feet and calves").click_accesskit();
    h.run();
    assert_eq!(screen(&h), Screen::CheckIn);
    h.get_by_label("How do they feel now?");
    h.get_by_role_and_label(eframe::egui::accesskit::Role::Slider, "Soles of the feet");
    press(&mut h, Key::Num7);
    tab_to(&mut h, Area::Calves);
    press(&mut h, Key::Num5);
    h.key_press_modifiers(Modifiers::NONE, Key::Plus);
    h.run();
    press(&mut h, Key::Enter);
    assert_eq!(screen(&h), Screen::Player);

    // The whole routine, then the check-in after it, from the ratings before.
    time.advance(Duration::from_secs(900));
    h.run();
    assert_eq!(screen(&h), Screen::CheckIn);
    h.get_by_label("And now?");
    let rows = &h.state().state().check_in.as_ref().unwrap().rows;
    assert_eq!((rows[0].both, rows[1].both), (7, 6));
    press(&mut h, Key::Num3);
    tab_to(&mut h, Area::Calves);
    press(&mut h, Key::Num2);
    h.get_by_label("About right").click();
    h.run();
    press(&mut h, Key::Enter);
    assert_eq!(screen(&h), Screen::Summary);
    h.get_by_label("Soles of the feet: 7 before, 3 after (4 less sore)");
    h.get_by_label("Calves: 6 before, 2 after (4 less sore)");

    // One file, with both check-ins and how it felt.
    let files = history_files(dir.path());
    assert_eq!(files.len(), 1, "{files:?}");
    let record = rollcoach::store::read_session(&files[0]).unwrap();
    assert_eq!(record.routine, "Feet and calves");
    assert!(!record.stopped_early);
    assert_eq!(record.before.len(), 2);
    assert_eq!(
        record.after.iter().map(|r| r.value).collect::<Vec<_>>(),
        [3, 2]
    );
    assert_eq!(record.felt, Some(rollcoach::model::history::Felt::Right));
    let sides: Vec<_> = record
        .exercises
        .iter()
        .map(|e| (e.exercise.as_str(), e.side))
        .collect();
    assert_eq!(sides.len(), 4, "two exercises, two sides each: {sides:?}");
    assert!(
        record
            .exercises
            .iter()
            .all(|e| e.done && e.seconds > 30 && e.holds >= 1)
    );

    // Progress: the day, the session, the numbers of the plot.
    press(&mut h, Key::Enter);
    h.key_press_modifiers(Modifiers::COMMAND, Key::P);
    h.run();
    assert_eq!(screen(&h), Screen::Progress);
    h.get_by_label("Your progress");
    h.get_by_label("day in a row");
    let plot = |h: &Harness, area: &str, numbers: &str| {
        let all: Vec<String> = h
            .root()
            .children_recursive()
            .filter(|n| n.accesskit_node().role() == eframe::egui::accesskit::Role::Image)
            .filter_map(|n| n.accesskit_node().label())
            .collect();
        assert!(
            all.iter().any(
                |l| l.starts_with(&format!("{area} over time, 1 check-in. Latest:"))
                    && l.contains(numbers)
            ),
            "{all:?}"
        );
    };
    plot(&h, "Soles of the feet", "7 before, 3 after");
    h.get_by_label("Area").click();
    h.run();
    h.get_by_label("Calves").click();
    h.run();
    plot(&h, "Calves", "6 before, 2 after");
    h.get_by_label_contains("Minutes each week,");

    // Deleted after asking, then brought back.
    h.get_by_label_contains("Feet and calves  ·")
        .click_accesskit();
    h.run();
    h.get_by_label_contains("Calves, left side:");
    h.get_by_label("Delete this session...").click_accesskit();
    h.run();
    h.get_by_label("Delete this session?");
    h.get_by_label("Keep it").click();
    h.run();
    assert_eq!(history_files(dir.path()).len(), 1, "kept when asked to");
    h.get_by_label("Delete this session...").click_accesskit();
    h.run();
    h.get_by_label("Delete").click();
    h.run();
    assert!(history_files(dir.path()).is_empty());
    h.get_by_label_contains("No sessions yet.");
    h.get_by_label("Undo").click();
    h.run();
    assert_eq!(history_files(dir.path()), files);
    h.get_by_label_contains("The session is back.");
    drop(h);

    // It is still there after a restart.
    let mut h = common::start(dir.path());
    h.key_press_modifiers(Modifiers::COMMAND, Key::P);
    h.run();
    h.get_by_label_contains("Feet and calves  ·");
}

#[test]
fn deleting_the_whole_history_asks_twice() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    for day in 1..=3 {
        common::write_session(
            dir.path(),
            &format!("2026-11-0{day}T08:00:00Z"),
            300,
            Some(5),
            Some(3),
        );
    }
    let mut h = common::start(dir.path());
    h.key_press_modifiers(Modifiers::COMMAND, Key::P);
    h.run();
    h.get_by_label("Sessions (3)");
    h.get_by_label("Delete the whole history...")
        .click_accesskit();
    h.run();
    h.get_by_label("Delete your whole history?");
    h.get_by_label("Delete everything...").click();
    h.run();
    h.get_by_label("Are you sure?");
    assert_eq!(
        history_files(dir.path()).len(),
        3,
        "nothing gone before the second yes"
    );
    h.get_by_label("Yes, delete everything").click();
    h.run();
    assert!(history_files(dir.path()).is_empty());
    h.get_by_label_contains("Deleted all 3 sessions.");
    h.get_by_label("Undo").click();
    h.run();
    assert_eq!(history_files(dir.path()).len(), 3);
    h.get_by_label("Sessions (3)");
}

#[test]
fn a_broken_history_file_is_told_kept_byte_for_byte_and_the_rest_shows() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    common::write_session(dir.path(), "2026-11-02T08:00:00Z", 300, Some(5), Some(3));
    let folder = dir.path().join("history/2026/11");
    let broken = folder.join("2026-11-03T08-00-00Z.ron");
    let text = "(version: 1, started: (utc: \"2026-11-03T08:00:00Z\", offset_minutes: 60),\n  seconds: oops)\n";
    std::fs::write(&broken, text).unwrap();

    let (mut h, time) = common::start_with_clock(dir.path());
    h.key_press_modifiers(Modifiers::COMMAND, Key::P);
    h.run();
    h.get_by_label_contains("2026-11-03T08-00-00Z.ron: line 2, column");
    h.get_by_label("Sessions (1)");

    // A new session is saved beside it, and never touches it.
    h.get_by_label("Routines").click();
    h.run();
    h.get_by_label("Start Feet and calves").click_accesskit();
    h.run();
    time.advance(Duration::from_secs(900));
    h.run();
    assert_eq!(screen(&h), Screen::Summary);
    assert_eq!(std::fs::read_to_string(&broken).unwrap(), text);
    assert_eq!(history_files(dir.path()).len(), 3);
}

#[test]
fn the_history_exports_to_csv_a_row_per_exercise_and_side() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    common::write_session(dir.path(), "2026-11-02T08:00:00Z", 300, Some(5), Some(3));
    common::write_session(dir.path(), "2026-11-04T08:00:00Z", 240, Some(4), Some(2));
    let elsewhere = tempfile::tempdir().unwrap();
    let csv = elsewhere.path().join("history.csv");

    let mut h = common::start(dir.path());
    h.key_press_modifiers(Modifiers::COMMAND, Key::P);
    h.run();
    h.get_by_label("Export to CSV...").click_accesskit();
    h.run();
    h.get_by_label("Export your history");
    let field = rollcoach::ui::path_prompt::FIELD_LABEL;
    h.get_by_label(field).click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label(field).type_text(&csv.display().to_string());
    h.key_press(Key::Enter);
    h.run();
    let text = std::fs::read_to_string(&csv).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], rollcoach::history::CSV_HEADER);
    assert_eq!(lines.len(), 3);
    assert!(lines[1].starts_with("2026-11-02,09:00,"), "{}", lines[1]);
    assert!(
        lines[2].ends_with(",calves,left,240,2,0,0,true,4,2,"),
        "{}",
        lines[2]
    );
    h.get_by_label_contains("Exported to");
}

#[test]
fn a_session_that_cannot_be_kept_is_told_and_the_routine_still_ends_in_its_summary() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "check_in: true");
    // A file where the history folder should be.
    std::fs::write(dir.path().join("history"), "not a folder").unwrap();
    let (mut h, time) = common::start_with_clock(dir.path());
    h.get_by_label("Routines").click();
    h.run();
    h.get_by_label("Start Feet and calves").click_accesskit();
    h.run();
    press(&mut h, Key::Num4);
    press(&mut h, Key::Enter);
    time.advance(Duration::from_secs(900));
    h.run();
    // No check-in after a session that was not kept: straight to the summary.
    assert_eq!(screen(&h), Screen::Summary);
    h.get_by_label_contains("This session could not be kept in your history:");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("history")).unwrap(),
        "not a folder"
    );
}
