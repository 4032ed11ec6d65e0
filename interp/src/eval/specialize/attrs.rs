//! Families of names and attributes: `LOAD_GLOBAL`, `LOAD_ATTR`, `STORE_ATTR` and
//! `LOAD_METHOD` — 3.11's forms for module globals and builtins (keyed by dict-keys versions),
//! instance attributes in the values array of managed-dict objects and methods found on the
//! type (keyed by the type's version tag). Guards and reads live in `cpython::attrs`.
//!
//! Inline caches (unit 0 is the counter; `cache(i)` counts from it):
//! - `LOAD_GLOBAL` (5 units): 1 entry index, 2–3 globals keys version. (3.11 keeps a 16-bit
//!   builtins keys version in unit 4; `LOAD_GLOBAL_BUILTIN` here checks the entry's key instead,
//!   see `cpython::attrs::builtin_by_key`.)
//! - `LOAD_ATTR`, `STORE_ATTR` (4 units): 1–2 type version (module forms: the module dict's
//!   keys version), 3 index into the values array, entry index of the dict (module, hint) or
//!   byte offset of the slot.
//! - `LOAD_METHOD` (10 units): 1–2 type version (class form: the class's own; module form: as
//!   `LOAD_ATTR_MODULE`), 3 dict offset (`WITH_DICT`, as i16) or entry index (module), 4–5
//!   keys version of the shared keys or the instance dict, 6–9 the method (borrowed pointer).
//!
//! `STORE_ATTR_WITH_HINT` keeps no hint: 3.11's writes the dict entry in place and bumps the
//! dict's `ma_version_tag` from a counter private to Objects/dictobject.c (and may have to
//! start GC tracking of the dict); justjit's, after the same guards, stores with
//! `PyDict_SetItem`, which does both, and skips the rest of `PyObject_SetAttr` (interning the
//! name, the MRO lookup, finding the dict).

use crate::cpython::attrs::{self, Descr, KeyIndex};
use crate::cpython::cursor::{Cursor, FramePtr, InstrRef};
use crate::cpython::object::{self as api, Obj, Owned};
use crate::cpython::opcode::*;

use super::super::instructions::{self as generic, next};
use super::super::quicken::forms::LOAD_ATTR_CLASS;
use super::super::{Exec, Step};
use super::{adapt, hit, miss, poly, Choice};

// --- LOAD_GLOBAL ----------------------------------------------------------------------------

fn choose_load_global(instr: InstrRef, globals: &Obj, builtins: &Obj, name: &Obj) -> Choice {
    let in_globals = attrs::dict_slot(globals, name)?;
    let globals_version = || in_globals.version.ok_or("out_of_versions");
    match in_globals.index {
        KeyIndex::Found { index, .. } => {
            let index = u16::try_from(index).map_err(|_| "out_of_range")?;
            instr.set_cache_u32(2, globals_version()?);
            instr.set_cache(1, index);
            Ok(LOAD_GLOBAL_MODULE)
        }
        KeyIndex::Absent => {
            let in_builtins = attrs::dict_slot(builtins, name).map_err(|kind| match kind {
                "not_exact_dict" => "builtins_not_exact_dict",
                _ => "builtins_non_string_keys",
            })?;
            match in_builtins.index {
                KeyIndex::Found {
                    index,
                    identical: true,
                } => {
                    let index = u16::try_from(index).map_err(|_| "out_of_range")?;
                    instr.set_cache_u32(2, globals_version()?);
                    instr.set_cache(1, index);
                    Ok(LOAD_GLOBAL_BUILTIN)
                }
                KeyIndex::Found { .. } => Err("builtin_key_not_interned"),
                KeyIndex::Absent => Err("undefined"),
                KeyIndex::GeneralKeys => Err("builtins_non_string_keys"),
            }
        }
        KeyIndex::GeneralKeys => Err("non_string_or_split_keys"),
    }
}

