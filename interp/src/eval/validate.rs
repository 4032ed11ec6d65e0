//! Bytecode validation: proves, once per code object and before its first run, that the
//! evaluator can execute the code without bounds checks.
//!
//! The evaluator indexes the value stack, the fast locals, `co_consts` and `co_names` without
//! checking, so code built by hand (`types.CodeType`, `code.replace`) must be refused with a
//! `SystemError` before it runs rather than corrupt memory. [`validate`] works on a
//! [`CodeView`], plain data copied out of the code object, so it is pure safe Rust and is
//! tested without an interpreter.
//!
//! What a code object must satisfy (all offsets in messages are in bytes, as `dis` shows them):
//! - **Decoding.** Every instruction, after `opcode::deopt` (so CPython's own specialized forms
//!   in `co_code_adaptive` are accepted) and with up to three `EXTENDED_ARG` prefixes folded into
//!   its argument, is a real 3.11 opcode; a `CACHE` unit is never decoded as an instruction and
//!   the code does not end inside a prefix chain or an inline cache; the last instruction does
//!   not fall through.
//! - **Operands.** Constant, name and fast-local indices are in range (`LOAD_GLOBAL` indexes
//!   names with `oparg >> 1`), `KW_NAMES` names a tuple constant, and the small enumerations
//!   (`BINARY_OP`, `COMPARE_OP`, `IS_OP`, `CONTAINS_OP`, `FORMAT_VALUE`, `RAISE_VARARGS`,
//!   `BUILD_SLICE`, `MAKE_FUNCTION`, `CALL_FUNCTION_EX`, `RESUME`, `COPY_FREE_VARS`) hold values
//!   3.11 defines.
//! - **Control flow.** Jump targets and exception-table targets are instruction starts (the
//!   first `EXTENDED_ARG` of a chain, never a cache unit) inside the code; the exception table
//!   is well formed, sorted, non-overlapping and inside the code. `KW_NAMES` is followed by
//!   `PRECALL`, and `PRECALL` by a one-unit `CALL` with the same argument (3.11's specialized
//!   `PRECALL`s skip a fixed-size `CALL`).
//! - **Stack.** An abstract interpretation over the control-flow graph, exception edges
//!   included, proves that every instruction finds the values it reads, never pushes beyond
//!   `co_stacksize`, and that paths meeting at an instruction agree on the depth.
//! - **Slot contents.** Each stack slot is tracked as an object, `NULL`, or the `lasti` integer
//!   that exception unwinding pushes. Only the slot below a call's callable may be `NULL` when
//!   consumed (`PRECALL`/`CALL`, `CALL_FUNCTION_EX`); `COPY` and `SWAP` move `NULL`s around
//!   without consuming them; `RERAISE n` must find a `lasti` where it reads one, so the
//!   evaluator may set `prev_instr` from it without a range check.
//! - **Generators.** `YIELD_VALUE` runs only in a frame that `RETURN_GENERATOR` has turned into
//!   a generator's, and `RETURN_GENERATOR` only once, in a generator, coroutine or async
//!   generator code object. A `YIELD_VALUE` in `yield from`/`await` shape (followed by
//!   `RESUME 2` or `RESUME 3`) is preceded by a one-unit `SEND` and keeps the delegate
//!   (non-`NULL`) on the stack, because CPython's generator objects read both (`_PyGen_yf`,
//!   `_gen_throw`) when a suspended frame is closed or thrown into.
//!
//! Left to the evaluator at run time, because they depend on values rather than on the code:
//! - `LOAD_DEREF`, `STORE_DEREF`, `DELETE_DEREF` and `LOAD_CLASSDEREF` must check that the slot
//!   holds a cell (it may be `NULL`, or a plain object after a `STORE_FAST` to the same slot, or
//!   a function's closure may hold non-cells when `MAKE_FUNCTION` built it); `LOAD_CLASSDEREF`
//!   and the `*_NAME` instructions must check that the frame has locals.
//! - `COPY_FREE_VARS` must check that the function's closure is a tuple of `co_nfreevars`
//!   items: `MAKE_FUNCTION` does not check its closure's length, and a function may have none.
//!   Its targets are the last `co_nfreevars` fast locals (`co_nlocals + co_nplaincellvars`
//!   onward, which is `n_localsplus - n_freevars`).
//! - `CALL` must check that the `KW_NAMES` tuple is no longer than its argument count.
//! - The types CPython only asserts (hand-built code crashes CPython with each of them):
//!   `MAKE_FUNCTION`'s code object and attribute values; the containers of `LIST_APPEND`,
//!   `LIST_EXTEND`, `SET_ADD`, `SET_UPDATE`, `MAP_ADD`, `DICT_UPDATE` and `DICT_MERGE`;
//!   `FOR_ITER`'s iterator (CPython calls its `tp_iternext` unchecked); the exceptions of
//!   `RERAISE`, `END_ASYNC_FOR`, `WITH_EXCEPT_START` and `PUSH_EXC_INFO`, and `POP_EXCEPT`'s
//!   value (None or an exception: it becomes the thread's handled exception);
//!   `MATCH_CLASS`'s and `MATCH_KEYS`' tuples; `PREP_RERAISE_STAR`'s list.
//! - `COPY` of a `NULL` slot must use `Py_XINCREF` (CPython's `Py_INCREF` would crash; the
//!   compiler never emits it).
//! - Specialized opcodes are accepted as their base instruction; the evaluator must execute
//!   them as such (3.11 keeps specialized opcodes found in a hand-built `co_code` and runs
//!   them as they are, e.g. `LOAD_CONST__LOAD_FAST` then reads the next unit's argument as a
//!   local index without a check, and specialized forms trust their inline caches).
//!
//! Any instruction covered by the exception table may raise (the evaluator may raise from any
//! of them, if only for a failed run-time check or a pending signal), so each has an edge to
//! its handler, and the stack must hold at least the handler's depth at every point where the
//! instruction could raise.

use crate::cpython::opcode;

/// What the validator needs of a code object, copied out of it.
pub struct CodeView<'a> {
    /// `co_code_adaptive` as code units: opcode = `unit & 0xff`, oparg = `unit >> 8`. May hold
    /// CPython's specialized opcodes; inline caches follow each instruction.
    pub code: &'a [u16],
    /// `len(co_consts)`.
    pub n_consts: usize,
    /// `len(co_names)`.
    pub n_names: usize,
    /// `co_nlocalsplus`: fast locals, cells and free variables.
    pub n_localsplus: usize,
    /// `co_nlocals`.
    pub n_locals: usize,
    /// `co_ncellvars` (cells that are also arguments included).
    pub n_cellvars: usize,
    /// `co_nfreevars`.
    pub n_freevars: usize,
    /// `co_stacksize`.
    pub stacksize: usize,
    /// `co_exceptiontable`.
    pub exception_table: &'a [u8],
    /// `co_flags`.
    pub flags: u32,
    /// Whether `co_consts[i]` is a tuple (asked only for `i < n_consts`).
    pub kw_names_const_is_tuple: &'a dyn Fn(usize) -> bool,
}

/// Why a code object is rejected: the message of the SystemError raised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid(pub String);

impl std::fmt::Display for Invalid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Invalid {}

/// Facts found while validating that the evaluator can use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    /// The deepest the value stack gets on any path, exception handlers included
    /// (at most `co_stacksize`).
    pub max_stack_depth: usize,
    /// Instructions decoded, an `EXTENDED_ARG` chain and the instruction it prefixes counting
    /// as one; unreachable ones included.
    pub instruction_count: usize,
    /// The base (deopted) opcodes present, reachable or not; `EXTENDED_ARG` when a prefix is.
    pub opcodes_used: [bool; 256],
}

impl Default for Verified {
    fn default() -> Self {
        Verified {
            max_stack_depth: 0,
            instruction_count: 0,
            opcodes_used: [false; 256],
        }
    }
}

/// `CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR` (Include/cpython/code.h).
const GENERATOR_FLAGS: u32 = 0x0020 | 0x0080 | 0x0200;

/// At most this many `EXTENDED_ARG`s prefix an instruction (the argument is 32 bits).
const MAX_PREFIXES: usize = 3;

/// Proves the code safe to run without bounds checks, or says why not.
pub fn validate(view: &CodeView) -> Result<Verified, Invalid> {
    check_header(view)?;
    let instrs = decode(view.code)?;
    let mut verified = Verified {
        instruction_count: instrs.len(),
        ..Verified::default()
    };
    for ins in &instrs {
        verified.opcodes_used[usize::from(ins.op)] = true;
        if ins.start != ins.at {
            verified.opcodes_used[usize::from(opcode::EXTENDED_ARG)] = true;
        }
    }
    let mut targets = Vec::with_capacity(instrs.len());
    for (index, ins) in instrs.iter().enumerate() {
        check_operands(view, ins).map_err(|problem| ins.invalid(&problem))?;
        check_sequence(&instrs, index).map_err(|problem| ins.invalid(&problem))?;
        targets.push(jump_target(&instrs, ins, view.code.len())?);
    }
    let last = instrs.last().expect("decode rejects empty code");
    if !ends_flow(last.op) {
        return Err(last.invalid("is the last instruction and would fall off the end of the code"));
    }
    let handlers = parse_exception_table(view.exception_table, &instrs)?;
    verified.max_stack_depth = Analysis {
        view,
        instrs: &instrs,
        targets: &targets,
        handlers: &handlers,
    }
    .run()?;
    Ok(verified)
}

/// Rejects counts that no code object CPython builds could have.
fn check_header(view: &CodeView) -> Result<(), Invalid> {
    let bad = |what: String| Err(Invalid(format!("invalid code object: {what}")));
    if view.code.is_empty() {
        return bad("the bytecode is empty".into());
    }
    let free = view.n_freevars;
    if view.n_locals.saturating_add(free) > view.n_localsplus
        || view.n_cellvars.saturating_add(free) > view.n_localsplus
        || view.n_localsplus
            > view
                .n_locals
                .saturating_add(view.n_cellvars)
                .saturating_add(free)
    {
        return bad(format!(
            "{} fast locals cannot hold {} locals, {} cells and {} free variables",
            view.n_localsplus, view.n_locals, view.n_cellvars, view.n_freevars
        ));
    }
    Ok(())
}

/// One decoded instruction.
#[derive(Debug, Clone, Copy)]
struct Instr {
    /// Its first code unit (its first `EXTENDED_ARG`, if prefixed): where jumps land.
    start: usize,
    /// The code unit with its opcode: the offset CPython reports, pushes as `lasti` and looks
    /// up in the exception table.
    at: usize,
    /// The base opcode (`opcode::deopt` of the opcode in the code).
    op: u8,
    /// The argument, with the prefixes' bits.
    arg: u32,
    /// The code unit after its inline caches, where execution continues and relative jumps
    /// count from.
    next: usize,
}

impl Instr {
    /// The instruction's name, for messages.
    fn name(&self) -> &'static str {
        opcode::name(self.op).unwrap_or("?")
    }

    /// "invalid bytecode at offset N: NAME problem".
    fn invalid(&self, problem: &str) -> Invalid {
        Invalid(format!(
            "invalid bytecode at offset {}: {} {problem}",
            byte_offset(self.at),
            self.name()
        ))
    }
}

/// The byte offset of a code unit, as `dis` shows it.
fn byte_offset(unit: usize) -> usize {
    unit.saturating_mul(2)
}

