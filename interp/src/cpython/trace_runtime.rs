//! What tier-2 traces need of CPython at run time: object handles, the primitive operations
//! the uop interpreter performs (and native code inlines), the helper table native code calls,
//! the field offsets it reads, and the frame writes that rebuild a frame at a trace exit.
//!
//! A trace manipulates raw object pointers whose reference counts its lowering keeps exact
//! (every `Incref`/`Decref` mirrors what CPython's evaluator does). [`TraceObj`] is such a
//! pointer: it can only be made here, from a live object, a frame slot or a helper's result, and
//! the operations below rely on the lowering's guarantee that a handle is used only while the
//! reference it stands for is alive, and only with the types its guards established.

#![allow(clippy::not_unsafe_ptr_arg_deref)]

use std::mem::offset_of;
use std::ptr;

use pyo3_ffi::{self as ffi, PyObject};

use super::attrs;
use super::cursor::FramePtr;
use super::frame::_PyInterpreterFrame;
use super::object::{self, Obj, Owned, PyResult, Raised};
use super::objects::{
    heap_type, module_object, type_object, PyDictKeysObject, PyDictObject, PyDictValues,
    PyFloatObject, PyListObject, PyLongObject, PyTupleObject, MANAGED_DICT_OFFSET,
};
use super::runtime::Thread;

/// A `PyObject*` inside a trace (NULL allowed): plain bits, with the reference it stands for
/// tracked by the trace's uops.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
#[repr(transparent)]
pub struct TraceObj(u64);

impl TraceObj {
    pub const NULL: TraceObj = TraceObj(0);

    /// A handle to a live object (borrowed: the caller keeps it alive while the trace uses it).
    pub fn of(obj: &Obj) -> TraceObj {
        TraceObj(obj.as_ptr() as u64)
    }

    /// Takes over a strong reference (for a trace's keep-alive list or an owned value).
    pub fn from_owned(obj: Owned) -> TraceObj {
        TraceObj(obj.into_raw() as u64)
    }

    pub fn bits(self) -> u64 {
        self.0
    }

    /// The handle whose bits an executor handed back (an exit buffer entry of kind `Obj`).
    pub fn from_exit_bits(bits: u64) -> TraceObj {
        TraceObj(bits)
    }

    pub fn is_null(self) -> bool {
        self.0 == 0
    }

    fn ptr(self) -> *mut PyObject {
        self.0 as *mut PyObject
    }

    /// The address of the object's type (0 for NULL).
    pub fn type_addr(self) -> u64 {
        if self.is_null() {
            return 0;
        }
        // SAFETY: a non-NULL handle is a live object (module contract).
        unsafe { (*self.ptr()).ob_type as u64 }
    }

    pub fn incref(self) {
        // SAFETY: a live object (module contract).
        unsafe { ffi::Py_INCREF(self.ptr()) }
    }

    /// Releases the reference this handle stands for (may run arbitrary code).
    pub fn decref(self) {
        // SAFETY: the trace owns this reference (module contract).
        unsafe { ffi::Py_DECREF(self.ptr()) }
    }

    /// Turns an owned handle into an [`Owned`] (the reference moves).
    pub fn into_owned(self) -> Option<Owned> {
        // SAFETY: the trace owns this reference and gives it up (module contract).
        (!self.is_null()).then(|| unsafe { Owned::from_raw_unchecked(self.ptr()) })
    }

    /// A new reference to a borrowed handle's object.
    pub fn to_owned(self) -> Option<Owned> {
        // SAFETY: a live object (module contract).
        (!self.is_null()).then(|| unsafe { Obj::from_ptr(self.ptr()) }.to_owned())
    }

    /// The value of an exact int with at most two digits (the type is guarded).
    pub fn unbox_int(self) -> Option<i64> {
        // SAFETY: an exact int (guarded): ob_size is the signed digit count.
        unsafe {
            let long = self.ptr().cast::<PyLongObject>();
            let size = (*long).ob_base.ob_size;
            let digits = (*long).ob_digit.as_ptr();
            let magnitude = match size.abs() {
                0 => 0,
                1 => i64::from(*digits),
                2 => i64::from(*digits) | i64::from(*digits.add(1)) << LONG_SHIFT,
                _ => return None,
            };
            Some(if size < 0 { -magnitude } else { magnitude })
        }
    }

    /// The value of an exact float (the type is guarded).
    pub fn float_value(self) -> f64 {
        // SAFETY: an exact float (guarded).
        unsafe { (*self.ptr().cast::<PyFloatObject>()).ob_fval }
    }

