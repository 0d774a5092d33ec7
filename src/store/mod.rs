//! The user's files: where they live, and how they are read and written.
//!
//! Every file is written by one writer, `write_ron`: pretty RON stamped
//! with the current format version, saved atomically (a temp file in the
//! same folder, flushed, then renamed over the old one). A file that cannot
//! be read is never overwritten: it is reported with its line and column
//! and left as it is. Problems are worded for the person at the computer;
//! the system's own error goes to the log.
//!
//! Every change to the disk goes through a [`Disk`]: the real one, or in
//! tests one that fails as a full, read-only or forbidden disk would.

mod atomic;
mod disk;
#[cfg(test)]
mod fake_disk;
mod history_files;
mod routine_files;
mod settings_file;

use std::io;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::model::routine::ROUTINE_VERSION;
use crate::model::settings::SETTINGS_VERSION;
use crate::model::{Routine, Settings};

use atomic::write_atomically;
pub use disk::{Disk, RealDisk};
pub use history_files::{
    HistoryFiles, LoadedHistory, MAX_SESSION_BYTES, StoredSession, parse_session, read_session,
};
pub use routine_files::{
    ImportRefusal, LoadedRoutines, MAX_FILE_BYTES, RoutineFile, RoutineFiles, parse_routine,
    read_routine, safe_file_stem,
};
pub use settings_file::{LoadedSettings, SettingsStore, read_settings};

/// Where Rollcoach keeps the user's files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataDir {
    root: PathBuf,
}

/// Everything read from a data folder at start: the settings and the
/// routines, each with what could not be read.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// Saves the settings later (refusing to when the file could not be read).
    pub settings_store: SettingsStore,
    /// The settings to use: the file's, or the defaults.
    pub settings: Settings,
    /// Why the settings file could not be used, if it could not.
    pub settings_problem: Option<FileProblem>,
    /// The routines folder, to save, delete and import routines.
    pub routine_files: RoutineFiles,
    /// Every routine read, sorted by name.
    pub routines: Vec<RoutineFile>,
    /// Routine files that could not be read (they are left as they are).
    /// A problem with the data folder itself is told once, as the settings
    /// problem, not again here.
    pub routine_problems: Vec<FileProblem>,
    /// The history folder (read later, off the window's thread).
    pub history_files: HistoryFiles,
}

impl DataDir {
    /// A data folder chosen by the user (`--data-dir`), e.g. for a portable install.
    pub fn at(root: impl Into<PathBuf>) -> DataDir {
        DataDir { root: root.into() }
    }

    /// The platform's config folder for Rollcoach (for example
    /// `~/.config/rollcoach` on Linux), or `None` if the system has no home folder.
    pub fn platform() -> Option<DataDir> {
        directories::ProjectDirs::from("org", "Rollcoach", "Rollcoach").map(|dirs| DataDir {
            root: dirs.config_dir().to_path_buf(),
        })
    }

    /// The folder itself.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The settings file.
    pub fn settings_file(&self) -> PathBuf {
        self.root.join("settings.ron")
    }

    /// Reads the settings and every routine, once.
    pub fn load(&self) -> Loaded {
        let (settings_store, settings) = SettingsStore::load(self);
        let routine_files = RoutineFiles::new(self);
        let routines = routine_files.load_all();
        let settings_problem = settings.problem;
        let routine_problems = routines
            .problems
            .into_iter()
            .filter(|p| Some(p) != settings_problem.as_ref())
            .collect();
        Loaded {
            settings_store,
            settings: settings.settings,
            settings_problem,
            routine_files,
            routines: routines.routines,
            routine_problems,
            history_files: HistoryFiles::new(self),
        }
    }

    /// When the data folder is a file, or lies inside one, the problem of
    /// that file: nothing can be read or saved until it is moved away or
    /// another folder chosen.
    pub fn blocked(&self) -> Option<FileProblem> {
        let file = blocking_file(self.root.ancestors())?;
        let advice = "Move that file away, or start Rollcoach with --data-dir and another folder.";
        let message = if file == self.root {
            format!(
                "is a file, but Rollcoach keeps its settings and routines in a folder of \
                 that name. {advice}"
            )
        } else {
            format!(
                "is a file, so Rollcoach cannot keep its data folder {} inside it. {advice}",
                self.root.display()
            )
        };
        Some(FileProblem {
            path: file,
            message,
        })
    }
}

/// The first of `paths` that exists and is not a folder, unless a folder
/// comes first.
fn blocking_file<'a>(paths: impl Iterator<Item = &'a Path>) -> Option<PathBuf> {
    for path in paths.filter(|p| !p.as_os_str().is_empty()) {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => return None,
            Ok(_) => return Some(path.to_path_buf()),
            Err(_) => continue,
        }
    }
    None
}

/// A problem with a user file, worded for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblem {
    /// The file concerned.
    pub path: PathBuf,
    /// What went wrong, in a sentence.
    pub message: String,
}

impl std::fmt::Display for FileProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

/// Describes a RON parse error as "line L, column C: what was expected".
pub fn describe_ron_error(error: &ron::error::SpannedError) -> String {
    format!(
        "line {}, column {}: {}",
        error.span.start.line, error.span.start.col, error.code
    )
}

/// What was being done with a file when the system refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Doing {
    Reading,
    Saving,
    Deleting,
}

impl Doing {
    fn done(self) -> &'static str {
        match self {
            Doing::Reading => "read",
            Doing::Saving => "saved",
            Doing::Deleting => "deleted",
        }
    }
}

