//! The path `sys.executable` gets under `justjit run`: a symbolic link named `python3` that
//! starts this binary, so that `subprocess`, `multiprocessing`, `venv` and test runners started
//! through `sys.executable` stay under justjit (the binary acts as python when started through a
//! link whose name begins with `python`).

use std::io;
use std::path::{Path, PathBuf};

const LINK_NAME: &str = "python3";

/// Returns a link to the running binary named `python3`: beside the binary when that directory
/// is writable or already holds one, otherwise in the user's cache directory.
pub fn find_or_create() -> io::Result<PathBuf> {
    let exe = std::env::current_exe()?.canonicalize()?;
    let beside = exe.parent().map(|dir| dir.join(LINK_NAME));
    let cached = cache_dir().map(|dir| {
        dir.join(format!("{:016x}", path_hash(&exe)))
            .join(LINK_NAME)
    });
    let mut last_error = io::Error::new(io::ErrorKind::NotFound, "no place for the link");
    for link in beside.into_iter().chain(cached) {
        match ensure_link(&link, &exe) {
            Ok(()) => return Ok(link),
            Err(err) => last_error = err,
        }
    }
    Err(last_error)
}

/// Makes `link` a symbolic link to `target` unless it already resolves to it.
fn ensure_link(link: &Path, target: &Path) -> io::Result<()> {
    if link.canonicalize().is_ok_and(|resolved| resolved == target) {
        return Ok(());
    }
    let dir = link.parent().expect("the link has a directory");
    std::fs::create_dir_all(dir)?;
    // Create under a unique name, then rename over: concurrent starts never see a half-made
    // link, and a stale link or file of that name is replaced.
    let temporary = dir.join(format!(".{LINK_NAME}.{}", std::process::id()));
    let _ = std::fs::remove_file(&temporary);
    std::os::unix::fs::symlink(target, &temporary)?;
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

/// A stable (FNV-1a) hash of the binary's path, so each installed justjit gets its own link.
fn path_hash(path: &Path) -> u64 {
    path.as_os_str()
        .as_encoded_bytes()
        .iter()
        .fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
            (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
        })
}
