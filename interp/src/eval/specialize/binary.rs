//! Families of operators, subscripts, unpacking and iteration: `BINARY_OP`, `COMPARE_OP` (fused
//! with the conditional jump after it), `BINARY_SUBSCR`, `STORE_SUBSCR`, `UNPACK_SEQUENCE` —
//! 3.11's forms — and `FOR_ITER` over lists, tuples and ranges (justjit's, as later CPythons).
//!
//! Specialized forms guard on exact built-in types; the int forms compute small ints (one
//! 30-bit digit) directly and leave bigger ints to CPython's int arithmetic, like 3.11's.

use crate::cpython::attrs;
use crate::cpython::ccall;
use crate::cpython::cursor::{Cursor, InstrRef};
use crate::cpython::fastpath::{self, float_value, new_int, small_int, IterStep};
use crate::cpython::generators;
use crate::cpython::object::{self as api, Obj, Owned, PyResult};
use crate::cpython::opcode::*;

use super::super::calls::enter_in_loop;
use super::super::fast::decide;
use super::super::instructions::{self as generic, next};
use super::super::quicken::forms::*;
use super::super::{can_inline, Exec, Step};
use super::{adapt, hit, miss, Choice};

// BINARY_OP's opargs (`opcode._nb_ops`).
const NB_ADD: u32 = 0;
const NB_MULTIPLY: u32 = 5;
const NB_SUBTRACT: u32 = 10;
const NB_INPLACE_ADD: u32 = 13;
const NB_INPLACE_MULTIPLY: u32 = 18;
const NB_INPLACE_SUBTRACT: u32 = 23;

// --- BINARY_OP ------------------------------------------------------------------------------

fn choose_binary_op(oparg: u32, lhs: &Obj, rhs: &Obj, inplace_target: bool) -> Choice {
    let both = |check: fn(&Obj) -> bool| check(lhs) && check(rhs);
    match oparg {
        NB_ADD | NB_INPLACE_ADD => {
            if both(Obj::is_exact_str) {
                if oparg == NB_INPLACE_ADD && inplace_target {
                    Ok(BINARY_OP_INPLACE_ADD_UNICODE)
                } else {
                    Ok(BINARY_OP_ADD_UNICODE)
                }
            } else if both(Obj::is_exact_int) {
                Ok(BINARY_OP_ADD_INT)
            } else if both(Obj::is_exact_float) {
                Ok(BINARY_OP_ADD_FLOAT)
            } else {
                Err(operand_kind(lhs, rhs))
            }
        }
        NB_MULTIPLY | NB_INPLACE_MULTIPLY | NB_SUBTRACT | NB_INPLACE_SUBTRACT => {
            let multiply = oparg == NB_MULTIPLY || oparg == NB_INPLACE_MULTIPLY;
            if both(Obj::is_exact_int) {
                Ok(if multiply {
                    BINARY_OP_MULTIPLY_INT
                } else {
                    BINARY_OP_SUBTRACT_INT
                })
            } else if both(Obj::is_exact_float) {
                Ok(if multiply {
                    BINARY_OP_MULTIPLY_FLOAT
                } else {
                    BINARY_OP_SUBTRACT_FLOAT
                })
            } else {
                Err(operand_kind(lhs, rhs))
            }
        }
        _ => Err("other_operator"),
    }
}

/// The failure kind for operands no form covers.
fn operand_kind(lhs: &Obj, rhs: &Obj) -> &'static str {
    if lhs.type_ptr() != rhs.type_ptr() {
        "different_types"
    } else if lhs.is_exact_int() || lhs.is_exact_float() || lhs.is_exact_str() {
        "unsupported_type"
    } else {
        "other_type"
    }
}

