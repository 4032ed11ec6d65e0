//! The `PRECALL` and `CALL` families, 3.11's forms (Python/specialize.c `_Py_Specialize_Precall`
//! and `_Py_Specialize_Call`).
//!
//! Stack at both instructions: `[NULL | method, callable | self, args…]` — with LOAD_METHOD's
//! "is_meth" convention, the slot below the callable is NULL unless a method and its self were
//! pushed, and then self counts as the first argument. `PRECALL` forms for built-in callables
//! make the call themselves and skip the `CALL` after them (as 3.11's `SKIP_CALL`); the
//! `PRECALL` forms for Python functions and bound methods leave the call to `CALL`, whose
//! `CALL_PY_*` forms push the callee's frame in this loop, moving the arguments from the
//! caller's stack into its locals.

use std::ffi::c_int;

use pyo3_ffi as ffi;

use crate::cpython::ccall;
use crate::cpython::cursor::{function_parts, Cursor, InstrRef};
use crate::cpython::object::{self as api, Obj, Owned, PyResult, Raised};
use crate::cpython::objects::{CO_OPTIMIZED, CO_VARARGS, CO_VARKEYWORDS};
use crate::cpython::opcode::*;

use super::super::calls::enter_in_loop;
use super::super::instructions::{self as generic, next};
use super::super::quicken::forms::CALL_PY_CLASS;
use super::super::{base_opcode, can_inline, Exec, Flow, Step};
use super::{adapt, hit, miss, Choice};

/// Code units from after `PRECALL`'s cache to after `CALL`'s (3.11's `SKIP_CALL`).
const SKIP_CALL: usize = 1 + 4;

/// (is_meth, total arguments including self) of a `PRECALL`/`CALL` with `oparg`.
#[inline(always)]
fn shape(c: &Cursor, oparg: u32) -> (bool, usize) {
    let is_meth = c.peek_opt(oparg as usize + 2).is_some();
    (is_meth, oparg as usize + usize::from(is_meth))
}

// --- CALL -------------------------------------------------------------------------------------

fn choose_call(instr: InstrRef, callable: &Obj, total: usize, keywords: bool) -> Choice {
    if callable.is_type() {
        return choose_class_call(instr, callable, total, keywords);
    }
    if !callable.is_exact_function() {
        return Err(if callable.is_exact_method() {
            "bound_method"
        } else {
            "other_callable"
        });
    }
    if keywords {
        return Err("kwnames");
    }
    let (code, defaults, _) = function_parts(callable);
    let flags = code.flags();
    if flags & (CO_VARARGS | CO_VARKEYWORDS) as u32 != 0 || code.kwonlyargcount() != 0 {
        return Err("complex_parameters");
    }
    if flags & CO_OPTIMIZED as u32 == 0 {
        return Err("co_not_optimized");
    }
    if !can_inline(code) {
        return Err("not_runnable_here");
    }
    let argcount = code.argcount();
    let ndefaults = defaults.map_or(0, api::tuple_len).min(argcount);
    let min_args = argcount - ndefaults;
    if total > argcount || total < min_args {
        return Err("wrong_number_arguments");
    }
    let Ok(min_args) = u16::try_from(min_args) else {
        return Err("out_of_range");
    };
    let version = ccall::function_version_for_guard(callable);
    if version == 0 {
        return Err("out_of_versions");
    }
    instr.set_cache_u32(1, version);
    instr.set_cache(3, min_args);
    Ok(if total == argcount {
        CALL_PY_EXACT_ARGS
    } else {
        CALL_PY_WITH_DEFAULTS
    })
}

/// A call of a Python class whose `__init__` can run in this loop (`CALL_PY_CLASS`; the class
/// version in units 1-2).
fn choose_class_call(instr: InstrRef, class: &Obj, total: usize, keywords: bool) -> Choice {
    if keywords {
        return Err("kwnames");
    }
    let init = ccall::python_init(class).ok_or("class")?;
    if !runs_here_with(init, total + 1) {
        return Err("class_init");
    }
    let version = ccall::class_version(class);
    if version == 0 {
        return Err("no_type_version");
    }
    instr.set_cache_u32(1, version);
    Ok(CALL_PY_CLASS)
}

