//! The Rust evaluator: runs CPython 3.11 frames in place of `_PyEval_EvalFrameDefault`.
//!
//! CPython calls the PEP 523 hook (`cpython::hook`) for every frame; the hook calls [`run`].
//! A frame runs here when its code object passed validation and uses only instructions this
//! evaluator implements; otherwise it is handed back to CPython's evaluator, and the reason is
//! counted. Python-to-Python calls push the callee's frame on the thread's data stack and keep
//! running in the same loop, as CPython does, so recursion does not grow the C stack.
//!
//! The loop exists twice, for the two dispatch tables of DESIGN.md: `run_loop::<false>` (normal)
//! and `run_loop::<true>` (tracing: every instruction also goes to the recorder). Both are the
//! same generic function over the single definition of each instruction in `instructions`.

mod back_edge;
mod cache_facts;
mod callers;
mod calls;
pub mod exception_table;
mod fast;
mod instructions;
mod quicken;
mod specialize;
mod support;
pub(crate) use instructions::load_global_value;
pub mod validate;

use std::sync::OnceLock;

use crate::cpython::ccall;
use crate::cpython::code_extra::ExtraSlot;
use crate::cpython::cursor::{CodeRef, Cursor, FramePtr, Units};
use crate::cpython::generators::{self, InlineEnd};
use crate::cpython::object::{self, int_from_i64, Owned, OwnedOrTag, Raised};
use crate::cpython::opcode;
use crate::cpython::runtime::Thread;
use crate::stats::{self, HandBackReason};

/// What a frame evaluation ended with, for the hook.
pub enum Exit {
    /// The entry frame returned (or yielded) this value.
    Return(Owned),
    /// The entry frame raised: the exception is set.
    Error,
    /// Give the entry frame to CPython's evaluator, which resumes it at `prev_instr + 1`
    /// (raising the pending exception into it when `throw` is set, as for `gen.throw()`).
    HandBack { throw: bool },
}

/// Whether justjit's evaluator can run a code object, decided once per code object.
#[derive(Debug)]
enum Runnable {
    Yes,
    /// The bytecode failed validation: running it raises SystemError with this message.
    Invalid(String),
    /// Uses an instruction the evaluator does not implement yet (the first one found).
    Unsupported(u8),
}

struct CodeInfo {
    runnable: Runnable,
    /// justjit's quickened copy of the bytecode (empty unless runnable): the units the
    /// evaluator reads, rewrites to specialized forms and keeps inline caches in.
    units: Units,
    /// Hot-loop counters and executors, one per backward jump that has run.
    loops: back_edge::Loops,
    /// The version of the functions MAKE_FUNCTION makes from this code once it has run.
    function_version: ccall::SharedFunctionVersion,
    /// The tables of its polymorphic attribute sites.
    poly: specialize::poly::Tables,
}

static CODE_INFO: OnceLock<Option<ExtraSlot<CodeInfo>>> = OnceLock::new();

fn analyse(code: CodeRef) -> CodeInfo {
    let consts = code.consts();
    let is_tuple =
        |i: usize| i < object::tuple_len(consts) && object::tuple_item(consts, i).is_tuple();
    let view = validate::CodeView {
        code: code.units(),
        n_consts: code.n_consts(),
        n_names: code.n_names(),
        n_localsplus: code.nlocalsplus(),
        n_locals: code.nlocals(),
        n_cellvars: code.ncellvars(),
        n_freevars: code.nfreevars(),
        stacksize: code.stacksize(),
        exception_table: code.exception_table(),
        flags: code.flags(),
        kw_names_const_is_tuple: &is_tuple,
    };
    let runnable = match validate::validate(&view) {
        Err(validate::Invalid(message)) => Runnable::Invalid(message),
        Ok(verified) => match (0..=255u8).find(|&op| {
            // EXTENDED_ARG is folded into the next instruction's oparg by the loop.
            verified.opcodes_used[op as usize]
                && op != opcode::EXTENDED_ARG
                && !instructions::SUPPORTED[op as usize]
        }) {
            Some(op) => Runnable::Unsupported(op),
            None => Runnable::Yes,
        },
    };
    let units = match runnable {
        Runnable::Yes => quicken::quicken(code.units(), &instructions::IMPLEMENTED),
        _ => Units::default(),
    };
    CodeInfo {
        runnable,
        units,
        loops: back_edge::Loops::default(),
        function_version: ccall::SharedFunctionVersion::default(),
        poly: specialize::poly::Tables::default(),
    }
}