    /// `Py_SIZE` of a list or tuple (the type is guarded).
    pub fn var_size(self) -> i64 {
        // SAFETY: a variable-size object (guarded).
        unsafe { (*self.ptr().cast::<ffi::PyVarObject>()).ob_size as i64 }
    }

    /// Item `index` of a list (guarded type), Python's negative indices allowed.
    pub fn list_item(self, index: i64) -> Option<TraceObj> {
        let len = self.var_size();
        let index = if index < 0 { index + len } else { index };
        if !(0..len).contains(&index) {
            return None;
        }
        // SAFETY: a list (guarded) with `len` items; index checked.
        unsafe {
            let list = self.ptr().cast::<PyListObject>();
            Some(TraceObj(*(*list).ob_item.add(index as usize) as u64))
        }
    }

    /// Item `index` of a tuple (guarded type), Python's negative indices allowed.
    pub fn tuple_item(self, index: i64) -> Option<TraceObj> {
        let len = self.var_size();
        let index = if index < 0 { index + len } else { index };
        if !(0..len).contains(&index) {
            return None;
        }
        // SAFETY: a tuple (guarded) with `len` items; index checked.
        unsafe {
            let tuple = self.ptr().cast::<PyTupleObject>();
            Some(TraceObj(
                *(*tuple).ob_item.as_ptr().add(index as usize) as u64
            ))
        }
    }

    /// The next value of a `range` iterator (guarded type), advancing it.
    pub fn range_iter_next(self) -> Option<i64> {
        // SAFETY: a range iterator (guarded); `RangeIter` mirrors its layout.
        unsafe {
            let it = self.ptr().cast::<RangeIter>();
            if (*it).index >= (*it).len {
                return None;
            }
            let value = (*it)
                .start
                .wrapping_add(((*it).index as u64).wrapping_mul((*it).step as u64) as i64);
            (*it).index += 1;
            Some(value)
        }
    }

    /// The next item of a list iterator (guarded type), advancing it; `None` when exhausted
    /// (the iterator is left for the interpreter's `FOR_ITER` to finish).
    pub fn list_iter_next(self) -> Option<TraceObj> {
        // SAFETY: a list iterator (guarded); `ListIter` mirrors its layout.
        unsafe {
            let it = self.ptr().cast::<ListIter>();
            let seq = (*it).it_seq;
            if seq.is_null() || (*it).it_index >= (*seq).ob_base.ob_size {
                return None;
            }
            let item = *(*seq).ob_item.add((*it).it_index as usize);
            (*it).it_index += 1;
            Some(TraceObj(item as u64))
        }
    }
}

/// Attribute and dict-entry reads and writes behind the guards of the attribute families'
/// specialized forms (tier 1's own checks, in `attrs`, on the same fields native code reads).
impl TraceObj {
    fn obj(&self) -> &Obj {
        // SAFETY: a trace handle stands for a live object (module docs); `TraceObj` is a
        // transparent pointer, as `Obj` references are.
        unsafe { Obj::from_ptr(self.ptr()) }
    }

    /// The version tag of the object's type (valid or not: compared with a cached one).
    pub fn type_version(self) -> u32 {
        attrs::type_version(self.obj())
    }

    /// The version tag of the object itself, a class; `None` when it is not a class.
    pub fn class_version(self) -> Option<u32> {
        attrs::class_version(self.obj())
    }

    /// Value `index` of the object's values array (its type's version guarded to be one whose
    /// instances keep their attributes there); `None` when the object has a materialized dict
    /// or the attribute is not set.
    pub fn instance_value(self, type_version: u32, index: u16) -> Option<TraceObj> {
        attrs::instance_value(self.obj(), type_version, index).map(TraceObj::of)
    }

    /// The object slot at byte `offset` (a `__slots__` member of the guarded type); `None` when
    /// unset.
    pub fn member(self, type_version: u32, offset: u16) -> Option<TraceObj> {
        attrs::slot_value(self.obj(), type_version, offset).map(TraceObj::of)
    }

    /// Replaces value `index` of the object's values array with `value` (whose reference it
    /// takes) and gives the old value (whose reference the caller now holds); `None`, with
    /// nothing stored, when the object has a materialized dict or the attribute is not set.
    pub fn replace_instance_value(
        self,
        type_version: u32,
        index: u16,
        value: TraceObj,
    ) -> Option<TraceObj> {
        let old = self.instance_value(type_version, index)?;
        old.incref();
        let value = value.into_owned().expect("a stored value is an object");
        let stored = attrs::store_instance_value(self.obj(), type_version, index, value);
        assert!(stored.is_ok(), "the guard just held");
        Some(old)
    }

