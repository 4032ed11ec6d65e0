//! The x86-64 emitter: assembles a [`Trace`] with dynasm-rs into W^X code memory.
//!
//! Native entry is `extern "sysv64" fn(ctx: *const TraceCtx) -> u64`, returning the exit taken.
//! The prologue saves the callee-saved registers, pins the context in `r14` and the helper table
//! in `r15`, and reserves a frame of `[helper argument array][spill slots]` that keeps `rsp`
//! 16-byte aligned at calls. Values live where [`crate::regalloc`] put them: `rax`, `rcx`, `rdx`
//! and `r11` (with `xmm0` and `xmm1`) are scratch, never allocated. Floats live in `xmm2`–`xmm15`
//! (or in spill slots when they must survive a helper call) and are computed on in place.
//!
//! Each exit has one stub, placed after the loop: it writes the exit's live values to
//! `ctx.exit_values` and returns the exit's index through the epilogue. Because every value has
//! one location for its whole life, the stub is the same whichever uop jumps to it.

// dynasm-rs expands dynamic registers (`Rq(r)`) to `r.into()`, which clippy flags.
#![allow(clippy::useless_conversion)]

use std::collections::BTreeMap;
use std::fmt::Write;

use dynasmrt::x64::X64Relocation;
use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi, VecAssembler};
use iced_x86::{Decoder, DecoderOptions, Formatter, Instruction, IntelFormatter};
use justjit_interp::cpython::cursor::FramePtr;
use justjit_interp::cpython::trace_runtime::{addrs, offsets, Helper};
use justjit_tracer::abi::{
    CompiledTrace, TraceCtx, CTX_EVAL_BREAKER, CTX_EXIT_VALUES, CTX_HELPERS, CTX_ITERATIONS,
    CTX_LOCALSPLUS,
};
use justjit_tracer::ir::{Cmp, FloatOp, Inst, IntOp, Kind, Op, Trace, Value};

use crate::codemem::CodeMem;
use crate::regalloc::{self, Allocation, Loc, RegPools};
use crate::CompileError;

const RAX: u8 = 0;
const RCX: u8 = 1;
const RDX: u8 = 2;
const RBX: u8 = 3;
const RBP: u8 = 5;
const RSI: u8 = 6;
const RDI: u8 = 7;
const R8: u8 = 8;
const R9: u8 = 9;
const R10: u8 = 10;
const R11: u8 = 11;
const R12: u8 = 12;
const R13: u8 = 13;

const REG_NAMES: [&str; 16] = [
    "rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12", "r13",
    "r14", "r15",
];

/// `r14` holds the context and `r15` the helper table; the rest of the callee-saved registers
/// and the caller-saved ones that no sequence uses as scratch are allocated.
const POOLS: RegPools = RegPools {
    caller_saved: &[RSI, RDI, R8, R9, R10],
    callee_saved: &[RBX, RBP, R12, R13],
    xmm: &[2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
};

/// Where value `index` of a values array is, from the array's address.
fn values_disp(index: u16) -> i32 {
    offsets::VALUES_ITEMS + 8 * i32::from(index)
}

/// The largest frame a trace may use.
const MAX_FRAME: usize = 1 << 20;

type Asm = VecAssembler<X64Relocation>;

/// The entry point of a compiled trace.
type Entry = unsafe extern "sysv64" fn(ctx: *mut TraceCtx) -> u64;

/// A trace compiled to x86-64 machine code.
pub struct NativeTrace {
    code: CodeMem,
    /// Where the code of each uop (and of the prologue, phis, exits…) starts, for the dump.
    marks: Vec<(usize, String)>,
    /// Where each value lives, for the dump.
    allocation: String,
    max_exit_values: usize,
    name: String,
}

impl NativeTrace {
    /// Runs the trace until an exit, returning the exit's index.
    ///
    /// # Safety
    /// `ctx` must be what the trace was compiled for: `localsplus` a frame whose slots hold
    /// what the trace's guards and uops assume, `helpers` the helper table, `eval_breaker` a
    /// readable 32-bit int, and `exit_values` room for [`Trace::max_exit_values`] words.
    pub unsafe fn execute(&self, ctx: &mut TraceCtx) -> u32 {
        // SAFETY: the code was assembled for the `Entry` signature; the caller vouches for the
        // context it reads.
        unsafe {
            let entry: Entry = std::mem::transmute::<*const u8, Entry>(self.code.as_ptr());
            entry(ctx) as u32
        }
    }

    /// The address of the code (its entry point).
    pub fn code_addr(&self) -> u64 {
        self.code.as_ptr() as u64
    }
}

impl CompiledTrace for NativeTrace {
    fn run(&self, _frame: FramePtr, ctx: &mut TraceCtx, exit_values: &mut [u64]) -> u32 {
        assert_eq!(ctx.exit_values, exit_values.as_mut_ptr() as u64);
        assert!(exit_values.len() >= self.max_exit_values);
        // SAFETY: the caller runs the trace on the frame it was recorded for, with a context
        // built for it (the `CompiledTrace` contract); the exit buffer is checked above.
        unsafe { self.execute(ctx) }
    }

    fn code_bytes(&self) -> usize {
        self.code.len()
    }

    fn disassembly(&self) -> Option<String> {
        let bytes = self.code.bytes();
        let base = self.code_addr();
        let mut out = format!(
            "; trace {} ({} bytes at {base:#x})\n; {}\n",
            self.name,
            bytes.len(),
            self.allocation
        );
        // Addresses are offsets from the entry, so jump targets match the offset column.
        let mut decoder = Decoder::with_ip(64, bytes, 0, DecoderOptions::NONE);
        let mut formatter = IntelFormatter::new();
        let options = formatter.options_mut();
        options.set_first_operand_char_index(8);
        options.set_uppercase_hex(false);
        options.set_hex_prefix("0x");
        options.set_hex_suffix("");
        let mut marks = self.marks.iter().peekable();
        let mut inst = Instruction::default();
        let mut text = String::new();
        while decoder.can_decode() {
            let offset = decoder.position();
            while let Some((_, mark)) = marks.next_if(|(at, _)| *at <= offset) {
                let _ = writeln!(out, "{mark}");
            }
            decoder.decode_out(&mut inst);
            text.clear();
            formatter.format(&inst, &mut text);
            let _ = writeln!(out, "  {offset:5x}  {text}");
        }
        Some(out)
    }
}

/// An ALU source operand.
#[derive(Copy, Clone)]
enum Src {
    Reg(u8),
    /// `[rsp + disp]`.
    Mem(i32),
    Imm(i32),
}

struct Emitter<'a> {
    trace: &'a Trace,
    ops: Asm,
    alloc: Allocation,
    /// Offset of the spill area from `rsp`.
    spill_base: i32,
    exit_labels: BTreeMap<u32, DynamicLabel>,
    marks: Vec<(usize, String)>,
    /// How many times each value is read (operands, exits, phis).
    uses: Vec<u32>,
}

