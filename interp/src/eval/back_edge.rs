//! Backward jumps: hot-loop counting, recording a loop with the tracing dispatch table, and
//! entering the executor installed at a loop's backward jump.
//!
//! Each backward jump of a code object gets a [`LoopSlot`] (in the code object's `CodeInfo`)
//! the first time it runs: a counter, the backoff after failed recordings, and the executor.
//! Past the threshold the evaluation records the loop: it switches to the tracing table, which
//! hands every instruction of the frame to the recorder until the loop comes back to the same
//! backward jump (closed: compiled and installed) or something ends the recording (aborted,
//! with a reason, and retried only after an exponentially growing number of iterations).

use std::cell::RefCell;
use std::sync::Arc;

use crate::cpython::cursor::FramePtr;
use crate::cpython::object::Raised;
use crate::cpython::opcode;
use crate::jit::{self, InstrView, LoopExecutor, Recorder, Recording, Spec};
use crate::stats;

use super::cache_facts;
use super::quicken::forms;
use super::{code_info, refetch, Exec, Flow, Step};

/// After this many failed recordings a loop is no longer recorded.
const MAX_ATTEMPTS: u32 = 8;

/// The state of one backward jump.
struct LoopSlot {
    /// The code unit of the backward jump.
    anchor: u32,
    /// Backward jumps taken since the last recording attempt.
    counter: u32,
    /// Failed recordings so far: the next attempt waits `threshold << failures` jumps.
    failures: u32,
    executor: Option<Arc<dyn LoopExecutor>>,
}

/// The loops of one code object.
#[derive(Default)]
pub(super) struct Loops(RefCell<Vec<LoopSlot>>);

// `Loops` is only touched with the GIL held; `RefCell` is `Send` and the
// code-extra slot needs no more.

/// A recording in progress in one evaluation.
pub(crate) struct ActiveRecording {
    recorder: Box<dyn Recorder>,
    /// The frame whose loop is recorded.
    frame: FramePtr,
    anchor: u32,
    /// Set when the recording ended (closed or aborted) during the current instruction.
    done: bool,
}

enum BackEdge {
    Run(Arc<dyn LoopExecutor>),
    Record,
    Nothing,
}

/// A backward jump from code unit `anchor` was taken (the cursor is at the loop head and the
/// eval breaker was checked): count it, start recording, or run the loop's executor.
#[inline]
pub(super) fn taken(ex: &mut Exec, anchor: u32) -> Step {
    let Some(jit) = jit::get() else {
        return Ok(Flow::Next);
    };
    let frame = *ex.cursor.frame();
    let Some(info) = code_info(frame.code_ref()) else {
        return Ok(Flow::Next);
    };
    let action = {
        let mut loops = info.loops.0.borrow_mut();
        let index = match loops.iter().position(|slot| slot.anchor == anchor) {
            Some(index) => index,
            None => {
                loops.push(LoopSlot {
                    anchor,
                    counter: 0,
                    failures: 0,
                    executor: None,
                });
                loops.len() - 1
            }
        };
        let slot = &mut loops[index];
        if let Some(executor) = &slot.executor {
            BackEdge::Run(executor.clone())
        } else if slot.failures >= MAX_ATTEMPTS {
            // Every attempt aborted: the loop's jump stops reporting to the JIT.
            // (Other backward jumps, the conditional ones, keep reporting.)
            if info.units.replace_opcode(
                anchor as usize,
                opcode::JUMP_BACKWARD_QUICK,
                forms::JUMP_BACKWARD_QUIET,
            ) {
                stats::local().loops_given_up.bump();
            }
            BackEdge::Nothing
        } else if ex.recording.is_some() {
            BackEdge::Nothing
        } else {
            slot.counter += 1;
            if slot.counter >= jit.hot_loop_threshold().saturating_mul(1 << slot.failures) {
                slot.counter = 0;
                BackEdge::Record
            } else {
                BackEdge::Nothing
            }
        }
    };
    match action {
        BackEdge::Nothing => Ok(Flow::Next),
        BackEdge::Record => {
            stats::local().traces_started.bump();
            let head = ex.cursor.next_index() as u32;
            ex.recording = Some(ActiveRecording {
                recorder: jit.start_recording(frame, head, anchor, ex.cursor.stack_depth()),
                frame,
                anchor,
                done: false,
            });
            Ok(Flow::SwitchTable)
        }
        BackEdge::Run(executor) => run_executor(ex, &*executor, anchor),
    }
}

