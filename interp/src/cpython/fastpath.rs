//! Direct reads and writes of CPython's number, list and tuple objects for the evaluator's fast
//! paths: the cases 3.11's interpreter handles without a generic C-API call (small ints, floats,
//! list and tuple items by index). Each function says which objects it accepts and returns
//! `None` for anything else, so callers fall back to the generic operation.

use std::ptr;

use pyo3_ffi as ffi;

use super::object::{Obj, Owned, PyResult};
use super::objects::{PyFloatObject, PyListObject, PyLongObject, PyTupleObject};

/// The value of an exact int with at most one digit (|v| < 2**30).
#[inline(always)]
pub fn small_int(obj: &Obj) -> Option<i64> {
    if !obj.is_exact_int() {
        return None;
    }
    // SAFETY: an exact int: ob_size is the signed digit count and ob_digit holds |ob_size|
    // digits (the inline first digit exists even for zero).
    unsafe {
        let long = obj.as_ptr().cast::<PyLongObject>();
        let size = (*long).ob_base.ob_size;
        match size {
            0 => Some(0),
            1 => Some(i64::from((*long).ob_digit[0])),
            -1 => Some(-i64::from((*long).ob_digit[0])),
            _ => None,
        }
    }
}

/// The value of an exact float.
#[inline(always)]
pub fn float_value(obj: &Obj) -> Option<f64> {
    if !obj.is_exact_float() {
        return None;
    }
    // SAFETY: an exact float object.
    Some(unsafe { (*obj.as_ptr().cast::<PyFloatObject>()).ob_fval })
}

/// The value of an exact float, or of a small int as a float (exact: |v| < 2**30).
#[inline(always)]
pub fn float_or_small_int(obj: &Obj) -> Option<f64> {
    float_value(obj).or_else(|| small_int(obj).map(|v| v as f64))
}

/// A new int.
#[inline(always)]
pub fn new_int(value: i64) -> PyResult<Owned> {
    // SAFETY: returns a new reference (small ints come from CPython's cache) or NULL.
    unsafe { Owned::from_new(ffi::PyLong_FromLongLong(value)) }
}

/// A new float.
#[inline(always)]
pub fn new_float(value: f64) -> PyResult<Owned> {
    // SAFETY: returns a new reference (from CPython's float free list) or NULL.
    unsafe { Owned::from_new(ffi::PyFloat_FromDouble(value)) }
}

/// Normalizes an index for a sequence of `len` items as Python does for ints (negative counts
/// from the end); `None` when out of range.
#[inline(always)]
fn index_in(len: isize, index: i64) -> Option<usize> {
    let i = if index < 0 { index + len as i64 } else { index };
    (0..len as i64).contains(&i).then_some(i as usize)
}

/// `list[index]` / `tuple[index]` for an exact list or tuple and a small-int index in range
/// (new reference); `None` otherwise (including out of range: the generic path raises).
#[inline(always)]
pub fn sequence_item(seq: &Obj, index: &Obj) -> Option<Owned> {
    let index = small_int(index)?;
    // SAFETY: exact list/tuple layouts; the index is checked against ob_size; items are live.
    unsafe {
        let item = if seq.is_exact_list() {
            let list = seq.as_ptr().cast::<PyListObject>();
            let i = index_in((*list).ob_base.ob_size, index)?;
            *(*list).ob_item.add(i)
        } else if seq.is_exact_tuple() {
            let tuple = seq.as_ptr().cast::<PyTupleObject>();
            let i = index_in((*tuple).ob_base.ob_size, index)?;
            *ptr::addr_of!((*tuple).ob_item)
                .cast::<*mut ffi::PyObject>()
                .add(i)
        } else {
            return None;
        };
        Some(Obj::from_ptr(item).to_owned())
    }
}

/// `list[index] = value` for an exact list and a small-int index in range; gives `value` back
/// when the fast path does not apply.
#[inline(always)]
pub fn list_store(list: &Obj, index: &Obj, value: Owned) -> Result<(), Owned> {
    let (true, Some(index)) = (list.is_exact_list(), small_int(index)) else {
        return Err(value);
    };
    // SAFETY: an exact list; the index is checked against ob_size; the slot takes the new
    // reference and the old item is released after the store (its destructor may run code
    // that sees the list already updated, as with list_ass_item).
    unsafe {
        let l = list.as_ptr().cast::<PyListObject>();
        let Some(i) = index_in((*l).ob_base.ob_size, index) else {
            return Err(value);
        };
        let slot = (*l).ob_item.add(i);
        let old = std::mem::replace(&mut *slot, value.into_raw());
        ffi::Py_DECREF(old);
    }
    Ok(())
}