/// ALU operation `d op= src`.
macro_rules! alu {
    ($ops:expr, $op:ident, $d:expr, $src:expr) => {{
        let d: u8 = $d;
        match $src {
            Src::Reg(r) => dynasm!($ops ; .arch x64 ; $op Rq(d), Rq(r)),
            Src::Mem(disp) => dynasm!($ops ; .arch x64 ; $op Rq(d), QWORD [rsp + disp]),
            Src::Imm(imm) => dynasm!($ops ; .arch x64 ; $op Rq(d), DWORD imm),
        }
    }};
}

/// Sets `al` from the flags with condition `$cc`, then zero-extends it into `$d`.
macro_rules! setcc {
    ($ops:expr, $cc:ident, $d:expr) => {{
        let d: u8 = $d;
        dynasm!($ops ; .arch x64 ; $cc al ; movzx Rd(d), al);
    }};
}

impl<'a> Emitter<'a> {
    fn offset(&self) -> usize {
        self.ops.offset().0
    }

    fn mark(&mut self, text: String) {
        let at = self.offset();
        self.marks.push((at, text));
    }

    fn loc(&self, value: Value) -> Loc {
        self.alloc.loc(value)
    }

    fn stack_disp(&self, slot: u32) -> i32 {
        self.spill_base + 8 * slot as i32
    }

    fn exit_label(&mut self, exit: u32) -> DynamicLabel {
        if let Some(&label) = self.exit_labels.get(&exit) {
            return label;
        }
        let label = self.ops.new_dynamic_label();
        self.exit_labels.insert(exit, label);
        label
    }

    /// `mov r, imm` in the shortest form.
    fn mov_imm(&mut self, r: u8, imm: u64) {
        if imm == 0 {
            dynasm!(self.ops ; .arch x64 ; xor Rd(r), Rd(r));
        } else if let Ok(imm) = u32::try_from(imm) {
            dynasm!(self.ops ; .arch x64 ; mov Rd(r), imm as i32);
        } else if let Ok(imm) = i32::try_from(imm as i64) {
            dynasm!(self.ops ; .arch x64 ; mov Rq(r), imm);
        } else {
            dynasm!(self.ops ; .arch x64 ; mov Rq(r), QWORD imm as i64);
        }
    }

    /// Moves between locations (`rax` is the scratch for memory-to-memory moves and for
    /// immediates going to vector registers). Moves between a general-purpose and a vector
    /// register copy the bits.
    fn mov(&mut self, dst: Loc, src: Loc) {
        match (dst, src) {
            _ if dst == src => {}
            (Loc::Xmm(d), Loc::Xmm(s)) => dynasm!(self.ops ; .arch x64 ; movapd Rx(d), Rx(s)),
            (Loc::Xmm(d), Loc::Reg(s)) => dynasm!(self.ops ; .arch x64 ; movq Rx(d), Rq(s)),
            (Loc::Xmm(d), Loc::Stack(slot)) => {
                let disp = self.stack_disp(slot);
                dynasm!(self.ops ; .arch x64 ; movsd Rx(d), QWORD [rsp + disp]);
            }
            (Loc::Xmm(d), Loc::Imm(0)) => dynasm!(self.ops ; .arch x64 ; xorps Rx(d), Rx(d)),
            (Loc::Xmm(d), Loc::Imm(imm)) => {
                self.mov_imm(RAX, imm);
                dynasm!(self.ops ; .arch x64 ; movq Rx(d), rax);
            }
            (Loc::Reg(d), Loc::Xmm(s)) => dynasm!(self.ops ; .arch x64 ; movq Rq(d), Rx(s)),
            (Loc::Stack(slot), Loc::Xmm(s)) => {
                let disp = self.stack_disp(slot);
                dynasm!(self.ops ; .arch x64 ; movsd QWORD [rsp + disp], Rx(s));
            }
            (Loc::Reg(d), Loc::Reg(s)) => dynasm!(self.ops ; .arch x64 ; mov Rq(d), Rq(s)),
            (Loc::Reg(d), Loc::Stack(slot)) => {
                let disp = self.stack_disp(slot);
                dynasm!(self.ops ; .arch x64 ; mov Rq(d), QWORD [rsp + disp]);
            }
            (Loc::Reg(d), Loc::Imm(imm)) => self.mov_imm(d, imm),
            (Loc::Stack(slot), Loc::Reg(s)) => {
                let disp = self.stack_disp(slot);
                dynasm!(self.ops ; .arch x64 ; mov QWORD [rsp + disp], Rq(s));
            }
            (Loc::Stack(slot), Loc::Imm(imm)) if i32::try_from(imm as i64).is_ok() => {
                let disp = self.stack_disp(slot);
                let imm = imm as i64 as i32;
                dynasm!(self.ops ; .arch x64 ; mov QWORD [rsp + disp], imm);
            }
            (Loc::Stack(_), _) => {
                self.mov(Loc::Reg(RAX), src);
                self.mov(dst, Loc::Reg(RAX));
            }
            (Loc::Imm(_), _) => unreachable!("an immediate is never a destination"),
        }
    }

    /// A vector register holding float `value`: its own, or `xmm(scratch)` loaded with it.
    fn xmm(&mut self, value: Value, scratch: u8) -> u8 {
        match self.loc(value) {
            Loc::Xmm(x) => x,
            loc => {
                self.mov(Loc::Xmm(scratch), loc);
                scratch
            }
        }
    }

    /// The vector register to compute float `dst` in: its own, or `xmm(scratch)` (then
    /// [`Self::store_xmm`] it).
    fn dst_xmm(&self, dst: Value, scratch: u8) -> u8 {
        match self.loc(dst) {
            Loc::Xmm(x) => x,
            _ => scratch,
        }
    }

