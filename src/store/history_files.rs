//! The history: one pretty RON file per session under
//! `history/YEAR/MONTH/`, named after the moment it started (UTC).
//!
//! A file is written when its session ends and again when the check-in
//! after it is answered; nothing else ever writes one. A file that cannot
//! be read is reported with its line and column and left byte for byte as
//! it is; the rest of the history shows without it.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{DataDir, Disk, Doing, FileProblem, RealDisk, Stamped, describe_ron_error};
use super::{file_problem, write_ron};
use crate::model::history::{HISTORY_VERSION, SessionRecord};

/// The largest history file read, in bytes: a session is a few kilobytes.
pub const MAX_SESSION_BYTES: u64 = 1024 * 1024;

impl Stamped for SessionRecord {
    fn stamp(&mut self) {
        self.version = HISTORY_VERSION;
    }
}

/// A session and the file it lives in.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredSession {
    pub path: PathBuf,
    pub record: SessionRecord,
}

/// What reading the history found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LoadedHistory {
    /// Every session read, oldest first.
    pub sessions: Vec<StoredSession>,
    /// Files that could not be read; they are left as they are.
    pub problems: Vec<FileProblem>,
}

/// The history folder.
#[derive(Debug, Clone)]
pub struct HistoryFiles {
    dir: PathBuf,
    /// Where saves and deletes are written: the real disk, or a fake one in
    /// tests.
    disk: Arc<dyn Disk>,
}

impl HistoryFiles {
    /// The history of the data folder `data`.
    pub fn new(data: &DataDir) -> HistoryFiles {
        HistoryFiles {
            dir: data.root().join("history"),
            disk: RealDisk::shared(),
        }
    }

    /// The same folder, written through `disk`.
    pub fn with_disk(self, disk: Arc<dyn Disk>) -> HistoryFiles {
        HistoryFiles { disk, ..self }
    }

    /// The folder itself.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Reads every session file, in any folder below the history folder.
    pub fn load_all(&self) -> LoadedHistory {
        let mut loaded = LoadedHistory::default();
        let mut paths = Vec::new();
        collect_files(&self.dir, &mut paths, &mut loaded.problems, 0);
        paths.sort();
        for path in paths {
            match read_session(&path) {
                Ok(record) => loaded.sessions.push(StoredSession { path, record }),
                Err(problem) => loaded.problems.push(problem),
            }
        }
        loaded
            .sessions
            .sort_by(|a, b| (a.record.started, &a.path).cmp(&(b.record.started, &b.path)));
        loaded
    }

    /// Saves a new session in a file of its own, never over another one.
    pub fn save_new(&self, record: &SessionRecord) -> Result<StoredSession, FileProblem> {
        let utc = record.started.utc;
        let folder = self
            .dir
            .join(utc.format("%Y").to_string())
            .join(utc.format("%m").to_string());
        let stem = utc.format("%Y-%m-%dT%H-%M-%SZ").to_string();
        let mut path = folder.join(format!("{stem}.ron"));
        let mut n = 2;
        while path.exists() {
            path = folder.join(format!("{stem}-{n}.ron"));
            n += 1;
        }
        let stored = StoredSession {
            path,
            record: record.clone(),
        };
        self.save(&stored)?;
        Ok(stored)
    }

    /// Writes a session back to its file (with the check-in after it).
    pub fn save(&self, stored: &StoredSession) -> Result<(), FileProblem> {
        write_ron(self.disk.as_ref(), &stored.path, &stored.record)
    }

    /// Deletes a session's file. One already gone is no problem.
    pub fn delete(&self, path: &Path) -> Result<(), FileProblem> {
        if !path.starts_with(&self.dir) {
            return Err(FileProblem {
                path: path.to_path_buf(),
                message: "was not deleted: it is not a file of the history folder.".to_owned(),
            });
        }
        match self.disk.remove_file(path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(file_problem(path, Doing::Deleting, &e)),
        }
    }
}

/// Folders by year and month are two levels; a few more are looked into,
/// in case someone sorted their files further.
const DEEPEST: usize = 4;

/// Every `.ron` file in `dir` and its folders, into `paths`.
fn collect_files(dir: &Path, paths: &mut Vec<PathBuf>, problems: &mut Vec<FileProblem>, depth: usize) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && depth == 0 => return,
        Err(e) => {
            problems.push(file_problem(dir, Doing::Reading, &e));
            return;
        }
    };
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() && depth < DEEPEST {
            collect_files(&path, paths, problems, depth + 1);
        } else if kind.is_file() && path.extension().is_some_and(|x| x == "ron") {
            paths.push(path);
        }
    }
}

/// Reads one session file.
pub fn read_session(path: &Path) -> Result<SessionRecord, FileProblem> {
    let problem = |message: String| FileProblem {
        path: path.to_path_buf(),
        message,
    };
    let bytes = std::fs::read(path).map_err(|e| file_problem(path, Doing::Reading, &e))?;
    if bytes.len() as u64 > MAX_SESSION_BYTES {
        return Err(problem(format!(
            "is {} bytes: too large for a session (at most {MAX_SESSION_BYTES})",
            bytes.len()
        )));
    }
    let text = String::from_utf8(bytes).map_err(|_| problem("is not a text file".to_owned()))?;
    parse_session(&text).map_err(problem)
}

/// Reads a session from the text of its file.
pub fn parse_session(text: &str) -> Result<SessionRecord, String> {
    let record: SessionRecord = ron::from_str(text).map_err(|e| describe_ron_error(&e))?;
    if record.version > HISTORY_VERSION {
        log::info!(
            "a session was written by a newer Rollcoach (format {}); reading what this one knows",
            record.version
        );
    }
    Ok(record)
}
