//! The uops: the typed, SSA-form instructions of a lowered trace, which both the uop
//! interpreter and the native backends execute.
//!
//! A [`Trace`] is a loop: `preamble` runs once (the peeled first iteration, carrying every guard
//! the recording needed), then `body` runs until an exit, with `phis` carrying values from one
//! iteration to the next (unboxed locals live in registers across iterations). Each value has a
//! [`Kind`]: a `PyObject*` (`Obj`), an unboxed `i64` (`Int`) or `f64` (`Float`), or a `Bool`
//! (0/1). Every guard names an [`Exit`], whose snapshot says how to rebuild the frame.
//!
//! Runtime conventions shared by every executor (see [`crate::abi`] for the native ABI):
//! - A value's bits are its 64-bit representation: a pointer, an `i64`, an `f64`'s bits, 0/1.
//! - `Obj` values are either borrowed (from a frame slot, a constant, a container) or owned (a
//!   helper's result, or after an explicit `Incref`); the lowering inserts the `Incref` and
//!   `Decref` uops that keep the reference counts exactly as CPython's evaluator would.
//! - Helpers never steal their arguments.

use std::fmt;

use bitflags::bitflags;
use justjit_interp::cpython::trace_runtime::{Helper, TraceObj};

/// The representation of a value inside a trace.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Kind {
    /// A `PyObject*` (possibly NULL only right after `LoadSlot`).
    Obj,
    /// An unboxed Python int that fits in an `i64`.
    Int,
    /// An unboxed Python float.
    Float,
    /// A Python bool as 0 or 1.
    Bool,
}

/// An SSA value: defined once, by one instruction or phi.
#[derive(Copy, Clone, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub struct Value(pub u32);

/// An index into [`Trace::exits`].
#[derive(Copy, Clone, PartialEq, Eq, Hash, Debug)]
pub struct ExitId(pub u32);

/// Integer operations; each has Python's semantics or exits.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum IntOp {
    /// Exits on overflow.
    Add,
    /// Exits on overflow.
    Sub,
    /// Exits on overflow.
    Mul,
    /// Floor division (rounds toward negative infinity); exits when `b == 0` or on overflow.
    FloorDiv,
    /// Modulo with the sign of `b`; exits when `b == 0`.
    Mod,
    And,
    Or,
    Xor,
    /// Arithmetic shift right; exits when `b` is negative or above 63.
    Rshift,
    /// Shift left; exits when `b` is negative or above 63, or when bits are lost.
    Lshift,
}

/// Float operations (IEEE double, as CPython).
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum FloatOp {
    Add,
    Sub,
    Mul,
    /// Exits when `b == 0.0` (Python raises ZeroDivisionError).
    Div,
}

/// Comparisons, with Python's (and IEEE's, for floats: NaN compares unequal) meaning.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Cmp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

impl Cmp {
    /// From `COMPARE_OP`'s oparg (`Py_LT`…`Py_GE`).
    pub fn from_oparg(oparg: u32) -> Option<Cmp> {
        Some(match oparg {
            0 => Cmp::Lt,
            1 => Cmp::Le,
            2 => Cmp::Eq,
            3 => Cmp::Ne,
            4 => Cmp::Gt,
            5 => Cmp::Ge,
            _ => return None,
        })
    }

    pub fn holds<T: PartialOrd>(self, a: T, b: T) -> bool {
        match self {
            Cmp::Lt => a < b,
            Cmp::Le => a <= b,
            Cmp::Eq => a == b,
            Cmp::Ne => a != b,
            Cmp::Gt => a > b,
            Cmp::Ge => a >= b,
        }
    }
}

