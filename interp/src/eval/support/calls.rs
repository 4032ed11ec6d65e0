//! The error rewriting of the call and container instructions: ceval.c's
//! `format_kwargs_error` (`DICT_MERGE`, `CALL_FUNCTION_EX`), `check_args_iterable`
//! (`CALL_FUNCTION_EX`), and the messages of `LIST_EXTEND` and `DICT_UPDATE`.

use crate::cpython::capi;
use crate::cpython::exc;
use crate::cpython::object::{self, Obj, PyResult};

use super::message::{c_str, concat, raise_formatted, text, Piece};

/// Rewrites the exception set by merging `**kwargs` into a call's keyword dict: an
/// AttributeError (no `keys`) becomes "argument after ** must be a mapping", and a KeyError
/// from a duplicate key becomes "got multiple values for keyword argument". A KeyError that was
/// already normalized (raised while another exception was being handled) stays as it is, as in
/// CPython.
pub fn format_kwargs_error(func: &Obj, kwargs: &Obj) {
    if object::error_matches(exc::attribute_error()) {
        object::clear_error();
        let Ok(func_str) = capi::function_str(func) else {
            return;
        };
        let type_name = c_str(&capi::type_name_of(kwargs), Some(200));
        raise_formatted(exc::type_error(), || {
            concat(&[
                Piece::Str(&func_str),
                Piece::Text(&format!(
                    " argument after ** must be a mapping, not {type_name}"
                )),
            ])
        });
    } else if object::error_matches(exc::key_error()) {
        let Some(error) = capi::fetch_error() else {
            return;
        };
        let key = match &error.value {
            Some(args) if args.is_tuple() && object::tuple_len(args) == 1 => {
                object::tuple_item(args, 0).to_owned()
            }
            _ => return capi::restore_error(error),
        };
        let Ok(func_str) = capi::function_str(func) else {
            return;
        };
        raise_formatted(exc::type_error(), || {
            let key = object::str(&key)?;
            concat(&[
                Piece::Str(&func_str),
                Piece::Text(" got multiple values for keyword argument '"),
                Piece::Str(&key),
                Piece::Text("'"),
            ])
        });
    }
}

/// `f(*args)` needs `args` to be iterable: raises "argument after * must be an iterable" for a
/// type with neither `__iter__` nor `__getitem__` (clearing any exception already set).
pub fn check_args_iterable(func: &Obj, args: &Obj) -> PyResult<()> {
    if capi::has_iter_slot(args) || capi::is_sequence(args) {
        return Ok(());
    }
    object::clear_error();
    let func_str = capi::function_str(func)?;
    let type_name = c_str(&capi::type_name_of(args), Some(200));
    Err(raise_formatted(exc::type_error(), || {
        concat(&[
            Piece::Str(&func_str),
            Piece::Text(&format!(
                " argument after * must be an iterable, not {type_name}"
            )),
        ])
    }))
}

/// Rewrites the TypeError of `[*x]` (`LIST_EXTEND`) for a non-iterable `x`.
pub fn list_extend_error(iterable: &Obj) {
    if object::error_matches(exc::type_error())
        && !capi::has_iter_slot(iterable)
        && !capi::is_sequence(iterable)
    {
        let type_name = c_str(&capi::type_name_of(iterable), Some(200));
        raise_formatted(exc::type_error(), || {
            text(&format!(
                "Value after * must be an iterable, not {type_name}"
            ))
        });
    }
}

/// Rewrites the AttributeError of `{**x}` (`DICT_UPDATE`) for a non-mapping `x`.
pub fn dict_update_error(update: &Obj) {
    if object::error_matches(exc::attribute_error()) {
        let type_name = c_str(&capi::type_name_of(update), Some(200));
        raise_formatted(exc::type_error(), || {
            text(&format!("'{type_name}' object is not a mapping"))
        });
    }
}
