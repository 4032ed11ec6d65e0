//! The evaluator's view of the frame it is running: the next instruction, the value stack and
//! the locals of a `_PyInterpreterFrame`, kept in registers while instructions run and written
//! back to the frame whenever something else may look at it.
//!
//! The accessors do no bounds checks in release builds. They are sound because the evaluator
//! only makes a cursor for a code object that `eval::validate` accepted: every opcode known,
//! every constant, name and local index in range, every jump inside the code, and the value
//! stack provably within `co_stacksize` and never below its base on every path.

use std::cell::Cell;
use std::ptr;

use pyo3_ffi as ffi;
use pyo3_ffi::PyObject;

use super::frame::_PyInterpreterFrame;
use super::object::{tuple_item, Obj, Owned};
use super::objects::{_Py_CODEUNIT, PyCodeObject, PyFunctionObject};

/// Whether `n` arguments and the function's defaults fill its positional parameters exactly
/// (what `Thread::push_frame_taking` needs).
///
/// # Safety
/// `f` must be a live exact function object.
#[inline(always)]
unsafe fn fills_positionals(f: *mut PyFunctionObject, n: usize) -> bool {
    // SAFETY: per the contract; its code and defaults (a tuple or NULL) are live.
    unsafe {
        let code = (*f).func_code.cast::<PyCodeObject>();
        let argcount = (*code).co_argcount as usize;
        if n > argcount {
            return false;
        }
        if n == argcount {
            return true;
        }
        let defaults = (*f).func_defaults;
        !defaults.is_null()
            && ffi::PyTuple_CheckExact(defaults) != 0
            && ffi::PyTuple_GET_SIZE(defaults) as usize >= argcount - n
    }
}

/// Where a calling frame's quickened copy lies, kept while its callee runs (see
/// [`Cursor::resume_caller`]).
#[derive(Clone, Copy)]
pub struct CallerCode {
    frame: FramePtr,
    code_delta: isize,
}

impl CallerCode {
    /// A placeholder that matches no frame.
    pub const NONE: CallerCode = CallerCode {
        frame: FramePtr(ptr::null_mut()),
        code_delta: 0,
    };
}

/// A frame pointer the evaluator holds: the frame is live while it runs or is suspended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FramePtr(pub(crate) *mut _PyInterpreterFrame);

impl FramePtr {
    /// # Safety
    /// `frame` must be a live frame whose code object passed validation.
    pub unsafe fn new(frame: *mut _PyInterpreterFrame) -> FramePtr {
        FramePtr(frame)
    }

    pub fn as_ptr(self) -> *mut _PyInterpreterFrame {
        self.0
    }

    fn code_ptr(self) -> *mut PyCodeObject {
        // SAFETY: FramePtr invariant: the frame is live.
        unsafe { (*self.0).f_code }
    }

    /// The code object, borrowed.
    pub fn code(&self) -> &Obj {
        // SAFETY: a live frame holds a strong reference to its code.
        unsafe { Obj::from_ptr(self.code_ptr().cast()) }
    }

    /// The function, borrowed.
    pub fn func(&self) -> &Obj {
        // SAFETY: a live frame holds a strong reference to its function.
        unsafe { Obj::from_ptr((*self.0).f_func.cast()) }
    }

    /// Whether the frame has its globals and builtins. A frame of a function whose object is
    /// being destroyed (a code-extra free function calling that very function) has neither.
    pub fn has_namespaces(&self) -> bool {
        // SAFETY: reading two fields of a live frame.
        unsafe { !(*self.0).f_globals.is_null() && !(*self.0).f_builtins.is_null() }
    }

    pub fn globals(&self) -> &Obj {
        // SAFETY: the function keeps the globals alive while the frame lives.
        unsafe { Obj::from_ptr((*self.0).f_globals) }
    }

    pub fn builtins(&self) -> &Obj {
        // SAFETY: as for globals.
        unsafe { Obj::from_ptr((*self.0).f_builtins) }
    }

    /// The frame's locals mapping (class bodies, module level, `exec`), if any.
    pub fn locals_mapping(&self) -> Option<&Obj> {
        // SAFETY: a strong reference held by the frame, or NULL.
        unsafe {
            let locals = (*self.0).f_locals;
            (!locals.is_null()).then(|| Obj::from_ptr(locals))
        }
    }

    /// The function's closure tuple (or None).
    pub fn closure(&self) -> Option<&Obj> {
        // SAFETY: the function is live; func_closure is a tuple or NULL.
        unsafe {
            let closure = (*(*self.0).f_func).func_closure;
            (!closure.is_null()).then(|| Obj::from_ptr(closure))
        }
    }

    pub fn previous(self) -> Option<FramePtr> {
        // SAFETY: reading a field of a live frame.
        let prev = unsafe { (*self.0).previous };
        (!prev.is_null()).then_some(FramePtr(prev))
    }

    /// Links a frame pushed for a call to its caller (`new_frame->previous = frame`).
    pub fn link_previous(self, caller: FramePtr) {
        // SAFETY: writing a field of a live frame.
        unsafe { (*self.0).previous = caller.0 }
    }