/// Splits the code into instructions, folding `EXTENDED_ARG` prefixes and skipping caches.
fn decode(code: &[u16]) -> Result<Vec<Instr>, Invalid> {
    let mut instrs = Vec::new();
    let mut unit = 0;
    while unit < code.len() {
        let start = unit;
        let mut arg: u32 = 0;
        let mut prefixes = 0;
        let (raw, op) = loop {
            let Some(&word) = code.get(unit) else {
                return Err(Invalid(format!(
                    "invalid bytecode at offset {}: the code ends after EXTENDED_ARG",
                    byte_offset(start)
                )));
            };
            let raw = (word & 0xff) as u8;
            arg |= u32::from(word >> 8);
            let op = opcode::deopt(raw);
            if op != opcode::EXTENDED_ARG {
                break (raw, op);
            }
            prefixes += 1;
            if prefixes > MAX_PREFIXES {
                return Err(Invalid(format!(
                    "invalid bytecode at offset {}: more than {MAX_PREFIXES} EXTENDED_ARG prefixes",
                    byte_offset(start)
                )));
            }
            arg <<= 8;
            unit += 1;
        };
        let at = unit;
        if op == opcode::CACHE {
            let problem = if raw == opcode::CACHE {
                "a CACHE entry is not an instruction".to_string()
            } else {
                format!("unknown opcode {raw}")
            };
            return Err(Invalid(format!(
                "invalid bytecode at offset {}: {problem}",
                byte_offset(at)
            )));
        }
        let next = at + 1 + opcode::cache_entries(raw);
        let ins = Instr {
            start,
            at,
            op,
            arg,
            next,
        };
        if next > code.len() {
            return Err(ins.invalid("is cut short: the code ends inside its inline cache"));
        }
        instrs.push(ins);
        unit = next;
    }
    if instrs.is_empty() {
        return Err(Invalid("invalid code object: the bytecode is empty".into()));
    }
    Ok(instrs)
}

/// Checks an instruction's argument against the code object and 3.11's enumerations.
fn check_operands(view: &CodeView, ins: &Instr) -> Result<(), String> {
    use opcode as o;
    let arg = ins.arg as usize;
    let index = |index: usize, len: usize, what: &str| {
        if index < len {
            Ok(())
        } else {
            Err(format!("index {index} out of range ({len} {what})"))
        }
    };
    let at_most = |max: usize, what: &str| {
        if arg <= max {
            Ok(())
        } else {
            Err(format!("argument {arg} is not a valid {what}"))
        }
    };
    match ins.op {
        o::LOAD_CONST => index(arg, view.n_consts, "constants"),
        o::KW_NAMES => {
            index(arg, view.n_consts, "constants")?;
            if (view.kw_names_const_is_tuple)(arg) {
                Ok(())
            } else {
                Err(format!("constant {arg} is not a tuple of keyword names"))
            }
        }
        o::LOAD_NAME
        | o::STORE_NAME
        | o::DELETE_NAME
        | o::LOAD_ATTR
        | o::STORE_ATTR
        | o::DELETE_ATTR
        | o::LOAD_METHOD
        | o::STORE_GLOBAL
        | o::DELETE_GLOBAL
        | o::IMPORT_NAME
        | o::IMPORT_FROM => index(arg, view.n_names, "names"),
        o::LOAD_GLOBAL => index(arg >> 1, view.n_names, "names"),
        o::LOAD_FAST
        | o::STORE_FAST
        | o::DELETE_FAST
        | o::LOAD_CLOSURE
        | o::LOAD_DEREF
        | o::STORE_DEREF
        | o::DELETE_DEREF
        | o::LOAD_CLASSDEREF
        | o::MAKE_CELL => index(arg, view.n_localsplus, "fast locals"),
        o::COPY_FREE_VARS if arg != view.n_freevars => Err(format!(
            "copies {arg} free variables but the code has {}",
            view.n_freevars
        )),
        o::BINARY_OP => at_most(opcode::NB_OPS.len() - 1, "binary operator"),
        o::COMPARE_OP => at_most(opcode::CMP_OP.len() - 1, "comparison"),
        o::IS_OP | o::CONTAINS_OP => at_most(1, "inversion flag"),
        o::FORMAT_VALUE => at_most(7, "conversion and format-spec flag set"),
        o::RAISE_VARARGS => at_most(2, "argument count"),
        o::MAKE_FUNCTION => at_most(0x0f, "set of function attribute flags"),
        o::CALL_FUNCTION_EX => at_most(1, "keyword-arguments flag"),
        o::RESUME => at_most(3, "resume kind"),
        o::BUILD_SLICE if arg != 2 && arg != 3 => Err(format!("builds a slice of {arg} values")),
        o::COPY | o::SWAP if arg == 0 => Err("argument 0: stack positions count from 1".into()),
        o::LIST_APPEND
        | o::SET_ADD
        | o::MAP_ADD
        | o::LIST_EXTEND
        | o::SET_UPDATE
        | o::DICT_UPDATE
        | o::DICT_MERGE
            if arg == 0 =>
        {
            Err("argument 0 names the value it consumes as its container".into())
        }
        _ => Ok(()),
    }
}

/// Checks the instructions 3.11 requires to come in fixed sequences.
fn check_sequence(instrs: &[Instr], index: usize) -> Result<(), String> {
    let ins = &instrs[index];
    let following = instrs.get(index + 1);
    match ins.op {
        opcode::KW_NAMES if following.map(|next| next.op) != Some(opcode::PRECALL) => {
            Err("is not followed by PRECALL".into())
        }
        opcode::PRECALL => match following {
            Some(call)
                if call.op == opcode::CALL && call.arg == ins.arg && call.start == call.at =>
            {
                Ok(())
            }
            _ => Err(format!(
                "is not followed by CALL {} without EXTENDED_ARG",
                ins.arg
            )),
        },
        _ => Ok(()),
    }
}

/// The index of the instruction starting at code unit `unit`, if one does.
fn instruction_at(instrs: &[Instr], unit: usize) -> Option<usize> {
    instrs.binary_search_by_key(&unit, |ins| ins.start).ok()
}

/// The index of the instruction a jump goes to (`None` for instructions that do not jump).
fn jump_target(instrs: &[Instr], ins: &Instr, len: usize) -> Result<Option<usize>, Invalid> {
    if !opcode::is_jump(ins.op) {
        return Ok(None);
    }
    let delta = ins.arg as usize;
    let target = if opcode::is_backward_jump(ins.op) {
        ins.next.checked_sub(delta).ok_or_else(|| {
            ins.invalid(&format!(
                "jumps back {} bytes, before the start of the code",
                byte_offset(delta)
            ))
        })?
    } else {
        ins.next.saturating_add(delta)
    };
    if target >= len {
        return Err(ins.invalid(&format!(
            "jumps to offset {}, beyond the end of the code ({} bytes)",
            byte_offset(target),
            byte_offset(len)
        )));
    }
    instruction_at(instrs, target).map(Some).ok_or_else(|| {
        ins.invalid(&format!(
            "jumps to offset {}, which is not the start of an instruction",
            byte_offset(target)
        ))
    })
}

/// Whether execution never continues with the next instruction.
fn ends_flow(op: u8) -> bool {
    matches!(
        op,
        opcode::RETURN_VALUE
            | opcode::RAISE_VARARGS
            | opcode::RERAISE
            | opcode::JUMP_FORWARD
            | opcode::JUMP_BACKWARD
            | opcode::JUMP_BACKWARD_NO_INTERRUPT
    )
}

/// One entry of the exception table.
#[derive(Debug, Clone, Copy)]
struct Handler {
    /// First code unit covered.
    start: usize,
    /// Code unit after the last covered.
    end: usize,
    /// Index of the handler's first instruction.
    target: usize,
    /// Stack depth the unwinder pops to.
    depth: usize,
    /// Whether the unwinder pushes `lasti` below the exception.
    lasti: bool,
}

/// Reads `co_exceptiontable`: entries of four varints (start, size, target,
/// `depth << 1 | lasti`), 6 bits per byte, most significant first, 0x40 marking that more
/// bytes follow and 0x80 the first byte of an entry (CPython's binary search relies on that).
fn parse_exception_table(table: &[u8], instrs: &[Instr]) -> Result<Vec<Handler>, Invalid> {
    let len = instrs.last().map_or(0, |ins| ins.next);
    let bad = |entry_at: usize, problem: String| {
        Err(Invalid(format!(
            "invalid exception table: entry at byte {entry_at}: {problem}"
        )))
    };
    let mut handlers: Vec<Handler> = Vec::new();
    let mut pos = 0;
    while pos < table.len() {
        let entry_at = pos;
        if table[pos] & 0x80 == 0 {
            return bad(entry_at, "does not start with a byte marked 0x80".into());
        }
        let mut fields = [0usize; 4];
        for (n, field) in fields.iter_mut().enumerate() {
            let mut value: u64 = 0;
            loop {
                let Some(&byte) = table.get(pos) else {
                    return bad(entry_at, "the table ends inside it".into());
                };
                if byte & 0x80 != 0 && pos != entry_at {
                    return bad(entry_at, format!("byte {pos} is marked as an entry start"));
                }
                value = (value << 6) | u64::from(byte & 0x3f);
                if value > u64::from(u32::MAX) {
                    return bad(entry_at, format!("value {} is too large", n + 1));
                }
                pos += 1;
                if byte & 0x40 == 0 {
                    break;
                }
            }
            let Ok(value) = usize::try_from(value) else {
                return bad(entry_at, format!("value {} is too large", n + 1));
            };
            *field = value;
        }
        let [start, size, target, depth_lasti] = fields;
        let end = start.saturating_add(size);
        if end > len {
            return bad(
                entry_at,
                format!(
                    "covers offsets {} to {}, beyond the end of the code ({} bytes)",
                    byte_offset(start),
                    byte_offset(end),
                    byte_offset(len)
                ),
            );
        }
        if let Some(previous) = handlers.last() {
            if start < previous.end {
                return bad(
                    entry_at,
                    format!(
                        "starts at offset {}, inside or before the previous entry (which ends at {})",
                        byte_offset(start),
                        byte_offset(previous.end)
                    ),
                );
            }
        }
        let Some(target) = instruction_at(instrs, target) else {
            return bad(
                entry_at,
                format!(
                    "its handler offset {} is not the start of an instruction",
                    byte_offset(target)
                ),
            );
        };
        handlers.push(Handler {
            start,
            end,
            target,
            depth: depth_lasti >> 1,
            lasti: depth_lasti & 1 != 0,
        });
    }
    Ok(handlers)
}

/// The table entry covering code unit `unit` (what CPython's `get_exception_handler` finds
/// for it: entries are sorted and do not overlap), if any.
fn covering(handlers: &[Handler], unit: usize) -> Option<&Handler> {
    let after = handlers.partition_point(|handler| handler.start <= unit);
    handlers[..after]
        .last()
        .filter(|handler| unit < handler.end)
}

/// What a stack slot may hold, as a set: `NULL`, an object, or the `lasti` integer pushed by
/// exception unwinding (a valid instruction offset). A `lasti` is an object too, so a slot
/// that may hold any object does not also record `LASTI`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Slot(u8);

impl Slot {
    const NULL: Slot = Slot(1);
    const OBJECT: Slot = Slot(2);
    const LASTI: Slot = Slot(4);

    fn join(self, other: Slot) -> Slot {
        let bits = self.0 | other.0;
        if bits & Slot::OBJECT.0 != 0 {
            Slot(bits & !Slot::LASTI.0)
        } else {
            Slot(bits)
        }
    }

    fn may_be_null(self) -> bool {
        self.0 & Slot::NULL.0 != 0
    }
}

