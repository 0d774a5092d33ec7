//! Every way a disk refuses a save, tried through a fake disk (and the real
//! one where a real file can be put in the way): the problem names the
//! right path in plain words and says what to do, nothing on disk is lost
//! or left half-written, and once the fault is gone the same store saves.

use std::collections::BTreeMap;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};

use super::fake_disk::{FakeDisk, Step};
use super::*;
use crate::catalog::Catalog;
use crate::model::{Step as RoutineStep, StepSides};

static CATALOG: LazyLock<Catalog> = LazyLock::new(|| Catalog::builtin().unwrap());

fn known(id: &str) -> bool {
    CATALOG.get(id).is_some()
}

fn routine(name: &str) -> Routine {
    Routine {
        steps: vec![RoutineStep {
            exercise: "calves".into(),
            sides: StepSides::Together,
            roll_seconds: 30,
            holds: 1,
            hold_seconds: Some(20),
            rest_seconds: Some(10),
            pace_cm_per_s: None,
            stroke_cm: None,
            more_on: None,
        }],
        ..Routine::new(name)
    }
}

/// A folder for a test, named without ".tmp" (which the words are checked
/// not to have).
fn tempdir() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("rollcoach-faults-")
        .tempdir()
        .unwrap()
}

/// Every folder (`None`) and file (its bytes) under `root`.
fn tree(root: &Path) -> BTreeMap<PathBuf, Option<Vec<u8>>> {
    let mut found = BTreeMap::new();
    let mut todo = vec![root.to_path_buf()];
    while let Some(dir) = todo.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                found.insert(path.clone(), None);
                todo.push(path);
            } else {
                found.insert(path.clone(), Some(std::fs::read(&path).unwrap()));
            }
        }
    }
    found
}

/// Words no one at the computer should have to read.
fn assert_plain(message: &str) {
    for engineer in [
        "os error",
        "errno",
        ".rollcoach-",
        ".tmp",
        "Os {",
        "kind:",
        "x1y2",
    ] {
        assert!(!message.contains(engineer), "{engineer:?} in {message:?}");
    }
}

/// Every problem says what to do about it.
fn assert_says_what_to_do(message: &str) {
    let advice = [
        "Free some space",
        "Choose another folder",
        "choose another folder",
        "choose another name",
        "Move that file away",
        "Close that program",
        "then try again",
    ];
    assert!(
        advice.iter().any(|a| message.contains(a)),
        "no advice in {message:?}"
    );
}

/// How the folders are laid out before the save.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    /// A data folder with settings and a routine, and a shared folder with
    /// a routine to import and one exported before.
    Usual,
    /// The data folder is a file; so is the folder an export goes to.
    DataIsAFile,
    /// The data folder, and the folder an export goes to, lie inside a file.
    InsideAFile,
    /// The routines folder is a file.
    RoutinesIsAFile,
}

/// The folders of a test, laid out, and the files in them.
struct Place {
    tmp: tempfile::TempDir,
    data: DataDir,
    /// A routine file of the data folder (written unless the folder cannot be).
    existing: RoutineFile,
    /// A routine file to import.
    source: PathBuf,
    /// Where an export goes (a file is there already in the usual layout).
    export: PathBuf,
    /// The file in the way, in the layouts that have one.
    in_the_way: Option<PathBuf>,
}

