//! Mirrors of CPython 3.11's per-thread state: the whole `PyThreadState` (`struct _ts` in
//! cpython/pystate.h) with the small structs it embeds or points to (`_PyErr_StackItem`,
//! `_PyStackChunk`, `PyTraceInfo`, `PyCodeAddressRange`), and typed offsets for the fields of
//! `PyInterpreterState` (`struct _is`, internal/pycore_interp.h) and `_PyRuntimeState`
//! (internal/pycore_runtime.h) that the evaluation loop reads. Those two are far too large to
//! mirror whole; the offsets, like every mirror, are checked against the installed headers by
//! `interp/tests/layout.rs`.

#![allow(non_camel_case_types, non_snake_case)]

use core::ffi::{c_int, c_ulong, c_void};
use core::sync::atomic::{AtomicI32, AtomicUsize, Ordering};

use pyo3_ffi::{_PyFrameEvalFunction, PyInterpreterState, PyObject, Py_ssize_t, Py_tracefunc};

use super::frame::_PyCFrame;
use super::layout::{c_consts, mirror, partial_layout};
use super::objects::PyCodeObject;

mirror! {
    /// `_PyErr_StackItem`: one entry of the stack of exceptions being handled (one per thread
    /// plus one per running generator or coroutine).
    pub struct _PyErr_StackItem as "_PyErr_StackItem" {
        /// The exception currently being handled in this context, if any.
        pub exc_value: *mut PyObject,
        pub previous_item: *mut _PyErr_StackItem,
    }

    /// `_PyStackChunk`: one chunk of the thread's data stack, where `_PyInterpreterFrame`s live.
    pub struct _PyStackChunk as "_PyStackChunk" {
        pub previous: *mut _PyStackChunk,
        /// Size of the chunk in bytes.
        pub size: usize,
        /// Index of the first free slot of `data` (used when the chunk is not the top one).
        pub top: usize,
        /// The slots (variable length).
        pub data: [*mut PyObject; 1],
    }

    /// `struct _opaque`: the line-table cursor inside `PyCodeAddressRange`.
    pub struct _opaque as "struct _opaque" {
        pub computed_line: c_int,
        pub lo_next: *const u8,
        pub limit: *const u8,
    }

    /// `PyCodeAddressRange` (cpython/code.h): the bytecode range of one line-table entry.
    pub struct PyCodeAddressRange as "PyCodeAddressRange" {
        pub ar_start: c_int,
        pub ar_end: c_int,
        pub ar_line: c_int,
        pub opaque: _opaque,
    }

    /// `PyTraceInfo`: the line bounds cached for the line tracer.
    pub struct PyTraceInfo as "PyTraceInfo" {
        /// The code object the bounds belong to; may be NULL.
        pub code: *mut PyCodeObject,
        /// Only valid if `code` is not NULL.
        pub bounds: PyCodeAddressRange,
    }

    /// `PyThreadState` (`struct _ts`), whole.
    pub struct PyThreadState as "PyThreadState" {
        pub prev: *mut PyThreadState,
        pub next: *mut PyThreadState,
        pub interp: *mut PyInterpreterState,
        pub _initialized: c_int,
        pub _static: c_int,
        /// Calls left before `RecursionError` (decremented on each Python call).
        pub recursion_remaining: c_int,
        pub recursion_limit: c_int,
        /// Extra calls allowed while handling a `RecursionError`.
        pub recursion_headroom: c_int,
        /// Tracing/profiling depth (non-zero while a trace or profile function runs).
        pub tracing: c_int,
        pub tracing_what: c_int,
        /// The innermost `_PyCFrame` on the C stack.
        pub cframe: *mut _PyCFrame,
        pub c_profilefunc: Option<Py_tracefunc>,
        pub c_tracefunc: Option<Py_tracefunc>,
        pub c_profileobj: *mut PyObject,
        pub c_traceobj: *mut PyObject,
        /// The exception being raised.
        pub curexc_type: *mut PyObject,
        pub curexc_value: *mut PyObject,
        pub curexc_traceback: *mut PyObject,
        /// Top of the stack of exceptions being handled; never NULL.
        pub exc_info: *mut _PyErr_StackItem,
        pub dict: *mut PyObject,
        pub gilstate_counter: c_int,
        /// Asynchronous exception to raise (`PyThreadState_SetAsyncExc`).
        pub async_exc: *mut PyObject,
        pub thread_id: c_ulong,
        pub native_thread_id: c_ulong,
        pub trash_delete_nesting: c_int,
        pub trash_delete_later: *mut PyObject,
        pub on_delete: Option<unsafe extern "C" fn(*mut c_void)>,
        pub on_delete_data: *mut c_void,
        pub coroutine_origin_tracking_depth: c_int,
        pub async_gen_firstiter: *mut PyObject,
        pub async_gen_finalizer: *mut PyObject,
        pub context: *mut PyObject,
        pub context_ver: u64,
        pub id: u64,
        pub trace_info: PyTraceInfo,
        /// The data-stack chunk frames are pushed into.
        pub datastack_chunk: *mut _PyStackChunk,
        /// First free slot of the data stack.
        pub datastack_top: *mut *mut PyObject,
        /// End of the current chunk.
        pub datastack_limit: *mut *mut PyObject,
        /// The thread's own exception-stack entry (always the bottom one).
        pub exc_state: _PyErr_StackItem,
        /// The bottom-most `_PyCFrame`.
        pub root_cframe: _PyCFrame,
    }
}

