//! Helper calls through a substitute helper table: arguments, results, failure exits, stack
//! alignment, and values surviving helpers that clobber every caller-saved register.

mod common;

use std::cell::RefCell;

use common::{Builder, Env};
use justjit_backend::x64;
use justjit_interp::cpython::trace_runtime::{offsets, Helper, HelperFn};
use justjit_tracer::ir::{Cmp, FloatOp, IntOp, Kind, Op, Value};

thread_local! {
    /// (helper, arguments) of every call this thread made.
    static CALLS: RefCell<Vec<(Helper, Vec<u64>)>> = const { RefCell::new(Vec::new()) };
}

fn clobber_caller_saved() {
    // SAFETY: writes only registers declared as clobbered outputs.
    unsafe {
        std::arch::asm!(
            "mov rsi, -1", "mov rdi, -1", "mov r8, -1", "mov r9, -1", "mov r10, -1",
            "mov r11, -1", "mov rcx, -1", "mov rdx, -1",
            "pcmpeqd xmm0, xmm0", "pcmpeqd xmm1, xmm1", "pcmpeqd xmm2, xmm2",
            "pcmpeqd xmm3, xmm3", "pcmpeqd xmm4, xmm4", "pcmpeqd xmm5, xmm5",
            "pcmpeqd xmm6, xmm6", "pcmpeqd xmm7, xmm7", "pcmpeqd xmm8, xmm8",
            "pcmpeqd xmm9, xmm9", "pcmpeqd xmm10, xmm10", "pcmpeqd xmm11, xmm11",
            "pcmpeqd xmm12, xmm12", "pcmpeqd xmm13, xmm13", "pcmpeqd xmm14, xmm14",
            "pcmpeqd xmm15, xmm15",
            out("rsi") _, out("rdi") _, out("r8") _, out("r9") _, out("r10") _, out("r11") _,
            out("rcx") _, out("rdx") _, out("xmm0") _, out("xmm1") _, out("xmm2") _,
            out("xmm3") _, out("xmm4") _, out("xmm5") _, out("xmm6") _, out("xmm7") _,
            out("xmm8") _, out("xmm9") _, out("xmm10") _, out("xmm11") _, out("xmm12") _,
            out("xmm13") _, out("xmm14") _, out("xmm15") _,
        );
    }
}

fn record(helper: Helper, args: *const u64, nargs: usize) -> Vec<u64> {
    // The argument array is at rsp when the trace calls: it must be 16-byte aligned.
    assert_eq!(args as usize % 16, 0, "misaligned stack at a call");
    // SAFETY: the trace passes `nargs` readable words.
    let args = unsafe { std::slice::from_raw_parts(args, nargs) }.to_vec();
    CALLS.with(|calls| calls.borrow_mut().push((helper, args.clone())));
    clobber_caller_saved();
    args
}

unsafe extern "C" fn fake_dealloc(args: *const u64, nargs: usize) -> u64 {
    record(Helper::Dealloc, args, nargs);
    0
}

/// "Boxes" `n` as `n + 1000`; fails on 13.
unsafe extern "C" fn fake_box_int(args: *const u64, nargs: usize) -> u64 {
    let args = record(Helper::BoxInt, args, nargs);
    if args[0] == 13 {
        0
    } else {
        args[0] + 1000
    }
}

unsafe extern "C" fn fake_box_float(args: *const u64, nargs: usize) -> u64 {
    record(Helper::BoxFloat, args, nargs)[0] ^ 1
}

/// Truth of the low bit; raises on 99.
unsafe extern "C" fn fake_truth(args: *const u64, nargs: usize) -> u64 {
    let args = record(Helper::Truth, args, nargs);
    if args[0] == 99 {
        u64::MAX
    } else {
        args[0] & 1
    }
}

/// The sum of its arguments; fails when there are none.
unsafe extern "C" fn fake_call(args: *const u64, nargs: usize) -> u64 {
    record(Helper::Call, args, nargs).iter().sum()
}

