//! Where the store's writes meet the disk. Every change the store makes to
//! the user's files goes through a [`Disk`], so that each way a disk can
//! refuse (full, read-only, not allowed, a file in the way) can be tried in
//! tests without a broken disk.

use std::fmt;
use std::io::{self, Write};
use std::path::Path;
use std::sync::Arc;

use tempfile::NamedTempFile;

/// The few things the store asks of a disk. A write is made of the first
/// three: make the folder, write a temp file beside the target, rename it
/// over the target.
pub trait Disk: fmt::Debug + Send + Sync {
    /// Makes the folder `dir`, and any folder above it that is missing.
    fn create_dir_all(&self, dir: &Path) -> io::Result<()>;

    /// Writes `contents` to a new temp file in `dir`, flushed to the disk.
    /// The temp file is removed when it is dropped without being renamed.
    fn write_temp(&self, dir: &Path, contents: &[u8]) -> io::Result<NamedTempFile>;

    /// Renames `temp` over `target`, replacing any file there in one step.
    fn rename_over(&self, temp: NamedTempFile, target: &Path) -> io::Result<()>;

    /// Deletes the file at `path`.
    fn remove_file(&self, path: &Path) -> io::Result<()>;
}

/// The computer's own disk.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RealDisk;

impl RealDisk {
    /// The real disk, shared, as the store holds a disk.
    pub fn shared() -> Arc<dyn Disk> {
        Arc::new(RealDisk)
    }
}

/// A new, empty temp file in `dir`, named so that it is plainly Rollcoach's
/// and plainly temporary.
pub(crate) fn new_temp_in(dir: &Path) -> io::Result<NamedTempFile> {
    tempfile::Builder::new()
        .prefix(".rollcoach-")
        .suffix(".tmp")
        .tempfile_in(dir)
}

impl Disk for RealDisk {
    fn create_dir_all(&self, dir: &Path) -> io::Result<()> {
        std::fs::create_dir_all(dir)
    }

    fn write_temp(&self, dir: &Path, contents: &[u8]) -> io::Result<NamedTempFile> {
        let mut temp = new_temp_in(dir)?;
        temp.write_all(contents)?;
        temp.as_file().sync_all()?;
        Ok(temp)
    }

    fn rename_over(&self, temp: NamedTempFile, target: &Path) -> io::Result<()> {
        temp.persist(target).map(drop).map_err(|e| e.error)
    }

    fn remove_file(&self, path: &Path) -> io::Result<()> {
        std::fs::remove_file(path)
    }
}
