//! Native traces over unboxed ints, floats and bools: loops, phis, exits, Python semantics.

mod common;

use common::{run, Builder, Env};
use justjit_backend::x64;
use justjit_tracer::abi::CompiledTrace;
use justjit_tracer::ir::{Cmp, FloatOp, IntOp, Kind, Op, Value};

fn arith(b: &mut Builder, op: IntOp, x: Value, y: Value) -> (Value, u32) {
    let exit = b.exit(&[x, y]);
    let v = b.def(
        Kind::Int,
        Op::IntArith {
            op,
            a: x,
            b: y,
            exit,
        },
    );
    (v, exit.0)
}

fn py_floordiv(a: i64, b: i64) -> Option<i64> {
    if b == 0 || (a == i64::MIN && b == -1) {
        return None;
    }
    let (q, r) = (a / b, a % b);
    Some(if r != 0 && ((r < 0) != (b < 0)) {
        q - 1
    } else {
        q
    })
}

fn py_mod(a: i64, b: i64) -> Option<i64> {
    if b == 0 {
        return None;
    }
    let r = a.wrapping_rem(b);
    Some(if r != 0 && ((r < 0) != (b < 0)) {
        r + b
    } else {
        r
    })
}

const SAMPLES: [i64; 14] = [
    0,
    1,
    -1,
    2,
    -2,
    7,
    -7,
    3,
    -3,
    1023,
    i64::MAX,
    i64::MIN,
    i64::MAX - 1,
    i64::MIN + 1,
];

fn check_int(op: IntOp, reference: impl Fn(i64, i64) -> Option<i64>) {
    for &x in &SAMPLES {
        for &y in &SAMPLES {
            for y_const in [false, true] {
                let got = int_op(op, x, y, y_const);
                assert_eq!(got, reference(x, y), "{op:?} {x} {y} (const: {y_const})");
            }
        }
    }
}

/// `x op y` with both operands in registers (through phis), or with `y` an immediate: the
/// result, or `None` when the uop exits (handing over its operands).
fn int_op(op: IntOp, x: i64, y: i64, y_const: bool) -> Option<i64> {
    let mut b = Builder::new();
    let cx = b.int(x);
    let cy = b.int(y);
    let px = b.phi(cx);
    let py = b.phi(cy);
    b.start_body();
    let operand = if y_const { cy } else { py };
    let (v, exit) = arith(&mut b, op, px, operand);
    let done = b.leave(&[v]);
    let trace = b.finish();
    let out = run(&trace);
    if out.exit == exit {
        assert_eq!(out.values, vec![x as u64, y as u64], "exit values");
        None
    } else {
        assert_eq!(out.exit, done.0);
        Some(out.values[0] as i64)
    }
}

#[test]
fn add_sub_mul_exit_on_overflow() {
    check_int(IntOp::Add, i64::checked_add);
    check_int(IntOp::Sub, i64::checked_sub);
    check_int(IntOp::Mul, i64::checked_mul);
    assert_eq!(int_op(IntOp::Add, i64::MAX, 1, true), None);
    assert_eq!(int_op(IntOp::Add, i64::MAX - 1, 1, false), Some(i64::MAX));
}

#[test]
fn floor_division_and_modulo_follow_python() {
    check_int(IntOp::FloorDiv, py_floordiv);
    check_int(IntOp::Mod, py_mod);
    assert_eq!(py_floordiv(-7, 2), Some(-4));
    assert_eq!(int_op(IntOp::FloorDiv, -7, 2, false), Some(-4));
    assert_eq!(int_op(IntOp::Mod, -7, 2, false), Some(1));
    assert_eq!(int_op(IntOp::Mod, 7, -2, false), Some(-1));
    assert_eq!(int_op(IntOp::Mod, i64::MIN, -1, false), Some(0));
    assert_eq!(int_op(IntOp::FloorDiv, i64::MIN, -1, false), None);
    assert_eq!(int_op(IntOp::FloorDiv, 5, 0, true), None);
}

