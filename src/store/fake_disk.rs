//! A disk for tests that refuses as a real one would: at a chosen step of
//! a write, with a chosen kind of error worded as the system words it (an
//! error number and the temp file's name), until it is mended.

use std::io::{self, Write};
use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};

use tempfile::NamedTempFile;

use super::disk::{Disk, RealDisk, new_temp_in};

/// The step of a write, or the delete, that fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step {
    /// Making the folder (or a folder above it).
    MakeFolder,
    /// Making the temp file: nothing is written.
    CreateTemp,
    /// Writing the temp file: half of it is written, then the disk refuses
    /// (as a disk that fills up mid-write).
    Write,
    /// Renaming the whole, flushed temp file over the target.
    Rename,
    /// Deleting a file.
    Remove,
}

/// The real disk, but for one fault until [`FakeDisk::mend`] is called.
#[derive(Debug, Default)]
pub(crate) struct FakeDisk {
    fault: Mutex<Option<(Step, io::ErrorKind)>>,
}

impl FakeDisk {
    /// A disk on which `step` fails with `kind`.
    pub(crate) fn failing(step: Step, kind: io::ErrorKind) -> Arc<FakeDisk> {
        Arc::new(FakeDisk {
            fault: Mutex::new(Some((step, kind))),
        })
    }

    /// The fault is gone: everything works from now on.
    pub(crate) fn mend(&self) {
        *self.fault.lock().unwrap_or_else(PoisonError::into_inner) = None;
    }

    /// The kind of error `step` fails with, if it fails.
    fn fault(&self, step: Step) -> Option<io::ErrorKind> {
        match *self.fault.lock().unwrap_or_else(PoisonError::into_inner) {
            Some((at, kind)) if at == step => Some(kind),
            _ => None,
        }
    }

    /// The error `step` fails with, worded as the system would, about `what`.
    fn fault_at(&self, step: Step, what: &Path) -> Option<io::Error> {
        self.fault(step).map(|kind| system_error(kind, what))
    }
}

/// An error of `kind` about `what`, with the error number and the path in
/// it, as the system's own errors have.
fn system_error(kind: io::ErrorKind, what: &Path) -> io::Error {
    io::Error::new(kind, format!("{kind} (os error 28): {}", what.display()))
}

impl Disk for FakeDisk {
    fn create_dir_all(&self, dir: &Path) -> io::Result<()> {
        match self.fault_at(Step::MakeFolder, dir) {
            Some(error) => Err(error),
            None => RealDisk.create_dir_all(dir),
        }
    }

    fn write_temp(&self, dir: &Path, contents: &[u8]) -> io::Result<NamedTempFile> {
        if let Some(error) = self.fault_at(Step::CreateTemp, &dir.join(".rollcoach-x1y2.tmp")) {
            return Err(error);
        }
        if let Some(kind) = self.fault(Step::Write) {
            let mut temp = new_temp_in(dir)?;
            temp.write_all(&contents[..contents.len() / 2])?;
            // The half-written temp file is dropped, so removed, as the
            // real disk's is.
            return Err(system_error(kind, temp.path()));
        }
        RealDisk.write_temp(dir, contents)
    }

    fn rename_over(&self, temp: NamedTempFile, target: &Path) -> io::Result<()> {
        match self.fault_at(Step::Rename, temp.path()) {
            Some(error) => Err(error),
            None => RealDisk.rename_over(temp, target),
        }
    }

    fn remove_file(&self, path: &Path) -> io::Result<()> {
        match self.fault_at(Step::Remove, path) {
            Some(error) => Err(error),
            None => RealDisk.remove_file(path),
        }
    }
}
