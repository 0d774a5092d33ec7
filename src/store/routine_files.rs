//! The user's routines: one pretty RON file each under `routines/`.
//!
//! File names are made from routine names safely; a file that cannot be
//! read is reported with its line and column and never written over.

use std::path::{Path, PathBuf};

use super::{DataDir, FileProblem, describe_ron_error, write_atomically};
use crate::model::Routine;
use crate::model::routine::ROUTINE_VERSION;

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
    dir: PathBuf,
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
            dir: data.root().join("routines"),
        }
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
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return loaded,
            Err(e) => {
                loaded.problems.push(FileProblem {
                    path: self.dir.clone(),
                    message: format!("could not be read: {e}"),
                });
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
    pub fn save(&self, file: &RoutineFile) -> Result<(), FileProblem> {
        let mut routine = file.routine.clone();
        routine.version = ROUTINE_VERSION;
        let text = ron::ser::to_string_pretty(&routine, ron::ser::PrettyConfig::default())
            .map_err(|e| FileProblem {
                path: file.path.clone(),
                message: format!("could not be written: {e}"),
            })?;
        write_atomically(&file.path, text.as_bytes()).map_err(|e| FileProblem {
            path: file.path.clone(),
            message: format!("could not be saved: {e}"),
        })
    }
}

/// Reads one routine file: size-limited, parsed, with a worded problem.
pub fn read_routine(path: &Path) -> Result<Routine, FileProblem> {
    let problem = |message: String| FileProblem {
        path: path.to_path_buf(),
        message,
    };
    let size = std::fs::metadata(path)
        .map_err(|e| problem(format!("could not be read: {e}")))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(problem(format!(
            "is {size} bytes: too large for a routine (at most {MAX_FILE_BYTES})"
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| problem(format!("could not be read: {e}")))?;
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