    /// Writes `xmm(x)` to float `dst`'s location.
    fn store_xmm(&mut self, dst: Value, x: u8) {
        let loc = self.loc(dst);
        self.mov(loc, Loc::Xmm(x));
    }

    /// A register holding `value`: its own, or `scratch` loaded with it.
    fn load(&mut self, value: Value, scratch: u8) -> u8 {
        match self.loc(value) {
            Loc::Reg(r) => r,
            loc => {
                self.mov(Loc::Reg(scratch), loc);
                scratch
            }
        }
    }

    /// Loads `value` into exactly `r`.
    fn load_into(&mut self, value: Value, r: u8) {
        let loc = self.loc(value);
        self.mov(Loc::Reg(r), loc);
    }

    /// `value` as an ALU source (an immediate loads into `scratch` when it does not fit 32 bits).
    fn src(&mut self, value: Value, scratch: u8) -> Src {
        match self.loc(value) {
            Loc::Reg(r) => Src::Reg(r),
            Loc::Stack(slot) => Src::Mem(self.stack_disp(slot)),
            Loc::Xmm(x) => {
                dynasm!(self.ops ; .arch x64 ; movq Rq(scratch), Rx(x));
                Src::Reg(scratch)
            }
            Loc::Imm(imm) => match i32::try_from(imm as i64) {
                Ok(imm) => Src::Imm(imm),
                Err(_) => {
                    self.mov_imm(scratch, imm);
                    Src::Reg(scratch)
                }
            },
        }
    }

    /// The register to compute `dst` in: its own, or `scratch` (then [`Self::store`] it).
    fn dst_reg(&self, dst: Value, scratch: u8) -> u8 {
        match self.loc(dst) {
            Loc::Reg(r) => r,
            _ => scratch,
        }
    }

    /// Writes `r` to `dst`'s location.
    fn store(&mut self, dst: Value, r: u8) {
        let loc = self.loc(dst);
        self.mov(loc, Loc::Reg(r));
    }

    /// Calls `helper` with the values of `args` (written to the frame's argument array); the
    /// result is in `rax`. Only caller-saved registers of values that die here are clobbered.
    fn call_helper(&mut self, helper: Helper, args: &[Loc]) {
        for (i, &arg) in args.iter().enumerate() {
            let disp = 8 * i as i32;
            if let Loc::Xmm(x) = arg {
                dynasm!(self.ops ; .arch x64 ; movsd QWORD [rsp + disp], Rx(x));
                continue;
            }
            let src = match arg {
                Loc::Reg(r) => r,
                loc => {
                    self.mov(Loc::Reg(RAX), loc);
                    RAX
                }
            };
            dynasm!(self.ops ; .arch x64 ; mov QWORD [rsp + disp], Rq(src));
        }
        let nargs = args.len() as i32;
        let index = 8 * helper as i32;
        dynasm!(self.ops
            ; .arch x64
            ; mov rdi, rsp
            ; mov esi, nargs
            ; call QWORD [r15 + index]
        );
    }

    /// `Py_DECREF` of the object in `r` (not `rax`): deallocates it when the count reaches 0.
    fn decref(&mut self, r: u8) {
        let skip = self.ops.new_dynamic_label();
        dynasm!(self.ops
            ; .arch x64
            ; sub QWORD [Rq(r) + offsets::OB_REFCNT], 1
            ; jnz =>skip
        );
        self.call_helper(Helper::Dealloc, &[Loc::Reg(r)]);
        dynasm!(self.ops ; .arch x64 ; =>skip);
    }

    /// Loads value `index` of the values array of the object in `o` into `rax` (the array's
    /// address stays in `r11`), jumping to `exit` when the object has no values array or the
    /// value is unset.
    fn instance_value(&mut self, o: u8, index: u16, exit: DynamicLabel) {
        dynasm!(self.ops
            ; .arch x64
            ; mov r11, QWORD [Rq(o) + offsets::MANAGED_VALUES]
            ; test r11, r11
            ; jz =>exit
            ; mov rax, QWORD [r11 + values_disp(index)]
            ; test rax, rax
            ; jz =>exit
        );
    }

    /// Moves every `src` to its `dst` as if all at once (`xmm1` breaks cycles through vector
    /// registers, `r11` the others).
    fn parallel_move(&mut self, moves: Vec<(Loc, Loc)>) {
        let mut pending: Vec<(Loc, Loc)> = moves.into_iter().filter(|(d, s)| d != s).collect();
        pending.dedup();
        while !pending.is_empty() {
            let ready = pending
                .iter()
                .position(|(d, _)| !pending.iter().any(|(_, s)| s == d));
            match ready {
                Some(i) => {
                    let (d, s) = pending.remove(i);
                    self.mov(d, s);
                }
                None => {
                    // Only cycles are left: park one destination's value in a scratch register.
                    let (d, _) = pending[0];
                    let park = match d {
                        Loc::Xmm(_) => Loc::Xmm(1),
                        _ => Loc::Reg(R11),
                    };
                    self.mov(park, d);
                    for (_, s) in &mut pending {
                        if *s == d {
                            *s = park;
                        }
                    }
                }
            }
        }
    }

    fn describe(&self, inst: &Inst) -> String {
        let kind = |v: Value| match self.trace.kind(v) {
            Kind::Obj => "obj",
            Kind::Int => "int",
            Kind::Float => "float",
            Kind::Bool => "bool",
        };
        match inst.dst {
            Some(dst) => format!("; {dst}:{} = {:?}", kind(dst), inst.op),
            None => format!("; {:?}", inst.op),
        }
    }

