//! Thread-level services of the evaluator, reimplemented from CPython 3.11 where libpython does
//! not export them: the `_PyCFrame` chain, the recursion counter, the data stack that frames
//! live in, pushing and clearing frames, frame objects for tracebacks, the handled-exception
//! stack, and the eval breaker's pending work.

use std::ffi::{c_char, c_int, CStr};
use std::ptr;
use std::sync::atomic::Ordering;

use pyo3_ffi as ffi;
use pyo3_ffi::PyObject;

use super::cursor::FramePtr;
use super::frame::{
    _PyCFrame, _PyInterpreterFrame, PyFrameObject, FRAME_OWNED_BY_FRAME_OBJECT,
    FRAME_OWNED_BY_GENERATOR, FRAME_OWNED_BY_THREAD,
};
use super::object::{Obj, Owned, PyResult, Raised};
use super::objects::{PyCodeObject, PyFunctionObject, PyGenObject};
use super::state::{self, _PyStackChunk, PyThreadState};

/// `PyTrace_EXCEPTION` and `PyTrace_RETURN` (cpython/pystate.h).
const PY_TRACE_EXCEPTION: c_int = 1;
const PY_TRACE_RETURN: c_int = 3;

extern "C" {
    fn _Py_CheckRecursiveCall(tstate: *mut PyThreadState, where_: *const c_char) -> c_int;
    fn PyObject_GC_IsTracked(op: *mut PyObject) -> c_int;
}

/// The running thread's state, as the evaluator sees it (GIL held).
#[derive(Clone, Copy)]
pub struct Thread(*mut PyThreadState);

impl Thread {
    /// # Safety
    /// `tstate` must be the current thread state, and the GIL held while the value is used.
    pub unsafe fn new(tstate: *mut PyThreadState) -> Thread {
        Thread(tstate)
    }

    pub fn as_ptr(self) -> *mut PyThreadState {
        self.0
    }

    /// `_Py_EnterRecursiveCallTstate(tstate, "")`: counts one Python call. On failure the
    /// counter is unchanged and a RecursionError is set.
    #[inline(always)]
    pub fn enter_call(self) -> PyResult<()> {
        self.enter_call_with(c"")
    }

    /// `_Py_EnterRecursiveCallTstate(tstate, where_)`: [`enter_call`](Self::enter_call) with
    /// the text the RecursionError message ends with (" while calling a Python object" for
    /// the check `_PyObject_MakeTpCall` makes before a class runs).
    #[inline(always)]
    pub fn enter_call_with(self, where_: &CStr) -> PyResult<()> {
        // SAFETY: the thread state is live (GIL held); the counter is only touched by its
        // own thread.
        unsafe {
            let remaining = (*self.0).recursion_remaining;
            (*self.0).recursion_remaining = remaining - 1;
            if remaining <= 0 && _Py_CheckRecursiveCall(self.0, where_.as_ptr()) != 0 {
                // _Py_CheckRecursiveCall restored the count when it raised.
                return Err(Raised);
            }
        }
        Ok(())
    }

    /// Counts a call without the limit check: what ceval does for a frame whose entry check
    /// failed, so that the unwind that follows (which leaves the call) stays balanced.
    pub fn enter_call_unchecked(self) {
        // SAFETY: as in `enter_call`.
        unsafe { (*self.0).recursion_remaining -= 1 }
    }

    /// Runs a thread-owned frame with CPython's own evaluator to its end (it resumes at
    /// `prev_instr + 1` with the stored stack), as an entry frame of a new C frame. The frame is
    /// left finished but not cleared.
    pub fn run_in_cpython(self, frame: FramePtr) -> PyResult<Owned> {
        // SAFETY: the frame is live with exact prev_instr and stacktop; the current frame of
        // the C frame is its caller, which is what CPython links it to.
        unsafe {
            let result = super::ffi::_PyEval_EvalFrameDefault(self.0, frame.as_ptr(), 0);
            Owned::from_new(result)
        }
    }

