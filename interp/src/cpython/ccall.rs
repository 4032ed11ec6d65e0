//! What the specialized call forms read of functions, built-in functions, method descriptors
//! and classes, and the direct calls through their C entry points that 3.11's `PRECALL_*`
//! forms make (Python/ceval.c): `METH_O`, `METH_NOARGS`, `METH_FASTCALL` (with or without
//! keywords) and a class's `tp_vectorcall`.
//!
//! The structs read here (`PyCFunctionObject`, `PyMethodDef`, `PyMethodDescrObject`) are
//! pyo3-ffi's declarations of the public CPython headers; `PyFunctionObject` is justjit's own
//! mirror (checked in `interp/tests/layout.rs`).

use std::ffi::{c_int, CStr};
use std::ptr;
use std::sync::atomic::{AtomicPtr, AtomicU32, Ordering};

use pyo3_ffi as ffi;
use pyo3_ffi::PyObject;

use super::object::{Obj, Owned, PyResult, Raised};
use super::objects::PyFunctionObject;

/// The flags that select a calling convention (`ml_flags` without `METH_COEXIST` and such).
pub const CALL_FLAGS: c_int = ffi::METH_VARARGS
    | ffi::METH_FASTCALL
    | ffi::METH_NOARGS
    | ffi::METH_O
    | ffi::METH_KEYWORDS
    | ffi::METH_METHOD;

// --- function versions ------------------------------------------------------------------------

/// The next version justjit hands out. CPython's `_PyFunction_GetVersionForCurrentState` (not
/// exported) counts up from 1 (only for frames CPython's own evaluator specializes); justjit
/// counts from 2**31 up, a disjoint range unless CPython hands out 2**31 versions, and stops at
/// the end of the range (0 = exhausted, no more specializations on versions).
static NEXT_FUNC_VERSION: AtomicU32 = AtomicU32::new(0x8000_0000);

/// `func_version` of an exact function (0 = none: `__code__`, `__defaults__`,
/// `__kwdefaults__` or `__annotations__` changed since one was given).
#[inline(always)]
pub fn function_version(func: &Obj) -> u32 {
    debug_assert!(func.is_exact_function());
    // SAFETY: an exact function object; reading a plain integer field.
    unsafe { (*func.as_ptr().cast::<PyFunctionObject>()).func_version }
}

/// The version of an exact function for a specialization guard, giving it one if it has none
/// (as `_PyFunction_GetVersionForCurrentState`); 0 when versions are exhausted.
///
/// Sound as a guard because each version is handed out once (the two counters never meet,
/// see `NEXT_FUNC_VERSION`) and CPython resets it to 0 whenever the code, defaults, keyword
/// defaults or annotations of the function change: an equal version means the same function
/// object in the same state, or a function MAKE_FUNCTION made from the same code object with
/// as many defaults ([`SharedFunctionVersion`]).
pub fn function_version_for_guard(func: &Obj) -> u32 {
    let current = function_version(func);
    if current != 0 {
        return current;
    }
    let next = fresh_function_version();
    if next != 0 {
        // SAFETY: an exact function object; the GIL is held.
        unsafe { (*func.as_ptr().cast::<PyFunctionObject>()).func_version = next };
    }
    next
}

/// A version no function has had (0 when versions are exhausted).
fn fresh_function_version() -> u32 {
    let next = NEXT_FUNC_VERSION.load(Ordering::Relaxed);
    if next == 0 {
        return 0;
    }
    // The GIL serializes callers; wrapping past u32::MAX leaves 0, which means exhausted.
    NEXT_FUNC_VERSION.store(next.wrapping_add(1), Ordering::Relaxed);
    next
}

/// The version MAKE_FUNCTION gives every function it makes from one code object (3.12's rule:
/// a function's version comes from its code), so that a call site that sees a new closure,
/// lambda or generator expression each time stays specialized.
///
/// Each version is tied to one code object and one number of defaults, which is all a call
/// guard relies on: the specialized calls read the code, the defaults and their count from the
/// function they call, and CPython's evaluator (which may specialize on these versions in
/// frames handed to it) reads the defaults by a count it took from a function with the same
/// code and the same number of defaults. Assigning or deleting `__code__`, `__defaults__`,
/// `__kwdefaults__` or `__annotations__` resets a function's version to 0 as before.
#[derive(Default)]
pub struct SharedFunctionVersion(std::cell::Cell<(u32, usize)>);

