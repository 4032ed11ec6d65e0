//! Mirrors of the CPython 3.11 object structs the evaluator reads directly: code objects
//! (cpython/code.h), functions (cpython/funcobject.h), generators, coroutines and async generators
//! (cpython/genobject.h), dicts with their keys and values (cpython/dictobject.h and
//! internal/pycore_dict.h), ints (cpython/longintrepr.h), floats, tuples, lists and cells, plus
//! the header constants that go with them (code flags, local kinds, dict index markers, digit
//! size) and raw-pointer helpers equivalent to the headers' access macros.
//!
//! Every struct here is declared with `mirror!` and checked field by field against the installed
//! headers by `interp/tests/layout.rs`. Trailing `[T; 1]` arrays mirror C's variable-length
//! `T name[1]` members (the data continues past the struct); `[T; 0]` mirrors a C flexible array
//! member `T name[]`.

#![allow(non_camel_case_types, non_snake_case, non_upper_case_globals)]

use core::ffi::{c_char, c_int, c_void};

use pyo3_ffi::{vectorcallfunc, PyObject, PyVarObject, Py_hash_t, Py_ssize_t};

use super::frame::_PyInterpreterFrame;
use super::layout::{c_consts, mirror, partial_layout};
use super::state::_PyErr_StackItem;

/// One bytecode code unit: the opcode in the low byte, the oparg in the high byte (on
/// little-endian machines), or one 16-bit inline-cache entry.
pub type _Py_CODEUNIT = u16;

/// One digit of an int's magnitude (`PyLong_SHIFT` bits used).
pub type digit = u32;