    /// `_Py_LeaveRecursiveCallTstate`.
    #[inline(always)]
    pub fn leave_call(self) {
        // SAFETY: as in `enter_call`.
        unsafe { (*self.0).recursion_remaining += 1 }
    }

    /// Whether a trace or profile function is active for this thread's C frame.
    #[inline(always)]
    pub fn use_tracing(self) -> bool {
        // SAFETY: tstate->cframe is always valid while the thread runs.
        unsafe { (*(*self.0).cframe).use_tracing != 0 }
    }

    /// The frame the innermost C frame is running.
    pub fn current_frame(self) -> *mut _PyInterpreterFrame {
        // SAFETY: as above.
        unsafe { (*(*self.0).cframe).current_frame }
    }

    /// Sets the frame the innermost C frame is running (what `sys._getframe()` sees).
    #[inline(always)]
    pub fn set_current_frame(self, frame: FramePtr) {
        // SAFETY: as above.
        unsafe { (*(*self.0).cframe).current_frame = frame.as_ptr() }
    }

    // --- the eval breaker ---

    /// `interp->ceval.eval_breaker` is set: there is pending work.
    #[inline(always)]
    pub fn eval_breaker(self) -> bool {
        // SAFETY: the interpreter state outlives its threads.
        unsafe { state::eval_breaker((*self.0).interp) }
    }

    /// The address of `interp->ceval.eval_breaker`, which native traces poll.
    pub fn eval_breaker_addr(self) -> *const std::sync::atomic::AtomicI32 {
        // SAFETY: the interpreter state outlives its threads; only the address is taken.
        unsafe { state::interp::CEVAL_EVAL_BREAKER.ptr((*self.0).interp) }
    }

    /// Does the eval breaker's pending work, as `eval_frame_handle_pending`: runs signal
    /// handlers and pending calls (main thread), lets another thread take the GIL when asked,
    /// and raises an asynchronous exception set by `PyThreadState_SetAsyncExc`.
    pub fn handle_pending(self) -> PyResult<()> {
        // SAFETY: GIL held; every pointer read belongs to the live runtime, interpreter or
        // thread state; the GIL is released and re-acquired with the public API.
        unsafe {
            let interp = (*self.0).interp;
            if state::signals_pending() && ffi::PyErr_CheckSignals() != 0 {
                return Err(Raised);
            }
            let calls = &*state::interp::CEVAL_PENDING_CALLS_TO_DO.ptr(interp);
            if calls.load(Ordering::Relaxed) != 0 && ffi::Py_MakePendingCalls() != 0 {
                return Err(Raised);
            }
            let drop_request = &*state::interp::CEVAL_GIL_DROP_REQUEST.ptr(interp);
            if drop_request.load(Ordering::Relaxed) != 0 {
                // Releasing resets the drop request and hands the GIL over (forced switching).
                let saved = ffi::PyEval_SaveThread();
                ffi::PyEval_RestoreThread(saved);
            }
            let exc = (*self.0).async_exc;
            if !exc.is_null() {
                (*self.0).async_exc = ptr::null_mut();
                state::interp::CEVAL_PENDING_ASYNC_EXC.ptr(interp).write(0);
                recompute_eval_breaker(interp);
                ffi::PyErr_SetNone(exc);
                ffi::Py_DECREF(exc);
                return Err(Raised);
            }
        }
        Ok(())
    }

    // --- the handled-exception stack (sys.exc_info) ---

    /// The exception being handled (`tstate->exc_info->exc_value`), or None.
    pub fn handled_exception(self) -> Owned {
        // SAFETY: exc_info is never NULL; exc_value is NULL or a strong reference.
        unsafe {
            let value = (*(*self.0).exc_info).exc_value;
            if value.is_null() {
                Owned::none()
            } else {
                Obj::from_ptr(value).to_owned()
            }
        }
    }

