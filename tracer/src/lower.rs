//! Lowering: turns a recorded loop iteration into a [`Trace`] of typed uops.
//!
//! The recorded instructions are translated twice by abstract interpretation over the frame's
//! stack and locals: once as the *preamble* (every guard the recording needs, loads from the
//! frame) and once as the *loop body*, which starts from the state the preamble ends in. So
//! guards on locals the loop never writes run once (the body reuses the preamble's checked
//! values), and locals that hold unboxed ints or floats at the back edge become phis, carried
//! from one iteration to the next without being boxed. Values are boxed again only where they
//! leave the trace: in exit snapshots, or as arguments of generic helpers.

use justjit_interp::cpython::cursor::FramePtr;
use justjit_interp::cpython::object::{self as api, Obj};
use justjit_interp::cpython::opcode as op;
use justjit_interp::cpython::trace_runtime::{addrs, Helper, TraceObj};
use justjit_interp::jit::{Builtin, DictEntry, IterKind, Spec};

use crate::ir::*;
use crate::record::{Observed, Recording, Step};

/// Why a recording could not be lowered: a stats reason and a human detail.
#[derive(Debug)]
pub struct LowerError {
    pub reason: &'static str,
    pub detail: String,
}

type Result<T> = std::result::Result<T, LowerError>;

fn fail<T>(reason: &'static str, detail: impl Into<String>) -> Result<T> {
    Err(LowerError {
        reason,
        detail: detail.into(),
    })
}

/// Who owns the reference an `Obj` value stands for.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
enum Own {
    /// The trace: released when consumed, moved into the frame at an exit.
    Owned,
    /// Borrowed from local `k`'s frame slot (valid until the trace stores into it).
    Local(u32),
    /// The frame's value-stack slot `i` at the loop head holds it.
    FrameStack(u32),
    /// A constant kept alive by the trace.
    Const,
}

/// An abstract value on the stack or in a local.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
enum AVal {
    Obj {
        v: Value,
        own: Own,
        /// The exact type, when a guard or the operation that made it proves it.
        ty: Option<u64>,
    },
    Int(Value),
    Float(Value),
    Bool(Value),
    Null,
}

/// What the trace knows about a local.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
enum Local {
    /// The frame's slot holds the current value; `Some` caches an equivalent already loaded
    /// (and guarded): a borrowed `Obj`, or its unboxed value.
    Frame(Option<AVal>),
    /// The current value is unboxed in the trace; the frame's slot holds a stale object.
    Dirty(AVal),
}

/// An argument of a generic helper: a stack operand (boxed if needed) or a value.
#[derive(Copy, Clone)]
enum Arg {
    Operand(AVal),
    Value(Value),
}

/// Numeric class of an operand, for arithmetic.
#[derive(Copy, Clone, PartialEq, Eq)]
enum Num {
    Int,
    Float,
    Other,
}

struct Lowering<'a> {
    rec: &'a Recording,
    frame: FramePtr,
    kinds: Vec<Kind>,
    out: Vec<Inst>,
    exits: Vec<Exit>,
    keepalive: Vec<TraceObj>,
    stack: Vec<AVal>,
    locals: Vec<Local>,
    /// The step being lowered.
    step: Step,
}

/// The result of lowering.
pub struct Lowered {
    pub trace: Trace,
}

pub fn lower(rec: &Recording, frame: FramePtr, name: String) -> Result<Lowered> {
    let nlocalsplus = frame.nlocalsplus() as u32;
    let mut l = Lowering {
        rec,
        frame,
        kinds: Vec::new(),
        out: Vec::new(),
        exits: Vec::new(),
        keepalive: Vec::new(),
        stack: Vec::new(),
        locals: vec![Local::Frame(None); nlocalsplus as usize],
        step: rec.steps[0].clone(),
    };
    // The loop head's stack stays in the frame for the whole loop.
    for i in 0..rec.head_depth as u32 {
        let v = l.emit(
            Op::LoadSlot {
                slot: nlocalsplus + i,
            },
            Kind::Obj,
        );
        l.stack.push(AVal::Obj {
            v,
            own: Own::FrameStack(i),
            ty: None,
        });
    }
    let head_stack = l.stack.clone();
    let result = l.run_pass(&head_stack);
    let preamble = std::mem::take(&mut l.out);
    result?;

    // The loop body starts from the state the preamble ends in.
    let written: Vec<bool> = (0..nlocalsplus)
        .map(|k| {
            rec.steps
                .iter()
                .any(|s| s.op == op::STORE_FAST && s.oparg == k)
        })
        .collect();
    let mut phis = Vec::new();
    let mut phi_of = vec![None; nlocalsplus as usize];
    let end_locals = l.locals.clone();
    for (k, local) in end_locals.iter().enumerate() {
        l.locals[k] = match *local {
            Local::Dirty(a) => {
                let (kind, init) = match a {
                    AVal::Int(v) => (Kind::Int, v),
                    AVal::Float(v) => (Kind::Float, v),
                    AVal::Bool(v) => (Kind::Bool, v),
                    _ => unreachable!("only unboxed values make a local dirty"),
                };
                let value = l.new_value(kind);
                phi_of[k] = Some(phis.len());
                phis.push(Phi {
                    value,
                    init,
                    next: value,
                });
                Local::Dirty(rewrap(a, value))
            }
            Local::Frame(_) if written[k] => Local::Frame(None),
            frame => frame,
        };
    }
    // The body keeps what the preamble learned of the head's stack (its types).
    let head_stack = l.stack.clone();
    let head = l.snapshot(rec.head, false, "eval breaker");
    l.out.push(Inst {
        dst: None,
        op: Op::CheckEvalBreaker { exit: head },
    });
    l.run_pass(&head_stack)?;
    for (k, local) in l.locals.iter().enumerate() {
        match (phi_of[k], local) {
            (Some(p), Local::Dirty(a)) => {
                let next = value_of(*a).expect("dirty locals are unboxed");
                if l.kinds[next.0 as usize] != l.kinds[phis[p].value.0 as usize] {
                    return fail("unstable_types", format!("local {k} changes kind"));
                }
                phis[p].next = next;
            }
            (Some(_), Local::Frame(_)) | (None, Local::Dirty(_)) => {
                return fail(
                    "unstable_types",
                    format!("local {k} changes representation"),
                );
            }
            (None, Local::Frame(_)) => {}
        }
    }
    let body = std::mem::take(&mut l.out);
    Ok(Lowered {
        trace: Trace {
            name,
            kinds: l.kinds,
            preamble,
            body,
            phis,
            exits: l.exits,
            keepalive: l.keepalive,
            nlocalsplus,
        },
    })
}

