//! The contract between a trace's executor and its caller: the context a native trace gets,
//! what it returns, and how it hands over the values of an exit.
//!
//! Native entry: `extern "sysv64" fn(ctx: *mut TraceCtx) -> u64` (on AArch64 the C ABI),
//! returning the index of the exit taken. Before returning, the trace writes the bits of
//! `trace.exits[i].live_values()` (in that order) to `exit_values[0..]`. The caller owns the
//! context; the trace reads `localsplus`, calls helpers through `helpers` (kept in a register,
//! so the code is position independent apart from object addresses) and polls `eval_breaker`.

use justjit_interp::cpython::cursor::FramePtr;

/// What a trace runs with. `#[repr(C)]`: native code reads the fields at the `CTX_*` offsets.
#[repr(C)]
#[derive(Debug)]
pub struct TraceCtx {
    /// `&frame->localsplus[0]`: locals, cells, free variables, then the value stack.
    pub localsplus: u64,
    /// The helper table: `HelperFn` entries indexed by `Helper as usize`.
    pub helpers: u64,
    /// The address of the interpreter's eval breaker (a 32-bit atomic int).
    pub eval_breaker: u64,
    /// Where the trace writes an exit's live values (at least `max_exit_values` entries).
    pub exit_values: u64,
    /// Loop bodies the trace completed since it was entered (the peeled first iteration, the
    /// preamble, not counted): the trace adds one at each jump back to its loop.
    pub iterations: u64,
}

pub const CTX_LOCALSPLUS: i32 = std::mem::offset_of!(TraceCtx, localsplus) as i32;
pub const CTX_HELPERS: i32 = std::mem::offset_of!(TraceCtx, helpers) as i32;
pub const CTX_EVAL_BREAKER: i32 = std::mem::offset_of!(TraceCtx, eval_breaker) as i32;
pub const CTX_EXIT_VALUES: i32 = std::mem::offset_of!(TraceCtx, exit_values) as i32;
pub const CTX_ITERATIONS: i32 = std::mem::offset_of!(TraceCtx, iterations) as i32;

/// A trace compiled by some backend (or interpreted): runs from the loop head until an exit.
pub trait CompiledTrace: Send + Sync {
    /// Runs the trace on `frame` (whose `localsplus` is `ctx.localsplus`); returns the exit
    /// taken, with its live values written to `exit_values` (which `ctx.exit_values` points to).
    fn run(&self, frame: FramePtr, ctx: &mut TraceCtx, exit_values: &mut [u64]) -> u32;
    /// Bytes of machine code (0 for the uop interpreter).
    fn code_bytes(&self) -> usize;
    /// The disassembly, for `--dump asm`.
    fn disassembly(&self) -> Option<String>;
}