unsafe extern "C" fn unexpected(_: *const u64, _: usize) -> u64 {
    std::process::abort()
}

static TABLE: [HelperFn; 16] = [
    fake_dealloc,
    fake_box_int,
    fake_box_float,
    fake_truth,
    unexpected,
    unexpected,
    unexpected,
    unexpected,
    unexpected,
    unexpected,
    unexpected,
    fake_call,
    unexpected,
    unexpected,
    unexpected,
    unexpected,
];

fn env() -> Env {
    CALLS.with(|calls| calls.borrow_mut().clear());
    let mut env = Env::new();
    env.helpers = TABLE.as_ptr() as u64;
    env
}

fn calls() -> Vec<(Helper, Vec<u64>)> {
    CALLS.with(|calls| calls.borrow().clone())
}

/// A loop calling every helper kind each iteration, with many values live across the calls.
#[test]
fn values_survive_helper_calls() {
    const N: usize = 12;
    let mut b = Builder::new();
    let zero = b.int(0);
    let one = b.int(1);
    let limit = b.int(3);
    let inits: Vec<Value> = (0..N as i64).map(|k| b.int(k * 10)).collect();
    let i = b.phi(zero);
    let phis: Vec<Value> = inits.iter().map(|&v| b.phi(v)).collect();
    b.start_body();
    let lt = b.def(
        Kind::Bool,
        Op::IntCompare {
            cmp: Cmp::Lt,
            a: i,
            b: limit,
        },
    );
    let done = b.exit(&phis);
    b.op(Op::GuardBool {
        value: lt,
        expect: true,
        exit: done,
    });
    let failed = b.exit(&phis);
    let boxed = b.def(
        Kind::Obj,
        Op::BoxInt {
            value: i,
            exit: failed,
        },
    );
    let sum = b.def(
        Kind::Obj,
        Op::CallHelper {
            helper: Helper::Call,
            args: vec![boxed, i, phis[0], phis[N - 1]],
            exit: failed,
        },
    );
    let truth = b.def(
        Kind::Bool,
        Op::Truth {
            value: i,
            exit: failed,
        },
    );
    let overflow = b.exit(&[]);
    let next_i = b.def(
        Kind::Int,
        Op::IntArith {
            op: IntOp::Add,
            a: i,
            b: one,
            exit: overflow,
        },
    );
    b.set_next(i, next_i);
    for (k, &p) in phis.iter().enumerate() {
        // p += truth (every other phi also adds the helper's sum).
        let t = b.def(
            Kind::Int,
            Op::IntArith {
                op: IntOp::Add,
                a: p,
                b: truth,
                exit: overflow,
            },
        );
        let next = if k % 2 == 0 {
            b.def(
                Kind::Int,
                Op::IntArith {
                    op: IntOp::Add,
                    a: t,
                    b: sum,
                    exit: overflow,
                },
            )
        } else {
            t
        };
        b.set_next(p, next);
    }
    let trace = b.finish();
    let native = x64::compile(&trace).unwrap();
    let mut env = env();
    let out = env.run(&native, &trace);
    assert_eq!(out.exit, done.0);

    // Model: per iteration i in 0..3: boxed = i + 1000, sum = boxed + i + p0 + p11, truth = i & 1.
    let mut model: Vec<u64> = (0..N as u64).map(|k| k * 10).collect();
    let mut expected_calls = Vec::new();
    for i in 0..3u64 {
        let boxed = i + 1000;
        let sum = boxed + i + model[0] + model[N - 1];
        expected_calls.push((Helper::BoxInt, vec![i]));
        expected_calls.push((Helper::Call, vec![boxed, i, model[0], model[N - 1]]));
        expected_calls.push((Helper::Truth, vec![i]));
        let truth = i & 1;
        for (k, v) in model.iter_mut().enumerate() {
            *v += truth + if k % 2 == 0 { sum } else { 0 };
        }
    }
    assert_eq!(out.values, model);
    assert_eq!(calls(), expected_calls);
}

