//! justjit native backends: assembles optimized tier-2 traces to machine code.
//!
//! A [`Backend`] turns a [`Trace`] into a [`CompiledTrace`] that runs natively with the ABI of
//! [`justjit_tracer::abi`]. The x86-64 emitter lives in [`x64`]; [`regalloc`] is the
//! linear-scan register allocator, [`codemem`] the W^X code memory.

use std::fmt;

pub use justjit_tracer as tracer;
use justjit_tracer::abi::CompiledTrace;
use justjit_tracer::ir::Trace;

pub mod codemem;
pub mod regalloc;
#[cfg(target_arch = "x86_64")]
pub mod x64;

/// Why a trace could not be compiled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompileError {
    /// The trace breaks an IR rule (a value used before its definition, a missing exit…).
    Invalid(String),
    /// The trace needs more than the backend supports (e.g. too many values for the frame).
    TooBig(String),
    /// The assembler or the code memory failed.
    Emit(String),
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CompileError::Invalid(msg) => write!(f, "invalid trace: {msg}"),
            CompileError::TooBig(msg) => write!(f, "trace too big: {msg}"),
            CompileError::Emit(msg) => write!(f, "cannot emit code: {msg}"),
        }
    }
}

impl std::error::Error for CompileError {}

/// A native code generator.
pub trait Backend: Sync {
    fn compile(&self, trace: &Trace) -> Result<Box<dyn CompiledTrace>, CompileError>;
    fn name(&self) -> &'static str;
}

/// The x86-64 backend.
#[cfg(target_arch = "x86_64")]
pub struct X64Backend;

#[cfg(target_arch = "x86_64")]
impl Backend for X64Backend {
    fn compile(&self, trace: &Trace) -> Result<Box<dyn CompiledTrace>, CompileError> {
        Ok(Box::new(x64::compile(trace)?))
    }

    fn name(&self) -> &'static str {
        "x86-64"
    }
}

/// The backend for the machine this runs on, if there is one.
pub fn native() -> Option<&'static dyn Backend> {
    #[cfg(target_arch = "x86_64")]
    {
        Some(&X64Backend)
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        None
    }
}