    pub fn is_entry(self) -> bool {
        // SAFETY: reading a field of a live frame.
        unsafe { (*self.0).is_entry }
    }

    pub fn code_flags(self) -> i32 {
        // SAFETY: the code object is live.
        unsafe { (*self.code_ptr()).co_flags }
    }

    pub fn nlocalsplus(self) -> usize {
        // SAFETY: the code object is live.
        unsafe { (*self.code_ptr()).co_nlocalsplus as usize }
    }

    /// The number of code units of bytecode.
    pub fn code_len(self) -> usize {
        // SAFETY: the code object is live.
        unsafe { PyCodeObject::code_len(self.code_ptr()) }
    }

    /// Code unit `index` (opcode in the low byte, oparg in the high byte).
    pub fn code_unit(self, index: usize) -> _Py_CODEUNIT {
        assert!(index < self.code_len());
        // SAFETY: bounds checked above; the bytecode lives as long as the code object.
        unsafe { *PyCodeObject::code_ptr(self.code_ptr()).add(index) }
    }

    /// The exception table bytes.
    pub fn exception_table(&self) -> &[u8] {
        // SAFETY: co_exceptiontable is a bytes object owned by the live code object.
        unsafe {
            let table = (*self.code_ptr()).co_exceptiontable;
            let data = ffi::PyBytes_AsString(table).cast::<u8>();
            std::slice::from_raw_parts(data, ffi::PyBytes_Size(table) as usize)
        }
    }

    /// `_PyInterpreterFrame_LASTI`: index of `prev_instr`.
    pub fn lasti(self) -> isize {
        // SAFETY: prev_instr points into (or one before) the live code object's bytecode.
        unsafe { _PyInterpreterFrame::lasti(self.0) as isize }
    }

    /// Sets `prev_instr` to code unit `index` (may be -1).
    pub fn set_lasti(self, index: isize) {
        // SAFETY: the evaluator passes indices within [-1, code_len); only the address is
        // computed here (wrapping, so -1 stays a plain pointer value).
        unsafe {
            let first = PyCodeObject::code_ptr(self.code_ptr());
            (*self.0).prev_instr = first.wrapping_offset(index);
        }
    }

    /// The stack depth recorded in the frame (`stacktop - nlocalsplus`).
    pub fn stored_stack_depth(self) -> isize {
        // SAFETY: reading a field of a live frame.
        unsafe { (*self.0).stacktop as isize - self.nlocalsplus() as isize }
    }

    /// Pushes onto the value stack of a frame that is not running (its `stacktop` is exact).
    pub fn push_stored(self, value: Owned) {
        // SAFETY: a suspended/caller frame keeps room for the value a call returns (the CALL
        // that suspended it popped at least the callable); stacktop is exact while suspended.
        unsafe {
            let sp = _PyInterpreterFrame::stack_pointer(self.0);
            *sp = value.into_raw();
            (*self.0).stacktop += 1;
        }
    }
}

/// justjit's quickened copy of one code object's bytecode (built by `eval::quicken`): the
/// units the evaluator reads, rewrites to specialized forms and keeps inline caches in.
#[derive(Default)]
pub struct Units(Box<[Cell<_Py_CODEUNIT>]>);

// `Units` is only read and written with the GIL held, by the thread running its code; the
// code-extra slot that keeps it needs `Send`, which `Cell` is.

impl Units {
    pub fn new(units: Vec<_Py_CODEUNIT>) -> Units {
        Units(units.into_iter().map(Cell::new).collect())
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn to_vec(&self) -> Vec<_Py_CODEUNIT> {
        self.0.iter().map(Cell::get).collect()
    }

    /// Rewrites the opcode of unit `index` from `from` to `to` (keeping its oparg); false,
    /// and nothing written, when that unit does not hold `from`.
    pub fn replace_opcode(&self, index: usize, from: u8, to: u8) -> bool {
        match self.0.get(index) {
            Some(unit) if unit.get() & 0xff == u16::from(from) => {
                unit.set((unit.get() & 0xff00) | u16::from(to));
                true
            }
            _ => false,
        }
    }
}

/// The running state of one frame: where the next instruction is and where the stack top is.
///
/// The instructions are read from justjit's own quickened copy of the bytecode (same length and
/// indices as `co_code_adaptive`, see `eval::quicken`), so specialized forms and their inline
/// caches never touch CPython's bytecode; `prev_instr` is always written as the address of the
/// same code unit in CPython's bytecode. The cursor is `Copy` so that the dispatch loop can keep
/// it in registers and hand copies to the instructions that call out.
#[derive(Clone, Copy)]
///
/// It holds only what every instruction needs, so that the loop keeps all of it in machine
/// registers; the locals, constants and names are found from the frame when used (the locals
/// sit at a fixed offset in it).
pub struct Cursor {
    frame: FramePtr,
    next_instr: *mut _Py_CODEUNIT,
    /// The code unit of the instruction being run (after any EXTENDED_ARG prefix).
    instr: *mut _Py_CODEUNIT,
    /// CPython's first code unit minus ours, in bytes: `prev_instr = instr + code_delta`.
    code_delta: isize,
    stack_pointer: *mut *mut PyObject,
}

impl Cursor {
    /// Starts (or resumes) running `frame` at `prev_instr + 1` with the stack at `stacktop`,
    /// marking the stack as "in registers" (`stacktop = -1`) as CPython does. `units` is
    /// justjit's quickened copy of the frame's bytecode, kept alive by the code object (its
    /// code-extra slot) while the frame runs.
    #[inline(always)]
    pub fn load(frame: FramePtr, units: &Units) -> Cursor {
        assert_eq!(
            units.len(),
            frame.code_len(),
            "quickened copy of another code object"
        );
        let units = Cell::as_ptr(&units.0[0]);
        // SAFETY: FramePtr invariant: the frame is live, so its code object is readable.
        let cpython_first = unsafe { PyCodeObject::code_ptr((*frame.0).f_code) };
        let code_delta = (cpython_first as isize).wrapping_sub(units as isize);
        Self::load_at(frame, code_delta)
    }

