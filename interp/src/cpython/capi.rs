//! Safe wrappers of the C-API calls and object-struct reads that the evaluator's support
//! routines (`eval::support`: raising, unpacking, imports, pattern matching, `except*`,
//! awaitables) need and `object` does not provide.
//!
//! Every function here must be called with the GIL held; the evaluator only runs with it. Each
//! wrapper checks what its C counterpart assumes (an exception instance, a type, a generator)
//! before it reads an object's struct, so the wrappers are sound for any object.

use std::ffi::{c_int, CStr};
use std::ptr;

use pyo3_ffi as ffi;
use pyo3_ffi::PyObject;

use super::frame::{_PyInterpreterFrame, FRAME_CLEARED, FRAME_CREATED};
use super::object::{Obj, Owned, PyResult, Raised};
use super::objects::{PyCodeObject, PyGenObject};
use super::runtime::Thread;
use super::state::{self, _PyErr_StackItem, PyThreadState};

extern "C" {
    fn _PyErr_GetTopmostException(tstate: *mut PyThreadState) -> *mut _PyErr_StackItem;
    fn _PyObject_LookupAttr(
        obj: *mut PyObject,
        name: *mut PyObject,
        result: *mut *mut PyObject,
    ) -> c_int;
    fn _PyObject_FunctionStr(func: *mut PyObject) -> *mut PyObject;
    fn _PyModuleSpec_IsInitializing(spec: *mut PyObject) -> c_int;
    fn _PyLong_AsInt(obj: *mut PyObject) -> c_int;
}

/// `_Py_TPFLAGS_MATCH_SELF` (object.h): a single positional sub-pattern of a class pattern
/// matches the subject itself (`int(x)`, `str(x)`, ...).
const TPFLAGS_MATCH_SELF: std::ffi::c_ulong = 1 << 22;

/// `CO_ITERABLE_COROUTINE` (code.h): a generator decorated with `types.coroutine`.
const CO_ITERABLE_COROUTINE: c_int = 0x0100;

/// Wraps a C call returning a new reference or NULL with an exception set.
macro_rules! new_ref {
    ($call:expr) => {
        // SAFETY: every argument is a live object borrowed for the duration of the call (the GIL
        // is held); the C function returns a new reference or NULL with an exception set.
        unsafe { Owned::from_new($call) }
    };
}

// --- types ---------------------------------------------------------------------------------

/// The `tp_name` of a type object (what CPython's messages print with `%s`): the bytes before
/// the terminating NUL, decoded as UTF-8 with invalid sequences replaced.
///
/// # Panics
/// If `ty` is not a type object.
pub fn type_name(ty: &Obj) -> String {
    assert!(ty.is_type(), "type_name needs a type object");
    // SAFETY: `ty` is a live type object; tp_name is a NUL-terminated C string it keeps alive.
    let name = unsafe { CStr::from_ptr((*ty.as_ptr().cast::<ffi::PyTypeObject>()).tp_name) };
    String::from_utf8_lossy(name.to_bytes()).into_owned()
}

/// `type_name` of the object's type (`Py_TYPE(obj)->tp_name`).
pub fn type_name_of(obj: &Obj) -> String {
    type_name(obj.type_obj())
}

/// Whether `obj`'s type has a `tp_iter` slot.
pub fn has_iter_slot(obj: &Obj) -> bool {
    // SAFETY: reading a slot of the live object's type.
    unsafe { (*obj.type_ptr()).tp_iter.is_some() }
}

/// `PySequence_Check`: the type has `__getitem__` and is not a dict subclass.
pub fn is_sequence(obj: &Obj) -> bool {
    // SAFETY: live object; the function does not raise.
    unsafe { ffi::PySequence_Check(obj.as_ptr()) != 0 }
}

/// Whether the type `ty` (a type object) matches itself in class patterns
/// (`_Py_TPFLAGS_MATCH_SELF`).
pub fn type_matches_self(ty: &Obj) -> bool {
    assert!(ty.is_type(), "type_matches_self needs a type object");
    // SAFETY: `ty` is a live type object.
    unsafe { ffi::PyType_HasFeature(ty.as_ptr().cast(), TPFLAGS_MATCH_SELF) != 0 }
}