/// Whether `func` is a Python function this loop can run with `nargs` positional arguments
/// (self first): no `*args`, `**kwargs` or keyword-only parameters, defaults covering what
/// `nargs` leaves, and neither a generator nor a coroutine (for `__init__`, whose result the
/// caller checks, and `__getitem__`).
#[inline(always)]
pub(super) fn runs_here_with(func: &Obj, nargs: usize) -> bool {
    use crate::cpython::objects::{CO_ASYNC_GENERATOR, CO_COROUTINE, CO_GENERATOR};
    if !func.is_exact_function() {
        return false;
    }
    let (code, defaults, _) = function_parts(func);
    let excluded = CO_VARARGS | CO_VARKEYWORDS | CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR;
    let flags = code.flags();
    if flags & excluded as u32 != 0 || flags & CO_OPTIMIZED as u32 == 0 {
        return false;
    }
    let argcount = code.argcount();
    let ndefaults = defaults.map_or(0, api::tuple_len).min(argcount);
    code.kwonlyargcount() == 0
        && nargs <= argcount
        && nargs + ndefaults >= argcount
        && can_inline(code)
}

/// `CALL_PY_CLASS`: the class still has its version (so `object.__new__` and its `__init__`
/// function are the ones checked); the `__init__` function, checked again since functions
/// change without their class, runs in this loop on a new instance, which the caller finds on
/// its stack once `__init__` returned None (`Exec::return_to_caller`). The C-level call that
/// 3.11's `_PyObject_MakeTpCall` counts before the class runs is counted here too, so that
/// recursion through `__init__` fails at the same depth with the same message.
#[inline(always)]
pub(in crate::eval) fn call_py_class(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    let (is_meth, total) = shape(c, oparg);
    let instr = c.instr();
    let class = c.peek(total + 1);
    let init = (!is_meth
        && ex.kwnames.is_none()
        && ex.recording.is_none()
        && class.is_type()
        && ccall::class_version(class) == instr.cache_u32(1))
    .then(|| ccall::python_init(class))
    .flatten()
    .filter(|init| runs_here_with(init, total + 1));
    let Some(init) = init else {
        miss(instr, CALL, CALL_ADAPTIVE);
        return generic::outline(c, ex, oparg, generic::call);
    };
    hit(CALL);
    let init = init.to_owned();
    ex.thread
        .enter_call_with(c" while calling a Python object")?;
    let instance = match ccall::alloc_instance(c.peek(total + 1)) {
        Ok(instance) => instance,
        Err(Raised) => {
            ex.thread.leave_call();
            return Err(Raised);
        }
    };
    match c.push_init_frame(ex.thread, &init, instance, total) {
        Ok(frame) => match ex.start_callee(c, frame, true) {
            Ok(()) => next(),
            Err(Raised) => Ok(Flow::EntryFailed),
        },
        Err(Raised) => {
            ex.thread.leave_call();
            Err(Raised)
        }
    }
}

#[inline(always)]
pub(in crate::eval) fn call_adaptive(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    let (_, total) = shape(c, oparg);
    let callable = c.peek(total + 1);
    let keywords = ex.kwnames.is_some();
    let instr = c.instr();
    adapt(instr, CALL, move || {
        choose_call(instr, callable, total, keywords)
    });
    generic::outline(c, ex, oparg, generic::call)
}

/// `CALL_PY_EXACT_ARGS` and `CALL_PY_WITH_DEFAULTS`: the function's version guards its code
/// and defaults; the frame is pushed with the arguments moved into it (defaults after them).
#[inline(always)]
fn call_py(c: &mut Cursor, ex: &mut Exec, oparg: u32, exact: bool) -> Step {
    let (is_meth, total) = shape(c, oparg);
    let instr = c.instr();
    let callable = c.peek(total + 1);
    let guard = ex.kwnames.is_none()
        && callable.is_exact_function()
        && ccall::function_version(callable) == instr.cache_u32(1)
        && (exact || total >= usize::from(instr.cache(3)));
    if guard {
        if let Some(pushed) = c.push_call_frame(ex.thread, total, is_meth) {
            hit(CALL);
            return enter_in_loop(c, ex, pushed?);
        }
    }
    miss(instr, CALL, CALL_ADAPTIVE);
    generic::outline(c, ex, oparg, generic::call)
}

#[inline(always)]
pub(in crate::eval) fn call_py_exact_args(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    call_py(c, ex, oparg, true)
}

#[inline(always)]
pub(in crate::eval) fn call_py_with_defaults(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    call_py(c, ex, oparg, false)
}

// --- PRECALL ----------------------------------------------------------------------------------

/// What `PRECALL_ADAPTIVE` looks at besides the callable.
#[derive(Clone, Copy)]
struct PrecallSite {
    oparg: u32,
    total: usize,
    keywords: bool,
    /// The instruction after this one (and its cache) is a `CALL`.
    call_follows: bool,
    /// The instruction after that `CALL` is a `POP_TOP` (`list.append` as a statement).
    pop_follows: bool,
}