#[inline(always)]
pub(in crate::eval) fn load_global_adaptive(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    let frame = *c.frame();
    let name = c.name(oparg as usize >> 1);
    let instr = c.instr();
    adapt(instr, LOAD_GLOBAL, || {
        choose_load_global(instr, frame.globals(), frame.builtins(), name)
    });
    generic::load_global(c, ex, oparg)
}

/// Pushes a `LOAD_GLOBAL` result (with the NULL before it when the oparg asks).
#[inline(always)]
fn push_global(c: &mut Cursor, oparg: u32, value: &Obj) -> Step {
    let value = value.to_owned();
    if oparg & 1 != 0 {
        c.push_null();
    }
    c.push(value);
    next()
}

#[inline(always)]
pub(in crate::eval) fn load_global_module(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    let frame = *c.frame();
    let instr = c.instr();
    let Some(value) = attrs::global_by_version(frame.globals(), instr.cache_u32(2), instr.cache(1))
    else {
        miss(instr, LOAD_GLOBAL, LOAD_GLOBAL_ADAPTIVE);
        return generic::load_global(c, ex, oparg);
    };
    hit(LOAD_GLOBAL);
    push_global(c, oparg, value)
}

#[inline(always)]
pub(in crate::eval) fn load_global_builtin(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    let frame = *c.frame();
    let instr = c.instr();
    let name = c.name(oparg as usize >> 1);
    let Some(value) = attrs::builtin_by_key(
        frame.globals(),
        frame.builtins(),
        instr.cache_u32(2),
        instr.cache(1),
        name,
    ) else {
        miss(instr, LOAD_GLOBAL, LOAD_GLOBAL_ADAPTIVE);
        return generic::load_global(c, ex, oparg);
    };
    hit(LOAD_GLOBAL);
    push_global(c, oparg, value)
}

// --- LOAD_ATTR / STORE_ATTR -----------------------------------------------------------------