/// Whether the type `ty` (a type object) has an `am_await` slot (`__await__`).
pub fn type_has_await(ty: &Obj) -> bool {
    assert!(ty.is_type(), "type_has_await needs a type object");
    // SAFETY: `ty` is a live type object; tp_as_async is NULL or points to its async slots.
    unsafe {
        let methods = (*ty.as_ptr().cast::<ffi::PyTypeObject>()).tp_as_async;
        !methods.is_null() && (*methods).am_await.is_some()
    }
}

/// Calls the `am_await` slot of `obj`'s type: `None` when the type has none.
pub fn call_await_slot(obj: &Obj) -> Option<PyResult<Owned>> {
    // SAFETY: reading the slots of the live object's type; the slot returns a new reference or
    // NULL with an exception set.
    unsafe {
        let methods = (*obj.type_ptr()).tp_as_async;
        if methods.is_null() {
            return None;
        }
        let slot = (*methods).am_await?;
        Some(Owned::from_new(slot(obj.as_ptr())))
    }
}

/// `PyType_IsSubtype(Py_TYPE(obj), ty)` for a static type (no `__instancecheck__`).
fn has_type(obj: &Obj, ty: *mut ffi::PyTypeObject) -> bool {
    // SAFETY: live object and a live type object; the function does not raise.
    unsafe { ffi::PyObject_TypeCheck(obj.as_ptr(), ty) != 0 }
}

/// `object()`: a fresh plain object (a sentinel no user code can produce).
pub fn new_object() -> PyResult<Owned> {
    new_ref!(ffi::PyObject_CallNoArgs(
        ptr::addr_of_mut!(ffi::PyBaseObject_Type).cast()
    ))
}

// --- exceptions ----------------------------------------------------------------------------

/// `PyExceptionClass_Check`: a subclass of BaseException (a type object).
pub fn is_exception_class(obj: &Obj) -> bool {
    // SAFETY: live object; the check reads its type flags.
    unsafe { ffi::PyExceptionClass_Check(obj.as_ptr()) != 0 }
}

/// `PyExceptionInstance_Check`: an instance of a BaseException subclass.
pub fn is_exception_instance(obj: &Obj) -> bool {
    // SAFETY: live object; the check reads its type's flags.
    unsafe { ffi::PyExceptionInstance_Check(obj.as_ptr()) != 0 }
}

/// The `BaseExceptionGroup` class.
pub fn base_exception_group() -> &'static Obj {
    // SAFETY: libpython sets the class pointer at initialization and keeps the class alive for
    // the life of the interpreter.
    unsafe { Obj::from_ptr(ffi::PyExc_BaseExceptionGroup) }
}

/// `_PyBaseExceptionGroup_Check`: an instance of BaseExceptionGroup or a subclass (no
/// `__instancecheck__`).
pub fn is_exception_group(obj: &Obj) -> bool {
    has_type(obj, base_exception_group().as_ptr().cast())
}

/// The exception being handled with `_PyErr_GetTopmostException` semantics: the innermost
/// entry of the thread's handled-exception stack that holds one; `None` if there is none.
pub fn topmost_handled_exception(thread: Thread) -> Option<Owned> {
    // SAFETY: `thread` is the current thread state (GIL held); the function returns a stack
    // item of that thread whose exc_value is NULL or a strong reference.
    unsafe {
        let item = _PyErr_GetTopmostException(thread.as_ptr());
        let value = (*item).exc_value;
        if value.is_null() || value == ffi::Py_None() {
            None
        } else {
            Some(Obj::from_ptr(value).to_owned())
        }
    }
}

/// The `__notes__`, traceback, cause and context fields of an exception instance, as raw
/// pointers (NULL when unset), for identity comparisons.
fn exception_metadata(exc: &Obj) -> [*mut PyObject; 4] {
    assert!(is_exception_instance(exc), "not an exception instance");
    let e = exc.as_ptr().cast::<super::objects::PyBaseExceptionObject>();
    // SAFETY: every BaseException instance starts with PyBaseExceptionObject (the mirror is
    // checked against the headers). Each field is read through the raw pointer (no reference to
    // the whole struct is made).
    unsafe { [(*e).notes, (*e).traceback, (*e).cause, (*e).context] }
}

