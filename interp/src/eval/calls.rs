//! Python-to-Python calls that stay in the evaluator loop: binding a call's arguments to the
//! callee's parameters (`initialize_locals` of ceval) and pushing its frame, so a call does not
//! recurse on the C stack — CPython 3.11 inlines every call of a plain function the same way.
//!
//! Only calls that bind cleanly are pushed here. A call CPython would reject (missing or
//! unexpected arguments, duplicates, non-str keywords) goes through vectorcall instead, whose
//! binding raises exactly CPython's TypeError; nothing observable has happened before that.

use crate::cpython::cursor::{function_parts, Cursor, FramePtr};
use crate::cpython::generators;
use crate::cpython::object::{self as api, Obj, Owned, PyResult, Raised};
use crate::cpython::objects::{CO_OPTIMIZED, CO_VARARGS, CO_VARKEYWORDS};

use super::{can_inline, Exec, Flow, Step};

/// Starts `callee`, a frame a call instruction just pushed, without leaving the dispatch: the
/// loop's cursor `c` moves to it (as CPython's `CALL_PY_EXACT_ARGS` jumps to `start_frame`).
/// While a loop is being recorded the call goes through the loop (`Flow::Enter`), so that the
/// recorder sees it.
#[inline(always)]
pub(super) fn enter_in_loop(c: &mut Cursor, ex: &mut Exec, callee: FramePtr) -> Step {
    if ex.recording.is_some() {
        return Ok(Flow::Enter(callee));
    }
    match ex.start_callee(c, callee, false) {
        Ok(()) => Ok(Flow::Next),
        Err(Raised) => Ok(Flow::EntryFailed),
    }
}

/// `RETURN_VALUE` without leaving the dispatch: the caller of a frame this loop pushed resumes
/// in `c` with the value pushed; the entry frame ends the evaluation (`Flow::Finished`). While a
/// loop is being recorded the return goes through the loop (`Flow::Return`), so that the
/// recorder sees it.
#[inline(always)]
pub(super) fn return_in_loop(c: &mut Cursor, ex: &mut Exec, value: Owned) -> Step {
    if ex.recording.is_some() {
        return Ok(Flow::Return(value));
    }
    finish_return(c, ex, value)
}

/// `RETURN_VALUE`'s work, in the loop or out of it (`Exec::return_value`).
#[inline(always)]
pub(super) fn finish_return(c: &mut Cursor, ex: &mut Exec, value: Owned) -> Step {
    match ex.return_to_caller(c, value) {
        // A trace function set while the callee ran: CPython's evaluator runs the caller on.
        Ok(Ok(())) if ex.thread.use_tracing() => Ok(Flow::TracingStarted),
        Ok(Ok(())) => Ok(Flow::Next),
        Ok(Err(Raised)) => Err(Raised),
        // The entry frame: the evaluation ends.
        Err(value) => {
            c.store_stack();
            ex.thread.leave_call();
            Ok(Flow::Finished(value))
        }
    }
}

/// Frames with at most this many local slots are bound in a buffer on the Rust stack (no
/// allocation per call); bigger ones in a `Vec`.
const INLINE_LOCALS: usize = 16;