    /// Emits a straight-line block, fusing an `IntCompare` whose only use is the `GuardBool`
    /// right after it into a compare and a conditional jump.
    fn block(&mut self, insts: &[Inst]) -> Result<(), CompileError> {
        let mut k = 0;
        while k < insts.len() {
            if let (
                Some(Inst {
                    dst: Some(dst),
                    op: Op::IntCompare { cmp, a, b },
                }),
                Some(
                    guard @ Inst {
                        op:
                            Op::GuardBool {
                                value,
                                expect,
                                exit,
                                ..
                            },
                        ..
                    },
                ),
            ) = (insts.get(k), insts.get(k + 1))
            {
                if value == dst && self.uses[dst.0 as usize] == 1 {
                    let text = format!("{}\n{}", self.describe(&insts[k]), self.describe(guard));
                    self.mark(text);
                    let exit = self.exit_label(exit.0);
                    let ra = self.load(*a, RAX);
                    let sb = self.src(*b, RCX);
                    alu!(self.ops, cmp, ra, sb);
                    // Exit when the comparison's truth differs from the expected one.
                    let fail = if *expect { negate(*cmp) } else { *cmp };
                    match fail {
                        Cmp::Lt => dynasm!(self.ops ; .arch x64 ; jl =>exit),
                        Cmp::Le => dynasm!(self.ops ; .arch x64 ; jle =>exit),
                        Cmp::Eq => dynasm!(self.ops ; .arch x64 ; je =>exit),
                        Cmp::Ne => dynasm!(self.ops ; .arch x64 ; jne =>exit),
                        Cmp::Gt => dynasm!(self.ops ; .arch x64 ; jg =>exit),
                        Cmp::Ge => dynasm!(self.ops ; .arch x64 ; jge =>exit),
                    }
                    k += 2;
                    continue;
                }
            }
            self.inst(&insts[k])?;
            k += 1;
        }
        Ok(())
    }