/// What the frame is, as a set: not yet a generator's (`RETURN_GENERATOR` has not run), or a
/// generator's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FrameKind(u8);

impl FrameKind {
    const FRESH: FrameKind = FrameKind(1);
    const GENERATOR: FrameKind = FrameKind(2);

    fn join(self, other: FrameKind) -> FrameKind {
        FrameKind(self.0 | other.0)
    }
}

/// The abstract state before an instruction.
#[derive(Debug, Clone, PartialEq, Eq)]
struct State {
    /// Values on the stack.
    depth: usize,
    /// The slots that are not plain objects, by index from the bottom, in increasing order.
    marks: Vec<(usize, Slot)>,
    frame: FrameKind,
}

impl State {
    /// The state at the start of the code.
    fn entry() -> State {
        State {
            depth: 0,
            marks: Vec::new(),
            frame: FrameKind::FRESH,
        }
    }

    /// The slot at `index` from the bottom (`index < depth`).
    fn slot(&self, index: usize) -> Slot {
        match self.marks.binary_search_by_key(&index, |&(i, _)| i) {
            Ok(found) => self.marks[found].1,
            Err(_) => Slot::OBJECT,
        }
    }

    /// Sets the slot at `index` from the bottom (`index < depth`).
    fn set_slot(&mut self, index: usize, slot: Slot) {
        match self.marks.binary_search_by_key(&index, |&(i, _)| i) {
            Ok(found) if slot == Slot::OBJECT => {
                self.marks.remove(found);
            }
            Ok(found) => self.marks[found].1 = slot,
            Err(_) if slot == Slot::OBJECT => {}
            Err(position) => self.marks.insert(position, (index, slot)),
        }
    }

    /// Drops the slots from `depth` up.
    fn truncate(&mut self, depth: usize) {
        self.depth = self.depth.min(depth);
        let keep = self.marks.partition_point(|&(i, _)| i < self.depth);
        self.marks.truncate(keep);
    }

    /// Widens `self` to cover `other` too (same depth); returns whether it changed.
    fn join(&mut self, other: &State) -> bool {
        debug_assert_eq!(self.depth, other.depth);
        let frame = self.frame.join(other.frame);
        let mut marks = Vec::with_capacity(self.marks.len().max(other.marks.len()));
        let (mut a, mut b) = (self.marks.iter().peekable(), other.marks.iter().peekable());
        loop {
            let (index, slot) = match (a.peek(), b.peek()) {
                (None, None) => break,
                (Some(&&(i, s)), Some(&&(j, t))) if i == j => {
                    a.next();
                    b.next();
                    (i, s.join(t))
                }
                (Some(&&(i, s)), Some(&&(j, _))) if i < j => {
                    a.next();
                    (i, s.join(Slot::OBJECT))
                }
                (Some(&&(i, s)), None) => {
                    a.next();
                    (i, s.join(Slot::OBJECT))
                }
                (_, Some(&&(j, t))) => {
                    b.next();
                    (j, t.join(Slot::OBJECT))
                }
            };
            if slot != Slot::OBJECT {
                marks.push((index, slot));
            }
        }
        let changed = frame != self.frame || marks != self.marks;
        self.frame = frame;
        self.marks = marks;
        changed
    }
}

/// Runs one instruction on an abstract state and records how deep and how shallow the stack
/// got while it ran.
struct Machine {
    state: State,
    /// Depth before the instruction.
    start: usize,
    /// Lowest depth reached: the least the stack holds if the instruction raises.
    low: usize,
    /// Highest depth reached.
    high: usize,
    /// `co_stacksize`.
    limit: usize,
}

impl Machine {
    fn new(state: State, limit: usize) -> Machine {
        let depth = state.depth;
        Machine {
            state,
            start: depth,
            low: depth,
            high: depth,
            limit,
        }
    }

    fn underflow(&self) -> String {
        format!("needs more values than the stack holds ({})", self.start)
    }

    fn overflow(&self) -> String {
        format!("pushes beyond co_stacksize ({} values)", self.limit)
    }

    /// Requires `n` values on the stack (`n >= 1`) and returns the slot `n` from the top.
    fn peek(&self, n: usize) -> Result<Slot, String> {
        if n == 0 || n > self.state.depth {
            return Err(self.underflow());
        }
        Ok(self.state.slot(self.state.depth - n))
    }

    /// Like [`Machine::peek`], and the slot must not hold `NULL`.
    fn peek_object(&self, n: usize) -> Result<(), String> {
        if self.peek(n)?.may_be_null() {
            return Err(format!(
                "uses a value that may be NULL ({n} from the top of the stack)"
            ));
        }
        Ok(())
    }

    fn set(&mut self, n: usize, slot: Slot) {
        let index = self.state.depth - n;
        self.state.set_slot(index, slot);
    }

    /// Pops a value, which may be `NULL`.
    fn pop_any(&mut self) -> Result<Slot, String> {
        let slot = self.peek(1)?;
        self.state.depth -= 1;
        if self
            .state
            .marks
            .last()
            .is_some_and(|&(i, _)| i == self.state.depth)
        {
            self.state.marks.pop();
        }
        self.low = self.low.min(self.state.depth);
        Ok(slot)
    }

    /// Pops `n` values, none of which may be `NULL`.
    fn pop(&mut self, n: usize) -> Result<(), String> {
        if n > self.state.depth {
            return Err(self.underflow());
        }
        for _ in 0..n {
            let from_top = self.start.saturating_sub(self.state.depth) + 1;
            if self.pop_any()?.may_be_null() {
                return Err(format!(
                    "consumes a value that may be NULL ({from_top} from the top of the stack)"
                ));
            }
        }
        Ok(())
    }

    fn push(&mut self, slot: Slot) -> Result<(), String> {
        if self.state.depth >= self.limit {
            return Err(self.overflow());
        }
        self.state.depth += 1;
        self.set(1, slot);
        self.high = self.high.max(self.state.depth);
        Ok(())
    }

    /// Pops a value that must not be `NULL`, once the instruction can no longer raise (so the
    /// least depth it can raise at stays what it was).
    fn discard(&mut self) -> Result<(), String> {
        let low = self.low;
        self.pop(1)?;
        self.low = low;
        Ok(())
    }

    /// Pushes `n` objects.
    fn push_objects(&mut self, n: usize) -> Result<(), String> {
        if n > self.limit.saturating_sub(self.state.depth) {
            return Err(self.overflow());
        }
        for _ in 0..n {
            self.push(Slot::OBJECT)?;
        }
        Ok(())
    }

    /// The state another path out of the instruction continues with: `f` applied to a copy
    /// of the current state, which is left as it was. That path must not raise after its own
    /// pops: they do not count for the least depth the instruction can raise at.
    fn fork(
        &mut self,
        f: impl FnOnce(&mut Machine) -> Result<(), String>,
    ) -> Result<State, String> {
        let (saved, low) = (self.state.clone(), self.low);
        f(self)?;
        self.low = low;
        Ok(std::mem::replace(&mut self.state, saved))
    }
}

/// Where control goes after an instruction.
enum Flow {
    /// To the next instruction, with the machine's state.
    Next,
    /// To the jump target only, with the machine's state.
    Jump,
    /// To the next instruction with the machine's state, or to the jump target with this one.
    Branch(State),
    /// Out of the frame (return or raise).
    Exit,
}