/// The system's error about `path` in plain words a person can act on (no
/// error numbers, no temp file names); the error itself goes to the log.
pub(crate) fn file_problem(path: &Path, doing: Doing, error: &io::Error) -> FileProblem {
    log::warn!(
        "{} could not be {}: {error} ({:?})",
        path.display(),
        doing.done(),
        error.kind()
    );
    if let Some(problem) = file_in_the_way(path, error.kind()) {
        return problem;
    }
    FileProblem {
        path: path.to_path_buf(),
        message: format!(
            "could not be {}{}",
            doing.done(),
            why_not(error.kind(), doing)
        ),
    }
}

/// When an error of `kind` about `path` comes of a file standing where one
/// of its folders should be, the problem of that file.
fn file_in_the_way(path: &Path, kind: io::ErrorKind) -> Option<FileProblem> {
    use io::ErrorKind as Kind;
    if !matches!(
        kind,
        Kind::NotADirectory | Kind::AlreadyExists | Kind::NotFound
    ) {
        return None;
    }
    let file = blocking_file(path.ancestors().skip(1))?;
    let name = path.file_name().unwrap_or(path.as_os_str()).display();
    Some(FileProblem {
        path: file,
        message: format!(
            "is a file, where a folder is needed to keep {name}. Move that file away, \
             or choose another folder."
        ),
    })
}

/// The end of the sentence "could not be read/saved/deleted" for an error
/// of `kind`: why, and what to do about it.
fn why_not(kind: io::ErrorKind, doing: Doing) -> &'static str {
    use io::ErrorKind as Kind;
    match (kind, doing) {
        (Kind::NotFound, Doing::Saving) => {
            ": its folder could not be found or made. Check that its disk is still there, \
             or choose another folder."
        }
        (Kind::NotFound, _) => ": it is not there (moved, renamed or deleted?).",
        (Kind::PermissionDenied, Doing::Reading) => {
            ": Rollcoach is not allowed to open it. Change who may read it, or copy it to a \
             folder of yours."
        }
        (Kind::PermissionDenied, _) => {
            ": Rollcoach is not allowed to open or change its folder. Choose another folder, \
             or change who may write there."
        }
        (Kind::StorageFull, _) => ": the disk is full. Free some space, then try again.",
        (Kind::QuotaExceeded, _) => {
            ": your share of the disk is used up. Free some space, then try again."
        }
        (Kind::ReadOnlyFilesystem, _) => {
            ": that disk can only be read, not written. Choose another folder."
        }
        (Kind::NotADirectory, _) => {
            ": part of its folder path is a file, not a folder. Move that file away, or \
             choose another folder."
        }
        (Kind::IsADirectory, Doing::Reading) => ": it is a folder, not a file.",
        (Kind::IsADirectory, _) => {
            ": a folder of that name is in the way. Move that folder away, or choose \
             another name."
        }
        (Kind::FileTooLarge, _) => ": it is too large.",
        (Kind::ResourceBusy | Kind::ExecutableFileBusy, _) => {
            ": another program is using it. Close that program, then try again."
        }
        (Kind::InvalidFilename, Doing::Reading) => ": the system does not allow that file name.",
        (Kind::InvalidFilename, _) => {
            ": the system does not allow that file name. Choose another name."
        }
        (Kind::InvalidData, Doing::Reading) => ": it is not a text file.",
        (_, Doing::Reading) => ". Check that its disk is still there, then try again.",
        (_, _) => ". Check that the disk is still there and has room, then try again.",
    }
}

/// A kind of file the store writes, stamped with the format version it is
/// written in.
pub(crate) trait Stamped: Serialize + Clone {
    /// Sets the version to the one this build writes.
    fn stamp(&mut self);
}

impl Stamped for Routine {
    fn stamp(&mut self) {
        self.version = ROUTINE_VERSION;
    }
}

impl Stamped for Settings {
    fn stamp(&mut self) {
        self.version = SETTINGS_VERSION;
    }
}

/// The one writer of user files: `value` with the current version, as
/// pretty RON, written atomically to `path` on `disk` (its folder made if
/// needed). When it fails, the file at `path` is as it was.
pub(crate) fn write_ron<T: Stamped>(
    disk: &dyn Disk,
    path: &Path,
    value: &T,
) -> Result<(), FileProblem> {
    let mut value = value.clone();
    value.stamp();
    let text =
        ron::ser::to_string_pretty(&value, ron::ser::PrettyConfig::default()).map_err(|e| {
            log::warn!("{} could not be written out: {e}", path.display());
            FileProblem {
                path: path.to_path_buf(),
                message: "could not be saved: Rollcoach could not write it out.".to_owned(),
            }
        })?;
    write_atomically(disk, path, text.as_bytes()).map_err(|e| file_problem(path, Doing::Saving, &e))
}

/// Writes `text` to `path` (any folder), atomically: an export.
pub fn export_text(path: &Path, text: &str) -> Result<(), FileProblem> {
    write_atomically(&RealDisk, path, text.as_bytes())
        .map_err(|e| file_problem(path, Doing::Saving, &e))
}

/// Writes `routine` to `path` (any folder) as a file to share, in the
/// current format.
pub fn export_routine(path: &Path, routine: &Routine) -> Result<(), FileProblem> {
    export_routine_on(&RealDisk, path, routine)
}

/// [`export_routine`], written on `disk`.
pub fn export_routine_on(
    disk: &dyn Disk,
    path: &Path,
    routine: &Routine,
) -> Result<(), FileProblem> {
    write_ron(disk, path, routine)
}

#[cfg(test)]
mod fault_tests;
#[cfg(test)]
mod tests;
