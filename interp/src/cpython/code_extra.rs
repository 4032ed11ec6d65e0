//! Per-code-object data kept by justjit in the code object's extra slot
//! (`_PyEval_RequestCodeExtraIndex`), freed by CPython when the code object dies.

use std::collections::VecDeque;
use std::ffi::c_void;
use std::marker::PhantomData;
use std::ptr;
use std::sync::Mutex;

use pyo3_ffi::{PyObject, Py_ssize_t};

use super::object::Obj;
use super::objects::PyCodeObject;

extern "C" {
    fn _PyEval_RequestCodeExtraIndex(free: Option<unsafe extern "C" fn(*mut c_void)>)
        -> Py_ssize_t;
    fn _PyCode_GetExtra(code: *mut PyObject, index: Py_ssize_t, extra: *mut *mut c_void) -> i32;
    fn _PyCode_SetExtra(code: *mut PyObject, index: Py_ssize_t, extra: *mut c_void) -> i32;
}

/// `_PyCodeObjectExtra`, what `co_extra` points at. Private to Objects/codeobject.c (in no
/// header), so checked by behaviour: `interp/tests/trace_runtime.rs` reads slots set through
/// `_PyCode_SetExtra` back through [`ExtraSlot::get`].
#[repr(C)]
struct _PyCodeObjectExtra {
    ce_size: Py_ssize_t,
    /// `ce_size` slots (C's `void *ce_extras[1]`, continuing past the struct).
    ce_extras: [*mut c_void; 1],
}

/// A slot holding one boxed `T` per code object.
pub struct ExtraSlot<T> {
    index: Py_ssize_t,
    _type: PhantomData<fn() -> T>,
}

/// Values whose code object died, kept a while before they are dropped. CPython calls the free
/// functions of a dying code object one slot after another, and a later slot's free function may
/// run Python code — even the dying code itself (test_code does) — whose frame justjit then
/// looks up in the slot it already freed. Deferring the drop keeps that read valid.
static GRAVEYARD: Mutex<VecDeque<Box<dyn Send>>> = Mutex::new(VecDeque::new());

/// How many freed values the graveyard keeps (far more than one code object's dealloc frees).
const GRAVEYARD_SIZE: usize = 4096;

unsafe extern "C" fn free_boxed<T: Send + 'static>(extra: *mut c_void) {
    if extra.is_null() {
        return;
    }
    // SAFETY: only `get_or_insert_with` stores into this slot, always a Box<T>.
    let value: Box<dyn Send> = unsafe { Box::from_raw(extra.cast::<T>()) };
    let mut graveyard = GRAVEYARD.lock().unwrap_or_else(|e| e.into_inner());
    graveyard.push_back(value);
    if graveyard.len() > GRAVEYARD_SIZE {
        let oldest = graveyard.pop_front();
        drop(graveyard);
        drop(oldest);
    }
}

impl<T: Send + 'static> ExtraSlot<T> {
    /// Reserves a slot (once per process; CPython has 255).
    pub fn request() -> Option<ExtraSlot<T>> {
        // SAFETY: GIL held by the caller (the evaluator); the free function matches what we store.
        let index = unsafe { _PyEval_RequestCodeExtraIndex(Some(free_boxed::<T>)) };
        (index >= 0).then_some(ExtraSlot {
            index,
            _type: PhantomData,
        })
    }

    /// The value stored for `code`, if any: read straight from `co_extra` (no call), for the
    /// evaluator's per-frame lookups.
    #[inline(always)]
    pub fn get<'a>(&self, code: &'a Obj) -> Option<&'a T> {
        // SAFETY: `code` is a live code object (checked by the caller's type); `co_extra` is
        // NULL or a `_PyCodeObjectExtra` with `ce_size` slots; our slot holds NULL or the
        // Box<T> that `get_or_insert_with` stored, alive while the code object lives.
        unsafe {
            let extra = (*code.as_ptr().cast::<PyCodeObject>()).co_extra;
            if extra.is_null() {
                return None;
            }
            let extra = extra.cast::<_PyCodeObjectExtra>();
            if self.index >= (*extra).ce_size {
                return None;
            }
            let slot = *std::ptr::addr_of!((*extra).ce_extras)
                .cast::<*mut c_void>()
                .add(self.index as usize);
            (!slot.is_null()).then(|| &*slot.cast::<T>())
        }
    }

    /// The value stored for `code`, made by `make` on first use. The reference stays valid
    /// while the code object lives (the caller holds it).
    pub fn get_or_insert_with<'a>(&self, code: &'a Obj, make: impl FnOnce() -> T) -> &'a T {
        let mut extra: *mut c_void = ptr::null_mut();
        // SAFETY: `code` is a live code object; the slot only ever holds a Box<T> that lives
        // until the code object is freed, which outlives the borrow of `code`.
        unsafe {
            if _PyCode_GetExtra(code.as_ptr(), self.index, &mut extra) == 0 && !extra.is_null() {
                return &*extra.cast::<T>();
            }
            let boxed = Box::into_raw(Box::new(make()));
            if _PyCode_SetExtra(code.as_ptr(), self.index, boxed.cast()) != 0 {
                pyo3_ffi::PyErr_Clear();
                // Could not attach (out of memory): leak-free fallback is impossible without a
                // place to keep it, so keep the value alive for the process.
            }
            &*boxed
        }
    }
}