/// Applies one instruction (its argument already checked) to the machine's state.
fn apply(view: &CodeView, ins: &Instr, m: &mut Machine) -> Result<Flow, String> {
    use opcode as o;
    let arg = ins.arg as usize;
    match ins.op {
        o::NOP
        | o::RESUME
        | o::MAKE_CELL
        | o::COPY_FREE_VARS
        | o::DELETE_FAST
        | o::DELETE_DEREF
        | o::DELETE_NAME
        | o::DELETE_GLOBAL
        | o::SETUP_ANNOTATIONS
        | o::KW_NAMES => {}
        o::POP_TOP
        | o::STORE_FAST
        | o::STORE_DEREF
        | o::STORE_NAME
        | o::STORE_GLOBAL
        | o::DELETE_ATTR
        | o::PRINT_EXPR
        | o::IMPORT_STAR
        | o::POP_EXCEPT => m.pop(1)?,
        o::STORE_ATTR | o::DELETE_SUBSCR => m.pop(2)?,
        o::STORE_SUBSCR => m.pop(3)?,
        o::PUSH_NULL => m.push(Slot::NULL)?,
        o::LOAD_CONST
        | o::LOAD_FAST
        | o::LOAD_CLOSURE
        | o::LOAD_DEREF
        | o::LOAD_CLASSDEREF
        | o::LOAD_NAME
        | o::LOAD_BUILD_CLASS
        | o::LOAD_ASSERTION_ERROR => m.push(Slot::OBJECT)?,
        o::LOAD_GLOBAL => {
            if arg & 1 != 0 {
                m.push(Slot::NULL)?;
            }
            m.push(Slot::OBJECT)?;
        }
        o::UNARY_POSITIVE
        | o::UNARY_NEGATIVE
        | o::UNARY_NOT
        | o::UNARY_INVERT
        | o::GET_ITER
        | o::GET_YIELD_FROM_ITER
        | o::GET_AITER
        | o::GET_AWAITABLE
        | o::LOAD_ATTR
        | o::LIST_TO_TUPLE
        | o::ASYNC_GEN_WRAP => {
            m.pop(1)?;
            m.push(Slot::OBJECT)?;
        }
        o::BINARY_OP
        | o::BINARY_SUBSCR
        | o::COMPARE_OP
        | o::IS_OP
        | o::CONTAINS_OP
        | o::IMPORT_NAME
        | o::PREP_RERAISE_STAR => {
            m.pop(2)?;
            m.push(Slot::OBJECT)?;
        }
        // These read the values on top, leave them and push a result. (They are modelled
        // without popping because the stack keeps its depth if they raise: `async for` covers
        // GET_ANEXT with a handler whose depth includes the iterator it reads.)
        o::GET_LEN | o::MATCH_MAPPING | o::MATCH_SEQUENCE | o::IMPORT_FROM | o::GET_ANEXT => {
            m.peek_object(1)?;
            m.push(Slot::OBJECT)?;
        }
        o::MATCH_KEYS => {
            m.peek_object(1)?;
            m.peek_object(2)?;
            m.push(Slot::OBJECT)?;
        }
        // Replace the manager by its exit method, push the result of entering it.
        o::BEFORE_WITH | o::BEFORE_ASYNC_WITH => {
            m.peek_object(1)?;
            m.set(1, Slot::OBJECT);
            m.push(Slot::OBJECT)?;
        }
        o::MATCH_CLASS => {
            m.pop(3)?;
            m.push(Slot::OBJECT)?;
        }
        // Pop the type to match, keep the exception (or replace it by the rest) and push the
        // result.
        o::CHECK_EXC_MATCH | o::CHECK_EG_MATCH => {
            m.pop(1)?;
            m.peek_object(1)?;
            m.set(1, Slot::OBJECT);
            m.push(Slot::OBJECT)?;
        }
        // Replaces the exception on top by the previous one and pushes the exception again;
        // it never lowers the stack (compiled code relies on it: its cleanup handler's depth
        // is the depth it starts at).
        o::PUSH_EXC_INFO => {
            m.peek_object(1)?;
            m.set(1, Slot::OBJECT);
            m.push(Slot::OBJECT)?;
        }
        // Calls the `__exit__` four values down with the exception on top.
        o::WITH_EXCEPT_START => {
            m.peek_object(1)?;
            m.peek_object(4)?;
            m.push(Slot::OBJECT)?;
        }
        o::LOAD_METHOD => {
            m.pop(1)?;
            m.push(Slot::NULL.join(Slot::OBJECT))?;
            m.push(Slot::OBJECT)?;
        }
        o::BUILD_TUPLE | o::BUILD_LIST | o::BUILD_SET | o::BUILD_STRING | o::BUILD_SLICE => {
            m.pop(arg)?;
            m.push(Slot::OBJECT)?;
        }
        o::BUILD_MAP => {
            m.pop(arg.checked_mul(2).ok_or_else(|| m.underflow())?)?;
            m.push(Slot::OBJECT)?;
        }
        o::BUILD_CONST_KEY_MAP => {
            m.pop(arg.checked_add(1).ok_or_else(|| m.underflow())?)?;
            m.push(Slot::OBJECT)?;
        }
        o::FORMAT_VALUE => {
            m.pop(if arg & 4 != 0 { 2 } else { 1 })?;
            m.push(Slot::OBJECT)?;
        }
        o::UNPACK_SEQUENCE => {
            m.pop(1)?;
            m.push_objects(arg)?;
        }
        o::UNPACK_EX => {
            m.pop(1)?;
            m.push_objects((arg & 0xff) + (arg >> 8) + 1)?;
        }
        // Consume the top value and add it to the container `arg` below it.
        o::LIST_APPEND | o::SET_ADD | o::LIST_EXTEND | o::SET_UPDATE | o::DICT_UPDATE => {
            m.pop(1)?;
            m.peek_object(arg)?;
        }
        o::MAP_ADD => {
            m.pop(2)?;
            m.peek_object(arg)?;
        }
        // Its error message names the function two below the dict.
        o::DICT_MERGE => {
            m.pop(1)?;
            m.peek_object(arg)?;
            m.peek_object(arg.checked_add(2).ok_or_else(|| m.underflow())?)?;
        }
        o::COPY => {
            let slot = m.peek(arg)?;
            m.push(slot)?;
        }
        o::SWAP => {
            let top = m.peek(1)?;
            let other = m.peek(arg)?;
            m.set(1, other);
            m.set(arg, top);
        }
        o::MAKE_FUNCTION => {
            m.pop(1 + (ins.arg & 0x0f).count_ones() as usize)?;
            m.push(Slot::OBJECT)?;
        }
        // The arguments and the callable are objects; below them a method or NULL.
        o::PRECALL => {
            let below = m.peek(arg.checked_add(2).ok_or_else(|| m.underflow())?)?;
            m.pop(arg + 1)?;
            m.pop_any()?;
            m.push(below.join(Slot::OBJECT))?;
            m.push_objects(arg + 1)?;
        }
        o::CALL => {
            m.pop(arg.saturating_add(1))?;
            m.pop_any()?;
            m.push(Slot::OBJECT)?;
        }
        o::CALL_FUNCTION_EX => {
            m.pop(2 + (arg & 1))?;
            m.pop_any()?;
            m.push(Slot::OBJECT)?;
        }
        o::RETURN_VALUE => {
            m.pop(1)?;
            return Ok(Flow::Exit);
        }
        o::RAISE_VARARGS => {
            m.pop(arg)?;
            return Ok(Flow::Exit);
        }
        o::RERAISE => {
            if arg > 0 {
                let lasti = arg.checked_add(1).ok_or_else(|| m.underflow())?;
                if m.peek(lasti)? != Slot::LASTI {
                    return Err(format!(
                        "{arg} expects the lasti pushed by exception unwinding {lasti} from the top of the stack"
                    ));
                }
            }
            m.pop(1)?;
            return Ok(Flow::Exit);
        }
        o::END_ASYNC_FOR => m.pop(2)?,
        o::RETURN_GENERATOR => {
            if view.flags & GENERATOR_FLAGS == 0 {
                return Err("in a code object that is not a generator or coroutine".into());
            }
            if m.state.frame != FrameKind::FRESH {
                return Err("may run in a frame that is already a generator's".into());
            }
            m.state.frame = FrameKind::GENERATOR;
            // The value the first `send()` pushes.
            m.push(Slot::OBJECT)?;
        }
        o::YIELD_VALUE => {
            if m.state.frame != FrameKind::GENERATOR {
                return Err("may run before RETURN_GENERATOR made the frame a generator's".into());
            }
            m.pop(1)?;
            // The value sent in when the generator resumes.
            m.push(Slot::OBJECT)?;
        }
        o::JUMP_FORWARD | o::JUMP_BACKWARD | o::JUMP_BACKWARD_NO_INTERRUPT => {
            return Ok(Flow::Jump)
        }
        o::POP_JUMP_FORWARD_IF_FALSE
        | o::POP_JUMP_FORWARD_IF_TRUE
        | o::POP_JUMP_FORWARD_IF_NONE
        | o::POP_JUMP_FORWARD_IF_NOT_NONE
        | o::POP_JUMP_BACKWARD_IF_FALSE
        | o::POP_JUMP_BACKWARD_IF_TRUE
        | o::POP_JUMP_BACKWARD_IF_NONE
        | o::POP_JUMP_BACKWARD_IF_NOT_NONE => {
            m.pop(1)?;
            return Ok(Flow::Branch(m.state.clone()));
        }
        // Test the condition on top (which may raise), then jump keeping it or fall through
        // without it.
        o::JUMP_IF_FALSE_OR_POP | o::JUMP_IF_TRUE_OR_POP => {
            m.peek_object(1)?;
            let jump = m.state.clone();
            m.discard()?;
            return Ok(Flow::Branch(jump));
        }
        // Call the iterator on top (which may raise); when it is exhausted, pop it and jump,
        // otherwise push the next value.
        o::FOR_ITER => {
            m.peek_object(1)?;
            let jump = m.fork(Machine::discard)?;
            m.push(Slot::OBJECT)?;
            return Ok(Flow::Branch(jump));
        }
        // Pop the value to send, send it to the receiver below (which may raise); when the
        // receiver returns, replace it by the result and jump, otherwise push the yielded
        // value.
        o::SEND => {
            m.pop(1)?;
            m.peek_object(1)?;
            let jump = m.fork(|m| {
                m.set(1, Slot::OBJECT);
                Ok(())
            })?;
            m.push(Slot::OBJECT)?;
            return Ok(Flow::Branch(jump));
        }
        // `decode` folds prefixes and rejects CACHE and unknown numbers.
        other => unreachable!("opcode {other} is not a decoded 3.11 instruction"),
    }
    Ok(Flow::Next)
}

/// The abstract interpretation over the whole code object.
struct Analysis<'v, 'a> {
    view: &'v CodeView<'a>,
    instrs: &'v [Instr],
    targets: &'v [Option<usize>],
    handlers: &'v [Handler],
}

/// The states found so far and the instructions whose state changed since they were last run.
struct Worklist {
    states: Vec<Option<State>>,
    pending: Vec<usize>,
    queued: Vec<bool>,
}

impl Worklist {
    /// Adds the paths reaching `target` with `state`; `from` is the instruction they leave.
    fn merge(
        &mut self,
        instrs: &[Instr],
        target: usize,
        state: State,
        from: &Instr,
    ) -> Result<(), Invalid> {
        let changed = match &mut self.states[target] {
            slot @ None => {
                *slot = Some(state);
                true
            }
            Some(known) if known.depth != state.depth => {
                return Err(Invalid(format!(
                    "invalid bytecode at offset {}: stack depth {} on one path and {} on the path from offset {}",
                    byte_offset(instrs[target].at),
                    known.depth,
                    state.depth,
                    byte_offset(from.at)
                )));
            }
            Some(known) => known.join(&state),
        };
        if changed && !self.queued[target] {
            self.queued[target] = true;
            self.pending.push(target);
        }
        Ok(())
    }
}

impl Analysis<'_, '_> {
    /// Runs the analysis to its fixed point; returns the deepest stack seen.
    fn run(&self) -> Result<usize, Invalid> {
        let count = self.instrs.len();
        let mut work = Worklist {
            states: vec![None; count],
            pending: vec![0],
            queued: vec![false; count],
        };
        work.states[0] = Some(State::entry());
        work.queued[0] = true;
        let mut max_depth = 0;
        while let Some(index) = work.pending.pop() {
            work.queued[index] = false;
            let ins = &self.instrs[index];
            let before = work.states[index]
                .clone()
                .expect("queued instructions have a state");
            let mut m = Machine::new(before.clone(), self.view.stacksize);
            let flow = apply(self.view, ins, &mut m).map_err(|problem| ins.invalid(&problem))?;
            max_depth = max_depth.max(m.high);
            if let Some(handler) = covering(self.handlers, ins.at) {
                let mut state = self
                    .unwind(&before, m.low, handler)
                    .map_err(|problem| ins.invalid(&problem))?;
                if ins.op == opcode::RETURN_GENERATOR {
                    // Raised while making the generator, or thrown into the new generator.
                    state.frame = state.frame.join(FrameKind::GENERATOR);
                }
                max_depth = max_depth.max(state.depth);
                work.merge(self.instrs, handler.target, state, ins)?;
            }
            if ins.op == opcode::YIELD_VALUE {
                self.delegate_return(&mut work, index, &m.state)?;
            }
            let jump = match flow {
                Flow::Exit => None,
                Flow::Jump => Some(m.state),
                Flow::Next => {
                    self.fall_through(&mut work, index, m.state)?;
                    None
                }
                Flow::Branch(jump) => {
                    self.fall_through(&mut work, index, m.state)?;
                    Some(jump)
                }
            };
            if let Some(state) = jump {
                let target = self.targets[index].expect("jumping instructions have a target");
                work.merge(self.instrs, target, state, ins)?;
            }
        }
        Ok(max_depth)
    }

    fn fall_through(&self, work: &mut Worklist, index: usize, state: State) -> Result<(), Invalid> {
        let ins = &self.instrs[index];
        if index + 1 == self.instrs.len() {
            return Err(ins.invalid("would fall off the end of the code"));
        }
        work.merge(self.instrs, index + 1, state, ins)
    }

    /// The state the handler starts with when an instruction run from `before` raises: the
    /// stack popped to the handler's depth (it must hold that many values wherever the
    /// instruction can raise, `low` being the fewest), then `lasti` if asked for, then the
    /// exception.
    fn unwind(&self, before: &State, low: usize, handler: &Handler) -> Result<State, String> {
        let handler_at = byte_offset(self.instrs[handler.target].at);
        if low < handler.depth {
            return Err(format!(
                "may raise with {low} values on the stack, below the depth {} of its exception handler at offset {handler_at}",
                handler.depth
            ));
        }
        let entry_depth = handler.depth.saturating_add(usize::from(handler.lasti) + 1);
        if entry_depth > self.view.stacksize {
            return Err(format!(
                "may raise into the exception handler at offset {handler_at}, which starts at stack depth {entry_depth}, beyond co_stacksize ({})",
                self.view.stacksize
            ));
        }
        let mut state = before.clone();
        state.truncate(handler.depth);
        if handler.lasti {
            state.marks.push((state.depth, Slot::LASTI));
            state.depth += 1;
        }
        state.depth += 1;
        Ok(state)
    }