#[test]
fn bitwise_and_shifts() {
    check_int(IntOp::And, |a, b| Some(a & b));
    check_int(IntOp::Or, |a, b| Some(a | b));
    check_int(IntOp::Xor, |a, b| Some(a ^ b));
    check_int(IntOp::Rshift, |a, b| (0..=63).contains(&b).then(|| a >> b));
    check_int(IntOp::Lshift, |a, b| {
        if !(0..=63).contains(&b) {
            return None;
        }
        let r = a << b;
        (r >> b == a).then_some(r)
    });
    assert_eq!(int_op(IntOp::Lshift, 1, 62, true), Some(1 << 62));
    assert_eq!(int_op(IntOp::Lshift, 1, 63, true), None);
    assert_eq!(int_op(IntOp::Lshift, -1, 63, true), Some(i64::MIN));
    assert_eq!(int_op(IntOp::Rshift, -8, 1, false), Some(-4));
}

#[test]
fn negation_exits_on_min() {
    for x in SAMPLES {
        let mut b = Builder::new();
        let c = b.int(x);
        let p = b.phi(c);
        b.start_body();
        let exit = b.exit(&[p]);
        let v = b.def(Kind::Int, Op::IntNeg { a: p, exit });
        b.leave(&[v]);
        let out = run(&b.finish());
        if x == i64::MIN {
            assert_eq!((out.exit, out.values), (0, vec![x as u64]));
        } else {
            assert_eq!((out.exit, out.values), (1, vec![(-x) as u64]));
        }
    }
}

/// `i = 0; while i < n: i += step` with a loop-invariant `n` computed in the preamble.
#[test]
fn counting_loop_exits_through_its_guard() {
    let mut b = Builder::new();
    let zero = b.int(0);
    let five = b.int(5);
    let step = b.int(3);
    let exit = b.exit(&[five, five]);
    let n = b.def(
        Kind::Int,
        Op::IntArith {
            op: IntOp::Mul,
            a: five,
            b: five,
            exit,
        },
    );
    let i = b.phi(zero);
    b.start_body();
    let lt = b.def(
        Kind::Bool,
        Op::IntCompare {
            cmp: Cmp::Lt,
            a: i,
            b: n,
        },
    );
    let done = b.exit(&[i, n]);
    b.op(Op::GuardBool {
        value: lt,
        expect: true,
        exit: done,
    });
    let overflow = b.exit(&[i]);
    let next = b.def(
        Kind::Int,
        Op::IntArith {
            op: IntOp::Add,
            a: i,
            b: step,
            exit: overflow,
        },
    );
    let breaker = b.exit(&[next]);
    b.op(Op::CheckEvalBreaker { exit: breaker });
    b.set_next(i, next);
    let trace = b.finish();
    let out = run(&trace);
    assert_eq!(out.exit, done.0);
    assert_eq!(out.values, vec![27, 25]);
}

#[test]
fn eval_breaker_stops_the_loop() {
    let mut b = Builder::new();
    let zero = b.int(0);
    let one = b.int(1);
    let i = b.phi(zero);
    b.start_body();
    let overflow = b.exit(&[i]);
    let next = b.def(
        Kind::Int,
        Op::IntArith {
            op: IntOp::Add,
            a: i,
            b: one,
            exit: overflow,
        },
    );
    let breaker = b.exit(&[next]);
    b.op(Op::CheckEvalBreaker { exit: breaker });
    b.set_next(i, next);
    let trace = b.finish();
    let native = x64::compile(&trace).unwrap();
    let mut env = Env::new();
    *env.eval_breaker = 1;
    let out = env.run(&native, &trace);
    assert_eq!((out.exit, out.values), (breaker.0, vec![1]));
}