/// One uop. `dst` of the enclosing [`Inst`] is set exactly for the uops that produce a value;
/// its kind is in [`Trace::kinds`].
#[derive(Clone, Debug)]
pub enum Op {
    /// dst(Obj, borrowed, maybe NULL) = `localsplus[slot]` (locals, cells, then the value stack).
    LoadSlot { slot: u32 },
    /// `localsplus[slot] = value` (an owned `Obj`, or 0 for NULL is never stored); the previous
    /// occupant is `Py_XDECREF`ed after the store.
    StoreSlot { slot: u32, value: Value },
    /// dst = an immediate: an int, a float's bits, 0/1, or the address of a constant object
    /// that [`Trace::keepalive`] keeps alive (borrowed).
    Const { bits: u64 },
    /// `Py_INCREF(value)`.
    Incref { value: Value },
    /// `Py_DECREF(value)` (deallocating at zero, which may run arbitrary code).
    Decref { value: Value },
    /// Exits unless `value` is non-NULL and `Py_TYPE(value) == type_addr` exactly.
    GuardType {
        value: Value,
        type_addr: u64,
        exit: ExitId,
    },
    /// Exits unless `value == addr` (identity) when `expect`, or unless `value != addr`.
    GuardIs {
        value: Value,
        addr: u64,
        expect: bool,
        exit: ExitId,
    },
    /// Exits unless the Bool `value` is `expect`.
    GuardBool {
        value: Value,
        expect: bool,
        exit: ExitId,
    },
    /// dst(Int) = the exact int `value` (type already guarded); exits when it has more than
    /// two 30-bit digits (the value may not fit).
    UnboxInt { value: Value, exit: ExitId },
    /// dst(Float) = `((PyFloatObject*)value)->ob_fval` (type already guarded).
    UnboxFloat { value: Value },
    /// dst(Obj, owned) = a new int; exits (error) when allocation fails.
    BoxInt { value: Value, exit: ExitId },
    /// dst(Obj, owned) = a new float; exits (error) when allocation fails.
    BoxFloat { value: Value, exit: ExitId },
    /// dst(Obj, owned) = `Py_True` or `Py_False`, increfed.
    BoxBool { value: Value },
    /// dst(Int) = a `op` b, or exit.
    IntArith {
        op: IntOp,
        a: Value,
        b: Value,
        exit: ExitId,
    },
    /// dst(Int) = -a; exits on overflow (`i64::MIN`).
    IntNeg { a: Value, exit: ExitId },
    /// dst(Float) = a `op` b, or exit.
    FloatArith {
        op: FloatOp,
        a: Value,
        b: Value,
        exit: ExitId,
    },
    /// dst(Float) = -a.
    FloatNeg { a: Value },
    /// dst(Float) = a as f64 (round to nearest, as `PyLong_AsDouble` for 64-bit values).
    IntToFloat { a: Value },
    /// dst(Bool) = a `cmp` b on Ints.
    IntCompare { cmp: Cmp, a: Value, b: Value },
    /// dst(Bool) = a `cmp` b on Floats (false for NaN except `Ne`).
    FloatCompare { cmp: Cmp, a: Value, b: Value },
    /// dst(Bool) = (a == b) for Objs (`is`).
    ObjIs { a: Value, b: Value },
    /// dst(Bool) = !a.
    BoolNot { a: Value },
    /// dst(Int) = `Py_SIZE(list)` (type already guarded).
    ListLen { list: Value },
    /// dst(Obj, borrowed) = `list[index]` with Python's negative indices; exits when out of
    /// range.
    ListItem {
        list: Value,
        index: Value,
        exit: ExitId,
    },
    /// dst(Int) = `Py_SIZE(tuple)`.
    TupleLen { tuple: Value },
    /// dst(Obj, borrowed) = `tuple[index]`, negative indices allowed; exits when out of range.
    TupleItem {
        tuple: Value,
        index: Value,
        exit: ExitId,
    },
    /// A `range` iterator's next value (dst Int), advancing it; exits when it is exhausted.
    RangeIterNext { iter: Value, exit: ExitId },
    /// A list iterator's next item (dst Obj, borrowed), advancing it; exits when it is
    /// exhausted (leaving the iterator for the interpreter to finish).
    ListIterNext { iter: Value, exit: ExitId },
    /// dst(Obj, owned) = `helper(args)`; exits (error) when the helper returns NULL.
    CallHelper {
        helper: Helper,
        args: Vec<Value>,
        exit: ExitId,
    },
    /// dst(Bool) = `PyObject_IsTrue(value)`; exits (error) when it raises.
    Truth { value: Value, exit: ExitId },
    /// Exits when the interpreter's eval breaker is set (signals, GIL requests, async calls).
    CheckEvalBreaker { exit: ExitId },
    /// The object's type has version tag `version` (the guard of the attribute families'
    /// forms, taken from their caches).
    GuardTypeVersion {
        value: Value,
        version: u32,
        exit: ExitId,
    },
    /// The class `class` itself has version tag `version` (class attributes, after a `GuardIs`
    /// that the owner is that class).
    GuardClassVersion {
        class: Value,
        version: u32,
        exit: ExitId,
    },
    /// dst = value `index` of the object's values array (borrowed); exits when the object has
    /// a materialized dict or the attribute is unset. Its type version is guarded before
    /// (`type_version` repeats it for the uop interpreter's checked read).
    LoadInstanceValue {
        owner: Value,
        type_version: u32,
        index: u16,
        exit: ExitId,
    },
    /// dst = the `__slots__` member at byte `offset` (borrowed); exits when unset.
    LoadMember {
        owner: Value,
        type_version: u32,
        offset: u16,
        exit: ExitId,
    },
    /// Stores `value` (an owned reference, which it takes) as value `index` of the object's
    /// values array; dst = the old value (owned). Exits, storing nothing, when the object has
    /// a dict or the attribute is unset.
    StoreInstanceValue {
        owner: Value,
        type_version: u32,
        index: u16,
        value: Value,
        exit: ExitId,
    },
    /// As `StoreInstanceValue`, for the `__slots__` member at byte `offset`.
    StoreMember {
        owner: Value,
        type_version: u32,
        offset: u16,
        value: Value,
        exit: ExitId,
    },
    /// dst = the value of entry `index` of an exact dict whose keys have `keys_version`
    /// (borrowed); exits when the version differs or the value is unset. `value_offset` is
    /// where the value sits from the keys object (fixed for a version).
    LoadDictEntry {
        dict: Value,
        keys_version: u32,
        index: u16,
        value_offset: i32,
        exit: ExitId,
    },
    /// An exact dict's keys have `keys_version`.
    GuardKeysVersion {
        dict: Value,
        keys_version: u32,
        exit: ExitId,
    },
    /// An object of a managed-dict class (type version guarded) has no dict of its own and
    /// its class's shared keys have `keys_version`.
    GuardNoDict {
        owner: Value,
        keys_version: u32,
        exit: ExitId,
    },
    /// dst = a module's `__dict__` (borrowed; the module's type is guarded before); exits
    /// when the module has none.
    ModuleDict { module: Value, exit: ExitId },
}

