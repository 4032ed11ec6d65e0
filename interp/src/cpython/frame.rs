//! Mirrors of CPython 3.11's frame structs: `_PyInterpreterFrame` (internal/pycore_frame.h), the
//! frame object `struct _frame` (`PyFrameObject`, same header) and `_PyCFrame`
//! (cpython/pystate.h), with the frame-state and frame-owner constants and small raw-pointer
//! helpers equivalent to the header's inline functions.
//!
//! Every struct here is declared with `mirror!` and checked field by field against the installed
//! headers by `interp/tests/layout.rs`.

#![allow(non_camel_case_types, non_snake_case)]

use core::ffi::{c_char, c_int};

use pyo3_ffi::PyObject;

use super::layout::{c_consts, mirror};
use super::objects::{_Py_CODEUNIT, PyCodeObject, PyFunctionObject};

mirror! {
    /// `_PyInterpreterFrame`: the activation record of one Python frame, living in the thread's
    /// data stack (or in a generator / frame object that owns it). `localsplus` is the first
    /// slot of a variable-length array: `co_nlocalsplus` locals, cells and free variables,
    /// followed by the value stack (`stacktop` slots in use, counted from `localsplus`).
    pub struct _PyInterpreterFrame as "_PyInterpreterFrame" {
        /// The function being run (strong reference).
        pub f_func: *mut PyFunctionObject,
        /// Borrowed reference.
        pub f_globals: *mut PyObject,
        /// Borrowed reference.
        pub f_builtins: *mut PyObject,
        /// Strong reference, may be NULL.
        pub f_locals: *mut PyObject,
        /// Strong reference.
        pub f_code: *mut PyCodeObject,
        /// The frame object, created lazily (strong reference, may be NULL).
        pub frame_obj: *mut PyFrameObject,
        /// The calling frame.
        pub previous: *mut _PyInterpreterFrame,
        /// The code unit *before* the next instruction to run (may point at a cache entry, or one
        /// before the first instruction in a fresh frame).
        pub prev_instr: *mut _Py_CODEUNIT,
        /// Index one past the top of the value stack, counted from `localsplus`.
        pub stacktop: c_int,
        /// Whether this is the first frame run by the current `_PyCFrame` (returning from it
        /// leaves the evaluator).
        pub is_entry: bool,
        /// One of the `FRAME_OWNED_BY_*` constants.
        pub owner: c_char,
        /// First slot of the locals-plus-stack array (variable length).
        pub localsplus: [*mut PyObject; 1],
    }

    /// `_PyCFrame`: threaded through the C stack by each running `_PyEval_EvalFrameDefault` (and
    /// by justjit's evaluator); `PyThreadState.cframe` points to the innermost one.
    pub struct _PyCFrame as "_PyCFrame" {
        /// 0 or 255 (it is or'ed into the opcode to divert dispatch to `DO_TRACING`).
        pub use_tracing: u8,
        /// The frame currently executing in this C frame (may be NULL).
        pub current_frame: *mut _PyInterpreterFrame,
        pub previous: *mut _PyCFrame,
    }

    /// `struct _frame` (`PyFrameObject`): the Python-visible frame object. When it owns the
    /// frame data (`FRAME_OWNED_BY_FRAME_OBJECT`), `f_frame` points into `_f_frame_data`.
    pub struct PyFrameObject as "PyFrameObject" {
        pub ob_base: PyObject,
        /// Previous frame object, or NULL.
        pub f_back: *mut PyFrameObject,
        /// The frame data.
        pub f_frame: *mut _PyInterpreterFrame,
        /// Trace function.
        pub f_trace: *mut PyObject,
        /// Current line number; only valid if non-zero.
        pub f_lineno: c_int,
        pub f_trace_lines: c_char,
        pub f_trace_opcodes: c_char,
        /// Whether the fast locals have been copied to a dict.
        pub f_fast_as_locals: c_char,
        /// The frame data when this object owns it (variable length).
        pub _f_frame_data: [*mut PyObject; 1],
    }
}

