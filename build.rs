//! Checks for CPython 3.11 with a shared libpython and sets the runtime library path, so that
//! `target/*/justjit` and the tests run without LD_LIBRARY_PATH (see `interp/build.rs`).

#[path = "interp/build.rs"]
mod interp_build;

fn main() {
    interp_build::check_python();
    println!("cargo:rerun-if-changed=interp/build.rs");
}