    /// For a `YIELD_VALUE` inside `yield from`/`await` (followed by `RESUME 2` or `3`): the
    /// paths CPython's `_gen_throw` takes when the delegate finishes while the suspended frame
    /// is thrown into. It pops the delegate (the value the yield leaves on the stack, which
    /// `_PyGen_yf` also reads), finds the `SEND` by reading the code unit before the yield,
    /// and resumes at its target with the delegate's return value pushed, or raises there if
    /// that value cannot be fetched (looking the handler up at the code unit before the
    /// target). `after` is the state after the yield (the value sent in on top).
    fn delegate_return(
        &self,
        work: &mut Worklist,
        index: usize,
        after: &State,
    ) -> Result<(), Invalid> {
        let ins = &self.instrs[index];
        let Some(&following) = self.view.code.get(ins.next) else {
            return Ok(());
        };
        if opcode::deopt((following & 0xff) as u8) != opcode::RESUME || following >> 8 < 2 {
            return Ok(());
        }
        let send = index
            .checked_sub(1)
            .filter(|&previous| {
                let send = &self.instrs[previous];
                send.op == opcode::SEND && send.start == send.at && ins.start == ins.at
            })
            .ok_or_else(|| {
                ins.invalid("before RESUME 2 or 3 is not preceded by a SEND without EXTENDED_ARG")
            })?;
        let mut m = Machine::new(after.clone(), self.view.stacksize);
        m.pop_any()
            .and_then(|_| m.pop(1))
            .and_then(|()| m.push(Slot::OBJECT))
            .map_err(|problem| {
                ins.invalid(&format!("in yield-from shape {problem} (the delegate)"))
            })?;
        let target = self.targets[send].expect("SEND has a target");
        // The target is after the SEND, so a code unit precedes it.
        if let Some(handler) = covering(self.handlers, self.instrs[target].start - 1) {
            let state = self
                .unwind(&m.state, m.state.depth, handler)
                .map_err(|problem| {
                    ins.invalid(&format!(
                        "when its delegate returns during throw() {problem}"
                    ))
                })?;
            work.merge(self.instrs, handler.target, state, ins)?;
        }
        work.merge(self.instrs, target, m.state, ins)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use opcode as o;

    /// Assembles `(opcode, argument)` pairs: EXTENDED_ARG prefixes as needed, zeroed caches.
    fn asm(instrs: &[(u8, u32)]) -> Vec<u16> {
        let mut code = Vec::new();
        for &(op, arg) in instrs {
            let prefixes = match arg {
                0..=0xff => 0,
                0x100..=0xffff => 1,
                0x1_0000..=0xff_ffff => 2,
                _ => 3,
            };
            for k in (1..=prefixes).rev() {
                code.push(unit(o::EXTENDED_ARG, (arg >> (8 * k)) as u8));
            }
            code.push(unit(op, arg as u8));
            code.resize(code.len() + opcode::cache_entries(op), 0);
        }
        code
    }

    fn unit(op: u8, arg: u8) -> u16 {
        u16::from(op) | u16::from(arg) << 8
    }

    /// Encodes exception-table entries `(start, size, target, depth, lasti)` (in code units).
    fn table(entries: &[(usize, usize, usize, usize, bool)]) -> Vec<u8> {
        crate::eval::exception_table::encode(entries)
    }

    /// An owned code object description, with test defaults.
    struct Spec {
        code: Vec<u16>,
        table: Vec<u8>,
        n_consts: usize,
        n_names: usize,
        n_localsplus: usize,
        n_locals: usize,
        n_cellvars: usize,
        n_freevars: usize,
        stacksize: usize,
        flags: u32,
        tuples: Vec<usize>,
    }

    impl Spec {
        /// Four constants (the last a tuple), four names, four locals, eight stack slots.
        fn new(instrs: &[(u8, u32)]) -> Spec {
            Spec {
                code: asm(instrs),
                table: Vec::new(),
                n_consts: 4,
                n_names: 4,
                n_localsplus: 4,
                n_locals: 4,
                n_cellvars: 0,
                n_freevars: 0,
                stacksize: 8,
                flags: 0,
                tuples: vec![3],
            }
        }

        fn with(mut self, f: impl FnOnce(&mut Spec)) -> Spec {
            f(&mut self);
            self
        }

        fn check(&self) -> Result<Verified, Invalid> {
            let is_tuple = |i: usize| self.tuples.contains(&i);
            validate(&CodeView {
                code: &self.code,
                n_consts: self.n_consts,
                n_names: self.n_names,
                n_localsplus: self.n_localsplus,
                n_locals: self.n_locals,
                n_cellvars: self.n_cellvars,
                n_freevars: self.n_freevars,
                stacksize: self.stacksize,
                exception_table: &self.table,
                flags: self.flags,
                kw_names_const_is_tuple: &is_tuple,
            })
        }

        fn ok(&self) -> Verified {
            self.check()
                .unwrap_or_else(|invalid| panic!("rejected: {invalid}"))
        }

        /// The rejection message, which must contain `expected`.
        fn rejected(&self, expected: &str) -> String {
            let message = self.check().expect_err("accepted invalid code").0;
            assert!(
                message.contains(expected),
                "message {message:?} does not contain {expected:?}"
            );
            message
        }
    }

    const GENERATOR: u32 = 0x20;

    #[test]
    fn accepts_a_return() {
        let verified = Spec::new(&[(o::RESUME, 0), (o::LOAD_CONST, 0), (o::RETURN_VALUE, 0)]).ok();
        assert_eq!(verified.max_stack_depth, 1);
        assert_eq!(verified.instruction_count, 3);
        let used: Vec<u8> = (0..=255)
            .filter(|&op| verified.opcodes_used[op as usize])
            .collect();
        assert_eq!(used, [o::RETURN_VALUE, o::LOAD_CONST, o::RESUME]);
    }

    #[test]
    fn accepts_calls_with_their_nulls() {
        // print(len(x), key=k): LOAD_GLOBAL pushes NULL + print, LOAD_METHOD a maybe-NULL.
        let verified = Spec::new(&[
            (o::LOAD_GLOBAL, 1),
            (o::PUSH_NULL, 0),
            (o::LOAD_NAME, 1),
            (o::LOAD_FAST, 0),
            (o::PRECALL, 1),
            (o::CALL, 1),
            (o::LOAD_FAST, 1),
            (o::LOAD_METHOD, 2),
            (o::PRECALL, 0),
            (o::CALL, 0),
            (o::KW_NAMES, 3),
            (o::PRECALL, 2),
            (o::CALL, 2),
            (o::RETURN_VALUE, 0),
        ])
        .ok();
        assert_eq!(verified.max_stack_depth, 5);
    }

    #[test]
    fn accepts_call_function_ex_and_dict_merge() {
        // f(*a, **k): NULL, f, args tuple, {} then DICT_MERGE 1.
        Spec::new(&[
            (o::PUSH_NULL, 0),
            (o::LOAD_NAME, 0),
            (o::LOAD_NAME, 1),
            (o::BUILD_MAP, 0),
            (o::LOAD_NAME, 2),
            (o::DICT_MERGE, 1),
            (o::CALL_FUNCTION_EX, 1),
            (o::RETURN_VALUE, 0),
        ])
        .ok();
    }

    #[test]
    fn accepts_a_loop() {
        // for x in a: pass
        let verified = Spec::new(&[
            (o::LOAD_FAST, 0),     // 0
            (o::GET_ITER, 0),      // 1
            (o::FOR_ITER, 2),      // 2: to 5
            (o::STORE_FAST, 1),    // 3
            (o::JUMP_BACKWARD, 3), // 4: to 2
            (o::LOAD_CONST, 0),    // 5
            (o::RETURN_VALUE, 0),  // 6
        ])
        .ok();
        assert_eq!(verified.max_stack_depth, 2);
    }

    #[test]
    fn accepts_try_except_with_its_cleanup_handler() {
        // try: a
        // except: b
        let spec = Spec::new(&[
            (o::NOP, 0),           // 0
            (o::LOAD_NAME, 0),     // 1  covered -> 5
            (o::POP_TOP, 0),       // 2
            (o::LOAD_CONST, 0),    // 3
            (o::RETURN_VALUE, 0),  // 4
            (o::PUSH_EXC_INFO, 0), // 5  covered -> 12, lasti
            (o::POP_TOP, 0),       // 6
            (o::LOAD_NAME, 1),     // 7
            (o::POP_TOP, 0),       // 8
            (o::POP_EXCEPT, 0),    // 9
            (o::LOAD_CONST, 0),    // 10
            (o::RETURN_VALUE, 0),  // 11
            (o::COPY, 3),          // 12
            (o::POP_EXCEPT, 0),    // 13
            (o::RERAISE, 1),       // 14
        ])
        .with(|s| {
            s.table = table(&[(1, 2, 5, 0, false), (5, 4, 12, 1, true)]);
            s.stacksize = 4;
        });
        assert_eq!(spec.ok().max_stack_depth, 4);
        // The cleanup needs 4 slots.
        spec.with(|s| s.stacksize = 3)
            .rejected("COPY pushes beyond co_stacksize (3 values)");
    }

    #[test]
    fn accepts_quickened_code() {
        // LOAD_FAST__LOAD_FAST, BINARY_OP_ADD_INT (1 cache), STORE_FAST__STORE_FAST,
        // EXTENDED_ARG_QUICK, JUMP_BACKWARD_QUICK, RESUME_QUICK.
        let mut code = vec![
            unit(o::RESUME_QUICK, 0),
            unit(o::LOAD_FAST__LOAD_FAST, 0),
            unit(o::LOAD_FAST, 1),
            unit(o::BINARY_OP_ADD_INT, o::NB_ADD),
            0xffff, // a cache entry holding anything
            unit(o::EXTENDED_ARG_QUICK, 1),
            unit(o::LOAD_CONST__LOAD_FAST, 4), // constant 260
            unit(o::LOAD_FAST, 0),
            unit(o::STORE_FAST__STORE_FAST, 2),
            unit(o::STORE_FAST, 3),
            unit(o::POP_JUMP_FORWARD_IF_TRUE, 1),
        ];
        code.push(unit(o::JUMP_BACKWARD_QUICK, (code.len() + 1) as u8));
        code.extend([unit(o::LOAD_CONST, 0), unit(o::RETURN_VALUE, 0)]);
        let verified = Spec::new(&[])
            .with(|s| {
                s.code = code;
                s.n_consts = 261;
            })
            .ok();
        assert!(verified.opcodes_used[usize::from(o::LOAD_FAST)]);
        assert!(verified.opcodes_used[usize::from(o::EXTENDED_ARG)]);
        assert!(!verified.opcodes_used[usize::from(o::LOAD_FAST__LOAD_FAST)]);
        assert_eq!(verified.instruction_count, 12);
    }

    #[test]
    fn accepts_a_generator_with_yield_from() {
        let spec = Spec::new(&[
            (o::RETURN_GENERATOR, 0),           // 0
            (o::POP_TOP, 0),                    // 1
            (o::RESUME, 0),                     // 2
            (o::LOAD_CONST, 0),                 // 3
            (o::YIELD_VALUE, 0),                // 4
            (o::RESUME, 1),                     // 5
            (o::POP_TOP, 0),                    // 6
            (o::LOAD_NAME, 0),                  // 7
            (o::GET_YIELD_FROM_ITER, 0),        // 8
            (o::LOAD_CONST, 0),                 // 9
            (o::SEND, 3),                       // 10: to 14
            (o::YIELD_VALUE, 0),                // 11
            (o::RESUME, 2),                     // 12
            (o::JUMP_BACKWARD_NO_INTERRUPT, 4), // 13: to 10
            (o::RETURN_VALUE, 0),               // 14
        ])
        .with(|s| s.flags = GENERATOR);
        assert_eq!(spec.ok().max_stack_depth, 2);
        spec.with(|s| s.flags = 0)
            .rejected("RETURN_GENERATOR in a code object that is not a generator");
    }

    #[test]
    fn rejects_yield_outside_a_generator_frame() {
        Spec::new(&[
            (o::LOAD_CONST, 0),
            (o::YIELD_VALUE, 0),
            (o::RETURN_VALUE, 0),
        ])
        .with(|s| s.flags = GENERATOR)
        .rejected("offset 2: YIELD_VALUE may run before RETURN_GENERATOR");
        // A second RETURN_GENERATOR, in the loop, would copy a generator's frame.
        Spec::new(&[
            (o::RETURN_GENERATOR, 0),
            (o::POP_TOP, 0),
            (o::JUMP_BACKWARD, 3),
        ])
        .with(|s| s.flags = GENERATOR)
        .rejected("offset 0: RETURN_GENERATOR may run in a frame that is already a generator's");
    }

    #[test]
    fn rejects_yield_from_without_send_before_it() {
        Spec::new(&[
            (o::RETURN_GENERATOR, 0),
            (o::POP_TOP, 0),
            (o::LOAD_CONST, 0),
            (o::LOAD_CONST, 0),
            (o::YIELD_VALUE, 0),
            (o::RESUME, 2),
            (o::RETURN_VALUE, 0),
        ])
        .with(|s| s.flags = GENERATOR)
        .rejected("offset 8: YIELD_VALUE before RESUME 2 or 3 is not preceded by a SEND");
        // The delegate must be on the stack below the yielded value.
        Spec::new(&[
            (o::RETURN_GENERATOR, 0),           // 0
            (o::POP_TOP, 0),                    // 1
            (o::PUSH_NULL, 0),                  // 2
            (o::LOAD_CONST, 0),                 // 3
            (o::SEND, 3),                       // 4: to 8
            (o::YIELD_VALUE, 0),                // 5
            (o::RESUME, 2),                     // 6
            (o::JUMP_BACKWARD_NO_INTERRUPT, 4), // 7
            (o::RETURN_VALUE, 0),               // 8
        ])
        .with(|s| s.flags = GENERATOR)
        .rejected("offset 8: SEND uses a value that may be NULL");
    }

    #[test]
    fn checks_where_throw_resumes_after_a_finished_delegate() {
        // `_gen_throw` pops the delegate and resumes at SEND's target, or raises with the
        // handler of the code unit before it (JUMP_BACKWARD_NO_INTERRUPT here), one value
        // lower than that instruction itself runs.
        let spec = |depth: usize| {
            Spec::new(&[
                (o::RETURN_GENERATOR, 0),           // 0
                (o::POP_TOP, 0),                    // 1
                (o::LOAD_NAME, 0),                  // 2
                (o::LOAD_CONST, 0),                 // 3
                (o::SEND, 3),                       // 4: to 8
                (o::YIELD_VALUE, 0),                // 5
                (o::RESUME, 3),                     // 6
                (o::JUMP_BACKWARD_NO_INTERRUPT, 4), // 7: to 4
                (o::RETURN_VALUE, 0),               // 8
                (o::RERAISE, 0),                    // 9
            ])
            .with(|s| {
                s.flags = GENERATOR;
                s.table = table(&[(7, 1, 9, depth, false)]);
            })
        };
        spec(1).ok();
        spec(2).rejected(
            "offset 10: YIELD_VALUE when its delegate returns during throw() may raise with 1 values on the stack, below the depth 2",
        );
    }

    #[test]
    fn rejects_unknown_opcodes_and_broken_encodings() {
        Spec::new(&[(200, 0), (o::RETURN_VALUE, 0)])
            .rejected("invalid bytecode at offset 0: unknown opcode 200");
        Spec::new(&[(o::LOAD_CONST, 0), (o::CACHE, 0), (o::RETURN_VALUE, 0)])
            .rejected("offset 2: a CACHE entry is not an instruction");
        Spec::new(&[(o::LOAD_CONST, 0), (o::LOAD_CONST, 0)])
            .with(|s| s.code.push(unit(o::BINARY_SUBSCR, 0)))
            .rejected(
                "offset 4: BINARY_SUBSCR is cut short: the code ends inside its inline cache",
            );
        Spec::new(&[(o::LOAD_CONST, 0), (o::RETURN_VALUE, 0)])
            .with(|s| s.code.push(unit(o::EXTENDED_ARG, 1)))
            .rejected("offset 4: the code ends after EXTENDED_ARG");
        Spec::new(&[])
            .with(|s| {
                s.code = vec![unit(o::EXTENDED_ARG, 0); 4];
                s.code
                    .extend([unit(o::LOAD_CONST, 0), unit(o::RETURN_VALUE, 0)]);
            })
            .rejected("offset 0: more than 3 EXTENDED_ARG prefixes");
        Spec::new(&[]).rejected("invalid code object: the bytecode is empty");
    }

    #[test]
    fn rejects_falling_off_the_end() {
        Spec::new(&[(o::LOAD_CONST, 0), (o::POP_TOP, 0)])
            .rejected("offset 2: POP_TOP is the last instruction and would fall off the end");
    }

    #[test]
    fn rejects_indices_out_of_range() {
        let message = Spec::new(&[(o::LOAD_CONST, 7), (o::RETURN_VALUE, 0)]).rejected("");
        assert_eq!(
            message,
            "invalid bytecode at offset 0: LOAD_CONST index 7 out of range (4 constants)"
        );
        // EXTENDED_ARG is folded in (and the offset is the opcode's, after the prefix).
        Spec::new(&[(o::LOAD_CONST, 256), (o::RETURN_VALUE, 0)])
            .rejected("offset 2: LOAD_CONST index 256 out of range (4 constants)");
        Spec::new(&[(o::LOAD_CONST, 256), (o::RETURN_VALUE, 0)])
            .with(|s| s.n_consts = 257)
            .ok();
        Spec::new(&[(o::LOAD_NAME, 4), (o::RETURN_VALUE, 0)])
            .rejected("LOAD_NAME index 4 out of range (4 names)");
        Spec::new(&[(o::LOAD_GLOBAL, 7), (o::RETURN_VALUE, 0)]).ok();
        Spec::new(&[(o::LOAD_GLOBAL, 8), (o::RETURN_VALUE, 0)])
            .rejected("LOAD_GLOBAL index 4 out of range (4 names)");
        Spec::new(&[(o::LOAD_DEREF, 4), (o::RETURN_VALUE, 0)])
            .rejected("LOAD_DEREF index 4 out of range (4 fast locals)");
        Spec::new(&[(o::LOAD_CONST, 0), (o::STORE_ATTR, 9), (o::RETURN_VALUE, 0)])
            .rejected("STORE_ATTR index 9 out of range (4 names)");
    }

    #[test]
    fn rejects_bad_enumerations() {
        let two = |op: u8, arg: u32| {
            Spec::new(&[
                (o::LOAD_CONST, 0),
                (o::LOAD_CONST, 0),
                (op, arg),
                (o::RETURN_VALUE, 0),
            ])
        };
        two(o::BINARY_OP, 25).ok();
        two(o::BINARY_OP, 26).rejected("BINARY_OP argument 26 is not a valid binary operator");
        two(o::COMPARE_OP, 6).rejected("COMPARE_OP argument 6 is not a valid comparison");
        two(o::IS_OP, 2).rejected("IS_OP argument 2");
        two(o::CONTAINS_OP, 2).rejected("CONTAINS_OP argument 2");
        two(o::BUILD_SLICE, 1).rejected("BUILD_SLICE builds a slice of 1 values");
        two(o::FORMAT_VALUE, 8).rejected("FORMAT_VALUE argument 8");
        Spec::new(&[(o::LOAD_CONST, 0), (o::RAISE_VARARGS, 3)])
            .rejected("RAISE_VARARGS argument 3");
        Spec::new(&[
            (o::LOAD_CONST, 0),
            (o::MAKE_FUNCTION, 0x10),
            (o::RETURN_VALUE, 0),
        ])
        .rejected("MAKE_FUNCTION argument 16");
        Spec::new(&[(o::RESUME, 4), (o::LOAD_CONST, 0), (o::RETURN_VALUE, 0)])
            .rejected("RESUME argument 4 is not a valid resume kind");
        Spec::new(&[
            (o::COPY_FREE_VARS, 1),
            (o::LOAD_CONST, 0),
            (o::RETURN_VALUE, 0),
        ])
        .with(|s| {
            s.n_freevars = 2;
            s.n_locals = 2;
        })
        .rejected("COPY_FREE_VARS copies 1 free variables but the code has 2");
        Spec::new(&[(o::LOAD_CONST, 0), (o::COPY, 0), (o::RETURN_VALUE, 0)])
            .rejected("COPY argument 0");
        Spec::new(&[
            (o::BUILD_LIST, 0),
            (o::LIST_APPEND, 0),
            (o::RETURN_VALUE, 0),
        ])
        .rejected("LIST_APPEND argument 0");
    }

    #[test]
    fn rejects_broken_call_sequences() {
        let call = |kw_const: u32| {
            Spec::new(&[
                (o::PUSH_NULL, 0),
                (o::LOAD_NAME, 0),
                (o::LOAD_CONST, 0),
                (o::KW_NAMES, kw_const),
                (o::PRECALL, 1),
                (o::CALL, 1),
                (o::RETURN_VALUE, 0),
            ])
        };
        call(3).ok();
        call(2).rejected("offset 6: KW_NAMES constant 2 is not a tuple of keyword names");
        call(4).rejected("KW_NAMES index 4 out of range (4 constants)");
        Spec::new(&[(o::KW_NAMES, 3), (o::LOAD_CONST, 0), (o::RETURN_VALUE, 0)])
            .rejected("KW_NAMES is not followed by PRECALL");
        Spec::new(&[
            (o::PUSH_NULL, 0),
            (o::LOAD_NAME, 0),
            (o::PRECALL, 0),
            (o::CALL, 1),
            (o::RETURN_VALUE, 0),
        ])
        .rejected("PRECALL is not followed by CALL 0");
        // CPython's specialized PRECALLs skip exactly one CALL code unit.
        let mut many = vec![(o::PUSH_NULL, 0), (o::LOAD_NAME, 0)];
        many.extend([(o::LOAD_CONST, 0); 256]);
        many.extend([(o::PRECALL, 256), (o::CALL, 256), (o::RETURN_VALUE, 0)]);
        Spec::new(&many)
            .with(|s| s.stacksize = 300)
            .rejected("PRECALL is not followed by CALL 256 without EXTENDED_ARG");
    }

    #[test]
    fn rejects_jumps_outside_or_between_instructions() {
        Spec::new(&[
            (o::JUMP_FORWARD, 5),
            (o::LOAD_CONST, 0),
            (o::RETURN_VALUE, 0),
        ])
        .rejected(
            "offset 0: JUMP_FORWARD jumps to offset 12, beyond the end of the code (6 bytes)",
        );
        Spec::new(&[(o::NOP, 0), (o::JUMP_BACKWARD, 3)])
            .rejected("offset 2: JUMP_BACKWARD jumps back 6 bytes, before the start of the code");
        // Into LOAD_ATTR's caches.
        Spec::new(&[(o::LOAD_CONST, 0), (o::LOAD_ATTR, 0), (o::JUMP_BACKWARD, 3)]).rejected(
            "offset 12: JUMP_BACKWARD jumps to offset 8, which is not the start of an instruction",
        );
        // Between an EXTENDED_ARG and its instruction.
        Spec::new(&[
            (o::LOAD_CONST, 256),
            (o::POP_TOP, 0),
            (o::JUMP_BACKWARD, 3),
        ])
        .with(|s| s.n_consts = 300)
        .rejected("offset 6: JUMP_BACKWARD jumps to offset 2, which is not the start of an instruction");
        // Onto the EXTENDED_ARG is fine.
        Spec::new(&[(o::LOAD_CONST, 256), (o::POP_TOP, 0), (o::JUMP_BACKWARD, 4)])
            .with(|s| s.n_consts = 300)
            .ok();
    }

    #[test]
    fn rejects_stack_underflow_and_overflow() {
        Spec::new(&[(o::POP_TOP, 0), (o::LOAD_CONST, 0), (o::RETURN_VALUE, 0)])
            .rejected("offset 0: POP_TOP needs more values than the stack holds (0)");
        Spec::new(&[
            (o::LOAD_CONST, 0),
            (o::BUILD_TUPLE, 2),
            (o::RETURN_VALUE, 0),
        ])
        .rejected("offset 2: BUILD_TUPLE needs more values than the stack holds (1)");
        Spec::new(&[(o::LOAD_CONST, 0), (o::COPY, 2), (o::RETURN_VALUE, 0)])
            .rejected("COPY needs more values than the stack holds (1)");
        Spec::new(&[(o::LOAD_CONST, 0), (o::SWAP, 2), (o::RETURN_VALUE, 0)])
            .rejected("SWAP needs more values than the stack holds (1)");
        Spec::new(&[(o::LOAD_CONST, 0), (o::LOAD_CONST, 1), (o::RERAISE, 2)])
            .rejected("RERAISE needs more values than the stack holds (2)");
        let deep = Spec::new(&[
            (o::LOAD_CONST, 0),
            (o::LOAD_CONST, 1),
            (o::BUILD_TUPLE, 2),
            (o::RETURN_VALUE, 0),
        ]);
        assert_eq!(deep.ok().max_stack_depth, 2);
        deep.with(|s| s.stacksize = 1)
            .rejected("offset 2: LOAD_CONST pushes beyond co_stacksize (1 values)");
        Spec::new(&[
            (o::LOAD_CONST, 0),
            (o::UNPACK_SEQUENCE, 9),
            (o::RETURN_VALUE, 0),
        ])
        .rejected("UNPACK_SEQUENCE pushes beyond co_stacksize (8 values)");
    }

    #[test]
    fn rejects_inconsistent_depths_where_paths_meet() {
        // if a: push one value else: push two; both reach RETURN_VALUE.
        Spec::new(&[
            (o::LOAD_FAST, 0),                 // 0
            (o::POP_JUMP_FORWARD_IF_FALSE, 2), // 1: to 4
            (o::LOAD_CONST, 0),                // 2
            (o::JUMP_FORWARD, 2),              // 3: to 6
            (o::LOAD_CONST, 0),                // 4
            (o::LOAD_CONST, 0),                // 5
            (o::RETURN_VALUE, 0),              // 6
        ])
        .rejected("offset 12: stack depth");
        // A loop that grows the stack on every iteration.
        Spec::new(&[(o::LOAD_CONST, 0), (o::JUMP_BACKWARD, 2)]).rejected("offset 0: stack depth");
    }

    #[test]
    fn rejects_consuming_nulls() {
        Spec::new(&[
            (o::PUSH_NULL, 0),
            (o::POP_TOP, 0),
            (o::LOAD_CONST, 0),
            (o::RETURN_VALUE, 0),
        ])
        .rejected(
            "offset 2: POP_TOP consumes a value that may be NULL (1 from the top of the stack)",
        );
        // LOAD_METHOD's lower slot may be NULL.
        Spec::new(&[
            (o::LOAD_FAST, 0),
            (o::LOAD_METHOD, 0),
            (o::POP_TOP, 0),
            (o::STORE_FAST, 1),
            (o::LOAD_CONST, 0),
            (o::RETURN_VALUE, 0),
        ])
        .rejected("STORE_FAST consumes a value that may be NULL");
        // LOAD_GLOBAL with the low bit pushes NULL below the global.
        Spec::new(&[(o::LOAD_GLOBAL, 1), (o::BINARY_OP, 0), (o::RETURN_VALUE, 0)])
            .rejected("BINARY_OP consumes a value that may be NULL (2 from the top of the stack)");
        // The callable of a call must not be NULL, only the slot below it.
        Spec::new(&[
            (o::PUSH_NULL, 0),
            (o::PUSH_NULL, 0),
            (o::PRECALL, 0),
            (o::CALL, 0),
            (o::RETURN_VALUE, 0),
        ])
        .rejected("PRECALL consumes a value that may be NULL (1 from the top of the stack)");
        // COPY propagates NULL, SWAP moves it.
        Spec::new(&[(o::PUSH_NULL, 0), (o::COPY, 1), (o::RETURN_VALUE, 0)])
            .rejected("offset 4: RETURN_VALUE consumes a value that may be NULL");
        Spec::new(&[
            (o::PUSH_NULL, 0),
            (o::LOAD_CONST, 0),
            (o::SWAP, 2),
            (o::POP_TOP, 0),
            (o::LOAD_CONST, 0),
            (o::RETURN_VALUE, 0),
        ])
        .rejected("offset 6: POP_TOP consumes a value that may be NULL");
        Spec::new(&[
            (o::PUSH_NULL, 0),
            (o::LOAD_CONST, 0),
            (o::SWAP, 2),
            (o::SWAP, 2),
            (o::POP_TOP, 0),
            (o::RETURN_VALUE, 0),
        ])
        .rejected("offset 10: RETURN_VALUE consumes a value that may be NULL");
        // A value that is NULL on one path only is still maybe-NULL where the paths meet.
        Spec::new(&[
            (o::LOAD_FAST, 0),                 // 0
            (o::POP_JUMP_FORWARD_IF_FALSE, 2), // 1: to 4
            (o::LOAD_CONST, 0),                // 2
            (o::JUMP_FORWARD, 1),              // 3: to 5
            (o::PUSH_NULL, 0),                 // 4
            (o::RETURN_VALUE, 0),              // 5
        ])
        .rejected("offset 10: RETURN_VALUE consumes a value that may be NULL");
        // The error path of DICT_MERGE names the function two below the dict.
        Spec::new(&[
            (o::PUSH_NULL, 0),
            (o::PUSH_NULL, 0),
            (o::LOAD_NAME, 1),
            (o::BUILD_MAP, 0),
            (o::LOAD_NAME, 2),
            (o::DICT_MERGE, 1),
            (o::CALL_FUNCTION_EX, 1),
            (o::RETURN_VALUE, 0),
        ])
        .rejected("DICT_MERGE uses a value that may be NULL (3 from the top of the stack)");
    }

    #[test]
    fn reraise_needs_the_lasti_of_unwinding() {
        Spec::new(&[
            (o::LOAD_CONST, 0),
            (o::LOAD_CONST, 1),
            (o::LOAD_NAME, 0),
            (o::RERAISE, 1),
        ])
        .rejected("RERAISE 1 expects the lasti pushed by exception unwinding 2 from the top");
        // COPY keeps the mark.
        Spec::new(&[
            (o::LOAD_NAME, 0),    // 0 covered -> 3, lasti
            (o::LOAD_CONST, 0),   // 1
            (o::RETURN_VALUE, 0), // 2
            (o::COPY, 2),         // 3: [lasti, exc, lasti]
            (o::COPY, 2),         // 4: [lasti, exc, lasti, exc]
            (o::RERAISE, 1),      // 5
        ])
        .with(|s| s.table = table(&[(0, 1, 3, 0, true)]))
        .ok();
    }

    #[test]
    fn rejects_bad_exception_tables() {
        let spec = |entries: Vec<u8>| {
            Spec::new(&[
                (o::NOP, 0),          // 0
                (o::LOAD_NAME, 0),    // 1
                (o::RETURN_VALUE, 0), // 2
                (o::POP_TOP, 0),      // 3
                (o::LOAD_CONST, 0),   // 4
                (o::RETURN_VALUE, 0), // 5
            ])
            .with(|s| s.table = entries)
        };
        spec(table(&[(0, 3, 3, 0, false)])).ok();
        let mut cut = table(&[(0, 3, 3, 0, false)]);
        cut.pop();
        spec(cut).rejected("invalid exception table: entry at byte 0: the table ends inside it");
        let mut unmarked = table(&[(0, 3, 3, 0, false)]);
        unmarked[0] &= 0x7f;
        spec(unmarked).rejected("does not start with a byte marked 0x80");
        let mut marked = table(&[(0, 3, 3, 0, false)]);
        marked[2] |= 0x80;
        spec(marked).rejected("byte 2 is marked as an entry start");
        spec(table(&[(0, 7, 3, 0, false)])).rejected("beyond the end of the code");
        spec(table(&[(0, 3, 9, 0, false)]))
            .rejected("its handler offset 18 is not the start of an instruction");
        spec(table(&[(2, 1, 3, 0, false), (0, 1, 3, 0, false)]))
            .rejected("entry at byte 4: starts at offset 0, inside or before the previous entry");
        spec(table(&[(0, 2, 3, 0, false), (1, 1, 3, 0, false)]))
            .rejected("inside or before the previous entry");
        // A handler in the middle of LOAD_ATTR's caches.
        Spec::new(&[(o::LOAD_NAME, 0), (o::LOAD_ATTR, 0), (o::RETURN_VALUE, 0)])
            .with(|s| s.table = table(&[(0, 1, 3, 0, false)]))
            .rejected("its handler offset 6 is not the start of an instruction");
        // The handler's depth is above what the stack holds when LOAD_NAME raises.
        spec(table(&[(1, 1, 3, 1, false)]))
            .rejected("offset 2: LOAD_NAME may raise with 0 values on the stack, below the depth 1 of its exception handler at offset 6");
        // The unwound stack plus lasti plus the exception must fit.
        spec(table(&[(1, 1, 3, 0, true)]))
            .with(|s| s.stacksize = 1)
            .rejected("which starts at stack depth 2, beyond co_stacksize (1)");
        // Two entries sending different depths to one handler.
        Spec::new(&[
            (o::LOAD_NAME, 0),    // 0 -> 4 depth 0
            (o::LOAD_NAME, 1),    // 1 -> 4 depth 1
            (o::BINARY_OP, 0),    // 2
            (o::RETURN_VALUE, 0), // 3
            (o::POP_TOP, 0),      // 4
            (o::LOAD_CONST, 0),   // 5
            (o::RETURN_VALUE, 0), // 6
        ])
        .with(|s| s.table = table(&[(0, 1, 4, 0, false), (1, 1, 4, 1, false)]))
        .rejected("offset 8: stack depth 1 on one path and 2 on the path from offset 2");
    }

    #[test]
    fn rejects_impossible_counts() {
        Spec::new(&[(o::LOAD_CONST, 0), (o::RETURN_VALUE, 0)])
            .with(|s| s.n_freevars = 5)
            .rejected("invalid code object: 4 fast locals cannot hold 4 locals, 0 cells and 5 free variables");
    }

    #[test]
    fn every_decoded_opcode_has_a_stack_effect() {
        // Every base opcode, on a deep stack of objects with argument 1, either applies or is
        // refused, and never reaches the `unreachable!` arm.
        let spec = Spec::new(&[(o::NOP, 0)]);
        let is_tuple = |_: usize| true;
        let view = CodeView {
            code: &spec.code,
            n_consts: 4,
            n_names: 4,
            n_localsplus: 4,
            n_locals: 4,
            n_cellvars: 0,
            n_freevars: 0,
            stacksize: 64,
            exception_table: &[],
            flags: GENERATOR,
            kw_names_const_is_tuple: &is_tuple,
        };
        for &(name, op) in opcode::OPMAP {
            if op == o::CACHE || op == o::EXTENDED_ARG {
                continue;
            }
            for frame in [FrameKind::FRESH, FrameKind::GENERATOR] {
                let state = State {
                    depth: 10,
                    marks: Vec::new(),
                    frame,
                };
                let ins = Instr {
                    start: 0,
                    at: 0,
                    op,
                    arg: 1,
                    next: 1,
                };
                let mut m = Machine::new(state, 64);
                if let Err(problem) = apply(&view, &ins, &mut m) {
                    assert!(
                        matches!(op, o::RERAISE | o::RETURN_GENERATOR | o::YIELD_VALUE),
                        "{name}: {problem}"
                    );
                }
            }
        }
    }

    #[test]
    fn never_panics_on_mutated_code() {
        // Small programs covering calls, loops, handlers and generators, mutated at random
        // (xorshift, fixed seed): every mutant is accepted or rejected, never a panic, and an
        // accepted one fits its stack.
        let seeds = [
            Spec::new(&[
                (o::LOAD_GLOBAL, 1),
                (o::LOAD_FAST, 0),
                (o::LOAD_METHOD, 2),
                (o::KW_NAMES, 3),
                (o::PRECALL, 0),
                (o::CALL, 0),
                (o::PRECALL, 1),
                (o::CALL, 1),
                (o::LOAD_FAST, 1),
                (o::GET_ITER, 0),
                (o::FOR_ITER, 3),
                (o::STORE_FAST, 2),
                (o::LOAD_CONST, 300),
                (o::JUMP_BACKWARD, 4),
                (o::RETURN_VALUE, 0),
            ])
            .with(|s| s.n_consts = 301),
            Spec::new(&[
                (o::NOP, 0),
                (o::LOAD_NAME, 0),
                (o::POP_TOP, 0),
                (o::LOAD_CONST, 0),
                (o::RETURN_VALUE, 0),
                (o::PUSH_EXC_INFO, 0),
                (o::POP_TOP, 0),
                (o::LOAD_NAME, 1),
                (o::POP_TOP, 0),
                (o::POP_EXCEPT, 0),
                (o::LOAD_CONST, 0),
                (o::RETURN_VALUE, 0),
                (o::COPY, 3),
                (o::POP_EXCEPT, 0),
                (o::RERAISE, 1),
            ])
            .with(|s| s.table = table(&[(1, 2, 5, 0, false), (5, 4, 12, 1, true)])),
            Spec::new(&[
                (o::RETURN_GENERATOR, 0),
                (o::POP_TOP, 0),
                (o::LOAD_NAME, 0),
                (o::LOAD_CONST, 0),
                (o::SEND, 3),
                (o::YIELD_VALUE, 0),
                (o::RESUME, 3),
                (o::JUMP_BACKWARD_NO_INTERRUPT, 4),
                (o::RETURN_VALUE, 0),
                (o::RERAISE, 0),
            ])
            .with(|s| {
                s.flags = GENERATOR;
                s.table = table(&[(2, 7, 9, 0, false)]);
            }),
        ];
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut random = |below: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % below.max(1) as u64) as usize
        };
        let mut accepted = 0;
        for seed in &seeds {
            for _ in 0..2000 {
                let mut spec = Spec::new(&[]).with(|s| {
                    s.code = seed.code.clone();
                    s.table = seed.table.clone();
                    s.n_consts = seed.n_consts;
                    s.flags = seed.flags;
                });
                for _ in 0..1 + random(3) {
                    let unit = random(spec.code.len());
                    match random(6) {
                        0 | 1 => spec.code[unit] = (spec.code[unit] & 0xff00) | random(256) as u16,
                        2 | 3 => {
                            spec.code[unit] = (spec.code[unit] & 0xff) | (random(256) << 8) as u16
                        }
                        4 if !spec.table.is_empty() => {
                            let byte = random(spec.table.len());
                            spec.table[byte] = random(256) as u8;
                        }
                        _ => spec.stacksize = random(12),
                    }
                }
                if let Ok(verified) = spec.check() {
                    assert!(verified.max_stack_depth <= spec.stacksize);
                    accepted += 1;
                }
            }
        }
        assert!(accepted > 100, "only {accepted} mutants accepted");
    }

    /// Writes one JSON line per code object (recursively through `co_consts`) of every `.py`
    /// file under the directory given as `argv[1]` and of some big stdlib modules, then of the
    /// functions of a few modules after running them enough for CPython to quicken and
    /// specialize their bytecode.
    const CORPUS_SCRIPT: &str = r#"