    /// Replaces the exception being handled, returning the old one (None if none).
    pub fn swap_handled_exception(self, value: Owned) -> Owned {
        // SAFETY: as above; the slot takes the new reference and gives up the old one.
        unsafe {
            let slot = &mut (*(*self.0).exc_info).exc_value;
            let old = std::mem::replace(slot, value.into_raw());
            if old.is_null() {
                Owned::none()
            } else {
                Owned::from_raw_unchecked(old)
            }
        }
    }

    // --- frames ---

    /// Pushes a frame for `func` on the data stack with `locals` as its initial local slots
    /// (arguments bound, the rest empty), moving them out of `locals` (which is left empty).
    /// `locals` has `co_nlocalsplus` entries.
    pub fn push_frame(self, func: &Obj, locals: &mut [Option<Owned>]) -> PyResult<FramePtr> {
        assert!(func.is_exact_function());
        // SAFETY: `func` is a live function; the new frame is carved out of the thread's data
        // stack with room for the code's locals and stack; every local slot is initialized
        // before the frame is returned.
        unsafe {
            let f = func.as_ptr().cast::<PyFunctionObject>();
            let code = (*f).func_code.cast::<PyCodeObject>();
            assert_eq!(locals.len(), (*code).co_nlocalsplus as usize);
            let frame = self.allocate_frame(PyCodeObject::frame_slots(code))?;
            ffi::Py_INCREF(func.as_ptr());
            initialize_specials(frame, f, ptr::null_mut());
            let slots = _PyInterpreterFrame::localsplus_ptr(frame);
            for (i, value) in locals.iter_mut().enumerate() {
                *slots.add(i) = value.take().map_or(ptr::null_mut(), Owned::into_raw);
            }
            Ok(FramePtr::new(frame))
        }
    }

    /// Pushes a frame for `func` taking over references instead of copying them (the
    /// specialized Python calls, as 3.11's `CALL_PY_EXACT_ARGS`): the frame takes `func`'s
    /// reference and the `nargs` argument references at `args` as its first locals; parameters
    /// `nargs..co_argcount` are filled from the trailing `func_defaults`; the other locals are
    /// empty. On failure (no memory) nothing is taken.
    ///
    /// # Safety
    /// `func` must be an owned reference to an exact function; `args` must point at `nargs`
    /// owned references; `nargs <= co_argcount`, and when `nargs < co_argcount`, `func_defaults`
    /// must be a tuple with at least `co_argcount - nargs` items.
    #[inline]
    pub unsafe fn push_frame_taking(
        self,
        func: *mut PyObject,
        args: *const *mut PyObject,
        nargs: usize,
    ) -> PyResult<FramePtr> {
        // SAFETY: per the contract; the frame is carved out of the data stack with room for
        // the code's locals and stack and every local slot is written before it is returned.
        unsafe {
            let f = func.cast::<PyFunctionObject>();
            let code = (*f).func_code.cast::<PyCodeObject>();
            let frame = self.allocate_frame(PyCodeObject::frame_slots(code))?;
            initialize_specials(frame, f, ptr::null_mut());
            let slots = _PyInterpreterFrame::localsplus_ptr(frame);
            // A plain loop: calls pass a handful of arguments, fewer than a memcpy call costs.
            for i in 0..nargs {
                *slots.add(i) = *args.add(i);
            }
            let argcount = (*code).co_argcount as usize;
            if nargs < argcount {
                let defaults = (*f).func_defaults;
                let ndefaults = ffi::PyTuple_GET_SIZE(defaults) as usize;
                let first_default = argcount - ndefaults;
                for i in nargs..argcount {
                    let value = ffi::PyTuple_GET_ITEM(defaults, (i - first_default) as isize);
                    ffi::Py_INCREF(value);
                    *slots.add(i) = value;
                }
            }
            let nlocalsplus = (*code).co_nlocalsplus as usize;
            for i in nargs.max(argcount)..nlocalsplus {
                *slots.add(i) = ptr::null_mut();
            }
            Ok(FramePtr::new(frame))
        }
    }