/// Binds `args` (positional values followed by the values of the keywords named in `kwnames`)
/// to the parameters of `func`'s code, in `locals` (its `co_nlocalsplus` initial local slots,
/// all empty). `false` when the call must take the vectorcall path (it cannot run here, or its
/// binding fails); what was bound is then dropped with `locals`.
fn bind(
    func: &Obj,
    args: &[&Obj],
    kwnames: Option<&Obj>,
    locals: &mut [Option<Owned>],
) -> PyResult<bool> {
    let (code, defaults, kwdefaults) = function_parts(func);
    let flags = code.flags();
    let nkw = kwnames.map_or(0, api::tuple_len);
    let npos = args.len() - nkw;
    let argcount = code.argcount();
    let total_args = argcount + code.kwonlyargcount();
    let has_varargs = flags & CO_VARARGS as u32 != 0;

    let kwdict = if flags & CO_VARKEYWORDS as u32 != 0 {
        let dict = api::new_dict()?;
        locals[total_args + usize::from(has_varargs)] = Some(dict.clone());
        Some(dict)
    } else {
        None
    };

    let n = npos.min(argcount);
    for (slot, arg) in locals.iter_mut().zip(&args[..n]) {
        *slot = Some(Obj::to_owned(arg));
    }
    if has_varargs {
        locals[total_args] = Some(api::tuple_from(&args[n..npos])?);
    } else if npos > argcount {
        return Ok(false); // too many positional arguments
    }

    if let Some(kwnames) = kwnames {
        let names = code.localsplus_names();
        let posonly = code.posonlyargcount();
        for (i, value) in args[npos..].iter().enumerate() {
            let keyword = api::tuple_item(kwnames, i);
            if !keyword.is_str() {
                return Ok(false);
            }
            let mut found = (posonly..total_args).find(|&j| api::tuple_item(names, j).is(keyword));
            if found.is_none() {
                for j in posonly..total_args {
                    if api::rich_compare_bool(keyword, api::tuple_item(names, j), pyo3_ffi::Py_EQ)?
                    {
                        found = Some(j);
                        break;
                    }
                }
            }
            match (found, &kwdict) {
                (Some(j), _) if locals[j].is_some() => return Ok(false), // given twice
                (Some(j), _) => locals[j] = Some(Obj::to_owned(value)),
                (None, Some(dict)) => api::dict_set(dict, keyword, value)?,
                (None, None) => return Ok(false), // unexpected keyword
            }
        }
    }

    if npos < argcount {
        let defaults = defaults.map_or(&[][..], api::fast_items);
        let first_default = argcount - defaults.len().min(argcount);
        for (i, slot) in locals.iter_mut().enumerate().take(argcount).skip(npos) {
            if slot.is_none() {
                if i < first_default {
                    return Ok(false); // missing positional argument
                }
                *slot = Some(defaults[i - first_default].to_owned());
            }
        }
    }

    for (i, slot) in locals
        .iter_mut()
        .enumerate()
        .take(total_args)
        .skip(argcount)
    {
        if slot.is_some() {
            continue;
        }
        let name = api::tuple_item(code.localsplus_names(), i);
        match kwdefaults
            .map(|d| api::dict_get(d, name))
            .transpose()?
            .flatten()
        {
            Some(default) => *slot = Some(default.to_owned()),
            None => return Ok(false), // missing keyword-only argument
        }
    }
    Ok(true)
}

/// CALL of an exact function below `total` arguments on the stack: binds and pushes its frame
/// (taking the callable and arguments off the stack), or returns `None` to leave the call to
/// vectorcall with the stack untouched.
pub(super) fn try_push_frame(
    ex: &mut Exec,
    total: usize,
    is_meth: bool,
    kwnames: Option<&Obj>,
) -> PyResult<Option<FramePtr>> {
    let c = &mut ex.cursor;
    let func = c.peek(total + 1).to_owned();
    let (code, _, _) = function_parts(&func);
    if code.flags() & CO_OPTIMIZED as u32 == 0 || !can_inline(code) {
        return Ok(None);
    }
    let n = code.nlocalsplus();
    let mut inline: [Option<Owned>; INLINE_LOCALS] = Default::default();
    let mut heap: Vec<Option<Owned>>;
    let locals: &mut [Option<Owned>] = if n <= INLINE_LOCALS {
        &mut inline[..n]
    } else {
        heap = (0..n).map(|_| None).collect();
        &mut heap
    };
    if !bind(&func, c.top_n(total), kwnames, locals)? {
        return Ok(None);
    }
    c.drop_n(total + 2 - usize::from(is_meth));
    Ok(Some(ex.thread.push_frame(&func, locals)?))
}

/// `YIELD_VALUE` without leaving the dispatch: the resumer of a generator's frame this loop's
/// SEND or FOR_ITER resumed continues in `c` with the value; a generator resumed through
/// `gen_send_ex` and the hook ends the evaluation (`Flow::Finished`). While a loop is being
/// recorded the yield goes through the loop (`Flow::Yield`), so that the recorder sees it.
#[inline(always)]
pub(super) fn yield_in_loop(c: &mut Cursor, ex: &mut Exec, value: Owned) -> Step {
    if ex.recording.is_some() {
        return Ok(Flow::Yield(value));
    }
    finish_yield(c, ex, value)
}

/// `YIELD_VALUE`'s work, in the loop or out of it (`Exec::yield_value`).
#[inline(always)]
pub(super) fn finish_yield(c: &mut Cursor, ex: &mut Exec, value: Owned) -> Step {
    match ex.yield_to_resumer(c, value) {
        Ok(()) if ex.thread.use_tracing() => Ok(Flow::TracingStarted),
        Ok(()) => Ok(Flow::Next),
        Err(value) if generators::is_generator_frame(*c.frame()) => {
            generators::mark_suspended(*c.frame());
            c.store_stack();
            ex.thread.leave_call();
            Ok(Flow::Finished(value))
        }
        Err(_) => Err(not_a_generator_frame()),
    }
}

/// YIELD_VALUE in a frame no generator owns (hand-made bytecode).
#[cold]
fn not_a_generator_frame() -> Raised {
    api::raise(
        crate::cpython::exc::system_error(),
        "YIELD_VALUE outside a generator frame",
    );
    Raised
}