import json, os, sys, sysconfig, types

def localsplus(co):
    n = 0
    while True:
        try:
            co._varname_from_oparg(n)
        except IndexError:
            return n
        n += 1

def emit(co, where):
    raw = co._co_code_adaptive
    print(json.dumps({
        "where": f"{where}:{co.co_qualname}:{co.co_firstlineno}",
        "quickened": raw != co.co_code,
        "code": [raw[i] | raw[i + 1] << 8 for i in range(0, len(raw), 2)],
        "n_consts": len(co.co_consts),
        "n_names": len(co.co_names),
        "n_localsplus": localsplus(co),
        "n_locals": co.co_nlocals,
        "n_cellvars": len(co.co_cellvars),
        "n_freevars": len(co.co_freevars),
        "stacksize": co.co_stacksize,
        "exception_table": list(co.co_exceptiontable),
        "flags": co.co_flags,
        "tuples": [i for i, c in enumerate(co.co_consts) if type(c) is tuple],
    }, separators=(",", ":")))

def walk(co, where, seen):
    if id(co) in seen:
        return
    seen.add(id(co))
    emit(co, where)
    for const in co.co_consts:
        if isinstance(const, types.CodeType):
            walk(const, where, seen)

stdlib = sysconfig.get_paths()["stdlib"]
files = []
for root, _, names in os.walk(sys.argv[1]):
    files += [os.path.join(root, name) for name in names if name.endswith(".py")]
