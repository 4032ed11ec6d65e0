//! Checks `eval::support` against CPython 3.11 itself, in an embedded interpreter.
//!
//! The test exposes each support function to Python as a function of a `support_under_test`
//! module, the way the evaluator's instruction would call it, and runs Python snippets that
//! compare its outcome with the outcome of the real statement run by CPython's own evaluator:
//! the same values, or an exception of the same type with the same message (and the same
//! `name`/`path`/cause/context where the statement sets them).

use std::ffi::CString;
use std::ptr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Once;

use pyo3_ffi as ffi;
use pyo3_ffi::PyObject;

use justjit_interp::cpython::capi;
use justjit_interp::cpython::cursor::FramePtr;
use justjit_interp::cpython::object::{self, Obj, Owned, PyResult, Raised};
use justjit_interp::cpython::objects::PyGenObject;
use justjit_interp::cpython::runtime::Thread;
use justjit_interp::cpython::state::PyThreadState;

/// The library's `cpython` layer, where `support`'s `crate::cpython` paths look for it.
mod cpython {
    pub use justjit_interp::cpython::*;
}

/// `eval::support` is private to the library: the test compiles the same source files.
#[path = "../src/eval/support/mod.rs"]
mod support;

// --- the functions under test, as Python sees them ----------------------------------------

/// The functions under test, wrapped as `support_under_test`'s functions.
mod handlers {
    use super::*;

    /// What the last `do_raise` call returned.
    pub(super) static LAST_RERAISED: AtomicBool = AtomicBool::new(false);

    pub(super) fn thread() -> Thread {
        // SAFETY: the handlers run with the GIL held, on the thread whose state is current.
        unsafe { Thread::new(PyThreadState::current()) }
    }

    pub(super) fn usize_arg(obj: &Obj) -> PyResult<usize> {
        Ok(object::int_as_isize(obj)? as usize)
    }

    /// `do_raise(*args)`: no argument is a bare `raise`, one is `raise exc`, two `raise exc from
    /// cause`. Always raises; `last_reraised()` tells what `do_raise` returned.
    pub(super) fn do_raise(args: &[&Obj]) -> PyResult<Owned> {
        let exc = args.first().map(|e| (*e).to_owned());
        let cause = args.get(1).map(|c| (*c).to_owned());
        LAST_RERAISED.store(support::do_raise(thread(), exc, cause), Ordering::SeqCst);
        assert!(object::error_occurred(), "do_raise left no exception set");
        Err(Raised)
    }

    pub(super) fn last_reraised(_: &[&Obj]) -> PyResult<Owned> {
        Ok(Owned::bool(LAST_RERAISED.load(Ordering::SeqCst)))
    }

    /// `unpack(seq, before, after_or_None)`: the values in sequence order (the evaluator pushes
    /// them in reverse).
    pub(super) fn unpack(args: &[&Obj]) -> PyResult<Owned> {
        let after = if args[2].is_none() {
            None
        } else {
            Some(usize_arg(args[2])?)
        };
        let mut values = support::unpack_iterable(args[0], usize_arg(args[1])?, after)?;
        values.reverse();
        object::list_from_owned(values)
    }

    /// `import_name(generator, name, fromlist, level)`: IMPORT_NAME in the (unstarted) frame of
    /// `generator`.
    pub(super) fn import_name(args: &[&Obj]) -> PyResult<Owned> {
        assert!(
            capi::gen_frame(args[0]).is_some(),
            "import_name needs a generator"
        );
        // SAFETY: a live generator embeds a live, initialized frame (globals, builtins, code).
        let frame = unsafe { FramePtr::new(PyGenObject::iframe(args[0].as_ptr().cast())) };
        support::import_name(thread(), &frame, args[1], args[2], args[3])
    }

    pub(super) fn import_from(args: &[&Obj]) -> PyResult<Owned> {
        support::import_from(args[0], args[1])
    }

    pub(super) fn import_all_from(args: &[&Obj]) -> PyResult<Owned> {
        support::import_all_from(args[0], args[1])?;
        Ok(Owned::none())
    }

    /// `match_class(subject, cls, nargs, kwargs)`: a tuple of attributes, or None.
    pub(super) fn match_class(args: &[&Obj]) -> PyResult<Owned> {
        let attrs = support::match_class(args[0], args[1], usize_arg(args[2])?, args[3])?;
        Ok(attrs.unwrap_or_else(Owned::none))
    }

    pub(super) fn match_keys(args: &[&Obj]) -> PyResult<Owned> {
        support::match_keys(args[0], args[1])
    }

    pub(super) fn check_except_type_valid(args: &[&Obj]) -> PyResult<Owned> {
        support::check_except_type_valid(args[0])?;
        Ok(Owned::none())
    }

    /// `check_eg_match(exc_value, match_type)`: `(rest, match)`.
    pub(super) fn check_eg_match(args: &[&Obj]) -> PyResult<Owned> {
        let (rest, matched) = support::check_eg_match(args[0], args[1])?;
        object::tuple_from_owned(vec![rest, matched])
    }

    /// `set_exc_info(exc)`: what CHECK_EG_MATCH does with a match (`PyErr_SetExcInfo`).
    pub(super) fn set_exc_info(args: &[&Obj]) -> PyResult<Owned> {
        drop(thread().swap_handled_exception(args[0].to_owned()));
        Ok(Owned::none())
    }

    pub(super) fn prep_reraise_star(args: &[&Obj]) -> PyResult<Owned> {
        support::prep_reraise_star(args[0], args[1])
    }

    /// `call_kwargs(func, *mappings)`: `func(**m1, **m2, ...)` as CALL_FUNCTION_EX runs it
    /// after DICT_MERGE.
    pub(super) fn call_kwargs(args: &[&Obj]) -> PyResult<Owned> {
        let dict = object::new_dict()?;
        for mapping in &args[1..] {
            if object::dict_merge_unique(&dict, mapping).is_err() {
                support::format_kwargs_error(args[0], mapping);
                return Err(Raised);
            }
        }
        object::call(args[0], &*object::tuple_from(&[])?, Some(&dict))
    }