    /// `load` with the offset of the frame's quickened copy already known: `code_delta` was
    /// taken from a cursor over this same frame, whose code object keeps the copy alive.
    #[inline(always)]
    fn load_at(frame: FramePtr, code_delta: isize) -> Cursor {
        // SAFETY: FramePtr invariant: the frame is live and its code validated, so prev_instr
        // and stacktop are within the frame; `code_delta` maps its bytecode to our copy.
        unsafe {
            let f = frame.0;
            let prev = ((*f).prev_instr as isize).wrapping_sub(code_delta) as *mut _Py_CODEUNIT;
            let cursor = Cursor {
                frame,
                next_instr: prev.wrapping_add(1),
                instr: prev,
                code_delta,
                stack_pointer: _PyInterpreterFrame::stack_pointer(f),
            };
            (*f).stacktop = -1;
            cursor
        }
    }

    /// What resuming this cursor's frame after a call needs besides the frame itself.
    #[inline(always)]
    pub fn caller_code(&self) -> CallerCode {
        CallerCode {
            frame: self.frame,
            code_delta: self.code_delta,
        }
    }

    /// Resumes `frame`, a caller whose callee has returned, as `load` would, without looking
    /// up its quickened copy: `saved` was taken from its cursor when the call was made.
    #[inline(always)]
    pub fn resume_caller(frame: FramePtr, saved: CallerCode) -> Cursor {
        assert_eq!(
            saved.frame, frame,
            "a caller resumed with another frame's code"
        );
        Self::load_at(frame, saved.code_delta)
    }

    /// Our first code unit (index 0 of the quickened copy).
    #[inline(always)]
    fn first_instr(&self) -> *mut _Py_CODEUNIT {
        // SAFETY: reading the code pointer of the live frame; only an address is computed.
        let cpython_first = unsafe { PyCodeObject::code_ptr((*self.frame.0).f_code) };
        (cpython_first as isize).wrapping_sub(self.code_delta) as *mut _Py_CODEUNIT
    }

    /// The frame's locals, cells and free variables (`localsplus`).
    #[inline(always)]
    fn localsplus(&self) -> *mut *mut PyObject {
        // SAFETY: the frame is live; the locals are at a fixed offset in it.
        unsafe { _PyInterpreterFrame::localsplus_ptr(self.frame.0) }
    }

    /// A copy of this cursor read field by field: for the loop to take back a cursor that
    /// out-of-line code has just written in memory. A plain copy may be read with wider loads
    /// than the stores that wrote the fields, which the processor cannot forward (a stall of
    /// tens of cycles on every instruction that calls out).
    #[inline(always)]
    pub fn reloaded(&self) -> Cursor {
        // SAFETY: volatile reads of this cursor's own initialized fields.
        unsafe {
            Cursor {
                frame: ptr::read_volatile(&self.frame),
                next_instr: ptr::read_volatile(&self.next_instr),
                instr: ptr::read_volatile(&self.instr),
                code_delta: ptr::read_volatile(&self.code_delta),
                stack_pointer: ptr::read_volatile(&self.stack_pointer),
            }
        }
    }

    /// Writes this cursor into `dest` field by field (see `reloaded`): for the loop to hand its
    /// cursor to out-of-line code.
    #[inline(always)]
    pub fn save_to(&self, dest: &mut Cursor) {
        // SAFETY: volatile writes of plain fields of a cursor the caller holds mutably.
        unsafe {
            ptr::write_volatile(&mut dest.frame, self.frame);
            ptr::write_volatile(&mut dest.next_instr, self.next_instr);
            ptr::write_volatile(&mut dest.instr, self.instr);
            ptr::write_volatile(&mut dest.code_delta, self.code_delta);
            ptr::write_volatile(&mut dest.stack_pointer, self.stack_pointer);
        }
    }

