//! Safe handles on Python objects: `&Obj` (a borrowed reference), `Owned` (a strong reference
//! released on drop) and `PyResult` (an `Err` means a Python exception is set on this thread),
//! plus the C-API calls the evaluator makes, wrapped to take and return those handles.
//!
//! Every function here must be called with the GIL held; the evaluator only runs with it.

use std::cell::UnsafeCell;
use std::ffi::{c_int, CStr};
use std::fmt;
use std::ptr::{self, NonNull};

use pyo3_ffi as ffi;
use pyo3_ffi::PyObject;

/// A Python exception is set on the current thread (the C API's NULL / -1 return).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Raised;

/// The result of an operation that may raise.
pub type PyResult<T> = Result<T, Raised>;

/// A Python object seen through a borrowed reference: `&Obj` is valid while whoever owns the
/// reference keeps it (a stack slot, a local, an `Owned`).
#[repr(transparent)]
pub struct Obj(UnsafeCell<PyObject>);

/// A strong reference; dropping it releases the reference.
#[repr(transparent)]
pub struct Owned(NonNull<PyObject>);

impl Obj {
    /// # Safety
    /// `ptr` must be a valid, non-NULL object pointer that stays alive for `'a`.
    #[inline(always)]
    pub unsafe fn from_ptr<'a>(ptr: *mut PyObject) -> &'a Obj {
        debug_assert!(!ptr.is_null());
        // SAFETY: Obj is a transparent wrapper of PyObject; validity is the caller's promise.
        unsafe { &*(ptr as *const Obj) }
    }

    #[inline(always)]
    pub fn as_ptr(&self) -> *mut PyObject {
        self.0.get()
    }

    /// A new strong reference to this object.
    #[inline(always)]
    pub fn to_owned(&self) -> Owned {
        // SAFETY: the object is alive (we borrow it); Py_INCREF on a live object is sound.
        unsafe {
            ffi::Py_INCREF(self.as_ptr());
            Owned::from_raw_unchecked(self.as_ptr())
        }
    }

    #[inline(always)]
    pub fn type_ptr(&self) -> *mut ffi::PyTypeObject {
        // SAFETY: every live object has a type.
        unsafe { (*self.as_ptr()).ob_type }
    }

    /// The object's type, borrowed.
    #[inline(always)]
    pub fn type_obj(&self) -> &Obj {
        // SAFETY: a live object keeps its type alive.
        unsafe { Obj::from_ptr(self.type_ptr().cast()) }
    }

    #[inline(always)]
    pub fn is(&self, other: &Obj) -> bool {
        ptr::eq(self.as_ptr(), other.as_ptr())
    }

    #[inline(always)]
    pub fn is_none(&self) -> bool {
        // SAFETY: Py_None returns the static None object.
        ptr::eq(self.as_ptr(), unsafe { ffi::Py_None() })
    }

    #[inline(always)]
    pub fn is_exact(&self, ty: *mut ffi::PyTypeObject) -> bool {
        ptr::eq(self.type_ptr(), ty)
    }

    fn has_flag(&self, flag: std::ffi::c_ulong) -> bool {
        // SAFETY: reading tp_flags of a live type object.
        unsafe { ffi::PyType_HasFeature(self.type_ptr(), flag) != 0 }
    }

    pub fn is_str(&self) -> bool {
        self.has_flag(ffi::Py_TPFLAGS_UNICODE_SUBCLASS)
    }
    /// `PyList_Check`: a list or an instance of a subclass.
    pub fn is_list(&self) -> bool {
        self.has_flag(ffi::Py_TPFLAGS_LIST_SUBCLASS)
    }
    pub fn is_tuple(&self) -> bool {
        self.has_flag(ffi::Py_TPFLAGS_TUPLE_SUBCLASS)
    }
    pub fn is_dict(&self) -> bool {
        self.has_flag(ffi::Py_TPFLAGS_DICT_SUBCLASS)
    }
    pub fn is_type(&self) -> bool {
        self.has_flag(ffi::Py_TPFLAGS_TYPE_SUBCLASS)
    }
    pub fn is_exact_str(&self) -> bool {
        self.is_exact(ptr::addr_of_mut!(ffi::PyUnicode_Type))
    }
    pub fn is_exact_dict(&self) -> bool {
        // SAFETY: as above.
        self.is_exact(ptr::addr_of_mut!(ffi::PyDict_Type))
    }
    pub fn is_exact_tuple(&self) -> bool {
        // SAFETY: as above.
        self.is_exact(ptr::addr_of_mut!(ffi::PyTuple_Type))
    }
    pub fn is_exact_list(&self) -> bool {
        // SAFETY: as above.
        self.is_exact(ptr::addr_of_mut!(ffi::PyList_Type))
    }
    pub fn is_exact_int(&self) -> bool {
        // SAFETY: as above.
        self.is_exact(ptr::addr_of_mut!(ffi::PyLong_Type))
    }
    pub fn is_exact_float(&self) -> bool {
        // SAFETY: as above.
        self.is_exact(ptr::addr_of_mut!(ffi::PyFloat_Type))
    }
    pub fn is_exact_function(&self) -> bool {
        // SAFETY: as above.
        self.is_exact(ptr::addr_of_mut!(ffi::PyFunction_Type))
    }
    pub fn is_exact_method(&self) -> bool {
        self.is_exact(ptr::addr_of_mut!(super::ffi::PyMethod_Type))
    }

    /// `repr()` rendered for diagnostics; never raises (errors are swallowed).
    pub fn debug_repr(&self) -> String {
        match repr(self).and_then(|r| str_to_string(&r)) {
            Ok(s) => s,
            Err(Raised) => {
                clear_error();
                "<unrepresentable>".to_owned()
            }
        }
    }
}

impl fmt::Debug for Obj {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.debug_repr())
    }
}