impl Place {
    fn new(layout: Layout) -> Place {
        let tmp = tempdir();
        let shared = tmp.path().join("shared");
        let source = shared.join("back.ron");
        export_routine(&source, &routine("Back")).unwrap();
        let (root, export, in_the_way) = match layout {
            Layout::Usual | Layout::RoutinesIsAFile => {
                let export = shared.join("out").join("legs.ron");
                (tmp.path().join("data"), export, None)
            }
            Layout::DataIsAFile => {
                let root = tmp.path().join("data");
                std::fs::write(&root, "I am a file").unwrap();
                let notes = shared.join("notes.txt");
                std::fs::write(&notes, "mine").unwrap();
                (root.clone(), notes.join("legs.ron"), Some(root))
            }
            Layout::InsideAFile => {
                let file = tmp.path().join("a-file");
                std::fs::write(&file, "").unwrap();
                let other = shared.join("b-file");
                std::fs::write(&other, "").unwrap();
                (
                    file.join("rollcoach"),
                    other.join("out").join("legs.ron"),
                    Some(file),
                )
            }
        };
        let data = DataDir::at(&root);
        let files = RoutineFiles::new(&data);
        let mut existing = RoutineFile {
            path: files.dir().join("legs.ron"),
            routine: routine("Legs"),
        };
        let mut in_the_way = in_the_way;
        if matches!(layout, Layout::Usual | Layout::RoutinesIsAFile) {
            let (store, _) = SettingsStore::load(&data);
            store
                .save(&Settings {
                    safety_acknowledged: true,
                    ..Settings::default()
                })
                .unwrap();
            export_routine(&export, &routine("Legs")).unwrap();
        }
        if layout == Layout::Usual {
            existing = files.save_new(&routine("Legs")).unwrap();
        }
        if layout == Layout::RoutinesIsAFile {
            std::fs::write(files.dir(), "I am a file").unwrap();
            in_the_way = Some(files.dir().to_path_buf());
        }
        Place {
            tmp,
            data,
            existing,
            source,
            export,
            in_the_way,
        }
    }

    fn tree(&self) -> BTreeMap<PathBuf, Option<Vec<u8>>> {
        tree(self.tmp.path())
    }
}

/// Each thing the store writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    SaveSettings,
    SaveRoutine,
    SaveNew,
    Import,
    Export,
}

const OPS: [Op; 5] = [
    Op::SaveSettings,
    Op::SaveRoutine,
    Op::SaveNew,
    Op::Import,
    Op::Export,
];

/// The stores of a data folder, writing on one disk.
struct Writers {
    disk: Arc<dyn Disk>,
    settings: SettingsStore,
    files: RoutineFiles,
}

impl Writers {
    fn on(place: &Place, disk: Arc<dyn Disk>) -> Writers {
        let (settings, loaded) = SettingsStore::load(&place.data);
        assert!(!settings.is_protected(), "{:?}", loaded.problem);
        Writers {
            settings: settings.with_disk(disk.clone()),
            files: RoutineFiles::new(&place.data).with_disk(disk.clone()),
            disk,
        }
    }

    /// Does `op`, and says which file it wrote.
    fn attempt(&self, op: Op, place: &Place) -> Result<PathBuf, FileProblem> {
        match op {
            Op::SaveSettings => self
                .settings
                .save(&changed_settings())
                .map(|()| place.data.settings_file()),
            Op::SaveRoutine => {
                let file = RoutineFile {
                    path: place.existing.path.clone(),
                    routine: routine("Legs, longer"),
                };
                self.files.save(&file).map(|()| file.path)
            }
            Op::SaveNew => self.files.save_new(&routine("Neck")).map(|f| f.path),
            Op::Import => match self.files.import(&place.source, known) {
                Ok(file) => Ok(file.path),
                Err(ImportRefusal::NotSaved(problem)) => Err(problem),
                Err(other) => panic!("refused before saving: {other}"),
            },
            Op::Export => {
                export_routine_on(self.disk.as_ref(), &place.export, &routine("Legs, longer"))
                    .map(|()| place.export.clone())
            }
        }
    }
}

fn changed_settings() -> Settings {
    Settings {
        safety_acknowledged: true,
        volume: 0.25,
        ..Settings::default()
    }
}

/// The file `op` writes in the usual layout.
fn target(op: Op, place: &Place) -> PathBuf {
    let routines = place.data.root().join("routines");
    match op {
        Op::SaveSettings => place.data.settings_file(),
        Op::SaveRoutine => place.existing.path.clone(),
        Op::SaveNew => routines.join("neck.ron"),
        Op::Import => routines.join("back.ron"),
        Op::Export => place.export.clone(),
    }
}

/// What `op` wrote is there, whole.
fn assert_written(op: Op, path: &Path) {
    match op {
        Op::SaveSettings => {
            assert_eq!(read_settings(path).unwrap(), changed_settings().sanitized());
        }
        Op::SaveRoutine | Op::Export => {
            assert_eq!(read_routine(path).unwrap(), routine("Legs, longer"));
        }
        Op::SaveNew => assert_eq!(read_routine(path).unwrap(), routine("Neck")),
        Op::Import => assert_eq!(read_routine(path).unwrap(), routine("Back")),
    }
}