/// `is_same_exception_metadata` of Objects/exceptions.c: the two exceptions share the very
/// same `__notes__`, traceback, cause and context objects (false unless both are exceptions).
pub fn same_exception_metadata(a: &Obj, b: &Obj) -> bool {
    is_exception_instance(a)
        && is_exception_instance(b)
        && exception_metadata(a) == exception_metadata(b)
}

/// Wraps one of the `PyException_Get*` accessors (new reference or NULL, never raises).
macro_rules! exception_getter {
    ($(#[$meta:meta])* $name:ident => $getter:ident) => {
        $(#[$meta])*
        ///
        /// # Panics
        /// If `exc` is not an exception instance.
        pub fn $name(exc: &Obj) -> Option<Owned> {
            assert!(is_exception_instance(exc), "not an exception instance");
            // SAFETY: `exc` is a live exception instance; the accessor returns a new reference
            // or NULL without raising.
            unsafe { Owned::from_new(ffi::$getter(exc.as_ptr())).ok() }
        }
    };
}

exception_getter! {
    /// `PyException_GetTraceback`: the exception's `__traceback__`, if any.
    exception_traceback => PyException_GetTraceback
}
exception_getter! {
    /// `PyException_GetContext`: the exception's `__context__`, if any.
    exception_context => PyException_GetContext
}
exception_getter! {
    /// `PyException_GetCause`: the exception's `__cause__`, if any.
    exception_cause => PyException_GetCause
}

/// `PyException_SetCause`: sets `__cause__` (any object, as the C function allows) and
/// `__suppress_context__ = True`.
///
/// # Panics
/// If `exc` is not an exception instance.
pub fn set_exception_cause(exc: &Obj, cause: Option<Owned>) {
    assert!(is_exception_instance(exc), "not an exception instance");
    // SAFETY: `exc` is a live exception instance; the call steals the cause reference.
    unsafe {
        ffi::PyException_SetCause(exc.as_ptr(), cause.map_or(ptr::null_mut(), Owned::into_raw))
    }
}

/// `PyException_SetContext`: sets `__context__`.
///
/// # Panics
/// If `exc` is not an exception instance.
pub fn set_exception_context(exc: &Obj, context: Option<Owned>) {
    assert!(is_exception_instance(exc), "not an exception instance");
    // SAFETY: `exc` is a live exception instance; the call steals the context reference.
    unsafe {
        ffi::PyException_SetContext(
            exc.as_ptr(),
            context.map_or(ptr::null_mut(), Owned::into_raw),
        )
    }
}

/// `PyException_SetTraceback`: sets `__traceback__` (a traceback or None, else TypeError).
///
/// # Panics
/// If `exc` is not an exception instance.
pub fn set_exception_traceback(exc: &Obj, tb: &Obj) -> PyResult<()> {
    assert!(is_exception_instance(exc), "not an exception instance");
    // SAFETY: `exc` is a live exception instance and `tb` a live object.
    let rc = unsafe { ffi::PyException_SetTraceback(exc.as_ptr(), tb.as_ptr()) };
    if rc < 0 {
        Err(Raised)
    } else {
        Ok(())
    }
}

/// The `exceptions` tuple of an exception group, read through `BaseExceptionGroup`'s own member
/// descriptor (the C struct field `excs`; a subclass's `exceptions` attribute is not used).
pub fn exception_group_items(eg: &Obj) -> PyResult<Owned> {
    let name = super::object::intern_static(c"exceptions")?;
    let descr = super::object::getattr(base_exception_group(), &name)?;
    // SAFETY: `descr` is the live member descriptor of BaseExceptionGroup (its type has
    // tp_descr_get); the getter checks that `eg` is an instance and returns a new reference or
    // NULL with an exception set.
    unsafe {
        let get = (*descr.type_ptr())
            .tp_descr_get
            .expect("a member descriptor has tp_descr_get");
        Owned::from_new(get(descr.as_ptr(), eg.as_ptr(), eg.type_ptr().cast()))
    }
}

/// The exception being raised, as the three raw values `PyErr_Fetch` returns (not normalized:
/// `value` may be a non-exception such as the argument tuple of a pending KeyError).
pub struct FetchedError {
    pub ty: Owned,
    pub value: Option<Owned>,
    pub traceback: Option<Owned>,
}

/// `PyErr_Fetch`: takes the exception being raised, un-normalized; `None` if none is set.
pub fn fetch_error() -> Option<FetchedError> {
    let (mut ty, mut value, mut tb) = (ptr::null_mut(), ptr::null_mut(), ptr::null_mut());
    // SAFETY: GIL held; PyErr_Fetch hands over three references (each possibly NULL).
    unsafe {
        ffi::PyErr_Fetch(&mut ty, &mut value, &mut tb);
        let ty = Owned::from_new(ty).ok()?;
        Some(FetchedError {
            ty,
            value: Owned::from_new(value).ok(),
            traceback: Owned::from_new(tb).ok(),
        })
    }
}

/// `PyErr_Restore`: sets the exception being raised back to what `fetch_error` took.
pub fn restore_error(error: FetchedError) {
    let raw = |o: Option<Owned>| o.map_or(ptr::null_mut(), Owned::into_raw);
    // SAFETY: GIL held; PyErr_Restore steals the three references.
    unsafe { ffi::PyErr_Restore(error.ty.into_raw(), raw(error.value), raw(error.traceback)) }
}

/// `PyErr_SetImportError(msg, name, path)`: raises ImportError with `name` and `path` set (a
/// missing message raises TypeError, as the C function does).
pub fn raise_import_error(msg: Option<&Obj>, name: Option<&Obj>, path: Option<&Obj>) -> Raised {
    let raw = |o: Option<&Obj>| o.map_or(ptr::null_mut(), Obj::as_ptr);
    // SAFETY: GIL held; the arguments are live objects or NULL, which the function accepts; it
    // always returns NULL with an exception set.
    unsafe { ffi::PyErr_SetImportError(raw(msg), raw(name), raw(path)) };
    Raised
}

/// Runs `body` inside `Py_EnterRecursiveCall(where_)` / `Py_LeaveRecursiveCall()`: a
/// RecursionError ("maximum recursion depth exceeded" + `where_`) when the C recursion limit is
/// reached.
pub fn with_recursion_check<T>(where_: &CStr, body: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    // SAFETY: GIL held; `where_` is a NUL-terminated string.
    if unsafe { ffi::Py_EnterRecursiveCall(where_.as_ptr()) } != 0 {
        return Err(Raised);
    }
    let result = body();
    // SAFETY: balances the successful enter above.
    unsafe { ffi::Py_LeaveRecursiveCall() };
    result
}

// --- attributes, containers, strings ---------------------------------------------------------

/// `_PyObject_LookupAttr`: `Ok(None)` when the attribute is missing (an AttributeError is
/// suppressed), `Err` on any other error.
pub fn lookup_attr(obj: &Obj, name: &Obj) -> PyResult<Option<Owned>> {
    let mut result = ptr::null_mut();
    // SAFETY: live objects; the function stores a new reference or NULL and returns -1 (error),
    // 0 (missing) or 1 (found).
    let rc = unsafe { _PyObject_LookupAttr(obj.as_ptr(), name.as_ptr(), &mut result) };
    if rc < 0 {
        return Err(Raised);
    }
    // SAFETY: a new reference when found, NULL when missing.
    Ok(unsafe { Owned::from_new(result) }.ok())
}

/// `PySet_Contains` (no frozenset retry for set keys, unlike `in`).
pub fn set_contains(set: &Obj, key: &Obj) -> PyResult<bool> {
    // SAFETY: live objects; the function raises SystemError for a non-set.
    let rc = unsafe { ffi::PySet_Contains(set.as_ptr(), key.as_ptr()) };
    if rc < 0 {
        Err(Raised)
    } else {
        Ok(rc != 0)
    }
}

/// `PySequence_GetItem(seq, index)`.
pub fn sequence_item(seq: &Obj, index: isize) -> PyResult<Owned> {
    new_ref!(ffi::PySequence_GetItem(seq.as_ptr(), index))
}

/// `PyMapping_Keys(mapping)`: a list of the keys.
pub fn mapping_keys(mapping: &Obj) -> PyResult<Owned> {
    new_ref!(ffi::PyMapping_Keys(mapping.as_ptr()))
}

/// Removes the items of `list` from index `len` on (`del list[len:]`).
pub fn list_truncate(list: &Obj, len: usize) -> PyResult<()> {
    let size = super::object::len(list)?;
    // SAFETY: live list; a NULL replacement deletes the slice.
    let rc = unsafe {
        ffi::PyList_SetSlice(list.as_ptr(), len as ffi::Py_ssize_t, size, ptr::null_mut())
    };
    if rc < 0 {
        Err(Raised)
    } else {
        Ok(())
    }
}

/// Whether the str `s` (any str subclass) starts with an underscore, as
/// `PyUnicode_READ_CHAR(s, 0) == '_'` (false for the empty string).
pub fn str_starts_with_underscore(s: &Obj) -> PyResult<bool> {
    assert!(s.is_str(), "str_starts_with_underscore needs a str");
    // SAFETY: a live str; index 0 is read only when the length is positive.
    unsafe {
        let n = ffi::PyUnicode_GetLength(s.as_ptr());
        if n < 0 {
            return Err(Raised);
        }
        Ok(n > 0 && ffi::PyUnicode_ReadChar(s.as_ptr(), 0) == u32::from('_'))
    }
}

/// `_PyObject_FunctionStr(func)`: the qualified name of a function plus `()`, or `str()` of
/// another callable (used in call error messages).
pub fn function_str(func: &Obj) -> PyResult<Owned> {
    new_ref!(_PyObject_FunctionStr(func.as_ptr()))
}

// --- imports -------------------------------------------------------------------------------

/// Whether `func` is the interpreter's original `builtins.__import__` (IMPORT_NAME's fast path).
pub fn is_original_import(thread: Thread, func: &Obj) -> bool {
    // SAFETY: the thread state and its interpreter are live; import_func is a pointer field.
    let original = unsafe {
        state::interp::IMPORT_FUNC
            .ptr((*thread.as_ptr()).interp)
            .read()
    };
    ptr::eq(original, func.as_ptr())
}

/// `_PyLong_AsInt`: an int as a C int (OverflowError when it does not fit).
pub fn int_as_c_int(obj: &Obj) -> PyResult<i32> {
    // SAFETY: live object.
    let v = unsafe { _PyLong_AsInt(obj.as_ptr()) };
    if v == -1 && super::object::error_occurred() {
        Err(Raised)
    } else {
        Ok(v)
    }
}

/// `PyImport_ImportModuleLevelObject(name, globals, locals, fromlist, level)`.
pub fn import_module_level(
    name: &Obj,
    globals: &Obj,
    locals: &Obj,
    fromlist: &Obj,
    level: i32,
) -> PyResult<Owned> {
    new_ref!(ffi::PyImport_ImportModuleLevelObject(
        name.as_ptr(),
        globals.as_ptr(),
        locals.as_ptr(),
        fromlist.as_ptr(),
        level
    ))
}

/// `PyImport_GetModule(name)`: `sys.modules[name]`, `Ok(None)` when absent.
pub fn imported_module(name: &Obj) -> PyResult<Option<Owned>> {
    // SAFETY: live name; a new reference, or NULL with or without an exception set.
    match unsafe { Owned::from_new(ffi::PyImport_GetModule(name.as_ptr())) } {
        Ok(module) => Ok(Some(module)),
        Err(Raised) if super::object::error_occurred() => Err(Raised),
        Err(Raised) => Ok(None),
    }
}

/// `PyModule_GetFilenameObject(module)`: the module's `__file__` (TypeError for a non-module,
/// SystemError when it has none).
pub fn module_filename(module: &Obj) -> PyResult<Owned> {
    new_ref!(ffi::PyModule_GetFilenameObject(module.as_ptr()))
}

/// `_PyModuleSpec_IsInitializing(spec)`: the spec's `_initializing` is true. Clears any error
/// it meets, and any error already set when the answer is not a plain true.
pub fn spec_is_initializing(spec: Option<&Obj>) -> bool {
    // SAFETY: GIL held; the function accepts NULL.
    unsafe { _PyModuleSpec_IsInitializing(spec.map_or(ptr::null_mut(), Obj::as_ptr)) != 0 }
}

// --- generators and coroutines ---------------------------------------------------------------

/// Whether `obj` is exactly a coroutine object (`PyCoro_CheckExact`).
pub fn is_exact_coroutine(obj: &Obj) -> bool {
    obj.is_exact(ptr::addr_of_mut!(ffi::PyCoro_Type))
}

/// Whether `obj` is exactly a generator (`PyGen_CheckExact`).
fn is_exact_generator(obj: &Obj) -> bool {
    obj.is_exact(ptr::addr_of_mut!(ffi::PyGen_Type))
}

/// Whether `obj` is exactly an async generator (`PyAsyncGen_CheckExact`).
fn is_exact_async_generator(obj: &Obj) -> bool {
    obj.is_exact(ptr::addr_of_mut!(ffi::PyAsyncGen_Type))
}

/// `gen_is_coroutine` of Objects/genobject.c: a generator whose code has
/// `CO_ITERABLE_COROUTINE` (made by `types.coroutine`).
pub fn is_iterable_coroutine(obj: &Obj) -> bool {
    if !is_exact_generator(obj) {
        return false;
    }
    // SAFETY: `obj` is a live generator, whose gi_code is a live code object.
    unsafe {
        (*(*obj.as_ptr().cast::<PyGenObject>()).gi_code).co_flags & CO_ITERABLE_COROUTINE != 0
    }
}

/// The frame embedded in a generator, coroutine or async generator, for `_PyGen_yf`.
pub struct GenFrame<'a> {
    gen: &'a Obj,
}

/// The embedded frame of `obj` when it is exactly a generator, coroutine or async generator.
pub fn gen_frame(obj: &Obj) -> Option<GenFrame<'_>> {
    (is_exact_generator(obj) || is_exact_coroutine(obj) || is_exact_async_generator(obj))
        .then_some(GenFrame { gen: obj })
}

