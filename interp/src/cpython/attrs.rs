//! Direct reads of globals, builtins, types and instance attributes for the specialized forms of
//! `LOAD_GLOBAL`, `LOAD_ATTR`, `LOAD_METHOD` and `STORE_ATTR` (3.11's Python/specialize.c and
//! the matching instructions of Python/ceval.c).
//!
//! Two kinds of versions guard the fast paths:
//! - a type's `tp_version_tag` (valid while `Py_TPFLAGS_VALID_VERSION_TAG` is set): CPython
//!   hands out each tag once and clears it on any change to the type or its bases' dicts, bases
//!   or MRO, so "same tag" means "same type, same attribute lookup results";
//! - a dict-keys object's `dk_version`: CPython resets it to 0 on every change to the keys
//!   (insertion of a new key, deletion, resize gives a new keys object with version 0). Values
//!   can change under the same version; the fast paths read them live.
//!
//! Keys versions: CPython 3.11 assigns them in `_PyDictKeys_GetVersionForCurrentState`, which
//! libpython does not export. When a keys object has version 0, justjit assigns one from its own
//! counter, which starts at `0x8000_0000` and stops (no more specializations needing a fresh
//! version) when it wraps to 0. CPython's counter starts at 2 and only counts up, one per keys
//! object it specializes on, so the two ranges meet only after CPython has handed out 2**31
//! versions; any mutation of the keys resets the version to 0 whoever assigned it. A version thus
//! identifies one keys object in one state (or a `dict.copy()` clone of it, which has the same
//! layout and so the same key at each index), for justjit's caches and CPython's alike.

use core::ffi::c_void;
use std::cell::Cell;

use pyo3_ffi::{self as ffi, PyObject, PyTypeObject};

use super::object::Obj;
use super::objects::{
    heap_type, member_def, member_descr, module_object, type_object, PyDictKeysObject,
    PyDictObject, PyDictValues, Py_TPFLAGS_HEAPTYPE, Py_TPFLAGS_IMMUTABLETYPE,
    Py_TPFLAGS_MANAGED_DICT, Py_TPFLAGS_METHOD_DESCRIPTOR, Py_TPFLAGS_VALID_VERSION_TAG,
    DICT_KEYS_UNICODE, MANAGED_DICT_OFFSET, PY_AUDIT_READ, READONLY, T_OBJECT_EX,
};

extern "C" {
    /// The attribute `name` found along `type`'s MRO (borrowed), or NULL; never raises. Gives the
    /// type a version tag when it can (3.11's `assign_version_tag`).
    fn _PyType_Lookup(ty: *mut PyTypeObject, name: *mut PyObject) -> *mut PyObject;
}

/// `_PyType_Lookup`: attribute `name` along `ty`'s MRO, borrowed from it.
///
/// # Safety
/// `ty` must be a live type and `name` a live str; the result is valid while the type keeps
/// the attribute (for as long as its version tag does not change).
pub(super) unsafe fn type_lookup<'a>(
    ty: *mut PyTypeObject,
    name: *mut PyObject,
) -> Option<&'a Obj> {
    // SAFETY: forwarded.
    unsafe {
        let found = _PyType_Lookup(ty, name);
        (!found.is_null()).then(|| Obj::from_ptr(found))
    }
}

// --- keys versions ---------------------------------------------------------------------------

/// The first keys version justjit assigns (see the module docs).
const FIRST_KEYS_VERSION: u32 = 0x8000_0000;

/// The next keys version justjit hands out; 0 once exhausted. Read and written only with the GIL
/// held.
struct KeysVersions(Cell<u32>);
// SAFETY: every access happens with the GIL held, which serializes them.
unsafe impl Sync for KeysVersions {}
static NEXT_KEYS_VERSION: KeysVersions = KeysVersions(Cell::new(FIRST_KEYS_VERSION));

/// The version of `keys` in its current state, assigning one when it has none; `None` when
/// justjit's versions are exhausted.
///
/// # Safety
/// `keys` must point to a live keys object; the GIL must be held.
unsafe fn keys_version_now(keys: *mut PyDictKeysObject) -> Option<u32> {
    // SAFETY: the caller guarantees `keys` is live and the GIL serializes the counter.
    unsafe {
        let current = (*keys).dk_version;
        if current != 0 {
            return Some(current);
        }
        let next = NEXT_KEYS_VERSION.0.get();
        if next == 0 {
            return None;
        }
        NEXT_KEYS_VERSION.0.set(next.wrapping_add(1));
        (*keys).dk_version = next;
        Some(next)
    }
}

/// Where `name` sits in a str-keyed keys table.
pub enum KeyIndex {
    /// At this entry index; `identical` when the stored key is `name` itself (not just equal).
    Found {
        index: usize,
        identical: bool,
    },
    Absent,
    /// The table has keys of any type (`DICT_KEYS_GENERAL`): not looked into.
    GeneralKeys,
}