fn choose_cfunction(callable: &Obj, flags: c_int, site: PrecallSite) -> Choice {
    match flags & ccall::CALL_FLAGS {
        ffi::METH_O => {
            if site.keywords {
                Err("kwnames")
            } else if site.total != 1 {
                Err("wrong_number_arguments")
            } else if ccall::identify_len(callable) {
                Ok(PRECALL_NO_KW_LEN)
            } else {
                Ok(PRECALL_NO_KW_BUILTIN_O)
            }
        }
        ffi::METH_FASTCALL => {
            if site.keywords {
                Err("kwnames")
            } else if site.total == 2 && ccall::identify_isinstance(callable) {
                Ok(PRECALL_NO_KW_ISINSTANCE)
            } else {
                Ok(PRECALL_NO_KW_BUILTIN_FAST)
            }
        }
        f if f == ffi::METH_FASTCALL | ffi::METH_KEYWORDS => Ok(PRECALL_BUILTIN_FAST_WITH_KEYWORDS),
        _ => Err("builtin_other_convention"),
    }
}

fn choose_class(ty: &Obj, site: PrecallSite) -> Choice {
    let (immutable, vectorcall, object_new) = ccall::class_call_facts(ty);
    if object_new {
        return Err("python_class");
    }
    if !immutable {
        return Err("class_mutable");
    }
    if site.total == 1 && !site.keywords && site.oparg == 1 {
        let is = |t: *mut ffi::PyTypeObject| ty.as_ptr() == t.cast();
        if is(std::ptr::addr_of_mut!(ffi::PyUnicode_Type)) {
            return Ok(PRECALL_NO_KW_STR_1);
        }
        if is(std::ptr::addr_of_mut!(ffi::PyType_Type)) {
            return Ok(PRECALL_NO_KW_TYPE_1);
        }
        if is(std::ptr::addr_of_mut!(ffi::PyTuple_Type)) {
            return Ok(PRECALL_NO_KW_TUPLE_1);
        }
    }
    if vectorcall {
        Ok(PRECALL_BUILTIN_CLASS)
    } else {
        Err("class_no_vectorcall")
    }
}

fn choose_method_descr(descr: &Obj, flags: c_int, site: PrecallSite) -> Choice {
    if site.keywords && flags & ccall::CALL_FLAGS != ffi::METH_FASTCALL | ffi::METH_KEYWORDS {
        return Err("kwnames");
    }
    match flags & ccall::CALL_FLAGS {
        ffi::METH_NOARGS if site.total == 1 => Ok(PRECALL_NO_KW_METHOD_DESCRIPTOR_NOARGS),
        ffi::METH_O if site.total == 2 => {
            if site.oparg == 1 && site.pop_follows && ccall::identify_list_append(descr) {
                Ok(PRECALL_NO_KW_LIST_APPEND)
            } else {
                Ok(PRECALL_NO_KW_METHOD_DESCRIPTOR_O)
            }
        }
        ffi::METH_NOARGS | ffi::METH_O => Err("wrong_number_arguments"),
        ffi::METH_FASTCALL => Ok(PRECALL_NO_KW_METHOD_DESCRIPTOR_FAST),
        f if f == ffi::METH_FASTCALL | ffi::METH_KEYWORDS => {
            Ok(PRECALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS)
        }
        _ => Err("method_descriptor_other_convention"),
    }
}

fn choose_precall(callable: &Obj, site: PrecallSite) -> Choice {
    if callable.is_exact_function() {
        return Ok(PRECALL_PYFUNC);
    }
    if callable.is_exact_method() {
        return Ok(PRECALL_BOUND_METHOD);
    }
    // The remaining forms make the call and skip the CALL after this instruction.
    if !site.call_follows {
        return Err("not_followed_by_call");
    }
    if let Some(flags) = ccall::cfunction_flags(callable) {
        choose_cfunction(callable, flags, site)
    } else if callable.is_type() {
        choose_class(callable, site)
    } else if let Some((flags, _)) = ccall::method_descr_parts(callable) {
        choose_method_descr(callable, flags, site)
    } else {
        Err("other_callable")
    }
}

#[inline(always)]
pub(in crate::eval) fn precall_adaptive(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    let (_, total) = shape(c, oparg);
    let (after, _) = c.peek_next_unit_after_cache(1);
    let (after_call, _) = c.peek_next_unit_after_cache(1 + SKIP_CALL);
    let site = PrecallSite {
        oparg,
        total,
        keywords: ex.kwnames.is_some(),
        call_follows: base_opcode(after) == CALL,
        pop_follows: base_opcode(after_call) == POP_TOP,
    };
    let callable = c.peek(total + 1);
    adapt(c.instr(), PRECALL, move || choose_precall(callable, site));
    generic::precall(c, ex, oparg)
}

