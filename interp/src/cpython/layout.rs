//! Layout bookkeeping for the `#[repr(C)]` mirrors of CPython's structs.
//!
//! Every mirror in `frame.rs`, `state.rs` and `objects.rs` is declared through `mirror!`, which
//! emits the struct *and* its [`Layout`] (C type name, size, alignment and one [`Field`] per
//! field, computed with `offset_of!`/`size_of`), so no field can exist without being listed.
//! Structs that are too large or too unstable to mirror whole (`PyInterpreterState`,
//! `_PyRuntimeState`) get typed offsets through `partial_layout!`, which likewise lists every
//! offset it declares. Macro and enum constants taken from the headers are declared through
//! `c_consts!`. [`MIRRORS`], [`PARTIALS`] and [`CONSTANTS`] register them all, and
//! `interp/tests/layout.rs` compiles a C probe against the installed headers that prints the C
//! side of every entry and compares.

use core::marker::PhantomData;

use super::{frame, objects, state};

/// One field of a mirrored struct: its C name (for partial layouts a member path such as
/// `ceval.eval_breaker`), its offset on the Rust side, and its size on the Rust side (0 for a
/// flexible array member, whose C `sizeof` does not exist).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    pub name: &'static str,
    pub offset: usize,
    pub size: usize,
}

/// The Rust-side layout of one mirrored C type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layout {
    /// The C type as `offsetof`/`sizeof` spell it, e.g. `_PyInterpreterFrame`, `struct _opaque`.
    pub c_name: &'static str,
    /// The Rust type (or, for partial layouts, the base type the offsets apply to).
    pub rust_name: &'static str,
    /// `size_of` and `align_of` of the mirror; `None` for partial (offsets-only) layouts.
    pub size: Option<usize>,
    pub align: Option<usize>,
    pub fields: &'static [Field],
}

/// A checked integer constant from the headers (a `#define` or an enum member).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Const {
    pub name: &'static str,
    pub value: i128,
}

/// Implemented by every struct declared with `mirror!`.
pub trait Mirror {
    const LAYOUT: Layout;
}

/// A typed byte offset of a `T` inside a `Base` whose full layout is not mirrored.
pub struct FieldOffset<Base, T> {
    offset: usize,
    _types: PhantomData<fn(*mut Base) -> *mut T>,
}

impl<Base, T> FieldOffset<Base, T> {
    pub const fn new(offset: usize) -> Self {
        Self {
            offset,
            _types: PhantomData,
        }
    }

    /// The byte offset.
    pub const fn offset(self) -> usize {
        self.offset
    }

    /// A pointer to the field inside `base`.
    ///
    /// # Safety
    /// `base` must point to a live `Base` (so that `base + offset` stays inside it).
    pub const unsafe fn ptr(self, base: *mut Base) -> *mut T {
        // SAFETY: the caller guarantees `base` points to a live `Base`; the offset was checked
        // against the C headers to lie inside it with `T`'s size.
        unsafe { base.cast::<u8>().add(self.offset).cast::<T>() }
    }
}

impl<Base, T> Clone for FieldOffset<Base, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<Base, T> Copy for FieldOffset<Base, T> {}

impl<Base, T> core::fmt::Debug for FieldOffset<Base, T> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "FieldOffset({})", self.offset)
    }
}