/// `_PyDictKeys_StringLookup` for specialization time: a scan of the entries (cold code; the
/// tables are small: globals, builtins, or a class's shared keys of at most 30 entries).
///
/// # Safety
/// `keys` must point to a live keys object; `name` must be a str.
unsafe fn keys_lookup(keys: *mut PyDictKeysObject, name: &Obj) -> KeyIndex {
    // SAFETY: the caller guarantees a live keys object; entries below `dk_nentries` are
    // initialized (deleted ones have a NULL key); non-general tables hold str keys only.
    unsafe {
        if (*keys).dk_kind == super::objects::DICT_KEYS_GENERAL {
            return KeyIndex::GeneralKeys;
        }
        let entries = PyDictKeysObject::unicode_entries(keys);
        let n = (*keys).dk_nentries as usize;
        for i in 0..n {
            let key = (*entries.add(i)).me_key;
            if key == name.as_ptr() {
                return KeyIndex::Found {
                    index: i,
                    identical: true,
                };
            }
        }
        for i in 0..n {
            let key = (*entries.add(i)).me_key;
            if !key.is_null() && super::object::str_equal(Obj::from_ptr(key), name) {
                return KeyIndex::Found {
                    index: i,
                    identical: false,
                };
            }
        }
        KeyIndex::Absent
    }
}

/// The keys of an exact dict.
#[inline(always)]
fn dict_keys(dict: &Obj) -> *mut PyDictKeysObject {
    debug_assert!(dict.is_exact_dict());
    // SAFETY: callers pass exact dicts; `ma_keys` is always a live keys object.
    unsafe { (*dict.as_ptr().cast::<PyDictObject>()).ma_keys }
}

/// A dict's str-keyed combined table: where `name` is and the table's version now.
pub struct DictSlot {
    pub index: KeyIndex,
    pub version: Option<u32>,
}

/// Looks `name` up in the keys of the exact dict `dict` for specialization, and the keys'
/// version (assigned if needed). `Err` for a table that is not a combined str-keys one.
pub fn dict_slot(dict: &Obj, name: &Obj) -> Result<DictSlot, &'static str> {
    if !dict.is_exact_dict() {
        return Err("not_exact_dict");
    }
    let keys = dict_keys(dict);
    // SAFETY: live keys of a live dict; `name` is a str (co_names); GIL held.
    unsafe {
        if (*keys).dk_kind != DICT_KEYS_UNICODE {
            return Err("non_string_or_split_keys");
        }
        let index = keys_lookup(keys, name);
        Ok(DictSlot {
            index,
            version: keys_version_now(keys),
        })
    }
}

/// `LOAD_GLOBAL_MODULE`'s guard and read: the value at entry `index` of the exact dict
/// `globals` when its keys still have `version`.
#[inline(always)]
pub fn global_by_version(globals: &Obj, version: u32, index: u16) -> Option<&Obj> {
    if !globals.is_exact_dict() {
        return None;
    }
    let keys = dict_keys(globals);
    // SAFETY: the version was taken from a `DICT_KEYS_UNICODE` table where `index` was an
    // entry; the same version means the same keys in the same state (module docs), so the
    // entry exists and holds a str key; its value is borrowed from the dict.
    unsafe {
        if (*keys).dk_version != version {
            return None;
        }
        let value = (*PyDictKeysObject::unicode_entries(keys).add(usize::from(index))).me_value;
        (!value.is_null()).then(|| Obj::from_ptr(value))
    }
}

/// The byte offset, from the keys object of the exact dict `dict`, of the value of entry `index`
/// when the keys still have `version` (what native code reads after checking the version: the
/// same version is the same keys object, so the same layout). `None` when the version moved on.
pub fn entry_value_offset(dict: &Obj, version: u32, index: u16) -> Option<i32> {
    global_by_version(dict, version, index)?;
    let keys = dict_keys(dict);
    // SAFETY: the version check above proved a live str-keys combined table with `index` in
    // its entries; only addresses are computed.
    unsafe {
        let value = core::ptr::addr_of!(
            (*PyDictKeysObject::unicode_entries(keys).add(usize::from(index))).me_value
        );
        i32::try_from(value.cast::<u8>().offset_from(keys.cast::<u8>())).ok()
    }
}

/// The keys version of the exact dict `dict` now (0 when it has none).
pub fn keys_version_of(dict: &Obj) -> u32 {
    // SAFETY: live keys of a live dict.
    unsafe { (*dict_keys(dict)).dk_version }
}

/// Whether `obj` (of a managed-dict heap type, guarded by its type version) has no
/// materialized dict and its class's shared keys have `keys_version`: the guard of
/// [`method_with_values`] after the type check.
pub fn no_dict_and_keys(obj: &Obj, keys_version: u32) -> bool {
    // SAFETY: as in `method_with_values`.
    unsafe {
        if !(*managed_dict_slot(obj)).is_null() {
            return false;
        }
        let keys = *heap_type::HT_CACHED_KEYS.ptr(obj.type_ptr().cast());
        (*keys).dk_version == keys_version
    }
}