/// Two phis swapping each iteration, and three rotating, with a counter bounding the loop.
#[test]
fn phi_cycles() {
    for rounds in 0..5i64 {
        let mut b = Builder::new();
        let zero = b.int(0);
        let one = b.int(1);
        let limit = b.int(rounds);
        let (c10, c20) = (b.int(10), b.int(20));
        let (c1, c2, c3) = (b.int(1), b.int(2), b.int(3));
        let i = b.phi(zero);
        let x = b.phi(c10);
        let y = b.phi(c20);
        let r1 = b.phi(c1);
        let r2 = b.phi(c2);
        let r3 = b.phi(c3);
        b.start_body();
        let lt = b.def(
            Kind::Bool,
            Op::IntCompare {
                cmp: Cmp::Lt,
                a: i,
                b: limit,
            },
        );
        let done = b.exit(&[x, y, r1, r2, r3]);
        b.op(Op::GuardBool {
            value: lt,
            expect: true,
            exit: done,
        });
        let overflow = b.exit(&[]);
        let next = b.def(
            Kind::Int,
            Op::IntArith {
                op: IntOp::Add,
                a: i,
                b: one,
                exit: overflow,
            },
        );
        b.set_next(i, next);
        b.set_next(x, y);
        b.set_next(y, x);
        b.set_next(r1, r2);
        b.set_next(r2, r3);
        b.set_next(r3, r1);
        let out = run(&b.finish());
        assert_eq!(out.exit, done.0);
        let (mut xy, mut r) = ([10u64, 20], [1u64, 2, 3]);
        for _ in 0..rounds {
            xy.swap(0, 1);
            r.rotate_left(1);
        }
        assert_eq!(
            out.values,
            [&xy[..], &r[..]].concat(),
            "after {rounds} rounds"
        );
    }
}

/// More loop-carried values than registers: some live in spill slots.
#[test]
fn many_phis_spill() {
    const N: usize = 24;
    let mut b = Builder::new();
    let zero = b.int(0);
    let one = b.int(1);
    let limit = b.int(7);
    let inits: Vec<Value> = (0..N as i64).map(|k| b.int(k * 100)).collect();
    let steps: Vec<Value> = (0..N as i64)
        .map(|k| {
            // Non-constant steps, computed in the preamble and live across the loop.
            let c = b.int(k);
            let exit = b.exit(&[]);
            b.def(
                Kind::Int,
                Op::IntArith {
                    op: IntOp::Add,
                    a: c,
                    b: one,
                    exit,
                },
            )
        })
        .collect();
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
    let overflow = b.exit(&[]);
    let next = b.def(
        Kind::Int,
        Op::IntArith {
            op: IntOp::Add,
            a: i,
            b: one,
            exit: overflow,
        },
    );
    b.set_next(i, next);
    for (k, &p) in phis.iter().enumerate() {
        let next = b.def(
            Kind::Int,
            Op::IntArith {
                op: IntOp::Add,
                a: p,
                b: steps[k],
                exit: overflow,
            },
        );
        b.set_next(p, next);
    }
    let out = run(&b.finish());
    assert_eq!(out.exit, done.0);
    let expected: Vec<u64> = (0..N as u64).map(|k| k * 100 + 7 * (k + 1)).collect();
    assert_eq!(out.values, expected);
}

fn float_op(op: FloatOp, x: f64, y: f64) -> Option<f64> {
    let mut b = Builder::new();
    let cx = b.float(x);
    let cy = b.float(y);
    let px = b.phi(cx);
    let py = b.phi(cy);
    b.start_body();
    let exit = b.exit(&[px, py]);
    let v = b.def(
        Kind::Float,
        Op::FloatArith {
            op,
            a: px,
            b: py,
            exit,
        },
    );
    b.leave(&[v]);
    let out = run(&b.finish());
    (out.exit == 1).then(|| f64::from_bits(out.values[0]))
}

