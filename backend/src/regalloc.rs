//! Linear-scan register allocation over a trace's linear code, shared by the backends.
//!
//! The trace is numbered as one straight line: the preamble, the phi initialisation, the body,
//! then the back-edge (where the phis take their `next` values). Instruction `k` of that line
//! reads its operands (and the live values of its exit) at position `2k` and defines its result
//! at `2k + 1`, so a result may take the register of an operand that dies at the same
//! instruction. A backend must therefore write a result only after the instruction's last exit
//! branch.
//!
//! Each value gets one location for its whole life: a register, a stack slot, or (for `Const`)
//! an immediate that the backend materialises at each use. Values defined in the preamble and
//! used in the body stay live across the whole loop. A phi lives from the top of the body to
//! its last use there; its location is written by the back-edge's parallel move, which reads
//! every `next` before writing any phi. Values that must survive a helper call (live across it,
//! or read by the exit the call may take) only get callee-saved registers, so no code saves
//! registers around calls.
//!
//! Floats form their own register class: they get vector registers (`Loc::Xmm`), which are all
//! caller-saved, so a float that must survive a helper call gets a spill slot instead.

use justjit_tracer::ir::{Flags, Inst, Kind, Op, Trace, Value};

use crate::CompileError;

/// Where a value lives.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Loc {
    /// A general-purpose register, by its hardware number.
    Reg(u8),
    /// A vector register (`xmm`), by its hardware number; only for floats.
    Xmm(u8),
    /// A spill slot (index into the frame's spill area).
    Stack(u32),
    /// An immediate (the value is a `Const`).
    Imm(u64),
}

/// The registers the allocator may hand out.
pub struct RegPools {
    /// Clobbered by helper calls; tried first for values that do not cross a call.
    pub caller_saved: &'static [u8],
    /// Preserved by helper calls.
    pub callee_saved: &'static [u8],
    /// Vector registers for floats; all clobbered by helper calls.
    pub xmm: &'static [u8],
}

/// Registers are numbered internally with the vector registers after the general-purpose ones.
const XMM_BASE: u8 = 32;

fn reg_loc(r: u8) -> Loc {
    if r >= XMM_BASE {
        Loc::Xmm(r - XMM_BASE)
    } else {
        Loc::Reg(r)
    }
}

/// The allocator's result.
#[derive(Debug)]
pub struct Allocation {
    /// The location of each value, indexed by `Value.0` (`None` for values never defined).
    pub locs: Vec<Option<Loc>>,
    /// The number of spill slots used.
    pub spill_slots: u32,
}

impl Allocation {
    /// The location of a value the allocator has seen defined.
    pub fn loc(&self, value: Value) -> Loc {
        self.locs[value.0 as usize].expect("value allocated")
    }
}

#[derive(Clone, Default)]
struct Interval {
    start: Option<u32>,
    end: u32,
    /// Must survive a helper call.
    crosses_call: bool,
    /// Defined in the preamble, used in the loop.
    loop_live: bool,
}

struct Builder<'a> {
    trace: &'a Trace,
    intervals: Vec<Interval>,
    calls: Vec<u32>,
    consts: Vec<Option<u64>>,
    /// Where the loop starts (the phi position).
    loop_start: u32,
}

impl Builder<'_> {
    fn slot(&mut self, value: Value) -> Result<&mut Interval, CompileError> {
        self.intervals
            .get_mut(value.0 as usize)
            .ok_or_else(|| CompileError::Invalid(format!("{value} has no kind")))
    }

    fn def(&mut self, value: Value, pos: u32) -> Result<(), CompileError> {
        let interval = self.slot(value)?;
        if interval.start.is_some() {
            return Err(CompileError::Invalid(format!("{value} is defined twice")));
        }
        interval.start = Some(pos);
        interval.end = pos;
        Ok(())
    }

    fn use_at(&mut self, value: Value, pos: u32) -> Result<(), CompileError> {
        let loop_start = self.loop_start;
        let interval = self.slot(value)?;
        let Some(start) = interval.start else {
            return Err(CompileError::Invalid(format!(
                "{value} is used before its definition"
            )));
        };
        interval.end = interval.end.max(pos);
        if start < loop_start && pos > loop_start {
            interval.loop_live = true;
        }
        Ok(())
    }

    fn inst(&mut self, inst: &Inst, pos: u32) -> Result<(), CompileError> {
        let calls = inst.op.flags().contains(Flags::CALLS);
        for value in inst.op.uses() {
            self.use_at(value, pos)?;
        }
        if let Some(exit) = inst.op.exit() {
            let exit = self
                .trace
                .exits
                .get(exit.0 as usize)
                .ok_or_else(|| CompileError::Invalid(format!("no exit {}", exit.0)))?;
            for value in exit.live_values() {
                self.use_at(value, pos)?;
                if calls {
                    self.slot(value)?.crosses_call = true;
                }
            }
        }
        if calls {
            self.calls.push(pos);
        }
        match (&inst.op, inst.dst) {
            (Op::Const { bits }, Some(dst)) => {
                self.def(dst, pos + 1)?;
                self.consts[dst.0 as usize] = Some(*bits);
            }
            (_, Some(dst)) => self.def(dst, pos + 1)?,
            (_, None) => {}
        }
        Ok(())
    }
}