/// `LOAD_GLOBAL_BUILTIN`'s guard and read: the globals keys still have `globals_version` (so
/// `name` is still not a global) and entry `index` of the builtins holds `name` itself.
/// (justjit checks the entry's key rather than a 16-bit builtins keys version: its own keys
/// versions do not fit 16 bits.)
#[inline(always)]
pub fn builtin_by_key<'a>(
    globals: &Obj,
    builtins: &'a Obj,
    globals_version: u32,
    index: u16,
    name: &Obj,
) -> Option<&'a Obj> {
    if !globals.is_exact_dict() || !builtins.is_exact_dict() {
        return None;
    }
    let gkeys = dict_keys(globals);
    let bkeys = dict_keys(builtins);
    let index = usize::from(index);
    // SAFETY: live keys objects; the builtins entry is read only below `dk_nentries` of a
    // str-keys combined table, whose entries are initialized; the value is borrowed from the
    // dict.
    unsafe {
        if (*gkeys).dk_version != globals_version
            || (*bkeys).dk_kind != DICT_KEYS_UNICODE
            || index >= (*bkeys).dk_nentries as usize
        {
            return None;
        }
        let entry = PyDictKeysObject::unicode_entries(bkeys).add(index);
        if (*entry).me_key != name.as_ptr() || (*entry).me_value.is_null() {
            return None;
        }
        Some(Obj::from_ptr((*entry).me_value))
    }
}

// --- types -----------------------------------------------------------------------------------

#[inline(always)]
fn type_flags(ty: *mut PyTypeObject) -> u64 {
    // SAFETY: `ty` is the live type of a live object; the offset is checked against the headers.
    let flags: core::ffi::c_ulong = unsafe { *type_object::TP_FLAGS.ptr(ty) };
    flags as u64
}

/// The type's version tag (0 or stale unless valid; compare with a cached nonzero version).
#[inline(always)]
fn version_tag(ty: *mut PyTypeObject) -> u32 {
    // SAFETY: as in `type_flags`.
    unsafe { *type_object::TP_VERSION_TAG.ptr(ty) }
}

/// The version tag of `obj`'s type (0 or stale unless valid, as [`version_tag`]).
#[inline(always)]
pub fn type_version(obj: &Obj) -> u32 {
    version_tag(obj.type_ptr())
}

/// Whether `obj`'s type has version `version` (nonzero: taken from a valid tag).
#[inline(always)]
pub fn type_version_is(obj: &Obj, version: u32) -> bool {
    version_tag(obj.type_ptr()) == version
}

/// How an attribute name resolves on a type (3.11's `DescriptorClassification`, the cases
/// the implemented forms tell apart).
pub enum Descr<'a> {
    /// `tp_getattro`/`tp_setattro` is not the generic one (`__getattr__`, `__getattribute__`,
    /// `__setattr__`, or a C type's own).
    Overridden,
    /// Not found on the type.
    Absent,
    /// A method descriptor (binds like a function; `LOAD_METHOD` may skip binding).
    Method(&'a Obj),
    /// A `__slots__` member holding an object (`T_OBJECT_EX`) at this byte offset of instances
    /// of `obj`'s type; `readonly` or `audited` members are left to the generic path.
    Slot {
        offset: usize,
        readonly: bool,
        audited: bool,
    },
    /// A data descriptor (property, other members, getset…): wins over the instance dict.
    Data,
    /// Any other class attribute (non-data descriptor or plain value): the instance dict wins.
    NonData,
    /// The descriptor's type is mutable: its behaviour could change without a version change.
    Mutable,
}

/// Classifies `name` on `obj`'s type, for a load or (`store`) a store.
pub fn classify(obj: &Obj, name: &Obj, store: bool) -> Descr<'static> {
    let ty = obj.type_ptr();
    // SAFETY: `ty` is a live type; the slot offsets are checked against the headers;
    // `_PyType_Lookup` never raises and returns a borrowed reference the type keeps alive.
    unsafe {
        let slot: *mut c_void = if store {
            *type_object::TP_SETATTRO.ptr(ty)
        } else {
            *type_object::TP_GETATTRO.ptr(ty)
        };
        let generic: *mut c_void = if store {
            ffi::PyObject_GenericSetAttr as *mut c_void
        } else {
            ffi::PyObject_GenericGetAttr as *mut c_void
        };
        if slot != generic {
            return Descr::Overridden;
        }
        let descr = _PyType_Lookup(ty, name.as_ptr());
        if descr.is_null() {
            return Descr::Absent;
        }
        let descr = Obj::from_ptr(descr);
        let dtype = descr.type_ptr();
        if type_flags(dtype) & Py_TPFLAGS_IMMUTABLETYPE == 0 {
            return Descr::Mutable;
        }
        if (*dtype).tp_descr_set.is_some() {
            return member_slot(ty, descr).unwrap_or(Descr::Data);
        }
        if (*dtype).tp_descr_get.is_some() && type_flags(dtype) & Py_TPFLAGS_METHOD_DESCRIPTOR != 0
        {
            return Descr::Method(descr);
        }
        Descr::NonData
    }
}

