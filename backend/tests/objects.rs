//! Native uops on objects, run against fake objects laid out at the runtime's offsets (no
//! interpreter needed as long as no reference count reaches zero).

mod common;

use common::{run, Builder, Env};
use justjit_backend::x64;
use justjit_interp::cpython::trace_runtime::{addrs, offsets};
use justjit_tracer::abi::CompiledTrace;
use justjit_tracer::ir::{IntOp, Kind, Op};

/// A zeroed, 8-byte aligned fake object of `words` words.
struct Fake(Vec<u64>);

impl Fake {
    fn new(words: usize, type_addr: u64) -> Fake {
        let mut fake = Fake(vec![0; words]);
        fake.set(offsets::OB_REFCNT, 1);
        fake.set(offsets::OB_TYPE, type_addr);
        fake
    }

    fn set(&mut self, offset: i32, value: u64) {
        self.0[offset as usize / 8] = value;
    }

    fn get(&self, offset: i32) -> u64 {
        self.0[offset as usize / 8]
    }

    fn addr(&self) -> u64 {
        self.0.as_ptr() as u64
    }

    fn refcnt(&self) -> u64 {
        self.get(offsets::OB_REFCNT)
    }
}

const FAKE_TYPE: u64 = 0x1000;
const OTHER_TYPE: u64 = 0x2000;

fn fake_int(size: i64, digits: [u32; 2]) -> Fake {
    let mut int = Fake::new(8, FAKE_TYPE);
    int.set(offsets::OB_SIZE, size as u64);
    assert_eq!(offsets::LONG_DIGITS % 8, 0);
    int.set(
        offsets::LONG_DIGITS,
        u64::from(digits[0]) | u64::from(digits[1]) << 32,
    );
    int
}

/// Unboxes `obj` (typed by a guard first): the int, or `None` on an exit.
fn unbox(obj: &Fake) -> Option<i64> {
    let mut b = Builder::new();
    let o = b.def(Kind::Obj, Op::Const { bits: obj.addr() });
    let exit = b.exit(&[]);
    b.op(Op::GuardType {
        value: o,
        type_addr: FAKE_TYPE,
        exit,
    });
    let exit = b.exit(&[]);
    let v = b.def(Kind::Int, Op::UnboxInt { value: o, exit });
    b.leave(&[v]);
    let out = run(&b.finish());
    (out.exit == 2).then(|| out.values[0] as i64)
}

#[test]
fn unbox_int_reads_up_to_two_digits() {
    assert_eq!(unbox(&fake_int(0, [0, 0])), Some(0));
    assert_eq!(unbox(&fake_int(1, [5, 77])), Some(5));
    assert_eq!(unbox(&fake_int(-1, [5, 77])), Some(-5));
    let big = (1 << 30) - 1;
    assert_eq!(
        unbox(&fake_int(2, [big, big])),
        Some((1i64 << 60) - 1),
        "two full digits"
    );
    assert_eq!(unbox(&fake_int(-2, [3, 2])), Some(-(3 + (2 << 30))));
    assert_eq!(unbox(&fake_int(3, [1, 1])), None);
    assert_eq!(unbox(&fake_int(-3, [1, 1])), None);
}

#[test]
fn type_and_identity_guards() {
    let obj = Fake::new(4, FAKE_TYPE);
    for (addr, type_addr, passes) in [
        (obj.addr(), FAKE_TYPE, true),
        (obj.addr(), OTHER_TYPE, false),
        (0, FAKE_TYPE, false),
    ] {
        let mut b = Builder::new();
        let o = b.def(Kind::Obj, Op::Const { bits: addr });
        let p = b.phi(o);
        b.start_body();
        let exit = b.exit(&[]);
        b.op(Op::GuardType {
            value: p,
            type_addr,
            exit,
        });
        b.leave(&[]);
        assert_eq!(
            run(&b.finish()).exit == 1,
            passes,
            "{addr:#x} {type_addr:#x}"
        );
    }
    for (expect, target, passes) in [
        (true, obj.addr(), true),
        (true, 8, false),
        (false, obj.addr(), false),
        (false, 8, true),
    ] {
        let mut b = Builder::new();
        let o = b.def(Kind::Obj, Op::Const { bits: obj.addr() });
        let p = b.phi(o);
        b.start_body();
        let exit = b.exit(&[]);
        b.op(Op::GuardIs {
            value: p,
            addr: target,
            expect,
            exit,
        });
        let other = b.def(Kind::Obj, Op::Const { bits: target });
        let is = b.def(Kind::Bool, Op::ObjIs { a: p, b: other });
        b.leave(&[is]);
        let out = run(&b.finish());
        assert_eq!(out.exit == 1, passes);
        if passes {
            assert_eq!(out.values, vec![(target == obj.addr()) as u64]);
        }
    }
}

