//! Quickening: justjit's own copy of a code object's bytecode, where instructions are rewritten
//! to their adaptive and specialized forms and inline caches are kept (DESIGN.md,
//! "Specialization"). CPython's `co_code_adaptive` is never written: a frame handed back to
//! CPython's evaluator meets only CPython's own bytecode, and CPython's own quickening of that
//! bytecode never confuses ours.
//!
//! The copy has the same length and indices as the bytecode, and the inline caches sit where
//! 3.11 puts them (after each instruction of a family, `opcode._inline_cache_entries` units), so
//! jump offsets, exception-table entries and `prev_instr` translate one to one. The first cache
//! unit of every adaptive family is its counter:
//! - in an adaptive form, `value << 4 | backoff`: the instruction runs generically while the
//!   value counts down, then tries to specialize; each failure doubles the wait (backoff);
//! - in a specialized form, the number of misses left before it goes back to the adaptive form.

use crate::cpython::cursor::Units;
use crate::cpython::objects::_Py_CODEUNIT;
use crate::cpython::opcode::{self, *};

/// justjit's specialized forms beyond 3.11's, numbered in opcode space 3.11 leaves unused.
pub(crate) mod forms {
    /// `FOR_ITER` that has not chosen a form yet (3.11's FOR_ITER has no cache, so no counter:
    /// it specializes on its first run and goes back to adaptive on a miss).
    pub const FOR_ITER_ADAPTIVE: u8 = 181;
    pub const FOR_ITER_LIST: u8 = 182;
    pub const FOR_ITER_TUPLE: u8 = 183;
    pub const FOR_ITER_RANGE: u8 = 184;
    /// `FOR_ITER` over a generator: resumes the generator's frame in the evaluator's own loop
    /// (as 3.12's `FOR_ITER_GEN`), instead of through `gen_iternext` and the hook.
    pub const FOR_ITER_GEN: u8 = 185;
    /// Attribute and method sites that meet several classes (`specialize::poly`).
    pub const LOAD_ATTR_POLY: u8 = 186;
    pub const LOAD_METHOD_POLY: u8 = 187;
    pub const STORE_ATTR_POLY: u8 = 188;
    /// `CALL` of a Python class with `object.__new__` and a Python `__init__`: makes the
    /// instance and pushes `__init__`'s frame in the loop (as 3.13's
    /// `CALL_ALLOC_AND_ENTER_INIT`), instead of `type_call` and the frame hook.
    pub const CALL_PY_CLASS: u8 = 189;
    /// `COMPARE_OP` not followed by a conditional jump, pushing the bool (3.12's forms).
    pub const COMPARE_OP_INT: u8 = 190;
    pub const COMPARE_OP_FLOAT: u8 = 191;
    pub const COMPARE_OP_STR: u8 = 192;
    /// `LOAD_ATTR` of a class attribute (3.12's form).
    pub const LOAD_ATTR_CLASS: u8 = 193;
    /// `JUMP_BACKWARD` of a loop the tracing JIT has given up on (every recording of it
    /// aborted): checks the eval breaker but no longer reports the jump to the JIT, whose hot
    /// counter the loop's every iteration paid for otherwise.
    pub const JUMP_BACKWARD_QUIET: u8 = 194;

    /// justjit's forms: (name, number, base opcode).
    pub const ALL: &[(&str, u8, u8)] = &[
        ("FOR_ITER_ADAPTIVE", FOR_ITER_ADAPTIVE, super::FOR_ITER),
        ("FOR_ITER_LIST", FOR_ITER_LIST, super::FOR_ITER),
        ("FOR_ITER_TUPLE", FOR_ITER_TUPLE, super::FOR_ITER),
        ("FOR_ITER_RANGE", FOR_ITER_RANGE, super::FOR_ITER),
        ("FOR_ITER_GEN", FOR_ITER_GEN, super::FOR_ITER),
        ("LOAD_ATTR_POLY", LOAD_ATTR_POLY, super::LOAD_ATTR),
        ("LOAD_METHOD_POLY", LOAD_METHOD_POLY, super::LOAD_METHOD),
        ("STORE_ATTR_POLY", STORE_ATTR_POLY, super::STORE_ATTR),
        ("CALL_PY_CLASS", CALL_PY_CLASS, super::CALL),
        ("COMPARE_OP_INT", COMPARE_OP_INT, super::COMPARE_OP),
        ("COMPARE_OP_FLOAT", COMPARE_OP_FLOAT, super::COMPARE_OP),
        ("COMPARE_OP_STR", COMPARE_OP_STR, super::COMPARE_OP),
        ("LOAD_ATTR_CLASS", LOAD_ATTR_CLASS, super::LOAD_ATTR),
        (
            "JUMP_BACKWARD_QUIET",
            JUMP_BACKWARD_QUIET,
            super::JUMP_BACKWARD,
        ),
    ];
}