    /// CPython's address of our code unit `unit`.
    #[inline(always)]
    fn cpython_unit(&self, unit: *mut _Py_CODEUNIT) -> *mut _Py_CODEUNIT {
        (unit as isize).wrapping_add(self.code_delta) as *mut _Py_CODEUNIT
    }

    /// Writes the stack top back to the frame (`_PyFrame_SetStackPointer`), and the position:
    /// `prev_instr` becomes the unit before `next_instr`, so the frame resumes there.
    pub fn store(&self) {
        // SAFETY: both pointers are inside the live frame (validation keeps them in bounds).
        unsafe {
            _PyInterpreterFrame::set_stack_pointer(self.frame.0, self.stack_pointer);
            (*self.frame.0).prev_instr = self.cpython_unit(self.next_instr.wrapping_sub(1));
        }
    }

    /// Writes only the stack top back (keeping `prev_instr` as the instruction set it).
    pub fn store_stack(&self) {
        // SAFETY: as in `store`.
        unsafe { _PyInterpreterFrame::set_stack_pointer(self.frame.0, self.stack_pointer) }
    }

    /// Marks the stack as "in registers" again after a `store`.
    pub fn unstore(&self) {
        // SAFETY: writing a field of the live frame.
        unsafe { (*self.frame.0).stacktop = -1 }
    }

    /// The frame being run; what it lends out stays valid while the cursor runs it.
    #[inline(always)]
    pub fn frame(&self) -> &FramePtr {
        &self.frame
    }

    /// Reads the next code unit, records it as CPython's current instruction (`prev_instr`)
    /// and advances. Returns (opcode, oparg).
    #[inline(always)]
    pub fn fetch(&mut self) -> (u8, u32) {
        // SAFETY: validation guarantees control never runs off the end of the bytecode, so
        // next_instr points at a code unit of the live code object.
        unsafe {
            let unit = *self.next_instr;
            (*self.frame.0).prev_instr = self.cpython_unit(self.next_instr);
            self.next_instr = self.next_instr.add(1);
            ((unit & 0xff) as u8, u32::from(unit >> 8))
        }
    }

    /// Marks the unit just fetched as the instruction being run ([`Cursor::instr`]). The
    /// dispatch does this in each instruction's own arm rather than in `fetch`: the arms that
    /// never look at it then drop it, and the dispatch carries one register less.
    #[inline(always)]
    pub fn begin_instr(&mut self) {
        self.instr = self.next_instr.wrapping_sub(1);
    }

    /// The oparg byte of the instruction being run's own code unit (without what EXTENDED_ARG
    /// prefixes add).
    #[inline(always)]
    pub fn instr_arg(&self) -> u32 {
        // SAFETY: `instr` points at a code unit of the live quickened copy (`begin_instr`).
        u32::from(unsafe { *self.instr } >> 8)
    }

    /// Reads the next code unit without recording it (EXTENDED_ARG's continuation).
    #[inline(always)]
    pub fn fetch_extended(&mut self, oparg: u32) -> (u8, u32) {
        let (op, arg) = self.fetch();
        (op, (oparg << 8) | arg)
    }

    /// Index of the next instruction to run.
    #[inline(always)]
    pub fn next_index(&self) -> usize {
        // SAFETY: both point into the same bytecode.
        unsafe { self.next_instr.offset_from(self.first_instr()) as usize }
    }

    /// Index of the instruction being run.
    #[inline(always)]
    pub fn instr_index(&self) -> usize {
        // SAFETY: both point into the same bytecode copy.
        unsafe { self.instr.offset_from(self.first_instr()) as usize }
    }

    /// Skips `n` code units (inline caches) or jumps forward by `n`.
    #[inline(always)]
    pub fn skip(&mut self, n: usize) {
        self.next_instr = self.next_instr.wrapping_add(n);
    }

    /// Jumps backward by `n` code units.
    #[inline(always)]
    pub fn jump_back(&mut self, n: usize) {
        self.next_instr = self.next_instr.wrapping_sub(n);
    }

    /// Jumps to code unit `index`.
    #[inline(always)]
    pub fn jump_to(&mut self, index: usize) {
        self.next_instr = self.first_instr().wrapping_add(index);
    }

    /// The instruction being run, in justjit's quickened copy (to rewrite it or its caches).
    #[inline(always)]
    pub fn instr(&self) -> InstrRef {
        InstrRef(self.instr)
    }

    /// Inline-cache unit `i` of the instruction being run.
    #[inline(always)]
    pub fn cache(&self, i: usize) -> u16 {
        self.instr().cache(i)
    }

    /// The code unit after the instruction being run and its `caches` cache units (the
    /// instruction a specialized form may fuse with): (opcode as quickened, oparg), or
    /// (0, 0) past the end of the bytecode.
    #[inline(always)]
    pub fn peek_next_unit_after_cache(&self, caches: usize) -> (u8, u32) {
        let index = self.instr_index() + 1 + caches;
        if index >= self.frame.code_len() {
            return (0, 0);
        }
        // SAFETY: index checked against the bytecode's length (the copy has the same).
        let unit = unsafe { *self.first_instr().add(index) };
        ((unit & 0xff) as u8, u32::from(unit >> 8))
    }