impl Owned {
    /// Takes over a new reference; NULL means the call that produced it raised.
    ///
    /// # Safety
    /// `ptr` must be NULL (with an exception set) or a new strong reference.
    #[inline(always)]
    pub unsafe fn from_new(ptr: *mut PyObject) -> PyResult<Owned> {
        NonNull::new(ptr).map(Owned).ok_or(Raised)
    }

    /// # Safety
    /// `ptr` must be a non-NULL strong reference the caller gives up.
    #[inline(always)]
    pub unsafe fn from_raw_unchecked(ptr: *mut PyObject) -> Owned {
        debug_assert!(!ptr.is_null());
        // SAFETY: the caller promises non-NULL.
        Owned(unsafe { NonNull::new_unchecked(ptr) })
    }

    /// Gives up the reference without releasing it.
    #[inline(always)]
    pub fn into_raw(self) -> *mut PyObject {
        let ptr = self.0.as_ptr();
        std::mem::forget(self);
        ptr
    }

    pub fn none() -> Owned {
        // SAFETY: None is immortal enough: we take a new reference to it.
        unsafe { Obj::from_ptr(ffi::Py_None()) }.to_owned()
    }

    pub fn bool(value: bool) -> Owned {
        // SAFETY: Py_True/Py_False are static objects; we take new references.
        unsafe {
            Obj::from_ptr(if value {
                ffi::Py_True()
            } else {
                ffi::Py_False()
            })
        }
        .to_owned()
    }
}

impl std::ops::Deref for Owned {
    type Target = Obj;
    #[inline(always)]
    fn deref(&self) -> &Obj {
        // SAFETY: an Owned keeps its object alive.
        unsafe { Obj::from_ptr(self.0.as_ptr()) }
    }
}

impl Clone for Owned {
    fn clone(&self) -> Owned {
        (**self).to_owned()
    }
}

impl Drop for Owned {
    #[inline(always)]
    fn drop(&mut self) {
        // SAFETY: we own one reference, released exactly once here.
        unsafe { ffi::Py_DECREF(self.0.as_ptr()) }
    }
}

/// An [`Owned`] reference or a small tag (below [`OwnedOrTag::TAGS`]), in one machine word.
///
/// For results that must come back from a call in a register: an enum of a reference and a
/// few dataless variants takes two words, comes back through memory written by two narrow
/// stores, and the caller's copy of it (one 16-byte load) cannot be forwarded from them, a
/// stall on every return. Object pointers are at least 8-byte aligned and never NULL, so the
/// words below 8 are free for tags.
pub struct OwnedOrTag(usize);

impl OwnedOrTag {
    /// Tags are `0..TAGS`.
    pub const TAGS: u8 = 8;

    #[inline(always)]
    pub fn owned(value: Owned) -> OwnedOrTag {
        OwnedOrTag(value.into_raw() as usize)
    }

    #[inline(always)]
    pub fn tag(tag: u8) -> OwnedOrTag {
        assert!(tag < Self::TAGS, "tag {tag} out of range");
        OwnedOrTag(usize::from(tag))
    }

    /// The reference, or the tag.
    #[inline(always)]
    pub fn split(self) -> Result<Owned, u8> {
        let word = self.0;
        std::mem::forget(self);
        if word < usize::from(Self::TAGS) {
            Err(word as u8)
        } else {
            // SAFETY: words from `TAGS` up are only made by `owned`, from a reference given up
            // there and taken back here exactly once (`split` consumes the value).
            Ok(unsafe { Owned::from_raw_unchecked(word as *mut PyObject) })
        }
    }
}

impl Drop for OwnedOrTag {
    fn drop(&mut self) {
        if self.0 >= usize::from(Self::TAGS) {
            // SAFETY: as in `split`: this word is a reference this value owns.
            drop(unsafe { Owned::from_raw_unchecked(self.0 as *mut PyObject) });
        }
    }
}

impl fmt::Debug for Owned {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (**self).fmt(f)
    }
}

/// Wraps a C call returning a new reference or NULL.
macro_rules! new_ref {
    ($call:expr) => {
        // SAFETY: every argument is a live object borrowed for the duration of the call (the GIL
        // is held); the C function returns a new reference or NULL with an exception set.
        unsafe { Owned::from_new($call) }
    };
}

/// Wraps a C call returning 0 on success and -1 with an exception set.
macro_rules! status {
    ($call:expr) => {{
        // SAFETY: as for `new_ref!`: live borrowed arguments, GIL held.
        let rc: c_int = unsafe { $call };
        if rc < 0 {
            Err(Raised)
        } else {
            Ok(())
        }
    }};
}

/// Wraps a C predicate returning 1, 0 or -1 (raised).
macro_rules! truth {
    ($call:expr) => {{
        // SAFETY: as for `new_ref!`.
        let rc: c_int = unsafe { $call };
        if rc < 0 {
            Err(Raised)
        } else {
            Ok(rc != 0)
        }
    }};
}

// --- exceptions -----------------------------------------------------------------------------

/// Whether an exception is set.
pub fn error_occurred() -> bool {
    // SAFETY: GIL held.
    unsafe { !ffi::PyErr_Occurred().is_null() }
}

pub fn clear_error() {
    // SAFETY: GIL held.
    unsafe { ffi::PyErr_Clear() }
}

/// Whether the set exception matches `exc` (a class or tuple of classes).
pub fn error_matches(exc: &Obj) -> bool {
    // SAFETY: GIL held; `exc` is a live object.
    unsafe { ffi::PyErr_ExceptionMatches(exc.as_ptr()) != 0 }
}

/// Raises `exc` (a class) with `message`.
pub fn raise(exc: &Obj, message: &str) -> Raised {
    let text = std::ffi::CString::new(message.replace('\0', "\\0")).expect("no NUL left");
    // SAFETY: GIL held; `exc` is an exception class; the message is a valid C string.
    unsafe { ffi::PyErr_SetString(exc.as_ptr(), text.as_ptr()) };
    Raised
}