/// MAKE_FUNCTION's last step: a function whose code has run here before gets the version its
/// code's functions share, so call sites that see a new function object each time (closures,
/// lambdas, generator expressions made in a loop) stay specialized. The code of a function that
/// has never run is not analysed for this.
fn share_function_version(func: &object::Obj) {
    let (code, _, _) = crate::cpython::cursor::function_parts(func);
    let info = CODE_INFO
        .get()
        .and_then(Option::as_ref)
        .and_then(|slot| slot.get(code.obj()));
    if let Some(info) = info {
        info.function_version.give_to(func);
    }
}

fn code_info(code: CodeRef<'_>) -> Option<&CodeInfo> {
    let slot = CODE_INFO.get_or_init(ExtraSlot::request).as_ref()?;
    if let Some(info) = slot.get(code.obj()) {
        return Some(info);
    }
    Some(slot.get_or_insert_with(code.obj(), || analyse(code)))
}

/// A cursor over `frame`, whose code object is runnable here (its code info exists).
#[inline(always)]
fn load_cursor(frame: FramePtr) -> Cursor {
    Cursor::load(frame, &known_code_info(frame.code_ref()).units)
}

/// The code info of a code object that has been found runnable (a frame of it is running, or
/// a call checked it): the analysis path is only taken when memory ran out as the info was
/// attached (`ExtraSlot::get_or_insert_with` then keeps it unattached).
#[inline(always)]
fn known_code_info(code: CodeRef<'_>) -> &CodeInfo {
    #[cold]
    fn unattached(code: CodeRef<'_>) -> &CodeInfo {
        code_info(code).expect("a running frame's code has its code info")
    }
    match CODE_INFO.get().and_then(Option::as_ref) {
        Some(slot) => slot.get(code.obj()).unwrap_or_else(|| unattached(code)),
        None => unattached(code),
    }
}

/// Whether a call to a function with this code may push its frame and keep running here.
fn can_inline(code: CodeRef) -> bool {
    matches!(
        code_info(code),
        Some(CodeInfo {
            runnable: Runnable::Yes,
            ..
        })
    )
}

/// The running state of the loop.
pub(crate) struct Exec {
    pub(crate) thread: Thread,
    pub(crate) cursor: Cursor,
    /// `KW_NAMES` constant index for the next CALL.
    pub(crate) kwnames: Option<u32>,
    /// The loop being recorded in this evaluation, if any (the tracing table runs meanwhile).
    pub(crate) recording: Option<back_edge::ActiveRecording>,
    /// Whether a tracing JIT is installed (backward jumps then go to `back_edge::taken`).
    pub(crate) jit_enabled: bool,
    /// The callers of the frames pushed here, to resume them on return.
    callers: callers::CallerStack,
}

/// What an instruction asks the loop to do next.
pub(crate) enum Flow {
    Next,
    /// An exception is set and the traceback already has this frame (re-raise): unwind only.
    Unwind,
    /// The frame returns this value.
    Return(Owned),
    /// A callee frame was pushed (not linked yet): run it (`Exec::enter`). The specialized
    /// calls start it themselves (`calls::enter_in_loop`) unless a recording must see it.
    Enter(FramePtr),
    /// A callee started in the loop failed its recursion check (`Exec::fail_entry`).
    EntryFailed,
    /// YIELD_VALUE: suspend the (generator) entry frame, yielding this value.
    Yield(Owned),
    /// RETURN_GENERATOR: move the frame into a new generator-like object and return that.
    NewGenerator,
    /// A trace or profile function was set while the frame ran (seen after a call or at an
    /// eval-breaker check): hand the frame to CPython's evaluator, which emits the events.
    TracingStarted,
    /// Recording started or ended: go on with the other dispatch table.
    SwitchTable,
    /// The entry frame returned or yielded this value, its stack stored and its call left:
    /// the evaluation ends (`Exit::Return`). (A value rather than an `Exit`: a variant that
    /// holds an `Exit` changes `Step`'s layout so that the compiler stops sending `Next` from
    /// each instruction straight back to the dispatch.)
    Finished(Owned),
    /// A loop's backward jump was taken (eval breaker checked) and a JIT is installed: count it
    /// for the JIT (`back_edge::taken`).
    BackEdge,
}