bitflags! {
    /// What a uop may do, for the optimizer and the backends.
    #[derive(Copy, Clone, Debug, PartialEq, Eq)]
    pub struct Flags: u8 {
        /// Only checks: exits or falls through, defines nothing.
        const GUARD = 1;
        /// May leave the trace through its exit.
        const CAN_EXIT = 2;
        /// May run arbitrary Python code (calls out, deallocation).
        const ESCAPES = 4;
        /// No side effects: removable when its result is unused.
        const PURE = 8;
        /// Calls into the runtime (a helper or a C-API function).
        const CALLS = 16;
    }
}

impl Op {
    pub fn flags(&self) -> Flags {
        use Op::*;
        match self {
            LoadSlot { .. } | Const { .. } | UnboxFloat { .. } => Flags::PURE,
            FloatArith { op, .. } => {
                if *op == FloatOp::Div {
                    Flags::CAN_EXIT
                } else {
                    Flags::PURE
                }
            }
            FloatNeg { .. } | IntToFloat { .. } | IntCompare { .. } | FloatCompare { .. } => {
                Flags::PURE
            }
            ObjIs { .. } | BoolNot { .. } | ListLen { .. } | TupleLen { .. } => Flags::PURE,
            StoreSlot { .. } | Decref { .. } => Flags::ESCAPES | Flags::CALLS,
            Incref { .. } | BoxBool { .. } => Flags::empty(),
            GuardType { .. } | GuardIs { .. } | GuardBool { .. } => Flags::GUARD | Flags::CAN_EXIT,
            UnboxInt { .. } | IntArith { .. } | IntNeg { .. } => Flags::CAN_EXIT,
            ListItem { .. } | TupleItem { .. } => Flags::CAN_EXIT,
            RangeIterNext { .. } | ListIterNext { .. } => Flags::CAN_EXIT,
            BoxInt { .. } | BoxFloat { .. } => Flags::CAN_EXIT | Flags::CALLS,
            CallHelper { .. } | Truth { .. } => Flags::CAN_EXIT | Flags::ESCAPES | Flags::CALLS,
            CheckEvalBreaker { .. } => Flags::GUARD | Flags::CAN_EXIT,
            GuardTypeVersion { .. }
            | GuardClassVersion { .. }
            | GuardKeysVersion { .. }
            | GuardNoDict { .. } => Flags::GUARD | Flags::CAN_EXIT,
            LoadInstanceValue { .. } | LoadMember { .. } | LoadDictEntry { .. } => Flags::CAN_EXIT,
            StoreInstanceValue { .. } | StoreMember { .. } => Flags::CAN_EXIT,
            ModuleDict { .. } => Flags::CAN_EXIT,
        }
    }