/// Each way a disk refuses at some step of a write: what is tried, the step
/// that fails, how, and words the problem must have.
const FAULTS: [(&str, Step, ErrorKind, &str); 11] = [
    (
        "the folder cannot be made",
        Step::MakeFolder,
        ErrorKind::PermissionDenied,
        "not allowed to open or change its folder. Choose another folder",
    ),
    (
        "the folder's disk is gone",
        Step::MakeFolder,
        ErrorKind::NotFound,
        "its folder could not be found or made. Check that its disk is still there",
    ),
    (
        "the system finds a file in the folder's path",
        Step::MakeFolder,
        ErrorKind::NotADirectory,
        "part of its folder path is a file, not a folder. Move that file away",
    ),
    (
        "the folder cannot be read",
        Step::CreateTemp,
        ErrorKind::PermissionDenied,
        "not allowed to open or change its folder. Choose another folder",
    ),
    (
        "the folder cannot be written",
        Step::Rename,
        ErrorKind::PermissionDenied,
        "not allowed to open or change its folder. Choose another folder",
    ),
    (
        "the folder is on a read-only disk",
        Step::CreateTemp,
        ErrorKind::ReadOnlyFilesystem,
        "that disk can only be read, not written. Choose another folder.",
    ),
    (
        "the disk fills up mid-write",
        Step::Write,
        ErrorKind::StorageFull,
        "the disk is full. Free some space, then try again.",
    ),
    (
        "the disk has no room for one more file",
        Step::CreateTemp,
        ErrorKind::StorageFull,
        "the disk is full. Free some space, then try again.",
    ),
    (
        "the user's quota is used up",
        Step::Write,
        ErrorKind::QuotaExceeded,
        "your share of the disk is used up. Free some space, then try again.",
    ),
    (
        "another program holds the file",
        Step::Rename,
        ErrorKind::ResourceBusy,
        "another program is using it. Close that program, then try again.",
    ),
    (
        "something else goes wrong at the last step",
        Step::Rename,
        ErrorKind::Other,
        "Check that the disk is still there and has room, then try again.",
    ),
];

#[test]
fn every_fault_is_told_plainly_loses_nothing_and_a_retry_saves() {
    for (what, step, kind, words) in FAULTS {
        for op in OPS {
            let case = format!("{op:?} when {what}");
            let place = Place::new(Layout::Usual);
            let before = place.tree();
            let disk = FakeDisk::failing(step, kind);
            let writers = Writers::on(&place, disk.clone());

            let problem = writers.attempt(op, &place).unwrap_err();
            assert_eq!(problem.path, target(op, &place), "{case}: {problem}");
            assert!(
                problem.message.starts_with("could not be saved"),
                "{case}: {problem}"
            );
            assert!(problem.message.contains(words), "{case}: {problem}");
            assert_plain(&problem.to_string());
            assert_says_what_to_do(&problem.message);
            // Nothing lost, nothing half-written, no temp file left.
            assert_eq!(place.tree(), before, "{case}: the files changed");

            // The fault is gone: the same store saves.
            disk.mend();
            let path = writers.attempt(op, &place).unwrap();
            assert_eq!(path, target(op, &place), "{case}");
            assert_written(op, &path);
            let temp_files: Vec<_> = place
                .tree()
                .into_keys()
                .filter(|p| p.to_string_lossy().contains(".rollcoach-"))
                .collect();
            assert!(temp_files.is_empty(), "{case}: {temp_files:?}");
        }
    }
}

#[test]
fn a_full_disk_reads_as_such_in_the_notice() {
    let place = Place::new(Layout::Usual);
    let writers = Writers::on(
        &place,
        FakeDisk::failing(Step::Write, ErrorKind::StorageFull),
    );
    let problem = writers.attempt(Op::SaveSettings, &place).unwrap_err();
    assert_eq!(
        problem.to_string(),
        format!(
            "{}: could not be saved: the disk is full. Free some space, then try again.",
            place.data.settings_file().display()
        )
    );
}

mod in_the_way;