/// Whether the instruction after this `BINARY_OP` stores into the local that holds its left
/// operand (`s += t`), as `BINARY_OP_INPLACE_ADD_UNICODE` needs.
#[inline(always)]
fn stores_back_to_lhs(c: &Cursor) -> Option<usize> {
    let (op, arg) = c.peek_next_unit_after_cache(1);
    if super::super::base_opcode(op) != STORE_FAST {
        return None;
    }
    let lhs = c.peek(2);
    c.local(arg as usize)
        .is_some_and(|v| v.is(lhs))
        .then_some(arg as usize)
}

#[inline(always)]
pub(in crate::eval) fn binary_op_adaptive(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    let (lhs, rhs) = (c.peek(2), c.peek(1));
    let target = stores_back_to_lhs(c).is_some();
    adapt(c.instr(), BINARY_OP, move || {
        choose_binary_op(oparg, lhs, rhs, target)
    });
    generic::binary_op(c, ex, oparg)
}

/// A `BINARY_OP` form: `guard` on both operands, then `compute` (which may return `None` to
/// leave the operands to CPython, e.g. ints too big for the direct path).
#[inline(always)]
fn binary_form(
    c: &mut Cursor,
    ex: &mut Exec,
    oparg: u32,
    guard: fn(&Obj) -> bool,
    compute: impl FnOnce(&Obj, &Obj) -> Option<PyResult<Owned>>,
) -> Step {
    let (lhs, rhs) = (c.peek(2), c.peek(1));
    if !(guard(lhs) && guard(rhs)) {
        miss(c.instr(), BINARY_OP, BINARY_OP_ADAPTIVE);
        return generic::binary_op(c, ex, oparg);
    }
    hit(BINARY_OP);
    let result = compute(lhs, rhs).unwrap_or_else(|| api::binary_op(oparg, lhs, rhs));
    let rhs = c.pop();
    let lhs = c.pop();
    drop((lhs, rhs));
    c.push(result?);
    next()
}

fn small_ints(lhs: &Obj, rhs: &Obj) -> Option<(i64, i64)> {
    Some((small_int(lhs)?, small_int(rhs)?))
}

#[inline(always)]
pub(in crate::eval) fn binary_op_add_int(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    binary_form(c, ex, oparg, Obj::is_exact_int, |l, r| {
        small_ints(l, r).map(|(x, y)| new_int(x + y))
    })
}

#[inline(always)]
pub(in crate::eval) fn binary_op_subtract_int(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    binary_form(c, ex, oparg, Obj::is_exact_int, |l, r| {
        small_ints(l, r).map(|(x, y)| new_int(x - y))
    })
}

#[inline(always)]
pub(in crate::eval) fn binary_op_multiply_int(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    // |x|, |y| < 2**30: the product fits an i64.
    binary_form(c, ex, oparg, Obj::is_exact_int, |l, r| {
        small_ints(l, r).map(|(x, y)| new_int(x * y))
    })
}

/// A float `BINARY_OP` form: both operands exact floats, the result written into one of them
/// when nothing else holds it (`fastpath::float_result_consuming`).
#[inline(always)]
fn float_form(c: &mut Cursor, ex: &mut Exec, oparg: u32, op: fn(f64, f64) -> f64) -> Step {
    let (Some(x), Some(y)) = (float_value(c.peek(2)), float_value(c.peek(1))) else {
        miss(c.instr(), BINARY_OP, BINARY_OP_ADAPTIVE);
        return generic::binary_op(c, ex, oparg);
    };
    hit(BINARY_OP);
    let rhs = c.pop();
    let lhs = c.pop();
    c.push(fastpath::float_result_consuming(lhs, rhs, op(x, y))?);
    next()
}

#[inline(always)]
pub(in crate::eval) fn binary_op_add_float(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    float_form(c, ex, oparg, |x, y| x + y)
}

#[inline(always)]
pub(in crate::eval) fn binary_op_subtract_float(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    float_form(c, ex, oparg, |x, y| x - y)
}

#[inline(always)]
pub(in crate::eval) fn binary_op_multiply_float(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    float_form(c, ex, oparg, |x, y| x * y)
}

