//! The PEP 523 frame evaluator CPython calls for every Python frame, and its installation.

use std::ffi::c_int;

use pyo3_ffi::PyObject;

use super::ffi::{_PyEval_EvalFrameDefault, _PyInterpreterState_SetEvalFrameFunc};
use super::frame::_PyInterpreterFrame;
use super::state::PyThreadState;
use crate::eval::{self, Evaluation};

/// Installs justjit's evaluator in the current interpreter.
pub(super) fn install() {
    // SAFETY: called with the GIL held after initialization; the interpreter state returned by
    // PyInterpreterState_Get is the running one and outlives the process's use of the hook.
    unsafe {
        _PyInterpreterState_SetEvalFrameFunc(pyo3_ffi::PyInterpreterState_Get(), eval_frame);
    }
}

/// Whether `sys.settrace`/`sys.setprofile` (or a C tracer) is active on this thread.
///
/// # Safety
/// `tstate` must be the running thread state, whose `cframe` is valid while it evaluates.
unsafe fn tracing_active(tstate: *const PyThreadState) -> bool {
    (*(*tstate).cframe).use_tracing != 0
}

unsafe extern "C" fn eval_frame(
    tstate: *mut PyThreadState,
    frame: *mut _PyInterpreterFrame,
    throwflag: c_int,
) -> *mut PyObject {
    // SAFETY: CPython passes the running thread state and a frame it has fully initialized
    // (or one to resume) with the GIL held; handing both to CPython's own evaluator is exactly
    // what CPython does when no hook is installed.
    unsafe {
        match eval::plan(tracing_active(tstate)) {
            Evaluation::HandBack => _PyEval_EvalFrameDefault(tstate, frame, throwflag),
        }
    }
}
