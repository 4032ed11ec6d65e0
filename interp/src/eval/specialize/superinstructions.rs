//! 3.11's superinstructions: two instructions that quickening found next to each other run in
//! one dispatch. The second instruction is fetched as the loop would fetch it (so `prev_instr`
//! names it while it runs); it stays in place, so a jump to it still finds it.

use crate::cpython::cursor::Cursor;

use super::super::instructions::{load_const, load_fast, store_fast};
use super::super::{Exec, Step};

#[inline(always)]
pub(in crate::eval) fn load_fast_load_fast(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    load_fast(c, ex, oparg)?;
    let (_, second) = c.fetch();
    load_fast(c, ex, second)
}

#[inline(always)]
pub(in crate::eval) fn load_fast_load_const(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    load_fast(c, ex, oparg)?;
    let (_, second) = c.fetch();
    load_const(c, ex, second)
}

#[inline(always)]
pub(in crate::eval) fn load_const_load_fast(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    load_const(c, ex, oparg)?;
    let (_, second) = c.fetch();
    load_fast(c, ex, second)
}

#[inline(always)]
pub(in crate::eval) fn store_fast_load_fast(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    store_fast(c, ex, oparg)?;
    let (_, second) = c.fetch();
    load_fast(c, ex, second)
}

#[inline(always)]
pub(in crate::eval) fn store_fast_store_fast(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    store_fast(c, ex, oparg)?;
    let (_, second) = c.fetch();
    store_fast(c, ex, second)
}