impl SharedFunctionVersion {
    /// Gives `func`, fresh from MAKE_FUNCTION with its code's functions sharing this version,
    /// the version (the first such function picks a fresh one). A function with a different
    /// number of defaults than the first keeps version 0.
    pub fn give_to(&self, func: &Obj) {
        assert!(func.is_exact_function());
        // SAFETY: an exact function object; the GIL is held. `func_defaults` is NULL or the
        // tuple MAKE_FUNCTION checked.
        unsafe {
            let f = func.as_ptr().cast::<PyFunctionObject>();
            let defaults = (*f).func_defaults;
            let ndefaults = if defaults.is_null() {
                0
            } else {
                ffi::PyTuple_GET_SIZE(defaults) as usize
            };
            let (mut version, shape) = self.0.get();
            if version == 0 {
                version = fresh_function_version();
                self.0.set((version, ndefaults));
            } else if shape != ndefaults {
                return;
            }
            (*f).func_version = version;
        }
    }
}

// --- built-in functions -----------------------------------------------------------------------

/// An exact built-in function object (`PyCFunction_CheckExact`).
#[inline(always)]
fn as_cfunction(callable: &Obj) -> Option<*mut ffi::PyCFunctionObject> {
    callable
        .is_exact(ptr::addr_of_mut!(ffi::PyCFunction_Type))
        .then(|| callable.as_ptr().cast())
}

/// `ml_flags` of an exact built-in function, or `None` for anything else.
#[inline(always)]
pub fn cfunction_flags(callable: &Obj) -> Option<c_int> {
    // SAFETY: a live built-in function points at its (static) method definition.
    as_cfunction(callable).map(|f| unsafe { (*(*f).m_ml).ml_flags })
}

/// Whether a built-in function is `builtins.NAME` itself: its definition has that name and it
/// is bound to the `builtins` module.
fn is_builtin_named(callable: &Obj, name: &CStr) -> bool {
    let Some(f) = as_cfunction(callable) else {
        return false;
    };
    // SAFETY: a live built-in function: its definition's name is a C string; its self is a
    // module or NULL.
    unsafe {
        let def = (*f).m_ml;
        let module = (*f).m_self;
        if (*def).ml_name.is_null() || CStr::from_ptr((*def).ml_name) != name {
            return false;
        }
        if module.is_null() || ffi::PyModule_Check(module) == 0 {
            return false;
        }
        let module_name = ffi::PyModule_GetName(module);
        if module_name.is_null() {
            ffi::PyErr_Clear();
            return false;
        }
        CStr::from_ptr(module_name) == c"builtins"
    }
}

/// One built-in function found once (`interp->callable_cache` of 3.11); keeps a reference.
struct Known(AtomicPtr<PyObject>);

impl Known {
    const fn new() -> Known {
        Known(AtomicPtr::new(ptr::null_mut()))
    }

    /// Whether `callable` is the remembered object; remembers it when `identify` says it is
    /// the one and none is remembered yet.
    fn check_or_learn(&self, callable: &Obj, identify: impl FnOnce(&Obj) -> bool) -> bool {
        let known = self.0.load(Ordering::Relaxed);
        if !known.is_null() {
            return known == callable.as_ptr();
        }
        if identify(callable) {
            self.0
                .store(callable.to_owned().into_raw(), Ordering::Relaxed);
            return true;
        }
        false
    }

    #[inline(always)]
    fn is(&self, callable: &Obj) -> bool {
        self.0.load(Ordering::Relaxed) == callable.as_ptr()
    }
}

static LEN: Known = Known::new();
static ISINSTANCE: Known = Known::new();
static LIST_APPEND: Known = Known::new();

/// Whether `callable` is the built-in `len` (identified on first use).
pub fn identify_len(callable: &Obj) -> bool {
    LEN.check_or_learn(callable, |c| is_builtin_named(c, c"len"))
}

/// Whether `callable` is the built-in `isinstance` (identified on first use).
pub fn identify_isinstance(callable: &Obj) -> bool {
    ISINSTANCE.check_or_learn(callable, |c| is_builtin_named(c, c"isinstance"))
}

/// Whether `callable` is the method descriptor `list.append`.
pub fn identify_list_append(callable: &Obj) -> bool {
    LIST_APPEND.check_or_learn(callable, |c| {
        // SAFETY: list's type dict is never replaced (an immutable type); the item is borrowed.
        unsafe {
            let dict = (*ptr::addr_of_mut!(ffi::PyList_Type)).tp_dict;
            let append = ffi::PyDict_GetItemString(dict, c"append".as_ptr());
            append == c.as_ptr()
        }
    })
}

#[inline(always)]
pub fn is_len(callable: &Obj) -> bool {
    LEN.is(callable)
}

#[inline(always)]
pub fn is_isinstance(callable: &Obj) -> bool {
    ISINSTANCE.is(callable)
}