/// A member descriptor of an object slot that applies to instances of `ty`.
///
/// # Safety
/// `ty` must be a live type and `descr` a live object.
unsafe fn member_slot(ty: *mut PyTypeObject, descr: &Obj) -> Option<Descr<'static>> {
    // SAFETY: a `PyMemberDescr_Type` instance is a `PyMemberDescrObject` whose `d_member`
    // points to its (static or type-owned) `PyMemberDef`; offsets checked against the headers.
    unsafe {
        if descr.type_ptr() != core::ptr::addr_of_mut!(ffi::PyMemberDescr_Type) {
            return None;
        }
        let owner_type = *member_descr::D_TYPE.ptr(descr.as_ptr().cast());
        // A member taken from another class and stored on this one: its offset does not apply
        // to these instances (the generic path raises TypeError).
        if ffi::PyType_IsSubtype(ty, owner_type) == 0 {
            return None;
        }
        let def = *member_descr::D_MEMBER.ptr(descr.as_ptr().cast());
        if *member_def::TYPE.ptr(def) != T_OBJECT_EX {
            return None;
        }
        let offset = usize::try_from(*member_def::OFFSET.ptr(def)).ok()?;
        let flags = *member_def::FLAGS.ptr(def);
        Some(Descr::Slot {
            offset,
            readonly: flags & READONLY != 0,
            audited: flags & PY_AUDIT_READ != 0,
        })
    }
}

/// `obj`'s type's version tag if it is valid (call after [`classify`], whose lookup assigns one
/// when it can).
pub fn valid_type_version(obj: &Obj) -> Option<u32> {
    valid_version_of(obj.type_ptr())
}

/// Whether instances of `obj`'s type keep attributes in a managed dict or values array.
pub fn has_managed_dict(obj: &Obj) -> bool {
    let flags = type_flags(obj.type_ptr());
    flags & Py_TPFLAGS_MANAGED_DICT != 0 && flags & Py_TPFLAGS_HEAPTYPE != 0
}

/// `tp_dictoffset` of `obj`'s type.
pub fn dict_offset(obj: &Obj) -> isize {
    // SAFETY: as in `type_flags`.
    unsafe { *type_object::TP_DICTOFFSET.ptr(obj.type_ptr()) }
}

// --- managed dicts ---------------------------------------------------------------------------

/// The managed-dict pointer slot of a managed-dict object (`_PyObject_ManagedDictPointer`).
///
/// # Safety
/// `obj`'s type must have `Py_TPFLAGS_MANAGED_DICT`.
#[inline(always)]
unsafe fn managed_dict_slot(obj: &Obj) -> *mut *mut PyObject {
    // SAFETY: such objects are allocated with the dict and values pointers before the header.
    unsafe { obj.as_ptr().cast::<u8>().offset(MANAGED_DICT_OFFSET).cast() }
}

/// The values pointer slot, one word before the dict pointer (`_PyObject_ValuesPointer`).
///
/// # Safety
/// As for [`managed_dict_slot`].
#[inline(always)]
unsafe fn values_slot(obj: &Obj) -> *mut *mut PyDictValues {
    // SAFETY: forwarded.
    unsafe { managed_dict_slot(obj).sub(1).cast() }
}

/// Where `name` is in the shared keys of a managed-dict object's class, for an instance that
/// still has its values array (no materialized `__dict__`). `Err` with a failure kind
/// otherwise.
pub fn shared_key_index(obj: &Obj, name: &Obj) -> Result<Option<usize>, &'static str> {
    if !has_managed_dict(obj) {
        return Err("not_managed_dict");
    }
    // SAFETY: a heap type with a managed dict (checked): `PyHeapTypeObject`, and the object has
    // the pre-header slots.
    unsafe {
        if !(*managed_dict_slot(obj)).is_null() || (*values_slot(obj)).is_null() {
            return Err("has_dict");
        }
        let keys = *heap_type::HT_CACHED_KEYS.ptr(obj.type_ptr().cast());
        if keys.is_null() {
            return Err("no_shared_keys");
        }
        match keys_lookup(keys, name) {
            KeyIndex::Found { index, .. } => Ok(Some(index)),
            KeyIndex::Absent => Ok(None),
            KeyIndex::GeneralKeys => Err("non_string_keys"),
        }
    }
}

/// The version of the shared keys of `obj`'s class (assigned if needed), for a managed-dict
/// heap type.
pub fn shared_keys_version(obj: &Obj) -> Option<u32> {
    if !has_managed_dict(obj) {
        return None;
    }
    // SAFETY: a managed-dict heap type (checked); its cached keys, when set, are live.
    unsafe {
        let keys = *heap_type::HT_CACHED_KEYS.ptr(obj.type_ptr().cast());
        if keys.is_null() {
            return None;
        }
        keys_version_now(keys)
    }
}

/// `LOAD_ATTR_INSTANCE_VALUE`'s guard and read: `obj`'s type has `type_version` and `obj`'s
/// values array holds a value at `index`.
#[inline(always)]
pub fn instance_value(obj: &Obj, type_version: u32, index: u16) -> Option<&Obj> {
    if !type_version_is(obj, type_version) {
        return None;
    }
    // SAFETY: the version was taken from a managed-dict heap type whose shared keys had an
    // entry at `index`; the same version is the same type. Its values arrays hold as many slots
    // as the shared keys can ever have entries (the keys only grow within their fixed
    // capacity), so `index` is in bounds. The value is borrowed from `obj`.
    unsafe {
        let values = *values_slot(obj);
        if values.is_null() {
            return None;
        }
        let value = *(*values).values.as_ptr().add(usize::from(index));
        (!value.is_null()).then(|| Obj::from_ptr(value))
    }
}