pub(crate) type Step = Result<Flow, Raised>;

/// Runs `frame`, which CPython handed to justjit's hook. The hook has pushed the `_PyCFrame`,
/// linked the frame and marked it as the entry frame.
pub fn run(thread: Thread, frame: FramePtr, throwflag: bool) -> Exit {
    if thread.use_tracing() {
        stats::local().handed_back(HandBackReason::Tracing).bump();
        return Exit::HandBack { throw: throwflag };
    }
    let Some(info) = code_info(frame.code_ref()) else {
        stats::local()
            .handed_back(HandBackReason::NoCodeSlot)
            .bump();
        return Exit::HandBack { throw: throwflag };
    };
    if let Runnable::Unsupported(op) = info.runnable {
        stats::local().unsupported_instruction(opcode::name(op).unwrap_or("?"));
        return Exit::HandBack { throw: throwflag };
    }
    if !frame.has_namespaces() {
        object::raise(
            crate::cpython::exc::system_error(),
            "frame of a function being destroyed has no globals",
        );
        return Exit::Error;
    }
    if let Runnable::Invalid(message) = &info.runnable {
        object::raise(crate::cpython::exc::system_error(), message);
        return Exit::Error;
    }
    stats::local().frames_rust.bump_with_gil();
    let mut ex = Exec {
        thread,
        cursor: Cursor::load(frame, &info.units),
        kwnames: None,
        recording: None,
        jit_enabled: crate::jit::get().is_some(),
        callers: callers::CallerStack::new(),
    };
    if let Err(Raised) = thread.enter_call() {
        // As ceval: the failed entry still counts as entered, the unwind leaves it.
        thread.enter_call_unchecked();
        return ex.fail_entry().unwrap_or(Exit::Error);
    }
    if throwflag {
        if let Some(exit) = ex.unwind_from_error(true) {
            return exit;
        }
    }
    loop {
        let tracing =
            ex.recording.is_some() || TRACE_ALL.load(std::sync::atomic::Ordering::Relaxed);
        let end = if tracing {
            run_loop::<true>(&mut ex)
        } else {
            run_loop::<false>(&mut ex)
        };
        if let Some(exit) = LoopEnd::unpack(end) {
            if ex.recording.is_some() {
                back_edge::abort_recording(&mut ex, "frame_left");
            }
            return exit;
        }
    }
}

/// Run every frame with the tracing dispatch table (`JUSTJIT_TRACE_ALL`): a check that the
/// tracing table behaves exactly as the normal one. The recorder that will use it comes with
/// the tracing JIT; today the tracing table counts the instructions it runs.
static TRACE_ALL: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Selects the dispatch table every frame runs with (see `TRACE_ALL`).
pub fn set_trace_all(enabled: bool) {
    TRACE_ALL.store(enabled, std::sync::atomic::Ordering::Relaxed);
}