    /// Replaces the set `__slots__` member at `offset` with `value` (as
    /// [`Self::replace_instance_value`]); `None` when it is unset.
    pub fn replace_member(
        self,
        type_version: u32,
        offset: u16,
        value: TraceObj,
    ) -> Option<TraceObj> {
        let old = self.member(type_version, offset)?;
        old.incref();
        let value = value.into_owned().expect("a stored value is an object");
        let stored = attrs::store_slot(self.obj(), type_version, offset, value);
        assert!(stored.is_ok(), "the guard just held");
        Some(old)
    }

    /// The value of entry `index` of an exact dict whose keys have `keys_version`, if set.
    pub fn dict_entry(self, keys_version: u32, index: u16) -> Option<TraceObj> {
        attrs::global_by_version(self.obj(), keys_version, index).map(TraceObj::of)
    }

    /// The keys version of an exact dict.
    pub fn keys_version(self) -> u32 {
        attrs::keys_version_of(self.obj())
    }

    /// A module's `__dict__` (exact module type guarded), if it has one.
    pub fn module_dict(self) -> Option<TraceObj> {
        attrs::module_dict(self.obj()).map(TraceObj::of)
    }

    /// For an object of a managed-dict type (guarded): no materialized dict, and its class's
    /// shared keys have `keys_version`.
    pub fn no_dict_and_keys(self, keys_version: u32) -> bool {
        attrs::no_dict_and_keys(self.obj(), keys_version)
    }
}

/// `PyLong_SHIFT`: bits per int digit.
pub const LONG_SHIFT: u32 = 30;

/// `rangeiterobject` (Objects/rangeobject.c, private: checked by behaviour and `tp_basicsize`
/// in `interp/tests/layout.rs`).
#[repr(C)]
pub struct RangeIter {
    pub ob_base: PyObject,
    pub index: std::ffi::c_long,
    pub start: std::ffi::c_long,
    pub step: std::ffi::c_long,
    pub len: std::ffi::c_long,
}

/// `listiterobject` (Objects/listobject.c, private: checked like [`RangeIter`]).
#[repr(C)]
pub struct ListIter {
    pub ob_base: PyObject,
    pub it_index: ffi::Py_ssize_t,
    pub it_seq: *mut PyListObject,
}

/// Field offsets native code reads and writes.
pub mod offsets {
    use super::*;
    pub const OB_REFCNT: i32 = offset_of!(PyObject, ob_refcnt) as i32;
    pub const OB_TYPE: i32 = offset_of!(PyObject, ob_type) as i32;
    pub const OB_SIZE: i32 = offset_of!(ffi::PyVarObject, ob_size) as i32;
    pub const LONG_DIGITS: i32 = offset_of!(PyLongObject, ob_digit) as i32;
    pub const FLOAT_VALUE: i32 = offset_of!(PyFloatObject, ob_fval) as i32;
    pub const LIST_ITEMS: i32 = offset_of!(PyListObject, ob_item) as i32;
    pub const TUPLE_ITEMS: i32 = offset_of!(PyTupleObject, ob_item) as i32;
    pub const RANGE_ITER_INDEX: i32 = offset_of!(RangeIter, index) as i32;
    pub const RANGE_ITER_START: i32 = offset_of!(RangeIter, start) as i32;
    pub const RANGE_ITER_STEP: i32 = offset_of!(RangeIter, step) as i32;
    pub const RANGE_ITER_LEN: i32 = offset_of!(RangeIter, len) as i32;
    pub const LIST_ITER_INDEX: i32 = offset_of!(ListIter, it_index) as i32;
    pub const LIST_ITER_SEQ: i32 = offset_of!(ListIter, it_seq) as i32;
    pub const TP_VERSION_TAG: i32 = type_object::TP_VERSION_TAG.offset() as i32;
    pub const HT_CACHED_KEYS: i32 = heap_type::HT_CACHED_KEYS.offset() as i32;
    pub const MD_DICT: i32 = module_object::MD_DICT.offset() as i32;
    pub const MA_KEYS: i32 = offset_of!(PyDictObject, ma_keys) as i32;
    pub const DK_VERSION: i32 = offset_of!(PyDictKeysObject, dk_version) as i32;
    /// The managed-dict pointer, before the object header.
    pub const MANAGED_DICT: i32 = MANAGED_DICT_OFFSET as i32;
    /// The values-array pointer, one word before the managed-dict pointer.
    pub const MANAGED_VALUES: i32 = MANAGED_DICT - 8;
    pub const VALUES_ITEMS: i32 = offset_of!(PyDictValues, values) as i32;
}