    /// `_PyThreadState_BumpFramePointer`: `size` pointer slots on the data stack. Inlined into
    /// every call that pushes a frame; a new chunk is the rare, out-of-line case.
    #[inline(always)]
    unsafe fn allocate_frame(self, size: usize) -> PyResult<*mut _PyInterpreterFrame> {
        // SAFETY: the caller holds the GIL; the data stack fields describe the current chunk.
        unsafe {
            let t = self.0;
            let top = (*t).datastack_top;
            if !top.is_null() && (size as isize) < (*t).datastack_limit.offset_from(top) {
                (*t).datastack_top = top.add(size);
                return Ok(top.cast());
            }
            self.push_chunk(size).map(|p| p.cast())
        }
    }

    /// `push_chunk`: a new data-stack chunk big enough for `size` slots, allocated with the
    /// arena allocator CPython frees chunks with.
    #[cold]
    #[inline(never)]
    unsafe fn push_chunk(self, size: usize) -> PyResult<*mut *mut PyObject> {
        const CHUNK_SIZE: usize = 16 * 1024;
        const MINIMUM_OVERHEAD: usize = 1000;
        let slot = std::mem::size_of::<*mut PyObject>();
        let mut bytes = CHUNK_SIZE;
        while bytes < slot * (size + MINIMUM_OVERHEAD) {
            bytes *= 2;
        }
        // SAFETY: the arena allocator is what _PyObject_VirtualAlloc/Free use; the chunk header
        // is initialized before the chunk is linked in; the thread fields are the current ones.
        unsafe {
            let mut arena = std::mem::zeroed::<ffi::PyObjectArenaAllocator>();
            ffi::PyObject_GetArenaAllocator(&mut arena);
            let alloc = arena.alloc.expect("the arena allocator has alloc");
            let chunk = alloc(arena.ctx, bytes).cast::<_PyStackChunk>();
            if chunk.is_null() {
                ffi::PyErr_NoMemory();
                return Err(Raised);
            }
            let t = self.0;
            (*chunk).previous = (*t).datastack_chunk;
            (*chunk).size = bytes;
            (*chunk).top = 0;
            if !(*t).datastack_chunk.is_null() {
                let data = ptr::addr_of_mut!((*(*t).datastack_chunk).data).cast::<*mut PyObject>();
                (*(*t).datastack_chunk).top = (*t).datastack_top.offset_from(data) as usize;
            }
            (*t).datastack_chunk = chunk;
            (*t).datastack_limit = chunk.cast::<u8>().add(bytes).cast();
            let data = ptr::addr_of_mut!((*chunk).data).cast::<*mut PyObject>();
            // The root chunk keeps its first slot unused so it is never freed by a pop.
            let first = data.add(usize::from((*chunk).previous.is_null()));
            (*t).datastack_top = first.add(size);
            Ok(first)
        }
    }

    /// `_PyThreadState_PopFrame`: releases the data-stack space of the top frame.
    #[inline(always)]
    pub(super) unsafe fn pop_frame_memory(self, frame: *mut _PyInterpreterFrame) {
        // SAFETY: `frame` is the top frame of this thread's data stack.
        unsafe {
            let t = self.0;
            let base = frame.cast::<*mut PyObject>();
            let chunk = (*t).datastack_chunk;
            let data = ptr::addr_of_mut!((*chunk).data).cast::<*mut PyObject>();
            if base == data {
                self.pop_chunk();
            } else {
                (*t).datastack_top = base;
            }
        }
    }

