//! Builds small traces by hand and runs them natively, without CPython.

#![allow(dead_code)]

use justjit_backend::x64::{self, NativeTrace};
use justjit_interp::cpython::trace_runtime::helpers_addr;
use justjit_tracer::abi::{CompiledTrace, TraceCtx};
use justjit_tracer::ir::{Exit, ExitId, Inst, Kind, Op, Phi, Snap, Trace, Value};

/// A trace under construction.
#[derive(Default)]
pub struct Builder {
    kinds: Vec<Kind>,
    preamble: Vec<Inst>,
    body: Vec<Inst>,
    phis: Vec<Phi>,
    exits: Vec<Exit>,
    in_body: bool,
}

impl Builder {
    pub fn new() -> Builder {
        Builder::default()
    }

    fn value(&mut self, kind: Kind) -> Value {
        self.kinds.push(kind);
        Value(self.kinds.len() as u32 - 1)
    }

    fn push(&mut self, inst: Inst) {
        if self.in_body {
            self.body.push(inst);
        } else {
            self.preamble.push(inst);
        }
    }

    /// Appends a uop that defines a value of `kind`.
    pub fn def(&mut self, kind: Kind, op: Op) -> Value {
        let dst = self.value(kind);
        self.push(Inst { dst: Some(dst), op });
        dst
    }

    /// Appends a uop without a result.
    pub fn op(&mut self, op: Op) {
        self.push(Inst { dst: None, op });
    }

    pub fn int(&mut self, n: i64) -> Value {
        self.def(Kind::Int, Op::Const { bits: n as u64 })
    }

    pub fn float(&mut self, x: f64) -> Value {
        self.def(Kind::Float, Op::Const { bits: x.to_bits() })
    }

    pub fn bool(&mut self, b: bool) -> Value {
        self.def(Kind::Bool, Op::Const { bits: b as u64 })
    }

    /// An exit handing over `values` (as unboxed stack entries).
    pub fn exit(&mut self, values: &[Value]) -> ExitId {
        self.exits.push(Exit {
            resume: 0,
            error: false,
            stack: values.iter().map(|&v| Snap::Unboxed(v)).collect(),
            locals: vec![],
            reason: "test",
        });
        ExitId(self.exits.len() as u32 - 1)
    }

    /// Takes a new exit with `values` unconditionally.
    pub fn leave(&mut self, values: &[Value]) -> ExitId {
        let exit = self.exit(values);
        let never = self.bool(false);
        self.op(Op::GuardBool {
            value: never,
            expect: true,
            exit,
        });
        exit
    }

    /// Starts the loop body; the phis are made with [`Builder::phi`] first.
    pub fn start_body(&mut self) {
        self.in_body = true;
    }

    /// A phi starting at `init`; its `next` is set with [`Builder::set_next`].
    pub fn phi(&mut self, init: Value) -> Value {
        let kind = self.kinds[init.0 as usize];
        let value = self.value(kind);
        self.phis.push(Phi {
            value,
            init,
            next: value,
        });
        value
    }

    pub fn set_next(&mut self, phi: Value, next: Value) {
        let phi = self.phis.iter_mut().find(|p| p.value == phi).expect("phi");
        phi.next = next;
    }

    pub fn finish(self) -> Trace {
        Trace {
            name: "test".into(),
            kinds: self.kinds,
            preamble: self.preamble,
            body: self.body,
            phis: self.phis,
            exits: self.exits,
            keepalive: vec![],
            nlocalsplus: 0,
        }
    }
}

/// What a run produced: the exit taken and its values.
#[derive(Debug, PartialEq)]
pub struct Outcome {
    pub exit: u32,
    pub values: Vec<u64>,
}

/// The state a trace runs against.
pub struct Env {
    pub slots: Vec<u64>,
    pub eval_breaker: Box<i32>,
    /// The helper table (the runtime's, unless a test substitutes its own).
    pub helpers: u64,
}

impl Env {
    pub fn new() -> Env {
        Env {
            slots: vec![0; 16],
            eval_breaker: Box::new(0),
            helpers: helpers_addr(),
        }
    }

    pub fn run(&mut self, native: &NativeTrace, trace: &Trace) -> Outcome {
        let mut exit_values = vec![0xdead_beef_u64; trace.max_exit_values().max(1)];
        let mut ctx = TraceCtx {
            localsplus: self.slots.as_mut_ptr() as u64,
            helpers: self.helpers,
            eval_breaker: &*self.eval_breaker as *const i32 as u64,
            exit_values: exit_values.as_mut_ptr() as u64,
            iterations: 0,
        };
        // SAFETY: the test's traces only touch the slots, the breaker and objects the test owns.
        let exit = unsafe { native.execute(&mut ctx) };
        let n = trace.exits[exit as usize].live_values().len();
        Outcome {
            exit,
            values: exit_values[..n].to_vec(),
        }
    }
}

/// Compiles and runs `trace` once in a fresh environment.
pub fn run(trace: &Trace) -> Outcome {
    let native = x64::compile(trace).unwrap_or_else(|e| panic!("{e}"));
    assert!(native.code_bytes() > 0);
    Env::new().run(&native, trace)
}
