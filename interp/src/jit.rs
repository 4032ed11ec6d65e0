//! The interface through which tier 2 plugs into the evaluator (DESIGN.md, "Crates"): the
//! evaluator counts backward jumps, reports a hot loop, hands each instruction it runs while
//! recording to a [`Recorder`], and enters a [`LoopExecutor`] installed at a loop's backward
//! jump. The `tracer` crate implements these traits; the binary installs it with [`install`].

use std::sync::{Arc, OnceLock};

use crate::cpython::cursor::{Cursor, FramePtr};
use crate::cpython::runtime::Thread;

/// Tier 2, as the evaluator sees it.
pub trait TraceJit: Send + Sync {
    /// Backward jumps a loop makes before it is recorded.
    fn hot_loop_threshold(&self) -> u32;
    /// Starts recording the loop of `frame` whose backward jump at code unit `anchor` goes to
    /// `head`. The frame is at `head`, about to run it, with `stack_depth` values on its stack.
    fn start_recording(
        &self,
        frame: FramePtr,
        head: u32,
        anchor: u32,
        stack_depth: usize,
    ) -> Box<dyn Recorder>;
}

/// One instruction about to run while a loop is being recorded.
pub struct InstrView<'a> {
    /// The frame's state before the instruction (stack, locals, names, constants).
    pub cursor: &'a Cursor,
    /// The instruction's first code unit (its EXTENDED_ARG prefix included).
    pub start: u32,
    /// The code unit of the opcode itself.
    pub opcode_unit: u32,
    /// The code unit after the instruction and its inline cache.
    pub next: u32,
    /// The base opcode (CPython's quickened forms mapped back).
    pub op: u8,
    pub oparg: u32,
}

/// What the recorder says after seeing an instruction.
pub enum Recording {
    /// Keep recording.
    Continue,
    /// The loop closed: this instruction is the loop's own backward jump.
    Close,
    /// Give up, for this reason (a snake_case name for the stats).
    Abort(&'static str),
}

/// Turns the instructions of one loop iteration into a trace.
pub trait Recorder {
    /// Called before `view`'s instruction runs, in the recorded frame.
    fn record(&mut self, view: &InstrView) -> Recording;
    /// The loop closed: compile it. `Err` gives the reason it could not be.
    fn finish(self: Box<Self>) -> Result<Arc<dyn LoopExecutor>, &'static str>;
    /// The recording was abandoned for `reason` (before or after `record` said so).
    fn aborted(self: Box<Self>, reason: &'static str);
}

/// Where the interpreter goes on after a trace exit: the frame's stack and locals are rebuilt.
pub struct TraceExit {
    /// The code unit to run next (or that raised, when `error`).
    pub resume: u32,
    /// An exception is set, raised by the instruction at `resume`.
    pub error: bool,
}

/// A compiled loop, entered at its head.
pub trait LoopExecutor: Send + Sync {
    /// Runs the trace on `frame` (position and stack stored in the frame), which is at the
    /// loop head. `None` when the trace does not apply to this frame (it was recorded for a
    /// function with other globals): the interpreter just goes on.
    fn run(&self, thread: Thread, frame: FramePtr) -> Option<TraceExit>;
}

static JIT: OnceLock<&'static dyn TraceJit> = OnceLock::new();

/// Installs tier 2 (once, before any Python code runs).
pub fn install(jit: &'static dyn TraceJit) {
    let _ = JIT.set(jit);
}

/// The installed tier 2, if any (none with `--no-jit`).
#[inline(always)]
pub fn get() -> Option<&'static dyn TraceJit> {
    JIT.get().copied()
}
