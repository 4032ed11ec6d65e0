//! Checks that the Python found by pyo3-ffi is CPython 3.11 with a shared libpython, sets the
//! runtime library path, and tells the crate's tests where that Python and its headers are.
//! The root package's build script reuses `check_python`.

use std::process::Command;

/// Stops the build with a one-line explanation unless the configured Python is CPython 3.11
/// with a shared libpython; on success links the runtime path to libpython's directory and
/// exports `JUSTJIT_PYTHON` (the executable) to the package's code and tests.
pub fn check_python() -> &'static str {
    let config = pyo3_build_config::get();
    let version = config.version();
    if version.major != 3 || version.minor != 11 || !config.shared() {
        eprintln!(
            "justjit needs CPython 3.11 built with a shared libpython (set PYO3_PYTHON); found {}.{}{}",
            version.major,
            version.minor,
            if config.shared() { "" } else { " without a shared libpython" }
        );
        std::process::exit(1);
    }
    pyo3_build_config::add_libpython_rpath_link_args();
    let executable = config
        .executable()
        .expect("pyo3 found no Python executable");
    println!("cargo:rustc-env=JUSTJIT_PYTHON={executable}");
    println!("cargo:rerun-if-env-changed=PYO3_PYTHON");
    executable
}

#[allow(dead_code)] // the root build script includes this file for `check_python` only
fn main() {
    let executable = check_python();
    let include = Command::new(executable)
        .args([
            "-c",
            "import sysconfig; print(sysconfig.get_paths()['include'])",
        ])
        .output()
        .expect("running python to find its include directory");
    let include = String::from_utf8(include.stdout).expect("utf-8 include path");
    println!("cargo:rustc-env=JUSTJIT_PYTHON_INCLUDE={}", include.trim());
}