mirror! {
    /// `PyCodeObject` (`_PyCode_DEF(1)` in cpython/code.h). `ob_base.ob_size` is the number of
    /// code units in `co_code_adaptive`, which continues past the end of the struct.
    pub struct PyCodeObject as "PyCodeObject" {
        pub ob_base: PyVarObject,
        /// Tuple of constants.
        pub co_consts: *mut PyObject,
        /// Tuple of names.
        pub co_names: *mut PyObject,
        /// Bytes: the exception table.
        pub co_exceptiontable: *mut PyObject,
        /// `CO_*` flags.
        pub co_flags: c_int,
        /// Warm-up counter for CPython's quickening.
        pub co_warmup: i16,
        pub _co_linearray_entry_size: i16,
        pub co_argcount: c_int,
        pub co_posonlyargcount: c_int,
        pub co_kwonlyargcount: c_int,
        pub co_stacksize: c_int,
        pub co_firstlineno: c_int,
        /// Locals + cells + free variables.
        pub co_nlocalsplus: c_int,
        pub co_nlocals: c_int,
        pub co_nplaincellvars: c_int,
        pub co_ncellvars: c_int,
        pub co_nfreevars: c_int,
        /// Tuple of the names of the locals-plus slots.
        pub co_localsplusnames: *mut PyObject,
        /// Bytes: the `CO_FAST_*` kind of each locals-plus slot.
        pub co_localspluskinds: *mut PyObject,
        pub co_filename: *mut PyObject,
        pub co_name: *mut PyObject,
        pub co_qualname: *mut PyObject,
        /// Bytes: the location table.
        pub co_linetable: *mut PyObject,
        pub co_weakreflist: *mut PyObject,
        /// Cached `co_code` bytes (de-quickened).
        pub _co_code: *mut PyObject,
        pub _co_linearray: *mut c_char,
        pub _co_firsttraceable: c_int,
        /// The code-extra slots (`_PyCode_GetExtra`/`_PyCode_SetExtra`).
        pub co_extra: *mut c_void,
        /// First byte of the (possibly quickened) bytecode, `ob_size` code units long.
        pub co_code_adaptive: [c_char; 1],
    }

    /// `PyFunctionObject` (cpython/funcobject.h).
    pub struct PyFunctionObject as "PyFunctionObject" {
        pub ob_base: PyObject,
        pub func_globals: *mut PyObject,
        pub func_builtins: *mut PyObject,
        pub func_name: *mut PyObject,
        pub func_qualname: *mut PyObject,
        /// The code object.
        pub func_code: *mut PyObject,
        /// NULL or a tuple.
        pub func_defaults: *mut PyObject,
        /// NULL or a dict.
        pub func_kwdefaults: *mut PyObject,
        /// NULL or a tuple of cells for `co_freevars`.
        pub func_closure: *mut PyObject,
        pub func_doc: *mut PyObject,
        pub func_dict: *mut PyObject,
        pub func_weakreflist: *mut PyObject,
        pub func_module: *mut PyObject,
        pub func_annotations: *mut PyObject,
        pub vectorcall: Option<vectorcallfunc>,
        /// Version for the specializer; 0 once defaults, kwdefaults, code or annotations change.
        pub func_version: u32,
    }

    /// `PyGenObject` (`_PyGenObject_HEAD(gi)`): the frame is embedded at `gi_iframe`.
    pub struct PyGenObject as "PyGenObject" {
        pub ob_base: PyObject,
        pub gi_code: *mut PyCodeObject,
        pub gi_weakreflist: *mut PyObject,
        pub gi_name: *mut PyObject,
        pub gi_qualname: *mut PyObject,
        pub gi_exc_state: _PyErr_StackItem,
        pub gi_origin_or_finalizer: *mut PyObject,
        pub gi_hooks_inited: c_char,
        pub gi_closed: c_char,
        pub gi_running_async: c_char,
        /// A `FRAME_*` state (`frame::FRAME_CREATED` ...).
        pub gi_frame_state: i8,
        /// Start of the embedded `_PyInterpreterFrame` (variable length).
        pub gi_iframe: [*mut PyObject; 1],
    }

    /// `PyCoroObject` (`_PyGenObject_HEAD(cr)`).
    pub struct PyCoroObject as "PyCoroObject" {
        pub ob_base: PyObject,
        pub cr_code: *mut PyCodeObject,
        pub cr_weakreflist: *mut PyObject,
        pub cr_name: *mut PyObject,
        pub cr_qualname: *mut PyObject,
        pub cr_exc_state: _PyErr_StackItem,
        pub cr_origin_or_finalizer: *mut PyObject,
        pub cr_hooks_inited: c_char,
        pub cr_closed: c_char,
        pub cr_running_async: c_char,
        pub cr_frame_state: i8,
        pub cr_iframe: [*mut PyObject; 1],
    }

    /// `PyAsyncGenObject` (`_PyGenObject_HEAD(ag)`).
    pub struct PyAsyncGenObject as "PyAsyncGenObject" {
        pub ob_base: PyObject,
        pub ag_code: *mut PyCodeObject,
        pub ag_weakreflist: *mut PyObject,
        pub ag_name: *mut PyObject,
        pub ag_qualname: *mut PyObject,
        pub ag_exc_state: _PyErr_StackItem,
        pub ag_origin_or_finalizer: *mut PyObject,
        pub ag_hooks_inited: c_char,
        pub ag_closed: c_char,
        pub ag_running_async: c_char,
        pub ag_frame_state: i8,
        pub ag_iframe: [*mut PyObject; 1],
    }

    /// `PyDictKeysObject` (`struct _dictkeysobject`, internal/pycore_dict.h). The index table
    /// (`1 << dk_log2_index_bytes` bytes) starts at `dk_indices`; the entries follow it.
    pub struct PyDictKeysObject as "PyDictKeysObject" {
        pub dk_refcnt: Py_ssize_t,
        /// log2 of the number of index slots.
        pub dk_log2_size: u8,
        /// log2 of the index table's size in bytes.
        pub dk_log2_index_bytes: u8,
        /// A `DICT_KEYS_*` kind.
        pub dk_kind: u8,
        /// Keys version for the specializer; 0 after any change to the keys.
        pub dk_version: u32,
        /// Entries still usable.
        pub dk_usable: Py_ssize_t,
        /// Entries used (including deleted ones).
        pub dk_nentries: Py_ssize_t,
        /// The index table (flexible array member).
        pub dk_indices: [c_char; 0],
    }

    /// `PyDictKeyEntry`: an entry of a `DICT_KEYS_GENERAL` table.
    pub struct PyDictKeyEntry as "PyDictKeyEntry" {
        pub me_hash: Py_hash_t,
        pub me_key: *mut PyObject,
        /// Only meaningful for combined tables.
        pub me_value: *mut PyObject,
    }

    /// `PyDictUnicodeEntry`: an entry of a `DICT_KEYS_UNICODE` or `DICT_KEYS_SPLIT` table (the
    /// hash is the str's cached hash).
    pub struct PyDictUnicodeEntry as "PyDictUnicodeEntry" {
        pub me_key: *mut PyObject,
        /// Only meaningful for combined tables.
        pub me_value: *mut PyObject,
    }

    /// `PyDictValues` (`struct _dictvalues`): the values of a split dict. The bytes before it
    /// hold the insertion order: `[-1]` prefix size, `[-2]` used size.
    pub struct PyDictValues as "PyDictValues" {
        pub values: [*mut PyObject; 1],
    }

    /// `PyDictObject` (cpython/dictobject.h).
    pub struct PyDictObject as "PyDictObject" {
        pub ob_base: PyObject,
        /// Number of items.
        pub ma_used: Py_ssize_t,
        /// Globally unique version, changed on every modification.
        pub ma_version_tag: u64,
        pub ma_keys: *mut PyDictKeysObject,
        /// NULL for a combined table; the values of a split table.
        pub ma_values: *mut PyDictValues,
    }

    /// `PyLongObject` (`struct _longobject`, cpython/longintrepr.h): the sign of `ob_size` is the
    /// sign of the int, its magnitude the number of digits (0 for zero).
    pub struct PyLongObject as "PyLongObject" {
        pub ob_base: PyVarObject,
        /// Least significant digit first (variable length).
        pub ob_digit: [digit; 1],
    }

    /// `PyFloatObject` (cpython/floatobject.h).
    pub struct PyFloatObject as "PyFloatObject" {
        pub ob_base: PyObject,
        pub ob_fval: f64,
    }

    /// `PyTupleObject` (cpython/tupleobject.h).
    pub struct PyTupleObject as "PyTupleObject" {
        pub ob_base: PyVarObject,
        /// The items (`ob_size` of them, variable length).
        pub ob_item: [*mut PyObject; 1],
    }

    /// `PyListObject` (cpython/listobject.h).
    pub struct PyListObject as "PyListObject" {
        pub ob_base: PyVarObject,
        /// The items (`ob_size` used).
        pub ob_item: *mut *mut PyObject,
        /// Capacity of `ob_item`.
        pub allocated: Py_ssize_t,
    }

    /// `PyBaseExceptionObject` (cpython/pyerrors.h): the head every exception instance has.
    pub struct PyBaseExceptionObject as "PyBaseExceptionObject" {
        pub ob_base: PyObject,
        pub dict: *mut PyObject,
        pub args: *mut PyObject,
        pub notes: *mut PyObject,
        pub traceback: *mut PyObject,
        pub context: *mut PyObject,
        pub cause: *mut PyObject,
        pub suppress_context: c_char,
    }

    /// `PyCellObject` (cpython/cellobject.h).
    pub struct PyCellObject as "PyCellObject" {
        pub ob_base: PyObject,
        /// Content of the cell, or NULL when empty.
        pub ob_ref: *mut PyObject,
    }
}