#[inline(always)]
pub(in crate::eval) fn binary_op_add_unicode(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    binary_form(c, ex, oparg, Obj::is_exact_str, |_, _| None)
}

/// `s += t` on str with the result stored back to the local `s` (the `STORE_FAST` after it is
/// skipped): the string grows in place when the local holds its only reference.
#[inline(always)]
pub(in crate::eval) fn binary_op_inplace_add_unicode(
    c: &mut Cursor,
    ex: &mut Exec,
    oparg: u32,
) -> Step {
    let guard = c.peek(2).is_exact_str() && c.peek(1).is_exact_str();
    let target = if guard { stores_back_to_lhs(c) } else { None };
    let Some(local) = target else {
        miss(c.instr(), BINARY_OP, BINARY_OP_ADAPTIVE);
        return generic::binary_op(c, ex, oparg);
    };
    hit(BINARY_OP);
    let rhs = c.pop();
    drop(c.pop()); // the stack's reference to the left operand; the local keeps one
    let ok = c.local_str_append(local, &rhs);
    drop(rhs);
    if !ok {
        return Err(api::Raised);
    }
    // Skip this instruction's cache and the STORE_FAST.
    c.skip(1);
    next()
}

// --- COMPARE_OP fused with the jump after it ------------------------------------------------

/// The conditional jump right after a `COMPARE_OP` (and its cache): whether it jumps when the
/// comparison is true.
fn fused_jump(op: u8) -> Option<bool> {
    match op {
        POP_JUMP_FORWARD_IF_TRUE | POP_JUMP_BACKWARD_IF_TRUE => Some(true),
        POP_JUMP_FORWARD_IF_FALSE | POP_JUMP_BACKWARD_IF_FALSE => Some(false),
        _ => None,
    }
}

/// 3.11's jump forms when a conditional jump follows; otherwise justjit's forms that push the
/// bool (as 3.12's), for the same operand types.
fn choose_compare_op(oparg: u32, lhs: &Obj, rhs: &Obj, next_op: u8) -> Choice {
    let jump = fused_jump(next_op).is_some();
    let pick = |with_jump, without| Ok(if jump { with_jump } else { without });
    if lhs.type_ptr() != rhs.type_ptr() {
        return Err("different_types");
    }
    if lhs.is_exact_float() {
        pick(COMPARE_OP_FLOAT_JUMP, COMPARE_OP_FLOAT)
    } else if lhs.is_exact_int() {
        if small_int(lhs).is_some() && small_int(rhs).is_some() {
            pick(COMPARE_OP_INT_JUMP, COMPARE_OP_INT)
        } else {
            Err("big_int")
        }
    } else if lhs.is_exact_str() {
        if oparg == 2 || oparg == 3 {
            pick(COMPARE_OP_STR_JUMP, COMPARE_OP_STR)
        } else {
            Err("string_ordering")
        }
    } else {
        Err("other_type")
    }
}

#[inline(always)]
pub(in crate::eval) fn compare_op_adaptive(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    let (lhs, rhs) = (c.peek(2), c.peek(1));
    let (next_op, _) = c.peek_next_unit_after_cache(2);
    adapt(c.instr(), COMPARE_OP, move || {
        choose_compare_op(oparg, lhs, rhs, next_op)
    });
    generic::compare_op(c, ex, oparg)
}

/// A compare-and-jump form: `compare` gives the outcome (`None` = guard failed); then the
/// jump after the compare runs in the same dispatch.
#[inline(always)]
fn compare_jump_form(
    c: &mut Cursor,
    ex: &mut Exec,
    oparg: u32,
    compare: impl FnOnce(&Obj, &Obj) -> Option<bool>,
) -> Step {
    let Some(outcome) = compare(c.peek(2), c.peek(1)) else {
        miss(c.instr(), COMPARE_OP, COMPARE_OP_ADAPTIVE);
        return generic::compare_op(c, ex, oparg);
    };
    hit(COMPARE_OP);
    drop(c.pop());
    drop(c.pop());
    let (jump, offset) = c.fetch();
    if fused_jump(jump) != Some(outcome) {
        return next();
    }
    if jump == POP_JUMP_FORWARD_IF_TRUE || jump == POP_JUMP_FORWARD_IF_FALSE {
        c.skip(offset as usize);
        next()
    } else {
        c.jump_back(offset as usize);
        generic::back_edge_taken(ex)
    }
}

