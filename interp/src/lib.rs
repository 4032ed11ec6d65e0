//! justjit tier 1: the CPython 3.11 layer and the frame evaluator installed through PEP 523.
//!
//! `cpython` is the only module with `unsafe` code: struct mirrors, FFI declarations,
//! embedding and the built-in `justjit` module. Everything else works through its safe wrappers.

pub mod cpython;
pub mod eval;
pub mod jit;
pub mod stats;
