//! The user's routines: one pretty RON file each under `routines/`.
//!
//! File names are made from routine names safely; a file that cannot be
//! read is reported with its line and column and never written over.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{
    DataDir, Disk, Doing, FileProblem, RealDisk, describe_ron_error, file_problem, write_ron,
};
use crate::model::routine::ROUTINE_VERSION;
use crate::model::{Routine, RoutineProblem, limits};

/// The largest routine file read, in bytes: a routine is a few kilobytes.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// A routine and the file it lives in.
#[derive(Debug, Clone, PartialEq)]
pub struct RoutineFile {
    pub path: PathBuf,
    pub routine: Routine,
}

/// The folder of the user's routines.
#[derive(Debug, Clone)]
pub struct RoutineFiles {
    data: DataDir,
    dir: PathBuf,
    /// Where saves and deletes are written: the real disk, or a fake one in
    /// tests.
    disk: Arc<dyn Disk>,
}

/// Why a routine file was not imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportRefusal {
    /// The file could not be read: missing, too large, not text, or not a
    /// routine (with the line and column).
    Unreadable(FileProblem),
    /// It names exercises the library doesn't have (each named once).
    UnknownExercises { path: PathBuf, ids: Vec<String> },
    /// It fails [`Routine::problems`].
    Invalid {
        path: PathBuf,
        problems: Vec<RoutineProblem>,
    },
    /// It was fine but could not be saved among the user's routines.
    NotSaved(FileProblem),
}

impl fmt::Display for ImportRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportRefusal::Unreadable(problem) => write!(f, "{problem}"),
            ImportRefusal::UnknownExercises { path, ids } => write!(
                f,
                "{} names exercises Rollcoach doesn't have: {}",
                path.display(),
                ids.join(", ")
            ),
            ImportRefusal::Invalid { path, problems } => {
                write!(f, "{}:", path.display())?;
                for problem in problems {
                    write!(f, " {problem}")?;
                }
                Ok(())
            }
            ImportRefusal::NotSaved(problem) => write!(f, "Not imported: {problem}"),
        }
    }
}

/// What loading the folder found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LoadedRoutines {
    /// Every routine read, sorted by name.
    pub routines: Vec<RoutineFile>,
    /// Files that could not be read; they are left as they are.
    pub problems: Vec<FileProblem>,
}

impl RoutineFiles {
    /// The `routines` folder of a data folder.
    pub fn new(data: &DataDir) -> RoutineFiles {
        RoutineFiles {
            data: data.clone(),
            dir: data.root().join("routines"),
            disk: RealDisk::shared(),
        }
    }

    /// The same folder, written on `disk` instead of the real one (tests
    /// give it a disk that fails as a full or read-only one would).
    pub fn with_disk(self, disk: Arc<dyn Disk>) -> RoutineFiles {
        RoutineFiles { disk, ..self }
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Reads every `.ron` file of the folder. A missing folder is no routines.
    pub fn load_all(&self) -> LoadedRoutines {
        let mut loaded = LoadedRoutines::default();
        let entries = match std::fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(e) => {
                if let Some(blocked) = self.data.blocked() {
                    loaded.problems.push(blocked);
                } else if e.kind() != std::io::ErrorKind::NotFound {
                    loaded
                        .problems
                        .push(file_problem(&self.dir, Doing::Reading, &e));
                }
                return loaded;
            }
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "ron") && p.is_file())
            .collect();
        paths.sort();
        for path in paths {
            match read_routine(&path) {
                Ok(routine) => loaded.routines.push(RoutineFile { path, routine }),
                Err(problem) => loaded.problems.push(problem),
            }
        }
        loaded
            .routines
            .sort_by_key(|f| (f.routine.name.to_lowercase(), f.path.clone()));
        loaded
    }

    /// Saves `routine` in a new file, named after it, that no other file
    /// has. Returns where it went.
    pub fn save_new(&self, routine: &Routine) -> Result<RoutineFile, FileProblem> {
        let stem = safe_file_stem(&routine.name);
        let mut path = self.dir.join(format!("{stem}.ron"));
        let mut n = 2;
        while path.exists() {
            path = self.dir.join(format!("{stem}-{n}.ron"));
            n += 1;
        }
        let file = RoutineFile {
            path,
            routine: routine.clone(),
        };
        self.save(&file)?;
        Ok(file)
    }

    /// Writes `file` atomically, as pretty RON with the current version.
    /// A save that failed leaves the file as it was (or no file at all).
    pub fn save(&self, file: &RoutineFile) -> Result<(), FileProblem> {
        write_ron(self.disk.as_ref(), &file.path, &file.routine)
            .map_err(|p| self.data.blocked().unwrap_or(p))
    }

    /// Deletes the routine file at `path`. Refuses any file that is not a
    /// routine file of this folder. A file already gone is no problem.
    pub fn delete(&self, path: &Path) -> Result<(), FileProblem> {
        if !self.holds(path) {
            return Err(FileProblem {
                path: path.to_path_buf(),
                message: format!(
                    "was not deleted: it is not a routine file of your routines folder {}.",
                    self.dir.display()
                ),
            });
        }
        match self.disk.remove_file(path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(file_problem(path, Doing::Deleting, &e)),
        }
    }

    /// Whether `path` names a `.ron` file directly in this folder (however
    /// the folder is spelt: links and `..` are resolved).
    fn holds(&self, path: &Path) -> bool {
        let (Some(name), Some(parent)) = (path.file_name(), path.parent()) else {
            return false;
        };
        let is_ron = Path::new(name).extension().is_some_and(|x| x == "ron");
        let parent = if parent.as_os_str().is_empty() {
            Path::new(".")
        } else {
            parent
        };
        let same_folder = match (parent.canonicalize(), self.dir.canonicalize()) {
            (Ok(parent), Ok(dir)) => parent == dir,
            _ => false,
        };
        is_ron && same_folder && !path.is_dir()
    }

    /// Imports the routine file at `path` (from anywhere) as a new routine
    /// of this folder: size-limited and checked, every step's exercise known
    /// to the library (`has_exercise`), never over an existing routine. A
    /// name already taken in the folder gets " (imported)", then
    /// " (imported 2)" and so on. The file itself is left as it is.
    pub fn import(
        &self,
        path: &Path,
        has_exercise: impl Fn(&str) -> bool,
    ) -> Result<RoutineFile, ImportRefusal> {
        let mut routine = read_routine(path).map_err(ImportRefusal::Unreadable)?;
        let mut unknown: Vec<String> = Vec::new();
        for step in &routine.steps {
            if !has_exercise(&step.exercise) && !unknown.contains(&step.exercise) {
                unknown.push(step.exercise.clone());
            }
        }
        if !unknown.is_empty() {
            return Err(ImportRefusal::UnknownExercises {
                path: path.to_path_buf(),
                ids: unknown,
            });
        }
        let problems = routine.problems(&has_exercise);
        if !problems.is_empty() {
            return Err(ImportRefusal::Invalid {
                path: path.to_path_buf(),
                problems,
            });
        }
        let taken: Vec<String> = self
            .load_all()
            .routines
            .into_iter()
            .map(|f| f.routine.name)
            .collect();
        routine.name = unused_name(routine.name.trim(), |name| {
            taken.iter().any(|t| t.trim().eq_ignore_ascii_case(name))
        });
        self.save_new(&routine).map_err(ImportRefusal::NotSaved)
    }
}