#[test]
fn failing_helpers_take_their_exits() {
    for (value, failing) in [(13u64, Helper::BoxInt), (99, Helper::Truth)] {
        let mut b = Builder::new();
        let c = b.int(value as i64);
        let p = b.phi(c);
        b.start_body();
        let box_failed = b.exit(&[p]);
        b.def(
            Kind::Obj,
            Op::BoxInt {
                value: p,
                exit: box_failed,
            },
        );
        let truth_failed = b.exit(&[p, p]);
        let t = b.def(
            Kind::Bool,
            Op::Truth {
                value: p,
                exit: truth_failed,
            },
        );
        b.leave(&[t]);
        let trace = b.finish();
        let native = x64::compile(&trace).unwrap();
        let out = env().run(&native, &trace);
        match failing {
            Helper::BoxInt => assert_eq!((out.exit, out.values), (0, vec![value])),
            _ => assert_eq!((out.exit, out.values), (1, vec![value, value])),
        }
    }
}

#[test]
fn box_float_passes_the_bits() {
    let mut b = Builder::new();
    let x = b.float(1.5);
    let exit = b.exit(&[]);
    let boxed = b.def(Kind::Obj, Op::BoxFloat { value: x, exit });
    b.leave(&[boxed]);
    let trace = b.finish();
    let native = x64::compile(&trace).unwrap();
    let out = env().run(&native, &trace);
    assert_eq!(out.values, vec![1.5f64.to_bits() ^ 1]);
    assert_eq!(calls(), vec![(Helper::BoxFloat, vec![1.5f64.to_bits()])]);
}

#[test]
fn last_references_are_deallocated() {
    let mut dying = vec![1u64, 0];
    let mut old = vec![1u64, 0];
    let mut new = vec![5u64, 0];
    let (dying_addr, old_addr, new_addr) = (
        dying.as_mut_ptr() as u64,
        old.as_mut_ptr() as u64,
        new.as_mut_ptr() as u64,
    );
    let mut b = Builder::new();
    let d = b.def(Kind::Obj, Op::Const { bits: dying_addr });
    let n = b.def(Kind::Obj, Op::LoadSlot { slot: 2 });
    let keep = b.int(77);
    let kp = b.phi(keep);
    let np = b.phi(n);
    b.start_body();
    b.op(Op::Decref { value: d });
    b.op(Op::StoreSlot { slot: 1, value: np });
    b.leave(&[kp, np]);
    let trace = b.finish();
    let native = x64::compile(&trace).unwrap();
    let mut env = env();
    env.slots[1] = old_addr;
    env.slots[2] = new_addr;
    let out = env.run(&native, &trace);
    assert_eq!(out.values, vec![77, new_addr]);
    assert_eq!(env.slots[1], new_addr);
    assert_eq!(
        calls(),
        vec![
            (Helper::Dealloc, vec![dying_addr]),
            (Helper::Dealloc, vec![old_addr]),
        ]
    );
    assert_eq!(dying[offsets::OB_REFCNT as usize / 8], 0);
    assert_eq!(old[offsets::OB_REFCNT as usize / 8], 0);
    assert_eq!(new[offsets::OB_REFCNT as usize / 8], 5);
}

