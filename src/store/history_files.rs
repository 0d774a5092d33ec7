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
        for (path, read) in read_all(paths) {
            match read {
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
fn collect_files(
    dir: &Path,
    paths: &mut Vec<PathBuf>,
    problems: &mut Vec<FileProblem>,
    depth: usize,
) {
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

/// Reads every file of `paths`, on a few threads when there are many (ten
/// years of daily sessions are 3,650 files), in the order given.
fn read_all(paths: Vec<PathBuf>) -> Vec<(PathBuf, Result<SessionRecord, FileProblem>)> {
    const PER_THREAD: usize = 200;
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, 4)
        .min(paths.len().div_ceil(PER_THREAD).max(1));
    let read = |chunk: &[PathBuf]| -> Vec<(PathBuf, Result<SessionRecord, FileProblem>)> {
        chunk.iter().map(|p| (p.clone(), read_session(p))).collect()
    };
    if threads == 1 {
        return read(&paths);
    }
    let size = paths.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let reading: Vec<_> = paths
            .chunks(size)
            .map(|c| scope.spawn(move || read(c)))
            .collect();
        reading
            .into_iter()
            .zip(paths.chunks(size))
            .flat_map(|(r, chunk)| r.join().unwrap_or_else(|_| read(chunk)))
            .collect()
    })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::history::{ExerciseRecord, Felt, Moment, Rating};
    use crate::model::{Area, Side};

    /// A record with every field set to something other than its default.
    fn full_record(utc: &str) -> SessionRecord {
        SessionRecord {
            version: HISTORY_VERSION,
            started: Moment {
                utc: utc.parse().unwrap(),
                offset_minutes: -300,
            },
            seconds: 512,
            routine: "Mine, with \"quotes\"".into(),
            stopped_early: true,
            exercises: vec![ExerciseRecord {
                exercise: "calves".into(),
                name: "Calves".into(),
                area: Some(Area::Calves),
                side: Some(Side::Right),
                seconds: 95,
                holds: 2,
                extensions: 1,
                too_intense: 3,
                done: true,
            }],
            before: vec![Rating {
                area: Area::Calves,
                side: Some(Side::Left),
                value: 8,
            }],
            after: vec![Rating {
                area: Area::UpperBack,
                side: None,
                value: 2,
            }],
            felt: Some(Felt::TooHard),
        }
    }

    #[test]
    fn every_record_comes_back_as_it_was_saved_in_a_folder_by_year_and_month() {
        let dir = tempfile::tempdir().unwrap();
        let files = HistoryFiles::new(&DataDir::at(dir.path()));
        let a = files
            .save_new(&full_record("2026-12-03T11:29:04Z"))
            .unwrap();
        // Two sessions of the same second are two files.
        let b = files
            .save_new(&full_record("2026-12-03T11:29:04Z"))
            .unwrap();
        let c = files
            .save_new(&full_record("2025-01-31T23:00:00Z"))
            .unwrap();
        assert_ne!(a.path, b.path);
        assert!(
            a.path.ends_with("history/2026/12/2026-12-03T11-29-04Z.ron"),
            "{:?}",
            a.path
        );
        let loaded = files.load_all();
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        // Oldest first; two of the same second in either order.
        assert_eq!(loaded.sessions[0], c);
        let mut same = [a, b];
        same.sort_by(|x, y| x.path.cmp(&y.path));
        assert_eq!(loaded.sessions[1..], same[..]);
        // The file reads as a person would write it.
        let text = std::fs::read_to_string(&loaded.sessions[1].path).unwrap();
        assert!(text.contains("utc: \"2026-12-03T11:29:04Z\""), "{text}");
        assert!(text.contains("felt: Some(TooHard)"), "{text}");
    }

    #[test]
    fn a_hand_written_file_with_only_what_matters_reads() {
        let text = "(version: 1, started: (utc: \"2026-12-01T07:00:00Z\", offset_minutes: 60), \
                    seconds: 300, routine: \"Feet and calves\")";
        let record = parse_session(text).unwrap();
        assert_eq!(record.day().to_string(), "2026-12-01");
        assert!(record.exercises.is_empty() && record.felt.is_none());
    }

    #[test]
    fn files_that_cannot_be_read_are_told_and_the_others_load() {
        let dir = tempfile::tempdir().unwrap();
        let files = HistoryFiles::new(&DataDir::at(dir.path()));
        files
            .save_new(&full_record("2026-12-03T11:29:04Z"))
            .unwrap();
        let month = dir.path().join("history/2026/12");
        std::fs::write(month.join("broken.ron"), "(version: 1, seconds: \"x\")").unwrap();
        std::fs::write(month.join("binary.ron"), [0xff, 0xfe, 0x00]).unwrap();
        std::fs::write(month.join("notes.txt"), "not a session").unwrap();
        let loaded = files.load_all();
        assert_eq!(loaded.sessions.len(), 1);
        let mut said: Vec<String> = loaded.problems.iter().map(|p| p.to_string()).collect();
        said.sort();
        assert_eq!(said.len(), 2, "{said:?}");
        assert!(
            said[0].contains("binary.ron: is not a text file"),
            "{said:?}"
        );
        assert!(said[1].contains("broken.ron: line 1, column"), "{said:?}");
    }

    #[test]
    fn only_files_of_the_history_are_deleted() {
        let dir = tempfile::tempdir().unwrap();
        let files = HistoryFiles::new(&DataDir::at(dir.path()));
        let outside = dir.path().join("settings.ron");
        std::fs::write(&outside, "()").unwrap();
        assert!(files.delete(&outside).is_err());
        assert!(outside.exists());
        let stored = files
            .save_new(&full_record("2026-12-03T11:29:04Z"))
            .unwrap();
        files.delete(&stored.path).unwrap();
        files.delete(&stored.path).unwrap();
        assert!(files.load_all().sessions.is_empty());
    }
}