#[inline(always)]
fn precall_miss(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    miss(c.instr(), PRECALL, PRECALL_ADAPTIVE);
    generic::precall(c, ex, oparg)
}

/// `obj.meth(…)` through a bound method object: unpacks it into function and self (what the
/// generic `PRECALL` does), so that `CALL` sees a plain function.
#[inline(always)]
pub(in crate::eval) fn precall_bound_method(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    let n = oparg as usize;
    if c.peek_opt(n + 2).is_some() || !c.peek(n + 1).is_exact_method() {
        return precall_miss(c, ex, oparg);
    }
    hit(PRECALL);
    generic::precall(c, ex, oparg)
}

#[inline(always)]
pub(in crate::eval) fn precall_pyfunc(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    let (_, total) = shape(c, oparg);
    if !c.peek(total + 1).is_exact_function() {
        return precall_miss(c, ex, oparg);
    }
    hit(PRECALL);
    next()
}

/// A `PRECALL` form that makes the call itself: `call` gets the callable, the arguments
/// (self first when is_meth; keyword values last) and the keyword names, and gives the result
/// (`None` = guard failed: the generic `PRECALL` runs). Then the `CALL` after it is skipped.
#[inline(always)]
fn calling_form(
    c: &mut Cursor,
    ex: &mut Exec,
    oparg: u32,
    keywords_allowed: bool,
    call: impl FnOnce(&Obj, &[&Obj], Option<&Obj>) -> Option<PyResult<Owned>>,
) -> Step {
    let (is_meth, total) = shape(c, oparg);
    let kwnames = ex.kwnames.map(|i| c.constant(i as usize));
    let outcome = match kwnames {
        // More names than values: bad bytecode, which the generic CALL reports.
        Some(names) if !keywords_allowed || api::tuple_len(names) > total => None,
        _ => call(c.peek(total + 1), c.top_n(total), kwnames),
    };
    let Some(result) = outcome else {
        return precall_miss(c, ex, oparg);
    };
    hit(PRECALL);
    ex.kwnames = None;
    c.skip(SKIP_CALL);
    c.drop_n(total + 2 - usize::from(is_meth));
    c.push(result?);
    generic::check_eval_breaker(ex)
}

fn is_static_type(obj: &Obj, ty: *mut ffi::PyTypeObject) -> bool {
    obj.as_ptr() == ty.cast()
}

#[inline(always)]
pub(in crate::eval) fn precall_no_kw_type_1(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    calling_form(c, ex, oparg, false, |callable, args, _| {
        let ty = std::ptr::addr_of_mut!(ffi::PyType_Type);
        (oparg == 1 && args.len() == 1 && is_static_type(callable, ty))
            .then(|| Ok(args[0].type_obj().to_owned()))
    })
}

#[inline(always)]
pub(in crate::eval) fn precall_no_kw_str_1(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    calling_form(c, ex, oparg, false, |callable, args, _| {
        let ty = std::ptr::addr_of_mut!(ffi::PyUnicode_Type);
        (oparg == 1 && args.len() == 1 && is_static_type(callable, ty)).then(|| api::str(args[0]))
    })
}

#[inline(always)]
pub(in crate::eval) fn precall_no_kw_tuple_1(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    calling_form(c, ex, oparg, false, |callable, args, _| {
        let ty = std::ptr::addr_of_mut!(ffi::PyTuple_Type);
        (oparg == 1 && args.len() == 1 && is_static_type(callable, ty))
            .then(|| api::sequence_tuple(args[0]))
    })
}

#[inline(always)]
pub(in crate::eval) fn precall_builtin_class(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    calling_form(c, ex, oparg, true, |callable, args, kwnames| {
        if !callable.is_type() {
            return None;
        }
        ccall::call_class_vectorcall(callable, args, kwnames)
    })
}

#[inline(always)]
pub(in crate::eval) fn precall_no_kw_builtin_o(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    calling_form(c, ex, oparg, false, |callable, args, _| {
        (args.len() == 1 && ccall::cfunction_flags(callable) == Some(ffi::METH_O))
            .then(|| ccall::call_cfunction_o(callable, args[0]))
    })
}

#[inline(always)]
pub(in crate::eval) fn precall_no_kw_builtin_fast(
    c: &mut Cursor,
    ex: &mut Exec,
    oparg: u32,
) -> Step {
    calling_form(c, ex, oparg, false, |callable, args, _| {
        (ccall::cfunction_flags(callable) == Some(ffi::METH_FASTCALL))
            .then(|| ccall::call_cfunction_fast(callable, args))
    })
}

