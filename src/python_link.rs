//! The path `sys.executable` gets under `justjit run`: a file named `python3` that *is* this
//! binary (a hard link beside it, or a copy in the user's cache directory), so that
//! `subprocess`, `multiprocessing`, `venv` and test runners started through `sys.executable`
//! stay under justjit. The binary acts as python when started under a name that does not begin
//! with `justjit`; a hard link (unlike a symbolic link) keeps that name even for programs that
//! resolve `os.path.realpath(sys.executable)`.

use std::io;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

const LINK_NAME: &str = "python3";

/// Returns a `python3` that is the running binary: beside it when that directory is writable
/// (or already holds one), otherwise a copy in the user's cache directory.
pub fn find_or_create() -> io::Result<PathBuf> {
    let exe = std::env::current_exe()?.canonicalize()?;
    let exe_meta = std::fs::metadata(&exe)?;
    if let Some(dir) = exe.parent() {
        let beside = dir.join(LINK_NAME);
        match ensure_hard_link(&beside, &exe, &exe_meta) {
            Ok(()) => return Ok(beside),
            Err(err) if cache_dir().is_none() => return Err(err),
            Err(_) => {}
        }
    }
    let cache = cache_dir().ok_or_else(|| io::Error::other("no HOME or XDG_CACHE_HOME"))?;
    // One copy per build of the binary: its path, size and modification time name the copy.
    let stamp = format!(
        "{}:{}:{}",
        exe.display(),
        exe_meta.len(),
        exe_meta.mtime_nsec() + exe_meta.mtime() * 1_000_000_000
    );
    let copy = cache
        .join(format!("{:016x}", fnv1a(stamp.as_bytes())))
        .join(LINK_NAME);
    if !copy.exists() {
        let dir = copy.parent().expect("the copy has a directory");
        std::fs::create_dir_all(dir)?;
        let temporary = dir.join(format!(".{LINK_NAME}.{}", std::process::id()));
        std::fs::copy(&exe, &temporary)?;
        std::fs::rename(&temporary, &copy)?;
    }
    Ok(copy)
}

/// Makes `link` a hard link to `target` unless it already is one (same inode).
fn ensure_hard_link(link: &Path, target: &Path, target_meta: &std::fs::Metadata) -> io::Result<()> {
    if let Ok(meta) = std::fs::symlink_metadata(link) {
        if meta.file_type().is_file()
            && meta.ino() == target_meta.ino()
            && meta.dev() == target_meta.dev()
        {
            return Ok(());
        }
    }
    let dir = link.parent().expect("the link has a directory");
    // Create under a unique name, then rename over: concurrent starts never see a half-made
    // link, and a stale link (an older build of the binary) is replaced.
    let temporary = dir.join(format!(".{LINK_NAME}.{}", std::process::id()));
    let _ = std::fs::remove_file(&temporary);
    std::fs::hard_link(target, &temporary)?;
    std::fs::rename(&temporary, link).inspect_err(|_| {
        let _ = std::fs::remove_file(&temporary);
    })
}

fn cache_dir() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cache")))?;
    Some(base.join("justjit"))
}

/// A stable (FNV-1a) hash, to name the cached copy.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
    })
}
