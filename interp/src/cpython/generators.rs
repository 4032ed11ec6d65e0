//! Generators, coroutines and async generators as the evaluator makes and drives them:
//! `RETURN_GENERATOR`'s object creation and frame move (`_Py_MakeCoro`, `make_gen`,
//! `_PyFrame_Copy` are not exported by libpython), the suspended state `YIELD_VALUE` sets,
//! `PyIter_Send` for `SEND`, the async-generator value wrapper of `ASYNC_GEN_WRAP`, and the
//! prologue and epilogue of `gen_send_ex2` for a generator or coroutine frame that the
//! evaluator resumes in its own loop (from `SEND` or `FOR_ITER`) instead of through the hook.

use std::ptr;

use pyo3_ffi as ffi;
use pyo3_ffi::PyObject;

use super::cursor::CodeRef;
use super::cursor::FramePtr;
use super::frame::{
    _PyInterpreterFrame, FRAME_CLEARED, FRAME_COMPLETED, FRAME_CREATED, FRAME_EXECUTING,
    FRAME_OWNED_BY_GENERATOR, FRAME_SUSPENDED,
};
use super::object::{Obj, Owned, PyResult, Raised};
use super::objects::{PyCodeObject, PyGenObject, CO_ASYNC_GENERATOR, CO_COROUTINE, CO_GENERATOR};
use super::runtime::{frame_generator, Thread};

extern "C" {
    static mut PyGen_Type: ffi::PyTypeObject;
    static mut PyCoro_Type: ffi::PyTypeObject;
    static mut PyAsyncGen_Type: ffi::PyTypeObject;
    static mut _PyAsyncGenWrappedValue_Type: ffi::PyTypeObject;
    fn _PyObject_GC_NewVar(tp: *mut ffi::PyTypeObject, nitems: ffi::Py_ssize_t) -> *mut PyObject;
    fn _PyObject_GC_New(tp: *mut ffi::PyTypeObject) -> *mut PyObject;
    fn PyIter_Send(iter: *mut PyObject, arg: *mut PyObject, result: *mut *mut PyObject) -> i32;
    fn _PyErr_FormatFromCause(
        exception: *mut PyObject,
        format: *const std::ffi::c_char,
        ...
    ) -> *mut PyObject;
}

/// `_PyAsyncGenWrappedValue`: a value yielded by an async generator. It is private to
/// Objects/genobject.c (no header to probe), so its layout is checked at run time against the
/// exported type object's `tp_basicsize` before every allocation.
#[repr(C)]
struct AsyncGenWrappedValue {
    ob_base: PyObject,
    agw_val: *mut PyObject,
}

pub fn is_exact_coroutine(obj: &Obj) -> bool {
    obj.is_exact(ptr::addr_of_mut!(PyCoro_Type))
}

pub fn is_exact_generator(obj: &Obj) -> bool {
    obj.is_exact(ptr::addr_of_mut!(PyGen_Type))
}

pub fn is_exact_async_generator(obj: &Obj) -> bool {
    obj.is_exact(ptr::addr_of_mut!(PyAsyncGen_Type))
}

