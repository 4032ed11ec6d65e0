//! The uop interpreter: runs a lowered trace without native code. It is the reference the
//! backends are checked against (`--backend uops`), and the JIT of a machine without one.

use std::sync::Arc;

use justjit_interp::cpython::cursor::FramePtr;
use justjit_interp::cpython::trace_runtime::{addrs, call_helper, Helper, TraceObj};

use crate::abi::{CompiledTrace, TraceCtx};
use crate::ir::*;

/// A trace run by the uop interpreter.
pub struct UopTrace {
    trace: Arc<Trace>,
}

impl UopTrace {
    pub fn new(trace: Arc<Trace>) -> UopTrace {
        UopTrace { trace }
    }
}

/// `Err(exit)`: the trace leaves through that exit.
type Flow = Result<(), ExitId>;

fn obj(bits: u64) -> TraceObj {
    TraceObj::from_exit_bits(bits)
}

fn int_arith(op: IntOp, a: i64, b: i64) -> Option<i64> {
    match op {
        IntOp::Add => a.checked_add(b),
        IntOp::Sub => a.checked_sub(b),
        IntOp::Mul => a.checked_mul(b),
        IntOp::FloorDiv => {
            let q = a.checked_div(b)?;
            Some(if (a % b != 0) && ((a < 0) != (b < 0)) {
                q - 1
            } else {
                q
            })
        }
        IntOp::Mod => {
            let r = a.checked_rem(b)?;
            Some(if r != 0 && ((r < 0) != (b < 0)) {
                r + b
            } else {
                r
            })
        }
        IntOp::And => Some(a & b),
        IntOp::Or => Some(a | b),
        IntOp::Xor => Some(a ^ b),
        IntOp::Rshift => (0..64).contains(&b).then(|| a >> b),
        IntOp::Lshift => {
            if !(0..64).contains(&b) {
                return None;
            }
            let shifted = a << b;
            (shifted >> b == a).then_some(shifted)
        }
    }
}

fn float_arith(op: FloatOp, a: f64, b: f64) -> Option<f64> {
    Some(match op {
        FloatOp::Add => a + b,
        FloatOp::Sub => a - b,
        FloatOp::Mul => a * b,
        FloatOp::Div => {
            if b == 0.0 {
                return None;
            }
            a / b
        }
    })
}

struct Machine<'a> {
    regs: Vec<u64>,
    frame: FramePtr,
    eval_breaker: &'a dyn Fn() -> bool,
}