/// Addresses of the built-in objects and types traces compare against.
pub mod addrs {
    use super::*;

    // SAFETY (all): taking the address of a static exported by libpython.
    pub fn int_type() -> u64 {
        ptr::addr_of!(ffi::PyLong_Type) as u64
    }
    pub fn float_type() -> u64 {
        ptr::addr_of!(ffi::PyFloat_Type) as u64
    }
    pub fn bool_type() -> u64 {
        ptr::addr_of!(ffi::PyBool_Type) as u64
    }
    pub fn list_type() -> u64 {
        ptr::addr_of!(ffi::PyList_Type) as u64
    }
    pub fn tuple_type() -> u64 {
        ptr::addr_of!(ffi::PyTuple_Type) as u64
    }
    pub fn range_iter_type() -> u64 {
        ptr::addr_of!(ffi::PyRangeIter_Type) as u64
    }
    pub fn list_iter_type() -> u64 {
        ptr::addr_of!(ffi::PyListIter_Type) as u64
    }
    pub fn tuple_iter_type() -> u64 {
        ptr::addr_of!(ffi::PyTupleIter_Type) as u64
    }
    pub fn generator_type() -> u64 {
        ptr::addr_of!(ffi::PyGen_Type) as u64
    }
    pub fn module_type() -> u64 {
        ptr::addr_of!(ffi::PyModule_Type) as u64
    }
    pub fn dict_type() -> u64 {
        ptr::addr_of!(ffi::PyDict_Type) as u64
    }
    pub fn py_true() -> u64 {
        // SAFETY: the address of the static `_Py_TrueStruct`.
        unsafe { ffi::Py_True() as u64 }
    }
    pub fn py_false() -> u64 {
        // SAFETY: the address of the static `_Py_FalseStruct`.
        unsafe { ffi::Py_False() as u64 }
    }
    pub fn py_none() -> u64 {
        // SAFETY: the address of the static `_Py_NoneStruct`.
        unsafe { ffi::Py_None() as u64 }
    }
}

/// The address of the interpreter's eval breaker (an `_Py_atomic_int`), which native code polls.
pub fn eval_breaker_addr(thread: Thread) -> u64 {
    thread.eval_breaker_addr() as u64
}

/// Runtime helpers a trace calls, numbered by their place in [`HELPERS`]. Every helper takes
/// its arguments as an array of 64-bit values and returns 64 bits: unless noted, a new
/// reference, or 0 with an exception set. No helper steals a reference.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum Helper {
    /// [obj] -> 0: `_Py_Dealloc(obj)` (a `Decref` that reached zero).
    Dealloc,
    /// [i64] -> a new int.
    BoxInt,
    /// [f64 bits] -> a new float.
    BoxFloat,
    /// [obj] -> 0 or 1, or `u64::MAX` with an exception set: `PyObject_IsTrue`.
    Truth,
    /// [a, b, nb_op]: `BINARY_OP`'s generic path.
    BinaryOp,
    /// [a, b, cmp]: `PyObject_RichCompare`.
    CompareOp,
    /// [obj, name]: `PyObject_GetAttr`.
    GetAttr,
    /// [obj, name, value] -> None: `PyObject_SetAttr`.
    SetAttr,
    /// [globals, builtins, name]: `LOAD_GLOBAL`'s lookup (NameError when missing).
    LoadGlobal,
    /// [container, key]: `PyObject_GetItem`.
    GetItem,
    /// [container, key, value] -> None: `PyObject_SetItem`.
    SetItem,
    /// [callable, args...]: a vectorcall with positional arguments.
    Call,
    /// [start, stop] or [start, stop, step]: `PySlice_New` (`BUILD_SLICE`).
    BuildSlice,
    /// [item, container, invert] -> a bool: `CONTAINS_OP` (`in`, or `not in` when `invert`).
    Contains,
    /// [items...] -> a new tuple of them (`BUILD_TUPLE`).
    BuildTuple,
    /// [items...] -> a new list of them (`BUILD_LIST`).
    BuildList,
}

/// The signature of every helper.
pub type HelperFn = unsafe extern "C" fn(args: *const u64, nargs: usize) -> u64;

