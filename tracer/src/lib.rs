//! justjit tier 2: records hot loops into micro-op traces, optimizes them and runs them.
//!
//! `record` observes one iteration of a hot loop in the tracing dispatch table; `lower`
//! turns it into the typed uops of `ir` (guards, unboxed arithmetic, a peeled preamble and a
//! loop body with phis); `uop_interp` runs them, or a backend compiles them; `executor`
//! installs the result at the loop and rebuilds the frame at exits; `jit` ties it together
//! behind the interpreter's `TraceJit` interface. `abi` is the contract with native code.

pub mod abi;
pub mod executor;
pub mod ir;
pub mod jit;
pub mod lower;
pub mod record;
pub mod uop_interp;

pub use justjit_interp as interp;
