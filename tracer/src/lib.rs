//! justjit tier 2: records hot loops into micro-op traces, optimizes them and runs them.
//!
//! Nothing is recorded yet: the Rust interpreter that feeds the recorder comes first.
//! The crate exists so that the dependency direction src -> backend -> tracer -> interp is
//! fixed from the start.

pub use justjit_interp as interp;