impl Exec {
    /// Handles an exception raised in the current frame (`error:` and `exception_unwind:` of
    /// ceval): finds a handler here or in a caller pushed by this loop. Returns the exit when
    /// the entry frame has no handler; otherwise the loop continues at the handler.
    fn unwind_from_error(&mut self, add_traceback: bool) -> Option<Exit> {
        let mut add_traceback = add_traceback;
        loop {
            let frame = *self.cursor.frame();
            self.kwnames = None;
            if !object::error_occurred() {
                object::raise(
                    crate::cpython::exc::system_error(),
                    "error return without exception set",
                );
            }
            if add_traceback {
                self.thread.add_traceback(frame);
                if self.thread.has_trace_function() {
                    self.thread.trace_exception(frame);
                }
            }
            // A frame that failed its entry check has not started: no instruction, no handler.
            let handler =
                self.cursor.next_index().checked_sub(1).and_then(|offset| {
                    exception_table::find_handler(frame.exception_table(), offset)
                });
            if let Some(handler) = handler {
                self.cursor.unwind_to(handler.depth);
                if handler.push_lasti {
                    match int_from_i64(frame.lasti() as i64) {
                        Ok(lasti) => self.cursor.push(lasti),
                        Err(Raised) => {
                            add_traceback = false;
                            continue;
                        }
                    }
                }
                let Some(exc) = object::fetch_normalized() else {
                    // Only reachable when memory ran out while raising.
                    object::raise_no_memory();
                    add_traceback = false;
                    continue;
                };
                self.cursor.push(exc);
                self.cursor.jump_to(handler.target);
                if self.thread.use_tracing() {
                    // Tracing started while this frame ran: CPython's evaluator runs the
                    // handler and emits its line events.
                    return self.hand_back_here();
                }
                return None;
            }
            // No handler: the frame is done.
            self.cursor.unwind_to(0);
            self.cursor.store_stack();
            if self.thread.use_tracing() {
                self.thread.trace_unwind(frame);
            }
            self.thread.leave_call();
            if frame.is_entry() {
                return Some(Exit::Error);
            }
            self.pop_finished_frame(frame, InlineEnd::Raised);
            add_traceback = true;
        }
    }

    /// ceval's `exit_unwind` for the current frame, whose entry check failed with an exception
    /// set: none of its handlers runs, its stack is dropped, and its caller (if it runs here)
    /// sees the exception.
    fn fail_entry(&mut self) -> Option<Exit> {
        let frame = *self.cursor.frame();
        self.cursor.unwind_to(0);
        self.cursor.store_stack();
        self.thread.leave_call();
        if frame.is_entry() {
            return Some(Exit::Error);
        }
        self.pop_finished_frame(frame, InlineEnd::Raised);
        self.unwind_from_error(true)
    }

    /// Leaves `frame`, an inline frame (not the entry frame) that has stopped running with its
    /// stack stored and its call left, and makes its caller the running frame. A thread-owned
    /// frame is freed; a generator's frame goes back to its generator (`finish_inline`).
    fn pop_finished_frame(&mut self, frame: FramePtr, end: InlineEnd) {
        if generators::is_generator_frame(frame) {
            self.cursor = self.caller_after_generator(frame, end);
        } else {
            self.pop_to_caller(frame);
        }
    }

    /// Gives `frame`, a generator's frame resumed in this loop that has stopped running, back
    /// to its generator, and gives the cursor its caller resumes with.
    #[inline(always)]
    fn caller_after_generator(&mut self, frame: FramePtr, end: InlineEnd) -> Cursor {
        let caller = frame
            .previous()
            .expect("an inline generator frame has a caller");
        self.thread.set_current_frame(caller);
        generators::finish_inline(self.thread, frame, end);
        let resumer = self.callers.pop();
        debug_assert!(!resumer.init, "an __init__ frame is no generator's");
        Cursor::resume_caller(caller, resumer.code)
    }

    /// Ends the run of `frame`, a generator's frame resumed in this loop by its caller's SEND or
    /// FOR_ITER, with its stack stored and its call left, and resumes the caller with the outcome:
    /// a yielded value is pushed; a return value ends the SEND (replacing the receiver) or the
    /// loop; an exception is raised at that instruction.
    fn leave_inline_generator(
        &mut self,
        frame: FramePtr,
        end: InlineEnd,
        value: Option<Owned>,
    ) -> Option<Exit> {
        let mut c = self.cursor.reloaded();
        let delivered = self.resume_generator_caller(&mut c, frame, end, value);
        self.cursor = c;
        match delivered {
            Ok(()) => None,
            Err(Raised) => self.unwind_from_error(true),
        }
    }

    /// `leave_inline_generator` on the loop's cursor `c`, which moves to the caller. An error
    /// means the exception set is to be raised at the caller's SEND or FOR_ITER.
    #[inline(always)]
    fn resume_generator_caller(
        &mut self,
        c: &mut Cursor,
        frame: FramePtr,
        end: InlineEnd,
        value: Option<Owned>,
    ) -> Result<(), Raised> {
        *c = self.caller_after_generator(frame, end);
        let resumer = c.instr();
        match (end, value) {
            (InlineEnd::Yielded, Some(value)) => c.push(value),
            (InlineEnd::Returned, Some(value)) => {
                if base_opcode(resumer.opcode()) == opcode::SEND {
                    c.set(1, value);
                } else {
                    drop(value);
                    drop(c.pop());
                }
                c.skip(usize::from(resumer.oparg()));
            }
            _ => return Err(Raised),
        }
        Ok(())
    }

