//! Frame evaluation policy: decides, for every frame CPython asks justjit to evaluate, which
//! evaluator runs it, and counts the decision.
//!
//! The Rust interpreter does not run frames yet, so every frame goes back to CPython's own
//! evaluator; the reason is counted so that `frames.handed_back` says why.

use crate::stats::{self, HandBackReason};

/// What to do with a frame.
#[derive(Debug, PartialEq, Eq)]
pub enum Evaluation {
    /// Give it to CPython's evaluator.
    HandBack,
}

/// Chooses the evaluator for a frame; `tracing_active` is true while `sys.settrace` or
/// `sys.setprofile` is set on the thread.
#[inline]
pub fn plan(tracing_active: bool) -> Evaluation {
    let reason = if tracing_active {
        HandBackReason::Tracing
    } else {
        HandBackReason::NoRustInterpreter
    };
    stats::global().handed_back(reason).bump();
    Evaluation::HandBack
}