#[inline(always)]
pub fn is_list_append(callable: &Obj) -> bool {
    LIST_APPEND.is(callable)
}

/// The C function of a method definition as the `METH_O`/`METH_NOARGS` signature.
///
/// # Safety
/// `def` must be a live method definition with one of those conventions.
unsafe fn plain_function(def: *mut ffi::PyMethodDef) -> ffi::PyCFunction {
    // SAFETY: per the contract, the union holds this variant.
    unsafe { (*def).ml_meth.PyCFunction }
}

/// Calls a `METH_O`/`METH_NOARGS` C function inside a recursion check, as 3.11 does for
/// calls that do not go through vectorcall.
///
/// # Safety
/// `def` as in `plain_function`; `self_` and `arg` live (or NULL `arg` for `METH_NOARGS`).
unsafe fn call_checked(
    def: *mut ffi::PyMethodDef,
    self_: *mut PyObject,
    arg: *mut PyObject,
) -> PyResult<Owned> {
    // SAFETY: per the contract.
    unsafe {
        if ffi::Py_EnterRecursiveCall(c" while calling a Python object".as_ptr()) != 0 {
            return Err(Raised);
        }
        let result = plain_function(def)(self_, arg);
        ffi::Py_LeaveRecursiveCall();
        Owned::from_new(result)
    }
}

/// Calls a `METH_O` built-in function with one argument (`PRECALL_NO_KW_BUILTIN_O`).
pub fn call_cfunction_o(callable: &Obj, arg: &Obj) -> PyResult<Owned> {
    let f = as_cfunction(callable).expect("a built-in function");
    // SAFETY: a live METH_O built-in function (the caller checked the flags).
    unsafe {
        debug_assert_eq!((*(*f).m_ml).ml_flags, ffi::METH_O);
        call_checked((*f).m_ml, (*f).m_self, arg.as_ptr())
    }
}

/// Calls a `METH_FASTCALL` built-in function (`PRECALL_NO_KW_BUILTIN_FAST`).
pub fn call_cfunction_fast(callable: &Obj, args: &[&Obj]) -> PyResult<Owned> {
    let f = as_cfunction(callable).expect("a built-in function");
    // SAFETY: a live METH_FASTCALL built-in function; `&Obj` and `*mut PyObject` share a
    // layout, so `args` is the C array the convention takes.
    unsafe {
        debug_assert_eq!((*(*f).m_ml).ml_flags, ffi::METH_FASTCALL);
        let cfunc = (*(*f).m_ml).ml_meth.PyCFunctionFast;
        let argv = args.as_ptr().cast::<*mut PyObject>();
        Owned::from_new(cfunc(
            (*f).m_self,
            argv.cast_mut(),
            args.len() as ffi::Py_ssize_t,
        ))
    }
}

/// Calls a `METH_FASTCALL | METH_KEYWORDS` built-in function; `args` ends with the values of
/// the keywords named in `kwnames` (`PRECALL_BUILTIN_FAST_WITH_KEYWORDS`).
pub fn call_cfunction_fast_kw(
    callable: &Obj,
    args: &[&Obj],
    kwnames: Option<&Obj>,
) -> PyResult<Owned> {
    let f = as_cfunction(callable).expect("a built-in function");
    let nkw = kwnames.map_or(0, super::object::tuple_len);
    // SAFETY: as in `call_cfunction_fast`, for the keyword convention.
    unsafe {
        debug_assert_eq!(
            (*(*f).m_ml).ml_flags,
            ffi::METH_FASTCALL | ffi::METH_KEYWORDS
        );
        let cfunc = (*(*f).m_ml).ml_meth.PyCFunctionFastWithKeywords;
        let argv = args.as_ptr().cast::<*mut PyObject>();
        let names = kwnames.map_or(ptr::null_mut(), Obj::as_ptr);
        Owned::from_new(cfunc(
            (*f).m_self,
            argv,
            (args.len() - nkw) as ffi::Py_ssize_t,
            names,
        ))
    }
}

// --- method descriptors -----------------------------------------------------------------------

/// An exact method descriptor (`list.append`, `str.join`, …).
#[inline(always)]
fn as_method_descr(callable: &Obj) -> Option<*mut ffi::PyMethodDescrObject> {
    callable
        .is_exact(ptr::addr_of_mut!(ffi::PyMethodDescr_Type))
        .then(|| callable.as_ptr().cast())
}

