//! justjit native backends: assembles optimized tier-2 traces to x86-64 and AArch64.
//!
//! No trace reaches a backend yet; see the tracer crate.

pub use justjit_tracer as tracer;