partial_layout! {
    /// Offsets into `PyTypeObject` (Include/cpython/object.h) of the fields the attribute
    /// specializations read (pyo3-ffi declares the struct; these offsets are checked).
    pub mod type_object: pyo3_ffi::PyTypeObject as "PyTypeObject" {
        /// `getattrofunc`: `PyObject_GenericGetAttr` for plain classes.
        pub const TP_GETATTRO: *mut c_void = "tp_getattro" @ 144;
        /// `setattrofunc`: `PyObject_GenericSetAttr` for plain classes.
        pub const TP_SETATTRO: *mut c_void = "tp_setattro" @ 152;
        /// `Py_TPFLAGS_*`.
        pub const TP_FLAGS: core::ffi::c_ulong = "tp_flags" @ 168;
        /// Where an instance keeps its `__dict__` pointer (0: none; negative: managed).
        pub const TP_DICTOFFSET: Py_ssize_t = "tp_dictoffset" @ 288;
        /// The type's version for caches; valid while `Py_TPFLAGS_VALID_VERSION_TAG` is set.
        pub const TP_VERSION_TAG: core::ffi::c_uint = "tp_version_tag" @ 384;
    }

    /// Offsets into `PyHeapTypeObject` (Include/cpython/object.h).
    pub mod heap_type: pyo3_ffi::PyHeapTypeObject as "PyHeapTypeObject" {
        /// The keys instances of the class share (`DICT_KEYS_SPLIT`), or NULL.
        pub const HT_CACHED_KEYS: *mut PyDictKeysObject = "ht_cached_keys" @ 872;
    }

    /// Offsets into `PyModuleObject` (internal/pycore_moduleobject.h).
    pub mod module_object: PyObject as "PyModuleObject" {
        /// The module's `__dict__` (never NULL for a module made by `ModuleType`).
        pub const MD_DICT: *mut PyObject = "md_dict" @ 16;
    }

    /// Offsets into `PyMemberDescrObject` (descrobject.h): the descriptors of `__slots__`.
    pub mod member_descr: c_void as "PyMemberDescrObject" {
        /// The class whose instances the member belongs to (`d_common.d_type`).
        pub const D_TYPE: *mut pyo3_ffi::PyTypeObject = "d_common.d_type" @ 16;
        /// The `PyMemberDef` the descriptor reads and writes.
        pub const D_MEMBER: *mut c_void = "d_member" @ 40;
    }

    /// Offsets into `PyMemberDef` (structmember.h).
    pub mod member_def: c_void as "PyMemberDef" {
        /// A `T_*` member type.
        pub const TYPE: c_int = "type" @ 8;
        /// Byte offset of the member in the instance.
        pub const OFFSET: Py_ssize_t = "offset" @ 16;
        /// `READONLY`, `PY_AUDIT_READ`.
        pub const FLAGS: c_int = "flags" @ 24;
    }
}