/// Raises `exc` (a class) with `value` as its argument/instance.
pub fn raise_object(exc: &Obj, value: &Obj) -> Raised {
    // SAFETY: GIL held; both are live objects.
    unsafe { ffi::PyErr_SetObject(exc.as_ptr(), value.as_ptr()) };
    Raised
}

/// Raises MemoryError (CPython's preallocated instance).
pub fn raise_no_memory() -> Raised {
    // SAFETY: GIL held.
    unsafe { ffi::PyErr_NoMemory() };
    Raised
}

/// Raises `exc` (a class) with no value.
pub fn raise_none(exc: &Obj) -> Raised {
    // SAFETY: GIL held; a live class.
    unsafe { ffi::PyErr_SetNone(exc.as_ptr()) };
    Raised
}

/// The exception being raised, normalized, with its traceback attached; clears it.
pub fn fetch_normalized() -> Option<Owned> {
    let (mut ty, mut value, mut tb) = (ptr::null_mut(), ptr::null_mut(), ptr::null_mut());
    // SAFETY: GIL held; Fetch/Normalize hand us the three references, which we release or keep.
    unsafe {
        ffi::PyErr_Fetch(&mut ty, &mut value, &mut tb);
        if ty.is_null() {
            return None;
        }
        ffi::PyErr_NormalizeException(&mut ty, &mut value, &mut tb);
        let tb_or_none = if tb.is_null() { ffi::Py_None() } else { tb };
        if !value.is_null() {
            ffi::PyException_SetTraceback(value, tb_or_none);
        }
        ffi::Py_XDECREF(tb);
        ffi::Py_XDECREF(ty);
        Owned::from_new(value).ok()
    }
}

/// Sets `exc` (an exception instance) as the exception being raised, with its traceback.
pub fn restore_exception(exc: Owned) {
    // SAFETY: GIL held; Restore steals the three references we create here.
    unsafe {
        let value = exc.into_raw();
        let ty = ffi::Py_TYPE(value).cast::<PyObject>();
        ffi::Py_INCREF(ty);
        let tb = ffi::PyException_GetTraceback(value);
        ffi::PyErr_Restore(ty, value, tb);
    }
}

// --- numbers, comparisons, truth ---------------------------------------------------------------

/// `bool(obj)`, with the singletons decided without a call.
#[inline(always)]
pub fn is_true(obj: &Obj) -> PyResult<bool> {
    // SAFETY: comparing with the addresses of the static singletons.
    unsafe {
        let p = obj.as_ptr();
        if p == ffi::Py_True() {
            return Ok(true);
        }
        if p == ffi::Py_False() || p == ffi::Py_None() {
            return Ok(false);
        }
    }
    truth!(ffi::PyObject_IsTrue(obj.as_ptr()))
}

/// `not obj`.
pub fn not(obj: &Obj) -> PyResult<bool> {
    truth!(ffi::PyObject_Not(obj.as_ptr()))
}

pub fn positive(obj: &Obj) -> PyResult<Owned> {
    new_ref!(ffi::PyNumber_Positive(obj.as_ptr()))
}
pub fn negative(obj: &Obj) -> PyResult<Owned> {
    new_ref!(ffi::PyNumber_Negative(obj.as_ptr()))
}
pub fn invert(obj: &Obj) -> PyResult<Owned> {
    new_ref!(ffi::PyNumber_Invert(obj.as_ptr()))
}

/// The binary operators of `BINARY_OP`, indexed by its oparg (`NB_*`).
pub fn binary_op(op: u32, a: &Obj, b: &Obj) -> PyResult<Owned> {
    let (a, b) = (a.as_ptr(), b.as_ptr());
    // SAFETY: both operands are live; each PyNumber_* returns a new reference or NULL.
    let result = unsafe {
        match op {
            0 => ffi::PyNumber_Add(a, b),
            1 => ffi::PyNumber_And(a, b),
            2 => ffi::PyNumber_FloorDivide(a, b),
            3 => ffi::PyNumber_Lshift(a, b),
            4 => ffi::PyNumber_MatrixMultiply(a, b),
            5 => ffi::PyNumber_Multiply(a, b),
            6 => ffi::PyNumber_Remainder(a, b),
            7 => ffi::PyNumber_Or(a, b),
            8 => ffi::PyNumber_Power(a, b, ffi::Py_None()),
            9 => ffi::PyNumber_Rshift(a, b),
            10 => ffi::PyNumber_Subtract(a, b),
            11 => ffi::PyNumber_TrueDivide(a, b),
            12 => ffi::PyNumber_Xor(a, b),
            13 => ffi::PyNumber_InPlaceAdd(a, b),
            14 => ffi::PyNumber_InPlaceAnd(a, b),
            15 => ffi::PyNumber_InPlaceFloorDivide(a, b),
            16 => ffi::PyNumber_InPlaceLshift(a, b),
            17 => ffi::PyNumber_InPlaceMatrixMultiply(a, b),
            18 => ffi::PyNumber_InPlaceMultiply(a, b),
            19 => ffi::PyNumber_InPlaceRemainder(a, b),
            20 => ffi::PyNumber_InPlaceOr(a, b),
            21 => ffi::PyNumber_InPlacePower(a, b, ffi::Py_None()),
            22 => ffi::PyNumber_InPlaceRshift(a, b),
            23 => ffi::PyNumber_InPlaceSubtract(a, b),
            24 => ffi::PyNumber_InPlaceTrueDivide(a, b),
            25 => ffi::PyNumber_InPlaceXor(a, b),
            _ => unreachable!("BINARY_OP oparg validated to be < 26"),
        }
    };
    // SAFETY: `result` is a new reference or NULL.
    unsafe { Owned::from_new(result) }
}

