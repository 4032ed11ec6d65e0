//! Awaiting: Objects/genobject.c's `_PyCoro_GetAwaitableIter` and `_PyGen_yf`, and ceval.c's
//! `format_awaitable_error` (`GET_AWAITABLE`, `GET_ANEXT`).

use crate::cpython::capi;
use crate::cpython::exc;
use crate::cpython::frame::FRAME_CLEARED;
use crate::cpython::object::{self, Obj, Owned, PyResult};
use crate::cpython::opcode;

use super::message::{c_str, raise_formatted, raise_text, text};

/// The iterator that `await obj` drives: a coroutine (or a `types.coroutine` generator) itself,
/// otherwise what `obj.__await__()` returns, which must be an iterator and not a coroutine.
pub fn get_awaitable_iter(obj: &Obj) -> PyResult<Owned> {
    if is_coroutine(obj) {
        return Ok(obj.to_owned());
    }
    let Some(result) = capi::call_await_slot(obj) else {
        let type_name = c_str(&capi::type_name_of(obj), Some(100));
        return Err(raise_formatted(exc::type_error(), || {
            text(&format!(
                "object {type_name} can't be used in 'await' expression"
            ))
        }));
    };
    let iter = result?;
    if is_coroutine(&iter) {
        return Err(raise_text(
            exc::type_error(),
            "__await__() returned a coroutine",
        ));
    }
    if !object::is_iterator(&iter) {
        let type_name = c_str(&capi::type_name_of(&iter), Some(100));
        return Err(raise_formatted(exc::type_error(), || {
            text(&format!(
                "__await__() returned non-iterator of type '{type_name}'"
            ))
        }));
    }
    Ok(iter)
}

/// A coroutine object, or a generator made a coroutine by `types.coroutine`.
fn is_coroutine(obj: &Obj) -> bool {
    capi::is_exact_coroutine(obj) || capi::is_iterable_coroutine(obj)
}

/// `GET_AWAITABLE`'s message when the result of `__aenter__` (`oparg` 1) or `__aexit__`
/// (`oparg` 2) of an `async with` is not awaitable; `obj_type` is that result's type. Leaves
/// the exception set by [`get_awaitable_iter`] otherwise.
pub fn format_awaitable_error(obj_type: &Obj, oparg: u32) {
    if capi::type_has_await(obj_type) {
        return;
    }
    let method = match oparg {
        1 => "__aenter__",
        2 => "__aexit__",
        _ => return,
    };
    let type_name = c_str(&capi::type_name(obj_type), Some(100));
    raise_formatted(exc::type_error(), || {
        text(&format!(
            "'async with' received an object from {method} that does not implement __await__: \
             {type_name}"
        ))
    });
}

/// What a generator, coroutine or async generator is delegating to (`yield from` / `await`):
/// the value on top of its suspended frame's stack when the next instruction is the `RESUME`
/// after a `SEND`'s yield (oparg 2 or more); `None` otherwise, or for other objects.
pub fn gen_yf(gen: &Obj) -> Option<Owned> {
    let frame = capi::gen_frame(gen)?;
    if frame.state() >= FRAME_CLEARED {
        return None;
    }
    let unit = frame.next_code_unit()?;
    let (op, arg) = ((unit & 0xff) as u8, unit >> 8);
    if opcode::deopt(op) != opcode::RESUME || arg < 2 {
        return None;
    }
    frame.stack_top()
}
