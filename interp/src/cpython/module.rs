//! The built-in `justjit` module, importable only under justjit: the JIT's state and
//! statistics as Python objects.

use std::ffi::{c_char, c_long, CString};
use std::ptr;
use std::sync::atomic::{AtomicBool, Ordering};

use pyo3_ffi as ffi;
use serde_json::Value;

use crate::stats;

static JIT_ENABLED: AtomicBool = AtomicBool::new(true);

/// Records whether the tracing JIT is on (`--no-jit` turns it off); `justjit.jit_enabled()`.
pub fn set_jit_enabled(enabled: bool) {
    JIT_ENABLED.store(enabled, Ordering::Relaxed);
}

/// Registers `justjit` in the table of built-in modules. Must run before initialization.
pub fn register_builtin() {
    // SAFETY: called once before Py_InitializeFromConfig, as PyImport_AppendInittab requires;
    // the name is a static NUL-terminated string.
    let status = unsafe { ffi::PyImport_AppendInittab(c"justjit".as_ptr(), Some(init_module)) };
    assert_eq!(status, 0, "PyImport_AppendInittab failed");
}

const DOC: &std::ffi::CStr = c"justjit's own state: statistics and switches of the running JIT.";

static mut METHODS: [ffi::PyMethodDef; 3] = [
    ffi::PyMethodDef {
        ml_name: c"stats".as_ptr(),
        ml_meth: ffi::PyMethodDefPointer {
            PyCFunction: stats_fn,
        },
        ml_flags: ffi::METH_NOARGS,
        ml_doc:
            c"stats()\n--\n\nThe JIT statistics as a dict (the --stats JSON layout, version 1)."
                .as_ptr(),
    },
    ffi::PyMethodDef {
        ml_name: c"jit_enabled".as_ptr(),
        ml_meth: ffi::PyMethodDefPointer {
            PyCFunction: jit_enabled_fn,
        },
        ml_flags: ffi::METH_NOARGS,
        ml_doc: c"jit_enabled()\n--\n\nFalse when justjit runs with --no-jit (interpreter only)."
            .as_ptr(),
    },
    ffi::PyMethodDef::zeroed(),
];

static mut MODULE_DEF: ffi::PyModuleDef = ffi::PyModuleDef {
    m_base: ffi::PyModuleDef_HEAD_INIT,
    m_name: c"justjit".as_ptr(),
    m_doc: DOC.as_ptr(),
    m_size: 0,
    m_methods: ptr::null_mut(),
    m_slots: ptr::null_mut(),
    m_traverse: None,
    m_clear: None,
    m_free: None,
};

extern "C" fn init_module() -> *mut ffi::PyObject {
    // SAFETY: called by CPython's import machinery with the GIL held, once per interpreter;
    // METHODS and MODULE_DEF are only touched here, and CPython keeps the pointers for the
    // life of the process as the static storage requires.
    unsafe {
        let def = ptr::addr_of_mut!(MODULE_DEF);
        (*def).m_methods = ptr::addr_of_mut!(METHODS).cast();
        let module = ffi::PyModule_Create(def);
        if module.is_null() {
            return module;
        }
        let version = CString::new(env!("CARGO_PKG_VERSION")).expect("version has no NUL");
        let value = ffi::PyUnicode_FromString(version.as_ptr());
        if value.is_null() || ffi::PyModule_AddObject(module, c"__version__".as_ptr(), value) < 0 {
            ffi::Py_XDECREF(value);
            ffi::Py_DECREF(module);
            return ptr::null_mut();
        }
        module
    }
}

extern "C" fn stats_fn(
    _module: *mut ffi::PyObject,
    _args: *mut ffi::PyObject,
) -> *mut ffi::PyObject {
    // SAFETY: called by CPython with the GIL held; `to_python` returns a new reference or
    // NULL with an exception set, which is what a METH_NOARGS function returns.
    unsafe { to_python(&stats::local().to_json()) }
}

extern "C" fn jit_enabled_fn(
    _module: *mut ffi::PyObject,
    _args: *mut ffi::PyObject,
) -> *mut ffi::PyObject {
    // SAFETY: called with the GIL held; PyBool_FromLong returns a new reference.
    unsafe { ffi::PyBool_FromLong(c_long::from(JIT_ENABLED.load(Ordering::Relaxed))) }
}

/// Converts a JSON value made of objects, integers, strings and booleans into a new Python
/// object. Returns NULL with a Python exception set on failure.
///
/// # Safety
/// The GIL must be held.
unsafe fn to_python(value: &Value) -> *mut ffi::PyObject {
    match value {
        Value::Null => {
            let none = ffi::Py_None();
            ffi::Py_INCREF(none);
            none
        }
        Value::Bool(b) => ffi::PyBool_FromLong(c_long::from(*b)),
        Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
            (Some(u), _, _) => ffi::PyLong_FromUnsignedLongLong(u),
            (None, Some(i), _) => ffi::PyLong_FromLongLong(i),
            (None, None, Some(f)) => ffi::PyFloat_FromDouble(f),
            _ => unreachable!("a JSON number is u64, i64 or f64"),
        },
        Value::String(s) => {
            ffi::PyUnicode_FromStringAndSize(s.as_ptr().cast::<c_char>(), s.len() as isize)
        }
        Value::Array(items) => {
            let list = ffi::PyList_New(0);
            if list.is_null() {
                return list;
            }
            for item in items {
                let obj = to_python(item);
                if obj.is_null() || ffi::PyList_Append(list, obj) < 0 {
                    ffi::Py_XDECREF(obj);
                    ffi::Py_DECREF(list);
                    return ptr::null_mut();
                }
                ffi::Py_DECREF(obj);
            }
            list
        }
        Value::Object(map) => {
            let dict = ffi::PyDict_New();
            if dict.is_null() {
                return dict;
            }
            for (key, item) in map {
                let obj = to_python(item);
                let key = CString::new(key.as_str()).expect("stats keys have no NUL");
                if obj.is_null() || ffi::PyDict_SetItemString(dict, key.as_ptr(), obj) < 0 {
                    ffi::Py_XDECREF(obj);
                    ffi::Py_DECREF(dict);
                    return ptr::null_mut();
                }
                ffi::Py_DECREF(obj);
            }
            dict
        }
    }
}
