//! Tier 1's specialization as tier 2 sees it: decodes the form and inline cache of the
//! instruction about to run into a [`Spec`], after checking that the form's guards hold for the
//! operands on the stack (so a recording never takes knowledge from a form that is about to
//! miss). The cache layouts are those documented in `specialize`'s family modules; the guards
//! are the forms' own (`cpython::attrs`, `specialize::poly`).

use crate::cpython::attrs;
use crate::cpython::cursor::{Cursor, InstrRef};
use crate::cpython::fastpath;
use crate::cpython::object::{self as api, Obj};
use crate::cpython::opcode::*;
use crate::cpython::trace_runtime::{addrs, TraceObj};
use crate::jit::{Builtin, DictEntry, IterKind, Spec};

use super::quicken::forms;
use super::specialize::poly;

/// What the form `form` of the instruction `instr` (about to run in `cursor`'s frame, with its
/// operands on `cursor`'s stack) establishes.
pub(super) fn describe(cursor: &Cursor, instr: InstrRef, form: u8, oparg: u32) -> Spec {
    if matches!(form, LOAD_GLOBAL_MODULE | LOAD_GLOBAL_BUILTIN) {
        return global(cursor, instr, form, oparg);
    }
    let depth = cursor.stack_depth();
    let operand = |d: usize| (d <= depth).then(|| cursor.peek_opt(d)).flatten();
    let (Some(top), second) = (operand(1), operand(2)) else {
        return Spec::None;
    };
    match form {
        BINARY_OP_ADD_INT
        | BINARY_OP_SUBTRACT_INT
        | BINARY_OP_MULTIPLY_INT
        | COMPARE_OP_INT_JUMP
        | forms::COMPARE_OP_INT => both(second, top, Builtin::Int),
        BINARY_OP_ADD_FLOAT
        | BINARY_OP_SUBTRACT_FLOAT
        | BINARY_OP_MULTIPLY_FLOAT
        | COMPARE_OP_FLOAT_JUMP
        | forms::COMPARE_OP_FLOAT => both(second, top, Builtin::Float),
        BINARY_OP_ADD_UNICODE
        | BINARY_OP_INPLACE_ADD_UNICODE
        | COMPARE_OP_STR_JUMP
        | forms::COMPARE_OP_STR => both(second, top, Builtin::Str),
        BINARY_SUBSCR_LIST_INT => subscr(second, top, Builtin::List, Obj::is_exact_list),
        BINARY_SUBSCR_TUPLE_INT => subscr(second, top, Builtin::Tuple, Obj::is_exact_tuple),
        BINARY_SUBSCR_DICT => container(second, Builtin::Dict, Obj::is_exact_dict),
        STORE_SUBSCR_LIST_INT => subscr(second, top, Builtin::List, Obj::is_exact_list),
        STORE_SUBSCR_DICT => container(second, Builtin::Dict, Obj::is_exact_dict),
        UNPACK_SEQUENCE_TWO_TUPLE | UNPACK_SEQUENCE_TUPLE => holds(
            top.is_exact_tuple() && api::tuple_len(top) == oparg as usize,
            Spec::Unpack(Builtin::Tuple),
        ),
        UNPACK_SEQUENCE_LIST => holds(
            top.is_exact_list() && fastpath::list_len(top) == oparg as isize,
            Spec::Unpack(Builtin::List),
        ),
        forms::FOR_ITER_LIST => iter(top, addrs::list_iter_type(), IterKind::List),
        forms::FOR_ITER_TUPLE => iter(top, addrs::tuple_iter_type(), IterKind::Tuple),
        forms::FOR_ITER_RANGE => iter(top, addrs::range_iter_type(), IterKind::Range),
        forms::FOR_ITER_GEN => iter(top, addrs::generator_type(), IterKind::Generator),
        LOAD_ATTR_INSTANCE_VALUE => {
            let (type_version, index) = (instr.cache_u32(1), instr.cache(3));
            holds(
                attrs::instance_value(top, type_version, index).is_some(),
                Spec::InstanceValue {
                    type_version,
                    index,
                },
            )
        }
        STORE_ATTR_INSTANCE_VALUE => {
            let (type_version, index) = (instr.cache_u32(1), instr.cache(3));
            holds(
                attrs::instance_values_present(top, type_version),
                Spec::InstanceValue {
                    type_version,
                    index,
                },
            )
        }
        forms::LOAD_ATTR_POLY | forms::STORE_ATTR_POLY => {
            let tables = poly::tables(cursor.frame());
            let Some(entry) = tables.find(instr.cache(3), attrs::type_version(top)) else {
                return Spec::None;
            };
            let present = if form == forms::LOAD_ATTR_POLY {
                attrs::instance_value(top, entry.type_version, entry.index).is_some()
            } else {
                attrs::instance_values_present(top, entry.type_version)
            };
            holds(
                present,
                Spec::InstanceValue {
                    type_version: entry.type_version,
                    index: entry.index,
                },
            )
        }
        LOAD_ATTR_SLOT | STORE_ATTR_SLOT => {
            let (type_version, offset) = (instr.cache_u32(1), instr.cache(3));
            let present = if form == LOAD_ATTR_SLOT {
                attrs::slot_value(top, type_version, offset).is_some()
            } else {
                attrs::type_version_is(top, type_version)
            };
            holds(
                present,
                Spec::Member {
                    type_version,
                    offset,
                },
            )
        }
        LOAD_ATTR_MODULE | LOAD_METHOD_MODULE => {
            let (keys_version, index) = (instr.cache_u32(1), instr.cache(3));
            if attrs::module_attr(top, keys_version, index).is_none() {
                return Spec::None;
            }
            match attrs::module_dict(top).and_then(|dict| dict_entry(dict, keys_version, index)) {
                Some(entry) => Spec::ModuleAttr { entry },
                None => Spec::None,
            }
        }
        forms::LOAD_ATTR_CLASS => {
            let (version, slot) = (instr.cache_u32(1), instr.cache(3));
            let value = poly::tables(cursor.frame())
                .first(slot)
                .and_then(|entry| attrs::class_attr(top, version, entry.method));
            value.map_or(Spec::None, |value| class_attr(top, version, value))
        }
        LOAD_METHOD_CLASS => {
            let version = instr.cache_u32(1);
            attrs::class_method(top, version, instr.cache_u64(6))
                .map_or(Spec::None, |value| class_attr(top, version, value))
        }
        LOAD_METHOD_NO_DICT => method(top, instr.cache_u32(1), None, instr.cache_u64(6)),
        LOAD_METHOD_WITH_VALUES => method(
            top,
            instr.cache_u32(1),
            Some(instr.cache_u32(4)),
            instr.cache_u64(6),
        ),
        forms::LOAD_METHOD_POLY => {
            let tables = poly::tables(cursor.frame());
            match tables.find(instr.cache(3), attrs::type_version(top)) {
                Some(entry) => method(
                    top,
                    entry.type_version,
                    (entry.keys_version != 0).then_some(entry.keys_version),
                    entry.method,
                ),
                None => Spec::None,
            }
        }
        _ => Spec::None,
    }
}