/// `RETURN_GENERATOR`: makes the generator, coroutine or async generator of the running frame's
/// function and moves the frame (with its exact `stacktop`) into it. The original frame's
/// references now belong to the new object.
pub fn make_and_move(thread: Thread, frame: FramePtr) -> PyResult<Owned> {
    // SAFETY: the frame is live with an exact stacktop and a generator-flagged code object; the
    // new object is allocated with room for the frame (slots = locals + stack), and every field
    // is initialized before it is tracked by the GC or returned.
    unsafe {
        let f = frame.as_ptr();
        let func = (*f).f_func;
        let code = (*func).func_code.cast::<PyCodeObject>();
        let flags = (*code).co_flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR);
        let tp = match flags {
            CO_GENERATOR => ptr::addr_of_mut!(PyGen_Type),
            CO_ASYNC_GENERATOR => ptr::addr_of_mut!(PyAsyncGen_Type),
            _ => ptr::addr_of_mut!(PyCoro_Type),
        };
        let slots = (*code).co_nlocalsplus + (*code).co_stacksize;
        let gen = _PyObject_GC_NewVar(tp, slots as ffi::Py_ssize_t).cast::<PyGenObject>();
        if gen.is_null() {
            return Err(Raised);
        }
        (*gen).gi_frame_state = FRAME_CREATED;
        ffi::Py_INCREF(code.cast());
        (*gen).gi_code = code;
        (*gen).gi_weakreflist = ptr::null_mut();
        (*gen).gi_exc_state.exc_value = ptr::null_mut();
        (*gen).gi_exc_state.previous_item = ptr::null_mut();
        ffi::Py_INCREF((*func).func_name);
        (*gen).gi_name = (*func).func_name;
        ffi::Py_INCREF((*func).func_qualname);
        (*gen).gi_qualname = (*func).func_qualname;
        (*gen).gi_origin_or_finalizer = ptr::null_mut();
        (*gen).gi_hooks_inited = 0;
        (*gen).gi_closed = 0;
        (*gen).gi_running_async = 0;
        let gen_obj = Owned::from_raw_unchecked(gen.cast());
        if flags == CO_COROUTINE {
            let depth = (*thread.as_ptr()).coroutine_origin_tracking_depth;
            if depth > 0 {
                let origin = coroutine_origin(depth as usize, frame.previous())?;
                (*gen).gi_origin_or_finalizer = origin.into_raw();
            }
        }
        // _PyFrame_Copy: the frame up to its stack top moves into the generator.
        let dest = PyGenObject::iframe(gen);
        let bytes = _PyInterpreterFrame::stack_pointer(f)
            .cast::<u8>()
            .offset_from(f.cast::<u8>()) as usize;
        ptr::copy_nonoverlapping(f.cast::<u8>(), dest.cast::<u8>(), bytes);
        (*dest).previous = ptr::null_mut();
        (*dest).owner = FRAME_OWNED_BY_GENERATOR;
        ffi::PyObject_GC_Track(gen.cast());
        Ok(gen_obj)
    }
}

/// `compute_cr_origin`: (filename, line, name) of up to `depth` frames from `frame` outwards.
fn coroutine_origin(depth: usize, mut frame: Option<FramePtr>) -> PyResult<Owned> {
    let mut entries = Vec::new();
    while let (Some(f), true) = (frame, entries.len() < depth) {
        // SAFETY: the frames of the chain are live; their code objects own the name fields.
        let (filename, name, line) = unsafe {
            let code = (*f.as_ptr()).f_code;
            let line = ffi::PyCode_Addr2Line(code.cast(), (f.lasti() * 2) as i32);
            (
                Obj::from_ptr((*code).co_filename),
                Obj::from_ptr((*code).co_name),
                line,
            )
        };
        let line = super::object::int_from_i64(i64::from(line))?;
        entries.push(super::object::tuple_from(&[filename, &line, name])?);
        frame = f.previous();
    }
    super::object::tuple_from_owned(entries)
}

/// After `make_and_move` for an entry frame: leaves the original frame in the state its caller
/// clears (`stacktop = 0`, no locals, and new references to the function and code, since the
/// generator took the frame's).
pub fn leave_moved_entry_frame(frame: FramePtr) {
    // SAFETY: the frame is live; its slots were moved, so nothing below stacktop 0 is released
    // twice; the two new references balance the caller's clear.
    unsafe {
        let f = frame.as_ptr();
        (*f).stacktop = 0;
        (*f).f_locals = ptr::null_mut();
        ffi::Py_INCREF((*f).f_func.cast());
        ffi::Py_INCREF((*f).f_code.cast());
    }
}

/// After `make_and_move` for an inline frame: frees its data-stack space without releasing
/// the references it held (they moved into the generator).
pub fn pop_moved_frame(thread: Thread, frame: FramePtr) {
    // SAFETY: the frame is the top of the data stack and its references moved away.
    unsafe { thread.pop_frame_memory(frame.as_ptr()) }
}