#[test]
fn unbox_float() {
    let mut f = Fake::new(3, FAKE_TYPE);
    f.set(offsets::FLOAT_VALUE, 2.5f64.to_bits());
    let mut b = Builder::new();
    let o = b.def(Kind::Obj, Op::Const { bits: f.addr() });
    let v = b.def(Kind::Float, Op::UnboxFloat { value: o });
    b.leave(&[v]);
    assert_eq!(run(&b.finish()).values, vec![2.5f64.to_bits()]);
}

/// `seq[index]` for a fake list (`list`) or tuple: the item, or `None` on an exit.
fn item(list: bool, items: &[u64], index: i64) -> (i64, Option<u64>) {
    let mut seq = Fake::new(4 + items.len(), FAKE_TYPE);
    seq.set(offsets::OB_SIZE, items.len() as u64);
    let storage = items.to_vec();
    if list {
        seq.set(offsets::LIST_ITEMS, storage.as_ptr() as u64);
    } else {
        for (k, &item) in items.iter().enumerate() {
            seq.set(offsets::TUPLE_ITEMS + 8 * k as i32, item);
        }
    }
    let mut b = Builder::new();
    let s = b.def(Kind::Obj, Op::Const { bits: seq.addr() });
    let i = b.int(index);
    let ps = b.phi(s);
    let pi = b.phi(i);
    b.start_body();
    let exit = b.exit(&[pi]);
    let (len, v) = if list {
        let len = b.def(Kind::Int, Op::ListLen { list: ps });
        let v = b.def(
            Kind::Obj,
            Op::ListItem {
                list: ps,
                index: pi,
                exit,
            },
        );
        (len, v)
    } else {
        let len = b.def(Kind::Int, Op::TupleLen { tuple: ps });
        let v = b.def(
            Kind::Obj,
            Op::TupleItem {
                tuple: ps,
                index: pi,
                exit,
            },
        );
        (len, v)
    };
    b.leave(&[len, v]);
    let out = run(&b.finish());
    if out.exit == 0 {
        assert_eq!(out.values, vec![index as u64]);
        (items.len() as i64, None)
    } else {
        (out.values[0] as i64, Some(out.values[1]))
    }
}

#[test]
fn list_and_tuple_items_with_negative_indices() {
    for list in [true, false] {
        let items = [11, 22, 33];
        assert_eq!(item(list, &items, 0), (3, Some(11)));
        assert_eq!(item(list, &items, 2), (3, Some(33)));
        assert_eq!(item(list, &items, -1), (3, Some(33)));
        assert_eq!(item(list, &items, -3), (3, Some(11)));
        assert_eq!(item(list, &items, 3), (3, None));
        assert_eq!(item(list, &items, -4), (3, None));
        assert_eq!(item(list, &items, i64::MIN), (3, None));
        assert_eq!(item(list, &[], 0), (0, None));
    }
}

fn range_iter(start: i64, step: i64, len: i64) -> Fake {
    let mut it = Fake::new(8, addrs::range_iter_type());
    it.set(offsets::RANGE_ITER_START, start as u64);
    it.set(offsets::RANGE_ITER_STEP, step as u64);
    it.set(offsets::RANGE_ITER_LEN, len as u64);
    it
}

/// `for i in it: t += i * i & 1023`, with the iterator and `t` from frame slots.
fn sum_loop() -> (Builder, u32, u32) {
    let mut b = Builder::new();
    let it = b.def(Kind::Obj, Op::LoadSlot { slot: 0 });
    let exit = b.exit(&[]);
    b.op(Op::GuardType {
        value: it,
        type_addr: addrs::range_iter_type(),
        exit,
    });
    let t0 = b.def(Kind::Obj, Op::LoadSlot { slot: 1 });
    b.op(Op::GuardType {
        value: t0,
        type_addr: FAKE_TYPE,
        exit,
    });
    let t_int = b.def(Kind::Int, Op::UnboxInt { value: t0, exit });
    let mask = b.int(1023);
    let t = b.phi(t_int);
    b.start_body();
    let done = b.exit(&[t]);
    let i = b.def(
        Kind::Int,
        Op::RangeIterNext {
            iter: it,
            exit: done,
        },
    );
    let overflow = b.exit(&[t, i, i]);
    let sq = b.def(
        Kind::Int,
        Op::IntArith {
            op: IntOp::Mul,
            a: i,
            b: i,
            exit: overflow,
        },
    );
    let exit = b.exit(&[]);
    let masked = b.def(
        Kind::Int,
        Op::IntArith {
            op: IntOp::And,
            a: sq,
            b: mask,
            exit,
        },
    );
    let overflow = b.exit(&[t, masked]);
    let next = b.def(
        Kind::Int,
        Op::IntArith {
            op: IntOp::Add,
            a: t,
            b: masked,
            exit: overflow,
        },
    );
    let breaker = b.exit(&[next]);
    b.op(Op::CheckEvalBreaker { exit: breaker });
    b.set_next(t, next);
    (b, done.0, breaker.0)
}