/// The comparisons of the int, float and str forms (`None` = guard failed), shared by the
/// forms with and without a jump.
#[inline(always)]
fn compare_small_ints(oparg: u32, l: &Obj, r: &Obj) -> Option<bool> {
    let (x, y) = small_ints(l, r)?;
    decide(oparg, x, y)
}

#[inline(always)]
fn compare_floats(oparg: u32, l: &Obj, r: &Obj) -> Option<bool> {
    decide(oparg, float_value(l)?, float_value(r)?)
}

/// `==` or `!=` (oparg 2 or 3, checked when specializing) of two exact strs.
#[inline(always)]
fn compare_strs(oparg: u32, l: &Obj, r: &Obj) -> Option<bool> {
    if !(l.is_exact_str() && r.is_exact_str()) {
        return None;
    }
    Some(api::str_equal(l, r) == (oparg == 2))
}

#[inline(always)]
pub(in crate::eval) fn compare_op_int_jump(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    compare_jump_form(c, ex, oparg, |l, r| compare_small_ints(oparg, l, r))
}

#[inline(always)]
pub(in crate::eval) fn compare_op_float_jump(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    compare_jump_form(c, ex, oparg, |l, r| compare_floats(oparg, l, r))
}

#[inline(always)]
pub(in crate::eval) fn compare_op_str_jump(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    compare_jump_form(c, ex, oparg, |l, r| compare_strs(oparg, l, r))
}

/// A `COMPARE_OP` form without a jump: `compare` decides (`None` = guard failed) and the bool
/// replaces the operands.
#[inline(always)]
fn compare_value_form(
    c: &mut Cursor,
    ex: &mut Exec,
    oparg: u32,
    compare: impl FnOnce(&Obj, &Obj) -> Option<bool>,
) -> Step {
    let Some(outcome) = compare(c.peek(2), c.peek(1)) else {
        miss(c.instr(), COMPARE_OP, COMPARE_OP_ADAPTIVE);
        return generic::compare_op(c, ex, oparg);
    };
    hit(COMPARE_OP);
    drop(c.pop());
    c.set(1, Owned::bool(outcome));
    next()
}

#[inline(always)]
pub(in crate::eval) fn compare_op_int(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    compare_value_form(c, ex, oparg, |l, r| compare_small_ints(oparg, l, r))
}

#[inline(always)]
pub(in crate::eval) fn compare_op_float(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    compare_value_form(c, ex, oparg, |l, r| compare_floats(oparg, l, r))
}

#[inline(always)]
pub(in crate::eval) fn compare_op_str(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    compare_value_form(c, ex, oparg, |l, r| compare_strs(oparg, l, r))
}

// --- BINARY_SUBSCR / STORE_SUBSCR -------------------------------------------------------------

fn choose_binary_subscr(instr: InstrRef, container: &Obj, sub: &Obj) -> Choice {
    if container.is_exact_list() {
        if small_int(sub).is_some_and(|i| i >= 0) {
            Ok(BINARY_SUBSCR_LIST_INT)
        } else {
            Err("list_non_int_subscript")
        }
    } else if container.is_exact_tuple() {
        if small_int(sub).is_some_and(|i| i >= 0) {
            Ok(BINARY_SUBSCR_TUPLE_INT)
        } else {
            Err("tuple_non_int_subscript")
        }
    } else if container.is_exact_dict() {
        Ok(BINARY_SUBSCR_DICT)
    } else if let Some(getitem) = ccall::python_getitem(container) {
        if !super::calls::runs_here_with(getitem, 2) {
            return Err("getitem_parameters");
        }
        let version = attrs::valid_type_version(container).ok_or("no_type_version")?;
        instr.set_cache_u32(1, version);
        Ok(BINARY_SUBSCR_GETITEM)
    } else {
        Err("other_type")
    }
}