/// `YIELD_VALUE`: marks the generator owning `frame` as suspended.
pub fn mark_suspended(frame: FramePtr) {
    // SAFETY: YIELD_VALUE only appears in generator code, whose frames are owned by their
    // generator object (checked).
    unsafe {
        assert_eq!((*frame.as_ptr()).owner, FRAME_OWNED_BY_GENERATOR);
        (*frame_generator(frame)).gi_frame_state = FRAME_SUSPENDED;
    }
}

/// Whether `frame` belongs to a generator-like object (YIELD_VALUE may run).
pub fn is_generator_frame(frame: FramePtr) -> bool {
    // SAFETY: reading a field of a live frame.
    unsafe { (*frame.as_ptr()).owner == FRAME_OWNED_BY_GENERATOR }
}

/// The result of `SEND`.
pub enum Sent {
    /// The receiver yielded this value.
    Yielded(Owned),
    /// The receiver returned this value.
    Returned(Owned),
}

/// `PyIter_Send(receiver, value)`.
pub fn send(receiver: &Obj, value: &Obj) -> PyResult<Sent> {
    let mut result = ptr::null_mut();
    // SAFETY: live objects; PyIter_Send stores a new reference (or NULL on error).
    unsafe {
        match PyIter_Send(receiver.as_ptr(), value.as_ptr(), &mut result) {
            0 => Ok(Sent::Returned(Owned::from_raw_unchecked(result))),
            1 => Ok(Sent::Yielded(Owned::from_raw_unchecked(result))),
            _ => Err(Raised),
        }
    }
}

/// `_PyAsyncGenValueWrapperNew`.
pub fn wrap_async_gen_value(value: &Obj) -> PyResult<Owned> {
    // SAFETY: reading the basic size of the exported type object.
    let basicsize = unsafe { (*ptr::addr_of!(_PyAsyncGenWrappedValue_Type)).tp_basicsize };
    if basicsize as usize != std::mem::size_of::<AsyncGenWrappedValue>() {
        return Err(super::object::raise(
            super::exc::system_error(),
            "unexpected layout of async generator wrapped values",
        ));
    }
    // SAFETY: allocating a GC object of the exported wrapper type, whose size was just checked
    // to match the mirror; its one field is initialized before it is tracked.
    unsafe {
        let o = _PyObject_GC_New(ptr::addr_of_mut!(_PyAsyncGenWrappedValue_Type))
            .cast::<AsyncGenWrappedValue>();
        if o.is_null() {
            return Err(Raised);
        }
        (*o).agw_val = value.to_owned().into_raw();
        ffi::PyObject_GC_Track(o.cast());
        Ok(Owned::from_raw_unchecked(o.cast()))
    }
}

/// A generator or coroutine whose frame the evaluator may resume in its own loop.
#[derive(Clone, Copy)]
pub struct Resumable<'a> {
    gen: *mut PyGenObject,
    code: CodeRef<'a>,
}

impl<'a> Resumable<'a> {
    /// `obj` when it is an exact generator (or, with `coroutines`, an exact coroutine) that is
    /// suspended, or just created and sent None: the cases where `gen_send_ex2` runs the frame
    /// rather than raising or reporting exhaustion.
    #[inline(always)]
    pub fn check(obj: &'a Obj, sending_none: bool, coroutines: bool) -> Option<Resumable<'a>> {
        let exact = is_exact_generator(obj) || (coroutines && is_exact_coroutine(obj));
        if !exact {
            return None;
        }
        let gen = obj.as_ptr().cast::<PyGenObject>();
        // SAFETY: an exact generator or coroutine has PyGenObject's layout (the coroutine
        // mirror is checked to match it); its code object lives as long as it does.
        unsafe {
            let state = (*gen).gi_frame_state;
            if state != FRAME_SUSPENDED && !(state == FRAME_CREATED && sending_none) {
                return None;
            }
            let code = CodeRef::new(Obj::from_ptr((*gen).gi_code.cast()));
            Some(Resumable { gen, code })
        }
    }

    /// The code object the generator's frame runs.
    pub fn code(&self) -> CodeRef<'a> {
        self.code
    }