/// Rich comparison (`op` is `Py_LT`..`Py_GE`).
pub fn rich_compare(a: &Obj, b: &Obj, op: c_int) -> PyResult<Owned> {
    new_ref!(ffi::PyObject_RichCompare(a.as_ptr(), b.as_ptr(), op))
}

/// Whether two exact strs are equal (`unicode_eq`: same object, or same length, kind and data).
pub fn str_equal(a: &Obj, b: &Obj) -> bool {
    // SAFETY: both are str objects; PyUnicode_Compare on two strs cannot fail.
    a.is(b) || unsafe { ffi::PyUnicode_Compare(a.as_ptr(), b.as_ptr()) == 0 }
}

pub fn is_exception_instance(obj: &Obj) -> bool {
    obj.has_flag(ffi::Py_TPFLAGS_BASE_EXC_SUBCLASS)
}

pub fn is_code(obj: &Obj) -> bool {
    obj.is_exact(ptr::addr_of_mut!(ffi::PyCode_Type))
}

pub fn is_exact_set(obj: &Obj) -> bool {
    obj.is_exact(ptr::addr_of_mut!(ffi::PySet_Type))
}

/// `PyObject_RichCompareBool` (identity implies equality for `Py_EQ`).
pub fn rich_compare_bool(a: &Obj, b: &Obj, op: c_int) -> PyResult<bool> {
    truth!(ffi::PyObject_RichCompareBool(a.as_ptr(), b.as_ptr(), op))
}

/// `item in container`.
pub fn contains(container: &Obj, item: &Obj) -> PyResult<bool> {
    truth!(ffi::PySequence_Contains(container.as_ptr(), item.as_ptr()))
}

/// `isinstance(obj, cls)`-style exception-class check (`PyErr_GivenExceptionMatches`).
pub fn exception_matches(exc: &Obj, cls: &Obj) -> bool {
    // SAFETY: live objects, GIL held; the function does not raise.
    unsafe { ffi::PyErr_GivenExceptionMatches(exc.as_ptr(), cls.as_ptr()) != 0 }
}

pub fn is_subclass(derived: &Obj, cls: &Obj) -> PyResult<bool> {
    truth!(ffi::PyObject_IsSubclass(derived.as_ptr(), cls.as_ptr()))
}

pub fn is_instance(obj: &Obj, cls: &Obj) -> PyResult<bool> {
    truth!(ffi::PyObject_IsInstance(obj.as_ptr(), cls.as_ptr()))
}

// --- attributes, items, iteration ------------------------------------------------------------

pub fn getattr(obj: &Obj, name: &Obj) -> PyResult<Owned> {
    new_ref!(ffi::PyObject_GetAttr(obj.as_ptr(), name.as_ptr()))
}

/// `getattr(obj, name)` returning `None` (and no exception) when it is missing.
pub fn getattr_opt(obj: &Obj, name: &Obj) -> PyResult<Option<Owned>> {
    match getattr(obj, name) {
        Ok(v) => Ok(Some(v)),
        Err(Raised) => {
            if error_matches(super::exc::attribute_error()) {
                clear_error();
                Ok(None)
            } else {
                Err(Raised)
            }
        }
    }
}

pub fn setattr(obj: &Obj, name: &Obj, value: &Obj) -> PyResult<()> {
    status!(ffi::PyObject_SetAttr(
        obj.as_ptr(),
        name.as_ptr(),
        value.as_ptr()
    ))
}

pub fn delattr(obj: &Obj, name: &Obj) -> PyResult<()> {
    status!(ffi::PyObject_SetAttr(
        obj.as_ptr(),
        name.as_ptr(),
        ptr::null_mut()
    ))
}

pub fn getitem(obj: &Obj, key: &Obj) -> PyResult<Owned> {
    new_ref!(ffi::PyObject_GetItem(obj.as_ptr(), key.as_ptr()))
}

pub fn setitem(obj: &Obj, key: &Obj, value: &Obj) -> PyResult<()> {
    status!(ffi::PyObject_SetItem(
        obj.as_ptr(),
        key.as_ptr(),
        value.as_ptr()
    ))
}

pub fn delitem(obj: &Obj, key: &Obj) -> PyResult<()> {
    status!(ffi::PyObject_DelItem(obj.as_ptr(), key.as_ptr()))
}

/// `iter(obj)`.
pub fn get_iter(obj: &Obj) -> PyResult<Owned> {
    new_ref!(ffi::PyObject_GetIter(obj.as_ptr()))
}

/// One step of an iterator: `Ok(Some(v))`, `Ok(None)` when exhausted (a StopIteration raised
/// by the iterator is cleared, as FOR_ITER does), `Err` on any other exception.
pub fn iter_next(iter: &Obj) -> PyResult<Option<Owned>> {
    // SAFETY: live iterator; tp_iternext exists for objects GET_ITER returned (checked by
    // PyIter_Check in the caller's creation path); it returns a new reference or NULL.
    unsafe {
        let tp = iter.type_ptr();
        let Some(next) = (*tp).tp_iternext else {
            // Only hand-made bytecode runs FOR_ITER on a non-iterator.
            let message = format!("'{}' object is not an iterator", type_name(iter));
            return Err(raise(super::exc::type_error(), &message));
        };
        let item = next(iter.as_ptr());
        if !item.is_null() {
            return Ok(Some(Owned::from_raw_unchecked(item)));
        }
        if !ffi::PyErr_Occurred().is_null() {
            if ffi::PyErr_ExceptionMatches(ffi::PyExc_StopIteration) == 0 {
                return Err(Raised);
            }
            ffi::PyErr_Clear();
        }
        Ok(None)
    }
}