/// Declares `#[repr(C)]` mirrors of C structs together with their [`Layout`]s.
///
/// ```ignore
/// mirror! {
///     /// Docs.
///     pub struct _PyCFrame as "_PyCFrame" {
///         pub use_tracing: u8,
///         pub current_frame: *mut _PyInterpreterFrame,
///         pub previous: *mut _PyCFrame,
///     }
/// }
/// ```
/// Field names must be the C field names: the probe uses them verbatim in `offsetof`.
/// Zero-sized fields stand for C flexible array members (`T name[]`).
macro_rules! mirror {
    ($(
        $(#[$meta:meta])*
        $vis:vis struct $name:ident as $c_name:literal {
            $( $(#[$field_meta:meta])* $field_vis:vis $field:ident : $ty:ty ),* $(,)?
        }
    )*) => {$(
        $(#[$meta])*
        #[repr(C)]
        $vis struct $name {
            $( $(#[$field_meta])* $field_vis $field: $ty, )*
        }

        impl $crate::cpython::layout::Mirror for $name {
            const LAYOUT: $crate::cpython::layout::Layout = $crate::cpython::layout::Layout {
                c_name: $c_name,
                rust_name: stringify!($name),
                size: Some(::core::mem::size_of::<$name>()),
                align: Some(::core::mem::align_of::<$name>()),
                fields: &[$(
                    $crate::cpython::layout::Field {
                        name: stringify!($field),
                        offset: ::core::mem::offset_of!($name, $field),
                        size: ::core::mem::size_of::<$ty>(),
                    },
                )*],
            };
        }
    )*};
}
pub(crate) use mirror;

/// Declares a module of typed [`FieldOffset`]s into a C struct that is not mirrored whole, plus
/// the module's `LAYOUT` (a [`Layout`] with no size) listing every offset for the probe.
///
/// ```ignore
/// partial_layout! {
///     /// Docs.
///     pub mod interp: pyo3_ffi::PyInterpreterState as "PyInterpreterState" {
///         /// Docs.
///         pub const CEVAL_EVAL_BREAKER: AtomicI32 = "ceval.eval_breaker" @ 100;
///     }
/// }
/// ```
macro_rules! partial_layout {
    ($(
        $(#[$meta:meta])*
        $vis:vis mod $module:ident : $base:ty as $c_name:literal {
            $( $(#[$const_meta:meta])* pub const $name:ident : $ty:ty = $path:literal @ $offset:literal; )*
        }
    )*) => {$(
        $(#[$meta])*
        $vis mod $module {
            #[allow(unused_imports)]
            use super::*;

            $(
                $(#[$const_meta])*
                #[doc = concat!("\n\nC: `", $c_name, ".", $path, "` at byte ", stringify!($offset), ".")]
                pub const $name: $crate::cpython::layout::FieldOffset<$base, $ty> =
                    $crate::cpython::layout::FieldOffset::new($offset);
            )*

            /// Every offset above, for the layout probe.
            pub const LAYOUT: $crate::cpython::layout::Layout = $crate::cpython::layout::Layout {
                c_name: $c_name,
                rust_name: stringify!($base),
                size: None,
                align: None,
                fields: &[$(
                    $crate::cpython::layout::Field {
                        name: $path,
                        offset: $offset,
                        size: ::core::mem::size_of::<$ty>(),
                    },
                )*],
            };
        }
    )*};
}
pub(crate) use partial_layout;

/// Declares integer constants taken from the headers and a `CONSTS` list of them for the probe.
/// The Rust name must be the C name (a `#define` or enum member visible after the probe's
/// includes).
///
/// ```ignore
/// c_consts! {
///     /// Docs.
///     pub const FRAME_OWNED_BY_THREAD: c_char = 0;
/// }
/// ```
macro_rules! c_consts {
    ($( $(#[$meta:meta])* pub const $name:ident : $ty:ty = $value:expr; )*) => {
        $( $(#[$meta])* pub const $name: $ty = $value; )*

        /// Every constant above, for the layout probe.
        pub const CONSTS: &[$crate::cpython::layout::Const] = &[$(
            $crate::cpython::layout::Const { name: stringify!($name), value: $name as i128 },
        )*];
    };
}
pub(crate) use c_consts;

/// The headers the probe includes after `<Python.h>` (with `Py_BUILD_CORE` defined), relative to
/// the include directory or its `internal/` subfolder.
pub const PROBE_HEADERS: &[&str] = &[
    "internal/pycore_frame.h",
    "internal/pycore_code.h",
    "internal/pycore_dict.h",
    "internal/pycore_object.h",
    "internal/pycore_moduleobject.h",
    "structmember.h",
    "internal/pycore_interp.h",
    "internal/pycore_runtime.h",
];

/// Every whole-struct mirror.
pub const MIRRORS: &[Layout] = &[
    <frame::_PyInterpreterFrame as Mirror>::LAYOUT,
    <frame::_PyCFrame as Mirror>::LAYOUT,
    <frame::PyFrameObject as Mirror>::LAYOUT,
    <state::_PyErr_StackItem as Mirror>::LAYOUT,
    <state::_PyStackChunk as Mirror>::LAYOUT,
    <state::_opaque as Mirror>::LAYOUT,
    <state::PyCodeAddressRange as Mirror>::LAYOUT,
    <state::PyTraceInfo as Mirror>::LAYOUT,
    <state::PyThreadState as Mirror>::LAYOUT,
    <objects::PyCodeObject as Mirror>::LAYOUT,
    <objects::PyFunctionObject as Mirror>::LAYOUT,
    <objects::PyGenObject as Mirror>::LAYOUT,
    <objects::PyCoroObject as Mirror>::LAYOUT,
    <objects::PyAsyncGenObject as Mirror>::LAYOUT,
    <objects::PyDictKeysObject as Mirror>::LAYOUT,
    <objects::PyDictKeyEntry as Mirror>::LAYOUT,
    <objects::PyDictUnicodeEntry as Mirror>::LAYOUT,
    <objects::PyDictValues as Mirror>::LAYOUT,
    <objects::PyDictObject as Mirror>::LAYOUT,
    <objects::PyLongObject as Mirror>::LAYOUT,
    <objects::PyFloatObject as Mirror>::LAYOUT,
    <objects::PyTupleObject as Mirror>::LAYOUT,
    <objects::PyListObject as Mirror>::LAYOUT,
    <objects::PyCellObject as Mirror>::LAYOUT,
    <objects::PyBaseExceptionObject as Mirror>::LAYOUT,
];

/// Every offsets-only layout.
pub const PARTIALS: &[Layout] = &[
    state::interp::LAYOUT,
    state::runtime::LAYOUT,
    objects::type_object::LAYOUT,
    objects::heap_type::LAYOUT,
    objects::module_object::LAYOUT,
    objects::member_descr::LAYOUT,
    objects::member_def::LAYOUT,
];

/// Every checked constant, per module.
pub const CONSTANTS: &[&[Const]] = &[frame::CONSTS, state::CONSTS, objects::CONSTS];
