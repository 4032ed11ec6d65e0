//! Executors: a compiled trace installed at a loop's backward jump, and the exit glue that
//! rebuilds the frame from an exit's snapshot so the interpreter goes on exactly there.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use justjit_interp::cpython::cursor::FramePtr;
use justjit_interp::cpython::fastpath;
use justjit_interp::cpython::object::{self as api, Obj, Owned};
use justjit_interp::cpython::runtime::Thread;
use justjit_interp::cpython::trace_runtime::{self as rt, TraceObj};
use justjit_interp::jit::{LoopExecutor, TraceExit};
use justjit_interp::stats;

use crate::abi::{CompiledTrace, TraceCtx};
use crate::ir::{Kind, Snap, Trace};

/// Exit buffers of up to this many values live on the stack of `run`.
const INLINE_EXIT_VALUES: usize = 64;

/// An executor is judged after this many entries...
const JUDGED_AFTER_ENTRIES: u64 = 256;
/// ...and retired when its entries completed fewer loop bodies than this many each, on
/// average (beyond the peeled first iteration): entering and leaving a trace costs about what
/// interpreting an iteration or two does (the frame's values written back, unboxed ones boxed
/// again). Two retired fannkuch's flip loop, which pays for itself.
const MIN_BODIES_PER_ENTRY: u64 = 1;

/// A compiled loop.
pub struct TraceExecutor {
    trace: Arc<Trace>,
    code: Box<dyn CompiledTrace>,
    /// The globals and builtins the trace's global loads were recorded with.
    globals: u64,
    builtins: u64,
    exit_buffer_len: usize,
    /// Entries, and loop bodies completed by them (only read and written with the GIL held).
    entries: AtomicU64,
    bodies: AtomicU64,
}

impl TraceExecutor {
    pub fn new(trace: Arc<Trace>, code: Box<dyn CompiledTrace>, frame: FramePtr) -> Self {
        let exit_buffer_len = trace.max_exit_values().max(1);
        TraceExecutor {
            globals: TraceObj::of(frame.globals()).bits(),
            builtins: TraceObj::of(frame.builtins()).bits(),
            trace,
            code,
            exit_buffer_len,
            entries: AtomicU64::new(0),
            bodies: AtomicU64::new(0),
        }
    }
}

impl Drop for TraceExecutor {
    fn drop(&mut self) {
        // Executors die with their code object, with the GIL held.
        for obj in &self.trace.keepalive {
            obj.decref();
        }
    }
}

/// Boxes an unboxed value of `kind` for the frame.
fn boxed(kind: Kind, bits: u64) -> api::PyResult<Owned> {
    match kind {
        Kind::Int => fastpath::new_int(bits as i64),
        Kind::Float => fastpath::new_float(f64::from_bits(bits)),
        Kind::Bool => Ok(Owned::bool(bits != 0)),
        Kind::Obj => unreachable!("an Obj is never unboxed"),
    }
}

impl LoopExecutor for TraceExecutor {
    fn run(&self, thread: Thread, frame: FramePtr) -> Option<TraceExit> {
        if TraceObj::of(frame.globals()).bits() != self.globals
            || TraceObj::of(frame.builtins()).bits() != self.builtins
        {
            return None;
        }
        // The exit values of most traces fit a buffer on the stack: loops that leave their
        // trace after a few iterations enter it often, and an allocation per entry showed.
        let mut inline = [0u64; INLINE_EXIT_VALUES];
        let mut heap: Vec<u64>;
        let buffer: &mut [u64] = if self.exit_buffer_len <= INLINE_EXIT_VALUES {
            &mut inline[..self.exit_buffer_len]
        } else {
            heap = vec![0u64; self.exit_buffer_len];
            &mut heap
        };
        let mut ctx = TraceCtx {
            localsplus: frame.localsplus_addr(),
            helpers: rt::helpers_addr(),
            eval_breaker: rt::eval_breaker_addr(thread),
            exit_values: buffer.as_mut_ptr() as u64,
            iterations: 0,
        };
        // Counted with the GIL held (traces run with it).
        stats::global().executors_entered.bump_with_gil();
        let index = self.code.run(frame, &mut ctx, buffer);
        stats::global().exits_taken.bump_with_gil();
        let mut exit = self.rebuild(frame, index as usize, buffer);
        exit.retire = self.count_entry(ctx.iterations);
        Some(exit)
    }
}

impl TraceExecutor {
    /// Counts an entry that completed `bodies` loop bodies; true when the executor has been
    /// entered enough to judge and its entries leave too early to pay for themselves.
    fn count_entry(&self, bodies: u64) -> bool {
        // Plain loads and stores: only the thread holding the GIL runs executors.
        let entries = self.entries.load(Ordering::Relaxed) + 1;
        let total = self.bodies.load(Ordering::Relaxed) + bodies;
        self.entries.store(entries, Ordering::Relaxed);
        self.bodies.store(total, Ordering::Relaxed);
        entries >= JUDGED_AFTER_ENTRIES && total < MIN_BODIES_PER_ENTRY * entries
    }

    /// Writes an exit's snapshot into the frame: the value stack first (it may borrow objects
    /// that stale locals still hold), then the locals the trace kept unboxed.
    fn rebuild(&self, frame: FramePtr, index: usize, values: &[u64]) -> TraceExit {
        let trace = &*self.trace;
        let exit = &trace.exits[index];
        let mut error = exit.error;
        let mut values = values.iter().copied();
        let mut materialize = |snap: Snap, error: &mut bool| -> Option<Owned> {
            let value = snap.value()?;
            let bits = values.next().expect("an exit value per live value");
            match snap {
                Snap::Owned(_) => TraceObj::from_exit_bits(bits).into_owned(),
                Snap::Borrowed(_) => TraceObj::from_exit_bits(bits).to_owned(),
                _ => match boxed(trace.kind(value), bits) {
                    Ok(obj) => Some(obj),
                    Err(_) => {
                        *error = true;
                        None
                    }
                },
            }
        };
        for (i, snap) in exit.stack.iter().enumerate() {
            if *snap == Snap::Frame {
                continue;
            }
            let obj = materialize(*snap, &mut error);
            frame.trace_store_slot(trace.nlocalsplus + i as u32, obj, false);
        }
        for (slot, snap) in &exit.locals {
            let obj = materialize(*snap, &mut error);
            if obj.is_some() {
                frame.trace_store_slot(*slot, obj, true);
            }
        }
        frame.trace_set_resume(exit.stack.len(), exit.resume as usize);
        TraceExit {
            resume: exit.resume,
            error,
            retire: false,
        }
    }
}

/// `qualname (file:line)` of the loop at code unit `head` of `frame`'s code.
pub fn loop_name(frame: FramePtr, head: u32) -> String {
    let code = frame.code_ref();
    let text = |obj: &Obj| api::str_to_string(obj).unwrap_or_else(|_| "?".into());
    let file = text(code.filename());
    let file = file.rsplit('/').next().unwrap_or(&file).to_string();
    format!(
        "{} ({}:{}) @{}",
        text(code.qualname()),
        file,
        code.line_of(head as usize),
        head * 2
    )
}