    /// Unlinks the finished inline frame `frame`, frees it and resumes its caller.
    fn pop_to_caller(&mut self, frame: FramePtr) {
        self.cursor = self.caller_after_pop(frame).0;
    }

    /// Unlinks the finished inline frame `frame`, frees it and gives the cursor its caller
    /// resumes with, and whether `frame` was an `__init__` that `CALL_PY_CLASS` pushed.
    #[inline(always)]
    fn caller_after_pop(&mut self, frame: FramePtr) -> (Cursor, bool) {
        let caller = frame.previous().expect("an inline frame has a caller");
        self.thread.set_current_frame(caller);
        self.thread.clear_and_pop_frame(frame);
        self.caller_cursor(caller)
    }

    /// Makes `caller`, whose callee pushed here has ended, the loop's cursor again; whether
    /// the callee was an `__init__` that `CALL_PY_CLASS` pushed.
    #[inline(always)]
    fn resume_caller(&mut self, caller: FramePtr) -> bool {
        let (cursor, init) = self.caller_cursor(caller);
        self.cursor = cursor;
        init
    }

    /// The cursor `caller` resumes with when its callee has ended, taken off the caller stack;
    /// an `__init__` callee also ends the C-level call its class call counted.
    #[inline(always)]
    fn caller_cursor(&mut self, caller: FramePtr) -> (Cursor, bool) {
        let saved = self.callers.pop();
        if saved.init {
            self.thread.leave_call();
        }
        (Cursor::resume_caller(caller, saved.code), saved.init)
    }

    /// Starts running a callee frame pushed by a call instruction.
    fn enter(&mut self, callee: FramePtr) -> Option<Exit> {
        let mut c = self.cursor.reloaded();
        let entered = self.start_callee(&mut c, callee, false);
        self.cursor = c;
        match entered {
            Ok(()) => None,
            Err(Raised) => self.fail_entry(),
        }
    }

    /// Makes `callee`, a frame a call instruction in `c`'s frame pushed, the running frame:
    /// stores the caller's position, links the callee and points `c` at it. On a failed
    /// recursion check the callee is the running frame, counted as entered, and must be
    /// unwound (`fail_entry`).
    #[inline(always)]
    fn start_callee(&mut self, c: &mut Cursor, callee: FramePtr, init: bool) -> Result<(), Raised> {
        c.store();
        self.callers.push(callers::Caller {
            code: c.caller_code(),
            init,
        });
        callee.link_previous(*c.frame());
        self.thread.set_current_frame(callee);
        *c = load_cursor(callee);
        stats::local().frames_rust.bump_with_gil();
        if let Err(Raised) = self.thread.enter_call() {
            self.thread.enter_call_unchecked();
            return Err(Raised);
        }
        Ok(())
    }

    /// Returns `value` from `c`'s frame when this loop pushed it: the caller resumes in `c` with
    /// the value delivered (`deliver`; an error when an `__init__` returned something else
    /// than None). Gives `value` back for the entry frame, which ends the evaluation.
    #[inline(always)]
    fn return_to_caller(
        &mut self,
        c: &mut Cursor,
        value: Owned,
    ) -> Result<Result<(), Raised>, Owned> {
        let frame = *c.frame();
        if frame.is_entry() {
            return Err(value);
        }
        c.store_stack();
        self.thread.leave_call();
        if generators::is_generator_frame(frame) {
            let delivered =
                self.resume_generator_caller(c, frame, InlineEnd::Returned, Some(value));
            debug_assert!(delivered.is_ok(), "a return always delivers its value");
            return Ok(Ok(()));
        }
        let (cursor, init) = self.caller_after_pop(frame);
        *c = cursor;
        Ok(deliver(c, value, init))
    }