/// `base`, or `base (imported)`, `base (imported 2)`... : the first that is
/// not `taken`, shortened if need be to stay within the longest name.
fn unused_name(base: &str, taken: impl Fn(&str) -> bool) -> String {
    let fit = |suffix: &str| {
        let room = limits::routine::NAME_CHARS.saturating_sub(suffix.chars().count());
        let kept: String = base.chars().take(room).collect();
        format!("{}{suffix}", kept.trim_end())
    };
    let mut name = base.to_owned();
    let mut n = 1;
    while taken(&name) {
        let suffix = if n == 1 {
            " (imported)".to_owned()
        } else {
            format!(" (imported {n})")
        };
        name = fit(&suffix);
        n += 1;
    }
    name
}

/// Reads one routine file: size-limited, parsed, with a worded problem.
pub fn read_routine(path: &Path) -> Result<Routine, FileProblem> {
    let problem = |message: String| FileProblem {
        path: path.to_path_buf(),
        message,
    };
    let size = std::fs::metadata(path)
        .map_err(|e| file_problem(path, Doing::Reading, &e))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(problem(format!(
            "is {size} bytes: too large for a routine (at most {MAX_FILE_BYTES})"
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| file_problem(path, Doing::Reading, &e))?;
    let text = String::from_utf8(bytes).map_err(|_| problem("is not a text file".to_owned()))?;
    parse_routine(&text).map_err(problem)
}

/// Parses a routine from RON text; the error says where and what.
pub fn parse_routine(text: &str) -> Result<Routine, String> {
    let routine: Routine = ron::from_str(text).map_err(|e| describe_ron_error(&e))?;
    if routine.version > ROUTINE_VERSION {
        log::info!(
            "routine '{}' was written by a newer Rollcoach (format {}); reading what this one knows",
            routine.name,
            routine.version
        );
    }
    Ok(routine)
}

/// Names no file may have on Windows, whatever the extension.
const RESERVED: [&str; 22] = [
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// A file name (without extension) for a routine name that is safe on
/// every system: lowercase letters, digits and '-', at most 60 characters,
/// never empty, never a reserved name.
pub fn safe_file_stem(name: &str) -> String {
    let mut stem = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            stem.push(c);
        } else if !stem.ends_with('-') && !stem.is_empty() {
            stem.push('-');
        }
        if stem.len() >= 60 {
            break;
        }
    }
    let stem = stem.trim_end_matches('-').to_owned();
    if stem.is_empty() {
        "routine".to_owned()
    } else if RESERVED.contains(&stem.as_str()) {
        format!("{stem}-routine")
    } else {
        stem
    }
}