impl Machine<'_> {
    fn get(&self, v: Value) -> u64 {
        self.regs[v.0 as usize]
    }

    fn set(&mut self, dst: Option<Value>, bits: u64) {
        let dst = dst.expect("a uop with a result has a destination");
        self.regs[dst.0 as usize] = bits;
    }

    fn run(&mut self, insts: &[Inst]) -> Flow {
        for inst in insts {
            self.step(inst)?;
        }
        Ok(())
    }

    fn step(&mut self, inst: &Inst) -> Flow {
        let dst = inst.dst;
        match &inst.op {
            Op::LoadSlot { slot } => {
                let bits = self.frame.trace_slot(*slot).bits();
                self.set(dst, bits);
            }
            Op::StoreSlot { slot, value } => {
                let owned = obj(self.get(*value)).into_owned();
                self.frame.trace_store_slot(*slot, owned, true);
            }
            Op::Const { bits } => self.set(dst, *bits),
            Op::Incref { value } => obj(self.get(*value)).incref(),
            Op::Decref { value } => obj(self.get(*value)).decref(),
            Op::GuardType {
                value,
                type_addr,
                exit,
            } => {
                if obj(self.get(*value)).type_addr() != *type_addr {
                    return Err(*exit);
                }
            }
            Op::GuardIs {
                value,
                addr,
                expect,
                exit,
            } => {
                if (self.get(*value) == *addr) != *expect {
                    return Err(*exit);
                }
            }
            Op::GuardBool {
                value,
                expect,
                exit,
            } => {
                if (self.get(*value) != 0) != *expect {
                    return Err(*exit);
                }
            }
            Op::UnboxInt { value, exit } => match obj(self.get(*value)).unbox_int() {
                Some(i) => self.set(dst, i as u64),
                None => return Err(*exit),
            },
            Op::UnboxFloat { value } => {
                let f = obj(self.get(*value)).float_value();
                self.set(dst, f.to_bits());
            }
            Op::BoxInt { value, exit } => {
                let bits = call_helper(Helper::BoxInt, &[self.get(*value)]);
                if bits == 0 {
                    return Err(*exit);
                }
                self.set(dst, bits);
            }
            Op::BoxFloat { value, exit } => {
                let bits = call_helper(Helper::BoxFloat, &[self.get(*value)]);
                if bits == 0 {
                    return Err(*exit);
                }
                self.set(dst, bits);
            }
            Op::BoxBool { value } => {
                let addr = if self.get(*value) != 0 {
                    addrs::py_true()
                } else {
                    addrs::py_false()
                };
                obj(addr).incref();
                self.set(dst, addr);
            }
            Op::IntArith { op, a, b, exit } => {
                match int_arith(*op, self.get(*a) as i64, self.get(*b) as i64) {
                    Some(r) => self.set(dst, r as u64),
                    None => return Err(*exit),
                }
            }
            Op::IntNeg { a, exit } => match (self.get(*a) as i64).checked_neg() {
                Some(r) => self.set(dst, r as u64),
                None => return Err(*exit),
            },
            Op::FloatArith { op, a, b, exit } => {
                let (x, y) = (f64::from_bits(self.get(*a)), f64::from_bits(self.get(*b)));
                match float_arith(*op, x, y) {
                    Some(r) => self.set(dst, r.to_bits()),
                    None => return Err(*exit),
                }
            }
            Op::FloatNeg { a } => {
                let r = -f64::from_bits(self.get(*a));
                self.set(dst, r.to_bits());
            }
            Op::IntToFloat { a } => {
                let r = self.get(*a) as i64 as f64;
                self.set(dst, r.to_bits());
            }
            Op::IntCompare { cmp, a, b } => {
                let r = cmp.holds(self.get(*a) as i64, self.get(*b) as i64);
                self.set(dst, r as u64);
            }
            Op::FloatCompare { cmp, a, b } => {
                let (x, y) = (f64::from_bits(self.get(*a)), f64::from_bits(self.get(*b)));
                self.set(dst, cmp.holds(x, y) as u64);
            }
            Op::ObjIs { a, b } => {
                let r = self.get(*a) == self.get(*b);
                self.set(dst, r as u64);
            }
            Op::BoolNot { a } => {
                let r = self.get(*a) == 0;
                self.set(dst, r as u64);
            }
            Op::ListLen { list } => {
                let n = obj(self.get(*list)).var_size();
                self.set(dst, n as u64);
            }
            Op::TupleLen { tuple } => {
                let n = obj(self.get(*tuple)).var_size();
                self.set(dst, n as u64);
            }
            Op::ListItem { list, index, exit } => {
                match obj(self.get(*list)).list_item(self.get(*index) as i64) {
                    Some(item) => self.set(dst, item.bits()),
                    None => return Err(*exit),
                }
            }
            Op::TupleItem { tuple, index, exit } => {
                match obj(self.get(*tuple)).tuple_item(self.get(*index) as i64) {
                    Some(item) => self.set(dst, item.bits()),
                    None => return Err(*exit),
                }
            }
            Op::RangeIterNext { iter, exit } => match obj(self.get(*iter)).range_iter_next() {
                Some(i) => self.set(dst, i as u64),
                None => return Err(*exit),
            },
            Op::ListIterNext { iter, exit } => match obj(self.get(*iter)).list_iter_next() {
                Some(item) => self.set(dst, item.bits()),
                None => return Err(*exit),
            },
            Op::CallHelper { helper, args, exit } => {
                let args: Vec<u64> = args.iter().map(|v| self.get(*v)).collect();
                let result = call_helper(*helper, &args);
                if result == 0 {
                    return Err(*exit);
                }
                self.set(dst, result);
            }
            Op::Truth { value, exit } => {
                let result = call_helper(Helper::Truth, &[self.get(*value)]);
                if result == u64::MAX {
                    return Err(*exit);
                }
                self.set(dst, result);
            }
            Op::CheckEvalBreaker { exit } => {
                if (self.eval_breaker)() {
                    return Err(*exit);
                }
            }
            Op::GuardTypeVersion {
                value,
                version,
                exit,
            } => {
                if obj(self.get(*value)).type_version() != *version {
                    return Err(*exit);
                }
            }
            Op::GuardClassVersion {
                class,
                version,
                exit,
            } => {
                if obj(self.get(*class)).class_version() != Some(*version) {
                    return Err(*exit);
                }
            }
            Op::LoadInstanceValue {
                owner,
                type_version,
                index,
                exit,
            } => {
                let found = obj(self.get(*owner)).instance_value(*type_version, *index);
                self.set(dst, found.ok_or(*exit)?.bits());
            }
            Op::LoadMember {
                owner,
                type_version,
                offset,
                exit,
            } => {
                let found = obj(self.get(*owner)).member(*type_version, *offset);
                self.set(dst, found.ok_or(*exit)?.bits());
            }
            Op::StoreInstanceValue {
                owner,
                type_version,
                index,
                value,
                exit,
            } => {
                let old = obj(self.get(*owner)).replace_instance_value(
                    *type_version,
                    *index,
                    obj(self.get(*value)),
                );
                self.set(dst, old.ok_or(*exit)?.bits());
            }
            Op::StoreMember {
                owner,
                type_version,
                offset,
                value,
                exit,
            } => {
                let old = obj(self.get(*owner)).replace_member(
                    *type_version,
                    *offset,
                    obj(self.get(*value)),
                );
                self.set(dst, old.ok_or(*exit)?.bits());
            }
            Op::LoadDictEntry {
                dict,
                keys_version,
                index,
                exit,
                ..
            } => {
                let found = obj(self.get(*dict)).dict_entry(*keys_version, *index);
                self.set(dst, found.ok_or(*exit)?.bits());
            }
            Op::GuardKeysVersion {
                dict,
                keys_version,
                exit,
            } => {
                if obj(self.get(*dict)).keys_version() != *keys_version {
                    return Err(*exit);
                }
            }
            Op::GuardNoDict {
                owner,
                keys_version,
                exit,
            } => {
                if !obj(self.get(*owner)).no_dict_and_keys(*keys_version) {
                    return Err(*exit);
                }
            }
            Op::ModuleDict { module, exit } => {
                let dict = obj(self.get(*module)).module_dict();
                self.set(dst, dict.ok_or(*exit)?.bits());
            }
        }
        Ok(())
    }
}