/// Floats live across helper calls (boxing, a generic call) and read by the exits of calling
/// uops survive helpers that clobber every vector register; floats that do not cross a call
/// stay in vector registers and are boxed from there.
#[test]
fn floats_survive_helper_calls() {
    const N: usize = 6;
    let mut b = Builder::new();
    let zero = b.int(0);
    let one = b.int(1);
    let limit = b.int(3);
    let fone = b.float(1.0);
    let inits: Vec<Value> = (0..N).map(|k| b.float(k as f64 + 0.5)).collect();
    let i = b.phi(zero);
    let phis: Vec<Value> = inits.iter().map(|&v| b.phi(v)).collect();
    b.start_body();
    let lt = b.def(
        Kind::Bool,
        Op::IntCompare {
            cmp: Cmp::Lt,
            a: i,
            b: limit,
        },
    );
    let done = b.exit(&phis);
    b.op(Op::GuardBool {
        value: lt,
        expect: true,
        exit: done,
    });
    let none = b.exit(&[]);
    // A float computed in a register, dying as the argument of the box.
    let fresh = b.def(
        Kind::Float,
        Op::FloatArith {
            op: FloatOp::Add,
            a: phis[0],
            b: fone,
            exit: none,
        },
    );
    // BoxInt fails on 13 (never here); its exit reads floats.
    let box_failed = b.exit(&phis);
    let boxed_fresh = b.def(
        Kind::Obj,
        Op::BoxFloat {
            value: fresh,
            exit: box_failed,
        },
    );
    let boxed_i = b.def(
        Kind::Obj,
        Op::BoxInt {
            value: i,
            exit: box_failed,
        },
    );
    let sum = b.def(
        Kind::Obj,
        Op::CallHelper {
            helper: Helper::Call,
            args: vec![boxed_fresh, boxed_i, phis[1]],
            exit: box_failed,
        },
    );
    let overflow = b.exit(&[]);
    let next_i = b.def(
        Kind::Int,
        Op::IntArith {
            op: IntOp::Add,
            a: i,
            b: one,
            exit: overflow,
        },
    );
    b.set_next(i, next_i);
    let _ = sum;
    for (k, &p) in phis.iter().enumerate() {
        let next = b.def(
            Kind::Float,
            Op::FloatArith {
                op: FloatOp::Mul,
                a: p,
                b: if k == 0 { fone } else { phis[k - 1] },
                exit: overflow,
            },
        );
        b.set_next(p, next);
    }
    let trace = b.finish();
    let native = x64::compile(&trace).unwrap();
    let mut env = env();
    let out = env.run(&native, &trace);
    assert_eq!(out.exit, done.0);

    let mut model: Vec<f64> = (0..N).map(|k| k as f64 + 0.5).collect();
    let mut expected_calls = Vec::new();
    for i in 0..3u64 {
        let fresh = (model[0] + 1.0).to_bits();
        expected_calls.push((Helper::BoxFloat, vec![fresh]));
        expected_calls.push((Helper::BoxInt, vec![i]));
        expected_calls.push((Helper::Call, vec![fresh ^ 1, i + 1000, model[1].to_bits()]));
        let old = model.clone();
        for k in 0..N {
            model[k] = old[k] * if k == 0 { 1.0 } else { old[k - 1] };
        }
    }
    let expected: Vec<u64> = model.iter().map(|v| v.to_bits()).collect();
    assert_eq!(out.values, expected);
    assert_eq!(calls(), expected_calls);
}

/// A failing helper's exit hands over floats that had to survive the call.
#[test]
fn failing_helper_exit_hands_over_floats() {
    let mut b = Builder::new();
    let c = b.int(13);
    let (x, y) = (b.float(2.5), b.float(-1.25));
    let none = b.exit(&[]);
    let s = b.def(
        Kind::Float,
        Op::FloatArith {
            op: FloatOp::Add,
            a: x,
            b: y,
            exit: none,
        },
    );
    let p = b.phi(c);
    let ps = b.phi(s);
    b.start_body();
    let d = b.def(
        Kind::Float,
        Op::FloatArith {
            op: FloatOp::Sub,
            a: ps,
            b: y,
            exit: none,
        },
    );
    let failed = b.exit(&[ps, d, p]);
    b.def(
        Kind::Obj,
        Op::BoxInt {
            value: p,
            exit: failed,
        },
    );
    b.leave(&[]);
    let trace = b.finish();
    let native = x64::compile(&trace).unwrap();
    let out = env().run(&native, &trace);
    assert_eq!(out.exit, failed.0);
    assert_eq!(out.values, vec![1.25f64.to_bits(), 2.5f64.to_bits(), 13]);
}