    // --- value stack ---

    #[inline(always)]
    pub fn push(&mut self, value: Owned) {
        // SAFETY: validation proved the stack depth stays within co_stacksize here.
        unsafe {
            *self.stack_pointer = value.into_raw();
            self.stack_pointer = self.stack_pointer.add(1);
        }
    }

    /// Pushes NULL (PUSH_NULL, the "no self" marker of calls).
    #[inline(always)]
    pub fn push_null(&mut self) {
        // SAFETY: as in `push`.
        unsafe {
            *self.stack_pointer = ptr::null_mut();
            self.stack_pointer = self.stack_pointer.add(1);
        }
    }

    /// Pushes a value that may be NULL.
    #[inline(always)]
    pub fn push_opt(&mut self, value: Option<Owned>) {
        match value {
            Some(v) => self.push(v),
            None => self.push_null(),
        }
    }

    /// Pops a value known not to be NULL.
    #[inline(always)]
    pub fn pop(&mut self) -> Owned {
        // SAFETY: validation proved the stack is not empty here; the compiler only pushes NULL
        // where `pop_opt` is used to take it.
        unsafe {
            self.stack_pointer = self.stack_pointer.sub(1);
            Owned::from_raw_unchecked(*self.stack_pointer)
        }
    }

    /// Pops a value that may be NULL.
    #[inline(always)]
    pub fn pop_opt(&mut self) -> Option<Owned> {
        // SAFETY: as in `pop`; NULL is mapped to None.
        unsafe {
            self.stack_pointer = self.stack_pointer.sub(1);
            let v = *self.stack_pointer;
            (!v.is_null()).then(|| Owned::from_raw_unchecked(v))
        }
    }

    /// Drops `n` values from the stack top (some may be NULL).
    #[inline(always)]
    pub fn drop_n(&mut self, n: usize) {
        for _ in 0..n {
            drop(self.pop_opt());
        }
    }

    /// The value `depth` slots below the top (1 = top), borrowed; not NULL.
    #[inline(always)]
    pub fn peek(&self, depth: usize) -> &Obj {
        // SAFETY: validation proved at least `depth` values are on the stack; this slot holds
        // a non-NULL object.
        unsafe { Obj::from_ptr(*self.stack_pointer.sub(depth)) }
    }

    /// The value `depth` slots below the top, which may be NULL.
    #[inline(always)]
    pub fn peek_opt(&self, depth: usize) -> Option<&Obj> {
        // SAFETY: as in `peek`, allowing NULL.
        unsafe {
            let v = *self.stack_pointer.sub(depth);
            (!v.is_null()).then(|| Obj::from_ptr(v))
        }
    }

    #[inline(always)]
    pub fn top(&self) -> &Obj {
        self.peek(1)
    }

    /// Replaces the value `depth` slots below the top.
    #[inline(always)]
    pub fn set(&mut self, depth: usize, value: Owned) {
        // SAFETY: as in `peek`; the old value (maybe NULL) is released.
        unsafe {
            let slot = self.stack_pointer.sub(depth);
            let old = *slot;
            *slot = value.into_raw();
            ffi::Py_XDECREF(old);
        }
    }

    /// Swaps the top with the value `depth` slots below it (SWAP).
    #[inline(always)]
    pub fn swap(&mut self, depth: usize) {
        // SAFETY: as in `peek`.
        unsafe { ptr::swap(self.stack_pointer.sub(1), self.stack_pointer.sub(depth)) }
    }

    /// The top `n` values, bottom first, borrowed (none may be NULL).
    #[inline(always)]
    pub fn top_n(&self, n: usize) -> &[&Obj] {
        // SAFETY: as in `peek` for every slot; *mut PyObject and &Obj share a layout.
        unsafe { std::slice::from_raw_parts(self.stack_pointer.sub(n).cast::<&Obj>(), n) }
    }

    /// Pops the top `n` values, bottom first.
    pub fn pop_n(&mut self, n: usize) -> Vec<Owned> {
        // SAFETY: as in `pop` for every slot; ownership of each reference moves to the Vec.
        unsafe {
            self.stack_pointer = self.stack_pointer.sub(n);
            (0..n)
                .map(|i| Owned::from_raw_unchecked(*self.stack_pointer.add(i)))
                .collect()
        }
    }

