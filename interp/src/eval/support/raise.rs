//! `RAISE_VARARGS` (ceval.c's `do_raise`) and `CHECK_EXC_MATCH`'s check of the `except` target
//! (`check_except_type_valid`).

use crate::cpython::capi;
use crate::cpython::exc;
use crate::cpython::object::{self, Obj, Owned, PyResult, Raised};
use crate::cpython::runtime::Thread;

use super::message::{concat, raise_formatted, raise_text, Piece};

/// `CANNOT_CATCH_MSG`.
const CANNOT_CATCH: &str = "catching classes that do not inherit from BaseException is not allowed";

/// `raise`, `raise exc` and `raise exc from cause`. Always leaves an exception set; returns
/// true for a bare `raise` that re-raised the exception being handled (the evaluator then adds
/// no traceback entry for this frame, as ceval's `goto exception_unwind`).
pub fn do_raise(thread: Thread, exc: Option<Owned>, cause: Option<Owned>) -> bool {
    let Some(exc) = exc else {
        match capi::topmost_handled_exception(thread) {
            Some(value) => {
                object::restore_exception(value);
                return true;
            }
            None => {
                raise_text(exc::runtime_error(), "No active exception to reraise");
                return false;
            }
        }
    };
    let Ok((ty, value)) = exception_and_class(exc) else {
        return false;
    };
    if let Some(cause) = cause {
        let fixed_cause = if capi::is_exception_class(&cause) {
            match object::call_args(&cause, &[]) {
                Ok(instance) => Some(instance),
                Err(Raised) => return false,
            }
        } else if capi::is_exception_instance(&cause) {
            Some(cause)
        } else if cause.is_none() {
            None
        } else {
            raise_text(
                exc::type_error(),
                "exception causes must derive from BaseException",
            );
            return false;
        };
        capi::set_exception_cause(&value, fixed_cause);
    }
    object::raise_object(&ty, &value);
    false
}

/// The class to raise and the instance for `raise exc`: a class is called with no arguments
/// (and stays the class raised, whatever it returned), an instance is raised with its class.
fn exception_and_class(exc: Owned) -> PyResult<(Owned, Owned)> {
    if capi::is_exception_class(&exc) {
        let value = object::call_args(&exc, &[])?;
        if !capi::is_exception_instance(&value) {
            return Err(raise_formatted(exc::type_error(), || {
                let class = object::repr(&exc)?;
                let returned = object::repr(value.type_obj())?;
                concat(&[
                    Piece::Text("calling "),
                    Piece::Str(&class),
                    Piece::Text(" should have returned an instance of BaseException, not "),
                    Piece::Str(&returned),
                ])
            }));
        }
        Ok((exc, value))
    } else if capi::is_exception_instance(&exc) {
        Ok((exc.type_obj().to_owned(), exc))
    } else {
        Err(raise_text(
            exc::type_error(),
            "exceptions must derive from BaseException",
        ))
    }
}

/// The target of an `except` clause must be an exception class or a tuple of them.
pub fn check_except_type_valid(right: &Obj) -> PyResult<()> {
    let valid = if right.is_tuple() {
        (0..object::tuple_len(right))
            .all(|i| capi::is_exception_class(object::tuple_item(right, i)))
    } else {
        capi::is_exception_class(right)
    };
    if valid {
        Ok(())
    } else {
        Err(raise_text(exc::type_error(), CANNOT_CATCH))
    }
}