    /// Frees the current data-stack chunk, whose first frame was just popped, and makes the
    /// previous chunk current.
    #[cold]
    #[inline(never)]
    unsafe fn pop_chunk(self) {
        // SAFETY: the current chunk is empty and not the root chunk (whose first slot stays
        // unused, so no frame starts at its data); its previous chunk is live.
        unsafe {
            let t = self.0;
            let chunk = (*t).datastack_chunk;
            let previous = (*chunk).previous;
            let prev_data = ptr::addr_of_mut!((*previous).data).cast::<*mut PyObject>();
            (*t).datastack_top = prev_data.add((*previous).top);
            (*t).datastack_chunk = previous;
            (*t).datastack_limit = previous.cast::<u8>().add((*previous).size).cast();
            let mut arena = std::mem::zeroed::<ffi::PyObjectArenaAllocator>();
            ffi::PyObject_GetArenaAllocator(&mut arena);
            let free = arena.free.expect("the arena allocator has free");
            free(arena.ctx, chunk.cast(), (*chunk).size);
        }
    }

    /// `_PyEvalFrameClearAndPop`: clears a finished thread-owned frame and frees its space.
    /// The frame must already be unlinked (not the current frame).
    pub fn clear_and_pop_frame(self, frame: FramePtr) {
        // SAFETY: the frame is the top frame of the data stack, finished, with an exact
        // stacktop; clearing releases its references (possibly running arbitrary code, which
        // cannot see it since it is unlinked).
        unsafe {
            debug_assert_eq!((*frame.as_ptr()).owner, FRAME_OWNED_BY_THREAD);
            self.clear_frame(frame);
            self.pop_frame_memory(frame.as_ptr());
        }
    }

    /// `_PyFrame_Clear`: releases a finished frame's references; a frame object that outlives
    /// it takes a copy of the frame data.
    ///
    /// # Safety
    /// The frame must be finished, unlinked, with an exact `stacktop`.
    pub unsafe fn clear_frame(self, frame: FramePtr) {
        // SAFETY: per the contract; the references released here are owned by the frame.
        unsafe {
            let f = frame.as_ptr();
            let frame_obj = (*f).frame_obj;
            if !frame_obj.is_null() {
                (*f).frame_obj = ptr::null_mut();
                if ffi::Py_REFCNT(frame_obj.cast()) > 1 {
                    self.take_ownership(frame_obj, f);
                    ffi::Py_DECREF(frame_obj.cast());
                    return;
                }
                ffi::Py_DECREF(frame_obj.cast());
            }
            let locals = _PyInterpreterFrame::localsplus_ptr(f);
            for i in 0..(*f).stacktop.max(0) as usize {
                ffi::Py_XDECREF(*locals.add(i));
            }
            ffi::Py_XDECREF((*f).f_locals);
            ffi::Py_DECREF((*f).f_func.cast());
            ffi::Py_DECREF((*f).f_code.cast());
        }
    }

    /// `take_ownership`: copies the frame into its frame object, which then owns it, and links
    /// the frame object to its caller's frame object.
    unsafe fn take_ownership(self, f: *mut PyFrameObject, frame: *mut _PyInterpreterFrame) {
        // SAFETY: `f` is the live frame object of `frame`, whose first `stacktop` slots are
        // initialized; `_f_frame_data` has room for the whole frame (it was sized for the code).
        unsafe {
            let slots = (*frame).stacktop.max(0) as usize;
            let bytes = _PyInterpreterFrame::localsplus_ptr(frame)
                .add(slots)
                .cast::<u8>()
                .offset_from(frame.cast::<u8>()) as usize;
            let dest = ptr::addr_of_mut!((*f)._f_frame_data).cast::<_PyInterpreterFrame>();
            ptr::copy_nonoverlapping(frame.cast::<u8>(), dest.cast::<u8>(), bytes);
            (*f).f_frame = dest;
            (*dest).owner = FRAME_OWNED_BY_FRAME_OBJECT;
            if is_incomplete(dest) {
                let code = (*dest).f_code;
                (*dest).prev_instr =
                    PyCodeObject::code_ptr(code).add((*code)._co_firsttraceable as usize);
            }
            let mut prev = (*dest).previous;
            while !prev.is_null() && is_incomplete(prev) {
                prev = (*prev).previous;
            }
            if !prev.is_null() {
                let back = self.frame_object(FramePtr::new(prev));
                if back.is_null() {
                    ffi::PyErr_Clear();
                } else {
                    ffi::Py_INCREF(back.cast());
                    (*f).f_back = back;
                }
                (*dest).previous = ptr::null_mut();
            }
            if PyObject_GC_IsTracked(f.cast()) == 0 {
                ffi::PyObject_GC_Track(f.cast());
            }
        }
    }