    fn inst(&mut self, inst: &Inst) -> Result<(), CompileError> {
        let text = self.describe(inst);
        self.mark(text);
        let exit = inst.op.exit().map(|e| self.exit_label(e.0));
        let exit = || exit.expect("uop with an exit");
        let dst = || inst.dst.expect("uop with a result");
        match &inst.op {
            Op::LoadSlot { slot } => {
                let d = self.dst_reg(dst(), RAX);
                let disp = slot_disp(*slot)?;
                dynasm!(self.ops
                    ; .arch x64
                    ; mov r11, QWORD [r14 + CTX_LOCALSPLUS]
                    ; mov Rq(d), QWORD [r11 + disp]
                );
                self.store(dst(), d);
            }
            Op::StoreSlot { slot, value } => {
                let disp = slot_disp(*slot)?;
                let v = self.load(*value, RAX);
                let skip = self.ops.new_dynamic_label();
                dynasm!(self.ops
                    ; .arch x64
                    ; mov r11, QWORD [r14 + CTX_LOCALSPLUS]
                    ; mov rcx, QWORD [r11 + disp]
                    ; mov QWORD [r11 + disp], Rq(v)
                    ; test rcx, rcx
                    ; jz =>skip
                );
                self.decref(RCX);
                dynasm!(self.ops ; .arch x64 ; =>skip);
            }
            Op::Const { .. } => {}
            Op::Incref { value } => {
                let v = self.load(*value, RAX);
                dynasm!(self.ops ; .arch x64 ; add QWORD [Rq(v) + offsets::OB_REFCNT], 1);
            }
            Op::Decref { value } => {
                let v = self.load(*value, RCX);
                self.decref(v);
            }
            Op::GuardType {
                value, type_addr, ..
            } => {
                let v = self.load(*value, RAX);
                dynasm!(self.ops
                    ; .arch x64
                    ; test Rq(v), Rq(v)
                    ; jz =>exit()
                );
                self.mov_imm(R11, *type_addr);
                dynasm!(self.ops
                    ; .arch x64
                    ; cmp QWORD [Rq(v) + offsets::OB_TYPE], r11
                    ; jne =>exit()
                );
            }
            Op::GuardIs {
                value,
                addr,
                expect,
                ..
            } => {
                let v = self.load(*value, RAX);
                self.mov_imm(R11, *addr);
                dynasm!(self.ops ; .arch x64 ; cmp Rq(v), r11);
                if *expect {
                    dynasm!(self.ops ; .arch x64 ; jne =>exit());
                } else {
                    dynasm!(self.ops ; .arch x64 ; je =>exit());
                }
            }
            Op::GuardBool { value, expect, .. } => {
                let v = self.load(*value, RAX);
                dynasm!(self.ops ; .arch x64 ; test Rq(v), Rq(v));
                if *expect {
                    dynasm!(self.ops ; .arch x64 ; jz =>exit());
                } else {
                    dynasm!(self.ops ; .arch x64 ; jnz =>exit());
                }
            }
            Op::UnboxInt { value, .. } => {
                // rdx = ob_size (the signed digit count), rax = |ob_size|, r11 = magnitude.
                let v = self.load(*value, RCX);
                let done = self.ops.new_dynamic_label();
                let positive = self.ops.new_dynamic_label();
                dynasm!(self.ops
                    ; .arch x64
                    ; mov rdx, QWORD [Rq(v) + offsets::OB_SIZE]
                    ; lea rax, [rdx + 2]
                    ; cmp rax, 4
                    ; ja =>exit()
                    ; mov rax, rdx
                    ; neg rax
                    ; cmovl rax, rdx
                    ; xor r11d, r11d
                    ; test rax, rax
                    ; jz =>done
                    ; mov r11d, DWORD [Rq(v) + offsets::LONG_DIGITS]
                    ; cmp rax, 1
                    ; je =>done
                    ; mov eax, DWORD [Rq(v) + offsets::LONG_DIGITS + 4]
                    ; shl rax, LONG_SHIFT
                    ; or r11, rax
                    ; =>done
                    ; test rdx, rdx
                    ; jns =>positive
                    ; neg r11
                    ; =>positive
                );
                self.store(dst(), R11);
            }
            Op::UnboxFloat { value } => {
                let v = self.load(*value, RAX);
                let d = self.dst_xmm(dst(), 0);
                dynasm!(self.ops ; .arch x64 ; movsd Rx(d), QWORD [Rq(v) + offsets::FLOAT_VALUE]);
                self.store_xmm(dst(), d);
            }
            Op::BoxInt { value, .. } | Op::BoxFloat { value, .. } => {
                let helper = match inst.op {
                    Op::BoxInt { .. } => Helper::BoxInt,
                    _ => Helper::BoxFloat,
                };
                let arg = self.loc(*value);
                self.call_helper(helper, &[arg]);
                dynasm!(self.ops
                    ; .arch x64
                    ; test rax, rax
                    ; jz =>exit()
                );
                self.store(dst(), RAX);
            }
            Op::BoxBool { value } => {
                let v = self.load(*value, RCX);
                self.mov_imm(RAX, addrs::py_false());
                self.mov_imm(R11, addrs::py_true());
                dynasm!(self.ops
                    ; .arch x64
                    ; test Rq(v), Rq(v)
                    ; cmovnz rax, r11
                    ; add QWORD [rax + offsets::OB_REFCNT], 1
                );
                self.store(dst(), RAX);
            }
            Op::IntArith { op, a, b, .. } => self.int_arith(*op, *a, *b, dst(), exit()),
            Op::IntNeg { a, .. } => {
                self.load_into(*a, RAX);
                dynasm!(self.ops
                    ; .arch x64
                    ; neg rax
                    ; jo =>exit()
                );
                self.store(dst(), RAX);
            }
            Op::FloatArith { op, a, b, .. } => self.float_arith(*op, *a, *b, dst(), exit()),
            Op::FloatNeg { a } => {
                // xmm0 = the sign bit (all ones shifted left by 63).
                dynasm!(self.ops
                    ; .arch x64
                    ; pcmpeqd xmm0, xmm0
                    ; psllq xmm0, 63
                );
                let d = self.dst_xmm(dst(), 1);
                let loc = self.loc(*a);
                self.mov(Loc::Xmm(d), loc);
                dynasm!(self.ops ; .arch x64 ; xorpd Rx(d), xmm0);
                self.store_xmm(dst(), d);
            }
            Op::IntToFloat { a } => {
                let d = self.dst_xmm(dst(), 0);
                // Zeroing first breaks the dependency on d's previous value.
                dynasm!(self.ops ; .arch x64 ; xorps Rx(d), Rx(d));
                match self.loc(*a) {
                    Loc::Stack(slot) => {
                        let disp = self.stack_disp(slot);
                        dynasm!(self.ops ; .arch x64 ; cvtsi2sd Rx(d), QWORD [rsp + disp]);
                    }
                    _ => {
                        let r = self.load(*a, RAX);
                        dynasm!(self.ops ; .arch x64 ; cvtsi2sd Rx(d), Rq(r));
                    }
                }
                self.store_xmm(dst(), d);
            }
            Op::IntCompare { cmp, a, b } => {
                let ra = self.load(*a, RAX);
                let sb = self.src(*b, RCX);
                alu!(self.ops, cmp, ra, sb);
                let d = self.dst_reg(dst(), RAX);
                match cmp {
                    Cmp::Lt => setcc!(self.ops, setl, d),
                    Cmp::Le => setcc!(self.ops, setle, d),
                    Cmp::Eq => setcc!(self.ops, sete, d),
                    Cmp::Ne => setcc!(self.ops, setne, d),
                    Cmp::Gt => setcc!(self.ops, setg, d),
                    Cmp::Ge => setcc!(self.ops, setge, d),
                }
                self.store(dst(), d);
            }
            Op::FloatCompare { cmp, a, b } => {
                let xa = self.xmm(*a, 0);
                let xb = self.xmm(*b, 1);
                let d = self.dst_reg(dst(), RAX);
                // Unordered (NaN) sets ZF, PF and CF: `above` and `above or equal` are false
                // then, so `<` and `<=` compare swapped operands.
                match cmp {
                    Cmp::Gt => {
                        dynasm!(self.ops ; .arch x64 ; ucomisd Rx(xa), Rx(xb));
                        setcc!(self.ops, seta, d);
                    }
                    Cmp::Ge => {
                        dynasm!(self.ops ; .arch x64 ; ucomisd Rx(xa), Rx(xb));
                        setcc!(self.ops, setae, d);
                    }
                    Cmp::Lt => {
                        dynasm!(self.ops ; .arch x64 ; ucomisd Rx(xb), Rx(xa));
                        setcc!(self.ops, seta, d);
                    }
                    Cmp::Le => {
                        dynasm!(self.ops ; .arch x64 ; ucomisd Rx(xb), Rx(xa));
                        setcc!(self.ops, setae, d);
                    }
                    Cmp::Eq => dynasm!(self.ops
                        ; .arch x64
                        ; ucomisd Rx(xa), Rx(xb)
                        ; sete al
                        ; setnp cl
                        ; and al, cl
                        ; movzx Rd(d), al
                    ),
                    Cmp::Ne => dynasm!(self.ops
                        ; .arch x64
                        ; ucomisd Rx(xa), Rx(xb)
                        ; setne al
                        ; setp cl
                        ; or al, cl
                        ; movzx Rd(d), al
                    ),
                }
                self.store(dst(), d);
            }
            Op::ObjIs { a, b } => {
                let ra = self.load(*a, RAX);
                let sb = self.src(*b, RCX);
                alu!(self.ops, cmp, ra, sb);
                let d = self.dst_reg(dst(), RAX);
                setcc!(self.ops, sete, d);
                self.store(dst(), d);
            }
            Op::BoolNot { a } => {
                let d = self.dst_reg(dst(), RAX);
                self.load_into(*a, d);
                dynasm!(self.ops ; .arch x64 ; xor Rq(d), 1);
                self.store(dst(), d);
            }
            Op::ListLen { list: obj } | Op::TupleLen { tuple: obj } => {
                let v = self.load(*obj, RAX);
                let d = self.dst_reg(dst(), RAX);
                dynasm!(self.ops ; .arch x64 ; mov Rq(d), QWORD [Rq(v) + offsets::OB_SIZE]);
                self.store(dst(), d);
            }
            Op::ListItem {
                list: seq, index, ..
            }
            | Op::TupleItem {
                tuple: seq, index, ..
            } => {
                let s = self.load(*seq, RCX);
                let positive = self.ops.new_dynamic_label();
                self.load_into(*index, RAX);
                dynasm!(self.ops
                    ; .arch x64
                    ; mov rdx, QWORD [Rq(s) + offsets::OB_SIZE]
                    ; test rax, rax
                    ; jns =>positive
                    ; add rax, rdx
                    ; =>positive
                    ; cmp rax, rdx
                    ; jae =>exit()
                );
                if matches!(inst.op, Op::ListItem { .. }) {
                    dynasm!(self.ops
                        ; .arch x64
                        ; mov r11, QWORD [Rq(s) + offsets::LIST_ITEMS]
                        ; mov rax, QWORD [r11 + rax * 8]
                    );
                } else {
                    dynasm!(self.ops
                        ; .arch x64
                        ; mov rax, QWORD [Rq(s) + rax * 8 + offsets::TUPLE_ITEMS]
                    );
                }
                self.store(dst(), RAX);
            }
            Op::RangeIterNext { iter, .. } => {
                let it = self.load(*iter, RCX);
                dynasm!(self.ops
                    ; .arch x64
                    ; mov rax, QWORD [Rq(it) + offsets::RANGE_ITER_INDEX]
                    ; cmp rax, QWORD [Rq(it) + offsets::RANGE_ITER_LEN]
                    ; jge =>exit()
                    ; mov rdx, rax
                    ; imul rdx, QWORD [Rq(it) + offsets::RANGE_ITER_STEP]
                    ; add rdx, QWORD [Rq(it) + offsets::RANGE_ITER_START]
                    ; add rax, 1
                    ; mov QWORD [Rq(it) + offsets::RANGE_ITER_INDEX], rax
                );
                self.store(dst(), RDX);
            }
            Op::ListIterNext { iter, .. } => {
                let it = self.load(*iter, RCX);
                dynasm!(self.ops
                    ; .arch x64
                    ; mov rdx, QWORD [Rq(it) + offsets::LIST_ITER_SEQ]
                    ; test rdx, rdx
                    ; jz =>exit()
                    ; mov rax, QWORD [Rq(it) + offsets::LIST_ITER_INDEX]
                    ; cmp rax, QWORD [rdx + offsets::OB_SIZE]
                    ; jge =>exit()
                    ; mov r11, QWORD [rdx + offsets::LIST_ITEMS]
                    ; mov r11, QWORD [r11 + rax * 8]
                    ; add rax, 1
                    ; mov QWORD [Rq(it) + offsets::LIST_ITER_INDEX], rax
                );
                self.store(dst(), R11);
            }
            Op::CallHelper { helper, args, .. } => {
                let args: Vec<Loc> = args.iter().map(|&a| self.loc(a)).collect();
                self.call_helper(*helper, &args);
                dynasm!(self.ops
                    ; .arch x64
                    ; test rax, rax
                    ; jz =>exit()
                );
                self.store(dst(), RAX);
            }
            Op::Truth { value, .. } => {
                let arg = self.loc(*value);
                self.call_helper(Helper::Truth, &[arg]);
                dynasm!(self.ops
                    ; .arch x64
                    ; cmp rax, -1
                    ; je =>exit()
                );
                self.store(dst(), RAX);
            }
            Op::CheckEvalBreaker { .. } => {
                dynasm!(self.ops
                    ; .arch x64
                    ; mov rax, QWORD [r14 + CTX_EVAL_BREAKER]
                    ; cmp DWORD [rax], 0
                    ; jne =>exit()
                );
            }
            Op::GuardTypeVersion { value, version, .. } => {
                let v = self.load(*value, RAX);
                dynasm!(self.ops
                    ; .arch x64
                    ; mov r11, QWORD [Rq(v) + offsets::OB_TYPE]
                    ; cmp DWORD [r11 + offsets::TP_VERSION_TAG], *version as i32
                    ; jne =>exit()
                );
            }
            Op::GuardClassVersion { class, version, .. } => {
                let v = self.load(*class, RAX);
                dynasm!(self.ops
                    ; .arch x64
                    ; cmp DWORD [Rq(v) + offsets::TP_VERSION_TAG], *version as i32
                    ; jne =>exit()
                );
            }
            Op::LoadInstanceValue { owner, index, .. } => {
                let o = self.load(*owner, RCX);
                self.instance_value(o, *index, exit());
                self.store(dst(), RAX);
            }
            Op::LoadMember { owner, offset, .. } => {
                let o = self.load(*owner, RCX);
                dynasm!(self.ops
                    ; .arch x64
                    ; mov rax, QWORD [Rq(o) + i32::from(*offset)]
                    ; test rax, rax
                    ; jz =>exit()
                );
                self.store(dst(), RAX);
            }
            Op::StoreInstanceValue {
                owner,
                index,
                value,
                ..
            } => {
                let o = self.load(*owner, RCX);
                let v = self.load(*value, RDX);
                self.instance_value(o, *index, exit());
                dynasm!(self.ops ; .arch x64 ; mov QWORD [r11 + values_disp(*index)], Rq(v));
                self.store(dst(), RAX);
            }
            Op::StoreMember {
                owner,
                offset,
                value,
                ..
            } => {
                let o = self.load(*owner, RCX);
                let v = self.load(*value, RDX);
                let disp = i32::from(*offset);
                dynasm!(self.ops
                    ; .arch x64
                    ; mov rax, QWORD [Rq(o) + disp]
                    ; test rax, rax
                    ; jz =>exit()
                    ; mov QWORD [Rq(o) + disp], Rq(v)
                );
                self.store(dst(), RAX);
            }
            Op::LoadDictEntry {
                dict,
                keys_version,
                value_offset,
                ..
            } => {
                let d = self.load(*dict, RCX);
                dynasm!(self.ops
                    ; .arch x64
                    ; mov r11, QWORD [Rq(d) + offsets::MA_KEYS]
                    ; cmp DWORD [r11 + offsets::DK_VERSION], *keys_version as i32
                    ; jne =>exit()
                    ; mov rax, QWORD [r11 + *value_offset]
                    ; test rax, rax
                    ; jz =>exit()
                );
                self.store(dst(), RAX);
            }
            Op::GuardKeysVersion {
                dict, keys_version, ..
            } => {
                let d = self.load(*dict, RCX);
                dynasm!(self.ops
                    ; .arch x64
                    ; mov r11, QWORD [Rq(d) + offsets::MA_KEYS]
                    ; cmp DWORD [r11 + offsets::DK_VERSION], *keys_version as i32
                    ; jne =>exit()
                );
            }
            Op::GuardNoDict {
                owner,
                keys_version,
                ..
            } => {
                let o = self.load(*owner, RCX);
                dynasm!(self.ops
                    ; .arch x64
                    ; cmp QWORD [Rq(o) + offsets::MANAGED_DICT], 0
                    ; jne =>exit()
                    ; mov r11, QWORD [Rq(o) + offsets::OB_TYPE]
                    ; mov r11, QWORD [r11 + offsets::HT_CACHED_KEYS]
                    ; cmp DWORD [r11 + offsets::DK_VERSION], *keys_version as i32
                    ; jne =>exit()
                );
            }
            Op::ModuleDict { module, .. } => {
                let m = self.load(*module, RCX);
                dynasm!(self.ops
                    ; .arch x64
                    ; mov rax, QWORD [Rq(m) + offsets::MD_DICT]
                    ; test rax, rax
                    ; jz =>exit()
                );
                self.store(dst(), RAX);
            }
        }
        Ok(())
    }