impl PyThreadState {
    /// Views pyo3-ffi's opaque thread-state pointer as this mirror.
    pub fn from_ffi(tstate: *mut pyo3_ffi::PyThreadState) -> *mut PyThreadState {
        tstate.cast()
    }

    /// The current thread state (`PyThreadState_Get`, which aborts if there is none).
    ///
    /// # Safety
    /// The caller must hold the GIL.
    pub unsafe fn current() -> *mut PyThreadState {
        // SAFETY: the caller holds the GIL, so a current thread state exists.
        Self::from_ffi(unsafe { pyo3_ffi::PyThreadState_Get() })
    }
}

c_consts! {
    /// The size of `PyInterpreterState.co_extra_freefuncs` (pystate.h).
    pub const MAX_CO_EXTRA_USERS: usize = 255;
}

/// Base type for the [`runtime`] offsets: `_PyRuntimeState` is only used through pointers.
#[repr(C)]
pub struct _PyRuntimeState {
    _opaque: [u8; 0],
}

extern "C" {
    /// The runtime state singleton (exported by libpython).
    pub static mut _PyRuntime: _PyRuntimeState;
}

partial_layout! {
    /// Offsets into `PyInterpreterState` (`struct _is`, internal/pycore_interp.h) of the fields
    /// the 3.11 evaluation loop (Python/ceval.c, and the headers it inlines) reads or writes.
    /// The `_Py_atomic_int`s are a C11 `atomic_int` wrapped in a struct: an [`AtomicI32`].
    pub mod interp: PyInterpreterState as "PyInterpreterState" {
        /// Head of the interpreter's linked list of thread states (newest first).
        pub const THREADS_HEAD: *mut PyThreadState = "threads.head" @ 16;
        /// The `_PyRuntimeState` this interpreter belongs to.
        pub const RUNTIME: *mut _PyRuntimeState = "runtime" @ 40;
        /// `sys.getrecursionlimit()`; copied to `tstate.recursion_limit`.
        pub const CEVAL_RECURSION_LIMIT: c_int = "ceval.recursion_limit" @ 96;
        /// Non-zero when the eval loop must break out to handle signals, pending calls, a GIL
        /// drop request or an asynchronous exception (checked at `RESUME` and backward jumps).
        pub const CEVAL_EVAL_BREAKER: AtomicI32 = "ceval.eval_breaker" @ 100;
        /// Another thread asked for the GIL.
        pub const CEVAL_GIL_DROP_REQUEST: AtomicI32 = "ceval.gil_drop_request" @ 104;
        /// `Py_AddPendingCall` calls are waiting.
        pub const CEVAL_PENDING_CALLS_TO_DO: AtomicI32 = "ceval.pending.calls_to_do" @ 120;
        /// The current thread state has an `async_exc` to raise.
        pub const CEVAL_PENDING_ASYNC_EXC: c_int = "ceval.pending.async_exc" @ 124;
        /// `sys.modules`.
        pub const MODULES: *mut PyObject = "modules" @ 888;
        /// The `sys` module's dict.
        pub const SYSDICT: *mut PyObject = "sysdict" @ 904;
        /// The `builtins` module's dict.
        pub const BUILTINS: *mut PyObject = "builtins" @ 912;
        /// The original `builtins.__import__` (IMPORT_NAME's fast path compares with it).
        pub const IMPORT_FUNC: *mut PyObject = "import_func" @ 1416;
        /// The PEP 523 frame evaluator (NULL means `_PyEval_EvalFrameDefault`).
        pub const EVAL_FRAME: Option<_PyFrameEvalFunction> = "eval_frame" @ 1424;
        /// Number of code-extra slots handed out by `_PyEval_RequestCodeExtraIndex`.
        pub const CO_EXTRA_USER_COUNT: Py_ssize_t = "co_extra_user_count" @ 1432;
        /// Free functions of the code-extra slots.
        pub const CO_EXTRA_FREEFUNCS: [Option<pyo3_ffi::freefunc>; MAX_CO_EXTRA_USERS] =
            "co_extra_freefuncs" @ 1440;
        /// `builtins.isinstance` (PRECALL_NO_KW_ISINSTANCE guards on it).
        pub const CALLABLE_CACHE_ISINSTANCE: *mut PyObject = "callable_cache.isinstance" @ 107360;
        /// `builtins.len` (PRECALL_NO_KW_LEN).
        pub const CALLABLE_CACHE_LEN: *mut PyObject = "callable_cache.len" @ 107368;
        /// `list.append` (PRECALL_NO_KW_LIST_APPEND).
        pub const CALLABLE_CACHE_LIST_APPEND: *mut PyObject = "callable_cache.list_append" @ 107376;
    }

    /// Offsets into `_PyRuntimeState` (internal/pycore_runtime.h) of the fields the eval loop's
    /// pending-work handling reads (`eval_frame_handle_pending` and `COMPUTE_EVAL_BREAKER`).
    pub mod runtime: _PyRuntimeState as "_PyRuntimeState" {
        /// `_PyRuntime.interpreters.main`: the main interpreter (only it handles signals).
        pub const INTERPRETERS_MAIN: *mut PyInterpreterState = "interpreters.main" @ 48;
        /// The thread id of the main thread (only it handles signals).
        pub const MAIN_THREAD: c_ulong = "main_thread" @ 80;
        /// A signal arrived and its Python handler has not run yet.
        pub const CEVAL_SIGNALS_PENDING: AtomicI32 = "ceval.signals_pending" @ 352;
        /// The thread state holding the GIL (`_PyThreadState_GET`).
        pub const GILSTATE_TSTATE_CURRENT: AtomicUsize = "gilstate.tstate_current" @ 576;
    }
}