/// The helper table; a native trace keeps its address in a register.
pub static HELPERS: [HelperFn; 16] = [
    helper_dealloc,
    helper_box_int,
    helper_box_float,
    helper_truth,
    helper_binary_op,
    helper_compare_op,
    helper_getattr,
    helper_setattr,
    helper_load_global,
    helper_getitem,
    helper_setitem,
    helper_call,
    helper_build_slice,
    helper_contains,
    helper_build_tuple,
    helper_build_list,
];

/// The table's address, for a trace context.
pub fn helpers_addr() -> u64 {
    HELPERS.as_ptr() as u64
}

/// Calls a helper on behalf of the uop interpreter.
pub fn call_helper(helper: Helper, args: &[u64]) -> u64 {
    // SAFETY: the helper's argument contract is met by the trace (module contract).
    unsafe { HELPERS[helper as usize](args.as_ptr(), args.len()) }
}

fn result(value: PyResult<Owned>) -> u64 {
    match value {
        Ok(obj) => obj.into_raw() as u64,
        Err(Raised) => 0,
    }
}

fn none_result(value: PyResult<()>) -> u64 {
    result(value.map(|()| Owned::none()))
}

/// # Safety
/// `args` holds `nargs` values; `index` < `nargs` is a live object.
unsafe fn arg<'a>(args: *const u64, index: usize) -> &'a Obj {
    // SAFETY: the caller's promise.
    unsafe { Obj::from_ptr(*args.add(index) as *mut PyObject) }
}

unsafe extern "C" fn helper_dealloc(args: *const u64, _: usize) -> u64 {
    // SAFETY: the object's count just reached zero.
    unsafe { super::ffi::_Py_Dealloc(*args as *mut PyObject) };
    0
}

unsafe extern "C" fn helper_box_int(args: *const u64, _: usize) -> u64 {
    // SAFETY: one argument.
    result(super::fastpath::new_int(unsafe { *args } as i64))
}

unsafe extern "C" fn helper_box_float(args: *const u64, _: usize) -> u64 {
    // SAFETY: one argument.
    result(super::fastpath::new_float(f64::from_bits(unsafe { *args })))
}

unsafe extern "C" fn helper_truth(args: *const u64, _: usize) -> u64 {
    // SAFETY: one live object.
    match object::is_true(unsafe { arg(args, 0) }) {
        Ok(truth) => truth as u64,
        Err(Raised) => u64::MAX,
    }
}

unsafe extern "C" fn helper_binary_op(args: *const u64, _: usize) -> u64 {
    // SAFETY: two live objects and an oparg.
    unsafe {
        result(object::binary_op(
            *args.add(2) as u32,
            arg(args, 0),
            arg(args, 1),
        ))
    }
}

unsafe extern "C" fn helper_compare_op(args: *const u64, _: usize) -> u64 {
    // SAFETY: two live objects and a comparison.
    unsafe {
        result(object::rich_compare(
            arg(args, 0),
            arg(args, 1),
            *args.add(2) as i32,
        ))
    }
}

unsafe extern "C" fn helper_getattr(args: *const u64, _: usize) -> u64 {
    // SAFETY: two live objects.
    unsafe { result(object::getattr(arg(args, 0), arg(args, 1))) }
}

unsafe extern "C" fn helper_setattr(args: *const u64, _: usize) -> u64 {
    // SAFETY: three live objects.
    unsafe { none_result(object::setattr(arg(args, 0), arg(args, 1), arg(args, 2))) }
}

unsafe extern "C" fn helper_load_global(args: *const u64, _: usize) -> u64 {
    // SAFETY: three live objects.
    unsafe {
        result(crate::eval::load_global_value(
            arg(args, 0),
            arg(args, 1),
            arg(args, 2),
        ))
    }
}

unsafe extern "C" fn helper_getitem(args: *const u64, _: usize) -> u64 {
    // SAFETY: two live objects.
    unsafe { result(object::getitem(arg(args, 0), arg(args, 1))) }
}

unsafe extern "C" fn helper_setitem(args: *const u64, _: usize) -> u64 {
    // SAFETY: three live objects.
    unsafe { none_result(object::setitem(arg(args, 0), arg(args, 1), arg(args, 2))) }
}