c_consts! {
    /// `co_flags`: uses fast locals.
    pub const CO_OPTIMIZED: c_int = 0x0001;
    /// `co_flags`: a new locals dict is created for each call.
    pub const CO_NEWLOCALS: c_int = 0x0002;
    /// `co_flags`: has `*args`.
    pub const CO_VARARGS: c_int = 0x0004;
    /// `co_flags`: has `**kwargs`.
    pub const CO_VARKEYWORDS: c_int = 0x0008;
    /// `co_flags`: a nested function.
    pub const CO_NESTED: c_int = 0x0010;
    /// `co_flags`: a generator function.
    pub const CO_GENERATOR: c_int = 0x0020;
    /// `co_flags`: an `async def` function.
    pub const CO_COROUTINE: c_int = 0x0080;
    /// `co_flags`: a generator decorated with `types.coroutine`.
    pub const CO_ITERABLE_COROUTINE: c_int = 0x0100;
    /// `co_flags`: an async generator function.
    pub const CO_ASYNC_GENERATOR: c_int = 0x0200;
    /// `co_localspluskinds`: a local variable (internal/pycore_code.h).
    pub const CO_FAST_LOCAL: u8 = 0x20;
    /// `co_localspluskinds`: a cell variable.
    pub const CO_FAST_CELL: u8 = 0x40;
    /// `co_localspluskinds`: a free variable.
    pub const CO_FAST_FREE: u8 = 0x80;
    /// Dict index-table marker: empty slot.
    pub const DKIX_EMPTY: Py_ssize_t = -1;
    /// Dict index-table marker: deleted slot.
    pub const DKIX_DUMMY: Py_ssize_t = -2;
    /// Dict lookup result: the comparison raised.
    pub const DKIX_ERROR: Py_ssize_t = -3;
    /// `dk_kind`: arbitrary keys, `PyDictKeyEntry` entries.
    pub const DICT_KEYS_GENERAL: u8 = 0;
    /// `dk_kind`: str keys only, `PyDictUnicodeEntry` entries.
    pub const DICT_KEYS_UNICODE: u8 = 1;
    /// `dk_kind`: str keys shared by instances, values in `PyDictValues`.
    pub const DICT_KEYS_SPLIT: u8 = 2;
    /// Most keys a shared-keys table holds.
    pub const SHARED_KEYS_MAX_SIZE: usize = 30;
    /// `tp_flags`: instances keep their attributes in a managed dict / values array stored
    /// before the object header.
    pub const Py_TPFLAGS_MANAGED_DICT: u64 = 1 << 4;
    /// `tp_flags`: the type's class is immutable.
    pub const Py_TPFLAGS_IMMUTABLETYPE: u64 = 1 << 8;
    /// `tp_flags`: a heap type (`PyHeapTypeObject`).
    pub const Py_TPFLAGS_HEAPTYPE: u64 = 1 << 9;
    /// `tp_flags`: the descriptor binds like a method (`LOAD_METHOD` may skip binding).
    pub const Py_TPFLAGS_METHOD_DESCRIPTOR: u64 = 1 << 17;
    /// `tp_flags`: `tp_version_tag` is valid.
    pub const Py_TPFLAGS_VALID_VERSION_TAG: u64 = 1 << 19;
    /// Byte offset of a managed-dict object's dict pointer from the object (the values pointer
    /// sits one word further back: `_PyObject_ValuesPointer` in internal/pycore_object.h).
    pub const MANAGED_DICT_OFFSET: isize = -3 * core::mem::size_of::<*mut PyObject>() as isize;
    /// `PyMemberDef.type` of an object slot that raises AttributeError when NULL.
    pub const T_OBJECT_EX: c_int = 16;
    /// `PyMemberDef.flags`: the member cannot be written.
    pub const READONLY: c_int = 1;
    /// `PyMemberDef.flags`: reads raise an audit event.
    pub const PY_AUDIT_READ: c_int = 2;
    /// Bits per int digit.
    pub const PyLong_SHIFT: u32 = 30;
    /// `1 << PyLong_SHIFT`.
    pub const PyLong_BASE: digit = 1 << PyLong_SHIFT;
    /// `PyLong_BASE - 1`.
    pub const PyLong_MASK: digit = PyLong_BASE - 1;
}

