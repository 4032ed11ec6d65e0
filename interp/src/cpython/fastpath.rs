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
        // -1, 0 or 1 digits, without branching on which: sign times digit (zero for zero).
        if (size + 1) as usize > 2 {
            return None;
        }
        Some(size as i64 * i64::from((*long).ob_digit[0]))
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

/// The float result of an operation on two exact floats that the caller took off the value
/// stack: written into an operand that nothing else references (as CPython 3.13's
/// `_PyFloat_FromDouble_ConsumeInputs`), so that the common `a * b + c` chain allocates
/// nothing; otherwise a new float.
#[inline(always)]
pub fn float_result_consuming(lhs: Owned, rhs: Owned, value: f64) -> PyResult<Owned> {
    debug_assert!(lhs.is_exact_float() && rhs.is_exact_float());
    // SAFETY: both are exact floats (the caller's guard). An operand whose only reference is
    // the one the caller holds cannot be observed by anything else, so its value may change.
    unsafe {
        if ffi::Py_REFCNT(lhs.as_ptr()) == 1 {
            (*lhs.as_ptr().cast::<PyFloatObject>()).ob_fval = value;
            drop(rhs);
            return Ok(lhs);
        }
        if ffi::Py_REFCNT(rhs.as_ptr()) == 1 {
            (*rhs.as_ptr().cast::<PyFloatObject>()).ob_fval = value;
            drop(lhs);
            return Ok(rhs);
        }
    }
    drop((lhs, rhs));
    new_float(value)
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

/// `tupleiterobject` (Objects/tupleobject.c, private: checked like the other iterator mirrors in
/// `interp/tests/trace_runtime.rs`).
#[repr(C)]
pub struct TupleIter {
    pub ob_base: ffi::PyObject,
    pub it_index: ffi::Py_ssize_t,
    pub it_seq: *mut PyTupleObject,
}

/// The type of list iterators.
pub fn list_iter_type() -> *mut ffi::PyTypeObject {
    ptr::addr_of_mut!(ffi::PyListIter_Type)
}

/// The type of tuple iterators.
pub fn tuple_iter_type() -> *mut ffi::PyTypeObject {
    ptr::addr_of_mut!(ffi::PyTupleIter_Type)
}

/// The type of `range` iterators (small bounds).
pub fn range_iter_type() -> *mut ffi::PyTypeObject {
    ptr::addr_of_mut!(ffi::PyRangeIter_Type)
}

/// What a specialized `FOR_ITER` got from an iterator of the kind it expects.
pub enum IterStep {
    /// The next item (new reference).
    Item(Owned),
    /// The iterator is exhausted (and has dropped its sequence, as CPython's does).
    Exhausted,
    /// Not an iterator of that kind (or no memory for the item): take the generic path.
    Other,
}

/// `next()` of an exact list iterator.
#[inline(always)]
pub fn list_iter_next(iter: &Obj) -> IterStep {
    if !iter.is_exact(list_iter_type()) {
        return IterStep::Other;
    }
    // SAFETY: an exact list iterator: `ListIter` mirrors its layout; the sequence, while set,
    // is a list the iterator owns a reference to.
    unsafe {
        let it = iter.as_ptr().cast::<super::trace_runtime::ListIter>();
        let seq = (*it).it_seq;
        if seq.is_null() {
            return IterStep::Exhausted;
        }
        if (*it).it_index < (*seq).ob_base.ob_size {
            let item = *(*seq).ob_item.add((*it).it_index as usize);
            (*it).it_index += 1;
            return IterStep::Item(Obj::from_ptr(item).to_owned());
        }
        (*it).it_seq = ptr::null_mut();
        ffi::Py_DECREF(seq.cast());
        IterStep::Exhausted
    }
}

/// `next()` of an exact tuple iterator.
#[inline(always)]
pub fn tuple_iter_next(iter: &Obj) -> IterStep {
    if !iter.is_exact(tuple_iter_type()) {
        return IterStep::Other;
    }
    // SAFETY: an exact tuple iterator: `TupleIter` mirrors its layout; the tuple, while set,
    // is owned by the iterator.
    unsafe {
        let it = iter.as_ptr().cast::<TupleIter>();
        let seq = (*it).it_seq;
        if seq.is_null() {
            return IterStep::Exhausted;
        }
        if (*it).it_index < (*seq).ob_base.ob_size {
            let item = *ptr::addr_of!((*seq).ob_item)
                .cast::<*mut ffi::PyObject>()
                .add((*it).it_index as usize);
            (*it).it_index += 1;
            return IterStep::Item(Obj::from_ptr(item).to_owned());
        }
        (*it).it_seq = ptr::null_mut();
        ffi::Py_DECREF(seq.cast());
        IterStep::Exhausted
    }
}

/// `next()` of an exact `range` iterator (the one `iter(range(...))` gives when the bounds fit
/// a C long).
#[inline(always)]
pub fn range_iter_next(iter: &Obj) -> IterStep {
    if !iter.is_exact(range_iter_type()) {
        return IterStep::Other;
    }
    // SAFETY: an exact range iterator: `RangeIter` mirrors its layout.
    unsafe {
        let it = iter.as_ptr().cast::<super::trace_runtime::RangeIter>();
        if (*it).index >= (*it).len {
            return IterStep::Exhausted;
        }
        // As rangeiter_next: start + index * step in unsigned arithmetic (cannot overflow the
        // range's own bounds).
        let value = ((*it).start as u64)
            .wrapping_add(((*it).index as u64).wrapping_mul((*it).step as u64))
            as i64;
        (*it).index += 1;
        match new_int(value) {
            Ok(v) => IterStep::Item(v),
            Err(_) => IterStep::Other,
        }
    }
}

/// The items of an exact tuple (`Some` only for one) or exact list of exactly `n` items,
/// borrowed, for `UNPACK_SEQUENCE`'s specialized forms.
#[inline(always)]
pub fn exact_items(seq: &Obj, n: usize, list: bool) -> Option<&[&Obj]> {
    // SAFETY: exact list/tuple layouts: ob_item holds ob_size live items (a list's pointer is
    // read after the size check; the slice lives only while the caller holds `seq` and does not
    // run Python code before copying the items out).
    unsafe {
        if list {
            if !seq.is_exact_list() {
                return None;
            }
            let l = seq.as_ptr().cast::<PyListObject>();
            if (*l).ob_base.ob_size as usize != n {
                return None;
            }
            Some(std::slice::from_raw_parts((*l).ob_item.cast::<&Obj>(), n))
        } else {
            if !seq.is_exact_tuple() {
                return None;
            }
            let t = seq.as_ptr().cast::<PyTupleObject>();
            if (*t).ob_base.ob_size as usize != n {
                return None;
            }
            Some(std::slice::from_raw_parts(
                ptr::addr_of!((*t).ob_item).cast::<&Obj>(),
                n,
            ))
        }
    }
}

/// The length of an exact list.
#[inline(always)]
pub fn list_len(list: &Obj) -> isize {
    // SAFETY: the caller checked an exact list.
    unsafe { (*list.as_ptr().cast::<PyListObject>()).ob_base.ob_size }
}

/// The length of an exact tuple.
#[inline(always)]
pub fn tuple_len(tuple: &Obj) -> isize {
    // SAFETY: the caller checked an exact tuple.
    unsafe { (*tuple.as_ptr().cast::<PyTupleObject>()).ob_base.ob_size }
}