#[test]
fn float_arithmetic() {
    assert_eq!(float_op(FloatOp::Add, 1.5, 2.25), Some(3.75));
    assert_eq!(float_op(FloatOp::Sub, 1.5, 2.25), Some(-0.75));
    assert_eq!(float_op(FloatOp::Mul, 1.5, -2.0), Some(-3.0));
    assert_eq!(float_op(FloatOp::Div, 1.0, 4.0), Some(0.25));
    assert_eq!(float_op(FloatOp::Div, 1.0, 0.0), None);
    assert_eq!(float_op(FloatOp::Div, 1.0, -0.0), None);
    assert!(float_op(FloatOp::Div, f64::NAN, 2.0).unwrap().is_nan());
    assert_eq!(float_op(FloatOp::Div, 1.0, f64::INFINITY), Some(0.0));
}

#[test]
fn float_negation_and_conversion() {
    let mut b = Builder::new();
    let x = b.float(2.5);
    let zero = b.float(0.0);
    let big = b.int(i64::MAX);
    let neg = b.int(-3);
    let px = b.phi(x);
    let pz = b.phi(zero);
    let pbig = b.phi(big);
    b.start_body();
    let nx = b.def(Kind::Float, Op::FloatNeg { a: px });
    let nz = b.def(Kind::Float, Op::FloatNeg { a: pz });
    let fbig = b.def(Kind::Float, Op::IntToFloat { a: pbig });
    let fneg = b.def(Kind::Float, Op::IntToFloat { a: neg });
    b.leave(&[nx, nz, fbig, fneg]);
    let out = run(&b.finish());
    let got: Vec<f64> = out.values.iter().map(|&v| f64::from_bits(v)).collect();
    assert_eq!(got[0], -2.5);
    assert_eq!(got[1].to_bits(), (-0.0f64).to_bits());
    assert_eq!(got[2], i64::MAX as f64);
    assert_eq!(got[3], -3.0);
}

#[test]
fn comparisons_with_nan() {
    let samples = [0.0, -0.0, 1.0, -1.5, f64::INFINITY, f64::NAN];
    let cmps = [Cmp::Lt, Cmp::Le, Cmp::Eq, Cmp::Ne, Cmp::Gt, Cmp::Ge];
    for &x in &samples {
        for &y in &samples {
            let mut b = Builder::new();
            let cx = b.float(x);
            let cy = b.float(y);
            let px = b.phi(cx);
            let py = b.phi(cy);
            b.start_body();
            let results: Vec<Value> = cmps
                .iter()
                .map(|&cmp| b.def(Kind::Bool, Op::FloatCompare { cmp, a: px, b: py }))
                .collect();
            b.leave(&results);
            let out = run(&b.finish());
            let expected: Vec<u64> = cmps.iter().map(|c| c.holds(x, y) as u64).collect();
            assert_eq!(out.values, expected, "{x} vs {y}");
        }
    }
}

#[test]
fn int_comparisons_and_bools() {
    let cmps = [Cmp::Lt, Cmp::Le, Cmp::Eq, Cmp::Ne, Cmp::Gt, Cmp::Ge];
    for &x in &SAMPLES {
        for &y in &[0, -1, 7, i64::MAX, i64::MIN] {
            for y_const in [false, true] {
                let mut b = Builder::new();
                let cx = b.int(x);
                let cy = b.int(y);
                let px = b.phi(cx);
                let py = b.phi(cy);
                b.start_body();
                let operand = if y_const { cy } else { py };
                let mut results: Vec<Value> = cmps
                    .iter()
                    .map(|&cmp| {
                        b.def(
                            Kind::Bool,
                            Op::IntCompare {
                                cmp,
                                a: px,
                                b: operand,
                            },
                        )
                    })
                    .collect();
                let not = b.def(Kind::Bool, Op::BoolNot { a: results[0] });
                results.push(not);
                b.leave(&results);
                let out = run(&b.finish());
                let mut expected: Vec<u64> = cmps.iter().map(|c| c.holds(x, y) as u64).collect();
                expected.push((x >= y) as u64);
                assert_eq!(out.values, expected, "{x} vs {y}");
            }
        }
    }
}