asyncio = os.path.join(stdlib, "asyncio")
files += [os.path.join(asyncio, name) for name in os.listdir(asyncio) if name.endswith(".py")]
json_dir = os.path.join(stdlib, "json")
files += [os.path.join(json_dir, name) for name in os.listdir(json_dir) if name.endswith(".py")]
files += [os.path.join(stdlib, name) for name in [
    "typing.py", "inspect.py", "dataclasses.py", "enum.py", "re/_parser.py", "argparse.py",
    "collections/__init__.py"]]
for path in sorted(files):
    with open(path, "rb") as f:
        walk(compile(f.read(), path, "exec", dont_inherit=True), path, set())

def hot(n):
    class Point:
        def __init__(self, x):
            self.x = x
    total, items, table, p = 0, [1.5, 2, "s", (1, 2)], {"a": 1}, Point(3)
    for i in range(n):
        total += i * 2 - p.x
        total += len(items) + table["a"] + items[1]
        if i < n and isinstance(i, int):
            a, b = items[3]
            total += a + b + int(1.0 + i * 0.5)
        p.x = i % 7
    return total

import json, re._parser, re._compiler, textwrap
for _ in range(3):
    hot(3000)
data = {"k": [1, 2.5, "s", None, True, {"n": [1, 2, 3]}] * 20}
for _ in range(300):
    json.loads(json.dumps(data))