impl CompiledTrace for UopTrace {
    fn run(&self, frame: FramePtr, ctx: &mut TraceCtx, exit_values: &mut [u64]) -> u32 {
        let trace = &*self.trace;
        let breaker = ctx.eval_breaker;
        let eval_breaker = move || justjit_interp::cpython::trace_runtime::flag_set(breaker);
        let mut m = Machine {
            regs: vec![0; trace.kinds.len()],
            frame,
            eval_breaker: &eval_breaker,
        };
        let exit = match m.run(&trace.preamble) {
            Err(exit) => exit,
            Ok(()) => {
                for phi in &trace.phis {
                    let bits = m.get(phi.init);
                    m.regs[phi.value.0 as usize] = bits;
                }
                loop {
                    if let Err(exit) = m.run(&trace.body) {
                        break exit;
                    }
                    let next: Vec<u64> = trace.phis.iter().map(|phi| m.get(phi.next)).collect();
                    for (phi, bits) in trace.phis.iter().zip(next) {
                        m.regs[phi.value.0 as usize] = bits;
                    }
                    ctx.iterations += 1;
                }
            }
        };
        for (slot, value) in exit_values
            .iter_mut()
            .zip(trace.exits[exit.0 as usize].live_values())
        {
            *slot = m.get(value);
        }
        exit.0
    }

    fn code_bytes(&self) -> usize {
        0
    }

    fn disassembly(&self) -> Option<String> {
        None
    }
}