/// Relaxed load of `interp->ceval.eval_breaker`, as the eval loop does at `RESUME` and on
/// backward jumps: non-zero means "call the pending-work handler before going on".
///
/// # Safety
/// `interp` must point to a live interpreter state.
pub unsafe fn eval_breaker(interp: *mut PyInterpreterState) -> bool {
    // SAFETY: the caller guarantees `interp` is live; the field is a C11 atomic int, which
    // `AtomicI32` mirrors, and other threads only ever write it atomically.
    unsafe { (*interp::CEVAL_EVAL_BREAKER.ptr(interp)).load(Ordering::Relaxed) != 0 }
}

/// `interp->ceval.recursion_limit` (`sys.getrecursionlimit()`).
///
/// # Safety
/// `interp` must point to a live interpreter state and the caller must hold the GIL.
pub unsafe fn recursion_limit(interp: *mut PyInterpreterState) -> c_int {
    // SAFETY: the caller guarantees `interp` is live and holds the GIL that guards the field.
    unsafe { interp::CEVAL_RECURSION_LIMIT.ptr(interp).read() }
}

/// `interp->eval_frame`, the installed PEP 523 evaluator (`None` for CPython's default).
///
/// # Safety
/// `interp` must point to a live interpreter state and the caller must hold the GIL.
pub unsafe fn eval_frame(interp: *mut PyInterpreterState) -> Option<_PyFrameEvalFunction> {
    // SAFETY: the caller guarantees `interp` is live and holds the GIL that guards the field.
    unsafe { interp::EVAL_FRAME.ptr(interp).read() }
}

/// `interp->builtins`, the builtins module's dict (borrowed).
///
/// # Safety
/// `interp` must point to a live interpreter state and the caller must hold the GIL.
pub unsafe fn builtins(interp: *mut PyInterpreterState) -> *mut PyObject {
    // SAFETY: the caller guarantees `interp` is live and holds the GIL that guards the field.
    unsafe { interp::BUILTINS.ptr(interp).read() }
}

/// Relaxed load of `_PyRuntime.ceval.signals_pending`.
///
/// # Safety
/// The Python runtime must be initialized.
pub unsafe fn signals_pending() -> bool {
    // SAFETY: `_PyRuntime` is a static of libpython, live for the process; the field is a C11
    // atomic int written only atomically.
    unsafe {
        let rt = core::ptr::addr_of_mut!(_PyRuntime);
        (*runtime::CEVAL_SIGNALS_PENDING.ptr(rt)).load(Ordering::Relaxed) != 0
    }
}

/// The thread state holding the GIL, read the way `_PyThreadState_GET` does (NULL if none).
///
/// # Safety
/// The Python runtime must be initialized.
pub unsafe fn current_tstate_unchecked() -> *mut PyThreadState {
    // SAFETY: `_PyRuntime` is a static of libpython, live for the process; the field is a C11
    // atomic address written only atomically.
    unsafe {
        let rt = core::ptr::addr_of_mut!(_PyRuntime);
        let slot = runtime::GILSTATE_TSTATE_CURRENT.ptr(rt);
        (*slot).load(Ordering::Relaxed) as *mut PyThreadState
    }
}