    /// `call_star(func, args)`: `func(*args)` as CALL_FUNCTION_EX runs it.
    pub(super) fn call_star(args: &[&Obj]) -> PyResult<Owned> {
        support::check_args_iterable(args[0], args[1])?;
        object::call(args[0], &*object::sequence_tuple(args[1])?, None)
    }

    /// `list_extend(list, iterable)`: LIST_EXTEND.
    pub(super) fn list_extend(args: &[&Obj]) -> PyResult<Owned> {
        if object::list_extend(args[0], args[1]).is_err() {
            support::list_extend_error(args[1]);
            return Err(Raised);
        }
        Ok(Owned::none())
    }

    /// `dict_update(dict, update)`: DICT_UPDATE.
    pub(super) fn dict_update(args: &[&Obj]) -> PyResult<Owned> {
        if object::dict_update(args[0], args[1]).is_err() {
            support::dict_update_error(args[1]);
            return Err(Raised);
        }
        Ok(Owned::none())
    }

    /// `get_awaitable(obj, oparg)`: GET_AWAITABLE, with its "being awaited already" check.
    pub(super) fn get_awaitable(args: &[&Obj]) -> PyResult<Owned> {
        let oparg = usize_arg(args[1])? as u32;
        let iter = match support::get_awaitable_iter(args[0]) {
            Ok(iter) => iter,
            Err(Raised) => {
                support::format_awaitable_error(args[0].type_obj(), oparg);
                return Err(Raised);
            }
        };
        if capi::is_exact_coroutine(&iter) && support::gen_yf(&iter).is_some() {
            let message = "coroutine is being awaited already";
            // SAFETY: reading an exception class pointer set at initialization.
            return Err(object::raise(
                justjit_interp::cpython::exc::runtime_error(),
                message,
            ));
        }
        Ok(iter)
    }

    pub(super) fn gen_yf(args: &[&Obj]) -> PyResult<Owned> {
        Ok(support::gen_yf(args[0]).unwrap_or_else(Owned::none))
    }

    pub(super) fn name_error(args: &[&Obj]) -> PyResult<Owned> {
        Err(support::name_error(args[0]))
    }

    pub(super) fn unbound_local_error(args: &[&Obj]) -> PyResult<Owned> {
        Err(support::unbound_local_error(args[0]))
    }

    pub(super) fn unbound_deref_error(args: &[&Obj]) -> PyResult<Owned> {
        Err(support::unbound_deref_error(args[0], usize_arg(args[1])?))
    }
}

// --- the harness -----------------------------------------------------------------------------

type Handler = fn(&[&Obj]) -> PyResult<Owned>;

/// Makes a `METH_VARARGS` C function calling a handler with the argument tuple's items.
macro_rules! python_functions {
    ($($name:ident),* $(,)?) => {
        const FUNCTIONS: &[(&str, ffi::PyCFunction)] = &[$(
            (stringify!($name), {
                unsafe extern "C" fn trampoline(_: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
                    call_handler(handlers::$name, args)
                }
                trampoline
            }),
        )*];
    };
}

python_functions!(
    do_raise,
    last_reraised,
    unpack,
    import_name,
    import_from,
    import_all_from,
    match_class,
    match_keys,
    check_except_type_valid,
    check_eg_match,
    set_exc_info,
    prep_reraise_star,
    call_kwargs,
    call_star,
    list_extend,
    dict_update,
    get_awaitable,
    gen_yf,
    name_error,
    unbound_local_error,
    unbound_deref_error,
);

fn call_handler(handler: Handler, args: *mut PyObject) -> *mut PyObject {
    // SAFETY: CPython passes the argument tuple of a METH_VARARGS call, alive for the call.
    let args = unsafe { Obj::from_ptr(args) };
    let items: Vec<&Obj> = (0..object::tuple_len(args))
        .map(|i| object::tuple_item(args, i))
        .collect();
    match handler(&items) {
        Ok(value) => value.into_raw(),
        Err(Raised) => ptr::null_mut(),
    }
}

static INIT: Once = Once::new();

/// Starts the interpreter once, registers `support_under_test` in `sys.modules`, and releases
/// the GIL for the tests' threads.
fn initialize() {
    INIT.call_once(|| {
        // SAFETY: first and only initialization; the method table is leaked so it outlives the
        // module; the GIL is held until PyEval_SaveThread.
        unsafe {
            ffi::Py_InitializeEx(0);
            let mut defs: Vec<ffi::PyMethodDef> = FUNCTIONS
                .iter()
                .map(|(name, function)| ffi::PyMethodDef {
                    ml_name: CString::new(*name).unwrap().into_raw(),
                    ml_meth: ffi::PyMethodDefPointer {
                        PyCFunction: *function,
                    },
                    ml_flags: ffi::METH_VARARGS,
                    ml_doc: ptr::null(),
                })
                .collect();
            defs.push(ffi::PyMethodDef::zeroed());
            let module = ffi::PyImport_AddModule(c"support_under_test".as_ptr());
            assert!(!module.is_null());
            assert_eq!(
                ffi::PyModule_AddFunctions(module, defs.leak().as_mut_ptr()),
                0
            );
            ffi::PyEval_SaveThread();
        }
    });
}

/// Helpers every snippet can use.
const PRELUDE: &str = r#"
import sys, types, builtins
import support_under_test as rust

def outcome(fn):
    try:
        return fn(), None
    except BaseException as e:
        return None, e