/// `ml_flags` of an exact method descriptor and the type it belongs to.
#[inline(always)]
pub fn method_descr_parts(callable: &Obj) -> Option<(c_int, *mut ffi::PyTypeObject)> {
    // SAFETY: a live method descriptor points at its method definition and its type.
    as_method_descr(callable).map(|d| unsafe { ((*(*d).d_method).ml_flags, (*d).d_common.d_type) })
}

/// Calls a `METH_O` method descriptor on `self_` (whose exact type the caller checked).
pub fn call_descr_o(descr: &Obj, self_: &Obj, arg: &Obj) -> PyResult<Owned> {
    let d = as_method_descr(descr).expect("a method descriptor");
    // SAFETY: a live METH_O descriptor called on an instance of its type.
    unsafe { call_checked((*d).d_method, self_.as_ptr(), arg.as_ptr()) }
}

/// Calls a `METH_NOARGS` method descriptor on `self_`.
pub fn call_descr_noargs(descr: &Obj, self_: &Obj) -> PyResult<Owned> {
    let d = as_method_descr(descr).expect("a method descriptor");
    // SAFETY: a live METH_NOARGS descriptor called on an instance of its type.
    unsafe { call_checked((*d).d_method, self_.as_ptr(), ptr::null_mut()) }
}

/// Calls a `METH_FASTCALL` (with `kwnames`: `| METH_KEYWORDS`) method descriptor on `self_`;
/// `args` ends with the keyword values.
pub fn call_descr_fast(
    descr: &Obj,
    self_: &Obj,
    args: &[&Obj],
    kwnames: Option<&Obj>,
    keywords: bool,
) -> PyResult<Owned> {
    let d = as_method_descr(descr).expect("a method descriptor");
    let argv = args.as_ptr().cast::<*mut PyObject>();
    // SAFETY: a live descriptor of the stated convention called on an instance of its type.
    unsafe {
        let def = (*d).d_method;
        let result = if keywords {
            let nkw = kwnames.map_or(0, super::object::tuple_len);
            let names = kwnames.map_or(ptr::null_mut(), Obj::as_ptr);
            let cfunc = (*def).ml_meth.PyCFunctionFastWithKeywords;
            cfunc(
                self_.as_ptr(),
                argv,
                (args.len() - nkw) as ffi::Py_ssize_t,
                names,
            )
        } else {
            let cfunc = (*def).ml_meth.PyCFunctionFast;
            cfunc(
                self_.as_ptr(),
                argv.cast_mut(),
                args.len() as ffi::Py_ssize_t,
            )
        };
        Owned::from_new(result)
    }
}

// --- classes ----------------------------------------------------------------------------------

/// Whether a type is immutable (`Py_TPFLAGS_IMMUTABLETYPE`) and has `tp_vectorcall`; and
/// whether its `tp_new` is `object.__new__` (a Python class).
pub fn class_call_facts(ty: &Obj) -> (bool, bool, bool) {
    debug_assert!(ty.is_type());
    // SAFETY: a live type object; reading its flags and slots.
    unsafe {
        let t = ty.as_ptr().cast::<ffi::PyTypeObject>();
        let immutable = (*t).tp_flags & ffi::Py_TPFLAGS_IMMUTABLETYPE != 0;
        // Addresses compared: both are CPython's own `object_new` when it is inherited.
        let address = |slot: Option<ffi::newfunc>| slot.map_or(0, |f| f as usize);
        let object_new =
            address((*t).tp_new) == address((*ptr::addr_of!(ffi::PyBaseObject_Type)).tp_new);
        (immutable, (*t).tp_vectorcall.is_some(), object_new)
    }
}

/// Calls a class through its `tp_vectorcall` (`PRECALL_BUILTIN_CLASS`); `None` when it has
/// none. `args` ends with the values of the keywords named in `kwnames`.
pub fn call_class_vectorcall(
    ty: &Obj,
    args: &[&Obj],
    kwnames: Option<&Obj>,
) -> Option<PyResult<Owned>> {
    // SAFETY: a live type object (checked by the caller with `is_type`); the vectorcall
    // convention takes the arguments as a C array and the keyword names as a tuple or NULL.
    unsafe {
        let t = ty.as_ptr().cast::<ffi::PyTypeObject>();
        let vectorcall = (*t).tp_vectorcall?;
        let nkw = kwnames.map_or(0, super::object::tuple_len);
        let names = kwnames.map_or(ptr::null_mut(), Obj::as_ptr);
        let argv = args.as_ptr().cast::<*mut PyObject>();
        let result = vectorcall(ty.as_ptr(), argv, args.len() - nkw, names);
        Some(Owned::from_new(result))
    }
}

