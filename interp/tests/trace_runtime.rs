//! Checks the trace runtime's mirrors of CPython's private iterator structs (`rangeiterobject`,
//! `listiterobject`, not in any header) and its int unboxing against CPython itself, in an
//! embedded interpreter: sizes against `tp_basicsize`, and every read against what Python's
//! own iteration and arithmetic give.

use std::ffi::CString;
use std::sync::Once;

use pyo3_ffi as ffi;

use justjit_interp::cpython::object::{Obj, Owned};
use justjit_interp::cpython::trace_runtime::{addrs, ListIter, RangeIter, TraceObj};

static INIT: Once = Once::new();

/// Runs `f` with the GIL held in an initialized interpreter.
fn with_python<R>(f: impl FnOnce() -> R) -> R {
    // SAFETY: initialization happens once; the GIL is taken for `f` and released after.
    unsafe {
        INIT.call_once(|| {
            ffi::Py_InitializeEx(0);
            ffi::PyEval_SaveThread();
        });
        let gil = ffi::PyGILState_Ensure();
        let result = f();
        ffi::PyGILState_Release(gil);
        result
    }
}

/// Evaluates a Python expression.
fn eval(expr: &str) -> Owned {
    let source = CString::new(expr).unwrap();
    // SAFETY: GIL held; the globals dict is new and freed by `Owned`.
    unsafe {
        let globals = Owned::from_new(ffi::PyDict_New()).unwrap();
        ffi::PyDict_SetItemString(
            globals.as_ptr(),
            c"__builtins__".as_ptr(),
            ffi::PyEval_GetBuiltins(),
        );
        let result = ffi::PyRun_String(
            source.as_ptr(),
            ffi::Py_eval_input,
            globals.as_ptr(),
            globals.as_ptr(),
        );
        if result.is_null() {
            ffi::PyErr_Print();
        }
        Owned::from_new(result).expect("the expression evaluates")
    }
}

fn basicsize(obj: &Obj) -> usize {
    // SAFETY: a live object's type.
    unsafe { (*obj.type_ptr()).tp_basicsize as usize }
}

fn next(it: &Obj) -> Option<Owned> {
    // SAFETY: GIL held, `it` is an iterator; NULL without an error means exhausted.
    unsafe { Owned::from_new(ffi::PyIter_Next(it.as_ptr())).ok() }
}

fn as_i64(obj: &Obj) -> i64 {
    // SAFETY: GIL held; an int in range (checked by the caller's values).
    unsafe { ffi::PyLong_AsLongLong(obj.as_ptr()) }
}

#[test]
fn range_iterator_mirror_matches_cpython() {
    with_python(|| {
        for expr in [
            "iter(range(5, 100, 7))",
            "iter(range(10, -10, -3))",
            "iter(range(0))",
        ] {
            let ours = eval(expr);
            let theirs = eval(expr);
            assert_eq!(TraceObj::of(&ours).type_addr(), addrs::range_iter_type());
            assert_eq!(basicsize(&ours), std::mem::size_of::<RangeIter>());
            loop {
                let expected = next(&theirs).map(|v| as_i64(&v));
                assert_eq!(TraceObj::of(&ours).range_iter_next(), expected, "{expr}");
                if expected.is_none() {
                    break;
                }
            }
            // Exhausted: CPython's own next agrees that nothing is left.
            assert!(next(&ours).is_none());
        }
    });
}

