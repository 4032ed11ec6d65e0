//! The callers of the frames this loop has pushed, innermost last: what each needs to resume
//! when its callee returns, so that a return does not look up the caller's quickened copy, and
//! whether the callee is the `__init__` of a class the caller's `CALL_PY_CLASS` called.
//!
//! `Exec::enter` pushes the caller of every frame it starts; every way a pushed frame ends
//! (return, exception, generator yield, hand-back to CPython) pops it. The first few live
//! inline, since a hook entry that makes a call or two should not allocate.

use crate::cpython::cursor::CallerCode;

const INLINE: usize = 6;

/// A caller waiting for its callee.
#[derive(Clone, Copy)]
pub(super) struct Caller {
    pub code: CallerCode,
    /// The callee is an `__init__` that `CALL_PY_CLASS` pushed: the instance is already on the
    /// caller's stack; the callee must return None; the caller also counted a C-level call
    /// (as `_PyObject_MakeTpCall` does) that ends with the callee.
    pub init: bool,
}

impl Caller {
    const NONE: Caller = Caller {
        code: CallerCode::NONE,
        init: false,
    };
}

pub(super) struct CallerStack {
    inline: [Caller; INLINE],
    spilled: Vec<Caller>,
    len: usize,
}

impl CallerStack {
    pub(super) fn new() -> Self {
        CallerStack {
            inline: [Caller::NONE; INLINE],
            spilled: Vec::new(),
            len: 0,
        }
    }

    #[inline(always)]
    pub(super) fn push(&mut self, caller: Caller) {
        if self.len < INLINE {
            self.inline[self.len] = caller;
        } else {
            self.spilled.push(caller);
        }
        self.len += 1;
    }

    /// The innermost caller, taken off the stack.
    #[inline(always)]
    pub(super) fn pop(&mut self) -> Caller {
        self.len = self
            .len
            .checked_sub(1)
            .expect("a returning frame has its caller saved");
        if self.len < INLINE {
            self.inline[self.len]
        } else {
            self.spilled.pop().expect("spilled callers are counted")
        }
    }
}