fn value_of(a: AVal) -> Option<Value> {
    match a {
        AVal::Obj { v, .. } | AVal::Int(v) | AVal::Float(v) | AVal::Bool(v) => Some(v),
        AVal::Null => None,
    }
}

fn rewrap(a: AVal, v: Value) -> AVal {
    match a {
        AVal::Int(_) => AVal::Int(v),
        AVal::Float(_) => AVal::Float(v),
        AVal::Bool(_) => AVal::Bool(v),
        other => other,
    }
}

/// `BINARY_OP`'s oparg without the in-place distinction.
fn base_nb_op(oparg: u32) -> u32 {
    if oparg >= 13 {
        oparg - 13
    } else {
        oparg
    }
}

impl Lowering<'_> {
    fn run_pass(&mut self, head_stack: &[AVal]) -> Result<()> {
        let steps = self.rec.steps.clone();
        for step in steps {
            if self.stack.len() != step.depth {
                return fail(
                    "stack_mismatch",
                    format!("stack depth at {}", step.start * 2),
                );
            }
            self.step = step;
            self.lower_step()?;
        }
        // The head's stack entries stay where they are (their types may be known now).
        let same = self.stack.len() == head_stack.len()
            && self
                .stack
                .iter()
                .zip(head_stack)
                .all(|(a, b)| match (a, b) {
                    (AVal::Obj { v, own, .. }, AVal::Obj { v: w, own: o, .. }) => {
                        v == w && own == o
                    }
                    _ => false,
                });
        if !same {
            return fail(
                "stack_mismatch",
                "the stack at the back edge differs from the head",
            );
        }
        Ok(())
    }

    fn new_value(&mut self, kind: Kind) -> Value {
        self.kinds.push(kind);
        Value(self.kinds.len() as u32 - 1)
    }

    fn emit(&mut self, op: Op, kind: Kind) -> Value {
        let dst = self.new_value(kind);
        self.out.push(Inst { dst: Some(dst), op });
        dst
    }

    fn emit_void(&mut self, op: Op) {
        self.out.push(Inst { dst: None, op });
    }

    fn constant(&mut self, bits: u64, kind: Kind) -> Value {
        self.emit(Op::Const { bits }, kind)
    }

    /// A constant object (kept alive by the trace).
    fn const_obj(&mut self, obj: &Obj) -> AVal {
        self.const_handle(TraceObj::of(obj))
    }

    /// A constant object by handle (a live object; the trace takes a reference to keep it).
    fn const_handle(&mut self, handle: TraceObj) -> AVal {
        if !self.keepalive.contains(&handle) {
            handle.incref();
            self.keepalive.push(handle);
        }
        let v = self.constant(handle.bits(), Kind::Obj);
        AVal::Obj {
            v,
            own: Own::Const,
            ty: Some(handle.type_addr()),
        }
    }

    /// The frame as it must be rebuilt if the trace leaves now, at `resume`.
    fn snapshot(&mut self, resume: u32, error: bool, reason: &'static str) -> ExitId {
        let stack = self
            .stack
            .iter()
            .enumerate()
            .map(|(i, a)| match *a {
                AVal::Obj {
                    own: Own::FrameStack(p),
                    ..
                } if p as usize == i => Snap::Frame,
                AVal::Obj {
                    v,
                    own: Own::Owned | Own::FrameStack(_),
                    ..
                } => Snap::Owned(v),
                AVal::Obj { v, .. } => Snap::Borrowed(v),
                AVal::Int(v) | AVal::Float(v) | AVal::Bool(v) => Snap::Unboxed(v),
                AVal::Null => Snap::Null,
            })
            .collect();
        let locals = self
            .locals
            .iter()
            .enumerate()
            .filter_map(|(k, local)| match local {
                Local::Dirty(a) => Some((k as u32, Snap::Unboxed(value_of(*a)?))),
                Local::Frame(_) => None,
            })
            .collect();
        self.exits.push(Exit {
            resume,
            error,
            stack,
            locals,
            reason,
        });
        ExitId(self.exits.len() as u32 - 1)
    }

    /// An exit that re-runs the current instruction in the interpreter.
    fn exit_before(&mut self, reason: &'static str) -> ExitId {
        self.snapshot(self.step.start, false, reason)
    }

    /// An exit for an exception raised by the current instruction.
    fn exit_error(&mut self) -> ExitId {
        self.snapshot(self.step.start, true, "exception")
    }

    fn peek(&self, depth: usize) -> AVal {
        self.stack[self.stack.len() - 1 - depth]
    }

    fn observed(&self, depth: usize) -> Observed {
        self.step.stack.get(depth).copied().unwrap_or(Observed {
            type_addr: 0,
            small_int: false,
        })
    }

    /// Drops a consumed value (releasing the reference the trace holds).
    fn release(&mut self, a: AVal) {
        if let AVal::Obj {
            v,
            own: Own::Owned | Own::FrameStack(_),
            ..
        } = a
        {
            self.emit_void(Op::Decref { value: v });
        }
    }

    fn pop_release(&mut self, n: usize) {
        for _ in 0..n {
            let a = self.stack.pop().expect("validated stack depth");
            self.release(a);
        }
    }

    /// The numeric class of operand `a` of the current instruction: from its specialized form
    /// when it has one (`BINARY_OP_*_INT`/`_FLOAT`, `COMPARE_OP_*`), else (3.11 has no form
    /// for `//`, `%`, shifts, mixed int and float…) from the type seen when recording. An int
    /// that does not fit `UnboxInt` goes the generic way.
    fn numeric(&self, a: AVal, obs: Observed) -> Num {
        match (a, self.step.spec) {
            (AVal::Int(_), _) => Num::Int,
            (AVal::Float(_), _) => Num::Float,
            (AVal::Obj { .. }, Spec::Operands(Builtin::Int)) if obs.small_int => Num::Int,
            (AVal::Obj { .. }, Spec::Operands(Builtin::Float)) => Num::Float,
            (AVal::Obj { .. }, Spec::Operands(_)) => Num::Other,
            (AVal::Obj { .. }, _) if obs.small_int => Num::Int,
            (AVal::Obj { .. }, _) if obs.type_addr == addrs::float_type() => Num::Float,
            _ => Num::Other,
        }
    }

    /// Guards that `a` (an `Obj`) has exactly type `type_addr`, unless already known.
    fn guard_type(&mut self, a: AVal, type_addr: u64) -> Value {
        let AVal::Obj { v, ty, .. } = a else {
            unreachable!("guard_type on an unboxed value")
        };
        if ty != Some(type_addr) {
            let exit = self.exit_before("type");
            self.emit_void(Op::GuardType {
                value: v,
                type_addr,
                exit,
            });
        }
        v
    }

    fn as_int(&mut self, a: AVal) -> Value {
        match a {
            AVal::Int(v) => v,
            AVal::Obj { .. } => {
                let v = self.guard_type(a, addrs::int_type());
                let exit = self.exit_before("int too big");
                self.emit(Op::UnboxInt { value: v, exit }, Kind::Int)
            }
            _ => unreachable!("as_int of a non-int"),
        }
    }

    fn as_float(&mut self, a: AVal) -> Value {
        match a {
            AVal::Float(v) => v,
            AVal::Int(v) => self.emit(Op::IntToFloat { a: v }, Kind::Float),
            AVal::Obj { .. } if self.is_int_obj(a) => {
                let i = self.as_int(a);
                self.emit(Op::IntToFloat { a: i }, Kind::Float)
            }
            AVal::Obj { .. } => {
                let v = self.guard_type(a, addrs::float_type());
                self.emit(Op::UnboxFloat { value: v }, Kind::Float)
            }
            _ => unreachable!("as_float of a non-number"),
        }
    }

    /// Whether an `Obj` operand of the current instruction was an int when recorded.
    fn is_int_obj(&self, a: AVal) -> bool {
        (0..self.step.stack.len())
            .any(|d| self.stack.len() > d && self.peek(d) == a && self.observed(d).small_int)
    }

    /// `a` as an object for a generic helper: unboxed values are boxed into a temporary,
    /// returned second to be released after the call.
    fn boxed(&mut self, a: AVal) -> Result<(Value, Option<Value>)> {
        let boxed = match a {
            AVal::Obj { v, .. } => return Ok((v, None)),
            AVal::Int(v) => {
                let exit = self.exit_error();
                self.emit(Op::BoxInt { value: v, exit }, Kind::Obj)
            }
            AVal::Float(v) => {
                let exit = self.exit_error();
                self.emit(Op::BoxFloat { value: v, exit }, Kind::Obj)
            }
            AVal::Bool(v) => self.emit(Op::BoxBool { value: v }, Kind::Obj),
            AVal::Null => return fail("null_operand", "NULL where an object is needed"),
        };
        Ok((boxed, Some(boxed)))
    }

    /// Calls a generic helper with `args` (stack operands are boxed as needed), then releases
    /// the top `consumed` stack entries. Returns the helper's result (owned).
    fn helper_call(&mut self, helper: Helper, args: &[Arg], consumed: usize) -> Result<Value> {
        let mut values = Vec::new();
        let mut temps = Vec::new();
        for arg in args {
            match *arg {
                Arg::Operand(a) => {
                    let (v, temp) = self.boxed(a)?;
                    values.push(v);
                    temps.extend(temp);
                }
                Arg::Value(v) => values.push(v),
            }
        }
        let exit = self.exit_error();
        let result = self.emit(
            Op::CallHelper {
                helper,
                args: values,
                exit,
            },
            Kind::Obj,
        );
        for temp in temps {
            self.emit_void(Op::Decref { value: temp });
        }
        self.pop_release(consumed);
        Ok(result)
    }

    fn push_owned(&mut self, v: Value) {
        self.stack.push(AVal::Obj {
            v,
            own: Own::Owned,
            ty: None,
        });
    }

    /// Makes every stack entry that borrows local `k` own its reference (before `k` is
    /// overwritten in the frame).
    fn materialize_local(&mut self, k: u32) {
        for i in 0..self.stack.len() {
            if let AVal::Obj {
                v,
                own: Own::Local(j),
                ty,
            } = self.stack[i]
            {
                if j == k {
                    self.emit_void(Op::Incref { value: v });
                    self.stack[i] = AVal::Obj {
                        v,
                        own: Own::Owned,
                        ty,
                    };
                }
            }
        }
    }

    fn lower_step(&mut self) -> Result<()> {
        let step = self.step.clone();
        let oparg = step.oparg;
        match step.op {
            op::NOP | op::JUMP_FORWARD | op::JUMP_BACKWARD | op::PRECALL => {}
            op::LOAD_FAST => self.load_fast(oparg)?,
            op::STORE_FAST => self.store_fast(oparg)?,
            op::LOAD_CONST => {
                let frame = self.frame;
                let constant = api::tuple_item(frame.code_ref().consts(), oparg as usize);
                let a = if let Some(i) = small_int_value(constant) {
                    AVal::Int(self.constant(i as u64, Kind::Int))
                } else if constant.is_exact_float() {
                    let f = TraceObj::of(constant).float_value();
                    AVal::Float(self.constant(f.to_bits(), Kind::Float))
                } else {
                    self.const_obj(constant)
                };
                self.stack.push(a);
            }
            op::POP_TOP => self.pop_release(1),
            op::PUSH_NULL => self.stack.push(AVal::Null),
            op::COPY => {
                let a = self.peek(oparg as usize - 1);
                let copy = match a {
                    AVal::Obj {
                        v,
                        own: Own::Owned | Own::FrameStack(_),
                        ty,
                    } => {
                        self.emit_void(Op::Incref { value: v });
                        AVal::Obj {
                            v,
                            own: Own::Owned,
                            ty,
                        }
                    }
                    other => other,
                };
                self.stack.push(copy);
            }
            op::SWAP => {
                let len = self.stack.len();
                self.stack.swap(len - 1, len - oparg as usize);
            }
            op::UNARY_NEGATIVE => {
                let a = self.peek(0);
                let result = match self.numeric(a, self.observed(0)) {
                    Num::Int => {
                        let i = self.as_int(a);
                        let exit = self.exit_before("overflow");
                        AVal::Int(self.emit(Op::IntNeg { a: i, exit }, Kind::Int))
                    }
                    Num::Float => {
                        let f = self.as_float(a);
                        AVal::Float(self.emit(Op::FloatNeg { a: f }, Kind::Float))
                    }
                    Num::Other => return fail("unsupported_operand", "unary minus"),
                };
                self.pop_release(1);
                self.stack.push(result);
            }
            op::UNARY_NOT => {
                let a = self.peek(0);
                let truth = self.truth(a, self.observed(0), true)?;
                let not = self.emit(Op::BoolNot { a: truth }, Kind::Bool);
                self.pop_release(1);
                self.stack.push(AVal::Bool(not));
            }
            op::BINARY_OP => self.binary_op(oparg)?,
            op::COMPARE_OP => self.compare_op(oparg)?,
            op::IS_OP => {
                let (a, b) = (self.peek(1), self.peek(0));
                let same = match (a, b) {
                    (AVal::Obj { v: x, .. }, AVal::Obj { v: y, .. }) => {
                        self.emit(Op::ObjIs { a: x, b: y }, Kind::Bool)
                    }
                    _ => return fail("unsupported_operand", "is with an unboxed value"),
                };
                let result = if oparg != 0 {
                    self.emit(Op::BoolNot { a: same }, Kind::Bool)
                } else {
                    same
                };
                self.pop_release(2);
                self.stack.push(AVal::Bool(result));
            }
            op::POP_JUMP_FORWARD_IF_FALSE
            | op::POP_JUMP_FORWARD_IF_TRUE
            | op::POP_JUMP_BACKWARD_IF_FALSE
            | op::POP_JUMP_BACKWARD_IF_TRUE => {
                let if_true = matches!(
                    step.op,
                    op::POP_JUMP_FORWARD_IF_TRUE | op::POP_JUMP_BACKWARD_IF_TRUE
                );
                let a = self.peek(0);
                let truth = self.truth(a, self.observed(0), true)?;
                self.pop_release(1);
                self.branch_guard(truth, if_true)?;
            }
            op::POP_JUMP_FORWARD_IF_NONE
            | op::POP_JUMP_FORWARD_IF_NOT_NONE
            | op::POP_JUMP_BACKWARD_IF_NONE
            | op::POP_JUMP_BACKWARD_IF_NOT_NONE => {
                let if_none = matches!(
                    step.op,
                    op::POP_JUMP_FORWARD_IF_NONE | op::POP_JUMP_BACKWARD_IF_NONE
                );
                let a = self.peek(0);
                let is_none = match a {
                    AVal::Obj { v, .. } => {
                        let none = self.constant(addrs::py_none(), Kind::Obj);
                        self.emit(Op::ObjIs { a: v, b: none }, Kind::Bool)
                    }
                    AVal::Null => return fail("null_operand", "NULL tested for None"),
                    _ => self.constant(0, Kind::Bool),
                };
                self.pop_release(1);
                self.branch_guard(is_none, if_none)?;
            }
            op::JUMP_IF_FALSE_OR_POP | op::JUMP_IF_TRUE_OR_POP => {
                let a = self.peek(0);
                let obs = self.observed(0);
                if let (AVal::Obj { .. }, Num::Other) = (a, self.numeric(a, obs)) {
                    if obs.type_addr != addrs::bool_type() {
                        return fail("unsupported_operand", "and/or on an object");
                    }
                }
                // The truth of these has no side effects: on a wrong direction the
                // interpreter runs the instruction again.
                let truth = self.truth(a, obs, false)?;
                let jumped = step.jumped.expect("direction recorded");
                let if_true = step.op == op::JUMP_IF_TRUE_OR_POP;
                let exit = self.exit_before("branch");
                self.emit_void(Op::GuardBool {
                    value: truth,
                    expect: jumped == if_true,
                    exit,
                });
                if !jumped {
                    self.pop_release(1);
                }
            }
            op::FOR_ITER => {
                let it = self.peek(0);
                // The form's iterator kind, else the iterator's type as seen.
                let type_addr = match step.spec {
                    Spec::Iter(IterKind::Range) => addrs::range_iter_type(),
                    Spec::Iter(IterKind::List) => addrs::list_iter_type(),
                    Spec::Iter(IterKind::Tuple) => addrs::tuple_iter_type(),
                    Spec::Iter(IterKind::Generator) => addrs::generator_type(),
                    _ => self.observed(0).type_addr,
                };
                let obs = Observed {
                    type_addr,
                    small_int: false,
                };
                if obs.type_addr == addrs::range_iter_type() {
                    let v = self.guard_type(it, obs.type_addr);
                    self.set_type(0, obs.type_addr);
                    let exit = self.exit_before("loop done");
                    let i = self.emit(Op::RangeIterNext { iter: v, exit }, Kind::Int);
                    self.stack.push(AVal::Int(i));
                } else if obs.type_addr == addrs::list_iter_type() {
                    let v = self.guard_type(it, obs.type_addr);
                    self.set_type(0, obs.type_addr);
                    let exit = self.exit_before("loop done");
                    let item = self.emit(Op::ListIterNext { iter: v, exit }, Kind::Obj);
                    self.emit_void(Op::Incref { value: item });
                    self.push_owned(item);
                } else {
                    return fail("unsupported_iterator", "for over this iterator");
                }
            }
            op::BINARY_SUBSCR => self.binary_subscr()?,
            op::UNPACK_SEQUENCE => self.unpack_sequence(oparg)?,
            op::BUILD_TUPLE => self.build_from_top(Helper::BuildTuple, oparg as usize)?,
            op::BUILD_LIST => self.build_from_top(Helper::BuildList, oparg as usize)?,
            op::BUILD_SLICE => self.build_from_top(Helper::BuildSlice, oparg as usize)?,
            op::CONTAINS_OP => {
                let (item, container) = (self.peek(1), self.peek(0));
                let invert = self.constant(u64::from(oparg != 0), Kind::Int);
                let found = self.helper_call(
                    Helper::Contains,
                    &[
                        Arg::Operand(item),
                        Arg::Operand(container),
                        Arg::Value(invert),
                    ],
                    2,
                )?;
                self.push_owned(found);
            }
            op::STORE_SUBSCR => {
                let (value, container, key) = (self.peek(2), self.peek(1), self.peek(0));
                let result = self.helper_call(
                    Helper::SetItem,
                    &[
                        Arg::Operand(container),
                        Arg::Operand(key),
                        Arg::Operand(value),
                    ],
                    3,
                )?;
                self.emit_void(Op::Decref { value: result });
            }
            op::LOAD_ATTR => self.load_attr(oparg)?,
            op::STORE_ATTR => self.store_attr(oparg)?,
            op::LOAD_METHOD => self.load_method(oparg)?,
            op::LOAD_GLOBAL => self.load_global(oparg)?,
            op::CALL => {
                let n = oparg as usize;
                let method = self.peek(n + 1);
                let mut operands = self.top_operands(n + 1);
                match method {
                    AVal::Null => {}
                    AVal::Obj { .. } => operands.insert(0, Arg::Operand(method)),
                    _ => return fail("unsupported_operand", "call of an unboxed value"),
                }
                let result = self.helper_call(Helper::Call, &operands, n + 2)?;
                self.push_owned(result);
            }
            other => {
                return fail(
                    "unsupported_instruction",
                    op::name(other).unwrap_or("?").to_string(),
                )
            }
        }
        Ok(())
    }

    /// The top `n` stack entries as helper operands, the deepest first.
    fn top_operands(&self, n: usize) -> Vec<Arg> {
        (0..n).rev().map(|d| Arg::Operand(self.peek(d))).collect()
    }

    /// Replaces the top `n` stack entries with what `helper` makes of them (`BUILD_*`).
    fn build_from_top(&mut self, helper: Helper, n: usize) -> Result<()> {
        let operands = self.top_operands(n);
        let built = self.helper_call(helper, &operands, n)?;
        self.push_owned(built);
        Ok(())
    }

    /// Records that stack entry `depth` (an `Obj`) has exact type `type_addr`.
    fn set_type(&mut self, depth: usize, type_addr: u64) {
        let i = self.stack.len() - 1 - depth;
        if let AVal::Obj { v, own, .. } = self.stack[i] {
            self.stack[i] = AVal::Obj {
                v,
                own,
                ty: Some(type_addr),
            };
        }
    }

    fn name_const(&mut self, index: u32) -> Value {
        let frame = self.frame;
        let name = api::tuple_item(frame.code_ref().names(), index as usize);
        let AVal::Obj { v, .. } = self.const_obj(name) else {
            unreachable!()
        };
        v
    }

    fn load_fast(&mut self, k: u32) -> Result<()> {
        let a = match self.locals[k as usize] {
            Local::Dirty(a) | Local::Frame(Some(a)) => a,
            Local::Frame(None) => {
                let obs = self.step.local.expect("LOAD_FAST observes its local");
                if obs.type_addr == 0 {
                    return fail("unbound_local", "a local is unbound");
                }
                let v = self.emit(Op::LoadSlot { slot: k }, Kind::Obj);
                let exit = self.exit_before("local type");
                self.emit_void(Op::GuardType {
                    value: v,
                    type_addr: obs.type_addr,
                    exit,
                });
                let a = if obs.small_int {
                    let exit = self.exit_before("int too big");
                    AVal::Int(self.emit(Op::UnboxInt { value: v, exit }, Kind::Int))
                } else if obs.type_addr == addrs::float_type() {
                    AVal::Float(self.emit(Op::UnboxFloat { value: v }, Kind::Float))
                } else {
                    AVal::Obj {
                        v,
                        own: Own::Local(k),
                        ty: Some(obs.type_addr),
                    }
                };
                self.locals[k as usize] = Local::Frame(Some(a));
                a
            }
        };
        self.stack.push(a);
        Ok(())
    }

    fn store_fast(&mut self, k: u32) -> Result<()> {
        let a = self.peek(0);
        match a {
            AVal::Int(_) | AVal::Float(_) | AVal::Bool(_) => {
                self.stack.pop();
                self.locals[k as usize] = Local::Dirty(a);
            }
            AVal::Obj { v, own, ty } => {
                self.stack.pop();
                if matches!(own, Own::Local(_) | Own::Const) {
                    self.emit_void(Op::Incref { value: v });
                }
                self.materialize_local(k);
                self.emit_void(Op::StoreSlot { slot: k, value: v });
                self.locals[k as usize] = Local::Frame(Some(AVal::Obj {
                    v,
                    own: Own::Local(k),
                    ty,
                }));
            }
            AVal::Null => return fail("null_operand", "storing NULL"),
        }
        Ok(())
    }

    /// The truth of `a` as a Bool. `generic` allows calling `__bool__` (with an error exit).
    fn truth(&mut self, a: AVal, obs: Observed, generic: bool) -> Result<Value> {
        Ok(match a {
            AVal::Bool(v) => v,
            AVal::Int(v) => {
                let zero = self.constant(0, Kind::Int);
                self.emit(
                    Op::IntCompare {
                        cmp: Cmp::Ne,
                        a: v,
                        b: zero,
                    },
                    Kind::Bool,
                )
            }
            AVal::Float(v) => {
                let zero = self.constant(0f64.to_bits(), Kind::Float);
                self.emit(
                    Op::FloatCompare {
                        cmp: Cmp::Ne,
                        a: v,
                        b: zero,
                    },
                    Kind::Bool,
                )
            }
            AVal::Obj { .. } if obs.type_addr == addrs::bool_type() => {
                let v = self.guard_type(a, addrs::bool_type());
                let py_true = self.constant(addrs::py_true(), Kind::Obj);
                self.emit(Op::ObjIs { a: v, b: py_true }, Kind::Bool)
            }
            AVal::Obj { .. } if matches!(self.numeric(a, obs), Num::Int | Num::Float) => {
                let unboxed = if obs.small_int {
                    AVal::Int(self.as_int(a))
                } else {
                    AVal::Float(self.as_float(a))
                };
                return self.truth(unboxed, obs, generic);
            }
            AVal::Obj { v, .. } if generic => {
                let exit = self.exit_error();
                self.emit(Op::Truth { value: v, exit }, Kind::Bool)
            }
            _ => return fail("unsupported_operand", "truth of this value"),
        })
    }

    /// Guards the recorded direction of the conditional jump being lowered, whose condition
    /// (already popped) had truth `truth`; jumping happens when `truth == jump_if`.
    fn branch_guard(&mut self, truth: Value, jump_if: bool) -> Result<()> {
        let step = self.step.clone();
        let jumped = step.jumped.expect("direction recorded");
        let target = if matches!(
            step.op,
            op::POP_JUMP_BACKWARD_IF_FALSE
                | op::POP_JUMP_BACKWARD_IF_TRUE
                | op::POP_JUMP_BACKWARD_IF_NONE
                | op::POP_JUMP_BACKWARD_IF_NOT_NONE
        ) {
            step.next - step.oparg
        } else {
            step.next + step.oparg
        };
        let other = if jumped { step.next } else { target };
        let exit = self.snapshot(other, false, "branch");
        self.emit_void(Op::GuardBool {
            value: truth,
            expect: jumped == jump_if,
            exit,
        });
        Ok(())
    }

    fn binary_op(&mut self, oparg: u32) -> Result<()> {
        let (a, b) = (self.peek(1), self.peek(0));
        let (na, nb) = (
            self.numeric(a, self.observed(1)),
            self.numeric(b, self.observed(0)),
        );
        let nb_op = base_nb_op(oparg);
        let int_op = match nb_op as u8 {
            op::NB_ADD => Some(IntOp::Add),
            op::NB_SUBTRACT => Some(IntOp::Sub),
            op::NB_MULTIPLY => Some(IntOp::Mul),
            op::NB_FLOOR_DIVIDE => Some(IntOp::FloorDiv),
            op::NB_REMAINDER => Some(IntOp::Mod),
            op::NB_AND => Some(IntOp::And),
            op::NB_OR => Some(IntOp::Or),
            op::NB_XOR => Some(IntOp::Xor),
            op::NB_RSHIFT => Some(IntOp::Rshift),
            op::NB_LSHIFT => Some(IntOp::Lshift),
            _ => None,
        };
        let float_op = match nb_op as u8 {
            op::NB_ADD => Some(FloatOp::Add),
            op::NB_SUBTRACT => Some(FloatOp::Sub),
            op::NB_MULTIPLY => Some(FloatOp::Mul),
            op::NB_TRUE_DIVIDE => Some(FloatOp::Div),
            _ => None,
        };
        let result = match (na, nb, int_op, float_op) {
            (Num::Int, Num::Int, Some(iop), _) => {
                let (x, y) = (self.as_int(a), self.as_int(b));
                let exit = self.exit_before("int arithmetic");
                AVal::Int(self.emit(
                    Op::IntArith {
                        op: iop,
                        a: x,
                        b: y,
                        exit,
                    },
                    Kind::Int,
                ))
            }
            (Num::Float, Num::Float | Num::Int, _, Some(fop))
            | (Num::Int, Num::Float, _, Some(fop)) => {
                let (x, y) = (self.as_float(a), self.as_float(b));
                let exit = self.exit_before("float division by zero");
                AVal::Float(self.emit(
                    Op::FloatArith {
                        op: fop,
                        a: x,
                        b: y,
                        exit,
                    },
                    Kind::Float,
                ))
            }
            _ => {
                let nb = self.constant(u64::from(oparg), Kind::Int);
                let v = self.helper_call(
                    Helper::BinaryOp,
                    &[Arg::Operand(a), Arg::Operand(b), Arg::Value(nb)],
                    0,
                )?;
                self.pop_release(2);
                self.push_owned(v);
                return Ok(());
            }
        };
        self.pop_release(2);
        self.stack.push(result);
        Ok(())
    }

    fn compare_op(&mut self, oparg: u32) -> Result<()> {
        let Some(cmp) = Cmp::from_oparg(oparg) else {
            return fail("unsupported_operand", "comparison");
        };
        let (a, b) = (self.peek(1), self.peek(0));
        let (na, nb) = (
            self.numeric(a, self.observed(1)),
            self.numeric(b, self.observed(0)),
        );
        let result = match (na, nb) {
            (Num::Int, Num::Int) => {
                let (x, y) = (self.as_int(a), self.as_int(b));
                AVal::Bool(self.emit(Op::IntCompare { cmp, a: x, b: y }, Kind::Bool))
            }
            (Num::Float, Num::Float) => {
                let (x, y) = (self.as_float(a), self.as_float(b));
                AVal::Bool(self.emit(Op::FloatCompare { cmp, a: x, b: y }, Kind::Bool))
            }
            _ => {
                let c = self.constant(u64::from(oparg), Kind::Int);
                let v = self.helper_call(
                    Helper::CompareOp,
                    &[Arg::Operand(a), Arg::Operand(b), Arg::Value(c)],
                    0,
                )?;
                self.pop_release(2);
                self.push_owned(v);
                return Ok(());
            }
        };
        self.pop_release(2);
        self.stack.push(result);
        Ok(())
    }

    // --- attributes and globals: what their specialized forms' caches say ----------------------

    /// The owner operand at `depth` as an `Obj` value (unboxed values have no attributes the
    /// forms cover).
    fn owner_at(&self, depth: usize) -> Option<Value> {
        match self.peek(depth) {
            AVal::Obj { v, .. } => Some(v),
            _ => None,
        }
    }

    /// Guards that owner `v` has type version `version`.
    fn guard_type_version(&mut self, v: Value, version: u32) {
        let exit = self.exit_before("type version");
        self.emit_void(Op::GuardTypeVersion {
            value: v,
            version,
            exit,
        });
    }

    /// The value of `entry` in `dict` (borrowed), guarded by the dict's keys version.
    fn dict_entry(&mut self, dict: Value, entry: DictEntry, reason: &'static str) -> Value {
        let exit = self.exit_before(reason);
        self.emit(
            Op::LoadDictEntry {
                dict,
                keys_version: entry.keys_version,
                index: entry.index,
                value_offset: entry.value_offset,
                exit,
            },
            Kind::Obj,
        )
    }

    /// The instance-value or `__slots__` access that the current `LOAD_ATTR`/`STORE_ATTR`
    /// form's cache describes, on `owner` guarded by its type version: a load, or (`store`
    /// gives the value's stack depth) a store that takes the value's reference and gives the
    /// old value. `None` for the other forms.
    fn attr_field(&mut self, owner: Value, store: Option<usize>) -> Result<Option<Value>> {
        let spec = self.step.spec;
        let (type_version, reason) = match spec {
            Spec::InstanceValue { type_version, .. } => (type_version, "attribute not in values"),
            Spec::Member { type_version, .. } => (type_version, "slot unset"),
            _ => return Ok(None),
        };
        let value = store.map(|depth| self.own_operand(depth)).transpose()?;
        self.guard_type_version(owner, type_version);
        let exit = self.exit_before(reason);
        let op = match (spec, value) {
            (Spec::InstanceValue { index, .. }, None) => Op::LoadInstanceValue {
                owner,
                type_version,
                index,
                exit,
            },
            (Spec::InstanceValue { index, .. }, Some(value)) => Op::StoreInstanceValue {
                owner,
                type_version,
                index,
                value,
                exit,
            },
            (Spec::Member { offset, .. }, None) => Op::LoadMember {
                owner,
                type_version,
                offset,
                exit,
            },
            (Spec::Member { offset, .. }, Some(value)) => Op::StoreMember {
                owner,
                type_version,
                offset,
                value,
                exit,
            },
            _ => unreachable!("an attribute field form"),
        };
        Ok(Some(self.emit(op, Kind::Obj)))
    }

    fn load_attr(&mut self, oparg: u32) -> Result<()> {
        let owner = self.peek(0);
        if let (Spec::ClassAttr { .. }, Some(o)) = (self.step.spec, self.owner_at(0)) {
            let value = self.class_attr(o);
            self.pop_release(1);
            self.stack.push(value);
            return Ok(());
        }
        let read = match (self.step.spec, self.owner_at(0)) {
            (Spec::ModuleAttr { entry }, Some(o)) => Some(self.module_attr(owner, o, entry)),
            (_, Some(o)) => self.attr_field(o, None)?,
            (_, None) => None,
        };
        let result = match read {
            Some(value) => {
                self.emit_void(Op::Incref { value });
                self.pop_release(1);
                value
            }
            None => {
                let name = self.name_const(oparg);
                self.helper_call(Helper::GetAttr, &[Arg::Operand(owner), Arg::Value(name)], 1)?
            }
        };
        self.push_owned(result);
        Ok(())
    }

    /// `LOAD_ATTR_CLASS`'s and `LOAD_METHOD_CLASS`'s read (the step's spec is `ClassAttr`):
    /// the owner `o` is the class the cache names, with its version, and the value (a constant
    /// the trace holds, as it holds the class, whose address the guard compares) still reads
    /// as itself.
    fn class_attr(&mut self, o: Value) -> AVal {
        let Spec::ClassAttr {
            class,
            version,
            value,
            value_type_version,
        } = self.step.spec
        else {
            unreachable!("class_attr without a ClassAttr spec")
        };
        self.const_handle(TraceObj::from_exit_bits(class));
        let exit = self.exit_before("class");
        self.emit_void(Op::GuardIs {
            value: o,
            addr: class,
            expect: true,
            exit,
        });
        let exit = self.exit_before("class version");
        self.emit_void(Op::GuardClassVersion {
            class: o,
            version,
            exit,
        });
        let value = self.const_handle(TraceObj::from_exit_bits(value));
        if let (Some(type_version), AVal::Obj { v, .. }) = (value_type_version, value) {
            self.guard_type_version(v, type_version);
        }
        value
    }

    /// `LOAD_ATTR_MODULE`'s and `LOAD_METHOD_MODULE`'s read: the owner (`owner`, the object
    /// `o`) is a module whose dict's keys still hold the name at `entry`. Borrowed.
    fn module_attr(&mut self, owner: AVal, o: Value, entry: DictEntry) -> Value {
        self.guard_type(owner, addrs::module_type());
        let exit = self.exit_before("module without dict");
        let dict = self.emit(Op::ModuleDict { module: o, exit }, Kind::Obj);
        self.dict_entry(dict, entry, "module keys version")
    }

    /// Makes the stack entry at `depth` an object the trace owns a reference to (boxing an
    /// unboxed value, or taking a new reference to a borrowed one), so that a store can give
    /// that reference away, and an exit before it hands it to the frame.
    fn own_operand(&mut self, depth: usize) -> Result<Value> {
        let i = self.stack.len() - 1 - depth;
        let a = self.stack[i];
        let v = match a {
            AVal::Obj {
                v,
                own: Own::Owned | Own::FrameStack(_),
                ..
            } => return Ok(v),
            AVal::Obj { v, .. } => {
                self.emit_void(Op::Incref { value: v });
                v
            }
            _ => {
                let (v, _) = self.boxed(a)?;
                v
            }
        };
        self.stack[i] = AVal::Obj {
            v,
            own: Own::Owned,
            ty: None,
        };
        Ok(v)
    }

    fn store_attr(&mut self, oparg: u32) -> Result<()> {
        let old = match self.owner_at(0) {
            Some(o) => self.attr_field(o, Some(1))?,
            None => None,
        };
        match old {
            Some(old) => {
                // The owner is released; the value's reference went into the object.
                self.pop_release(1);
                self.stack.pop();
                self.emit_void(Op::Decref { value: old });
            }
            None => {
                let (value, owner) = (self.peek(1), self.peek(0));
                let name = self.name_const(oparg);
                let args = [Arg::Operand(owner), Arg::Value(name), Arg::Operand(value)];
                let result = self.helper_call(Helper::SetAttr, &args, 2)?;
                self.emit_void(Op::Decref { value: result });
            }
        }
        Ok(())
    }

    fn load_method(&mut self, oparg: u32) -> Result<()> {
        let owner = self.peek(0);
        if let (
            Spec::Method {
                type_version,
                keys_version,
                method,
            },
            Some(o),
        ) = (self.step.spec, self.owner_at(0))
        {
            self.guard_type_version(o, type_version);
            if let Some(keys_version) = keys_version {
                let exit = self.exit_before("instance dict");
                self.emit_void(Op::GuardNoDict {
                    owner: o,
                    keys_version,
                    exit,
                });
            }
            // The method stays the type's while the type keeps its version; the trace keeps
            // it alive too.
            let method = self.const_handle(TraceObj::from_exit_bits(method));
            self.stack.pop();
            self.stack.push(method);
            self.stack.push(owner);
            return Ok(());
        }
        if let (Spec::ClassAttr { .. }, Some(o)) = (self.step.spec, self.owner_at(0)) {
            let value = self.class_attr(o);
            self.pop_release(1);
            self.stack.push(AVal::Null);
            self.stack.push(value);
            return Ok(());
        }
        let result = match (self.step.spec, self.owner_at(0)) {
            (Spec::ModuleAttr { entry }, Some(o)) => {
                let value = self.module_attr(owner, o, entry);
                self.emit_void(Op::Incref { value });
                self.pop_release(1);
                value
            }
            _ => {
                let name = self.name_const(oparg);
                self.helper_call(Helper::GetAttr, &[Arg::Operand(owner), Arg::Value(name)], 1)?
            }
        };
        self.stack.push(AVal::Null);
        self.push_owned(result);
        Ok(())
    }

    fn load_global(&mut self, oparg: u32) -> Result<()> {
        let frame = self.frame;
        let globals = self.const_obj(frame.globals());
        let builtins = self.const_obj(frame.builtins());
        let (AVal::Obj { v: g, .. }, AVal::Obj { v: b, .. }) = (globals, builtins) else {
            unreachable!("constants are objects")
        };
        let value = match self.step.spec {
            Spec::GlobalModule { entry } => {
                let value = self.dict_entry(g, entry, "globals keys version");
                self.emit_void(Op::Incref { value });
                value
            }
            Spec::GlobalBuiltin {
                globals_version,
                entry,
            } => {
                let exit = self.exit_before("globals keys version");
                self.emit_void(Op::GuardKeysVersion {
                    dict: g,
                    keys_version: globals_version,
                    exit,
                });
                let value = self.dict_entry(b, entry, "builtins keys version");
                self.emit_void(Op::Incref { value });
                value
            }
            _ => {
                let name = self.name_const(oparg >> 1);
                let exit = self.exit_error();
                self.emit(
                    Op::CallHelper {
                        helper: Helper::LoadGlobal,
                        args: vec![g, b, name],
                        exit,
                    },
                    Kind::Obj,
                )
            }
        };
        if oparg & 1 != 0 {
            self.stack.push(AVal::Null);
        }
        self.push_owned(value);
        Ok(())
    }

    /// `UNPACK_SEQUENCE` of an exact tuple or list of `oparg` items (its specialized form's
    /// type): the type and the length guarded, the items read inline and pushed last first.
    /// Other sequences abort the recording.
    fn unpack_sequence(&mut self, oparg: u32) -> Result<()> {
        let seq = self.peek(0);
        let (type_addr, is_list) = match (self.step.spec, seq) {
            (Spec::Unpack(Builtin::Tuple), AVal::Obj { .. }) => (addrs::tuple_type(), false),
            (Spec::Unpack(Builtin::List), AVal::Obj { .. }) => (addrs::list_type(), true),
            _ => {
                return fail(
                    "unsupported_instruction",
                    "UNPACK_SEQUENCE of other than a tuple or list of its length",
                )
            }
        };
        let s = self.guard_type(seq, type_addr);
        let len = if is_list {
            self.emit(Op::ListLen { list: s }, Kind::Int)
        } else {
            self.emit(Op::TupleLen { tuple: s }, Kind::Int)
        };
        let n = oparg as usize;
        let expected = self.constant(n as u64, Kind::Int);
        let same = self.emit(
            Op::IntCompare {
                cmp: Cmp::Eq,
                a: len,
                b: expected,
            },
            Kind::Bool,
        );
        let exit = self.exit_before("sequence length");
        self.emit_void(Op::GuardBool {
            value: same,
            expect: true,
            exit,
        });
        // Every item is read (the length is guarded: no read exits) before any reference is
        // taken, so that no exit leaves a reference behind.
        let mut items = Vec::with_capacity(n);
        for i in 0..n {
            let index = self.constant(i as u64, Kind::Int);
            let exit = self.exit_before("sequence length");
            items.push(self.sequence_item(is_list, s, index, exit));
        }
        for &item in &items {
            self.emit_void(Op::Incref { value: item });
        }
        self.pop_release(1);
        for item in items.into_iter().rev() {
            self.push_owned(item);
        }
        Ok(())
    }

    /// Item `index` (an Int) of `seq`, an exact list or tuple (guarded before), borrowed;
    /// `exit` when the index is out of range.
    fn sequence_item(&mut self, is_list: bool, seq: Value, index: Value, exit: ExitId) -> Value {
        let op = if is_list {
            Op::ListItem {
                list: seq,
                index,
                exit,
            }
        } else {
            Op::TupleItem {
                tuple: seq,
                index,
                exit,
            }
        };
        self.emit(op, Kind::Obj)
    }

    fn binary_subscr(&mut self) -> Result<()> {
        let (container, index) = (self.peek(1), self.peek(0));
        // The form's container type, else the container's type as seen.
        let container_type = match self.step.spec {
            Spec::Subscr(Builtin::List) => addrs::list_type(),
            Spec::Subscr(Builtin::Tuple) => addrs::tuple_type(),
            Spec::Subscr(Builtin::Dict) => addrs::dict_type(),
            _ => self.observed(1).type_addr,
        };
        let obs = Observed {
            type_addr: container_type,
            small_int: false,
        };
        let int_index = match index {
            AVal::Int(_) => true,
            AVal::Obj { .. } => self.observed(0).small_int,
            _ => false,
        };
        let is_list = obs.type_addr == addrs::list_type();
        let is_tuple = obs.type_addr == addrs::tuple_type();
        if int_index && (is_list || is_tuple) && matches!(container, AVal::Obj { .. }) {
            let c = self.guard_type(container, obs.type_addr);
            let i = self.as_int(index);
            let exit = self.exit_before("index out of range");
            let item = self.sequence_item(is_list, c, i, exit);
            self.emit_void(Op::Incref { value: item });
            self.pop_release(2);
            self.push_owned(item);
            return Ok(());
        }
        let v = self.helper_call(
            Helper::GetItem,
            &[Arg::Operand(container), Arg::Operand(index)],
            2,
        )?;
        self.push_owned(v);
        Ok(())
    }
}

/// The value of a constant that is an exact int fitting `UnboxInt`.
fn small_int_value(obj: &Obj) -> Option<i64> {
    obj.is_exact_int()
        .then(|| TraceObj::of(obj).unbox_int())
        .flatten()
}
