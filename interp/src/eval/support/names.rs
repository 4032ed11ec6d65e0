//! The errors of name lookups: ceval.c's `format_exc_check_arg` with `NAME_ERROR_MSG`,
//! `UNBOUNDLOCAL_ERROR_MSG` and `UNBOUNDFREE_ERROR_MSG`, and `format_exc_unbound`.

use crate::cpython::cursor::CodeRef;
use crate::cpython::exc;
use crate::cpython::object::{self, Obj, Raised};

use super::message::{c_str, raise_formatted, text};

/// NameError "name 'x' is not defined", with the exception's `name` attribute set to `name`
/// (which the traceback printer uses for "Did you mean" suggestions).
pub fn name_error(name: &Obj) -> Raised {
    format_exc_check_arg(exc::name_error(), name, |n| {
        format!("name '{}' is not defined", c_str(n, Some(200)))
    })
}

/// UnboundLocalError for the local variable `name`.
pub fn unbound_local_error(name: &Obj) -> Raised {
    format_exc_check_arg(exc::unbound_local_error(), name, unbound_local_message)
}

/// The error for reading an empty cell or free variable: slot `index` of `code`'s
/// locals-plus. A cell of this code raises UnboundLocalError, a free variable NameError. An
/// exception already being raised is left alone.
pub fn unbound_deref_error(code: &Obj, index: usize) -> Raised {
    if object::error_occurred() {
        return Raised;
    }
    let code = CodeRef::new(code);
    let name = object::tuple_item(code.localsplus_names(), index);
    if index < code.nplaincellvars() + code.nlocals() {
        format_exc_check_arg(exc::unbound_local_error(), name, unbound_local_message)
    } else {
        format_exc_check_arg(exc::name_error(), name, |n| {
            format!(
                "cannot access free variable '{}' where it is not associated with a value in \
                 enclosing scope",
                c_str(n, None)
            )
        })
    }
}

fn unbound_local_message(name: &str) -> String {
    format!(
        "cannot access local variable '{}' where it is not associated with a value",
        c_str(name, None)
    )
}

/// Raises `exc` with the message made from the UTF-8 text of `name`; for exactly NameError,
/// also sets the exception's `name` attribute. If `name` cannot be encoded, that error is
/// what is raised.
fn format_exc_check_arg(exc: &Obj, name: &Obj, message: impl FnOnce(&str) -> String) -> Raised {
    let Ok(name_text) = object::str_to_string(name) else {
        return Raised;
    };
    raise_formatted(exc, || text(&message(&name_text)));
    if exc.is(exc::name_error()) {
        // The fresh exception is a NameError whose `name` is unset: set it, ignoring failure
        // (the NameError is raised either way).
        if let Some(value) = object::fetch_normalized() {
            let set = object::intern_static(c"name")
                .and_then(|attr| object::setattr(&value, &attr, name));
            if set.is_err() {
                object::clear_error();
            }
            object::restore_exception(value);
        }
    }
    Raised
}