    /// The frame object of `frame`, created if needed (borrowed; NULL with MemoryError set if
    /// it cannot be made, replacing any exception being raised, as CPython's maker does).
    /// CPython's maker is not exported: `PyEval_GetFrame` makes it for the current frame, so
    /// `frame` is made current for the call, with the pending exception kept aside.
    pub fn frame_object(self, frame: FramePtr) -> *mut PyFrameObject {
        // SAFETY: the C frame chain is live; the current frame is restored right after; the
        // pending exception is fetched and restored around the call (PyEval_GetFrame clears
        // errors).
        unsafe {
            let existing = (*frame.as_ptr()).frame_obj;
            if !existing.is_null() {
                return existing;
            }
            let (mut ty, mut value, mut tb) = (ptr::null_mut(), ptr::null_mut(), ptr::null_mut());
            ffi::PyErr_Fetch(&mut ty, &mut value, &mut tb);
            let cframe: *mut _PyCFrame = (*self.0).cframe;
            let saved = (*cframe).current_frame;
            (*cframe).current_frame = frame.as_ptr();
            let result = ffi::PyEval_GetFrame();
            (*cframe).current_frame = saved;
            if result.is_null() {
                ffi::Py_XDECREF(ty);
                ffi::Py_XDECREF(value);
                ffi::Py_XDECREF(tb);
                ffi::PyErr_NoMemory();
            } else {
                ffi::PyErr_Restore(ty, value, tb);
            }
            result.cast()
        }
    }

    // --- trace events the evaluator itself emits (only while handing frames back) ---

    /// `call_exc_trace`: reports the exception being raised in `frame` to the trace function
    /// (`sys.settrace`) as an 'exception' event. If the trace function raises, its exception
    /// replaces the one being raised.
    pub fn trace_exception(self, frame: FramePtr) {
        // SAFETY: GIL held; the exception triple is fetched, handed to the trace function as a
        // tuple and restored (or released when the trace function raised).
        unsafe {
            let Some(func) = (*self.0).c_tracefunc else {
                return;
            };
            let obj = (*self.0).c_traceobj;
            let (mut ty, mut value, mut tb) = (ptr::null_mut(), ptr::null_mut(), ptr::null_mut());
            ffi::PyErr_Fetch(&mut ty, &mut value, &mut tb);
            if value.is_null() {
                value = ffi::Py_None();
                ffi::Py_INCREF(value);
            }
            ffi::PyErr_NormalizeException(&mut ty, &mut value, &mut tb);
            let tb_arg = if tb.is_null() { ffi::Py_None() } else { tb };
            let arg = ffi::PyTuple_Pack(3, ty, value, tb_arg);
            if arg.is_null() {
                ffi::PyErr_Restore(ty, value, tb);
                return;
            }
            let err = self.call_trace(func, obj, frame, PY_TRACE_EXCEPTION, arg);
            ffi::Py_DECREF(arg);
            if err == 0 {
                ffi::PyErr_Restore(ty, value, tb);
            } else {
                ffi::Py_XDECREF(ty);
                ffi::Py_XDECREF(value);
                ffi::Py_XDECREF(tb);
            }
        }
    }

