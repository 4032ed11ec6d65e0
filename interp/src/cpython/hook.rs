//! The PEP 523 frame evaluator CPython calls for every Python frame, and its installation.
//!
//! The hook plays the part of `_PyEval_EvalFrameDefault`'s prologue and epilogue: it pushes a
//! `_PyCFrame`, links the frame as the entry frame, runs justjit's evaluator, and pops the C
//! frame. A frame the evaluator does not take goes to CPython's own evaluator instead.

use std::ffi::c_int;
use std::ptr;

use pyo3_ffi::PyObject;

use super::cursor::FramePtr;
use super::ffi::{_PyEval_EvalFrameDefault, _PyInterpreterState_SetEvalFrameFunc};
use super::frame::{_PyCFrame, _PyInterpreterFrame};
use super::runtime::Thread;
use super::state::PyThreadState;
use crate::eval::{self, Exit};

/// Installs justjit's evaluator in the current interpreter.
pub(super) fn install() {
    // SAFETY: called with the GIL held after initialization; the interpreter state returned by
    // PyInterpreterState_Get is the running one and outlives the process's use of the hook.
    unsafe {
        _PyInterpreterState_SetEvalFrameFunc(pyo3_ffi::PyInterpreterState_Get(), eval_frame);
    }
}

unsafe extern "C" fn eval_frame(
    tstate: *mut PyThreadState,
    frame: *mut _PyInterpreterFrame,
    throwflag: c_int,
) -> *mut PyObject {
    // SAFETY: CPython passes the running thread state (GIL held) and a live frame that is ready
    // to run or resume. The C frame lives on this stack for the whole evaluation and is unlinked
    // before returning, as ceval does.
    unsafe {
        let previous = (*tstate).cframe;
        let mut cframe = _PyCFrame {
            use_tracing: (*previous).use_tracing,
            current_frame: frame,
            previous,
        };
        (*tstate).cframe = &mut cframe;
        (*frame).is_entry = true;
        (*frame).previous = (*previous).current_frame;

        let exit = eval::run(Thread::new(tstate), FramePtr::new(frame), throwflag != 0);

        (*tstate).cframe = previous;
        (*previous).use_tracing = cframe.use_tracing;
        match exit {
            Exit::Return(value) => value.into_raw(),
            Exit::Error => ptr::null_mut(),
            Exit::HandBack { throw } => _PyEval_EvalFrameDefault(tstate, frame, c_int::from(throw)),
        }
    }
}
