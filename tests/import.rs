//! Routine files from elsewhere: dropped on the window (imports are
//! untrusted: checked, size-limited, never over an existing routine), and
//! files changed outside the app picked up when the window regains focus.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui_kittest::kittest::Queryable;
use rollcoach::ui::Screen;

type Harness = egui_kittest::Harness<'static, rollcoach::ui::RollcoachApp>;

#[derive(Debug)]
struct Dropped(PathBuf);

impl eframe::egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn drop_file(harness: &mut Harness, path: &Path) {
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(Dropped(path.to_path_buf())));
    harness.run();
}

fn names(harness: &Harness) -> Vec<String> {
    harness
        .state()
        .state()
        .editor
        .routines
        .iter()
        .map(|f| f.routine.name.clone())
        .collect()
}

#[test]
fn a_dropped_routine_is_imported_beside_one_of_the_same_name() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let mine = "(name: \"Legs\", steps: [(exercise: \"quads\", roll_seconds: 30)])";
    let routines = common::write_routine(dir.path(), "legs.ron", mine);
    let elsewhere = tempfile::tempdir().unwrap();
    let shared = elsewhere.path().join("from-a-friend.ron");
    let text = "(name: \"Legs\", steps: [(exercise: \"calves\", roll_seconds: 40, holds: 1)])";
    std::fs::write(&shared, text).unwrap();

    let mut harness = common::start(dir.path());
    drop_file(&mut harness, &shared);
    assert_eq!(&harness.state().state().screen, &Screen::Editor);
    harness.get_by_label_contains("Imported \"Legs (imported)\"");
    assert_eq!(names(&harness), ["Legs", "Legs (imported)"]);
    assert_eq!(
        std::fs::read_to_string(routines.join("legs.ron")).unwrap(),
        mine
    );
    assert_eq!(std::fs::read_to_string(&shared).unwrap(), text);
}

#[test]
fn imports_naming_unknown_exercises_or_too_large_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let elsewhere = tempfile::tempdir().unwrap();
    let unknown = elsewhere.path().join("odd.ron");
    std::fs::write(
        &unknown,
        "(name: \"Odd\", steps: [(exercise: \"earlobes\", roll_seconds: 30), (exercise: \"calves\", roll_seconds: 30), (exercise: \"nose\", roll_seconds: 30)])",
    )
    .unwrap();
    let huge = elsewhere.path().join("huge.ron");
    std::fs::write(&huge, vec![b' '; 3 * 1024 * 1024]).unwrap();

    let mut harness = common::start(dir.path());
    drop_file(&mut harness, &unknown);
    harness.get_by_label_contains("names exercises Rollcoach doesn't have: earlobes, nose");
    drop_file(&mut harness, &huge);
    harness.get_by_label_contains("too large");
    assert!(names(&harness).is_empty());
    assert!(
        !dir.path().join("routines").exists()
            || std::fs::read_dir(dir.path().join("routines"))
                .unwrap()
                .next()
                .is_none()
    );
}

#[test]
fn files_changed_outside_are_picked_up_on_focus_and_unsaved_edits_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let mut harness = common::start(dir.path());
    harness.get_by_label("My routines").click();
    harness.run();
    harness.get_by_label("New routine").click();
    harness.run();
    let draft = harness.state().state().editor.draft().unwrap().clone();

    // Another program writes a routine while the window is in the background.
    harness.input_mut().focused = false;
    harness.run();
    common::write_routine(
        dir.path(),
        "synced.ron",
        "(name: \"Synced\", steps: [(exercise: \"traps\", roll_seconds: 30)])",
    );
    harness.input_mut().focused = true;
    harness.run();
    assert_eq!(names(&harness), ["Synced"]);
    assert_eq!(
        harness.state().state().editor.draft(),
        Some(&draft),
        "unsaved edits kept"
    );
}

#[test]
fn with_no_file_chooser_the_path_is_typed_to_import_and_export() {
    use eframe::egui::Key;
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let elsewhere = tempfile::tempdir().unwrap();
    let shared = elsewhere.path().join("calves.ron");
    let text = "(name: \"Calves\", steps: [(exercise: \"calves\", roll_seconds: 40)])";
    std::fs::write(&shared, text).unwrap();

    let mut harness = common::start(dir.path());
    harness.get_by_label("My routines").click();
    harness.run();
    harness.get_by_label("Import a routine file...").click();
    harness.run();
    harness.get_by_label_contains("drop routine files on the window");
    let field = rollcoach::ui::path_prompt::FIELD_LABEL;
    assert!(harness.get_by_label(field).is_focused(), "ready to type");

    // A path that is not there is told, and the question stays.
    harness.get_by_label(field).type_text("/no/such/file.ron");
    harness.key_press(Key::Enter);
    harness.run();
    harness.get_by_label_contains("There is no file at /no/such/file.ron");

    // Pasted with quotes, as a file manager copies it: imported.
    harness.get_by_label(field).click();
    harness.run();
    harness.key_press_modifiers(eframe::egui::Modifiers::COMMAND, Key::A);
    harness
        .get_by_label(field)
        .type_text(&format!("'{}'", shared.display()));
    harness.key_press(Key::Enter);
    harness.run();
    assert!(
        harness.query_by_label(field).is_none(),
        "the question closes"
    );
    assert_eq!(names(&harness), ["Calves"]);
    harness.get_by_label_contains("Imported \"Calves\"");

    // Export asks for a path too, and never writes over a file.
    harness.get_by_label("Export...").click();
    harness.run();
    harness.get_by_label(field).click();
    harness.run();
    harness.key_press_modifiers(eframe::egui::Modifiers::COMMAND, Key::A);
    harness
        .get_by_label(field)
        .type_text(&shared.display().to_string());
    harness.key_press(Key::Enter);
    harness.run();
    harness.get_by_label_contains("Something is already at");
    let copy = elsewhere.path().join("copy.ron");
    harness.key_press_modifiers(eframe::egui::Modifiers::COMMAND, Key::A);
    harness
        .get_by_label(field)
        .type_text(&copy.display().to_string());
    harness.key_press(Key::Enter);
    harness.run();
    assert!(copy.exists(), "exported");
    assert_eq!(std::fs::read_to_string(&shared).unwrap(), text, "untouched");

    // Esc cancels.
    harness.get_by_label("Import a routine file...").click();
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.query_by_label(field).is_none());
}