/// The base opcode of any form: CPython's own (`opcode::deopt`) or justjit's.
pub(crate) const fn base_of(op: u8) -> u8 {
    let mut i = 0;
    while i < forms::ALL.len() {
        if forms::ALL[i].1 == op {
            return forms::ALL[i].2;
        }
        i += 1;
    }
    opcode::deopt(op)
}

/// The name of any form.
#[cfg(test)]
pub(crate) fn form_name(op: u8) -> Option<&'static str> {
    forms::ALL
        .iter()
        .find(|f| f.1 == op)
        .map(|f| f.0)
        .or_else(|| opcode::name(op))
}

/// Whether form `op` runs two instructions in one dispatch (superinstructions, compares fused
/// with their jump, `s += t` fused with its store).
pub(crate) fn fuses_two(op: u8) -> bool {
    matches!(
        op,
        LOAD_FAST__LOAD_FAST
            | LOAD_FAST__LOAD_CONST
            | LOAD_CONST__LOAD_FAST
            | STORE_FAST__LOAD_FAST
            | STORE_FAST__STORE_FAST
            | COMPARE_OP_INT_JUMP
            | COMPARE_OP_FLOAT_JUMP
            | COMPARE_OP_STR_JUMP
            | BINARY_OP_INPLACE_ADD_UNICODE
    )
}

/// The adaptive form that quickening puts in place of a base opcode, if its family has one.
const fn adaptive_form(base: u8) -> Option<u8> {
    Some(match base {
        BINARY_OP => BINARY_OP_ADAPTIVE,
        BINARY_SUBSCR => BINARY_SUBSCR_ADAPTIVE,
        COMPARE_OP => COMPARE_OP_ADAPTIVE,
        LOAD_ATTR => LOAD_ATTR_ADAPTIVE,
        LOAD_GLOBAL => LOAD_GLOBAL_ADAPTIVE,
        LOAD_METHOD => LOAD_METHOD_ADAPTIVE,
        PRECALL => PRECALL_ADAPTIVE,
        CALL => CALL_ADAPTIVE,
        STORE_ATTR => STORE_ATTR_ADAPTIVE,
        STORE_SUBSCR => STORE_SUBSCR_ADAPTIVE,
        UNPACK_SEQUENCE => UNPACK_SEQUENCE_ADAPTIVE,
        FOR_ITER => forms::FOR_ITER_ADAPTIVE,
        _ => return None,
    })
}

/// Bits of the backoff exponent in an adaptive counter.
const BACKOFF_BITS: u16 = 4;
/// The largest backoff exponent: a family that keeps failing waits 4095 runs between tries.
const MAX_BACKOFF: u16 = 12;
/// Runs of an adaptive instruction before its first specialization attempt.
const WARMUP: u16 = 1;
/// Misses a specialized form takes before it goes back to its adaptive form (3.11's 53).
pub(crate) const MISS_BUDGET: u16 = 53;

const fn counter_bits(value: u16, backoff: u16) -> u16 {
    (value << BACKOFF_BITS) | backoff
}

/// The counter of a freshly quickened adaptive instruction.
pub(crate) const COUNTER_INITIAL: u16 = counter_bits(WARMUP, 0);
/// The counter of an adaptive instruction after a deopt: 31 runs, as 3.11's restart.
pub(crate) const COUNTER_RESTART: u16 = counter_bits(31, 5);

/// Whether an adaptive counter says "try to specialize now".
#[inline(always)]
pub(crate) fn counter_expired(counter: u16) -> bool {
    counter >> BACKOFF_BITS == 0
}

/// One run of the generic instruction: counts down.
#[inline(always)]
pub(crate) fn counter_tick(counter: u16) -> u16 {
    counter - (1 << BACKOFF_BITS)
}

/// The counter after a failed specialization attempt: wait twice as long as last time.
pub(crate) fn counter_backoff(counter: u16) -> u16 {
    let backoff = ((counter & ((1 << BACKOFF_BITS) - 1)) + 1).min(MAX_BACKOFF);
    counter_bits((1 << backoff) - 1, backoff)
}

/// Copies `code` (CPython's bytecode, possibly quickened by CPython itself) with every
/// instruction in its base form and zeroed caches, then quickens the copy: adaptive forms with
/// their counters, superinstructions for the pairs 3.11 fuses, and the `_QUICK` forms. Only
/// forms in `implemented` are written.
pub(super) fn quicken(code: &[_Py_CODEUNIT], implemented: &[bool; 256]) -> Units {
    let mut units: Vec<_Py_CODEUNIT> = Vec::with_capacity(code.len());
    let mut i = 0;
    while i < code.len() {
        let base = opcode::deopt((code[i] & 0xff) as u8);
        units.push((code[i] & 0xff00) | u16::from(base));
        let caches = opcode::cache_entries(base);
        units.extend(std::iter::repeat_n(0, caches.min(code.len() - i - 1)));
        i += 1 + caches;
    }
    units.truncate(code.len());
    quicken_in_place(&mut units, implemented);
    Units::new(units)
}

