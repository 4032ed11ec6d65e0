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
    /// What the instruction's specialized form and inline cache say about it.
    pub spec: Spec,
}

/// What tier 1's specialization knows about an instruction about to run: its form and inline
/// cache, decoded, and only when the form's guards hold for the operands it is about to see
/// (a form that is about to miss says nothing). This is tier 2's source of type knowledge for
/// every family 3.11 specializes; where no form applies ([`Spec::None`]) the recorder falls
/// back on the types of the values it sees.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Spec {
    /// No specialized form (adaptive, generic), or one whose guards fail on these operands.
    None,
    /// Both operands have this exact type (`BINARY_OP_*_INT`/`_FLOAT`, `BINARY_OP_ADD_UNICODE`,
    /// `COMPARE_OP_*`).
    Operands(Builtin),
    /// `BINARY_SUBSCR_*`, `STORE_SUBSCR_*`: the container's exact type (and an exact int index
    /// for lists and tuples).
    Subscr(Builtin),
    /// `UNPACK_SEQUENCE_TWO_TUPLE`, `_TUPLE`, `_LIST`: the sequence's exact type, with as many
    /// items as the instruction unpacks.
    Unpack(Builtin),
    /// `FOR_ITER_*`: the iterator's kind.
    Iter(IterKind),
    /// `LOAD_GLOBAL_MODULE`: the globals' keys have `keys_version`, the name at entry `index`.
    GlobalModule { entry: DictEntry },
    /// `LOAD_GLOBAL_BUILTIN`: the globals' keys have `globals_version` (without the name), the
    /// builtins' keys have the version in `entry` (taken when the view was made: the cache
    /// checks the entry's key instead), the name at its index.
    GlobalBuiltin {
        globals_version: u32,
        entry: DictEntry,
    },
    /// `LOAD_ATTR_INSTANCE_VALUE`, `STORE_ATTR_INSTANCE_VALUE` and the entry of the owner's
    /// class in a `_POLY` site: the owner's type has `type_version`, the attribute lives at
    /// `index` of its values array.
    InstanceValue { type_version: u32, index: u16 },
    /// `LOAD_ATTR_SLOT`, `STORE_ATTR_SLOT`: a `__slots__` member at byte `offset`.
    Member { type_version: u32, offset: u16 },
    /// `LOAD_ATTR_MODULE`, `LOAD_METHOD_MODULE`: the module dict's keys have `entry`'s version,
    /// the name at its index.
    ModuleAttr { entry: DictEntry },
    /// `LOAD_ATTR_CLASS`, `LOAD_METHOD_CLASS`: the owner is the class at `class` (a borrowed
    /// pointer; the trace holds it) with version `version`, whose lookup gives `value`, read
    /// as itself. `value_type_version`: the version its (mutable) type must keep, so that the
    /// value does not become a descriptor; `None` for a value of an immutable type.
    ClassAttr {
        class: u64,
        version: u32,
        value: u64,
        value_type_version: Option<u32>,
    },
    /// `LOAD_METHOD_NO_DICT`, `LOAD_METHOD_WITH_VALUES` (with the class's shared keys version:
    /// the instance has no dict of its own and does not shadow the name) and `_POLY` entries:
    /// `method` (a borrowed pointer, held by the type while it keeps `type_version`).
    Method {
        type_version: u32,
        keys_version: Option<u32>,
        method: u64,
    },
}

/// Where a str-keyed dict holds a name, for a dict whose keys have `keys_version`.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct DictEntry {
    pub keys_version: u32,
    pub index: u16,
    /// The byte offset of the entry's value from the keys object (fixed for the version).
    pub value_offset: i32,
}

/// Built-in types a form can establish.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Builtin {
    Int,
    Float,
    Str,
    List,
    Tuple,
    Dict,
}

/// The iterators `FOR_ITER`'s forms tell apart.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum IterKind {
    List,
    Tuple,
    Range,
    Generator,
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
    /// The executor is not worth entering any more (its entries leave the loop too soon):
    /// the interpreter drops it and gives the loop up.
    pub retire: bool,
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