    /// A specialized CALL of an exact Python function (`CALL_PY_EXACT_ARGS`,
    /// `CALL_PY_WITH_DEFAULTS`): with the callable below `total` arguments (and NULL below it
    /// unless `is_meth`), pushes the callee's frame moving the callable's and the arguments'
    /// references from this stack into it, parameters after `total` from the defaults, and pops
    /// them. `None` (stack untouched) when the callable is not an exact function whose
    /// positional parameters `total` and its defaults fill exactly.
    ///
    /// The caller guarantees the function's code is runnable by this evaluator (its version
    /// guard ties the function to the code it checked when it specialized).
    #[inline(always)]
    pub fn push_call_frame(
        &mut self,
        thread: super::runtime::Thread,
        total: usize,
        is_meth: bool,
    ) -> Option<super::object::PyResult<FramePtr>> {
        // SAFETY: validation proved the callable and arguments are on the stack. The callable
        // is checked to be an exact function and `total` within its parameters, with defaults
        // covering the rest, as `push_frame_taking` needs. The slots' references move to the
        // frame, so the stack forgets them without releasing them (the slot under the callable
        // is NULL when `is_meth` is false).
        unsafe {
            let args = self.stack_pointer.sub(total);
            let func = *args.sub(1);
            if ffi::Py_TYPE(func) != ptr::addr_of_mut!(ffi::PyFunction_Type) {
                return None;
            }
            if !fills_positionals(func.cast(), total) {
                return None;
            }
            let frame = thread.push_frame_taking(func, args, total);
            if frame.is_ok() {
                self.stack_pointer = self.stack_pointer.sub(total + 2 - usize::from(is_meth));
            }
            Some(frame)
        }
    }

    /// A specialized call of a Python class (`CALL_PY_CLASS`), with the class below `total`
    /// arguments and NULL below it: pushes the frame of its `__init__` (a Python function
    /// whose parameters `total + 1` arguments and its defaults fill, checked by the caller)
    /// with `instance` and the arguments moved into its locals, and leaves `instance` on this
    /// stack in place of NULL, the class and the arguments. On failure (no memory) the stack
    /// is as it was and `instance` is dropped.
    #[inline(always)]
    pub fn push_init_frame(
        &mut self,
        thread: super::runtime::Thread,
        init: &Obj,
        instance: Owned,
        total: usize,
    ) -> super::object::PyResult<FramePtr> {
        // SAFETY: validation proved NULL, the class and `total` arguments are on the stack.
        // The class slot is overwritten by a second reference to `instance`, so that it and the
        // arguments are the frame's first locals in order; `push_frame_taking` takes those
        // references and `init`'s (a new one), or none of them when it fails, and then the
        // slots are restored. The class's own reference is released once the frame holds the
        // instance, which keeps the class alive.
        unsafe {
            let args = self.stack_pointer.sub(total);
            let class_slot = args.sub(1);
            let null_slot = args.sub(2);
            let class = *class_slot;
            *class_slot = Owned::into_raw(instance.clone());
            let func = Owned::into_raw(init.to_owned());
            match thread.push_frame_taking(func, class_slot, total + 1) {
                Ok(frame) => {
                    *null_slot = Owned::into_raw(instance);
                    ffi::Py_DECREF(class);
                    self.stack_pointer = class_slot;
                    Ok(frame)
                }
                Err(raised) => {
                    drop(Owned::from_raw_unchecked(*class_slot));
                    *class_slot = class;
                    drop(Owned::from_raw_unchecked(func));
                    drop(instance);
                    Err(raised)
                }
            }
        }
    }

    /// `BINARY_SUBSCR_GETITEM`: pushes a frame of `func` with the top `n` values moved into its
    /// first locals (and the rest of its positional parameters from its defaults), and pops
    /// them. `None` (stack untouched) when `func` is not an exact function whose positional
    /// parameters `n` and its defaults fill exactly.
    #[inline(always)]
    pub fn push_frame_with_top(
        &mut self,
        thread: super::runtime::Thread,
        func: &Obj,
        n: usize,
    ) -> Option<super::object::PyResult<FramePtr>> {
        // SAFETY: validation proved `n` values are on the stack (the caller pops `n` for an
        // instruction that has them). `func` is checked to be an exact function with `n`
        // within its positional parameters and defaults covering the rest, as
        // `push_frame_taking` needs; it takes a new reference to `func` and the `n` slots'
        // references, which the stack then forgets.
        unsafe {
            if ffi::Py_TYPE(func.as_ptr()) != ptr::addr_of_mut!(ffi::PyFunction_Type)
                || !fills_positionals(func.as_ptr().cast(), n)
            {
                return None;
            }
            let args = self.stack_pointer.sub(n);
            let func = Owned::into_raw(func.to_owned());
            let frame = thread.push_frame_taking(func, args, n);
            match frame {
                Ok(_) => self.stack_pointer = args,
                Err(_) => drop(Owned::from_raw_unchecked(func)),
            }
            Some(frame)
        }
    }

    /// Depth of the value stack.
    #[inline(always)]
    pub fn stack_depth(&self) -> usize {
        // SAFETY: both pointers are in the frame.
        unsafe {
            self.stack_pointer
                .offset_from(self.localsplus().add(self.frame.nlocalsplus())) as usize
        }
    }

    // --- locals, constants, names ---

    /// Local (or cell/free) slot `i`, borrowed; None when unbound.
    #[inline(always)]
    pub fn local(&self, i: usize) -> Option<&Obj> {
        // SAFETY: validation proved i < co_nlocalsplus.
        unsafe {
            let v = *self.localsplus().add(i);
            (!v.is_null()).then(|| Obj::from_ptr(v))
        }
    }