    fn float_arith(&mut self, op: FloatOp, a: Value, b: Value, dst: Value, exit: DynamicLabel) {
        let xb = self.xmm(b, 1);
        if op == FloatOp::Div {
            // Exit on b == ±0.0 (ordered and equal to zero), before writing the result.
            let ok = self.ops.new_dynamic_label();
            dynasm!(self.ops
                ; .arch x64
                ; xorps xmm0, xmm0
                ; ucomisd Rx(xb), xmm0
                ; jp =>ok
                ; je =>exit
                ; =>ok
            );
        }
        let commutative = matches!(op, FloatOp::Add | FloatOp::Mul);
        let mut d = self.dst_xmm(dst, 0);
        // `d op= xa` when d already holds b (a commutative op), else `d = a; d op= b`.
        let (d, src) = match self.loc(a) {
            Loc::Xmm(xa) if d == xb && xa != xb && commutative => (d, xa),
            loc => {
                if d == xb && d != 0 && self.loc(a) != Loc::Xmm(xb) {
                    d = 0;
                }
                self.mov(Loc::Xmm(d), loc);
                (d, xb)
            }
        };
        match op {
            FloatOp::Add => dynasm!(self.ops ; .arch x64 ; addsd Rx(d), Rx(src)),
            FloatOp::Sub => dynasm!(self.ops ; .arch x64 ; subsd Rx(d), Rx(src)),
            FloatOp::Mul => dynasm!(self.ops ; .arch x64 ; mulsd Rx(d), Rx(src)),
            FloatOp::Div => dynasm!(self.ops ; .arch x64 ; divsd Rx(d), Rx(src)),
        }
        self.store_xmm(dst, d);
    }