c_consts! {
    /// `PyFrameState` (a generator's `gi_frame_state`): not started yet.
    pub const FRAME_CREATED: i8 = -2;
    /// Suspended at a `yield`.
    pub const FRAME_SUSPENDED: i8 = -1;
    /// Running.
    pub const FRAME_EXECUTING: i8 = 0;
    /// Returned or raised.
    pub const FRAME_COMPLETED: i8 = 1;
    /// Cleared.
    pub const FRAME_CLEARED: i8 = 4;
    /// `_PyInterpreterFrame.owner`: the frame lives in the thread's data stack.
    pub const FRAME_OWNED_BY_THREAD: c_char = 0;
    /// The frame is embedded in a generator, coroutine or async generator (`gi_iframe`).
    pub const FRAME_OWNED_BY_GENERATOR: c_char = 1;
    /// The frame was copied into its frame object (`_f_frame_data`).
    pub const FRAME_OWNED_BY_FRAME_OBJECT: c_char = 2;
    /// Pointer-sized slots before `localsplus` (`FRAME_SPECIALS_SIZE`): the size of a frame is
    /// this plus `co_framesize`-style locals and stack slots.
    pub const FRAME_SPECIALS_SIZE: usize =
        (core::mem::size_of::<_PyInterpreterFrame>() - 1) / core::mem::size_of::<*mut PyObject>();
}

impl _PyInterpreterFrame {
    /// Pointer to `localsplus[0]` (the `_PyFrame_GetLocalsArray` of the headers).
    ///
    /// # Safety
    /// `frame` must point to a live `_PyInterpreterFrame`.
    pub unsafe fn localsplus_ptr(frame: *mut Self) -> *mut *mut PyObject {
        // SAFETY: the caller guarantees `frame` is live; this only computes a field address.
        unsafe { core::ptr::addr_of_mut!((*frame).localsplus).cast::<*mut PyObject>() }
    }

    /// Pointer one past the top of the value stack (`_PyFrame_GetStackPointer`).
    ///
    /// # Safety
    /// `frame` must point to a live frame whose `stacktop` is valid.
    pub unsafe fn stack_pointer(frame: *mut Self) -> *mut *mut PyObject {
        // SAFETY: the caller guarantees `frame` is live and `stacktop` is within its
        // locals-plus-stack array, which follows the specials contiguously.
        unsafe { Self::localsplus_ptr(frame).offset((*frame).stacktop as isize) }
    }

    /// Stores `sp` as the top of the value stack (`_PyFrame_SetStackPointer`).
    ///
    /// # Safety
    /// `frame` must point to a live frame and `sp` into its locals-plus-stack array.
    pub unsafe fn set_stack_pointer(frame: *mut Self, sp: *mut *mut PyObject) {
        // SAFETY: the caller guarantees both pointers are in the same frame allocation.
        unsafe {
            let depth = sp.offset_from(Self::localsplus_ptr(frame));
            (*frame).stacktop = depth as c_int;
        }
    }

    /// Pointer to the bottom of the value stack (`_PyFrame_Stackbase`): `localsplus` plus the
    /// code object's `co_nlocalsplus`.
    ///
    /// # Safety
    /// `frame` must point to a live frame with a valid `f_code`.
    pub unsafe fn stack_base(frame: *mut Self) -> *mut *mut PyObject {
        // SAFETY: the caller guarantees `frame` and its code object are live; the stack starts
        // right after the `co_nlocalsplus` local slots.
        unsafe { Self::localsplus_ptr(frame).add((*(*frame).f_code).co_nlocalsplus as usize) }
    }

    /// The index (in code units) of `prev_instr` in the code (`_PyInterpreterFrame_LASTI`); -1
    /// for a frame that has not started.
    ///
    /// # Safety
    /// `frame` must point to a live frame with a valid `f_code` and `prev_instr`.
    pub unsafe fn lasti(frame: *mut Self) -> c_int {
        // SAFETY: the caller guarantees the frame and its code object are live and that
        // `prev_instr` points into (or one before) the code object's bytecode.
        unsafe {
            let first = PyCodeObject::code_ptr((*frame).f_code);
            (*frame).prev_instr.offset_from(first) as c_int
        }
    }
}
