//! Writing a file so that a crash leaves the old version or the new one,
//! never a torn mix.

use std::io;
use std::path::Path;

use super::disk::Disk;

/// Writes `contents` to `path` atomically on `disk`: a temp file in the
/// same folder is written and flushed to disk, then renamed over `path`.
/// Creates the folder if needed. When any step fails, the file at `path`
/// is as it was and the temp file is gone.
pub fn write_atomically(disk: &dyn Disk, path: &Path, contents: &[u8]) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    disk.create_dir_all(dir)?;
    let temp = disk.write_temp(dir, contents)?;
    disk.rename_over(temp, path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::disk::RealDisk;

    #[test]
    fn replaces_the_whole_file_and_leaves_no_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("a.ron");
        write_atomically(&RealDisk, &path, b"a long first version").unwrap();
        write_atomically(&RealDisk, &path, b"short").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"short");
        let names: Vec<_> = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("a.ron")]);
    }
}