    fn int_arith(&mut self, op: IntOp, a: Value, b: Value, dst: Value, exit: DynamicLabel) {
        match op {
            IntOp::Add | IntOp::Sub | IntOp::Mul => {
                // Computed in rax: `dst` may share a register with a value the exit reads.
                let sb = self.src(b, RCX);
                self.load_into(a, RAX);
                match (op, sb) {
                    (IntOp::Add, sb) => alu!(self.ops, add, RAX, sb),
                    (IntOp::Sub, sb) => alu!(self.ops, sub, RAX, sb),
                    (_, Src::Imm(imm)) => dynasm!(self.ops ; .arch x64 ; imul rax, rax, imm),
                    (_, Src::Reg(r)) => dynasm!(self.ops ; .arch x64 ; imul rax, Rq(r)),
                    (_, Src::Mem(disp)) => {
                        dynasm!(self.ops ; .arch x64 ; imul rax, QWORD [rsp + disp])
                    }
                }
                dynasm!(self.ops ; .arch x64 ; jo =>exit);
                self.store(dst, RAX);
            }
            IntOp::And | IntOp::Or | IntOp::Xor => {
                let sb = self.src(b, RCX);
                let d = match (self.loc(dst), sb) {
                    (Loc::Reg(d), Src::Reg(r)) if d == r => RAX,
                    (Loc::Reg(d), _) => d,
                    _ => RAX,
                };
                self.load_into(a, d);
                match op {
                    IntOp::And => alu!(self.ops, and, d, sb),
                    IntOp::Or => alu!(self.ops, or, d, sb),
                    _ => alu!(self.ops, xor, d, sb),
                }
                self.store(dst, d);
            }
            IntOp::FloorDiv => {
                let ok = self.ops.new_dynamic_label();
                let done = self.ops.new_dynamic_label();
                self.load_into(b, RCX);
                self.load_into(a, RAX);
                dynasm!(self.ops
                    ; .arch x64
                    ; test rcx, rcx
                    ; jz =>exit
                    ; cmp rcx, -1
                    ; jne =>ok
                    ; mov r11, QWORD i64::MIN
                    ; cmp rax, r11
                    ; je =>exit
                    ; =>ok
                    ; cqo
                    ; idiv rcx
                    // Truncated to floored: one less when the remainder's sign differs from b's.
                    ; test rdx, rdx
                    ; jz =>done
                    ; xor rdx, rcx
                    ; jns =>done
                    ; sub rax, 1
                    ; =>done
                );
                self.store(dst, RAX);
            }
            IntOp::Mod => {
                let done = self.ops.new_dynamic_label();
                self.load_into(b, RCX);
                self.load_into(a, RAX);
                dynasm!(self.ops
                    ; .arch x64
                    ; test rcx, rcx
                    ; jz =>exit
                    // x % -1 == 0 (and idiv would fault on i64::MIN / -1).
                    ; xor edx, edx
                    ; cmp rcx, -1
                    ; je =>done
                    ; cqo
                    ; idiv rcx
                    // The remainder takes b's sign: add b when the signs differ.
                    ; test rdx, rdx
                    ; jz =>done
                    ; mov rax, rdx
                    ; xor rax, rcx
                    ; jns =>done
                    ; add rdx, rcx
                    ; =>done
                );
                self.store(dst, RDX);
            }
            IntOp::Rshift => {
                self.load_into(b, RCX);
                self.load_into(a, RAX);
                dynasm!(self.ops
                    ; .arch x64
                    ; cmp rcx, 63
                    ; ja =>exit
                    ; sar rax, cl
                );
                self.store(dst, RAX);
            }
            IntOp::Lshift => {
                self.load_into(b, RCX);
                self.load_into(a, RAX);
                dynasm!(self.ops
                    ; .arch x64
                    ; cmp rcx, 63
                    ; ja =>exit
                    ; mov rdx, rax
                    ; shl rax, cl
                    ; mov r11, rax
                    ; sar r11, cl
                    ; cmp r11, rdx
                    ; jne =>exit
                );
                self.store(dst, RAX);
            }
        }
    }
}

/// The comparison that holds exactly when `cmp` does not (on ints).
fn negate(cmp: Cmp) -> Cmp {
    match cmp {
        Cmp::Lt => Cmp::Ge,
        Cmp::Le => Cmp::Gt,
        Cmp::Eq => Cmp::Ne,
        Cmp::Ne => Cmp::Eq,
        Cmp::Gt => Cmp::Le,
        Cmp::Ge => Cmp::Lt,
    }
}