/// A class attribute the form's guard gave: what guards its reads in a trace.
fn class_attr(class: &Obj, version: u32, value: &Obj) -> Spec {
    match attrs::value_type_guard(value) {
        Ok(value_type_version) => Spec::ClassAttr {
            class: attrs::cache_bits(class),
            version,
            value: attrs::cache_bits(value),
            value_type_version,
        },
        Err(_) => Spec::None,
    }
}

fn holds(condition: bool, spec: Spec) -> Spec {
    if condition {
        spec
    } else {
        Spec::None
    }
}

fn is_exact(obj: &Obj, ty: Builtin) -> bool {
    match ty {
        Builtin::Int => obj.is_exact_int(),
        Builtin::Float => obj.is_exact_float(),
        Builtin::Str => obj.is_exact_str(),
        Builtin::List => obj.is_exact_list(),
        Builtin::Tuple => obj.is_exact_tuple(),
        Builtin::Dict => obj.is_exact_dict(),
    }
}

fn both(a: Option<&Obj>, b: &Obj, ty: Builtin) -> Spec {
    holds(
        a.is_some_and(|a| is_exact(a, ty)) && is_exact(b, ty),
        Spec::Operands(ty),
    )
}

fn subscr(container: Option<&Obj>, index: &Obj, ty: Builtin, check: fn(&Obj) -> bool) -> Spec {
    holds(
        container.is_some_and(check) && index.is_exact_int(),
        Spec::Subscr(ty),
    )
}

fn container(container: Option<&Obj>, ty: Builtin, check: fn(&Obj) -> bool) -> Spec {
    holds(container.is_some_and(check), Spec::Subscr(ty))
}

fn iter(it: &Obj, type_addr: u64, kind: IterKind) -> Spec {
    holds(TraceObj::of(it).type_addr() == type_addr, Spec::Iter(kind))
}

/// The entry `index` of `dict` (whose keys have `keys_version`), with its value set.
fn dict_entry(dict: &Obj, keys_version: u32, index: u16) -> Option<DictEntry> {
    Some(DictEntry {
        keys_version,
        index,
        value_offset: attrs::entry_value_offset(dict, keys_version, index)?,
    })
}

fn global(cursor: &Cursor, instr: InstrRef, form: u8, oparg: u32) -> Spec {
    let frame = cursor.frame();
    let (version, index) = (instr.cache_u32(2), instr.cache(1));
    if form == LOAD_GLOBAL_MODULE {
        return match dict_entry(frame.globals(), version, index) {
            Some(entry) => Spec::GlobalModule { entry },
            None => Spec::None,
        };
    }
    let (globals, builtins) = (frame.globals(), frame.builtins());
    let name = cursor.name(oparg as usize >> 1);
    if attrs::builtin_by_key(globals, builtins, version, index, name).is_none() {
        return Spec::None;
    }
    // The cache checks the builtins entry's key; a trace checks the builtins' keys version.
    let Ok(attrs::DictSlot {
        version: Some(builtins_version),
        ..
    }) = attrs::dict_slot(builtins, name)
    else {
        return Spec::None;
    };
    match dict_entry(builtins, builtins_version, index) {
        Some(entry) => Spec::GlobalBuiltin {
            globals_version: version,
            entry,
        },
        None => Spec::None,
    }
}

fn method(owner: &Obj, type_version: u32, keys_version: Option<u32>, method: u64) -> Spec {
    let found = match keys_version {
        Some(keys) => attrs::method_with_values(owner, type_version, keys, method).is_some(),
        None => attrs::method_no_dict(owner, type_version, method).is_some(),
    };
    holds(
        found,
        Spec::Method {
            type_version,
            keys_version,
            method,
        },
    )
}
