//! CPython 3.11 entry points that pyo3-ffi does not declare, or declares with opaque types
//! where justjit needs its own struct mirrors.

use std::ffi::c_int;

use pyo3_ffi::{PyInterpreterState, PyObject};

use super::frame::_PyInterpreterFrame;
use super::state::PyThreadState;

/// The PEP 523 frame evaluator signature of 3.11 (`_PyFrameEvalFunction`).
pub type FrameEvalFunction = unsafe extern "C" fn(
    tstate: *mut PyThreadState,
    frame: *mut _PyInterpreterFrame,
    throwflag: c_int,
) -> *mut PyObject;

extern "C" {
    /// The bound-method type (`types.MethodType`).
    pub static mut PyMethod_Type: pyo3_ffi::PyTypeObject;
    /// A bound method's function (borrowed).
    pub fn PyMethod_Function(method: *mut PyObject) -> *mut PyObject;
    /// A bound method's self (borrowed).
    pub fn PyMethod_Self(method: *mut PyObject) -> *mut PyObject;

    /// CPython's own evaluation loop; resumes `frame` at `prev_instr + 1`.
    pub fn _PyEval_EvalFrameDefault(
        tstate: *mut PyThreadState,
        frame: *mut _PyInterpreterFrame,
        throwflag: c_int,
    ) -> *mut PyObject;

    /// The second phase of a two-phase start (`PyConfig._init_main = 0`): imports site and
    /// the rest of what makes the interpreter fully initialized.
    pub fn _Py_InitializeMain() -> pyo3_ffi::PyStatus;

    /// Frees an object whose reference count reached zero (what `Py_DECREF` calls).
    pub fn _Py_Dealloc(obj: *mut PyObject);

    pub fn _PyInterpreterState_SetEvalFrameFunc(
        interp: *mut PyInterpreterState,
        eval_frame: FrameEvalFunction,
    );
}