    /// Stores into local slot `i`, releasing the old value.
    #[inline(always)]
    pub fn set_local(&mut self, i: usize, value: Option<Owned>) {
        // SAFETY: as in `local`.
        unsafe {
            let slot = self.localsplus().add(i);
            let old = *slot;
            *slot = value.map_or(ptr::null_mut(), Owned::into_raw);
            ffi::Py_XDECREF(old);
        }
    }

    /// `PyUnicode_Append` onto local slot `i`, which holds a str (`s += t` with the result stored
    /// back to `s`): CPython resizes the string in place when the local holds its only
    /// reference. Returns false (the slot then holds NULL) when it raised.
    pub fn local_str_append(&mut self, i: usize, right: &Obj) -> bool {
        // SAFETY: as in `local`; PyUnicode_Append consumes the slot's reference and stores a
        // new one, or NULL with an exception set.
        unsafe {
            let slot = self.localsplus().add(i);
            ffi::PyUnicode_Append(slot, right.as_ptr());
            !(*slot).is_null()
        }
    }

    /// Constant `i`, borrowed.
    #[inline(always)]
    pub fn constant(&self, i: usize) -> &Obj {
        // SAFETY: validation proved i < len(co_consts); the code object owns the tuple.
        tuple_item(
            unsafe { Obj::from_ptr((*self.frame.code_ptr()).co_consts) },
            i,
        )
    }

    /// Name `i`, borrowed.
    #[inline(always)]
    pub fn name(&self, i: usize) -> &Obj {
        // SAFETY: validation proved i < len(co_names); the code object owns the tuple.
        tuple_item(
            unsafe { Obj::from_ptr((*self.frame.code_ptr()).co_names) },
            i,
        )
    }

    /// Drops every value on the stack above depth `level` (exception unwinding).
    pub fn unwind_to(&mut self, level: usize) {
        while self.stack_depth() > level {
            drop(self.pop_opt());
        }
    }
}

/// One instruction of justjit's quickened copy of a code object's bytecode, while its code
/// object runs: its opcode and inline caches can be rewritten (specialization). Handed around
/// by value, so that a hot instruction's cursor never escapes.
#[derive(Clone, Copy)]
pub struct InstrRef(*mut _Py_CODEUNIT);

impl InstrRef {
    /// The instruction's address in the quickened copy, which stays put while its code object
    /// lives: an identity for tables kept per instruction.
    pub fn addr(self) -> usize {
        self.0 as usize
    }

    /// The opcode as quickened.
    #[inline(always)]
    pub fn opcode(self) -> u8 {
        // SAFETY: an InstrRef comes from a cursor running the code, whose quickened copy lives
        // as long as the code object; the units are cells (interior mutability), read and
        // written only by the thread holding the GIL.
        unsafe { (*self.0 & 0xff) as u8 }
    }

    /// The oparg byte (without any EXTENDED_ARG prefix).
    #[inline(always)]
    pub fn oparg(self) -> u8 {
        // SAFETY: as in `opcode`.
        unsafe { (*self.0 >> 8) as u8 }
    }

    /// Rewrites the opcode (quickening and specialization).
    #[inline(always)]
    pub fn set_opcode(self, op: u8) {
        // SAFETY: as in `opcode`.
        unsafe { *self.0 = (*self.0 & 0xff00) | u16::from(op) }
    }

    /// Inline-cache unit `i`.
    #[inline(always)]
    pub fn cache(self, i: usize) -> u16 {
        // SAFETY: as in `opcode`; the adaptive forms and their specializations only use the
        // cache units 3.11 reserves after the instruction (`i` is below that count).
        unsafe { *self.0.add(1 + i) }
    }

    /// Sets inline-cache unit `i`.
    #[inline(always)]
    pub fn set_cache(self, i: usize, value: u16) {
        // SAFETY: as in `cache`.
        unsafe { *self.0.add(1 + i) = value }
    }

    /// Two cache units from `i` on as a u32 (low unit first, as 3.11's `read_u32`).
    #[inline(always)]
    pub fn cache_u32(self, i: usize) -> u32 {
        u32::from(self.cache(i)) | u32::from(self.cache(i + 1)) << 16
    }

    pub fn set_cache_u32(self, i: usize, value: u32) {
        self.set_cache(i, value as u16);
        self.set_cache(i + 1, (value >> 16) as u16);
    }

    /// Four cache units from `i` on as a u64.
    #[inline(always)]
    pub fn cache_u64(self, i: usize) -> u64 {
        u64::from(self.cache_u32(i)) | u64::from(self.cache_u32(i + 2)) << 32
    }

    pub fn set_cache_u64(self, i: usize, value: u64) {
        self.set_cache_u32(i, value as u32);
        self.set_cache_u32(i + 2, (value >> 32) as u32);
    }
}

/// Read access to a code object's fields.
#[derive(Clone, Copy)]
pub struct CodeRef<'a>(&'a Obj);