unsafe extern "C" fn helper_call(args: *const u64, nargs: usize) -> u64 {
    // SAFETY: `nargs` live objects, the callable first; the array is a `PyObject**`.
    unsafe {
        let callable = *args as *mut PyObject;
        let rest = args.add(1) as *const *mut PyObject;
        ffi::PyObject_Vectorcall(callable, rest, nargs - 1, ptr::null_mut()) as u64
    }
}

unsafe extern "C" fn helper_build_slice(args: *const u64, nargs: usize) -> u64 {
    // SAFETY: two or three live objects.
    unsafe {
        let step = (nargs == 3).then(|| arg(args, 2));
        result(object::build_slice(arg(args, 0), arg(args, 1), step))
    }
}

unsafe extern "C" fn helper_contains(args: *const u64, _: usize) -> u64 {
    // SAFETY: two live objects and a flag.
    unsafe {
        let invert = *args.add(2) != 0;
        result(
            object::contains(arg(args, 1), arg(args, 0)).map(|found| Owned::bool(found != invert)),
        )
    }
}

/// The `nargs` live objects at `args`, borrowed.
///
/// # Safety
/// `args` holds `nargs` live object pointers.
unsafe fn items<'a>(args: *const u64, nargs: usize) -> Vec<&'a Obj> {
    // SAFETY: the caller's promise.
    (0..nargs).map(|i| unsafe { arg(args, i) }).collect()
}

unsafe extern "C" fn helper_build_tuple(args: *const u64, nargs: usize) -> u64 {
    // SAFETY: `nargs` live objects.
    unsafe { result(object::tuple_from(&items(args, nargs))) }
}

unsafe extern "C" fn helper_build_list(args: *const u64, nargs: usize) -> u64 {
    // SAFETY: `nargs` live objects.
    let owned = unsafe { items(args, nargs) }
        .into_iter()
        .map(Obj::to_owned)
        .collect();
    result(object::list_from_owned(owned))
}

/// A frame as a trace sees it: the base of `localsplus`, and the writes that rebuild it at an
/// exit.
impl FramePtr {
    /// The address of `localsplus[0]`, which native code indexes.
    pub fn localsplus_addr(self) -> u64 {
        // SAFETY: a live frame (FramePtr invariant).
        unsafe { _PyInterpreterFrame::localsplus_ptr(self.as_ptr()) as u64 }
    }

    /// `localsplus[slot]` as a trace handle (borrowed from the frame).
    pub fn trace_slot(self, slot: u32) -> TraceObj {
        // SAFETY: the trace only names slots below nlocalsplus + stacksize.
        unsafe {
            TraceObj(*_PyInterpreterFrame::localsplus_ptr(self.as_ptr()).add(slot as usize) as u64)
        }
    }

    /// `localsplus[slot] = value` (an owned reference moving in), releasing the previous
    /// occupant when `release_old` (a local; value-stack slots above the live stack hold stale
    /// pointers that are not references).
    pub fn trace_store_slot(self, slot: u32, value: Option<Owned>, release_old: bool) {
        // SAFETY: the trace only names slots below nlocalsplus + stacksize.
        unsafe {
            let place = _PyInterpreterFrame::localsplus_ptr(self.as_ptr()).add(slot as usize);
            let old = *place;
            *place = value.map_or(ptr::null_mut(), Owned::into_raw);
            if release_old {
                ffi::Py_XDECREF(old);
            }
        }
    }

    /// Sets the stored stack depth and the instruction the frame resumes at (`prev_instr` is
    /// the unit before `resume`), as an exit leaves the frame for the interpreter.
    pub fn trace_set_resume(self, stack_depth: usize, resume: usize) {
        // SAFETY: a live frame; `resume` is an instruction boundary of its code.
        unsafe {
            let f = self.as_ptr();
            (*f).stacktop = ((*(*f).f_code).co_nlocalsplus as usize + stack_depth) as i32;
            let first = super::objects::PyCodeObject::code_ptr((*f).f_code);
            (*f).prev_instr = first.add(resume).wrapping_sub(1) as *mut _;
        }
    }
}

/// An `Obj` from an exit buffer's bits that the executor owned (the reference moves).
pub fn owned_from_bits(bits: u64) -> Option<Owned> {
    TraceObj(bits).into_owned()
}

/// Whether the eval breaker whose address [`eval_breaker_addr`] gave is set.
pub fn flag_set(addr: u64) -> bool {
    // SAFETY: `addr` is the interpreter's eval breaker (module contract), a C11 atomic int.
    unsafe {
        (*(addr as *const std::sync::atomic::AtomicI32)).load(std::sync::atomic::Ordering::Relaxed)
            != 0
    }
}