    /// The exit this uop may take.
    pub fn exit(&self) -> Option<ExitId> {
        use Op::*;
        match self {
            GuardType { exit, .. }
            | GuardIs { exit, .. }
            | GuardBool { exit, .. }
            | UnboxInt { exit, .. }
            | BoxInt { exit, .. }
            | BoxFloat { exit, .. }
            | IntArith { exit, .. }
            | IntNeg { exit, .. }
            | FloatArith { exit, .. }
            | ListItem { exit, .. }
            | TupleItem { exit, .. }
            | RangeIterNext { exit, .. }
            | ListIterNext { exit, .. }
            | CallHelper { exit, .. }
            | Truth { exit, .. }
            | CheckEvalBreaker { exit }
            | GuardTypeVersion { exit, .. }
            | GuardClassVersion { exit, .. }
            | LoadInstanceValue { exit, .. }
            | LoadMember { exit, .. }
            | StoreInstanceValue { exit, .. }
            | StoreMember { exit, .. }
            | LoadDictEntry { exit, .. }
            | GuardKeysVersion { exit, .. }
            | GuardNoDict { exit, .. }
            | ModuleDict { exit, .. } => Some(*exit),
            _ => None,
        }
    }

    /// The values this uop reads.
    pub fn uses(&self) -> Vec<Value> {
        use Op::*;
        match self {
            LoadSlot { .. } | Const { .. } | CheckEvalBreaker { .. } => vec![],
            StoreSlot { value, .. }
            | Incref { value }
            | Decref { value }
            | GuardType { value, .. }
            | GuardIs { value, .. }
            | GuardBool { value, .. }
            | UnboxInt { value, .. }
            | UnboxFloat { value }
            | BoxInt { value, .. }
            | BoxFloat { value, .. }
            | BoxBool { value }
            | Truth { value, .. } => vec![*value],
            IntArith { a, b, .. }
            | FloatArith { a, b, .. }
            | IntCompare { a, b, .. }
            | FloatCompare { a, b, .. }
            | ObjIs { a, b } => vec![*a, *b],
            IntNeg { a, .. } | FloatNeg { a } | IntToFloat { a } | BoolNot { a } => vec![*a],
            ListLen { list } => vec![*list],
            TupleLen { tuple } => vec![*tuple],
            ListItem { list, index, .. } => vec![*list, *index],
            TupleItem { tuple, index, .. } => vec![*tuple, *index],
            RangeIterNext { iter, .. } | ListIterNext { iter, .. } => vec![*iter],
            CallHelper { args, .. } => args.clone(),
            GuardTypeVersion { value, .. } | GuardClassVersion { class: value, .. } => {
                vec![*value]
            }
            LoadInstanceValue { owner, .. }
            | LoadMember { owner, .. }
            | GuardNoDict { owner, .. }
            | ModuleDict { module: owner, .. } => vec![*owner],
            StoreInstanceValue { owner, value, .. } | StoreMember { owner, value, .. } => {
                vec![*owner, *value]
            }
            LoadDictEntry { dict, .. } | GuardKeysVersion { dict, .. } => vec![*dict],
        }
    }
}

/// One instruction of a trace.
#[derive(Clone, Debug)]
pub struct Inst {
    pub dst: Option<Value>,
    pub op: Op,
}

/// How an exit finds one stack entry or local of the frame it rebuilds.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Snap {
    /// The frame's slot already holds the right object (nothing to write).
    Frame,
    /// NULL (an unbound local, or the NULL that `PUSH_NULL` puts below a callable).
    Null,
    /// The trace owns a reference to this `Obj` value: it moves into the slot.
    Owned(Value),
    /// The value is an `Obj` borrowed from elsewhere: the slot gets a new reference.
    Borrowed(Value),
    /// An unboxed `Int`, `Float` or `Bool`: boxed into a new object for the slot.
    Unboxed(Value),
}

impl Snap {
    pub fn value(self) -> Option<Value> {
        match self {
            Snap::Owned(v) | Snap::Borrowed(v) | Snap::Unboxed(v) => Some(v),
            Snap::Frame | Snap::Null => None,
        }
    }
}