    /// YIELD_VALUE from `c`'s frame when it is a generator's frame resumed in this loop: the
    /// resumer continues in `c` with the value. Gives `value` back for an entry frame (and a
    /// frame that is no generator's: bad bytecode), which `yield_value` handles.
    #[inline(always)]
    fn yield_to_resumer(&mut self, c: &mut Cursor, value: Owned) -> Result<(), Owned> {
        let frame = *c.frame();
        if frame.is_entry() || !generators::is_generator_frame(frame) {
            return Err(value);
        }
        generators::mark_suspended(frame);
        c.store_stack();
        self.thread.leave_call();
        let delivered = self.resume_generator_caller(c, frame, InlineEnd::Yielded, Some(value));
        debug_assert!(delivered.is_ok(), "a yield always delivers its value");
        Ok(())
    }

    /// Returns `value` from the current frame.
    fn return_value(&mut self, value: Owned) -> Option<Exit> {
        let mut c = self.cursor.reloaded();
        let step = calls::finish_return(&mut c, self, value);
        self.cursor = c;
        self.after_finish(step)
    }

    /// YIELD_VALUE: an entry frame (resumed through `gen_send_ex` and the hook) returns the
    /// value to CPython; a generator frame resumed in this loop gives it to its caller.
    fn yield_value(&mut self, value: Owned) -> Option<Exit> {
        let mut c = self.cursor.reloaded();
        let step = calls::finish_yield(&mut c, self, value);
        self.cursor = c;
        self.after_finish(step)
    }

    /// What the loop does after a return or yield finished out of line.
    fn after_finish(&mut self, step: Step) -> Option<Exit> {
        match step {
            Ok(Flow::Finished(value)) => Some(Exit::Return(value)),
            Ok(Flow::TracingStarted) => self.hand_back_here(),
            Ok(_) => None,
            Err(Raised) => self.unwind_from_error(true),
        }
    }

    /// RETURN_GENERATOR, when a recording had to see it (`Flow::NewGenerator`).
    fn new_generator(&mut self) -> Option<Exit> {
        let mut c = self.cursor.reloaded();
        let step = self.return_new_generator(&mut c);
        self.cursor = c;
        self.after_finish(step)
    }

    /// RETURN_GENERATOR on `c`'s frame: moves the frame into a new generator (or coroutine)
    /// and returns that, to the caller this loop resumes in `c` or, for the entry frame, out
    /// of the evaluation (`Flow::Finished`).
    #[inline(always)]
    fn return_new_generator(&mut self, c: &mut Cursor) -> Step {
        let frame = *c.frame();
        c.store_stack();
        let gen = generators::make_and_move(self.thread, frame)?;
        self.thread.leave_call();
        if frame.is_entry() {
            generators::leave_moved_entry_frame(frame);
            return Ok(Flow::Finished(gen));
        }
        let caller = frame.previous().expect("an inline frame has a caller");
        self.thread.set_current_frame(caller);
        generators::pop_moved_frame(self.thread, frame);
        let (cursor, init) = self.caller_cursor(caller);
        *c = cursor;
        deliver(c, gen, init)?;
        Ok(Flow::Next)
    }

    /// Hands the current frame to CPython's evaluator mid-way (tracing was switched on).
    fn hand_back_here(&mut self) -> Option<Exit> {
        let frame = *self.cursor.frame();
        self.cursor.store();
        self.thread.leave_call();
        stats::local().handed_back(HandBackReason::Tracing).bump();
        if frame.is_entry() {
            return Some(Exit::HandBack { throw: false });
        }
        // An inline frame: CPython runs it to completion (or, for a generator's frame, to its
        // next yield) as its own entry frame, with the caller as the current frame of this C
        // frame.
        let caller = frame.previous().expect("an inline frame has a caller");
        self.thread.set_current_frame(caller);
        let result = self.thread.run_in_cpython(frame);
        let exit = if generators::is_generator_frame(frame) {
            let (end, value) = match result {
                Ok(value) if generators::is_suspended(frame) => (InlineEnd::Yielded, Some(value)),
                Ok(value) => (InlineEnd::Returned, Some(value)),
                Err(Raised) => (InlineEnd::Raised, None),
            };
            // CPython's evaluator has left the call and the stack as `leave_inline_generator`
            // expects.
            self.leave_inline_generator(frame, end, value)
        } else {
            self.thread.clear_and_pop_frame(frame);
            let init = self.resume_caller(caller);
            match result.and_then(|value| deliver(&mut self.cursor, value, init)) {
                Ok(()) => None,
                Err(Raised) => self.unwind_from_error(true),
            }
        };
        if exit.is_none() && self.thread.use_tracing() {
            // Still tracing: the caller continues in CPython's evaluator too.
            return self.hand_back_here();
        }
        exit
    }
}