/// `BINARY_SUBSCR_GETITEM`: the container's class still has its version; its `__getitem__`
/// (looked up again, since functions change without their class) runs in this loop with the
/// container and the key as its arguments.
#[inline(always)]
pub(in crate::eval) fn binary_subscr_getitem(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    let instr = c.instr();
    let container = c.peek(2);
    let getitem = attrs::type_version_is(container, instr.cache_u32(1))
        .then(|| ccall::python_getitem(container))
        .flatten()
        .filter(|getitem| super::calls::runs_here_with(getitem, 2))
        .map(Obj::to_owned);
    // No closure over `c` here: one that is not inlined would take the cursor's address.
    let pushed = match getitem {
        Some(getitem) => c.push_frame_with_top(ex.thread, &getitem, 2),
        None => None,
    };
    let Some(pushed) = pushed else {
        miss(instr, BINARY_SUBSCR, BINARY_SUBSCR_ADAPTIVE);
        return generic::binary_subscr(c, ex, oparg);
    };
    hit(BINARY_SUBSCR);
    enter_in_loop(c, ex, pushed?)
}

#[inline(always)]
pub(in crate::eval) fn binary_subscr_adaptive(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    let (container, sub) = (c.peek(2), c.peek(1));
    let instr = c.instr();
    adapt(instr, BINARY_SUBSCR, move || {
        choose_binary_subscr(instr, container, sub)
    });
    generic::binary_subscr(c, ex, oparg)
}

/// A subscript form: `get` gives the item (`None` = guard failed).
#[inline(always)]
fn subscr_form(
    c: &mut Cursor,
    ex: &mut Exec,
    oparg: u32,
    get: impl FnOnce(&Obj, &Obj) -> Option<PyResult<Owned>>,
) -> Step {
    let Some(item) = get(c.peek(2), c.peek(1)) else {
        miss(c.instr(), BINARY_SUBSCR, BINARY_SUBSCR_ADAPTIVE);
        return generic::binary_subscr(c, ex, oparg);
    };
    hit(BINARY_SUBSCR);
    let sub = c.pop();
    let container = c.pop();
    drop((container, sub));
    c.push(item?);
    next()
}

#[inline(always)]
pub(in crate::eval) fn binary_subscr_list_int(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    subscr_form(c, ex, oparg, |list, sub| {
        if !list.is_exact_list() {
            return None;
        }
        fastpath::sequence_item(list, sub).map(Ok)
    })
}

#[inline(always)]
pub(in crate::eval) fn binary_subscr_tuple_int(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    subscr_form(c, ex, oparg, |tuple, sub| {
        if !tuple.is_exact_tuple() {
            return None;
        }
        fastpath::sequence_item(tuple, sub).map(Ok)
    })
}

#[inline(always)]
pub(in crate::eval) fn binary_subscr_dict(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    subscr_form(c, ex, oparg, |dict, key| {
        if !dict.is_exact_dict() {
            return None;
        }
        Some(match api::dict_get(dict, key) {
            Ok(Some(value)) => Ok(value.to_owned()),
            // Missing: the generic subscript raises KeyError(key) exactly as CPython does.
            Ok(None) => api::getitem(dict, key),
            Err(e) => Err(e),
        })
    })
}

fn choose_store_subscr(container: &Obj, sub: &Obj) -> Choice {
    if container.is_exact_list() {
        if small_int(sub).is_some_and(|i| i >= 0) {
            Ok(STORE_SUBSCR_LIST_INT)
        } else {
            Err("list_non_int_subscript")
        }
    } else if container.is_exact_dict() {
        Ok(STORE_SUBSCR_DICT)
    } else {
        Err("other_type")
    }
}