/// Enters `executor` (the loop at `anchor`'s) at the loop head and resumes the interpreter
/// where the trace left.
fn run_executor(ex: &mut Exec, executor: &dyn LoopExecutor, anchor: u32) -> Step {
    let frame = *ex.cursor.frame();
    ex.cursor.store();
    let Some(exit) = executor.run(ex.thread, frame) else {
        ex.cursor.unstore();
        return Ok(Flow::Next);
    };
    if exit.retire {
        // Its entries leave the trace too soon to pay for it: the loop runs in the
        // interpreter from now on, and its jump goes quiet at the next back edge.
        stats::local().executors_retired.bump();
        with_slot(frame, anchor, |slot| {
            slot.executor = None;
            slot.failures = MAX_ATTEMPTS;
        });
    }
    ex.cursor = super::load_cursor(frame);
    if exit.error {
        refetch(ex, exit.resume as usize);
        return Err(Raised);
    }
    Ok(Flow::Next)
}

/// Hands the instruction about to run (as the form `form`) to the recorder: it starts at
/// `start`, and the one after it (past its inline cache) at `next`.
pub(super) fn record(ex: &mut Exec, start: usize, next: usize, form: u8, oparg: u32) {
    let Some(active) = ex.recording.as_mut() else {
        return;
    };
    if *ex.cursor.frame() != active.frame {
        abort_recording(ex, "left_frame");
        return;
    }
    // The quickened form (a fused form is handed over as its first instruction).
    let instr = ex.cursor.instr();
    let quickened = instr.opcode();
    let op = super::base_opcode(form);
    let spec = if super::base_opcode(quickened) == op {
        cache_facts::describe(&ex.cursor, instr, quickened, oparg)
    } else {
        Spec::None
    };
    let view = InstrView {
        cursor: &ex.cursor,
        start: start as u32,
        opcode_unit: ex.cursor.frame().lasti() as u32,
        next: next as u32,
        op,
        oparg,
        spec,
    };
    match active.recorder.record(&view) {
        Recording::Continue => {}
        Recording::Abort(reason) => abort_recording(ex, reason),
        Recording::Close => close(ex),
    }
}

/// The loop closed: compile the recording and install the executor at the loop's jump.
fn close(ex: &mut Exec) {
    let Some(mut active) = ex.recording.take() else {
        return;
    };
    let anchor = active.anchor;
    let frame = active.frame;
    // Keep an inert recording so that the loop knows to switch tables after this instruction.
    let recorder = std::mem::replace(&mut active.recorder, Box::new(Ended));
    active.done = true;
    ex.recording = Some(active);
    match recorder.finish() {
        Ok(executor) => {
            stats::local().traces_compiled.bump();
            with_slot(frame, anchor, |slot| slot.executor = Some(executor));
        }
        Err(reason) => {
            stats::local().trace_aborted(reason);
            with_slot(frame, anchor, |slot| slot.failures += 1);
        }
    }
}

/// Ends the recording in progress for `reason`, with backoff for its loop.
pub(super) fn abort_recording(ex: &mut Exec, reason: &'static str) {
    let Some(active) = ex.recording.as_mut() else {
        return;
    };
    if active.done {
        return;
    }
    active.done = true;
    std::mem::replace(&mut active.recorder, Box::new(Ended)).aborted(reason);
    stats::local().trace_aborted(reason);
    let (frame, anchor) = (active.frame, active.anchor);
    with_slot(frame, anchor, |slot| slot.failures += 1);
}

/// Ends the recording when the instruction just run left the straight path of the loop
/// (an exception, a call into a Python frame, a return, a yield).
pub(super) fn after_step(ex: &mut Exec, step: &Step) {
    let reason = match step {
        Ok(Flow::Next | Flow::SwitchTable | Flow::BackEdge) => return,
        Ok(Flow::Enter(_) | Flow::EntryFailed) => "python_call",
        Ok(Flow::Return(_)) => "return_in_loop",
        Ok(Flow::Yield(_)) => "yield_in_loop",
        Ok(Flow::Finished(_)) => "frame_left",
        Ok(Flow::NewGenerator) => "generator_created",
        Ok(Flow::TracingStarted) => "sys_settrace",
        Ok(Flow::Unwind) | Err(Raised) => "exception",
    };
    abort_recording(ex, reason);
}

/// Whether the recording goes on; drops it once it ended.
pub(super) fn still_recording(ex: &mut Exec) -> bool {
    match &ex.recording {
        Some(active) if !active.done => true,
        Some(_) => {
            ex.recording = None;
            false
        }
        None => false,
    }
}

fn with_slot(frame: FramePtr, anchor: u32, f: impl FnOnce(&mut LoopSlot)) {
    if let Some(info) = code_info(frame.code_ref()) {
        if let Some(slot) = info
            .loops
            .0
            .borrow_mut()
            .iter_mut()
            .find(|slot| slot.anchor == anchor)
        {
            f(slot);
        }
    }
}

/// The recorder left in place of one whose recording ended.
struct Ended;

impl Recorder for Ended {
    fn record(&mut self, _: &InstrView) -> Recording {
        Recording::Abort("ended")
    }
    fn finish(self: Box<Self>) -> Result<Arc<dyn LoopExecutor>, &'static str> {
        Err("ended")
    }
    fn aborted(self: Box<Self>, _: &'static str) {}
}