    /// `TRACE_FUNCTION_UNWIND`: a 'return' event with no value to the trace and profile
    /// functions for a frame left by an exception; what they raise is ignored.
    pub fn trace_unwind(self, frame: FramePtr) {
        // SAFETY: GIL held; call_trace_protected keeps the exception being raised aside.
        unsafe {
            let t = self.0;
            if let Some(func) = (*t).c_tracefunc {
                self.call_trace_protected(func, (*t).c_traceobj, frame, PY_TRACE_RETURN);
            }
            if let Some(func) = (*t).c_profilefunc {
                self.call_trace_protected(func, (*t).c_profileobj, frame, PY_TRACE_RETURN);
            }
        }
    }

    /// `call_trace_protected` with a NULL argument: the pending exception is kept aside.
    unsafe fn call_trace_protected(
        self,
        func: ffi::Py_tracefunc,
        obj: *mut PyObject,
        frame: FramePtr,
        what: c_int,
    ) {
        // SAFETY: as in `trace_exception`.
        unsafe {
            let (mut ty, mut value, mut tb) = (ptr::null_mut(), ptr::null_mut(), ptr::null_mut());
            ffi::PyErr_Fetch(&mut ty, &mut value, &mut tb);
            if self.call_trace(func, obj, frame, what, ptr::null_mut()) == 0 {
                ffi::PyErr_Restore(ty, value, tb);
            } else {
                ffi::Py_XDECREF(ty);
                ffi::Py_XDECREF(value);
                ffi::Py_XDECREF(tb);
            }
        }
    }

    /// `call_trace`: calls a trace/profile function for `frame` with its line number set.
    unsafe fn call_trace(
        self,
        func: ffi::Py_tracefunc,
        obj: *mut PyObject,
        frame: FramePtr,
        what: c_int,
        arg: *mut PyObject,
    ) -> c_int {
        // SAFETY: GIL held; the frame is live and has started.
        unsafe {
            let t = self.0;
            if (*t).tracing != 0 {
                return 0;
            }
            let f = self.frame_object(frame);
            if f.is_null() {
                return -1;
            }
            let old_what = (*t).tracing_what;
            (*t).tracing_what = what;
            ffi::PyThreadState_EnterTracing(t.cast());
            let code = (*frame.as_ptr()).f_code;
            (*f).f_lineno = ffi::PyCode_Addr2Line(code.cast(), (frame.lasti() * 2) as c_int);
            let result = func(obj, f.cast(), what, arg);
            (*f).f_lineno = 0;
            ffi::PyThreadState_LeaveTracing(t.cast());
            (*t).tracing_what = old_what;
            result
        }
    }

    /// Whether a trace function (`sys.settrace`) is set on this thread.
    pub fn has_trace_function(self) -> bool {
        // SAFETY: reading a field of the live thread state.
        unsafe { (*self.0).c_tracefunc.is_some() }
    }

    /// `PyFrame_FastToLocalsWithError` on the frame's frame object (IMPORT_STAR).
    pub fn fast_to_locals(self, frame: FramePtr) -> PyResult<()> {
        let f = self.frame_object(frame);
        if f.is_null() {
            return Err(Raised);
        }
        // SAFETY: a live frame object of a live frame.
        if unsafe { ffi::PyFrame_FastToLocalsWithError(f.cast()) } < 0 {
            return Err(Raised);
        }
        Ok(())
    }

    /// `PyFrame_LocalsToFast(frame, 0)` (IMPORT_STAR); errors are cleared as CPython's are.
    pub fn locals_to_fast(self, frame: FramePtr) {
        let f = self.frame_object(frame);
        if f.is_null() {
            // SAFETY: GIL held.
            unsafe { ffi::PyErr_Clear() };
            return;
        }
        // SAFETY: a live frame object of a live frame.
        unsafe { ffi::PyFrame_LocalsToFast(f.cast(), 0) }
    }