/// Whether `obj`'s type has `tp_iternext` (is an iterator).
pub fn is_iterator(obj: &Obj) -> bool {
    // SAFETY: live object, reading its type slot.
    unsafe { ffi::PyIter_Check(obj.as_ptr()) != 0 }
}

pub fn len(obj: &Obj) -> PyResult<isize> {
    // SAFETY: live object.
    let n = unsafe { ffi::PyObject_Size(obj.as_ptr()) };
    if n < 0 {
        Err(Raised)
    } else {
        Ok(n)
    }
}

// --- strings -------------------------------------------------------------------------------

pub fn repr(obj: &Obj) -> PyResult<Owned> {
    new_ref!(ffi::PyObject_Repr(obj.as_ptr()))
}
pub fn str(obj: &Obj) -> PyResult<Owned> {
    new_ref!(ffi::PyObject_Str(obj.as_ptr()))
}
pub fn ascii(obj: &Obj) -> PyResult<Owned> {
    new_ref!(ffi::PyObject_ASCII(obj.as_ptr()))
}
pub fn format(obj: &Obj, spec: Option<&Obj>) -> PyResult<Owned> {
    new_ref!(ffi::PyObject_Format(
        obj.as_ptr(),
        spec.map_or(ptr::null_mut(), Obj::as_ptr)
    ))
}

/// A new str from Rust text.
pub fn new_str(text: &str) -> PyResult<Owned> {
    new_ref!(ffi::PyUnicode_FromStringAndSize(
        text.as_ptr().cast(),
        text.len() as ffi::Py_ssize_t
    ))
}

/// The UTF-8 content of a str.
pub fn str_to_string(obj: &Obj) -> PyResult<String> {
    let mut size: ffi::Py_ssize_t = 0;
    // SAFETY: live object; the returned buffer lives as long as the str and holds `size` bytes.
    unsafe {
        let data = ffi::PyUnicode_AsUTF8AndSize(obj.as_ptr(), &mut size);
        if data.is_null() {
            return Err(Raised);
        }
        let bytes = std::slice::from_raw_parts(data.cast::<u8>(), size as usize);
        Ok(String::from_utf8_lossy(bytes).into_owned())
    }
}

/// Joins strs (all exact str) with no separator.
pub fn join_strs(parts: &[&Obj]) -> PyResult<Owned> {
    // SAFETY: an empty separator is a fresh str; the parts are live (&Obj and *mut PyObject
    // share a layout).
    unsafe {
        let empty = Owned::from_new(ffi::PyUnicode_FromStringAndSize(ptr::null(), 0))?;
        let parts_ptr = parts.as_ptr().cast::<*mut PyObject>();
        Owned::from_new(_PyUnicode_JoinArray(
            empty.as_ptr(),
            parts_ptr,
            parts.len() as ffi::Py_ssize_t,
        ))
    }
}

extern "C" {
    fn _PyUnicode_JoinArray(
        separator: *mut PyObject,
        items: *const *mut PyObject,
        seqlen: ffi::Py_ssize_t,
    ) -> *mut PyObject;
    fn _PyDict_MergeEx(a: *mut PyObject, b: *mut PyObject, override_: c_int) -> c_int;
    fn _PyList_Extend(list: *mut PyObject, iterable: *mut PyObject) -> *mut PyObject;
    fn _PySet_Update(set: *mut PyObject, iterable: *mut PyObject) -> c_int;
    fn _PyObject_GetMethod(
        obj: *mut PyObject,
        name: *mut PyObject,
        method: *mut *mut PyObject,
    ) -> c_int;
    fn _PyEval_GetBuiltin(name: *mut PyObject) -> *mut PyObject;
}

// --- containers ------------------------------------------------------------------------------

/// A new tuple holding new references to `items`.
pub fn tuple_from(items: &[&Obj]) -> PyResult<Owned> {
    // SAFETY: PyTuple_New returns a tuple with NULL slots that we fill with new references.
    unsafe {
        let tuple = Owned::from_new(ffi::PyTuple_New(items.len() as ffi::Py_ssize_t))?;
        for (i, item) in items.iter().enumerate() {
            ffi::PyTuple_SET_ITEM(
                tuple.as_ptr(),
                i as ffi::Py_ssize_t,
                (*item).to_owned().into_raw(),
            );
        }
        Ok(tuple)
    }
}

/// A new tuple taking over `items`.
pub fn tuple_from_owned(items: Vec<Owned>) -> PyResult<Owned> {
    // SAFETY: as in `tuple_from`, but the references are moved in.
    unsafe {
        let tuple = Owned::from_new(ffi::PyTuple_New(items.len() as ffi::Py_ssize_t))?;
        for (i, item) in items.into_iter().enumerate() {
            ffi::PyTuple_SET_ITEM(tuple.as_ptr(), i as ffi::Py_ssize_t, item.into_raw());
        }
        Ok(tuple)
    }
}

/// A new list taking over `items`.
pub fn list_from_owned(items: Vec<Owned>) -> PyResult<Owned> {
    // SAFETY: PyList_New returns a list with NULL slots that we fill with the moved references.
    unsafe {
        let list = Owned::from_new(ffi::PyList_New(items.len() as ffi::Py_ssize_t))?;
        for (i, item) in items.into_iter().enumerate() {
            ffi::PyList_SET_ITEM(list.as_ptr(), i as ffi::Py_ssize_t, item.into_raw());
        }
        Ok(list)
    }
}

pub fn list_append(list: &Obj, item: &Obj) -> PyResult<()> {
    status!(ffi::PyList_Append(list.as_ptr(), item.as_ptr()))
}

/// `list.extend(iterable)`; returns the TypeError-raising result for non-iterables.
pub fn list_extend(list: &Obj, iterable: &Obj) -> PyResult<()> {
    let none = new_ref!(_PyList_Extend(list.as_ptr(), iterable.as_ptr()))?;
    drop(none);
    Ok(())
}