/// Gives a finished callee's return value to its caller in `c`: pushed; or, for an `__init__`
/// that `CALL_PY_CLASS` pushed (the instance is already there), checked to be None as
/// `slot_tp_init` does.
#[inline(always)]
fn deliver(c: &mut Cursor, value: Owned, init: bool) -> Result<(), Raised> {
    if !init {
        c.push(value);
        return Ok(());
    }
    if value.is_none() {
        return Ok(());
    }
    Err(init_returned(&value))
}

#[cold]
fn init_returned(value: &object::Obj) -> Raised {
    object::raise(
        crate::cpython::exc::type_error(),
        &format!(
            "__init__() should return None, not '{}'",
            object::type_name(value)
        ),
    );
    Raised
}

/// The base opcode and inline-cache size of every opcode byte — CPython's, its specialized
/// forms and justjit's own (`quicken::forms`) — packed so the loop decodes an instruction with
/// one lookup.
const DECODE: [u16; 256] = {
    let mut table = [0u16; 256];
    let mut op = 0;
    while op < 256 {
        let base = quicken::base_of(op as u8);
        table[op] = base as u16 | (opcode::cache_entries(base) as u16) << 8;
        op += 1;
    }
    table
};

/// The base opcode of `op` (a CPython or justjit form).
#[inline(always)]
pub(crate) fn base_opcode(op: u8) -> u8 {
    DECODE[op as usize] as u8
}

/// The dispatch loop, monomorphized once per dispatch table. Returns the entry frame's exit,
/// or `None` to go on with the other table.
///
/// The cursor is a local here, so that its registers (next instruction, stack pointer) stay in
/// machine registers: the instructions marked hot get it by reference and never let it escape;
/// everything else sees `ex.cursor`, written back before and reloaded after.
fn run_loop<const TRACING: bool>(ex: &mut Exec) -> OwnedOrTag {
    LoopEnd::pack(dispatch::<TRACING>(ex))
}

/// `run_loop`'s result, `Option<Exit>` (`None`: go on with the other table), packed in one
/// word so that it comes back in a register (see `OwnedOrTag`): as a two-word value, copying
/// it out of the loop's return slot stalled each return from a frame entered from C (40% of
/// `run`'s samples with generators resumed by `set(...)`).
struct LoopEnd;

impl LoopEnd {
    const GO_ON: u8 = 0;
    const ERROR: u8 = 1;
    const HAND_BACK: u8 = 2;
    const HAND_BACK_THROW: u8 = 3;

    #[inline(always)]
    fn pack(end: Option<Exit>) -> OwnedOrTag {
        match end {
            None => OwnedOrTag::tag(Self::GO_ON),
            Some(Exit::Return(value)) => OwnedOrTag::owned(value),
            Some(Exit::Error) => OwnedOrTag::tag(Self::ERROR),
            Some(Exit::HandBack { throw: false }) => OwnedOrTag::tag(Self::HAND_BACK),
            Some(Exit::HandBack { throw: true }) => OwnedOrTag::tag(Self::HAND_BACK_THROW),
        }
    }

    #[inline(always)]
    fn unpack(word: OwnedOrTag) -> Option<Exit> {
        match word.split() {
            Ok(value) => Some(Exit::Return(value)),
            Err(Self::GO_ON) => None,
            Err(Self::ERROR) => Some(Exit::Error),
            Err(Self::HAND_BACK) => Some(Exit::HandBack { throw: false }),
            Err(tag) => {
                debug_assert_eq!(tag, Self::HAND_BACK_THROW);
                Some(Exit::HandBack { throw: true })
            }
        }
    }
}