#[inline(always)]
pub(in crate::eval) fn precall_builtin_fast_with_keywords(
    c: &mut Cursor,
    ex: &mut Exec,
    oparg: u32,
) -> Step {
    calling_form(c, ex, oparg, true, |callable, args, kwnames| {
        (ccall::cfunction_flags(callable) == Some(ffi::METH_FASTCALL | ffi::METH_KEYWORDS))
            .then(|| ccall::call_cfunction_fast_kw(callable, args, kwnames))
    })
}

#[inline(always)]
pub(in crate::eval) fn precall_no_kw_len(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    calling_form(c, ex, oparg, false, |callable, args, _| {
        (args.len() == 1 && ccall::is_len(callable))
            .then(|| api::len(args[0]).and_then(|n| api::int_from_i64(n as i64)))
    })
}

#[inline(always)]
pub(in crate::eval) fn precall_no_kw_isinstance(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    calling_form(c, ex, oparg, false, |callable, args, _| {
        (args.len() == 2 && ccall::is_isinstance(callable))
            .then(|| api::is_instance(args[0], args[1]).map(Owned::bool))
    })
}

/// `list.append(x)` as a statement: appends and skips the `CALL` and the `POP_TOP` after it.
#[inline(always)]
pub(in crate::eval) fn precall_no_kw_list_append(
    c: &mut Cursor,
    ex: &mut Exec,
    oparg: u32,
) -> Step {
    let guard = oparg == 1
        && ex.kwnames.is_none()
        && c.peek_opt(3).is_some_and(ccall::is_list_append)
        && c.peek(2).is_list();
    if !guard {
        return precall_miss(c, ex, oparg);
    }
    hit(PRECALL);
    c.skip(SKIP_CALL + 1);
    let item = c.pop();
    let result = api::list_append(c.top(), &item);
    drop(item);
    c.drop_n(2);
    result?;
    next()
}

/// The method descriptor and its self (the first argument, of the descriptor's exact type)
/// when `callable` is an exact method descriptor with calling convention `flags`.
fn descr_self<'a>(callable: &Obj, args: &[&'a Obj], flags: c_int) -> Option<&'a Obj> {
    let (actual, ty) = ccall::method_descr_parts(callable)?;
    let self_ = *args.first()?;
    (actual == flags && self_.type_ptr() == ty).then_some(self_)
}

#[inline(always)]
pub(in crate::eval) fn precall_no_kw_method_descriptor_o(
    c: &mut Cursor,
    ex: &mut Exec,
    oparg: u32,
) -> Step {
    calling_form(c, ex, oparg, false, |callable, args, _| {
        let self_ = descr_self(callable, args, ffi::METH_O).filter(|_| args.len() == 2)?;
        Some(ccall::call_descr_o(callable, self_, args[1]))
    })
}

#[inline(always)]
pub(in crate::eval) fn precall_no_kw_method_descriptor_noargs(
    c: &mut Cursor,
    ex: &mut Exec,
    oparg: u32,
) -> Step {
    calling_form(c, ex, oparg, false, |callable, args, _| {
        let self_ = descr_self(callable, args, ffi::METH_NOARGS).filter(|_| args.len() == 1)?;
        Some(ccall::call_descr_noargs(callable, self_))
    })
}

#[inline(always)]
pub(in crate::eval) fn precall_no_kw_method_descriptor_fast(
    c: &mut Cursor,
    ex: &mut Exec,
    oparg: u32,
) -> Step {
    calling_form(c, ex, oparg, false, |callable, args, _| {
        let self_ = descr_self(callable, args, ffi::METH_FASTCALL)?;
        Some(ccall::call_descr_fast(
            callable,
            self_,
            &args[1..],
            None,
            false,
        ))
    })
}

#[inline(always)]
pub(in crate::eval) fn precall_method_descriptor_fast_with_keywords(
    c: &mut Cursor,
    ex: &mut Exec,
    oparg: u32,
) -> Step {
    calling_form(c, ex, oparg, true, |callable, args, kwnames| {
        let nkw = kwnames.map_or(0, api::tuple_len);
        if args.len() <= nkw {
            return None; // self must be positional
        }
        let self_ = descr_self(callable, args, ffi::METH_FASTCALL | ffi::METH_KEYWORDS)?;
        Some(ccall::call_descr_fast(
            callable,
            self_,
            &args[1..],
            kwnames,
            true,
        ))
    })
}