/// Where a guard leaves the trace, and how to rebuild the frame there.
#[derive(Clone, Debug)]
pub struct Exit {
    /// The code unit at which the interpreter goes on: the first unit (EXTENDED_ARG included)
    /// of the instruction to run, or of the instruction that raised when `error` is set.
    pub resume: u32,
    /// An exception is set: the interpreter unwinds as if the instruction at `resume` raised.
    pub error: bool,
    /// The whole value stack, bottom first.
    pub stack: Vec<Snap>,
    /// Locals the trace changed without writing them to the frame (unboxed ones).
    pub locals: Vec<(u32, Snap)>,
    /// Why this exit exists, for dumps.
    pub reason: &'static str,
}

impl Exit {
    /// The values whose bits an executor hands over when it takes this exit, in the order of
    /// `stack` then `locals` (the order of the exit buffer).
    pub fn live_values(&self) -> Vec<Value> {
        self.stack
            .iter()
            .chain(self.locals.iter().map(|(_, snap)| snap))
            .filter_map(|snap| snap.value())
            .collect()
    }
}

/// A loop-carried value: `value` is `init` when the body starts the first time, then `next`
/// (from the previous iteration's body).
#[derive(Copy, Clone, Debug)]
pub struct Phi {
    pub value: Value,
    pub init: Value,
    pub next: Value,
}

/// A lowered trace, ready for an executor.
pub struct Trace {
    /// Where the trace was recorded: `qualname (file:line)` and the loop-head offset.
    pub name: String,
    /// Kind of each value, indexed by `Value.0`.
    pub kinds: Vec<Kind>,
    /// Runs once on entry.
    pub preamble: Vec<Inst>,
    /// The loop, run until an exit.
    pub body: Vec<Inst>,
    pub phis: Vec<Phi>,
    pub exits: Vec<Exit>,
    /// Objects whose addresses appear in `Const` uops.
    pub keepalive: Vec<TraceObj>,
    /// Number of `localsplus` slots before the value stack.
    pub nlocalsplus: u32,
}

impl Trace {
    pub fn kind(&self, value: Value) -> Kind {
        self.kinds[value.0 as usize]
    }

    /// The largest number of values any exit hands over (the exit buffer's size).
    pub fn max_exit_values(&self) -> usize {
        self.exits
            .iter()
            .map(|exit| exit.live_values().len())
            .max()
            .unwrap_or(0)
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "v{}", self.0)
    }
}

impl fmt::Display for Snap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Snap::Frame => write!(f, "="),
            Snap::Null => write!(f, "NULL"),
            Snap::Owned(v) => write!(f, "{v}"),
            Snap::Borrowed(v) => write!(f, "{v}&"),
            Snap::Unboxed(v) => write!(f, "box({v})"),
        }
    }
}

impl fmt::Display for Trace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = |v: &Value| match self.kind(*v) {
            Kind::Obj => "obj",
            Kind::Int => "int",
            Kind::Float => "float",
            Kind::Bool => "bool",
        };
        let inst = |f: &mut fmt::Formatter<'_>, inst: &Inst| -> fmt::Result {
            match &inst.dst {
                Some(dst) => write!(f, "  {dst}:{} = {:?}", kind(dst), inst.op)?,
                None => write!(f, "  {:?}", inst.op)?,
            }
            writeln!(f)
        };
        writeln!(f, "trace {}", self.name)?;
        writeln!(f, " preamble:")?;
        for i in &self.preamble {
            inst(f, i)?;
        }
        writeln!(f, " loop:")?;
        for phi in &self.phis {
            writeln!(
                f,
                "  {}:{} = phi({}, {})",
                phi.value,
                kind(&phi.value),
                phi.init,
                phi.next
            )?;
        }
        for i in &self.body {
            inst(f, i)?;
        }
        writeln!(f, " exits:")?;
        for (n, exit) in self.exits.iter().enumerate() {
            let stack: Vec<String> = exit.stack.iter().map(|s| s.to_string()).collect();
            let locals: Vec<String> = exit
                .locals
                .iter()
                .map(|(slot, s)| format!("{slot}:{s}"))
                .collect();
            writeln!(
                f,
                "  exit {n}: {} at {}{} stack [{}] locals [{}]",
                exit.reason,
                exit.resume,
                if exit.error { " (error)" } else { "" },
                stack.join(", "),
                locals.join(", ")
            )?;
        }
        Ok(())
    }
}
