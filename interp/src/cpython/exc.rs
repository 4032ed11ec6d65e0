//! CPython's built-in exception classes, borrowed for the life of the interpreter.

use pyo3_ffi as ffi;

use super::object::{Obj, Owned};

macro_rules! exception_classes {
    ($($fn_name:ident => $symbol:ident,)*) => {
        $(
            pub fn $fn_name() -> &'static Obj {
                // SAFETY: libpython sets the class pointer at initialization and the class lives
                // as long as the interpreter.
                unsafe { Obj::from_ptr(ffi::$symbol) }
            }
        )*
    };
}

exception_classes! {
    system_error => PyExc_SystemError,
    type_error => PyExc_TypeError,
    name_error => PyExc_NameError,
    unbound_local_error => PyExc_UnboundLocalError,
    runtime_error => PyExc_RuntimeError,
    value_error => PyExc_ValueError,
    key_error => PyExc_KeyError,
    attribute_error => PyExc_AttributeError,
    stop_iteration => PyExc_StopIteration,
    stop_async_iteration => PyExc_StopAsyncIteration,
    import_error => PyExc_ImportError,
    index_error => PyExc_IndexError,
    assertion_error => PyExc_AssertionError,
    recursion_error => PyExc_RecursionError,
    generator_exit => PyExc_GeneratorExit,
}

/// A new reference to `AssertionError` (LOAD_ASSERTION_ERROR).
pub fn assertion_error_class() -> Owned {
    assertion_error().to_owned()
}