#[test]
fn list_iterator_mirror_matches_cpython() {
    with_python(|| {
        let list = eval("[10, 'a', None, 2.5]");
        let it = eval("iter([10, 'a', None, 2.5])");
        assert_eq!(TraceObj::of(&it).type_addr(), addrs::list_iter_type());
        assert_eq!(basicsize(&it), std::mem::size_of::<ListIter>());
        for i in 0..4 {
            let item = TraceObj::of(&it).list_iter_next().expect("an item");
            let expected = TraceObj::of(&list).list_item(i).expect("in range");
            // SAFETY: GIL held; both are live objects.
            let equal = unsafe {
                let a = item.to_owned().unwrap();
                let b = expected.to_owned().unwrap();
                ffi::PyObject_RichCompareBool(a.as_ptr(), b.as_ptr(), ffi::Py_EQ)
            };
            assert_eq!(equal, 1, "item {i}");
        }
        assert!(TraceObj::of(&it).list_iter_next().is_none());
        // The exhausted iterator is left for CPython: its own next finishes it.
        assert!(next(&it).is_none());
        assert_eq!(
            TraceObj::of(&list).list_item(-1).map(|o| o.type_addr()),
            Some(addrs::float_type())
        );
        assert!(TraceObj::of(&list).list_item(4).is_none());
        assert!(TraceObj::of(&list).list_item(-5).is_none());
    });
}

#[test]
fn unbox_int_reads_up_to_two_digits() {
    with_python(|| {
        for value in [
            0i64,
            1,
            -1,
            (1 << 30) - 1,
            1 << 30,
            -(1 << 30),
            (1 << 60) - 1,
            -((1 << 60) - 1),
        ] {
            let obj = eval(&value.to_string());
            assert_eq!(TraceObj::of(&obj).unbox_int(), Some(value), "{value}");
        }
        for big in ["1 << 60", "-(1 << 60)", "1 << 62", "-(1 << 63)", "10 ** 30"] {
            assert_eq!(TraceObj::of(&eval(big)).unbox_int(), None, "{big}");
        }
    });
}

#[test]
fn code_extra_slots_read_back_directly() {
    use justjit_interp::cpython::code_extra::ExtraSlot;
    with_python(|| {
        let first: ExtraSlot<u64> = ExtraSlot::request().expect("a code-extra slot");
        let second: ExtraSlot<u64> = ExtraSlot::request().expect("another slot");
        let code = eval("compile('x = 1', 'probe', 'exec')");
        assert!(first.get(&code).is_none(), "no extra before one is set");
        let stored = first.get_or_insert_with(&code, || 41);
        assert_eq!(*stored, 41);
        assert!(std::ptr::eq(first.get(&code).unwrap(), stored));
        assert!(second.get(&code).is_none(), "the other slot is still empty");
        let other = second.get_or_insert_with(&code, || 7);
        assert!(std::ptr::eq(second.get(&code).unwrap(), other));
        assert_eq!(*first.get(&code).unwrap(), 41);
        let fresh = eval("compile('y = 2', 'probe', 'exec')");
        assert!(second.get(&fresh).is_none());
    });
}

#[test]
fn iterator_fast_paths_match_python() {
    use justjit_interp::cpython::fastpath::{
        list_iter_next, range_iter_next, tuple_iter_next, IterStep, TupleIter,
    };
    fn drain(it: &Obj, step: fn(&Obj) -> IterStep) -> Vec<String> {
        let mut out = vec![];
        loop {
            match step(it) {
                IterStep::Item(v) => out.push(v.debug_repr()),
                IterStep::Exhausted => return out,
                IterStep::Other => panic!("not the expected iterator kind"),
            }
        }
    }
    with_python(|| {
        let it = eval("iter((1, 'two', 3.0))");
        assert_eq!(basicsize(&it), std::mem::size_of::<TupleIter>());
        assert_eq!(drain(&it, tuple_iter_next), ["1", "'two'", "3.0"]);
        assert!(matches!(tuple_iter_next(&it), IterStep::Exhausted));
        let it = eval("iter([4, 5])");
        assert_eq!(drain(&it, list_iter_next), ["4", "5"]);
        let it = eval("iter(range(10, -7, -4))");
        assert_eq!(drain(&it, range_iter_next), ["10", "6", "2", "-2", "-6"]);
        let it = eval("iter(range(2**62, 2**62 + 2))");
        assert_eq!(
            drain(&it, range_iter_next),
            ["4611686018427387904", "4611686018427387905"]
        );
        let not_list = eval("iter((1,))");
        assert!(matches!(list_iter_next(&not_list), IterStep::Other));
    });
}