pub fn list_as_tuple(list: &Obj) -> PyResult<Owned> {
    new_ref!(ffi::PyList_AsTuple(list.as_ptr()))
}

pub fn sequence_tuple(obj: &Obj) -> PyResult<Owned> {
    new_ref!(ffi::PySequence_Tuple(obj.as_ptr()))
}

pub fn sequence_list(obj: &Obj) -> PyResult<Owned> {
    new_ref!(ffi::PySequence_List(obj.as_ptr()))
}

/// The items of an exact tuple or list, borrowed.
pub fn fast_items(seq: &Obj) -> &[&Obj] {
    debug_assert!(seq.is_exact_tuple() || seq.is_exact_list());
    // SAFETY: for an exact tuple or list PySequence_Fast_ITEMS is its item array of
    // PySequence_Fast_GET_SIZE non-NULL live entries; &Obj and *mut PyObject share a layout.
    unsafe {
        let n = ffi::PySequence_Fast_GET_SIZE(seq.as_ptr());
        if n == 0 {
            // An empty list's item array may be NULL.
            return &[];
        }
        let items = ffi::PySequence_Fast_ITEMS(seq.as_ptr());
        std::slice::from_raw_parts(items.cast::<&Obj>(), n as usize)
    }
}

pub fn new_set() -> PyResult<Owned> {
    new_ref!(ffi::PySet_New(ptr::null_mut()))
}
pub fn set_add(set: &Obj, item: &Obj) -> PyResult<()> {
    status!(ffi::PySet_Add(set.as_ptr(), item.as_ptr()))
}
pub fn set_update(set: &Obj, iterable: &Obj) -> PyResult<()> {
    status!(_PySet_Update(set.as_ptr(), iterable.as_ptr()))
}

pub fn new_dict() -> PyResult<Owned> {
    new_ref!(ffi::PyDict_New())
}
pub fn dict_set(dict: &Obj, key: &Obj, value: &Obj) -> PyResult<()> {
    status!(ffi::PyDict_SetItem(
        dict.as_ptr(),
        key.as_ptr(),
        value.as_ptr()
    ))
}
pub fn dict_del(dict: &Obj, key: &Obj) -> PyResult<()> {
    status!(ffi::PyDict_DelItem(dict.as_ptr(), key.as_ptr()))
}
/// `dict.update(other)`.
pub fn dict_update(dict: &Obj, other: &Obj) -> PyResult<()> {
    status!(ffi::PyDict_Update(dict.as_ptr(), other.as_ptr()))
}
/// Merges `other` into `dict`, raising on duplicate keys (`override == 2`, for `f(**a, **b)`).
pub fn dict_merge_unique(dict: &Obj, other: &Obj) -> PyResult<()> {
    status!(_PyDict_MergeEx(dict.as_ptr(), other.as_ptr(), 2))
}

/// `dict[key]` for an exact dict: `Ok(None)` when missing (no exception set).
pub fn dict_get(dict: &Obj, key: &Obj) -> PyResult<Option<&'static Obj>> {
    // SAFETY: live dict and key; the result is borrowed from the dict. The 'static lifetime is a
    // simplification the callers honour by using the value before anything can mutate the dict.
    unsafe {
        let value = ffi::PyDict_GetItemWithError(dict.as_ptr(), key.as_ptr());
        if value.is_null() {
            if ffi::PyErr_Occurred().is_null() {
                Ok(None)
            } else {
                Err(Raised)
            }
        } else {
            Ok(Some(Obj::from_ptr(value)))
        }
    }
}

/// Looks `key` up in a mapping that may be a dict subclass or any mapping: `Ok(None)` when
/// missing (KeyError cleared).
pub fn mapping_get(mapping: &Obj, key: &Obj) -> PyResult<Option<Owned>> {
    if mapping.is_exact_dict() {
        return Ok(dict_get(mapping, key)?.map(Obj::to_owned));
    }
    match getitem(mapping, key) {
        Ok(v) => Ok(Some(v)),
        Err(Raised) => {
            if error_matches(super::exc::key_error()) {
                clear_error();
                Ok(None)
            } else {
                Err(Raised)
            }
        }
    }
}

pub fn build_slice(start: &Obj, stop: &Obj, step: Option<&Obj>) -> PyResult<Owned> {
    new_ref!(ffi::PySlice_New(
        start.as_ptr(),
        stop.as_ptr(),
        step.map_or(ptr::null_mut(), Obj::as_ptr)
    ))
}

pub fn int_from_i64(v: i64) -> PyResult<Owned> {
    new_ref!(ffi::PyLong_FromLongLong(v))
}

/// The value of an int that fits in an `isize`, or `None` on overflow (no exception left).
pub fn int_as_isize(obj: &Obj) -> PyResult<isize> {
    // SAFETY: live object.
    let v = unsafe { ffi::PyLong_AsSsize_t(obj.as_ptr()) };
    if v == -1 && error_occurred() {
        Err(Raised)
    } else {
        Ok(v)
    }
}

// --- calls -----------------------------------------------------------------------------------

/// `PY_VECTORCALL_ARGUMENTS_OFFSET`: the callee may use `args[-1]` as scratch space.
pub const VECTORCALL_ARGUMENTS_OFFSET: usize = 1 << (usize::BITS - 1);

/// Calls `callable` with positional `args` followed by keyword values named by `kwnames` (a
/// tuple or None). `args` must be preceded by one writable slot when `offset_ok` is true.
pub fn vectorcall(
    callable: &Obj,
    args: &[&Obj],
    kwnames: Option<&Obj>,
    offset_ok: bool,
) -> PyResult<Owned> {
    let nkw = match kwnames {
        // SAFETY: kwnames is a tuple (KW_NAMES loads a constant tuple).
        Some(k) => unsafe { ffi::PyTuple_GET_SIZE(k.as_ptr()) as usize },
        None => 0,
    };
    debug_assert!(nkw <= args.len());
    let mut nargsf = args.len() - nkw;
    if offset_ok {
        nargsf |= VECTORCALL_ARGUMENTS_OFFSET;
    }
    new_ref!(ffi::PyObject_Vectorcall(
        callable.as_ptr(),
        args.as_ptr().cast(),
        nargsf,
        kwnames.map_or(ptr::null_mut(), Obj::as_ptr)
    ))
}