#[test]
fn guard_bool_both_ways() {
    for (value, expect) in [(false, false), (false, true), (true, false), (true, true)] {
        let mut b = Builder::new();
        let v = b.bool(value);
        let p = b.phi(v);
        b.start_body();
        let exit = b.exit(&[p]);
        b.op(Op::GuardBool {
            value: p,
            expect,
            exit,
        });
        b.leave(&[]);
        let out = run(&b.finish());
        assert_eq!(out.exit, if value == expect { 1 } else { 0 });
    }
}

#[test]
fn invalid_traces_are_rejected() {
    let mut b = Builder::new();
    let one = b.int(1);
    let exit = b.exit(&[]);
    b.def(
        Kind::Int,
        Op::IntArith {
            op: IntOp::Add,
            a: one,
            b: Value(99),
            exit,
        },
    );
    let err = x64::compile(&b.finish()).err().expect("rejected");
    assert!(err.to_string().contains("v99"), "{err}");
}

#[test]
fn code_memory_is_never_writable() {
    let mut b = Builder::new();
    b.leave(&[]);
    let trace = b.finish();
    let native = x64::compile(&trace).unwrap();
    let addr = native.code_addr();
    let maps = std::fs::read_to_string("/proc/self/maps").unwrap();
    let line = maps
        .lines()
        .find(|line| {
            let range = line.split_whitespace().next().unwrap();
            let (lo, hi) = range.split_once('-').unwrap();
            let lo = u64::from_str_radix(lo, 16).unwrap();
            let hi = u64::from_str_radix(hi, 16).unwrap();
            (lo..hi).contains(&addr)
        })
        .expect("the code is mapped");
    let perms = line.split_whitespace().nth(1).unwrap();
    assert_eq!(perms, "r-xp", "{line}");
    assert!(native.disassembly().unwrap().contains("ret"));
}

#[test]
fn native_backend_is_x64() {
    let backend = justjit_backend::native().expect("x86-64");
    assert_eq!(backend.name(), "x86-64");
    let mut b = Builder::new();
    let v = b.int(42);
    b.leave(&[v]);
    let trace = b.finish();
    let compiled = backend.compile(&trace).unwrap();
    assert!(compiled.code_bytes() > 0);
}

/// An `IntCompare` feeding only the `GuardBool` after it becomes a compare and a jump.
#[test]
fn fused_compare_and_guard() {
    let cmps = [Cmp::Lt, Cmp::Le, Cmp::Eq, Cmp::Ne, Cmp::Gt, Cmp::Ge];
    for &x in &[-3i64, 0, 5, i64::MIN] {
        for &y in &[-3i64, 5, i64::MAX] {
            for cmp in cmps {
                for expect in [false, true] {
                    for y_const in [false, true] {
                        let mut b = Builder::new();
                        let cx = b.int(x);
                        let cy = b.int(y);
                        let px = b.phi(cx);
                        let py = b.phi(cy);
                        b.start_body();
                        let operand = if y_const { cy } else { py };
                        let c = b.def(
                            Kind::Bool,
                            Op::IntCompare {
                                cmp,
                                a: px,
                                b: operand,
                            },
                        );
                        let exit = b.exit(&[px]);
                        b.op(Op::GuardBool {
                            value: c,
                            expect,
                            exit,
                        });
                        b.leave(&[]);
                        let out = run(&b.finish());
                        let passes = cmp.holds(x, y) == expect;
                        assert_eq!(out.exit, if passes { 1 } else { 0 }, "{x} {cmp:?} {y}");
                    }
                }
            }
        }
    }
}

/// The locations header of a compiled trace's disassembly.
fn locations(trace: &justjit_tracer::ir::Trace) -> String {
    let native = x64::compile(trace).unwrap();
    let dump = native.disassembly().unwrap();
    dump.lines()
        .find(|l| l.starts_with("; locations:"))
        .unwrap()
        .to_string()
}