/// The body of `run_loop`.
#[inline(always)]
fn dispatch<const TRACING: bool>(ex: &mut Exec) -> Option<Exit> {
    let mut c = ex.cursor.reloaded();
    loop {
        // The instruction's arm of `execute` skips its inline cache. The normal table fetches
        // one code unit: an EXTENDED_ARG prefix is its own arm there.
        let (start, (mut op, oparg)) = if TRACING {
            let start = c.next_index();
            let fetched = fetch_unit(&mut c);
            // The recorder looks at the instruction's cache before its arm runs.
            c.begin_instr();
            (start, fetched)
        } else {
            (0, c.fetch())
        };
        if TRACING {
            // The recorder sees one instruction per step: forms that run two run as their first.
            if quicken::fuses_two(op) {
                op = base_opcode(op);
            }
            stats::local().traced_instructions.bump_with_gil();
            if ex.recording.is_some() {
                let next = c.next_index() + usize::from(DECODE[op as usize] >> 8);
                c.save_to(&mut ex.cursor);
                back_edge::record(ex, start, next, op, oparg);
                c = ex.cursor.reloaded();
            }
        }
        // The arm reads the low byte of its oparg itself (see `execute`).
        let mut step = instructions::execute(&mut c, ex, op, oparg >> 8);
        if let Ok(Flow::Next) = step {
            if !TRACING {
                continue;
            }
        }
        c.save_to(&mut ex.cursor);
        if let Ok(Flow::BackEdge) = step {
            let anchor = ex.cursor.frame().lasti() as u32;
            step = back_edge::taken(ex, anchor);
        }
        if TRACING && ex.recording.is_some() {
            back_edge::after_step(ex, &step);
        }
        // Each way out checks its own result where it was returned: moving an `Option<Exit>`
        // between arms copies it with loads wider than the stores that wrote it, which stalls.
        macro_rules! leave_if_exit {
            ($outcome:expr) => {
                if let Some(exit) = $outcome {
                    return Some(exit);
                }
            };
        }
        match step {
            Ok(Flow::Next | Flow::BackEdge) => {}
            Ok(Flow::SwitchTable) => return None,
            Ok(Flow::Finished(value)) => return Some(Exit::Return(value)),
            Ok(Flow::TracingStarted) => leave_if_exit!(ex.hand_back_here()),
            Ok(Flow::Return(value)) => leave_if_exit!(ex.return_value(value)),
            Ok(Flow::Enter(callee)) => leave_if_exit!(ex.enter(callee)),
            Ok(Flow::EntryFailed) => leave_if_exit!(ex.fail_entry()),
            Ok(Flow::Yield(value)) => leave_if_exit!(ex.yield_value(value)),
            Ok(Flow::NewGenerator) => leave_if_exit!(ex.new_generator()),
            Ok(Flow::Unwind) => leave_if_exit!(ex.unwind_from_error(false)),
            Err(Raised) => leave_if_exit!(ex.unwind_from_error(true)),
        }
        if TRACING && ex.recording.is_some() && !back_edge::still_recording(ex) {
            return None;
        }
        c = ex.cursor.reloaded();
    }
}

/// Positions the cursor as the loop leaves it after fetching the instruction at `start`
/// (EXTENDED_ARG prefixes and the inline cache consumed), for an error raised by that
/// instruction.
fn refetch(ex: &mut Exec, start: usize) {
    ex.cursor.jump_to(start);
    fetch_instruction(&mut ex.cursor);
}

/// Fetches the next instruction and skips its inline cache. Returns (opcode as quickened,
/// oparg).
#[inline(always)]
fn fetch_instruction(cursor: &mut Cursor) -> (u8, u32) {
    let (op, oparg) = fetch_unit(cursor);
    cursor.begin_instr();
    cursor.skip(usize::from(DECODE[op as usize] >> 8));
    (op, oparg)
}

/// Fetches the next instruction, folding EXTENDED_ARG prefixes into its oparg, and leaves the
/// cursor at its inline cache. Returns (opcode as quickened, oparg).
#[inline(always)]
fn fetch_unit(cursor: &mut Cursor) -> (u8, u32) {
    let (mut op, mut oparg) = cursor.fetch();
    // Quickening never writes EXTENDED_ARG_QUICK, so the base form is the only prefix.
    while op == opcode::EXTENDED_ARG {
        (op, oparg) = cursor.fetch_extended(oparg);
    }
    (op, oparg)
}
