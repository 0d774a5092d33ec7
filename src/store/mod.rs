//! The user's files: where they live, and how they are read and written.
//!
//! Saves are atomic (a temp file in the same folder, flushed, then renamed
//! over the old one). A file that cannot be read is never overwritten: it is
//! reported with its line and column and left as it is.

mod atomic;
mod routine_files;
mod settings_file;

use std::path::{Path, PathBuf};

pub use atomic::write_atomically;
pub use routine_files::{
    LoadedRoutines, MAX_FILE_BYTES, RoutineFile, RoutineFiles, parse_routine, read_routine,
    safe_file_stem,
};
pub use settings_file::{LoadedSettings, SettingsStore};

/// Where Rollcoach keeps the user's files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataDir {
    root: PathBuf,
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