impl PyCodeObject {
    /// Pointer to the first code unit (`_PyCode_CODE`).
    ///
    /// # Safety
    /// `code` must point to a live code object.
    pub unsafe fn code_ptr(code: *mut Self) -> *mut _Py_CODEUNIT {
        // SAFETY: the caller guarantees `code` is live; this only computes a field address.
        unsafe { core::ptr::addr_of_mut!((*code).co_code_adaptive).cast::<_Py_CODEUNIT>() }
    }

    /// Number of code units of bytecode (`Py_SIZE(code)`).
    ///
    /// # Safety
    /// `code` must point to a live code object.
    pub unsafe fn code_len(code: *mut Self) -> usize {
        // SAFETY: the caller guarantees `code` is live.
        unsafe { (*code).ob_base.ob_size as usize }
    }

    /// Pointer-sized slots a frame running this code needs: specials, locals plus stack.
    ///
    /// # Safety
    /// `code` must point to a live code object.
    pub unsafe fn frame_slots(code: *mut Self) -> usize {
        // SAFETY: the caller guarantees `code` is live.
        let (nlocalsplus, stacksize) = unsafe { ((*code).co_nlocalsplus, (*code).co_stacksize) };
        super::frame::FRAME_SPECIALS_SIZE + nlocalsplus as usize + stacksize as usize
    }
}

impl PyGenObject {
    /// The frame embedded in a generator, coroutine or async generator (all three share the
    /// head layout, so a `PyCoroObject` or `PyAsyncGenObject` pointer may be cast to this).
    ///
    /// # Safety
    /// `gen` must point to a live generator-like object.
    pub unsafe fn iframe(gen: *mut Self) -> *mut _PyInterpreterFrame {
        // SAFETY: the caller guarantees `gen` is live; the frame is stored inline at `gi_iframe`.
        unsafe { core::ptr::addr_of_mut!((*gen).gi_iframe).cast::<_PyInterpreterFrame>() }
    }
}

impl PyDictKeysObject {
    /// Number of index slots (`DK_SIZE`).
    ///
    /// # Safety
    /// `keys` must point to a live keys object.
    pub unsafe fn size(keys: *const Self) -> usize {
        // SAFETY: the caller guarantees `keys` is live.
        1usize << unsafe { (*keys).dk_log2_size }
    }

    /// Start of the entries, right after the index table (what `DK_ENTRIES` and
    /// `DK_UNICODE_ENTRIES` compute before their casts).
    ///
    /// # Safety
    /// `keys` must point to a live keys object.
    pub unsafe fn entries_ptr(keys: *mut Self) -> *mut u8 {
        // SAFETY: the caller guarantees `keys` is live; the index table of
        // `1 << dk_log2_index_bytes` bytes is followed by the entries in the same allocation.
        unsafe {
            let indices = core::ptr::addr_of_mut!((*keys).dk_indices).cast::<u8>();
            indices.add(1usize << (*keys).dk_log2_index_bytes)
        }
    }

    /// The entries of a `DICT_KEYS_GENERAL` table (`DK_ENTRIES`).
    ///
    /// # Safety
    /// `keys` must point to a live keys object of kind `DICT_KEYS_GENERAL`.
    pub unsafe fn entries(keys: *mut Self) -> *mut PyDictKeyEntry {
        // SAFETY: forwarded; the caller guarantees the kind, hence the entry type.
        unsafe { Self::entries_ptr(keys).cast() }
    }

    /// The entries of a unicode or split table (`DK_UNICODE_ENTRIES`).
    ///
    /// # Safety
    /// `keys` must point to a live keys object not of kind `DICT_KEYS_GENERAL`.
    pub unsafe fn unicode_entries(keys: *mut Self) -> *mut PyDictUnicodeEntry {
        // SAFETY: forwarded; the caller guarantees the kind, hence the entry type.
        unsafe { Self::entries_ptr(keys).cast() }
    }
}