/// `callable(*args, **kwargs)` with a tuple and an optional dict.
pub fn call(callable: &Obj, args: &Obj, kwargs: Option<&Obj>) -> PyResult<Owned> {
    new_ref!(ffi::PyObject_Call(
        callable.as_ptr(),
        args.as_ptr(),
        kwargs.map_or(ptr::null_mut(), Obj::as_ptr)
    ))
}

/// `callable(*args)`.
pub fn call_args(callable: &Obj, args: &[&Obj]) -> PyResult<Owned> {
    vectorcall(callable, args, None, false)
}

/// Looks up a method for a call: `Ok((meth, true))` when `meth` is an unbound function to be
/// called with `obj` as first argument, `Ok((attr, false))` for an ordinary attribute.
pub fn get_method(obj: &Obj, name: &Obj) -> PyResult<(Owned, bool)> {
    let mut method = ptr::null_mut();
    // SAFETY: live objects; _PyObject_GetMethod stores a new reference (or NULL on error).
    unsafe {
        let is_unbound = _PyObject_GetMethod(obj.as_ptr(), name.as_ptr(), &mut method);
        let method = Owned::from_new(method)?;
        Ok((method, is_unbound != 0))
    }
}

/// A builtin by name (`_PyEval_GetBuiltin`: AttributeError if missing).
pub fn builtin(name: &Obj) -> PyResult<Owned> {
    new_ref!(_PyEval_GetBuiltin(name.as_ptr()))
}

/// A C string as a static str object, cached per call site.
pub fn intern_static(text: &'static CStr) -> PyResult<Owned> {
    new_ref!(ffi::PyUnicode_InternFromString(text.as_ptr()))
}

// --- tuples by index ---------------------------------------------------------------------------

/// Item `i` of a tuple, borrowed.
///
/// The caller guarantees `tuple` is a tuple with more than `i` items (validated code indices).
#[inline(always)]
pub fn tuple_item(tuple: &Obj, i: usize) -> &Obj {
    debug_assert!(tuple.is_tuple());
    // SAFETY: the caller's guarantee above; tuple items are non-NULL and live as long as the
    // tuple.
    unsafe {
        debug_assert!((i as ffi::Py_ssize_t) < ffi::PyTuple_GET_SIZE(tuple.as_ptr()));
        Obj::from_ptr(ffi::PyTuple_GET_ITEM(tuple.as_ptr(), i as ffi::Py_ssize_t))
    }
}

/// The length of a tuple.
pub fn tuple_len(tuple: &Obj) -> usize {
    debug_assert!(tuple.is_tuple());
    // SAFETY: a live tuple.
    unsafe { ffi::PyTuple_GET_SIZE(tuple.as_ptr()) as usize }
}

// --- functions, methods, cells -----------------------------------------------------------------

/// `PyFunction_New(code, globals)`.
pub fn new_function(code: &Obj, globals: &Obj) -> PyResult<Owned> {
    new_ref!(ffi::PyFunction_New(code.as_ptr(), globals.as_ptr()))
}

/// The slot of a fresh function object that MAKE_FUNCTION fills.
fn set_function_slot(
    func: &Obj,
    value: Owned,
    slot: fn(&mut super::objects::PyFunctionObject) -> &mut *mut PyObject,
) {
    assert!(func.is_exact_function());
    // SAFETY: `func` is a live function object just created by MAKE_FUNCTION (not yet shared);
    // the slot takes over the reference and releases what it held.
    unsafe {
        let f = &mut *func.as_ptr().cast::<super::objects::PyFunctionObject>();
        let old = std::mem::replace(slot(f), value.into_raw());
        ffi::Py_XDECREF(old);
    }
}

pub fn set_function_closure(func: &Obj, value: Owned) {
    set_function_slot(func, value, |f| &mut f.func_closure);
}
pub fn set_function_annotations(func: &Obj, value: Owned) {
    set_function_slot(func, value, |f| &mut f.func_annotations);
}
pub fn set_function_kwdefaults(func: &Obj, value: Owned) {
    set_function_slot(func, value, |f| &mut f.func_kwdefaults);
}
pub fn set_function_defaults(func: &Obj, value: Owned) {
    set_function_slot(func, value, |f| &mut f.func_defaults);
}

/// The function and self of a bound method object.
pub fn method_parts(method: &Obj) -> (&Obj, &Obj) {
    assert!(method.is_exact_method());
    // SAFETY: a live bound method holds strong references to both; the accessors return
    // borrowed references.
    unsafe {
        let m = method.as_ptr();
        (
            Obj::from_ptr(super::ffi::PyMethod_Function(m)),
            Obj::from_ptr(super::ffi::PyMethod_Self(m)),
        )
    }
}

pub fn is_cell(obj: &Obj) -> bool {
    // SAFETY: taking the address of the static cell type.
    obj.is_exact(ptr::addr_of_mut!(ffi::PyCell_Type))
}

/// A new cell holding `value` (or empty).
pub fn new_cell(value: Option<&Obj>) -> PyResult<Owned> {
    new_ref!(ffi::PyCell_New(value.map_or(ptr::null_mut(), Obj::as_ptr)))
}