/// How many times each value is read: as an operand, by an exit, or by a phi.
fn use_counts(trace: &Trace) -> Vec<u32> {
    let mut uses = vec![0u32; trace.kinds.len()];
    let mut add = |v: Value| {
        if let Some(n) = uses.get_mut(v.0 as usize) {
            *n += 1;
        }
    };
    for inst in trace.preamble.iter().chain(&trace.body) {
        inst.op.uses().into_iter().for_each(&mut add);
        if let Some(exit) = inst.op.exit().and_then(|e| trace.exits.get(e.0 as usize)) {
            exit.live_values().into_iter().for_each(&mut add);
        }
    }
    for phi in &trace.phis {
        add(phi.init);
        add(phi.next);
    }
    uses
}

const LONG_SHIFT: i8 = justjit_interp::cpython::trace_runtime::LONG_SHIFT as i8;

/// The displacement of `localsplus[slot]`.
fn slot_disp(slot: u32) -> Result<i32, CompileError> {
    i32::try_from(u64::from(slot) * 8)
        .map_err(|_| CompileError::TooBig(format!("slot {slot} is out of reach")))
}

/// Compiles `trace` to x86-64 machine code.
pub fn compile(trace: &Trace) -> Result<NativeTrace, CompileError> {
    let alloc = regalloc::allocate(trace, &POOLS)?;
    let max_args = trace
        .preamble
        .iter()
        .chain(&trace.body)
        .map(|inst| match &inst.op {
            Op::CallHelper { args, .. } => args.len(),
            _ => 1,
        })
        .max()
        .unwrap_or(1)
        .max(1);
    // Six pushes and the return address leave rsp 8 bytes off 16: the frame makes up for it.
    let frame = 8 * (max_args + alloc.spill_slots as usize);
    let frame = if frame % 16 == 8 { frame } else { frame + 8 };
    if frame > MAX_FRAME {
        return Err(CompileError::TooBig(format!(
            "too many values ({} spill slots)",
            alloc.spill_slots
        )));
    }
    let frame = frame as i32;
    let allocation = describe_allocation(&alloc);
    let mut e = Emitter {
        trace,
        ops: Asm::new(0),
        alloc,
        spill_base: 8 * max_args as i32,
        exit_labels: BTreeMap::new(),
        uses: use_counts(trace),
        marks: Vec::new(),
    };
    let epilogue = e.ops.new_dynamic_label();
    let loop_top = e.ops.new_dynamic_label();

    e.mark("; prologue".into());
    dynasm!(e.ops
        ; .arch x64
        ; push rbx
        ; push rbp
        ; push r12
        ; push r13
        ; push r14
        ; push r15
        ; sub rsp, frame
        ; mov r14, rdi
        ; mov r15, QWORD [rdi + CTX_HELPERS]
    );
    e.mark("; preamble".into());
    e.block(&trace.preamble)?;
    e.mark("; phis = init".into());
    let init: Vec<(Loc, Loc)> = trace
        .phis
        .iter()
        .map(|phi| (e.loc(phi.value), e.loc(phi.init)))
        .collect();
    e.parallel_move(init);
    dynasm!(e.ops ; .arch x64 ; .align 16, 0x90 ; =>loop_top);
    e.mark("; loop".into());
    e.block(&trace.body)?;
    e.mark("; phis = next".into());
    let next: Vec<(Loc, Loc)> = trace
        .phis
        .iter()
        .map(|phi| (e.loc(phi.value), e.loc(phi.next)))
        .collect();
    e.parallel_move(next);
    dynasm!(e.ops
        ; .arch x64
        ; add QWORD [r14 + CTX_ITERATIONS], 1
        ; jmp =>loop_top
    );

    let exits: Vec<(u32, DynamicLabel)> = e.exit_labels.iter().map(|(&i, &l)| (i, l)).collect();
    for (index, label) in exits {
        let exit = &trace.exits[index as usize];
        e.mark(format!(
            "; exit {index}: {} at {}{}",
            exit.reason,
            exit.resume,
            if exit.error { " (error)" } else { "" }
        ));
        dynasm!(e.ops ; .arch x64 ; =>label);
        let values = exit.live_values();
        if !values.is_empty() {
            dynasm!(e.ops ; .arch x64 ; mov r11, QWORD [r14 + CTX_EXIT_VALUES]);
        }
        for (i, value) in values.into_iter().enumerate() {
            let disp = 8 * i as i32;
            if let Loc::Xmm(x) = e.loc(value) {
                dynasm!(e.ops ; .arch x64 ; movsd QWORD [r11 + disp], Rx(x));
                continue;
            }
            let r = e.load(value, RAX);
            dynasm!(e.ops ; .arch x64 ; mov QWORD [r11 + disp], Rq(r));
        }
        let index = index as i32;
        dynasm!(e.ops
            ; .arch x64
            ; mov eax, index
            ; jmp =>epilogue
        );
    }
    e.mark("; epilogue".into());
    dynasm!(e.ops
        ; .arch x64
        ; =>epilogue
        ; add rsp, frame
        ; pop r15
        ; pop r14
        ; pop r13
        ; pop r12
        ; pop rbp
        ; pop rbx
        ; ret
    );

    let marks = e.marks;
    let code = e
        .ops
        .finalize()
        .map_err(|err| CompileError::Emit(err.to_string()))?;
    let code = CodeMem::new(&code).map_err(|err| CompileError::Emit(err.to_string()))?;
    Ok(NativeTrace {
        code,
        marks,
        allocation,
        max_exit_values: trace.max_exit_values(),
        name: trace.name.clone(),
    })
}

/// `v0=rbx v1=[sp+8] v2=#42 …`: where each value lives.
fn describe_allocation(alloc: &Allocation) -> String {
    let mut out = String::from("locations:");
    for (v, loc) in alloc.locs.iter().enumerate() {
        let Some(loc) = loc else { continue };
        if matches!(loc, Loc::Imm(_)) {
            continue;
        }
        let _ = match loc {
            Loc::Reg(r) => write!(out, " v{v}={}", REG_NAMES[*r as usize]),
            Loc::Xmm(x) => write!(out, " v{v}=xmm{x}"),
            Loc::Stack(slot) => write!(out, " v{v}=spill{slot}"),
            Loc::Imm(_) => Ok(()),
        };
    }
    out
}
