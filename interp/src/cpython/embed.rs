//! Embedding: starts CPython exactly as `python3` would from a command line, with justjit's
//! frame evaluator installed before any user code runs, and runs the program.

use std::ffi::{CString, OsString};
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::ptr;

use pyo3_ffi as ffi;

use super::{hook, module};

/// How CPython is started.
pub struct Launch<'a> {
    /// The full command line as python would see it, program name first.
    pub argv: &'a [OsString],
    /// Overrides `sys.executable` (and the program name) when set; otherwise CPython derives
    /// it from `argv[0]` as python does.
    pub executable: Option<&'a Path>,
    /// Runs once when CPython has finalized, whichever way the program ended (returning,
    /// `sys.exit`, an uncaught exception); not after `os._exit` or a fatal signal.
    pub at_exit: fn(),
}

static AT_EXIT: std::sync::OnceLock<fn()> = std::sync::OnceLock::new();

extern "C" fn run_at_exit() {
    if let Some(callback) = AT_EXIT.get() {
        callback();
    }
}

/// The C strings of a command line and the pointer array CPython's `char **argv` wants.
struct CArgv {
    _strings: Vec<CString>,
    pointers: Vec<*mut std::ffi::c_char>,
}

impl CArgv {
    fn new(argv: &[OsString]) -> Self {
        // A NUL inside an argument cannot reach a C argv: the kernel splits arguments at NUL.
        let strings: Vec<CString> = argv
            .iter()
            .map(|a| CString::new(a.as_bytes()).expect("command-line arguments contain no NUL"))
            .collect();
        let mut pointers: Vec<_> = strings.iter().map(|s| s.as_ptr().cast_mut()).collect();
        pointers.push(ptr::null_mut());
        CArgv {
            _strings: strings,
            pointers,
        }
    }

    fn argc(&self) -> ffi::Py_ssize_t {
        (self.pointers.len() - 1) as ffi::Py_ssize_t
    }
}

/// Exits the process the way python does when initialization reports an error or an exit
/// (`--version`, `-h`, a bad option).
fn check(status: ffi::PyStatus) {
    // SAFETY: PyStatus_Exception only reads the struct; Py_ExitStatusException prints the
    // error (or nothing for an exit status) and ends the process.
    unsafe {
        if ffi::PyStatus_Exception(status) != 0 {
            ffi::Py_ExitStatusException(status);
        }
    }
}

/// Initializes CPython from `launch`, installs the frame evaluator and runs the program
/// (`Py_RunMain`): script, `-m`, `-c`, stdin, REPL. Returns the process exit code.
pub fn run(launch: &Launch) -> i32 {
    module::register_builtin();
    let mut argv = CArgv::new(launch.argv);
    // SAFETY: the configs are initialized by their Init functions before use and cleared after;
    // argv outlives every call that reads it; the hook is installed after initialization and
    // before Py_RunMain starts user code, with the GIL held by this (the main) thread.
    unsafe {
        let mut preconfig = std::mem::MaybeUninit::<ffi::PyPreConfig>::uninit();
        ffi::PyPreConfig_InitPythonConfig(preconfig.as_mut_ptr());
        check(ffi::Py_PreInitializeFromBytesArgs(
            preconfig.as_ptr(),
            argv.argc(),
            argv.pointers.as_mut_ptr(),
        ));

        let mut config = std::mem::MaybeUninit::<ffi::PyConfig>::uninit();
        ffi::PyConfig_InitPythonConfig(config.as_mut_ptr());
        let config = config.as_mut_ptr();
        let mut status =
            ffi::PyConfig_SetBytesArgv(config, argv.argc(), argv.pointers.as_mut_ptr().cast());
        if let (false, Some(executable)) = (ffi::PyStatus_Exception(status) != 0, launch.executable)
        {
            let path = CString::new(executable.as_os_str().as_bytes())
                .expect("a path from the file system has no NUL");
            status = ffi::PyConfig_SetBytesString(config, &mut (*config).executable, path.as_ptr());
            if ffi::PyStatus_Exception(status) == 0 {
                status = ffi::PyConfig_SetBytesString(
                    config,
                    &mut (*config).program_name,
                    path.as_ptr(),
                );
            }
        }
        // Two-phase start: the core first, then the hook, then the "main" phase, which imports
        // site (and so .pth files, sitecustomize and usercustomize) under justjit's evaluator.
        (*config)._init_main = 0;
        if ffi::PyStatus_Exception(status) == 0 {
            status = ffi::Py_InitializeFromConfig(config);
        }
        ffi::PyConfig_Clear(config);
        check(status);

        hook::install();
        // SystemExit ends the process inside Py_RunMain (through Py_Exit), so the exit work is
        // registered with CPython rather than run after Py_RunMain returns.
        AT_EXIT
            .set(launch.at_exit)
            .expect("CPython is started once per process");
        if ffi::Py_AtExit(Some(run_at_exit)) != 0 {
            eprintln!(
                "justjit: warning: cannot register the exit handler; no stats will be written"
            );
        }
        check(super::ffi::_Py_InitializeMain());
        ffi::Py_RunMain()
    }
}

/// The version string of the CPython justjit embeds, e.g. `3.11.7 (main, ...) [GCC 12.2.0]`.
pub fn python_version() -> String {
    // SAFETY: Py_GetVersion returns a pointer to a static NUL-terminated string and may be
    // called before initialization.
    let version = unsafe { std::ffi::CStr::from_ptr(ffi::Py_GetVersion()) };
    version.to_string_lossy().into_owned()
}
