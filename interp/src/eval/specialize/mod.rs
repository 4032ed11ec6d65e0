//! The specialized forms of 3.11's instruction families and justjit's additions, with the
//! adaptive instructions that choose them (PEP 659; the role of CPython's Python/specialize.c).
//!
//! Each family's module defines its adaptive form (count down; then try to specialize: rewrite
//! the instruction in justjit's quickened copy, or back off), its specialized forms (guards, the
//! fast path, and on a miss the generic instruction) and the failure kinds it counts. The table
//! in `instructions` lists every form once; `quicken::adaptive_form` says which families start
//! adaptive. Shared here: the counter protocol and the statistics.
//!
//! Handlers of the forms are hot instructions: they get the dispatch loop's cursor and must not
//! let it escape (pass values and [`InstrRef`]s to out-of-line code, never `&Cursor`).

mod attrs;
mod binary;
mod calls;
pub(super) mod poly;
mod superinstructions;

pub(super) use attrs::*;
pub(super) use binary::*;
pub(super) use calls::*;
pub(super) use superinstructions::*;

use crate::cpython::cursor::InstrRef;
use crate::stats;

use super::quicken::{
    counter_backoff, counter_expired, counter_tick, COUNTER_RESTART, MISS_BUDGET,
};

/// A specialization attempt's outcome: the form to rewrite the instruction to, or why none fits
/// (a failure kind, counted in the stats).
pub(super) type Choice = Result<u8, &'static str>;

/// The adaptive form of family `base` ran: counts down, or (when the counter expired) tries
/// `choose` and rewrites the instruction. The caller then runs the generic instruction.
#[inline(always)]
pub(super) fn adapt(instr: InstrRef, base: u8, choose: impl FnOnce() -> Choice) {
    let counter = instr.cache(0);
    if !counter_expired(counter) {
        instr.set_cache(0, counter_tick(counter));
        return;
    }
    specialize_now(instr, base, choose());
}

#[cold]
#[inline(never)]
fn specialize_now(instr: InstrRef, base: u8, choice: Choice) {
    let family = stats::local().family_of(base);
    match choice {
        Ok(form) => {
            family.success.bump_with_gil();
            instr.set_opcode(form);
            instr.set_cache(0, MISS_BUDGET);
        }
        Err(kind) => {
            stats::local().specialization_failed(base, kind);
            instr.set_cache(0, counter_backoff(instr.cache(0)));
        }
    }
}

/// A specialized form of family `base` ran its fast path.
#[inline(always)]
pub(super) fn hit(base: u8) {
    stats::local().family_of(base).hit.bump_with_gil();
}

/// A specialized form's guard failed (the caller then runs the generic instruction): after
/// [`MISS_BUDGET`] misses the instruction goes back to its adaptive form.
#[cold]
#[inline(never)]
pub(super) fn miss(instr: InstrRef, base: u8, adaptive: u8) {
    let family = stats::local().family_of(base);
    family.miss.bump_with_gil();
    let budget = instr.cache(0);
    if budget <= 1 {
        family.deopt.bump_with_gil();
        instr.set_opcode(adaptive);
        instr.set_cache(0, COUNTER_RESTART);
    } else {
        instr.set_cache(0, budget - 1);
    }
}