/// The content of a cell (`cell` must be a cell): its field read in place, as ceval's
/// `PyCell_GET` (the exported `PyCell_Get` checks the type again, out of line).
#[inline(always)]
pub fn cell_get(cell: &Obj) -> Option<Owned> {
    debug_assert!(is_cell(cell));
    // SAFETY: a live cell (the caller checked its type), laid out as the checked mirror; its
    // content is NULL or a live object the cell owns, of which we take a new reference.
    unsafe {
        let value = (*cell.as_ptr().cast::<super::objects::PyCellObject>()).ob_ref;
        (!value.is_null()).then(|| Obj::from_ptr(value).to_owned())
    }
}

/// Replaces the content of a cell (`cell` must be a cell), releasing the old content after
/// the new one is in place (its release may run code that reads the cell).
#[inline(always)]
pub fn cell_set(cell: &Obj, value: Option<Owned>) {
    debug_assert!(is_cell(cell));
    // SAFETY: as in `cell_get`; the cell takes over `value`'s reference and the old content's
    // reference is released once, after the store.
    unsafe {
        let slot =
            ptr::addr_of_mut!((*cell.as_ptr().cast::<super::objects::PyCellObject>()).ob_ref);
        let old = *slot;
        *slot = value.map_or(ptr::null_mut(), Owned::into_raw);
        ffi::Py_XDECREF(old);
    }
}

// --- types ---------------------------------------------------------------------------------

/// `Py_TPFLAGS_MAPPING` / `Py_TPFLAGS_SEQUENCE` (MATCH_MAPPING, MATCH_SEQUENCE).
pub const TPFLAGS_MAPPING: std::ffi::c_ulong = 1 << 6;
pub const TPFLAGS_SEQUENCE: std::ffi::c_ulong = 1 << 5;

pub fn type_has_flag(obj: &Obj, flag: std::ffi::c_ulong) -> bool {
    obj.has_flag(flag)
}

/// The `tp_name` of the object's type, as CPython's `%.200s` formats it.
pub fn type_name(obj: &Obj) -> String {
    // SAFETY: tp_name of a live type is a NUL-terminated C string.
    let name = unsafe { CStr::from_ptr((*obj.type_ptr()).tp_name) };
    name.to_string_lossy().chars().take(200).collect()
}

/// `_PyObject_LookupSpecial`: a special method looked up on the type and bound; `Ok(None)` when
/// missing.
pub fn lookup_special(obj: &Obj, name: &'static CStr) -> PyResult<Option<Owned>> {
    extern "C" {
        fn _PyObject_LookupSpecial(obj: *mut PyObject, name: *mut PyObject) -> *mut PyObject;
    }
    let name = intern_static(name)?;
    // SAFETY: live objects; returns a new reference, or NULL with or without an exception.
    unsafe {
        let found = _PyObject_LookupSpecial(obj.as_ptr(), name.as_ptr());
        if found.is_null() {
            if error_occurred() {
                return Err(Raised);
            }
            return Ok(None);
        }
        Ok(Some(Owned::from_raw_unchecked(found)))
    }
}

/// The traceback of an exception instance (None if it has none).
pub fn exception_traceback(exc: &Obj) -> Owned {
    // SAFETY: a live exception instance; returns a new reference or NULL.
    unsafe {
        let tb = ffi::PyException_GetTraceback(exc.as_ptr());
        if tb.is_null() {
            Owned::none()
        } else {
            Owned::from_raw_unchecked(tb)
        }
    }
}

/// `sys.<name>` (borrowed lookup in the sys module), or None if missing.
pub fn sys_attr(name: &'static CStr) -> Option<Owned> {
    // SAFETY: GIL held; PySys_GetObject returns a borrowed reference or NULL without raising.
    unsafe {
        let value = ffi::PySys_GetObject(name.as_ptr());
        (!value.is_null()).then(|| Obj::from_ptr(value).to_owned())
    }
}

// --- async protocol slots ------------------------------------------------------------------

fn async_slot(
    obj: &Obj,
    pick: fn(&ffi::PyAsyncMethods) -> Option<ffi::unaryfunc>,
) -> Option<ffi::unaryfunc> {
    // SAFETY: reading the type's tp_as_async table (NULL or a static table of the type).
    unsafe {
        let methods = (*obj.type_ptr()).tp_as_async;
        if methods.is_null() {
            None
        } else {
            pick(&*methods)
        }
    }
}

/// Calls the type's `am_aiter` (`None` if it has none).
pub fn call_am_aiter(obj: &Obj) -> Option<PyResult<Owned>> {
    let slot = async_slot(obj, |m| m.am_aiter)?;
    // SAFETY: calling the type's own slot on a live instance; it returns a new reference or
    // NULL with an exception set.
    Some(unsafe { Owned::from_new(slot(obj.as_ptr())) })
}

/// Calls the type's `am_anext` (`None` if it has none).
pub fn call_am_anext(obj: &Obj) -> Option<PyResult<Owned>> {
    let slot = async_slot(obj, |m| m.am_anext)?;
    // SAFETY: as in `call_am_aiter`.
    Some(unsafe { Owned::from_new(slot(obj.as_ptr())) })
}

pub fn has_am_anext(obj: &Obj) -> bool {
    async_slot(obj, |m| m.am_anext).is_some()
}

/// Raises `exc` with `message`, chained to the exception being raised now
/// (`_PyErr_FormatFromCause`).
pub fn raise_from_cause(exc: &Obj, message: &str) -> Raised {
    extern "C" {
        fn _PyErr_FormatFromCause(
            exc: *mut PyObject,
            format: *const std::ffi::c_char,
            ...
        ) -> *mut PyObject;
    }
    let text = std::ffi::CString::new(message.replace('\0', "\\0")).expect("no NUL left");
    // SAFETY: GIL held; "%s" with a valid C string.
    unsafe { _PyErr_FormatFromCause(exc.as_ptr(), c"%s".as_ptr(), text.as_ptr()) };
    Raised
}