impl<'a> CodeRef<'a> {
    /// `code` must be a code object (checked).
    pub fn new(code: &'a Obj) -> CodeRef<'a> {
        assert!(code.is_exact(ptr::addr_of_mut!(ffi::PyCode_Type)));
        CodeRef(code)
    }

    fn raw(&self) -> *mut PyCodeObject {
        self.0.as_ptr().cast()
    }

    pub fn obj(&self) -> &'a Obj {
        self.0
    }

    /// The bytecode (`co_code_adaptive`) as code units.
    pub fn units(&self) -> &'a [_Py_CODEUNIT] {
        // SAFETY: a live code object holds ob_size code units inline.
        unsafe {
            std::slice::from_raw_parts(
                PyCodeObject::code_ptr(self.raw()),
                PyCodeObject::code_len(self.raw()),
            )
        }
    }

    fn field<T: Copy>(&self, get: impl FnOnce(&PyCodeObject) -> T) -> T {
        // SAFETY: a live code object; the fields read are plain integers or pointers.
        get(unsafe { &*self.raw() })
    }

    pub fn n_consts(&self) -> usize {
        super::object::tuple_len(self.consts())
    }
    pub fn n_names(&self) -> usize {
        super::object::tuple_len(self.names())
    }
    pub fn consts(&self) -> &'a Obj {
        // SAFETY: co_consts is a tuple owned by the code object.
        unsafe { Obj::from_ptr(self.field(|c| c.co_consts)) }
    }
    pub fn names(&self) -> &'a Obj {
        // SAFETY: co_names is a tuple owned by the code object.
        unsafe { Obj::from_ptr(self.field(|c| c.co_names)) }
    }
    pub fn localsplus_names(&self) -> &'a Obj {
        // SAFETY: co_localsplusnames is a tuple owned by the code object.
        unsafe { Obj::from_ptr(self.field(|c| c.co_localsplusnames)) }
    }
    pub fn qualname(&self) -> &'a Obj {
        // SAFETY: co_qualname is a str owned by the code object.
        unsafe { Obj::from_ptr(self.field(|c| c.co_qualname)) }
    }
    pub fn filename(&self) -> &'a Obj {
        // SAFETY: co_filename is a str owned by the code object.
        unsafe { Obj::from_ptr(self.field(|c| c.co_filename)) }
    }
    /// The source line of code unit `index` (`PyCode_Addr2Line`), or -1.
    pub fn line_of(&self, index: usize) -> i32 {
        // SAFETY: a live code object; any offset is accepted.
        unsafe { pyo3_ffi::PyCode_Addr2Line(self.obj().as_ptr().cast(), (index * 2) as i32) }
    }
    pub fn nlocalsplus(&self) -> usize {
        self.field(|c| c.co_nlocalsplus) as usize
    }
    pub fn nlocals(&self) -> usize {
        self.field(|c| c.co_nlocals) as usize
    }
    pub fn ncellvars(&self) -> usize {
        self.field(|c| c.co_ncellvars) as usize
    }
    pub fn nplaincellvars(&self) -> usize {
        self.field(|c| c.co_nplaincellvars) as usize
    }
    pub fn nfreevars(&self) -> usize {
        self.field(|c| c.co_nfreevars) as usize
    }
    pub fn stacksize(&self) -> usize {
        self.field(|c| c.co_stacksize) as usize
    }
    pub fn flags(&self) -> u32 {
        self.field(|c| c.co_flags) as u32
    }
    pub fn argcount(&self) -> usize {
        self.field(|c| c.co_argcount) as usize
    }
    pub fn posonlyargcount(&self) -> usize {
        self.field(|c| c.co_posonlyargcount) as usize
    }
    pub fn kwonlyargcount(&self) -> usize {
        self.field(|c| c.co_kwonlyargcount) as usize
    }
    /// The exception table bytes.
    pub fn exception_table(&self) -> &'a [u8] {
        // SAFETY: co_exceptiontable is a bytes object owned by the live code object.
        unsafe {
            let table = self.field(|c| c.co_exceptiontable);
            let data = ffi::PyBytes_AsString(table).cast::<u8>();
            std::slice::from_raw_parts(data, ffi::PyBytes_Size(table) as usize)
        }
    }
}

impl FramePtr {
    /// The frame's code object.
    pub fn code_ref(&self) -> CodeRef<'_> {
        CodeRef(self.code())
    }
}

/// The code object, defaults and keyword defaults of a function (`func` must be an exact
/// function object).
pub fn function_parts(func: &Obj) -> (CodeRef<'_>, Option<&Obj>, Option<&Obj>) {
    assert!(func.is_exact_function());
    // SAFETY: a live function object; its code, defaults and kwdefaults are owned by it.
    unsafe {
        let f = func.as_ptr().cast::<PyFunctionObject>();
        let code = Obj::from_ptr((*f).func_code);
        let opt = |p: *mut PyObject| (!p.is_null()).then(|| Obj::from_ptr(p));
        (
            CodeRef(code),
            opt((*f).func_defaults),
            opt((*f).func_kwdefaults),
        )
    }
}