def same_error(real, mine):
    """Both raise: the same type, message and args. Returns both exceptions."""
    _, r = outcome(real)
    _, m = outcome(mine)
    assert r is not None, f"python3 did not raise"
    assert m is not None, f"the support function did not raise (python3 raised {r!r})"
    assert type(r) is type(m), f"types differ:\n  python3: {r!r}\n  support: {m!r}"
    assert str(r) == str(m), f"messages differ:\n  python3: {str(r)!r}\n  support: {str(m)!r}"
    assert repr(r.args) == repr(m.args), f"args differ: {r.args!r} / {m.args!r}"
    if isinstance(r, NameError):
        assert r.name == m.name, f"NameError.name: {r.name!r} / {m.name!r}"
    if isinstance(r, ImportError):
        assert (r.name, r.path) == (m.name, m.path), f"{(r.name, r.path)} / {(m.name, m.path)}"
    return r, m

def same_value(real, mine):
    rv, r = outcome(real)
    mv, m = outcome(mine)
    assert r is None, f"python3 raised {r!r}"
    assert m is None, f"the support function raised {m!r}"
    assert rv == mv, f"values differ:\n  python3: {rv!r}\n  support: {mv!r}"
    return rv, mv

def same(real, mine):
    """Either the same value or the same error."""
    _, r = outcome(real)
    if r is None:
        return same_value(real, mine)
    return same_error(real, mine)

def describe(e, depth=0):
    """The observable structure of an exception (not its traceback)."""
    if not isinstance(e, BaseException):
        return repr(e)
    d = [type(e).__name__, str(e), getattr(e, '__notes__', None), e.__suppress_context__]
    if depth < 3:
        d.append(describe(e.__cause__, depth + 1))
        d.append(describe(e.__context__, depth + 1))
    if isinstance(e, BaseExceptionGroup):
        d.append([describe(x, depth) for x in e.exceptions])
    return d
"#;

/// Runs `snippet` (after the prelude) in a fresh namespace; panics with the Python traceback
/// if it raises.
fn run(snippet: &str) {
    initialize();
    let driver = "import traceback\n\
                  try:\n    exec(compile(__source__, '<snippet>', 'exec'), globals())\n    __failure__ = None\n\
                  except BaseException:\n    __failure__ = traceback.format_exc()\n";
    let source = format!("{PRELUDE}\n{snippet}");
    // SAFETY: the GIL is taken for the whole run; every object handled is alive while used.
    unsafe {
        let gil = ffi::PyGILState_Ensure();
        let globals = ffi::PyDict_New();
        let builtins = ffi::PyEval_GetBuiltins();
        assert_eq!(
            ffi::PyDict_SetItemString(globals, c"__builtins__".as_ptr(), builtins),
            0
        );
        let name = object::new_str("snippet").unwrap();
        assert_eq!(
            ffi::PyDict_SetItemString(globals, c"__name__".as_ptr(), name.as_ptr()),
            0
        );
        let code = object::new_str(&source).unwrap();
        assert_eq!(
            ffi::PyDict_SetItemString(globals, c"__source__".as_ptr(), code.as_ptr()),
            0
        );
        let driver = CString::new(driver).unwrap();
        let result = ffi::PyRun_String(driver.as_ptr(), ffi::Py_file_input, globals, globals);
        if result.is_null() {
            ffi::PyErr_Print();
            panic!("the snippet driver failed");
        }
        ffi::Py_DECREF(result);
        let failure = ffi::PyDict_GetItemString(globals, c"__failure__".as_ptr());
        let message = if failure.is_null() || failure == ffi::Py_None() {
            None
        } else {
            Some(object::str_to_string(Obj::from_ptr(failure)).unwrap())
        };
        ffi::Py_DECREF(globals);
        ffi::PyGILState_Release(gil);
        if let Some(message) = message {
            panic!("{message}");
        }
    }
}

// --- the tests -------------------------------------------------------------------------------