/// Rewrites the opcode of `unit` to `op` when the evaluator implements that form.
fn set_op(unit: &mut _Py_CODEUNIT, op: u8, implemented: &[bool; 256]) {
    if implemented[op as usize] {
        *unit = (*unit & 0xff00) | u16::from(op);
    }
}

/// 3.11's `_PyCode_Quicken` over base-form units, with justjit's adaptive forms.
fn quicken_in_place(units: &mut [_Py_CODEUNIT], implemented: &[bool; 256]) {
    let mut previous: Option<u8> = None;
    let mut i = 0;
    while i < units.len() {
        let op = (units[i] & 0xff) as u8;
        if let Some(adaptive) = adaptive_form(op).filter(|&a| implemented[a as usize]) {
            set_op(&mut units[i], adaptive, implemented);
            if opcode::cache_entries(op) > 0 && i + 1 < units.len() {
                units[i + 1] = COUNTER_INITIAL;
            }
            previous = None;
            i += 1 + opcode::cache_entries(op);
            continue;
        }
        match op {
            EXTENDED_ARG => set_op(&mut units[i], EXTENDED_ARG_QUICK, implemented),
            JUMP_BACKWARD => set_op(&mut units[i], JUMP_BACKWARD_QUICK, implemented),
            RESUME => set_op(&mut units[i], RESUME_QUICK, implemented),
            LOAD_FAST => match previous {
                Some(LOAD_FAST) => set_op(&mut units[i - 1], LOAD_FAST__LOAD_FAST, implemented),
                Some(STORE_FAST) => set_op(&mut units[i - 1], STORE_FAST__LOAD_FAST, implemented),
                Some(LOAD_CONST) => set_op(&mut units[i - 1], LOAD_CONST__LOAD_FAST, implemented),
                _ => {}
            },
            STORE_FAST if previous == Some(STORE_FAST) => {
                set_op(&mut units[i - 1], STORE_FAST__STORE_FAST, implemented)
            }
            LOAD_CONST if previous == Some(LOAD_FAST) => {
                set_op(&mut units[i - 1], LOAD_FAST__LOAD_CONST, implemented)
            }
            _ => {}
        }
        previous = Some(op);
        i += 1 + opcode::cache_entries(op);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(op: u8, arg: u8) -> u16 {
        u16::from(op) | u16::from(arg) << 8
    }

    #[test]
    fn forms_use_numbers_cpython_leaves_free() {
        for (name, number, base) in forms::ALL {
            assert_eq!(opcode::name(*number), None, "{name}");
            assert_eq!(base_of(*number), *base);
            assert_eq!(form_name(*number), Some(*name));
        }
    }

    #[test]
    fn quickening_fuses_pairs_and_sets_counters() {
        let code = [
            unit(RESUME, 0),
            unit(LOAD_FAST, 0),
            unit(LOAD_FAST, 1),
            unit(BINARY_OP, 0),
            0,
            unit(STORE_FAST, 2),
            unit(STORE_FAST, 3),
            unit(LOAD_CONST, 0),
            unit(RETURN_VALUE, 0),
        ];
        let units = quicken(&code, &[true; 256]);
        let ops: Vec<u16> = units.to_vec();
        assert_eq!(
            ops,
            [
                unit(RESUME_QUICK, 0),
                unit(LOAD_FAST__LOAD_FAST, 0),
                unit(LOAD_FAST, 1),
                unit(BINARY_OP_ADAPTIVE, 0),
                COUNTER_INITIAL,
                unit(STORE_FAST__STORE_FAST, 2),
                unit(STORE_FAST, 3),
                unit(LOAD_CONST, 0),
                unit(RETURN_VALUE, 0),
            ]
        );
    }

    #[test]
    fn cpython_quickened_code_is_copied_in_base_form() {
        // CPython's own specialized form and a stale cache value come back as base + zero.
        let code = [unit(LOAD_ATTR_SLOT, 3), 77, 1, 2, 3, unit(RETURN_VALUE, 0)];
        let units = quicken(&code, &[false; 256]);
        let ops: Vec<u16> = units.to_vec();
        assert_eq!(ops, [unit(LOAD_ATTR, 3), 0, 0, 0, 0, unit(RETURN_VALUE, 0)]);
    }

    #[test]
    fn backoff_doubles_and_saturates() {
        let mut counter = COUNTER_INITIAL;
        counter = counter_tick(counter);
        assert!(counter_expired(counter));
        let mut waits = vec![];
        for _ in 0..15 {
            counter = counter_backoff(counter);
            waits.push(counter >> BACKOFF_BITS);
        }
        assert_eq!(&waits[..4], &[1, 3, 7, 15]);
        assert_eq!(*waits.last().unwrap(), 4095);
    }
}