    /// The generator, no longer borrowed from where it was found (which must keep it alive
    /// until it is resumed: the caller's stack holds it).
    pub fn detach(self) -> ResumableGen {
        ResumableGen(self.gen)
    }
}

/// A generator checked by [`Resumable::check`], to resume.
pub struct ResumableGen(*mut PyGenObject);

impl ResumableGen {
    /// `gen_send_ex2` up to the evaluation: pushes `value` onto the generator's frame, makes the
    /// generator's exception state the thread's innermost and marks it executing. The frame is
    /// not an entry frame: the evaluator enters it like a called frame (which links it to the
    /// running frame), and when it yields, returns or raises, resumes that caller after
    /// `finish_inline`.
    pub fn resume_inline(self, thread: Thread, value: Owned) -> FramePtr {
        // SAFETY: the generator is suspended or just created (checked by `check`), so its frame
        // has an exact stacktop with room for the sent value (the frame was sized for its code's
        // stack, and a suspended frame's stack holds at most stacksize - 1 values at a yield).
        unsafe {
            let gen = self.0;
            let frame = PyGenObject::iframe(gen);
            let sp = _PyInterpreterFrame::stack_pointer(frame);
            *sp = value.into_raw();
            (*frame).stacktop += 1;
            (*frame).is_entry = false;
            let t = thread.as_ptr();
            (*gen).gi_exc_state.previous_item = (*t).exc_info;
            (*t).exc_info = ptr::addr_of_mut!((*gen).gi_exc_state);
            (*gen).gi_frame_state = FRAME_EXECUTING;
            FramePtr::new(frame)
        }
    }
}

/// How a generator frame resumed in the evaluator's loop ended its run.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum InlineEnd {
    /// It yielded (YIELD_VALUE marked it suspended).
    Yielded,
    /// It returned.
    Returned,
    /// It raised: the exception is set.
    Raised,
}

/// Whether the generator owning `frame` is suspended (its last run ended at a yield).
pub fn is_suspended(frame: FramePtr) -> bool {
    // SAFETY: a generator-owned frame lives inside its generator object.
    unsafe { (*frame_generator(frame)).gi_frame_state == FRAME_SUSPENDED }
}

/// `gen_send_ex2` after the evaluation, for an inline generator frame that has just stopped
/// running and is no longer the current frame (its stacktop is exact): restores the thread's
/// exception state and unlinks the frame; when it did not yield, turns a StopIteration it
/// raised into RuntimeError, and clears the frame (the generator is then exhausted).
pub fn finish_inline(thread: Thread, frame: FramePtr, end: InlineEnd) {
    // SAFETY: the frame belongs to a live generator (the caller's stack holds it as the
    // receiver or iterator); the exception state was linked by `resume_inline`.
    unsafe {
        let gen = frame_generator(frame);
        if (*gen).gi_frame_state == FRAME_EXECUTING {
            (*gen).gi_frame_state = FRAME_COMPLETED;
        }
        let t = thread.as_ptr();
        (*t).exc_info = (*gen).gi_exc_state.previous_item;
        (*gen).gi_exc_state.previous_item = ptr::null_mut();
        (*frame.as_ptr()).previous = ptr::null_mut();
        if end == InlineEnd::Yielded {
            return;
        }
        if end == InlineEnd::Raised && ffi::PyErr_ExceptionMatches(ffi::PyExc_StopIteration) != 0 {
            let message: &[u8] = if ffi::Py_TYPE(gen.cast()) == ptr::addr_of_mut!(PyCoro_Type) {
                b"coroutine raised StopIteration\0"
            } else {
                b"generator raised StopIteration\0"
            };
            _PyErr_FormatFromCause(ffi::PyExc_RuntimeError, message.as_ptr().cast());
        }
        let exc_value = std::mem::replace(&mut (*gen).gi_exc_state.exc_value, ptr::null_mut());
        ffi::Py_XDECREF(exc_value);
        (*gen).gi_frame_state = FRAME_CLEARED;
        thread.clear_frame(frame);
    }
}
