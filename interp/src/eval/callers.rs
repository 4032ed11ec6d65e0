//! The callers of the frames this loop has pushed, innermost last: what each needs to resume
//! when its callee returns, so that a return does not look up the caller's quickened copy.
//!
//! `Exec::enter` pushes the caller of every frame it starts; every way a pushed frame ends
//! (return, exception, generator yield, hand-back to CPython) pops it. The first few live
//! inline, since a hook entry that makes a call or two should not allocate.

use crate::cpython::cursor::CallerCode;

const INLINE: usize = 8;

pub(super) struct CallerStack {
    inline: [CallerCode; INLINE],
    spilled: Vec<CallerCode>,
    len: usize,
}

impl CallerStack {
    pub(super) fn new() -> Self {
        CallerStack {
            inline: [CallerCode::NONE; INLINE],
            spilled: Vec::new(),
            len: 0,
        }
    }

    #[inline(always)]
    pub(super) fn push(&mut self, caller: CallerCode) {
        if self.len < INLINE {
            self.inline[self.len] = caller;
        } else {
            self.spilled.push(caller);
        }
        self.len += 1;
    }

    /// The innermost caller, taken off the stack.
    #[inline(always)]
    pub(super) fn pop(&mut self) -> CallerCode {
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