/// Float phis swapping and rotating in vector registers, each also updated by arithmetic so
/// that the back edge moves registers in cycles.
#[test]
fn float_phi_cycles_in_xmm() {
    for rounds in 0..6i64 {
        let mut b = Builder::new();
        let zero = b.int(0);
        let one = b.int(1);
        let limit = b.int(rounds);
        let (c1, c2, c3) = (b.float(1.5), b.float(-2.25), b.float(4.0));
        let half = b.float(0.5);
        // Non-constant inits, computed in vector registers.
        let none = b.exit(&[]);
        let inits: Vec<Value> = [c1, c2, c3]
            .iter()
            .map(|&c| {
                b.def(
                    Kind::Float,
                    Op::FloatArith {
                        op: FloatOp::Add,
                        a: c,
                        b: half,
                        exit: none,
                    },
                )
            })
            .collect();
        let i = b.phi(zero);
        let x = b.phi(inits[0]);
        let y = b.phi(inits[1]);
        let r1 = b.phi(inits[0]);
        let r2 = b.phi(inits[1]);
        let r3 = b.phi(inits[2]);
        b.start_body();
        let lt = b.def(
            Kind::Bool,
            Op::IntCompare {
                cmp: Cmp::Lt,
                a: i,
                b: limit,
            },
        );
        let done = b.exit(&[x, y, r1, r2, r3]);
        b.op(Op::GuardBool {
            value: lt,
            expect: true,
            exit: done,
        });
        let overflow = b.exit(&[]);
        let next = b.def(
            Kind::Int,
            Op::IntArith {
                op: IntOp::Add,
                a: i,
                b: one,
                exit: overflow,
            },
        );
        b.set_next(i, next);
        // x, y = y, x; r1, r2, r3 = r2, r3, r1 * 2 (the product is not a phi).
        b.set_next(x, y);
        b.set_next(y, x);
        let two = b.float(2.0);
        let doubled = b.def(
            Kind::Float,
            Op::FloatArith {
                op: FloatOp::Mul,
                a: r1,
                b: two,
                exit: overflow,
            },
        );
        b.set_next(r1, r2);
        b.set_next(r2, r3);
        b.set_next(r3, doubled);
        let trace = b.finish();
        let locs = locations(&trace);
        for phi in [x, y, r1, r2, r3] {
            assert!(locs.contains(&format!(" {phi}=xmm")), "{phi} in {locs}");
        }
        let out = run(&trace);
        assert_eq!(out.exit, done.0);
        let (mut xy, mut r) = ([2.0f64, -1.75], [2.0f64, -1.75, 4.5]);
        for _ in 0..rounds {
            xy.swap(0, 1);
            r = [r[1], r[2], r[0] * 2.0];
        }
        let expected: Vec<u64> = xy.iter().chain(&r).map(|v| v.to_bits()).collect();
        assert_eq!(out.values, expected, "after {rounds} rounds");
    }
}

/// More live floats than vector registers: some live in spill slots, and the exits hand over
/// floats from both.
#[test]
fn many_float_phis_spill() {
    const N: usize = 20;
    let mut b = Builder::new();
    let zero = b.int(0);
    let one = b.int(1);
    let limit = b.int(5);
    let fone = b.float(1.0);
    let none = b.exit(&[]);
    let inits: Vec<Value> = (0..N).map(|k| b.float(k as f64 * 100.0)).collect();
    let steps: Vec<Value> = (0..N)
        .map(|k| {
            // Non-constant steps, computed in the preamble and live across the loop.
            let c = b.float(k as f64 * 0.25);
            b.def(
                Kind::Float,
                Op::FloatArith {
                    op: FloatOp::Add,
                    a: c,
                    b: fone,
                    exit: none,
                },
            )
        })
        .collect();
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
    let overflow = b.exit(&[]);
    let next = b.def(
        Kind::Int,
        Op::IntArith {
            op: IntOp::Add,
            a: i,
            b: one,
            exit: overflow,
        },
    );
    b.set_next(i, next);
    for (k, &p) in phis.iter().enumerate() {
        // p = p * 1.0 + step, through a division exit reading every phi.
        let div_exit = b.exit(&phis);
        let q = b.def(
            Kind::Float,
            Op::FloatArith {
                op: FloatOp::Div,
                a: p,
                b: fone,
                exit: div_exit,
            },
        );
        let next = b.def(
            Kind::Float,
            Op::FloatArith {
                op: FloatOp::Add,
                a: q,
                b: steps[k],
                exit: overflow,
            },
        );
        b.set_next(p, next);
    }
    let trace = b.finish();
    let locs = locations(&trace);
    assert!(locs.contains("=xmm15"), "{locs}");
    assert!(locs.contains("=spill"), "{locs}");
    let out = run(&trace);
    assert_eq!(out.exit, done.0);
    let expected: Vec<u64> = (0..N)
        .map(|k| {
            let step = k as f64 * 0.25 + 1.0;
            let mut v = k as f64 * 100.0;
            for _ in 0..5 {
                v += step;
            }
            v.to_bits()
        })
        .collect();
    assert_eq!(out.values, expected);
}

