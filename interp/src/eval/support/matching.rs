//! Structural pattern matching: ceval.c's `match_class` (with `match_class_attr`) for
//! `MATCH_CLASS` and `match_keys` for `MATCH_KEYS`.

use crate::cpython::capi;
use crate::cpython::exc;
use crate::cpython::object::{self, Obj, Owned, PyResult, Raised};

use super::message::{c_str, concat, raise_formatted, raise_text, text, Piece};

/// `case cls(p1, ..., pN, k1=..., ...)`: `Ok(Some(attributes))` on a match, a tuple of the
/// `nargs` positional attributes (named by `cls.__match_args__`, or the subject itself for the
/// self-matching builtins) followed by the attributes named in `kwargs` (a tuple of strs);
/// `Ok(None)` when the subject is not an instance or lacks an attribute.
pub fn match_class(
    subject: &Obj,
    cls: &Obj,
    nargs: usize,
    kwargs: &Obj,
) -> PyResult<Option<Owned>> {
    if !cls.is_type() {
        return Err(raise_text(
            exc::type_error(),
            "called match pattern must be a type",
        ));
    }
    if !object::is_instance(subject, cls)? {
        return Ok(None);
    }
    let seen = object::new_set()?;
    let mut attrs = Vec::with_capacity(nargs + object::tuple_len(kwargs));
    if nargs > 0 {
        let match_args_name = object::intern_static(c"__match_args__")?;
        let (match_args, match_self) = match object::getattr(cls, &match_args_name) {
            Ok(match_args) => {
                if !match_args.is_exact_tuple() {
                    let message = format!(
                        "{}.__match_args__ must be a tuple (got {})",
                        c_str(&capi::type_name(cls), None),
                        c_str(&capi::type_name_of(&match_args), None)
                    );
                    return Err(raise_formatted(exc::type_error(), || text(&message)));
                }
                (match_args, false)
            }
            Err(Raised) if object::error_matches(exc::attribute_error()) => {
                object::clear_error();
                // The self-matching flag counts only when the class defines no __match_args__.
                (object::tuple_from(&[])?, capi::type_matches_self(cls))
            }
            Err(Raised) => return Err(Raised),
        };
        let allowed = if match_self {
            1
        } else {
            object::tuple_len(&match_args)
        };
        if allowed < nargs {
            let message = format!(
                "{}() accepts {allowed} positional sub-pattern{} ({nargs} given)",
                c_str(&capi::type_name(cls), None),
                if allowed == 1 { "" } else { "s" },
            );
            return Err(raise_formatted(exc::type_error(), || text(&message)));
        }
        if match_self {
            attrs.push(subject.to_owned());
        } else {
            for i in 0..nargs {
                let name = object::tuple_item(&match_args, i);
                if !name.is_exact_str() {
                    let message = format!(
                        "__match_args__ elements must be strings (got {})",
                        c_str(&capi::type_name_of(name), None)
                    );
                    return Err(raise_formatted(exc::type_error(), || text(&message)));
                }
                match match_class_attr(subject, cls, name, &seen)? {
                    Some(attr) => attrs.push(attr),
                    None => return Ok(None),
                }
            }
        }
    }
    for i in 0..object::tuple_len(kwargs) {
        let name = object::tuple_item(kwargs, i);
        match match_class_attr(subject, cls, name, &seen)? {
            Some(attr) => attrs.push(attr),
            None => return Ok(None),
        }
    }
    object::tuple_from_owned(attrs).map(Some)
}

/// One attribute of a class pattern: TypeError if the pattern names it twice, `Ok(None)` if
/// the subject has no such attribute.
fn match_class_attr(subject: &Obj, cls: &Obj, name: &Obj, seen: &Obj) -> PyResult<Option<Owned>> {
    if capi::set_contains(seen, name)? {
        let type_name = c_str(&capi::type_name(cls), None);
        return Err(raise_formatted(exc::type_error(), || {
            let name = object::repr(name)?;
            concat(&[
                Piece::Text(&format!(
                    "{type_name}() got multiple sub-patterns for attribute "
                )),
                Piece::Str(&name),
            ])
        }));
    }
    object::set_add(seen, name)?;
    match object::getattr(subject, name) {
        Ok(attr) => Ok(Some(attr)),
        Err(Raised) if object::error_matches(exc::attribute_error()) => {
            object::clear_error();
            Ok(None)
        }
        Err(Raised) => Err(Raised),
    }
}

/// `case {k1: ..., k2: ...}`: the values of `keys` (a tuple) in `subject`, looked up with
/// `subject.get(key, sentinel)` so that mappings with `__missing__` are not changed; None when
/// a key is missing. A key given twice raises ValueError.
pub fn match_keys(subject: &Obj, keys: &Obj) -> PyResult<Owned> {
    let nkeys = object::tuple_len(keys);
    if nkeys == 0 {
        return object::tuple_from(&[]);
    }
    let get_name = object::intern_static(c"get")?;
    let (get, is_unbound_method) = object::get_method(subject, &get_name)?;
    let seen = object::new_set()?;
    let dummy = capi::new_object()?;
    let mut values = Vec::with_capacity(nkeys);
    for i in 0..nkeys {
        let key = object::tuple_item(keys, i);
        if capi::set_contains(&seen, key)? {
            return Err(raise_formatted(exc::value_error(), || {
                let key = object::repr(key)?;
                concat(&[
                    Piece::Text("mapping pattern checks duplicate key ("),
                    Piece::Str(&key),
                    Piece::Text(")"),
                ])
            }));
        }
        object::set_add(&seen, key)?;
        let value = if is_unbound_method {
            object::call_args(&get, &[subject, key, &dummy])?
        } else {
            object::call_args(&get, &[key, &dummy])?
        };
        if value.is(&dummy) {
            return Ok(Owned::none());
        }
        values.push(value);
    }
    object::tuple_from_owned(values)
}