/// A dunder name interned once, from `cell` (the reference is kept for the process); NULL
/// when it could not be made (tried again on the next call).
fn interned(cell: &AtomicPtr<PyObject>, name: &CStr) -> *mut PyObject {
    let cached = cell.load(Ordering::Relaxed);
    if !cached.is_null() {
        return cached;
    }
    // SAFETY: the GIL is held; the new reference is stored and never released.
    let made = unsafe { ffi::PyUnicode_InternFromString(name.as_ptr()) };
    if made.is_null() {
        // SAFETY: as above; no error is left behind by a lookup helper.
        unsafe { ffi::PyErr_Clear() };
    }
    cell.store(made, Ordering::Relaxed);
    made
}

fn init_name() -> *mut PyObject {
    static NAME: AtomicPtr<PyObject> = AtomicPtr::new(ptr::null_mut());
    interned(&NAME, c"__init__")
}

fn getitem_name() -> *mut PyObject {
    static NAME: AtomicPtr<PyObject> = AtomicPtr::new(ptr::null_mut());
    interned(&NAME, c"__getitem__")
}

/// What `container[key]` runs when `container`'s class is a heap type with a Python
/// `__getitem__` (3.11's condition for `BINARY_SUBSCR_GETITEM`): that function, borrowed from
/// the class's MRO.
pub fn python_getitem(container: &Obj) -> Option<&Obj> {
    let name = getitem_name();
    if name.is_null() {
        return None;
    }
    // SAFETY: the container's type is live while the container is; `_PyType_Lookup` never
    // raises and returns a reference borrowed from the MRO, which the type keeps alive.
    unsafe {
        let t = container.type_ptr();
        if (*t).tp_flags & ffi::Py_TPFLAGS_HEAPTYPE == 0 {
            return None;
        }
        super::attrs::type_lookup(t, name).filter(|f| f.is_exact_function())
    }
}

/// What calling class `ty` runs when it is a Python class whose instances `object.__new__`
/// makes and a Python function initializes (3.11's `type_call` then goes through
/// `object_new` and `slot_tp_init`): the `__init__` function, borrowed from the class's MRO.
/// `None` for any other class (a metaclass other than `type`, its own `__new__`, an
/// `__init__` that is not a Python function, abstract methods left).
pub fn python_init(ty: &Obj) -> Option<&Obj> {
    if ty.type_ptr() != ptr::addr_of_mut!(ffi::PyType_Type) {
        return None;
    }
    let name = init_name();
    if name.is_null() {
        return None;
    }
    // SAFETY: `ty` is an exact `type` instance, so a live type object; `_PyType_Lookup` never
    // raises and returns a reference borrowed from the MRO, which the class keeps alive.
    unsafe {
        let t = ty.as_ptr().cast::<ffi::PyTypeObject>();
        let base = ptr::addr_of!(ffi::PyBaseObject_Type);
        let address = |slot: Option<ffi::newfunc>| slot.map_or(0, |f| f as usize);
        let flags = (*t).tp_flags;
        if flags & ffi::Py_TPFLAGS_HEAPTYPE == 0
            || flags & ffi::Py_TPFLAGS_IS_ABSTRACT != 0
            || address((*t).tp_new) != address((*base).tp_new)
        {
            return None;
        }
        let init = super::attrs::type_lookup(t, name);
        init.filter(|init| init.is_exact_function())
    }
}

/// The version tag of class `ty` itself (0 when it has none).
pub fn class_version(ty: &Obj) -> u32 {
    debug_assert!(ty.is_type());
    // SAFETY: a live type object; reading a plain field.
    unsafe { (*ty.as_ptr().cast::<ffi::PyTypeObject>()).tp_version_tag }
}

/// `object.__new__(ty)`, as `type_call` runs it before `__init__`: `ty`'s `tp_new` (which is
/// `object_new`) with no arguments, so the instance gets its values array or dict as well
/// (`_PyObject_InitializeDict`, which libpython does not export). `ty` must be a class
/// [`python_init`] accepted.
pub fn alloc_instance(ty: &Obj) -> PyResult<Owned> {
    // SAFETY: a live heap type whose `tp_new` is `object_new` (checked by `python_init` when the
    // call was specialized, and unchanged since: its version is the same); `object_new` takes
    // the type, an argument tuple and NULL keywords, and returns a new reference or NULL.
    unsafe {
        let t = ty.as_ptr().cast::<ffi::PyTypeObject>();
        let new = (*t)
            .tp_new
            .expect("a class python_init accepted has tp_new");
        let no_args = Owned::from_new(ffi::PyTuple_New(0))?;
        Owned::from_new(new(t, no_args.as_ptr(), ptr::null_mut()))
    }
}