    /// Adds the frame to the traceback of the exception being raised (`PyTraceBack_Here`), as
    /// the evaluator's error path does, unless the frame has not started yet.
    pub fn add_traceback(self, frame: FramePtr) {
        // SAFETY: the frame is live and current.
        unsafe {
            if is_incomplete(frame.as_ptr()) {
                return;
            }
            let f = self.frame_object(frame);
            if !f.is_null() {
                ffi::PyTraceBack_Here(f.cast());
            }
        }
    }
}

/// `_PyFrame_InitializeSpecials`.
///
/// # Safety
/// `frame` must have room for the specials; `func` gives up one reference to the frame.
unsafe fn initialize_specials(
    frame: *mut _PyInterpreterFrame,
    func: *mut PyFunctionObject,
    locals: *mut PyObject,
) {
    // SAFETY: per the contract.
    unsafe {
        let code = (*func).func_code.cast::<PyCodeObject>();
        (*frame).f_func = func;
        ffi::Py_INCREF(code.cast());
        (*frame).f_code = code;
        (*frame).f_builtins = (*func).func_builtins;
        (*frame).f_globals = (*func).func_globals;
        ffi::Py_XINCREF(locals);
        (*frame).f_locals = locals;
        (*frame).stacktop = (*code).co_nlocalsplus;
        (*frame).frame_obj = ptr::null_mut();
        (*frame).prev_instr = PyCodeObject::code_ptr(code).wrapping_sub(1);
        (*frame).is_entry = false;
        (*frame).owner = FRAME_OWNED_BY_THREAD;
        (*frame).previous = ptr::null_mut();
    }
}

/// `_PyFrame_IsIncomplete`: a frame that has not run its first traceable instruction.
unsafe fn is_incomplete(frame: *mut _PyInterpreterFrame) -> bool {
    // SAFETY: the caller passes a live frame.
    unsafe {
        let code = (*frame).f_code;
        (*frame).owner != FRAME_OWNED_BY_GENERATOR
            && (*frame).prev_instr
                < PyCodeObject::code_ptr(code).add((*code)._co_firsttraceable as usize)
    }
}

/// `COMPUTE_EVAL_BREAKER`: sets `eval_breaker` from the pending-work flags.
unsafe fn recompute_eval_breaker(interp: *mut ffi::PyInterpreterState) {
    // SAFETY: the caller holds the GIL; the fields are atomics of live runtime structures.
    unsafe {
        let rt = ptr::addr_of_mut!(state::_PyRuntime);
        let main_thread = state::runtime::MAIN_THREAD.ptr(rt).read();
        let main_interp = state::runtime::INTERPRETERS_MAIN.ptr(rt).read();
        let can_handle = ffi::PyThread_get_thread_ident() == main_thread && interp == main_interp;
        let gil_drop = (*state::interp::CEVAL_GIL_DROP_REQUEST.ptr(interp)).load(Ordering::Relaxed);
        let calls = (*state::interp::CEVAL_PENDING_CALLS_TO_DO.ptr(interp)).load(Ordering::Relaxed);
        let async_exc = state::interp::CEVAL_PENDING_ASYNC_EXC.ptr(interp).read();
        let value = gil_drop
            | i32::from(state::signals_pending() && can_handle)
            | i32::from(calls != 0 && can_handle)
            | async_exc;
        (*state::interp::CEVAL_EVAL_BREAKER.ptr(interp)).store(value, Ordering::Relaxed);
    }
}

/// The generator owning a generator frame (`_PyFrame_GetGenerator`).
///
/// # Safety
/// `frame` must be owned by a generator.
pub unsafe fn frame_generator(frame: FramePtr) -> *mut PyGenObject {
    // SAFETY: a generator's frame is stored inline at gi_iframe, so the generator starts that
    // many bytes before it.
    unsafe {
        let offset = std::mem::offset_of!(PyGenObject, gi_iframe);
        frame.as_ptr().cast::<u8>().sub(offset).cast()
    }
}