/// Results that share a register with an operand (`b` dying at a subtraction or division,
/// `a == b`), a division by a zero held in a register exiting with floats in registers, and
/// negation and conversion into registers.
#[test]
fn float_ops_in_registers() {
    for divisor in [2.0f64, 0.0, -0.0, f64::NAN] {
        let mut b = Builder::new();
        let (c3, c5, cd) = (b.float(3.0), b.float(5.0), b.float(divisor));
        let seven = b.int(7);
        let x = b.phi(c3);
        let y = b.phi(c5);
        let d = b.phi(cd);
        let n = b.phi(seven);
        b.start_body();
        let none = b.exit(&[]);
        let t = b.def(
            Kind::Float,
            Op::FloatArith {
                op: FloatOp::Add,
                a: y,
                b: y,
                exit: none,
            },
        ); // 10
        let u = b.def(
            Kind::Float,
            Op::FloatArith {
                op: FloatOp::Sub,
                a: x,
                b: t,
                exit: none,
            },
        ); // -7
        let sq = b.def(
            Kind::Float,
            Op::FloatArith {
                op: FloatOp::Mul,
                a: u,
                b: u,
                exit: none,
            },
        ); // 49
        let neg = b.def(Kind::Float, Op::FloatNeg { a: sq }); // -49
        let fnum = b.def(Kind::Float, Op::IntToFloat { a: n }); // 7
        let w = b.def(
            Kind::Float,
            Op::FloatArith {
                op: FloatOp::Mul,
                a: neg,
                b: fnum,
                exit: none,
            },
        ); // -343
        let by_zero = b.exit(&[w, x, d, neg]);
        let q = b.def(
            Kind::Float,
            Op::FloatArith {
                op: FloatOp::Div,
                a: w,
                b: d,
                exit: by_zero,
            },
        );
        let r = b.def(
            Kind::Float,
            Op::FloatArith {
                op: FloatOp::Div,
                a: x,
                b: q,
                exit: by_zero,
            },
        );
        let lt = b.def(
            Kind::Bool,
            Op::FloatCompare {
                cmp: Cmp::Lt,
                a: r,
                b: x,
            },
        );
        let left = b.leave(&[q, r, lt, neg]);
        let trace = b.finish();
        let out = run(&trace);
        let bits = |v: f64| v.to_bits();
        if divisor == 0.0 {
            assert_eq!(out.exit, by_zero.0);
            assert_eq!(
                out.values,
                vec![bits(-343.0), bits(3.0), bits(divisor), bits(-49.0)]
            );
            continue;
        }
        let q = -343.0 / divisor;
        let r = 3.0 / q;
        let got: Vec<f64> = out.values.iter().map(|&v| f64::from_bits(v)).collect();
        assert_eq!(out.exit, left.0, "divisor {divisor}");
        assert_eq!(got[0].to_bits(), q.to_bits());
        assert_eq!(got[1].to_bits(), r.to_bits());
        assert_eq!(out.values[2], (r < 3.0) as u64);
        assert_eq!(got[3], -49.0);
    }
}