/// `STORE_ATTR_INSTANCE_VALUE`'s guard: `obj`'s type has `type_version` and `obj` still keeps
/// its attributes in its values array.
pub fn instance_values_present(obj: &Obj, type_version: u32) -> bool {
    // SAFETY: as in `instance_value`.
    type_version_is(obj, type_version) && unsafe { !(*values_slot(obj)).is_null() }
}

/// `STORE_ATTR_INSTANCE_VALUE`: with the guard of [`instance_value`] (but the slot may be
/// empty), stores `value` at `index` of `obj`'s values array; gives `value` back when the guard
/// fails. The old value is released (which may run arbitrary code) after the store.
#[inline(always)]
pub fn store_instance_value(
    obj: &Obj,
    type_version: u32,
    index: u16,
    value: super::object::Owned,
) -> Result<(), super::object::Owned> {
    if !type_version_is(obj, type_version) {
        return Err(value);
    }
    // SAFETY: as in `instance_value`. The insertion-order bytes before the values array
    // (`[-1]` capacity, `[-2]` count, then the order backwards) have room for every index of
    // the shared keys; an empty slot is not in the order yet (what 3.11's
    // `_PyDictValues_AddToInsertionOrder` relies on too).
    unsafe {
        let values = *values_slot(obj);
        if values.is_null() {
            return Err(value);
        }
        let slot = (*values).values.as_mut_ptr().add(usize::from(index));
        let old = *slot;
        *slot = value.into_raw();
        if old.is_null() {
            let count = values.cast::<u8>().sub(2);
            let n = usize::from(*count) + 1;
            *count.sub(n) = index as u8;
            *count = n as u8;
        } else {
            drop(super::object::Owned::from_raw_unchecked(old));
        }
    }
    Ok(())
}

/// `LOAD_METHOD_NO_DICT`'s guard: `obj`'s type has `type_version`; then the method cached as
/// `descr` (a borrowed pointer taken at specialization).
#[inline(always)]
pub fn method_no_dict(obj: &Obj, type_version: u32, descr: u64) -> Option<&Obj> {
    if !type_version_is(obj, type_version) {
        return None;
    }
    // SAFETY: `descr` was found on the type (or a base) when it had this version; the version
    // would have changed had that attribute changed, so the type still holds a reference to
    // the descriptor, and `obj` keeps its type alive.
    Some(unsafe { Obj::from_ptr(descr as usize as *mut PyObject) })
}

/// `LOAD_METHOD_WITH_VALUES`'s guard: as [`method_no_dict`], and `obj` has no materialized
/// dict and its class's shared keys still have `keys_version` (which did not hold the name).
#[inline(always)]
pub fn method_with_values(
    obj: &Obj,
    type_version: u32,
    keys_version: u32,
    descr: u64,
) -> Option<&Obj> {
    if !type_version_is(obj, type_version) {
        return None;
    }
    // SAFETY: the type version is that of a managed-dict heap type (checked at specialization),
    // so the pre-header slots and `ht_cached_keys` (non-NULL then, and only replaced along with
    // a version change) are there. `descr` as in `method_no_dict`.
    unsafe {
        if !(*managed_dict_slot(obj)).is_null() {
            return None;
        }
        let keys = *heap_type::HT_CACHED_KEYS.ptr(obj.type_ptr().cast());
        if (*keys).dk_version != keys_version {
            return None;
        }
        Some(Obj::from_ptr(descr as usize as *mut PyObject))
    }
}

/// A cached descriptor's bits (the pointer as an integer, for the inline cache).
pub fn cache_bits(descr: &Obj) -> u64 {
    descr.as_ptr() as usize as u64
}

/// A type's version tag if valid.
fn valid_version_of(ty: *mut PyTypeObject) -> Option<u32> {
    let tag = version_tag(ty);
    (type_flags(ty) & Py_TPFLAGS_VALID_VERSION_TAG != 0 && tag != 0).then_some(tag)
}

// --- modules ---------------------------------------------------------------------------------

/// Whether `obj` is exactly a module (`PyModule_CheckExact`).
#[inline(always)]
pub fn is_exact_module(obj: &Obj) -> bool {
    obj.type_ptr() == core::ptr::addr_of_mut!(ffi::PyModule_Type)
}

/// The `__dict__` of an exact module.
#[inline(always)]
pub fn module_dict(module: &Obj) -> Option<&Obj> {
    debug_assert!(is_exact_module(module));
    // SAFETY: an exact module is a `PyModuleObject`; the offset is checked against the headers.
    let dict = unsafe { *module_object::MD_DICT.ptr(module.as_ptr()) };
    // SAFETY: the module owns its dict.
    (!dict.is_null()).then(|| unsafe { Obj::from_ptr(dict) })
}