#[test]
fn unpack_iterable() {
    run(r#"
import itertools

def real_unpack(seq, before, after):
    targets = [f"a{i}" for i in range(before)]
    if after is not None:
        targets += ["*m"] + [f"z{i}" for i in range(after)]
    src = "[" + ", ".join(targets) + "] = seq"
    ns = {"seq": seq}
    exec(src, ns)
    values = [ns[f"a{i}"] for i in range(before)]
    if after is not None:
        values += [ns["m"]] + [ns[f"z{i}"] for i in range(after)]
    return values

class NotIterable:
    pass
class IterNone:
    __iter__ = None
class BadIter:
    def __iter__(self):
        return 5
class Seq:
    def __getitem__(self, i):
        if i < 3:
            return i * 10
        raise IndexError
class Raising:
    def __iter__(self):
        yield 1
        raise ValueError("mid-iteration")

def fresh(make):
    # Each side gets its own iterator.
    return make

cases = [
    (lambda: (1, 2), 2, None), (lambda: [1, 2, 3], 3, None), (lambda: "ab", 2, None),
    (lambda: iter([1, 2]), 2, None), (lambda: range(4), 4, None), (lambda: {1: 2, 3: 4}, 2, None),
    (lambda: (), 0, None), (lambda: [1], 0, None), (lambda: (x for x in (1, 2)), 2, None),
    (lambda: (1,), 2, None), (lambda: iter([]), 3, None), (lambda: (1, 2, 3), 2, None),
    (lambda: itertools.count(), 2, None), (lambda: 5, 2, None), (lambda: None, 1, None),
    (lambda: NotIterable(), 1, None), (lambda: IterNone(), 1, None), (lambda: BadIter(), 1, None),
    (lambda: Seq(), 3, None), (lambda: Seq(), 2, None), (lambda: Raising(), 2, None),
    (lambda: 3.5, 0, None), (lambda: "x" * 300, 1, None),
    (lambda: (1, 2, 3, 4, 5), 1, 1), (lambda: (1, 2), 1, 1), (lambda: [1, 2, 3], 0, 0),
    (lambda: (1,), 1, 1), (lambda: (1, 2), 3, 1), (lambda: (1, 2), 1, 2), (lambda: (), 0, 0),
    (lambda: 5, 1, 1), (lambda: iter(range(10)), 2, 3), (lambda: Raising(), 0, 1),
    (lambda: Seq(), 1, 1), (lambda: IterNone(), 0, 0), (lambda: "abcdef", 2, 2),
]
for make, before, after in cases:
    same(lambda: real_unpack(make(), before, after), lambda: rust.unpack(make(), before, after))

# A type name longer than 200 characters is cut, as %.200s does.
Long = type("L" * 250, (), {})
same_error(lambda: real_unpack(Long(), 2, None), lambda: rust.unpack(Long(), 2, None))
"#);
}

#[test]
fn do_raise_forms() {
    run(r#"
def real_raise(*args):
    if len(args) == 0:
        raise
    if len(args) == 1:
        raise args[0]
    raise args[0] from args[1]

class Odd(Exception):
    def __new__(cls, *args):
        return 5
class Boom(Exception):
    def __init__(self):
        raise KeyError("boom")
class Other(Exception):
    def __new__(cls, *args):
        return KeyError("made by Other")

cases = [
    (ValueError,), (ValueError("v"),), (5,), (None,), (object,), (Odd,), (Boom,), (Other,),
    (ValueError, KeyError), (ValueError, KeyError("k")), (ValueError("v"), None), (ValueError, 5),
    (ValueError, Boom), (ValueError, object), (5, KeyError), (KeyboardInterrupt, ValueError),
    (ValueError, Odd), (),
]
for args in cases:
    r, m = same_error(lambda: real_raise(*args), lambda: rust.do_raise(*args))
    assert describe(r) == describe(m), (args, describe(r), describe(m))
    assert rust.last_reraised() is False

# Inside an except block: the new exception's context is the one being handled.
try:
    raise KeyError("handled")
except KeyError:
    for args in [(ValueError,), (ValueError, TypeError), ()]:
        r, m = same_error(lambda: real_raise(*args), lambda: rust.do_raise(*args))
        assert describe(r) == describe(m), (args, describe(r), describe(m))

# A bare raise re-raises the very exception being handled, and says so.
try:
    raise KeyError("original")
except KeyError as handled:
    _, m = outcome(lambda: rust.do_raise())
    assert m is handled, m
    assert rust.last_reraised() is True

# ... found through a generator that handles nothing itself (_PyErr_GetTopmostException).
def inside_generator(fn):
    def gen():
        fn()
        yield
    next(gen())

try:
    raise KeyError("outer")
except KeyError as handled:
    _, r = outcome(lambda: inside_generator(lambda: real_raise()))
    _, m = outcome(lambda: inside_generator(lambda: rust.do_raise()))
    assert r is handled and m is handled, (r, m)
    assert rust.last_reraised() is True

# The cause of an instance is set even when it already had one, and a class cause is called.
e1, e2 = ValueError("a"), ValueError("a")
r, m = same_error(lambda: real_raise(e1, TypeError), lambda: rust.do_raise(e2, TypeError))
assert type(r.__cause__) is TypeError and type(m.__cause__) is TypeError
assert r.__suppress_context__ and m.__suppress_context__
"#);
}

#[test]
fn check_except_type_valid() {
    run(r#"
def real_except(target):
    try:
        raise ValueError("x")
    except target:
        return "caught"

class TupleSub(tuple):
    pass

for target in [ValueError, (ValueError, KeyError), (), 5, (ValueError, 5), "ValueError",
               TupleSub((KeyError,)), TupleSub((KeyError, 1)), BaseException, object, (object,)]:
    if isinstance(target, type) and issubclass(target, BaseException) or \
       isinstance(target, tuple) and all(isinstance(t, type) and issubclass(t, BaseException) for t in target):
        assert rust.check_except_type_valid(target) is None
        outcome(lambda: real_except(target))
    else:
        same_error(lambda: real_except(target), lambda: rust.check_except_type_valid(target))
"#);
}

#[test]
fn match_class() {
    run(r#"
def real_match_class(subject, cls, npos, kw):
    args = [f"p{i}" for i in range(npos)] + [f"{k}=k_{k}" for k in kw]
    values = [f"p{i}" for i in range(npos)] + [f"k_{k}" for k in kw]
    src = (f"match subject:\n"
           f"    case C({', '.join(args)}):\n"
           f"        result = ({''.join(v + ', ' for v in values)})\n"
           f"    case _:\n"
           f"        result = None\n")
    ns = {"subject": subject, "C": cls}
    exec(src, ns)
    return ns["result"]

class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
class One:
    __match_args__ = ("a",)
    a = 1
    b = 2
class NoArgs:
    a = 1
class ListArgs:
    __match_args__ = ["a"]
    a = 1
class IntArgs:
    __match_args__ = (1,)
class StrSub(str):
    pass
class SubArgs:
    __match_args__ = (StrSub("a"),)
    a = 1
class Prop:
    __match_args__ = ("boom", "gone")
    @property
    def boom(self):
        raise ValueError("property raised")
    @property
    def gone(self):
        raise AttributeError("gone")
class MyInt(int):
    pass
class MyIntArgs(int):
    __match_args__ = ("real",)
class Meta(type):
    def __instancecheck__(cls, obj):
        raise RuntimeError("instancecheck")
class Checked(metaclass=Meta):
    pass
class MetaArgs(type):
    @property
    def __match_args__(cls):
        raise LookupError("match args")
class WithMetaArgs(metaclass=MetaArgs):
    pass
def not_a_type():
    pass

p = Point(1, 2)
cases = [
    (p, Point, 2, ()), (p, Point, 1, ("y",)), (p, Point, 0, ("x", "y")), (p, Point, 0, ()),
    (p, Point, 3, ()), (p, Point, 0, ("z",)), (5, Point, 1, ()), (One(), One, 2, ()),
    (One(), One, 1, ("a",)), (One(), One, 1, ("b",)), (NoArgs(), NoArgs, 1, ()),
    (NoArgs(), NoArgs, 0, ("a",)), (ListArgs(), ListArgs, 1, ()), (IntArgs(), IntArgs, 1, ()),
    (SubArgs(), SubArgs, 1, ()), (Prop(), Prop, 1, ()), (Prop(), Prop, 0, ("gone",)),
    (Prop(), Prop, 2, ()), (5, int, 1, ()), (5, int, 2, ()), (5, int, 0, ("real",)),
    (5, int, 1, ("real",)), ("s", str, 1, ()), (True, bool, 1, ()), (5, bool, 1, ()),
    (MyInt(3), MyInt, 1, ()), (MyInt(3), MyIntArgs, 1, ()), (MyIntArgs(3), MyIntArgs, 1, ()),
    (b"x", bytes, 1, ()), ({1: 2}, dict, 1, ()), (frozenset(), frozenset, 1, ()),
    (1.5, float, 1, ()), ((1,), tuple, 1, ()), ([1], list, 1, ()), (set(), set, 1, ()),
    (bytearray(), bytearray, 1, ()), (p, not_a_type, 1, ()), (p, 5, 0, ()),
    (p, Checked, 0, ()), (WithMetaArgs(), WithMetaArgs, 1, ()), (WithMetaArgs(), WithMetaArgs, 0, ()),
    (p, object, 0, ("x",)), (p, object, 1, ()),
]
for subject, cls, npos, kw in cases:
    same(lambda: real_match_class(subject, cls, npos, kw),
         lambda: rust.match_class(subject, cls, npos, kw))

# The attributes come back as the very objects the pattern would bind.
a = object()
q = Point(a, [])
r, m = same_value(lambda: real_match_class(q, Point, 2, ()), lambda: rust.match_class(q, Point, 2, ()))
assert r[0] is m[0] is a and type(m) is tuple
assert rust.match_class(5, int, 1, ())[0] == 5
"#);
}

#[test]
fn match_keys() {
    run(r#"
import collections, collections.abc

def real_match_keys(subject, keys):
    K = type("K", (), {f"k{i}": k for i, k in enumerate(keys)})
    pattern = ", ".join(f"K.k{i}: v{i}" for i in range(len(keys)))
    values = "".join(f"v{i}, " for i in range(len(keys)))
    src = (f"match subject:\n"
           f"    case {{{pattern}}}:\n"
           f"        result = ({values})\n"
           f"    case _:\n"
           f"        result = None\n")
    ns = {"subject": subject, "K": K}
    exec(src, ns)
    return ns["result"]

class Getter(collections.abc.Mapping):
    def __init__(self, data):
        self.data = data
        self.calls = []
    def __getitem__(self, key):
        return self.data[key]
    def __iter__(self):
        return iter(self.data)
    def __len__(self):
        return len(self.data)
    def get(self, key, default=None):
        self.calls.append(key)
        return self.data.get(key, default)
class BadGet(Getter):
    def get(self, key, default=None):
        raise LookupError("get failed")
class Eq:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return isinstance(other, Eq)
    def __hash__(self):
        return 0

d = {"a": 1, "b": 2, 3: "three", None: 0}
cases = [
    (d, ("a",)), (d, ("a", "b")), (d, ("b", 3, None)), (d, ("a", "zz")), (d, ("zz", "a")),
    (d, ("a", "a")), (d, ("a", "b", "a")), (d, (1.0, 1)), ({1: 1, 2: 2}, (1, 1.0)),
    (d, ([],)), (d, ("a", [])), (Getter(d), ("a", "b")), (Getter(d), ("zz",)),
    (BadGet(d), ("a",)), ({Eq(1): 1, 2: 2}, (Eq(2), Eq(3))), (collections.OrderedDict(d), ("a",)),
    (types.MappingProxyType(d), ("b", "a")),
]
for subject, keys in cases:
    same(lambda: real_match_keys(subject, keys), lambda: rust.match_keys(subject, keys))

# No keys: an empty tuple. A defaultdict gets no new key from a missing one.
assert rust.match_keys(d, ()) == ()
dd = collections.defaultdict(list, {"a": 1})
assert rust.match_keys(dd, ("a", "missing")) is None and "missing" not in dd
g = Getter(d)
rust.match_keys(g, ("a", "b"))
assert g.calls == ["a", "b"], g.calls
"#);
}

#[test]
fn except_star() {
    run(r#"
def emulated(body, clauses):
    """What the compiler emits for try/except* (see compile.c), with the support functions for
    CHECK_EG_MATCH and PREP_RERAISE_STAR; `clauses` are (type, handler source) pairs, the
    handler running with `e` bound to the match."""
    lines = ["_to_raise = None", "try:", f"    {body}", "except BaseException as _exc:",
             "    _orig, _res, _rest = _exc, [], _exc"]
    for i, (target, handler) in enumerate(clauses):
        lines += [f"    _r, _m = rust.check_eg_match(_rest, {target})",
                  "    if _m is not None:",
                  "        _rest = _r",
                  "        rust.set_exc_info(_m)",
                  "        try:",
                  "            e = _m",
                  f"            {handler}",
                  "        except BaseException as _raised:",
                  "            _res.append(_raised)"]
    lines += ["    _res.append(_rest)",
              "    _to_raise = rust.prep_reraise_star(_orig, _res)",
              "if _to_raise is not None:",
              "    raise _to_raise"]
    return "\n".join(lines)

def real(body, clauses):
    lines = ["try:", f"    {body}"]
    for target, handler in clauses:
        lines += [f"except* {target} as e:", f"    {handler}"]
    return "\n".join(lines)

def run_source(src):
    ns = dict(globals())
    exec(src, ns)

class MyEG(ExceptionGroup):
    def derive(self, excs):
        return MyEG(self.message + "!", excs)
class Notes:
    @staticmethod
    def eg():
        eg = ExceptionGroup("noted", [ValueError(1), TypeError(2)])
        eg.add_note("a note")
        return eg
class Caused:
    @staticmethod
    def eg():
        try:
            raise KeyError("cause")
        except KeyError as k:
            eg = ExceptionGroup("caused", [ValueError(1), TypeError(2)])
            eg.__cause__ = k
            return eg

EG = "ExceptionGroup('eg', [ValueError(1), TypeError(2), ValueError(3)])"
NESTED = ("ExceptionGroup('outer', [ValueError(1), ExceptionGroup('inner', [TypeError(2), "
          "ValueError(3), KeyError(4)]), OSError(5)])")
scenarios = [
    (f"raise {EG}", [("ValueError", "pass")]),
    (f"raise {EG}", [("ValueError", "raise KeyError('k')")]),
    (f"raise {EG}", [("ValueError", "raise")]),
    (f"raise {EG}", [("ValueError", "raise"), ("TypeError", "raise")]),
    (f"raise {EG}", [("ValueError", "raise e")]),
    (f"raise {EG}", [("(ValueError, TypeError)", "pass")]),
    (f"raise {EG}", [("Exception", "pass")]),
    (f"raise {EG}", [("KeyError", "pass")]),
    (f"raise {EG}", [("TypeError", "raise RuntimeError('r')"), ("ValueError", "raise")]),
    (f"raise {NESTED}", [("ValueError", "raise"), ("TypeError", "raise OSError('new')")]),
    (f"raise {NESTED}", [("TypeError", "pass"), ("KeyError", "raise")]),
    (f"raise {NESTED}", [("OSError", "raise e.exceptions[0]")]),
    ("raise ValueError(1)", [("ValueError", "pass")]),
    ("raise ValueError(1)", [("ValueError", "raise")]),
    ("raise ValueError(1)", [("ValueError", "raise TypeError(2)")]),
    ("raise ValueError(1)", [("TypeError", "pass")]),
    ("raise ValueError(1)", [("TypeError", "pass"), ("ValueError", "raise")]),
    ("raise MyEG('mine', [ValueError(1), TypeError(2)])", [("ValueError", "pass")]),
    ("raise MyEG('mine', [ValueError(1), TypeError(2)])", [("ValueError", "raise")]),
    ("raise Notes.eg()", [("ValueError", "raise")]),
    ("raise Notes.eg()", [("ValueError", "pass")]),
    ("raise Caused.eg()", [("ValueError", "raise"), ("TypeError", "raise KeyError(0)")]),
    (f"raise {EG}", [("ExceptionGroup", "pass")]),
    (f"raise {EG}", [("(ValueError, BaseExceptionGroup)", "pass")]),
    (f"raise {EG}", [("5", "pass")]),
    (f"raise {EG}", [("(ValueError, 5)", "pass")]),
    ("raise BaseExceptionGroup('b', [KeyboardInterrupt(), ValueError(1)])", [("ValueError", "raise")]),
    ("pass", [("ValueError", "raise")]),
]
for body, clauses in scenarios:
    _, r = outcome(lambda: run_source(real(body, clauses)))
    _, m = outcome(lambda: run_source(emulated(body, clauses)))
    assert describe(r) == describe(m), (body, clauses, "\n", describe(r), "\n", describe(m))

# check_eg_match on None (nothing being handled) and a full match of a naked exception.
assert rust.check_eg_match(None, ValueError) == (None, None)
rest, match = rust.check_eg_match(v := ValueError(1), ValueError)
assert rest is None and type(match) is ExceptionGroup and match.exceptions[0] is v
assert match.message == ""
rest, match = rust.check_eg_match(eg := ExceptionGroup("x", [v]), ValueError)
assert rest is None and type(match) is ExceptionGroup and match.exceptions == (v,), match
rest, match = rust.check_eg_match(eg := ExceptionGroup("x", [v, KeyError()]), (ValueError, KeyError))
assert rest is None and match is not eg and len(match.exceptions) == 2, match

# A split that does not return a 2-tuple raises a TypeError (CPython 3.11 crashes).
class BadSplit(ExceptionGroup):
    def split(self, t):
        return 42
_, err = outcome(lambda: rust.check_eg_match(BadSplit("x", [TypeError()]), ValueError))
assert type(err) is TypeError and str(err) == "BadSplit.split must return a tuple, not int", err

# Nothing raised by any clause and nothing left: nothing to re-raise.
assert rust.prep_reraise_star(ValueError(), []) is None
assert rust.prep_reraise_star(ExceptionGroup("x", [ValueError()]), [None, None]) is None
"#);
}

#[test]
fn import_from() {
    run(r#"
import os, tempfile, importlib

def real_from(module, name):
    ns = {"__builtins__": {**builtins.__dict__, "__import__": lambda *args: module}}
    exec(f"from anything import {name}", ns)
    return ns[name]

fake = types.ModuleType("fakepkg_support")
sub = types.ModuleType("fakepkg_support.sub")
sys.modules["fakepkg_support.sub"] = sub
nameless = types.ModuleType("nameless")
del nameless.__name__
intname = types.ModuleType("intname")
intname.__name__ = 5
filed = types.ModuleType("filed")
filed.__file__ = "/somewhere/filed.py"
badfile = types.ModuleType("badfile")
badfile.__file__ = 7
class NotAModule:
    attr = 1
class BadGetattr:
    def __getattr__(self, name):
        raise ValueError("no getattr")
initializing = types.ModuleType("initializing")
initializing.__file__ = "/x/initializing.py"
initializing.__spec__ = types.SimpleNamespace(_initializing=True)
cases = [
    (os, "path"), (os, "no_such_name_zz"), (sys, "no_such_name_zz"), (fake, "sub"),
    (fake, "other"), (nameless, "x"), (intname, "x"), (filed, "x"), (badfile, "x"),
    (NotAModule, "attr"), (NotAModule, "nope"), (BadGetattr(), "x"), (initializing, "x"),
]
for module, name in cases:
    same(lambda: real_from(module, name), lambda: rust.import_from(module, name))
assert rust.import_from(fake, "sub") is sub

# A circular import names the partially initialized module.
with tempfile.TemporaryDirectory() as tmp:
    with open(os.path.join(tmp, "support_circ.py"), "w") as f:
        f.write("import sys, support_under_test as rust\n"
                "def real():\n"
                "    from support_circ import late_name\n"
                "mine = lambda: rust.import_from(sys.modules[__name__], 'late_name')\n"
                "import snippet_probe\n"
                "snippet_probe.check(real, mine)\n"
                "late_name = 1\n")
    probe = types.ModuleType("snippet_probe")
    checked = []
    def check(real, mine):
        r, m = same_error(real, mine)
        assert "partially initialized module 'support_circ'" in str(m), str(m)
        assert "circular import" in str(m)
        checked.append(m)
    probe.check = check
    sys.modules["snippet_probe"] = probe
    sys.path.insert(0, tmp)
    try:
        import support_circ
    finally:
        sys.path.remove(tmp)
        del sys.modules["snippet_probe"]
    assert checked
"#);
}

#[test]
fn import_all_from() {
    run(r#"
def real_star(module, locals_):
    ns = {"__builtins__": {**builtins.__dict__, "__import__": lambda *args: module}}
    exec("from anything import *", ns, locals_)
    return locals_

def mine(module, locals_):
    rust.import_all_from(locals_, module)
    return locals_

plain = types.ModuleType("plain")
plain.a, plain._hidden, plain.b = 1, 2, 3
with_all = types.ModuleType("with_all")
with_all.__all__ = ["_hidden", "a"]
with_all._hidden, with_all.a, with_all.b = 1, 2, 3
bad_all = types.ModuleType("bad_all")
bad_all.__all__ = ["a", 5]
bad_all.a = 1
missing = types.ModuleType("missing")
missing.__all__ = ("zz",)
bad_key = types.ModuleType("bad_key")
bad_key.__dict__[7] = 1
bad_name = types.ModuleType("bad_name")
bad_name.__all__ = [5]
bad_name.__name__ = 3.5
no_name = types.ModuleType("no_name")
no_name.__all__ = [5]
del no_name.__name__
class Slotted:
    __slots__ = ()
class AllIsInt:
    __all__ = 5
class AllIter:
    __all__ = iter(["x"])
    x = 1
class Mapping(dict):
    pass
class LocalsMap:
    def __init__(self):
        self.items = {}
    def __setitem__(self, k, v):
        self.items[k] = v
    def __getitem__(self, k):
        return self.items[k]
    def __eq__(self, other):
        return type(other) is LocalsMap and self.items == other.items

for module in [plain, with_all, bad_all, missing, bad_key, bad_name, no_name, Slotted(),
               AllIsInt(), AllIter(), types.ModuleType("empty")]:
    for make_locals in [dict, Mapping, LocalsMap]:
        same(lambda: real_star(module, make_locals()), lambda: mine(module, make_locals()))
"#);
}

#[test]
fn import_name() {
    run(r#"
import os.path

calls = []
def recording_import(*args):
    calls.append(args)
    return "imported"

def frame_in(globals_):
    exec("def g():\n    yield\n", globals_)
    return globals_["g"]()

def real_import(globals_, statement):
    exec(f"def f():\n    {statement}\n    return __imported__\n", globals_)
    return globals_["f"]()

module_globals = {"__name__": "support_probe", "__builtins__": builtins}
package_globals = {"__name__": "os.fake", "__package__": "os", "__builtins__": builtins}
assert rust.import_name(frame_in(dict(module_globals)), "os", None, 0) is os
assert rust.import_name(frame_in(dict(module_globals)), "os.path", None, 0) is os
assert rust.import_name(frame_in(dict(module_globals)), "os.path", ("join",), 0) is os.path
assert rust.import_name(frame_in(dict(package_globals)), "path", ("join",), 1) is os.path

for globals_, statement, args in [
    (module_globals, "from . import x as __imported__", ("", ("x",), 1)),
    (module_globals, "import no_such_module_zz as __imported__", ("no_such_module_zz", None, 0)),
    (package_globals, "from .nope import x as __imported__", ("nope", ("x",), 1)),
    (package_globals, "from .... import x as __imported__", ("", ("x",), 4)),
    (module_globals, "import os as __imported__", ("os", None, 0)),
]:
    same(lambda: real_import(dict(globals_), statement),
         lambda: rust.import_name(frame_in(dict(globals_)), *args))

_, err = outcome(lambda: rust.import_name(frame_in(dict(module_globals)), "os", None, 2**40))
assert type(err) is OverflowError, err

# A replaced __import__ gets (name, globals, None, fromlist, level) from a function frame.
custom = {"__name__": "custom", "__builtins__": {**builtins.__dict__, "__import__": recording_import}}
g = frame_in(custom)
assert rust.import_name(g, "spam", ("eggs",), 3) == "imported"
assert calls == [("spam", custom, None, ("eggs",), 3)], calls

# No __import__ in the builtins at all.
bare = {"__name__": "bare", "__builtins__": {}}
same_error(lambda: exec("import os", {"__builtins__": {}}),
           lambda: rust.import_name(frame_in(bare), "os", None, 0))
"#);
}

#[test]
fn call_and_container_errors() {
    run(r#"
def f(*args, **kwargs):
    return args, kwargs
class Callable:
    def __call__(self, *args, **kwargs):
        pass
    def __repr__(self):
        return "<the callable>"
class KeysOnly:
    def keys(self):
        return ["a"]
    def __getitem__(self, key):
        raise KeyError("from getitem")
class KeysAttr:
    def keys(self):
        raise AttributeError("inner")
class NoIterSeq:
    def __getitem__(self, i):
        raise IndexError
class IterTypeError:
    def __iter__(self):
        raise TypeError("iter failed")

functions = [f, max, Callable(), Callable, len, dict.get]
for func in functions:
    for value in [5, None, [1], KeysOnly(), KeysAttr(), {"a": 1}, "s"]:
        same(lambda: func(**value), lambda: rust.call_kwargs(func, value))
        same(lambda: func(*value), lambda: rust.call_star(func, value))
    same(lambda: func(**{"a": 1}, **{"a": 2}), lambda: rust.call_kwargs(func, {"a": 1}, {"a": 2}))
    same(lambda: func(**{"a": 1}, **{"b": 2, "a": 3}),
         lambda: rust.call_kwargs(func, {"a": 1}, {"b": 2, "a": 3}))

# While an exception is being handled the duplicate-key KeyError is already normalized, and
# CPython 3.11 leaves it as it is.
try:
    raise ValueError("handled")
except ValueError:
    r, m = same_error(lambda: f(**{"a": 1}, **{"a": 2}), lambda: rust.call_kwargs(f, {"a": 1}, {"a": 2}))
    assert type(m) is KeyError

for value in [5, None, [1, 2], (1,), "ab", NoIterSeq(), IterTypeError(), {1: 2}, iter([3])]:
    same(lambda: [*value], lambda: (lst := [], rust.list_extend(lst, value), lst)[2])
for value in [5, None, [1, 2], {"a": 1}, KeysOnly(), KeysAttr(), "ab"]:
    same(lambda: {**value}, lambda: (d := {}, rust.dict_update(d, value), d)[2])
"#);
}

#[test]
fn awaitables() {
    run(r#"
import types, warnings

# ReturnsCoro's coroutine is rejected before anything awaits it.
warnings.filterwarnings("ignore", "coroutine 'real_await' was never awaited")

def drive(coro):
    try:
        coro.send(None)
    except StopIteration as stop:
        return stop.value
    raise AssertionError("the coroutine suspended")

async def real_await(obj):
    return await obj

class Ready:
    def __await__(self):
        return iter([])
class ReturnsCoro:
    def __await__(self):
        return real_await(Ready())
class ReturnsInt:
    def __await__(self):
        return 5
class AwaitRaises:
    def __await__(self):
        raise KeyError("await failed")
async def native():
    return 1
@types.coroutine
def generator_based():
    yield

for obj_factory in [lambda: 5, lambda: None, Ready, ReturnsCoro, ReturnsInt, AwaitRaises,
                    lambda: "x" * 150]:
    for oparg in [0, 1, 2]:
        def real():
            if oparg == 0:
                return drive(real_await(obj_factory()))
            class Manager:
                async def __aenter__(self):
                    return obj_factory()
                async def __aexit__(self, *args):
                    return obj_factory()
            async def use():
                if oparg == 1:
                    async with Manager():
                        pass
                else:
                    m = Manager()
                    m.__class__.__aenter__ = lambda self: Ready()
                    async with m:
                        pass
            return drive(use())
        def mine():
            return rust.get_awaitable(obj_factory(), oparg)
        _, r = outcome(real)
        if r is not None:
            same_error(real, mine)

# Coroutines (and types.coroutine generators) are their own awaitable iterator.
c = native()
assert rust.get_awaitable(c, 0) is c
c.close()
g = generator_based()
assert rust.get_awaitable(g, 0) is g
it = rust.get_awaitable(Ready(), 0)
assert type(it).__name__ == "list_iterator"

# gen_yf is what cr_await / gi_yieldfrom / ag_await report.
class Suspend:
    def __await__(self):
        yield "suspended"
async def waiting():
    await Suspend()
def delegating():
    yield from iter_sub()
def iter_sub():
    yield 1
def plain():
    yield 1
async def agen():
    await Suspend()
    yield 1

w = waiting()
assert rust.gen_yf(w) is None is w.cr_await
w.send(None)
assert rust.gen_yf(w) is w.cr_await is not None
same_error(lambda: drive(real_await(w)), lambda: rust.get_awaitable(w, 0))
w.close()
assert rust.gen_yf(w) is None is w.cr_await
d = delegating()
next(d)
assert rust.gen_yf(d) is d.gi_yieldfrom is not None
p = plain()
next(p)
assert rust.gen_yf(p) is None is p.gi_yieldfrom
a = agen()
step = a.asend(None)
assert step.send(None) == "suspended"
assert rust.gen_yf(a) is a.ag_await is not None
for other in [5, None, iter([])]:
    assert rust.gen_yf(other) is None
"#);
}

#[test]
fn name_errors() {
    run(r#"
def real_name(name):
    code = compile("x", "<probe>", "eval").replace(co_names=(name,))
    return eval(code, {"__builtins__": {}})

for name in ["zz", "y" * 300, "é" * 150, "a\0b", "\udc80", "ok"]:
    r, m = same_error(lambda: real_name(name), lambda: rust.name_error(name))
    if isinstance(r, NameError):
        assert m.name is name or m.name == name, m.name

def unbound_local():
    v = v  # noqa
same_error(unbound_local, lambda: rust.unbound_local_error("v"))
same_error(lambda: exec("def g():\n    del q\n    q = 1\ng()"), lambda: rust.unbound_local_error("q"))

def localsplus_index(code, name):
    names = code.co_varnames + tuple(c for c in code.co_cellvars if c not in code.co_varnames) \
        + code.co_freevars
    return names.index(name)

def cell_owner(a):
    y = x
    x = 1
    return lambda: (x, a)
same_error(lambda: cell_owner(0),
           lambda: rust.unbound_deref_error(cell_owner.__code__, localsplus_index(cell_owner.__code__, "x")))

def arg_cell(a):
    del a
    return (lambda: a)()
inner = []
def outer():
    def reader():
        return x
    inner.append(reader)
    reader()
    x = 1
r, m = same_error(outer, lambda: rust.unbound_deref_error(inner[0].__code__,
                                                          localsplus_index(inner[0].__code__, "x")))
assert type(m) is NameError and m.name == "x"

# An exception already being raised is left alone.
def deref_with_error_set():
    try:
        raise KeyError("first")
    except KeyError:
        pass
    return rust.unbound_deref_error(cell_owner.__code__, 1)
_, m = outcome(deref_with_error_set)
assert type(m) is UnboundLocalError
"#);
}