#[test]
fn range_iteration_loop() {
    let (b, done, _) = sum_loop();
    let trace = b.finish();
    let native = x64::compile(&trace).unwrap();
    if std::env::var_os("SHOW_ASM").is_some() {
        println!("{trace}\n{}", native.disassembly().unwrap());
    }
    for (start, step, len) in [(0, 1, 1000), (5, -3, 17), (0, 1, 0), (-100, 7, 50)] {
        let it = range_iter(start, step, len);
        let t = fake_int(1, [7, 0]);
        let mut env = Env::new();
        env.slots[0] = it.addr();
        env.slots[1] = t.addr();
        let out = env.run(&native, &trace);
        let expected = (0..len)
            .map(|k| start + k * step)
            .fold(7, |t, i| t + ((i * i) & 1023));
        assert_eq!(out.exit, done);
        assert_eq!(out.values, vec![expected as u64]);
        assert_eq!(it.get(offsets::RANGE_ITER_INDEX), len as u64);
    }
}

#[test]
fn list_iteration_stops_without_touching_the_exhausted_iterator() {
    let items: Vec<u64> = vec![0x10, 0x20, 0x30, 0x40];
    let mut list = Fake::new(4, FAKE_TYPE);
    list.set(offsets::OB_SIZE, items.len() as u64);
    list.set(offsets::LIST_ITEMS, items.as_ptr() as u64);
    for seq in [list.addr(), 0] {
        let mut it = Fake::new(4, addrs::list_iter_type());
        it.set(offsets::LIST_ITER_SEQ, seq);
        let mut b = Builder::new();
        let iter = b.def(Kind::Obj, Op::Const { bits: it.addr() });
        let zero = b.int(0);
        let acc = b.phi(zero);
        b.start_body();
        let done = b.exit(&[acc]);
        let item = b.def(Kind::Obj, Op::ListIterNext { iter, exit: done });
        let exit = b.exit(&[]);
        let next = b.def(
            Kind::Int,
            Op::IntArith {
                op: IntOp::Add,
                a: acc,
                b: item,
                exit,
            },
        );
        b.set_next(acc, next);
        let out = run(&b.finish());
        assert_eq!(out.exit, done.0);
        if seq == 0 {
            assert_eq!(out.values, vec![0]);
            assert_eq!(it.get(offsets::LIST_ITER_INDEX), 0);
        } else {
            assert_eq!(out.values, vec![0xa0]);
            assert_eq!(it.get(offsets::LIST_ITER_INDEX), 4);
        }
    }
}

#[test]
fn slots_and_reference_counts() {
    let a = Fake::new(2, FAKE_TYPE);
    let mut old = Fake::new(2, FAKE_TYPE);
    old.set(offsets::OB_REFCNT, 2);
    let mut b = Builder::new();
    let x = b.def(Kind::Obj, Op::LoadSlot { slot: 3 });
    b.op(Op::Incref { value: x });
    b.op(Op::Incref { value: x });
    b.op(Op::Decref { value: x });
    // Into an empty slot, then over an object that survives its decref.
    b.op(Op::StoreSlot { slot: 4, value: x });
    b.op(Op::Incref { value: x });
    b.op(Op::StoreSlot { slot: 5, value: x });
    let y = b.def(Kind::Obj, Op::LoadSlot { slot: 5 });
    b.leave(&[y]);
    let trace = b.finish();
    let native = x64::compile(&trace).unwrap();
    let mut env = Env::new();
    env.slots[3] = a.addr();
    env.slots[5] = old.addr();
    let out = env.run(&native, &trace);
    assert_eq!(out.values, vec![a.addr()]);
    assert_eq!(env.slots[4], a.addr());
    assert_eq!(env.slots[5], a.addr());
    assert_eq!(a.refcnt(), 3);
    assert_eq!(old.refcnt(), 1);
}

#[test]
fn box_bool_takes_a_reference_to_true_or_false() {
    for value in [false, true] {
        let addr = if value {
            addrs::py_true()
        } else {
            addrs::py_false()
        };
        let mut b = Builder::new();
        let v = b.bool(value);
        let p = b.phi(v);
        b.start_body();
        let boxed = b.def(Kind::Obj, Op::BoxBool { value: p });
        b.leave(&[boxed]);
        let before = refcnt_at(addr);
        let out = run(&b.finish());
        assert_eq!(out.values, vec![addr]);
        assert_eq!(refcnt_at(addr), before + 1);
        let mut b = Builder::new();
        let o = b.def(Kind::Obj, Op::Const { bits: addr });
        b.op(Op::Decref { value: o });
        b.leave(&[]);
        run(&b.finish());
        assert_eq!(refcnt_at(addr), before);
    }
}

fn refcnt_at(addr: u64) -> u64 {
    // SAFETY: the address of a static object of libpython (readable, never freed).
    unsafe { *((addr as usize + offsets::OB_REFCNT as usize) as *const u64) }
}
