//! The CPython 3.11 layer: everything that depends on the exact CPython version.
//!
//! Struct mirrors (`#[repr(C)]`, each checked field by field against the installed headers by
//! `interp/tests/layout.rs`), opcode facts (checked against the installed `opcode` module by
//! `interp/tests/opcodes.rs`), FFI declarations that pyo3-ffi does not provide, embedding, and the
//! built-in `justjit` module. A later CPython version is a sibling of this module.

pub mod attrs;
pub mod capi;
pub mod ccall;
pub mod code_extra;
pub mod cursor;
pub mod embed;
pub mod exc;
pub mod fastpath;
pub mod ffi;
pub mod frame;
pub mod generators;
mod hook;
pub mod layout;
pub mod module;
pub mod object;
pub mod objects;
pub mod opcode;
pub mod runtime;
pub mod state;
pub mod trace_runtime;