impl<'a> GenFrame<'a> {
    fn raw(&self) -> *mut PyGenObject {
        // The three types share the generator head (`_PyGenObject_HEAD`).
        self.gen.as_ptr().cast()
    }

    /// `gi_frame_state`: one of `frame::FRAME_*`.
    pub fn state(&self) -> i8 {
        // SAFETY: a live generator-like object.
        unsafe { (*self.raw()).gi_frame_state }
    }

    /// The frame, when it has started and is not cleared (its fields are then meaningful).
    fn live_frame(&self) -> Option<*mut _PyInterpreterFrame> {
        let state = self.state();
        // SAFETY: a live generator-like object; the frame is stored inline.
        (state != FRAME_CREATED && state < FRAME_CLEARED)
            .then(|| unsafe { PyGenObject::iframe(self.raw()) })
    }

    /// The code unit after `prev_instr` (the next to run when suspended); `None` when the frame
    /// has not started, is cleared, or `prev_instr` is the last unit.
    pub fn next_code_unit(&self) -> Option<u16> {
        let frame = self.live_frame()?;
        // SAFETY: a started, uncleared frame has a valid prev_instr inside its code's
        // bytecode; the unit after it is read only when it is inside the bytecode too.
        unsafe {
            let code = (*frame).f_code;
            let next = _PyInterpreterFrame::lasti(frame) as isize + 1;
            (0 <= next && (next as usize) < PyCodeObject::code_len(code))
                .then(|| *PyCodeObject::code_ptr(code).offset(next))
        }
    }

    /// The value on top of the frame's value stack (`_PyFrame_StackPeek`), if the stored stack
    /// is not empty.
    pub fn stack_top(&self) -> Option<Owned> {
        let frame = self.live_frame()?;
        // SAFETY: a suspended frame's stacktop counts its initialized locals-plus-stack slots;
        // the slot is read only when it lies above the locals, and only if non-NULL.
        unsafe {
            let top = (*frame).stacktop;
            if top <= (*(*frame).f_code).co_nlocalsplus {
                return None;
            }
            let value = *_PyInterpreterFrame::localsplus_ptr(frame).add(top as usize - 1);
            (!value.is_null()).then(|| Obj::from_ptr(value).to_owned())
        }
    }
}