/// Allocates every value of `trace` to the registers of `pools` or to spill slots. A phi asks
/// for its `init`'s register and a phi's `next` for the phi's, which saves moves when their
/// lives do not overlap.
pub fn allocate(trace: &Trace, pools: &RegPools) -> Result<Allocation, CompileError> {
    let nvalues = trace.kinds.len();
    let preamble_len = trace.preamble.len() as u32;
    let loop_start = 2 * preamble_len;
    let mut b = Builder {
        trace,
        intervals: vec![Interval::default(); nvalues],
        calls: Vec::new(),
        consts: vec![None; nvalues],
        loop_start,
    };
    for (k, inst) in trace.preamble.iter().enumerate() {
        b.inst(inst, 2 * k as u32)?;
    }
    for phi in &trace.phis {
        b.use_at(phi.init, loop_start)?;
    }
    for phi in &trace.phis {
        b.def(phi.value, loop_start + 1)?;
    }
    for (j, inst) in trace.body.iter().enumerate() {
        b.inst(inst, 2 * (preamble_len + 1 + j as u32))?;
    }
    let back_edge = 2 * (preamble_len + 1 + trace.body.len() as u32);
    for phi in &trace.phis {
        b.use_at(phi.next, back_edge)?;
    }
    let Builder {
        mut intervals,
        calls,
        consts,
        ..
    } = b;
    for interval in &mut intervals {
        if interval.loop_live {
            interval.end = back_edge + 1;
        }
        if let Some(start) = interval.start {
            // Calls are at even positions, results at odd ones: a call at `start - 1` defined
            // this value; one at `end` reads it before calling.
            let first = calls.partition_point(|&c| c <= start);
            if calls.get(first).is_some_and(|&c| c < interval.end) {
                interval.crosses_call = true;
            }
        }
    }

    // Register hints: a phi prefers its `init`'s register, a `next` its phi's.
    let mut hint: Vec<Option<Value>> = vec![None; nvalues];
    for phi in &trace.phis {
        hint[phi.value.0 as usize] = Some(phi.init);
        if hint[phi.next.0 as usize].is_none() {
            hint[phi.next.0 as usize] = Some(phi.value);
        }
    }

    let mut order: Vec<usize> = (0..nvalues)
        .filter(|&v| intervals[v].start.is_some() && consts[v].is_none())
        .collect();
    order.sort_by_key(|&v| (intervals[v].start, v));

    let mut locs: Vec<Option<Loc>> = consts.iter().map(|c| c.map(Loc::Imm)).collect();
    let mut spill_slots = 0u32;
    let mut free = [true; 256];
    // (end, value, register in the internal numbering)
    let mut active: Vec<(u32, usize, u8)> = Vec::new();
    let all: Vec<u8> = pools
        .caller_saved
        .iter()
        .chain(pools.callee_saved)
        .copied()
        .collect();
    let xmm: Vec<u8> = pools.xmm.iter().map(|&x| x + XMM_BASE).collect();
    for v in order {
        let Interval {
            start,
            end,
            crosses_call,
            ..
        } = intervals[v];
        let start = start.expect("defined");
        active.retain(|&(e, _, r)| {
            if e < start {
                free[r as usize] = true;
            }
            e >= start
        });
        let eligible: &[u8] = match (trace.kinds.get(v), crosses_call) {
            (Some(Kind::Float), true) => &[],
            (Some(Kind::Float), false) => &xmm,
            (_, true) => pools.callee_saved,
            (_, false) => &all,
        };
        let hinted = hint[v]
            .and_then(|h| locs[h.0 as usize])
            .and_then(|loc| match loc {
                Loc::Reg(r) => Some(r),
                Loc::Xmm(x) => Some(x + XMM_BASE),
                _ => None,
            })
            .filter(|&r| free[r as usize] && eligible.contains(&r));
        let chosen = hinted.or_else(|| eligible.iter().copied().find(|&r| free[r as usize]));
        if let Some(r) = chosen {
            free[r as usize] = false;
            active.push((end, v, r));
            locs[v] = Some(reg_loc(r));
            continue;
        }
        // No register: spill whichever of the candidates lives longest.
        let victim = active
            .iter()
            .enumerate()
            .filter(|(_, &(_, _, r))| eligible.contains(&r))
            .max_by_key(|(_, &(e, _, _))| e)
            .map(|(i, &entry)| (i, entry));
        match victim {
            Some((i, (victim_end, victim, r))) if victim_end > end => {
                locs[victim] = Some(Loc::Stack(spill_slots));
                spill_slots += 1;
                active[i] = (end, v, r);
                locs[v] = Some(reg_loc(r));
            }
            _ => {
                locs[v] = Some(Loc::Stack(spill_slots));
                spill_slots += 1;
            }
        }
    }
    Ok(Allocation { locs, spill_slots })
}