/// For `LOAD_ATTR_MODULE` / `LOAD_METHOD_MODULE`: the entry index of `name` in an exact module's
/// dict and the dict's keys version.
pub fn module_slot(module: &Obj, name: &Obj) -> Result<(usize, u32), &'static str> {
    if !is_exact_module(module) {
        return Err("not_module");
    }
    let dict = module_dict(module).ok_or("module_no_dict")?;
    let getattr = super::object::new_str("__getattr__").map_err(|_| {
        super::object::clear_error();
        "no_memory"
    })?;
    let has_getattr = dict_slot(dict, &getattr)?;
    if !matches!(has_getattr.index, KeyIndex::Absent) {
        return Err("module_getattr");
    }
    let slot = dict_slot(dict, name)?;
    match slot.index {
        KeyIndex::Found { index, .. } => Ok((index, slot.version.ok_or("out_of_versions")?)),
        _ => Err("module_attr_not_found"),
    }
}

/// `LOAD_ATTR_MODULE`'s guard and read.
#[inline(always)]
pub fn module_attr(owner: &Obj, version: u32, index: u16) -> Option<&Obj> {
    if !is_exact_module(owner) {
        return None;
    }
    global_by_version(module_dict(owner)?, version, index)
}

// --- classes ---------------------------------------------------------------------------------

/// For `LOAD_METHOD_CLASS`: what `cls.name` gives when it is the plain value found along the
/// MRO of `cls` (a function or method descriptor, which return themselves when looked up on a
/// class, or a value whose type has no `__get__`), with the class's version tag.
pub fn class_method_slot(cls: &Obj, name: &Obj) -> Result<(&'static Obj, u32), &'static str> {
    let descr = class_lookup(cls, name)?;
    let dtype = descr.type_ptr();
    if type_flags(dtype) & Py_TPFLAGS_IMMUTABLETYPE == 0 {
        return Err("mutable_descriptor");
    }
    // SAFETY: reading slots of the live descriptor's type.
    let (get, set) = unsafe { ((*dtype).tp_descr_get, (*dtype).tp_descr_set) };
    let method = set.is_none() && type_flags(dtype) & Py_TPFLAGS_METHOD_DESCRIPTOR != 0;
    let plain = get.is_none() && set.is_none();
    if !(method || plain) {
        return Err("class_descriptor");
    }
    let version = valid_version_of(cls.as_ptr().cast()).ok_or("no_type_version")?;
    Ok((descr, version))
}

/// Attribute `name` found along the MRO of class `cls`, an instance of `type` itself with
/// nothing of that name on `type` (so `type_getattro` looks at the class only).
fn class_lookup(cls: &Obj, name: &Obj) -> Result<&'static Obj, &'static str> {
    let type_type = core::ptr::addr_of_mut!(ffi::PyType_Type);
    if cls.type_ptr() != type_type {
        return Err("metaclass");
    }
    // SAFETY: `type_type` and `cls` are live types; `_PyType_Lookup` never raises and returns
    // a borrowed reference the type keeps alive (while its version holds).
    unsafe {
        if !_PyType_Lookup(type_type, name.as_ptr()).is_null() {
            return Err("metaclass_attribute");
        }
        let found = _PyType_Lookup(cls.as_ptr().cast(), name.as_ptr());
        if found.is_null() {
            return Err("class_attr_not_found");
        }
        Ok(Obj::from_ptr(found))
    }
}

/// `LOAD_METHOD_CLASS`'s guard: `owner` is the class with `version`; then the cached value.
#[inline(always)]
pub fn class_method(owner: &Obj, version: u32, descr: u64) -> Option<&Obj> {
    if !owner.is_type() || version_tag(owner.as_ptr().cast()) != version {
        return None;
    }
    // SAFETY: the value was found along the class's MRO when it had this version, which would
    // have changed with any change there; the class (alive: `owner`) still holds it.
    Some(unsafe { Obj::from_ptr(descr as usize as *mut PyObject) })
}

/// Whether `type_getattro` gives `value`, found on a class, as itself: it has no `__get__`,
/// or it is a Python function (whose `__get__` returns the function when there is no
/// instance).
#[inline(always)]
fn reads_as_itself(value: &Obj) -> bool {
    // SAFETY: reading a slot of the live value's type.
    value.is_exact_function() || unsafe { (*value.type_ptr()).tp_descr_get.is_none() }
}

/// For tier 2's reads of a class attribute `value` (which reads as itself now): `Ok(None)`
/// when its type cannot change (immutable), `Ok(Some(version))` for the version its type must
/// keep for the value to go on reading as itself, `Err` when that type has no valid version.
pub fn value_type_guard(value: &Obj) -> Result<Option<u32>, &'static str> {
    if type_flags(value.type_ptr()) & Py_TPFLAGS_IMMUTABLETYPE != 0 {
        return Ok(None);
    }
    valid_type_version(value).map(Some).ok_or("no_type_version")
}

/// The version tag of class `cls` itself (0 or stale unless valid; compare with a cached
/// nonzero version); `None` when `cls` is not a class.
pub fn class_version(cls: &Obj) -> Option<u32> {
    cls.is_type().then(|| version_tag(cls.as_ptr().cast()))
}

