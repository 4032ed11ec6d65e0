//! The import instructions' helpers: ceval.c's `import_name` (`IMPORT_NAME`), `import_from`
//! (`IMPORT_FROM`) and `import_all_from` (`IMPORT_STAR`).

use crate::cpython::capi;
use crate::cpython::cursor::FramePtr;
use crate::cpython::exc;
use crate::cpython::object::{self, Obj, Owned, PyResult, Raised};
use crate::cpython::runtime::Thread;

use super::message::{c_str, concat, raise_formatted, raise_text, Piece};

/// `import name` / `from name import fromlist` at relative `level`: calls `builtins.__import__`
/// of the frame (directly into the import machinery when it is the original one).
pub fn import_name(
    thread: Thread,
    frame: &FramePtr,
    name: &Obj,
    fromlist: &Obj,
    level: &Obj,
) -> PyResult<Owned> {
    let import_key = object::intern_static(c"__import__")?;
    let Some(import_func) = object::dict_get(frame.builtins(), &import_key)? else {
        return Err(raise_text(exc::import_error(), "__import__ not found"));
    };
    let import_func = import_func.to_owned();
    let none = Owned::none();
    let locals = frame.locals_mapping().unwrap_or(&none);
    if capi::is_original_import(thread, &import_func) {
        let level = capi::int_as_c_int(level)?;
        return capi::import_module_level(name, frame.globals(), locals, fromlist, level);
    }
    object::call_args(
        &import_func,
        &[name, frame.globals(), locals, fromlist, level],
    )
}

/// `from module import name`: the attribute, or the submodule `module.name` from
/// `sys.modules` (a circular import may not have set the attribute yet); ImportError otherwise.
pub fn import_from(module: &Obj, name: &Obj) -> PyResult<Owned> {
    if let Some(value) = capi::lookup_attr(module, name)? {
        return Ok(value);
    }
    let name_key = object::intern_static(c"__name__")?;
    let package_name = match object::getattr(module, &name_key) {
        Ok(package_name) if package_name.is_str() => Some(package_name),
        Ok(_) | Err(Raised) => None,
    };
    if let Some(package_name) = &package_name {
        let full_name = concat(&[Piece::Str(package_name), Piece::Text("."), Piece::Str(name)])?;
        if let Some(submodule) = capi::imported_module(&full_name)? {
            return Ok(submodule);
        }
    }
    Err(cannot_import_name(module, name, package_name.as_deref()))
}

/// The ImportError of a failed `from module import name`, naming the module's file (and a
/// probable circular import when the module is still initializing).
fn cannot_import_name(module: &Obj, name: &Obj, package_name: Option<&Obj>) -> Raised {
    let path = capi::module_filename(module)
        .ok()
        .filter(|path| path.is_str());
    let initializing = match &path {
        None => {
            object::clear_error();
            false
        }
        Some(_) => {
            let spec = object::intern_static(c"__spec__")
                .and_then(|key| object::getattr(module, &key))
                .ok();
            capi::spec_is_initializing(spec.as_deref())
        }
    };
    let message = import_error_message(name, package_name, path.as_deref(), initializing);
    // A message that could not be made raises TypeError, as PyErr_SetImportError does.
    capi::raise_import_error(message.as_deref().ok(), package_name, path.as_deref())
}

/// "cannot import name 'x' from 'module' (location)".
fn import_error_message(
    name: &Obj,
    package_name: Option<&Obj>,
    path: Option<&Obj>,
    initializing: bool,
) -> PyResult<Owned> {
    let unknown;
    let package_name = match package_name {
        Some(package_name) => package_name,
        None => {
            unknown = object::new_str("<unknown module name>")?;
            &unknown
        }
    };
    let name = object::repr(name)?;
    let package_name = object::repr(package_name)?;
    let Some(path) = path else {
        return concat(&[
            Piece::Text("cannot import name "),
            Piece::Str(&name),
            Piece::Text(" from "),
            Piece::Str(&package_name),
            Piece::Text(" (unknown location)"),
        ]);
    };
    let path = object::str(path)?;
    let (from, circular) = if initializing {
        (
            " from partially initialized module ",
            " (most likely due to a circular import)",
        )
    } else {
        (" from ", "")
    };
    concat(&[
        Piece::Text("cannot import name "),
        Piece::Str(&name),
        Piece::Text(from),
        Piece::Str(&package_name),
        Piece::Text(circular),
        Piece::Text(" ("),
        Piece::Str(&path),
        Piece::Text(")"),
    ])
}

/// `from module import *` into the `locals` mapping: the names in `module.__all__`, or else
/// every key of `module.__dict__` that does not start with an underscore.
pub fn import_all_from(locals: &Obj, module: &Obj) -> PyResult<()> {
    let all_key = object::intern_static(c"__all__")?;
    let (names, from_dict) = match capi::lookup_attr(module, &all_key)? {
        Some(all) => (all, false),
        None => {
            let dict_key = object::intern_static(c"__dict__")?;
            let Some(dict) = capi::lookup_attr(module, &dict_key)? else {
                return Err(raise_text(
                    exc::import_error(),
                    "from-import-* object has no __dict__ and no __all__",
                ));
            };
            (capi::mapping_keys(&dict)?, true)
        }
    };
    for index in 0.. {
        let name = match capi::sequence_item(&names, index) {
            Ok(name) => name,
            Err(Raised) if object::error_matches(exc::index_error()) => {
                object::clear_error();
                return Ok(());
            }
            Err(Raised) => return Err(Raised),
        };
        if !name.is_str() {
            return Err(non_str_name_error(module, &name, from_dict));
        }
        if from_dict && capi::str_starts_with_underscore(&name)? {
            continue;
        }
        let value = object::getattr(module, &name)?;
        if locals.is_exact_dict() {
            object::dict_set(locals, &name, &value)?;
        } else {
            object::setitem(locals, &name, &value)?;
        }
    }
    unreachable!("the loop ends when the sequence runs out")
}

/// TypeError for a name in `__all__` (or a key of `__dict__`) that is not a str.
fn non_str_name_error(module: &Obj, name: &Obj, from_dict: bool) -> Raised {
    let name_key = match object::intern_static(c"__name__") {
        Ok(key) => key,
        Err(Raised) => return Raised,
    };
    let Ok(module_name) = object::getattr(module, &name_key) else {
        return Raised;
    };
    if !module_name.is_str() {
        let type_name = c_str(&capi::type_name_of(&module_name), Some(100));
        return raise_formatted(exc::type_error(), || {
            super::message::text(&format!(
                "module __name__ must be a string, not {type_name}"
            ))
        });
    }
    let (what, container) = if from_dict {
        ("Key", "__dict__")
    } else {
        ("Item", "__all__")
    };
    let type_name = c_str(&capi::type_name_of(name), Some(100));
    raise_formatted(exc::type_error(), || {
        concat(&[
            Piece::Text(&format!("{what} in ")),
            Piece::Str(&module_name),
            Piece::Text(&format!(".{container} must be str, not {type_name}")),
        ])
    })
}
