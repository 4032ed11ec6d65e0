//! `UNPACK_SEQUENCE` and `UNPACK_EX`: ceval.c's `unpack_iterable`.

use crate::cpython::capi;
use crate::cpython::exc;
use crate::cpython::object::{self, Obj, Owned, PyResult, Raised};

use super::message::{c_str, raise_formatted, text};

/// Unpacks `seq` into `before` values, then (for `UNPACK_EX`, `after = Some(n)`) a list of the
/// middle values and `n` more values. The result is in the order the evaluator pushes it: the
/// last value first, so that the sequence's first value ends on top of the stack.
pub fn unpack_iterable(seq: &Obj, before: usize, after: Option<usize>) -> PyResult<Vec<Owned>> {
    let iter = object::get_iter(seq).map_err(|Raised| non_iterable_error(seq))?;
    let mut head = Vec::with_capacity(before);
    for got in 0..before {
        match object::iter_next(&iter)? {
            Some(value) => head.push(value),
            None => {
                let message = match after {
                    None => format!("not enough values to unpack (expected {before}, got {got})"),
                    Some(after) => format!(
                        "not enough values to unpack (expected at least {}, got {got})",
                        before + after
                    ),
                };
                return Err(raise_formatted(exc::value_error(), || text(&message)));
            }
        }
    }
    let Some(after) = after else {
        if object::iter_next(&iter)?.is_some() {
            return Err(raise_formatted(exc::value_error(), || {
                text(&format!("too many values to unpack (expected {before})"))
            }));
        }
        head.reverse();
        return Ok(head);
    };
    let rest = object::sequence_list(&iter)?;
    let len = object::len(&rest)? as usize;
    if len < after {
        return Err(raise_formatted(exc::value_error(), || {
            text(&format!(
                "not enough values to unpack (expected at least {}, got {})",
                before + after,
                before + len
            ))
        }));
    }
    let mut values: Vec<Owned> = if after == 0 {
        Vec::new()
    } else {
        object::fast_items(&rest)[len - after..]
            .iter()
            .rev()
            .map(|value| (*value).to_owned())
            .collect()
    };
    capi::list_truncate(&rest, len - after)?;
    values.reserve(1 + before);
    values.push(rest);
    values.extend(head.into_iter().rev());
    Ok(values)
}

/// `iter(seq)` failed: a TypeError from a type that is not iterable at all becomes "cannot
/// unpack non-iterable ..."; any other error stays.
fn non_iterable_error(seq: &Obj) -> Raised {
    if object::error_matches(exc::type_error())
        && !capi::has_iter_slot(seq)
        && !capi::is_sequence(seq)
    {
        let name = c_str(&capi::type_name_of(seq), Some(200));
        return raise_formatted(exc::type_error(), || {
            text(&format!("cannot unpack non-iterable {name} object"))
        });
    }
    Raised
}