/// For `LOAD_ATTR_CLASS`: attribute `name` of class `cls` (an instance of `type` itself, with
/// nothing of that name on `type`), when `type_getattro` gives it as found, and the class's
/// version.
pub fn class_attr_slot(cls: &Obj, name: &Obj) -> Result<(&'static Obj, u32), &'static str> {
    let value = class_lookup(cls, name)?;
    if !reads_as_itself(value) {
        return Err("class_descriptor");
    }
    let version = valid_version_of(cls.as_ptr().cast()).ok_or("no_type_version")?;
    Ok((value, version))
}

/// `LOAD_ATTR_CLASS`'s guard and read: `owner` is the class with `version`; the value cached
/// from it (see [`class_method`]) when its type has not gained a `__get__` since (value types
/// can be mutable classes).
#[inline(always)]
pub fn class_attr(owner: &Obj, version: u32, value: u64) -> Option<&Obj> {
    class_method(owner, version, value).filter(|value| reads_as_itself(value))
}

// --- instance dicts --------------------------------------------------------------------------

/// Where instances of `obj`'s type keep their `__dict__` pointer (managed or a positive
/// `tp_dictoffset`).
pub fn instance_dict_offset(obj: &Obj) -> Option<isize> {
    if has_managed_dict(obj) {
        return Some(MANAGED_DICT_OFFSET);
    }
    let offset = dict_offset(obj);
    (offset > 0).then_some(offset)
}

/// The instance dict at `offset` (from [`instance_dict_offset`] for `obj`'s type).
///
/// # Safety
/// `offset` must be where instances of `obj`'s type keep their dict pointer.
#[inline(always)]
unsafe fn dict_at(obj: &Obj, offset: isize) -> *mut PyDictObject {
    // SAFETY: forwarded.
    unsafe {
        *obj.as_ptr()
            .cast::<u8>()
            .offset(offset)
            .cast::<*mut PyDictObject>()
    }
}

/// For `LOAD_METHOD_WITH_DICT`: `obj`'s `__dict__` (at `offset`) does not hold `name`; its keys
/// version.
pub fn dict_without(obj: &Obj, offset: isize, name: &Obj) -> Result<u32, &'static str> {
    // SAFETY: the offset comes from `instance_dict_offset` for this object's type; a non-NULL
    // dict pointer is a live dict (or dict subclass: same layout).
    unsafe {
        let dict = dict_at(obj, offset);
        if dict.is_null() {
            return Err("no_dict");
        }
        let keys = (*dict).ma_keys;
        match keys_lookup(keys, name) {
            KeyIndex::Absent => keys_version_now(keys).ok_or("out_of_versions"),
            KeyIndex::Found { .. } => Err("is_attr"),
            KeyIndex::GeneralKeys => Err("non_string_keys"),
        }
    }
}

/// `LOAD_METHOD_WITH_DICT`'s guard: `obj`'s type has `type_version` and its `__dict__` at
/// `offset` exists without `name`: its keys still have `keys_version` (the keys checked at
/// specialization), or else a lookup does not find `name` in them (instances whose dicts have
/// keys of their own, each with another version, would otherwise miss on every other
/// instance). Then the cached method.
#[inline(always)]
pub fn method_with_dict<'a>(
    obj: &Obj,
    name: &Obj,
    type_version: u32,
    offset: isize,
    keys_version: u32,
    descr: u64,
) -> Option<&'a Obj> {
    if !type_version_is(obj, type_version) {
        return None;
    }
    // SAFETY: the same type version is the same type, whose instances keep their dict pointer
    // at `offset` (taken from it at specialization); a non-NULL dict is live. `descr` as in
    // `method_no_dict`.
    unsafe {
        let dict = dict_at(obj, offset);
        if dict.is_null() {
            return None;
        }
        if (*(*dict).ma_keys).dk_version != keys_version && !lacks_str_key(dict, name) {
            return None;
        }
        Some(Obj::from_ptr(descr as usize as *mut PyObject))
    }
}

/// Whether the dict `dict`, whose keys are all str, has no key equal to `name` (a str). A dict
/// with other keys counts as having it: comparing with them could run Python code.
///
/// # Safety
/// `dict` must point to a live dict.
#[cold]
unsafe fn lacks_str_key(dict: *mut PyDictObject, name: &Obj) -> bool {
    // SAFETY: forwarded; with str keys only, the lookup compares str objects and cannot run
    // Python code or fail (a str caches its hash).
    unsafe {
        if (*(*dict).ma_keys).dk_kind == super::objects::DICT_KEYS_GENERAL {
            return false;
        }
        ffi::PyDict_GetItemWithError(dict.cast(), name.as_ptr()).is_null()
            && !super::object::error_occurred()
    }
}

/// For `LOAD_ATTR_WITH_HINT`: the entry index of `name` (the key itself) in the materialized
/// managed dict of `obj`.
pub fn managed_dict_hint(obj: &Obj, name: &Obj) -> Result<usize, &'static str> {
    if !has_managed_dict(obj) {
        return Err("not_managed_dict");
    }
    // SAFETY: a managed-dict heap type (checked): the dict slot exists; a non-NULL dict is live.
    unsafe {
        let dict = dict_at(obj, MANAGED_DICT_OFFSET);
        if dict.is_null() {
            return Err("no_dict");
        }
        match keys_lookup((*dict).ma_keys, name) {
            KeyIndex::Found {
                index,
                identical: true,
            } => Ok(index),
            KeyIndex::Found { .. } => Err("key_not_interned"),
            KeyIndex::Absent => Err("not_in_dict"),
            KeyIndex::GeneralKeys => Err("non_string_keys"),
        }
    }
}