#[inline(always)]
pub(in crate::eval) fn store_subscr_adaptive(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    let (container, sub) = (c.peek(2), c.peek(1));
    adapt(c.instr(), STORE_SUBSCR, move || {
        choose_store_subscr(container, sub)
    });
    generic::store_subscr(c, ex, oparg)
}

#[inline(always)]
pub(in crate::eval) fn store_subscr_list_int(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    let sub = c.pop();
    let list = c.pop();
    let value = c.pop();
    match fastpath::list_store(&list, &sub, value) {
        Ok(()) => {
            hit(STORE_SUBSCR);
            drop((list, sub));
            next()
        }
        Err(value) => {
            c.push(value);
            c.push(list);
            c.push(sub);
            miss(c.instr(), STORE_SUBSCR, STORE_SUBSCR_ADAPTIVE);
            generic::store_subscr(c, ex, oparg)
        }
    }
}

#[inline(always)]
pub(in crate::eval) fn store_subscr_dict(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    if !c.peek(2).is_exact_dict() {
        miss(c.instr(), STORE_SUBSCR, STORE_SUBSCR_ADAPTIVE);
        return generic::store_subscr(c, ex, oparg);
    }
    hit(STORE_SUBSCR);
    let key = c.pop();
    let dict = c.pop();
    let value = c.pop();
    let result = api::dict_set(&dict, &key, &value);
    drop((value, dict, key));
    result?;
    next()
}

// --- UNPACK_SEQUENCE ----------------------------------------------------------------------------

fn choose_unpack_sequence(seq: &Obj, n: u32) -> Choice {
    if seq.is_exact_tuple() {
        if fastpath::tuple_len(seq) != n as isize {
            Err("wrong_length")
        } else if n == 2 {
            Ok(UNPACK_SEQUENCE_TWO_TUPLE)
        } else {
            Ok(UNPACK_SEQUENCE_TUPLE)
        }
    } else if seq.is_exact_list() {
        if fastpath::list_len(seq) != n as isize {
            Err("wrong_length")
        } else {
            Ok(UNPACK_SEQUENCE_LIST)
        }
    } else {
        Err("other_type")
    }
}

#[inline(always)]
pub(in crate::eval) fn unpack_sequence_adaptive(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    let seq = c.peek(1);
    adapt(c.instr(), UNPACK_SEQUENCE, move || {
        choose_unpack_sequence(seq, oparg)
    });
    generic::outline(c, ex, oparg, generic::unpack_sequence)
}

/// Pushes the `n` items of the exact tuple or list on the top (replacing it), last item
/// deepest, as UNPACK_SEQUENCE does; `false` when the guard fails.
#[inline(always)]
fn unpack_exact(c: &mut Cursor, n: u32, list: bool) -> bool {
    let seq = c.pop();
    let Some(items) = fastpath::exact_items(&seq, n as usize, list) else {
        c.push(seq);
        return false;
    };
    for item in items.iter().rev() {
        c.push(Obj::to_owned(item));
    }
    drop(seq);
    true
}

#[inline(always)]
fn unpack_form(c: &mut Cursor, ex: &mut Exec, oparg: u32, list: bool, two: bool) -> Step {
    if (two && oparg != 2) || !unpack_exact(c, oparg, list) {
        miss(c.instr(), UNPACK_SEQUENCE, UNPACK_SEQUENCE_ADAPTIVE);
        return generic::outline(c, ex, oparg, generic::unpack_sequence);
    }
    hit(UNPACK_SEQUENCE);
    next()
}

#[inline(always)]
pub(in crate::eval) fn unpack_sequence_two_tuple(
    c: &mut Cursor,
    ex: &mut Exec,
    oparg: u32,
) -> Step {
    unpack_form(c, ex, oparg, false, true)
}

#[inline(always)]
pub(in crate::eval) fn unpack_sequence_tuple(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    unpack_form(c, ex, oparg, false, false)
}