for _ in range(200):
    re._compiler.compile(r"(?P<x>a|b)*[c-f]+\d{2,3}(?=x)", 0)
    textwrap.fill("lorem ipsum dolor sit amet " * 20, 30)

seen = set()
walk(hot.__code__, "quickened", seen)
for module in [json.encoder, json.decoder, json.scanner, re._parser, re._compiler, textwrap]:
    for value in vars(module).values():
        funcs = [value]
        if isinstance(value, type) and value.__module__ == module.__name__:
            funcs = [getattr(v, "__func__", v) for v in vars(value).values()]
        for func in funcs:
            if isinstance(func, types.FunctionType):
                walk(func.__code__, module.__name__, seen)
"#;

    fn number(line: &serde_json::Value, key: &str) -> usize {
        line[key]
            .as_u64()
            .unwrap_or_else(|| panic!("{key} in {line}")) as usize
    }

    fn numbers<T: TryFrom<u64>>(line: &serde_json::Value, key: &str) -> Vec<T> {
        line[key]
            .as_array()
            .unwrap_or_else(|| panic!("{key} in {line}"))
            .iter()
            .map(|n| {
                n.as_u64()
                    .and_then(|n| T::try_from(n).ok())
                    .unwrap_or_else(|| panic!("{key} in {line}"))
            })
            .collect()
    }

    #[test]
    fn validates_every_code_object_cpython_compiles() {
        let conformance = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/conformance");
        let output = std::process::Command::new(env!("JUSTJIT_PYTHON"))
            .args(["-c", CORPUS_SCRIPT, conformance])
            .output()
            .expect("running python");
        assert!(
            output.status.success(),
            "the corpus script failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let text = String::from_utf8(output.stdout).expect("utf-8 output");
        let (mut total, mut quickened, mut specialized) = (0, 0, 0);
        let mut differ = Vec::new();
        for line in text.lines() {
            let line: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            let code: Vec<u16> = numbers(&line, "code");
            let table: Vec<u8> = numbers(&line, "exception_table");
            let tuples: Vec<usize> = numbers(&line, "tuples");
            let is_tuple = |i: usize| tuples.contains(&i);
            let stacksize = number(&line, "stacksize");
            let view = CodeView {
                code: &code,
                n_consts: number(&line, "n_consts"),
                n_names: number(&line, "n_names"),
                n_localsplus: number(&line, "n_localsplus"),
                n_locals: number(&line, "n_locals"),
                n_cellvars: number(&line, "n_cellvars"),
                n_freevars: number(&line, "n_freevars"),
                stacksize,
                exception_table: &table,
                flags: number(&line, "flags") as u32,
                kw_names_const_is_tuple: &is_tuple,
            };
            let where_ = line["where"].as_str().unwrap_or("?");
            let verified =
                validate(&view).unwrap_or_else(|invalid| panic!("{where_}: rejected: {invalid}"));
            assert!(verified.max_stack_depth <= stacksize, "{where_}");
            total += 1;
            if line["quickened"].as_bool() == Some(true) {
                quickened += 1;
                if code
                    .iter()
                    .any(|&u| opcode::is_specialized((u & 0xff) as u8))
                {
                    specialized += 1;
                }
            }
            if verified.max_stack_depth != stacksize {
                differ.push(format!(
                    "{where_}: {} < co_stacksize {stacksize}",
                    verified.max_stack_depth
                ));
            }
        }
        println!(
            "{total} code objects validated ({quickened} quickened, {specialized} with specialized instructions); max depth != co_stacksize for {}:",
            differ.len()
        );
        for line in &differ {
            println!("  {line}");
        }
        assert!(total > 4000, "only {total} code objects");
        assert!(
            specialized > 20,
            "only {specialized} specialized code objects"
        );
        // The depths differ only where the compiler leaves a dead handler in the bytecode (the
        // protected body is a constant `return` or `pass`, moved out of the try range, so no
        // exception-table entry leads to it): its `stackdepth()` still walks such handlers
        // through the SETUP_FINALLY/SETUP_CLEANUP pseudo-jumps, this analysis does not.
        assert!(
            differ.len() * 100 <= total,
            "{} of {total} differ",
            differ.len()
        );
    }
}
