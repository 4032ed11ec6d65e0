//! The recorder: what the tracing dispatch table shows of one loop iteration, kept as the list
//! of instructions run with what tier 1's specialization knows of each (its form and inline
//! cache, decoded), the types of their operands and the direction of their branches. `lower`
//! turns that list into uops; this module only observes.

use justjit_interp::cpython::object::Owned;
use justjit_interp::cpython::opcode as op;
use justjit_interp::cpython::trace_runtime::TraceObj;
use justjit_interp::jit::{InstrView, Spec};

/// The most instructions one recorded iteration may have.
pub const MAX_STEPS: usize = 400;

/// The type of an operand as seen when it was recorded.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Observed {
    /// The address of the type object (0 for NULL).
    pub type_addr: u64,
    /// An exact int that fits in two digits (what `UnboxInt` accepts).
    pub small_int: bool,
}

impl Observed {
    fn of(obj: TraceObj) -> Observed {
        let type_addr = obj.type_addr();
        let small_int = type_addr == justjit_interp::cpython::trace_runtime::addrs::int_type()
            && obj.unbox_int().is_some();
        Observed {
            type_addr,
            small_int,
        }
    }
}

/// One recorded instruction.
#[derive(Clone, Debug)]
pub struct Step {
    /// First code unit (EXTENDED_ARG included), where an exit before it resumes.
    pub start: u32,
    /// The unit after the instruction and its cache (the fall-through successor).
    pub next: u32,
    pub op: u8,
    pub oparg: u32,
    /// The top three stack entries, top first (fewer when the stack is shallower).
    pub stack: Vec<Observed>,
    /// The stack depth before the instruction.
    pub depth: usize,
    /// For `LOAD_FAST`: the local's type.
    pub local: Option<Observed>,
    /// For a conditional jump or `FOR_ITER`: whether it jumped (known at the next step).
    pub jumped: Option<bool>,
    /// What the instruction's specialized form established (the first source of type
    /// knowledge; `stack` and `local` fill in where no form applies).
    pub spec: Spec,
}

/// The recording of one loop.
pub struct Recording {
    pub head: u32,
    pub anchor: u32,
    pub steps: Vec<Step>,
    /// The stack depth at the loop head.
    pub head_depth: usize,
    /// References to the objects the steps' specs point to (cached methods), taken when they
    /// were recorded: the rest of the iteration may drop them from their class before the
    /// recording is lowered.
    held: Vec<Owned>,
}

/// Whether `op` jumps conditionally (its direction is recorded).
fn is_conditional(opcode: u8) -> bool {
    matches!(
        opcode,
        op::POP_JUMP_FORWARD_IF_FALSE
            | op::POP_JUMP_FORWARD_IF_TRUE
            | op::POP_JUMP_BACKWARD_IF_FALSE
            | op::POP_JUMP_BACKWARD_IF_TRUE
            | op::POP_JUMP_FORWARD_IF_NONE
            | op::POP_JUMP_FORWARD_IF_NOT_NONE
            | op::POP_JUMP_BACKWARD_IF_NONE
            | op::POP_JUMP_BACKWARD_IF_NOT_NONE
            | op::JUMP_IF_FALSE_OR_POP
            | op::JUMP_IF_TRUE_OR_POP
            | op::FOR_ITER
    )
}

fn is_backward(opcode: u8) -> bool {
    matches!(
        opcode,
        op::JUMP_BACKWARD
            | op::JUMP_BACKWARD_NO_INTERRUPT
            | op::POP_JUMP_BACKWARD_IF_FALSE
            | op::POP_JUMP_BACKWARD_IF_TRUE
            | op::POP_JUMP_BACKWARD_IF_NONE
            | op::POP_JUMP_BACKWARD_IF_NOT_NONE
    )
}

/// What the recorder decided about an instruction.
pub enum Verdict {
    Continue,
    Close,
    Abort(&'static str),
}

impl Recording {
    pub fn new(head: u32, anchor: u32, head_depth: usize) -> Recording {
        Recording {
            head,
            anchor,
            steps: Vec::new(),
            head_depth,
            held: Vec::new(),
        }
    }

    /// Observes the instruction of `view`, about to run.
    pub fn observe(&mut self, view: &InstrView) -> Verdict {
        // The previous instruction's direction is where this one is.
        if let Some(last) = self.steps.last_mut() {
            // A `PRECALL` form that made the call itself (`len`, `isinstance`, `list.append`
            // …) skipped its `CALL`: it was the call.
            if last.op == op::PRECALL && view.start != last.next {
                last.op = op::CALL;
                last.spec = Spec::None;
                // `list.append`'s form skips the `POP_TOP` after the call too.
                let after_call = last.next + 1 + op::cache_entries(op::CALL) as u32;
                if view.start == after_call + 1 {
                    let depth = last.depth - last.oparg as usize - 1;
                    self.steps.push(Step {
                        start: after_call,
                        next: after_call + 1,
                        op: op::POP_TOP,
                        oparg: 0,
                        stack: Vec::new(),
                        depth,
                        local: None,
                        jumped: None,
                        spec: Spec::None,
                    });
                } else if view.start != after_call {
                    return Verdict::Abort("unexpected_call_skip");
                }
            }
            let Some(last) = self.steps.last_mut() else {
                unreachable!("a step was recorded")
            };
            if is_conditional(last.op) && last.jumped.is_none() {
                let jumped = view.start != last.next;
                last.jumped = Some(jumped);
                if last.op == op::FOR_ITER && jumped {
                    return Verdict::Abort("loop_ended");
                }
            }
        } else if view.start != self.head {
            return Verdict::Abort("not_at_head");
        }
        if self.steps.len() >= MAX_STEPS {
            return Verdict::Abort("too_long");
        }
        let cursor = view.cursor;
        let depth = cursor.stack_depth();
        let stack = (0..depth.min(3))
            .map(|d| Observed::of(cursor.peek_opt(d + 1).map_or(TraceObj::NULL, TraceObj::of)))
            .collect();
        let local = (view.op == op::LOAD_FAST).then(|| {
            Observed::of(
                cursor
                    .local(view.oparg as usize)
                    .map_or(TraceObj::NULL, TraceObj::of),
            )
        });
        let closes = view.opcode_unit == self.anchor;
        if is_backward(view.op) && !closes {
            return Verdict::Abort("inner_loop");
        }
        if let Spec::Method { method, .. } = view.spec {
            self.held
                .extend(TraceObj::from_exit_bits(method).to_owned());
        }
        self.steps.push(Step {
            start: view.start,
            next: view.next,
            op: view.op,
            oparg: view.oparg,
            stack,
            depth,
            local,
            // The loop closes along its backward jump.
            jumped: closes.then_some(true),
            spec: view.spec,
        });
        if closes {
            Verdict::Close
        } else {
            Verdict::Continue
        }
    }
}
