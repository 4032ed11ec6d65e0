//! justjit tier 2: records hot loops into micro-op traces, optimizes them and runs them.
//!
//! `ir` defines the uops; `abi` the contract between a trace and whoever runs it.

pub mod abi;
pub mod ir;

pub use justjit_interp as interp;