#[inline(always)]
pub(in crate::eval) fn unpack_sequence_list(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    unpack_form(c, ex, oparg, true, false)
}

// --- FOR_ITER (justjit's forms) -------------------------------------------------------------------

/// FOR_ITER has no inline cache in 3.11, hence no counter: the adaptive form chooses on its
/// first run, and a form that misses goes straight back to it; an iterator of another kind
/// leaves the plain generic `FOR_ITER` in place.
#[inline(always)]
pub(in crate::eval) fn for_iter_adaptive(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    let iter = c.top();
    let form = if iter.is_exact(fastpath::list_iter_type()) {
        Some(FOR_ITER_LIST)
    } else if iter.is_exact(fastpath::tuple_iter_type()) {
        Some(FOR_ITER_TUPLE)
    } else if iter.is_exact(fastpath::range_iter_type()) {
        Some(FOR_ITER_RANGE)
    } else if generators::is_exact_generator(iter) && oparg < 256 {
        // The jump past the loop is read back from the instruction when the generator
        // returns, which needs it without an EXTENDED_ARG prefix.
        Some(FOR_ITER_GEN)
    } else {
        None
    };
    for_iter_choose(c.instr(), form);
    generic::for_iter(c, ex, oparg)
}

#[cold]
#[inline(never)]
fn for_iter_choose(instr: crate::cpython::cursor::InstrRef, form: Option<u8>) {
    let stats = crate::stats::local();
    match form {
        Some(form) => {
            stats.family_of(FOR_ITER).success.bump_with_gil();
            instr.set_opcode(form);
        }
        None => {
            stats.specialization_failed(FOR_ITER, "other_iterator");
            instr.set_opcode(FOR_ITER);
        }
    }
}

#[cold]
#[inline(never)]
fn for_iter_miss(instr: crate::cpython::cursor::InstrRef) {
    let family = crate::stats::local().family_of(FOR_ITER);
    family.miss.bump_with_gil();
    family.deopt.bump_with_gil();
    instr.set_opcode(FOR_ITER_ADAPTIVE);
}

#[inline(always)]
fn for_iter_form(c: &mut Cursor, ex: &mut Exec, oparg: u32, next_of: fn(&Obj) -> IterStep) -> Step {
    match next_of(c.top()) {
        IterStep::Item(item) => {
            hit(FOR_ITER);
            c.push(item);
            next()
        }
        IterStep::Exhausted => {
            hit(FOR_ITER);
            drop(c.pop());
            c.skip(oparg as usize);
            next()
        }
        IterStep::Other => {
            for_iter_miss(c.instr());
            generic::for_iter(c, ex, oparg)
        }
    }
}

#[inline(always)]
pub(in crate::eval) fn for_iter_list(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    for_iter_form(c, ex, oparg, fastpath::list_iter_next)
}

#[inline(always)]
pub(in crate::eval) fn for_iter_tuple(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    for_iter_form(c, ex, oparg, fastpath::tuple_iter_next)
}

/// Resumes the generator's frame in this loop; its yield pushes the value here and its return
/// ends the loop (`Exec::leave_inline_generator`). A generator that cannot run here (exhausted,
/// already running, its code handed to CPython) goes the generic way.
#[inline(always)]
pub(in crate::eval) fn for_iter_gen(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    let iter = c.top();
    if !generators::is_exact_generator(iter) {
        for_iter_miss(c.instr());
        return generic::for_iter(c, ex, oparg);
    }
    if ex.recording.is_none() {
        if let Some(gen) = generators::Resumable::check(iter, true, false) {
            if can_inline(gen.code()) {
                hit(FOR_ITER);
                let frame = gen.detach().resume_inline(ex.thread, Owned::none());
                return enter_in_loop(c, ex, frame);
            }
        }
    }
    generic::for_iter(c, ex, oparg)
}

#[inline(always)]
pub(in crate::eval) fn for_iter_range(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    for_iter_form(c, ex, oparg, fastpath::range_iter_next)
}