/// The failure kind for a descriptor no attribute form covers.
fn descr_kind(descr: &Descr<'_>, store: bool) -> &'static str {
    match descr {
        Descr::Overridden if store => "overridden_setattr",
        Descr::Overridden => "overridden_getattr",
        Descr::Method(_) => "method",
        Descr::Data => "data_descriptor",
        Descr::Slot { audited: true, .. } => "audited_slot",
        Descr::Slot { readonly: true, .. } => "readonly_slot",
        Descr::Slot { .. } => "slot",
        Descr::Mutable => "mutable_descriptor",
        Descr::Absent | Descr::NonData => "other",
    }
}

/// Chooses a `LOAD_ATTR` (or, with `store`, a `STORE_ATTR`) form for `owner.name`:
/// - module attributes (loads only): the entry of the module's dict, keyed by its keys version;
/// - `__slots__` members: the slot's offset, keyed by the type version;
/// - managed-dict objects whose type lets the instance attribute decide: the slot of the values
///   array (or, loads only, the entry of a materialized `__dict__`), keyed by the type version.
fn choose_attr(instr: InstrRef, owner: &Obj, name: &Obj, store: bool) -> Choice {
    if !store && attrs::is_exact_module(owner) {
        let (index, version) = attrs::module_slot(owner, name)?;
        instr.set_cache_u32(1, version);
        instr.set_cache(3, u16::try_from(index).map_err(|_| "out_of_range")?);
        return Ok(LOAD_ATTR_MODULE);
    }
    if owner.is_type() {
        return Err("class");
    }
    let descr = attrs::classify(owner, name, store);
    match descr {
        Descr::Slot {
            offset,
            readonly,
            audited,
        } if if store { !readonly } else { !audited } => {
            let offset = u16::try_from(offset).map_err(|_| "out_of_range")?;
            let version = attrs::valid_type_version(owner).ok_or("no_type_version")?;
            instr.set_cache_u32(1, version);
            instr.set_cache(3, offset);
            return Ok(if store {
                STORE_ATTR_SLOT
            } else {
                LOAD_ATTR_SLOT
            });
        }
        Descr::Absent | Descr::NonData => {}
        other => return Err(descr_kind(&other, store)),
    }
    let (index, form) = match attrs::shared_key_index(owner, name) {
        Ok(index) => {
            let form = if store {
                STORE_ATTR_INSTANCE_VALUE
            } else {
                LOAD_ATTR_INSTANCE_VALUE
            };
            (index.ok_or("not_in_shared_keys")?, form)
        }
        Err("has_dict") if !store => (attrs::managed_dict_hint(owner, name)?, LOAD_ATTR_WITH_HINT),
        Err("has_dict") => {
            attrs::materialized_managed_dict(owner)?;
            (0, STORE_ATTR_WITH_HINT)
        }
        Err(kind) => return Err(kind),
    };
    let index = u16::try_from(index).map_err(|_| "out_of_range")?;
    let version = attrs::valid_type_version(owner).ok_or("no_type_version")?;
    instr.set_cache_u32(1, version);
    instr.set_cache(3, index);
    Ok(form)
}

#[inline(always)]
pub(in crate::eval) fn load_attr_adaptive(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    let owner = c.top();
    let name = c.name(oparg as usize);
    let instr = c.instr();
    let frame = *c.frame();
    adapt(instr, LOAD_ATTR, || {
        if owner.is_type() {
            choose_class_attr(instr, &frame, owner, name)
        } else {
            choose_attr(instr, owner, name, false)
        }
    });
    generic::load_attr(c, ex, oparg)
}

/// `LOAD_ATTR_CLASS` (3.12's form): the class's version in units 1-2; the value, which the
/// cache has no room for, in a one-entry table of the code's (`poly::Tables`), indexed by
/// unit 3.
fn choose_class_attr(instr: InstrRef, frame: &FramePtr, class: &Obj, name: &Obj) -> Choice {
    let (value, version) = attrs::class_attr_slot(class, name)?;
    let entry = poly::Entry {
        type_version: version,
        method: attrs::cache_bits(value),
        ..poly::Entry::default()
    };
    let site = poly::tables(frame).single(instr, entry)?;
    instr.set_cache_u32(1, version);
    instr.set_cache(3, site);
    Ok(LOAD_ATTR_CLASS)
}

/// `LOAD_ATTR_CLASS`: the class still has its version; the value cached from it.
#[inline(always)]
pub(in crate::eval) fn load_attr_class(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    let frame = *c.frame();
    let tables = poly::tables(&frame);
    load_attr_form(
        c,
        ex,
        oparg,
        |owner, instr, _| {
            let entry = tables.first(instr.cache(3))?;
            attrs::class_attr(owner, instr.cache_u32(1), entry.method).map(Obj::to_owned)
        },
        attr_missed,
    )
}

#[inline(always)]
pub(in crate::eval) fn load_attr_instance_value(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    load_attr_form(
        c,
        ex,
        oparg,
        |owner, instr, _| {
            attrs::instance_value(owner, instr.cache_u32(1), instr.cache(3)).map(Obj::to_owned)
        },
        |frame, instr, owner, name| poly::instance_value_missed(frame, instr, owner, name, false),
    )
}

/// `LOAD_ATTR_POLY`: an instance value, read as the table entry for the owner's class says.
#[inline(always)]
pub(in crate::eval) fn load_attr_poly(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    let frame = *c.frame();
    let tables = poly::tables(&frame);
    load_attr_form(
        c,
        ex,
        oparg,
        |owner, instr, _| poly::instance_value(tables, instr, owner).map(Obj::to_owned),
        |frame, instr, owner, name| {
            poly::instance_value_poly_missed(frame, instr, owner, name, false)
        },
    )
}

/// A guard failed at a `LOAD_ATTR` or `STORE_ATTR` site (frame, instruction, owner, name).
type Missed = fn(FramePtr, InstrRef, &Obj, &Obj);

/// The miss of a form that does not become polymorphic.
fn attr_missed(_: FramePtr, instr: InstrRef, _: &Obj, _: &Obj) {
    miss(instr, LOAD_ATTR, LOAD_ATTR_ADAPTIVE);
}

/// A `LOAD_ATTR` form: `read` gives the attribute (`None` = guard failed, `missed` is told).
#[inline(always)]
fn load_attr_form(
    c: &mut Cursor,
    ex: &mut Exec,
    oparg: u32,
    read: impl FnOnce(&Obj, InstrRef, &Obj) -> Option<Owned>,
    missed: Missed,
) -> Step {
    let instr = c.instr();
    let Some(value) = read(c.top(), instr, c.name(oparg as usize)) else {
        missed(*c.frame(), instr, c.top(), c.name(oparg as usize));
        return generic::load_attr(c, ex, oparg);
    };
    hit(LOAD_ATTR);
    c.set(1, value);
    next()
}

#[inline(always)]
pub(in crate::eval) fn load_attr_module(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    load_attr_form(
        c,
        ex,
        oparg,
        |owner, instr, _| {
            attrs::module_attr(owner, instr.cache_u32(1), instr.cache(3)).map(Obj::to_owned)
        },
        attr_missed,
    )
}

#[inline(always)]
pub(in crate::eval) fn load_attr_slot(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    load_attr_form(
        c,
        ex,
        oparg,
        |owner, instr, _| {
            attrs::slot_value(owner, instr.cache_u32(1), instr.cache(3)).map(Obj::to_owned)
        },
        attr_missed,
    )
}

#[inline(always)]
pub(in crate::eval) fn load_attr_with_hint(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    load_attr_form(
        c,
        ex,
        oparg,
        |owner, instr, name| {
            attrs::attr_with_hint(owner, instr.cache_u32(1), instr.cache(3), name)
                .map(Obj::to_owned)
        },
        attr_missed,
    )
}

#[inline(always)]
pub(in crate::eval) fn store_attr_adaptive(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    let owner = c.top();
    let name = c.name(oparg as usize);
    let instr = c.instr();
    adapt(instr, STORE_ATTR, || choose_attr(instr, owner, name, true));
    generic::store_attr(c, ex, oparg)
}

/// A `STORE_ATTR` form: `store` writes the value (`Err` gives it back = guard failed,
/// `missed` is told).
#[inline(always)]
fn store_attr_form(
    c: &mut Cursor,
    ex: &mut Exec,
    oparg: u32,
    store: impl FnOnce(&Obj, InstrRef, Owned) -> Result<(), Owned>,
    missed: Missed,
) -> Step {
    let instr = c.instr();
    let owner = c.pop();
    let value = c.pop();
    match store(&owner, instr, value) {
        Ok(()) => {
            hit(STORE_ATTR);
            drop(owner);
            next()
        }
        Err(value) => {
            c.push(value);
            c.push(owner);
            missed(*c.frame(), instr, c.top(), c.name(oparg as usize));
            generic::store_attr(c, ex, oparg)
        }
    }
}

/// The miss of a `STORE_ATTR` form that does not become polymorphic.
fn store_missed(_: FramePtr, instr: InstrRef, _: &Obj, _: &Obj) {
    miss(instr, STORE_ATTR, STORE_ATTR_ADAPTIVE);
}

#[inline(always)]
pub(in crate::eval) fn store_attr_instance_value(
    c: &mut Cursor,
    ex: &mut Exec,
    oparg: u32,
) -> Step {
    store_attr_form(
        c,
        ex,
        oparg,
        |owner, instr, value| {
            attrs::store_instance_value(owner, instr.cache_u32(1), instr.cache(3), value)
        },
        |frame, instr, owner, name| poly::instance_value_missed(frame, instr, owner, name, true),
    )
}

/// `STORE_ATTR_POLY`: an instance value, written as the table entry for the owner's class
/// says.
#[inline(always)]
pub(in crate::eval) fn store_attr_poly(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    let frame = *c.frame();
    let tables = poly::tables(&frame);
    store_attr_form(
        c,
        ex,
        oparg,
        |owner, instr, value| poly::store_instance_value(tables, instr, owner, value),
        |frame, instr, owner, name| {
            poly::instance_value_poly_missed(frame, instr, owner, name, true)
        },
    )
}

#[inline(always)]
pub(in crate::eval) fn store_attr_slot(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    store_attr_form(
        c,
        ex,
        oparg,
        |owner, instr, value| attrs::store_slot(owner, instr.cache_u32(1), instr.cache(3), value),
        store_missed,
    )
}

/// `STORE_ATTR_WITH_HINT`: an instance whose `__dict__` has been made; the store goes into
/// the dict (see `attrs::dict_for_store`).
#[inline(always)]
pub(in crate::eval) fn store_attr_with_hint(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    let instr = c.instr();
    let Some(dict) = attrs::dict_for_store(c.top(), instr.cache_u32(1)) else {
        miss(instr, STORE_ATTR, STORE_ATTR_ADAPTIVE);
        return generic::store_attr(c, ex, oparg);
    };
    hit(STORE_ATTR);
    // The dict is held while storing: the old value's release may replace `__dict__`.
    let dict = dict.to_owned();
    let owner = c.pop();
    let value = c.pop();
    let stored = api::dict_set(&dict, c.name(oparg as usize), &value);
    drop((value, owner, dict));
    stored?;
    next()
}

// --- LOAD_METHOD ----------------------------------------------------------------------------

fn choose_load_method(instr: InstrRef, owner: &Obj, name: &Obj) -> Choice {
    if attrs::is_exact_module(owner) {
        let (index, version) = attrs::module_slot(owner, name)?;
        instr.set_cache_u32(1, version);
        instr.set_cache(3, u16::try_from(index).map_err(|_| "out_of_range")?);
        return Ok(LOAD_METHOD_MODULE);
    }
    if owner.is_type() {
        let (value, version) = attrs::class_method_slot(owner, name)?;
        instr.set_cache_u32(1, version);
        instr.set_cache_u64(6, attrs::cache_bits(value));
        return Ok(LOAD_METHOD_CLASS);
    }
    let descr = attrs::classify(owner, name, false);
    let Descr::Method(method) = descr else {
        return Err(match descr {
            Descr::Absent | Descr::NonData => "not_method",
            other => descr_kind(&other, false),
        });
    };
    let version = attrs::valid_type_version(owner).ok_or("no_type_version")?;
    let managed_values = attrs::has_managed_dict(owner)
        && match attrs::shared_key_index(owner, name) {
            Ok(Some(_)) => return Err("is_attr"),
            Ok(None) => true,
            Err("has_dict") => false,
            Err(kind) => return Err(kind),
        };
    let form = if managed_values {
        let keys_version = attrs::shared_keys_version(owner).ok_or("out_of_versions")?;
        instr.set_cache_u32(4, keys_version);
        LOAD_METHOD_WITH_VALUES
    } else if let Some(offset) = attrs::instance_dict_offset(owner) {
        let offset16 = i16::try_from(offset).map_err(|_| "out_of_range")?;
        instr.set_cache_u32(4, attrs::dict_without(owner, offset, name)?);
        instr.set_cache(3, offset16 as u16);
        LOAD_METHOD_WITH_DICT
    } else if attrs::dict_offset(owner) == 0 {
        LOAD_METHOD_NO_DICT
    } else {
        return Err("dict_offset");
    };
    instr.set_cache_u32(1, version);
    instr.set_cache_u64(6, attrs::cache_bits(method));
    Ok(form)
}

#[inline(always)]
pub(in crate::eval) fn load_method_adaptive(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    let owner = c.top();
    let name = c.name(oparg as usize);
    let instr = c.instr();
    adapt(instr, LOAD_METHOD, || {
        choose_load_method(instr, owner, name)
    });
    generic::load_method(c, ex, oparg)
}

/// Pushes a found method and its self (`method | self`) in place of the owner.
#[inline(always)]
fn push_method(c: &mut Cursor, method: Owned) -> Step {
    let owner = c.pop();
    c.push(method);
    c.push(owner);
    next()
}

/// A `LOAD_METHOD` form: `read` gives the method, or the attribute (`None` = guard failed);
/// `bound` says whether it is pushed as `method | self` or as `NULL | attribute`.
#[inline(always)]
fn load_method_form(
    c: &mut Cursor,
    ex: &mut Exec,
    oparg: u32,
    bound: bool,
    read: impl FnOnce(&Obj, InstrRef) -> Option<Owned>,
) -> Step {
    let instr = c.instr();
    let Some(value) = read(c.top(), instr) else {
        miss(instr, LOAD_METHOD, LOAD_METHOD_ADAPTIVE);
        return generic::load_method(c, ex, oparg);
    };
    hit(LOAD_METHOD);
    if bound {
        push_method(c, value)
    } else {
        push_unbound(c, value)
    }
}

/// A `LOAD_METHOD` form that may become `LOAD_METHOD_POLY` on a miss: `read` gives the method
/// (`None` = guard failed); `missed` is told of a miss.
#[inline(always)]
fn method_form(
    c: &mut Cursor,
    ex: &mut Exec,
    oparg: u32,
    read: impl FnOnce(&Obj, InstrRef) -> Option<&Obj>,
    missed: fn(FramePtr, InstrRef, &Obj, &Obj),
) -> Step {
    let instr = c.instr();
    let Some(method) = read(c.top(), instr) else {
        missed(*c.frame(), instr, c.top(), c.name(oparg as usize));
        return generic::load_method(c, ex, oparg);
    };
    hit(LOAD_METHOD);
    let method = method.to_owned();
    push_method(c, method)
}

#[inline(always)]
pub(in crate::eval) fn load_method_no_dict(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    method_form(
        c,
        ex,
        oparg,
        |owner, instr| attrs::method_no_dict(owner, instr.cache_u32(1), instr.cache_u64(6)),
        |frame, instr, owner, name| poly::method_missed(frame, instr, owner, name, false),
    )
}

#[inline(always)]
pub(in crate::eval) fn load_method_with_values(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    method_form(
        c,
        ex,
        oparg,
        |owner, instr| {
            attrs::method_with_values(
                owner,
                instr.cache_u32(1),
                instr.cache_u32(4),
                instr.cache_u64(6),
            )
        },
        |frame, instr, owner, name| poly::method_missed(frame, instr, owner, name, true),
    )
}

/// `LOAD_METHOD_POLY`: a method found as the table entry for the owner's class says.
#[inline(always)]
pub(in crate::eval) fn load_method_poly(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    let frame = *c.frame();
    let tables = poly::tables(&frame);
    method_form(
        c,
        ex,
        oparg,
        |owner, instr| poly::method(tables, instr, owner),
        poly::method_poly_missed,
    )
}

#[inline(always)]
pub(in crate::eval) fn load_method_with_dict(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    let instr = c.instr();
    let method = attrs::method_with_dict(
        c.top(),
        c.name(oparg as usize),
        instr.cache_u32(1),
        isize::from(instr.cache(3) as i16),
        instr.cache_u32(4),
        instr.cache_u64(6),
    )
    .map(Obj::to_owned);
    let Some(method) = method else {
        miss(instr, LOAD_METHOD, LOAD_METHOD_ADAPTIVE);
        return generic::load_method(c, ex, oparg);
    };
    hit(LOAD_METHOD);
    push_method(c, method)
}

/// Pushes `NULL | value` in place of the owner (a plain value: no self to pass).
#[inline(always)]
fn push_unbound(c: &mut Cursor, value: Owned) -> Step {
    drop(c.pop());
    c.push_null();
    c.push(value);
    next()
}

#[inline(always)]
pub(in crate::eval) fn load_method_module(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    load_method_form(c, ex, oparg, false, |owner, instr| {
        attrs::module_attr(owner, instr.cache_u32(1), instr.cache(3)).map(Obj::to_owned)
    })
}

#[inline(always)]
pub(in crate::eval) fn load_method_class(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    load_method_form(c, ex, oparg, false, |owner, instr| {
        attrs::class_method(owner, instr.cache_u32(1), instr.cache_u64(6)).map(Obj::to_owned)
    })
}