/// `obj`'s `__dict__` when its type keeps a managed dict and the dict has been made (the
/// attributes no longer live in a values array): where `STORE_ATTR_WITH_HINT` stores.
pub fn materialized_managed_dict(obj: &Obj) -> Result<(), &'static str> {
    if !has_managed_dict(obj) {
        return Err("not_managed_dict");
    }
    // SAFETY: a managed-dict heap type (checked): the dict slot exists.
    if unsafe { dict_at(obj, MANAGED_DICT_OFFSET) }.is_null() {
        return Err("no_dict");
    }
    Ok(())
}

/// `STORE_ATTR_WITH_HINT`'s guard: `obj`'s type has `type_version`, taken from a managed-dict
/// heap type with the generic `__setattr__` and nothing named the attribute in its MRO, and
/// `obj`'s `__dict__` has been made. Gives that dict, which `PyObject_GenericSetAttr` would
/// store into (3.11 keeps a hint to the key's entry and writes it in place; justjit stores
/// with `PyDict_SetItem`, which also bumps the dict's PEP 509 version, a counter CPython does
/// not export).
#[inline(always)]
pub fn dict_for_store(obj: &Obj, type_version: u32) -> Option<&Obj> {
    if !type_version_is(obj, type_version) {
        return None;
    }
    // SAFETY: the version is that of a managed-dict heap type, so the dict slot exists; a
    // non-NULL dict is live, owned by `obj`.
    unsafe {
        let dict = dict_at(obj, MANAGED_DICT_OFFSET);
        (!dict.is_null()).then(|| Obj::from_ptr(dict.cast()))
    }
}

/// `LOAD_ATTR_WITH_HINT`'s guard and read: `obj`'s type has `type_version`, its managed dict
/// exists and entry `hint` of its keys is `name` with a value.
#[inline(always)]
pub fn attr_with_hint<'a>(
    obj: &'a Obj,
    type_version: u32,
    hint: u16,
    name: &Obj,
) -> Option<&'a Obj> {
    if !type_version_is(obj, type_version) {
        return None;
    }
    let hint = usize::from(hint);
    // SAFETY: the type version is that of a managed-dict heap type. A non-NULL dict is live;
    // its entry `hint` is read only below `dk_nentries` of a str-keys table; a split table's
    // values array has a slot for every entry of its keys. The value is borrowed from the dict.
    unsafe {
        let dict = dict_at(obj, MANAGED_DICT_OFFSET);
        if dict.is_null() {
            return None;
        }
        let keys = (*dict).ma_keys;
        if (*keys).dk_kind == super::objects::DICT_KEYS_GENERAL
            || hint >= (*keys).dk_nentries as usize
        {
            return None;
        }
        let entry = PyDictKeysObject::unicode_entries(keys).add(hint);
        if (*entry).me_key != name.as_ptr() {
            return None;
        }
        let values = (*dict).ma_values;
        let value = if values.is_null() {
            (*entry).me_value
        } else {
            *(*values).values.as_ptr().add(hint)
        };
        (!value.is_null()).then(|| Obj::from_ptr(value))
    }
}

// --- slots -----------------------------------------------------------------------------------

/// `LOAD_ATTR_SLOT`'s guard and read: `obj`'s type has `type_version` and its object slot at
/// byte `offset` is set.
#[inline(always)]
pub fn slot_value(obj: &Obj, type_version: u32, offset: u16) -> Option<&Obj> {
    if !type_version_is(obj, type_version) {
        return None;
    }
    // SAFETY: the version is that of a type whose `T_OBJECT_EX` member (applying to its
    // instances) sits at `offset`; the value is borrowed from `obj`.
    unsafe {
        let value = *obj
            .as_ptr()
            .cast::<u8>()
            .add(usize::from(offset))
            .cast::<*mut PyObject>();
        (!value.is_null()).then(|| Obj::from_ptr(value))
    }
}

/// `STORE_ATTR_SLOT`: with the type guard of [`slot_value`], stores `value` in the slot (the
/// old value, if any, is released after); gives `value` back when the guard fails.
#[inline(always)]
pub fn store_slot(
    obj: &Obj,
    type_version: u32,
    offset: u16,
    value: super::object::Owned,
) -> Result<(), super::object::Owned> {
    if !type_version_is(obj, type_version) {
        return Err(value);
    }
    // SAFETY: as in `slot_value`; the member is writable (checked at specialization).
    unsafe {
        let slot = obj
            .as_ptr()
            .cast::<u8>()
            .add(usize::from(offset))
            .cast::<*mut PyObject>();
        let old = *slot;
        *slot = value.into_raw();
        if !old.is_null() {
            drop(super::object::Owned::from_raw_unchecked(old));
        }
    }
    Ok(())
}
