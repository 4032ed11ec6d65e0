//! `except*`: `CHECK_EG_MATCH` (ceval.c's `check_except_star_type_valid` and
//! `exception_group_match`) and `PREP_RERAISE_STAR` (Objects/exceptions.c's
//! `_PyExc_PrepReraiseStar` with the projection it computes).

use std::collections::HashSet;

use crate::cpython::capi;
use crate::cpython::exc;
use crate::cpython::object::{self, Obj, Owned, PyResult, Raised};

use super::message::{c_str, raise_text};
use super::raise::check_except_type_valid;

/// `CANNOT_EXCEPT_STAR_EG`.
const CANNOT_EXCEPT_STAR_EG: &str =
    "catching ExceptionGroup with except* is not allowed. Use except instead.";

/// Checks the `except*` target, then splits the exception being handled by it. Returns
/// `(rest, matched)`: `matched` is None when nothing matched; a naked exception that matches is
/// wrapped in a new exception group.
pub fn check_eg_match(exc_value: &Obj, match_type: &Obj) -> PyResult<(Owned, Owned)> {
    check_except_star_type_valid(match_type)?;
    if exc_value.is_none() {
        return Ok((Owned::none(), Owned::none()));
    }
    if object::exception_matches(exc_value, match_type) {
        let matched = if capi::is_exception_group(exc_value) {
            exc_value.to_owned()
        } else {
            let excs = object::tuple_from(&[exc_value])?;
            create_exception_group(&excs)?
        };
        return Ok((Owned::none(), matched));
    }
    if capi::is_exception_group(exc_value) {
        let split = object::intern_static(c"split")?;
        let method = object::getattr(exc_value, &split)?;
        let pair = object::call_args(&method, &[match_type])?;
        // CPython 3.11 assumes a 2-tuple here (and crashes otherwise); this raises instead,
        // with the message later versions use.
        if !pair.is_exact_tuple() {
            return Err(raise_text(
                exc::type_error(),
                &format!(
                    "{}.split must return a tuple, not {}",
                    c_str(&capi::type_name_of(exc_value), Some(200)),
                    c_str(&capi::type_name_of(&pair), Some(200))
                ),
            ));
        }
        if object::tuple_len(&pair) != 2 {
            return Err(raise_text(
                exc::type_error(),
                &format!(
                    "{}.split must return a 2-tuple, got tuple of size {}",
                    c_str(&capi::type_name_of(exc_value), Some(200)),
                    object::tuple_len(&pair)
                ),
            ));
        }
        let matched = object::tuple_item(&pair, 0).to_owned();
        let rest = object::tuple_item(&pair, 1).to_owned();
        return Ok((rest, matched));
    }
    Ok((Owned::none(), Owned::none()))
}

/// The target of an `except*` clause must be a valid `except` target and not an exception
/// group class.
fn check_except_star_type_valid(right: &Obj) -> PyResult<()> {
    check_except_type_valid(right)?;
    let group = capi::base_exception_group();
    let is_group = if right.is_tuple() {
        let mut any = false;
        for i in 0..object::tuple_len(right) {
            if object::is_subclass(object::tuple_item(right, i), group)? {
                any = true;
                break;
            }
        }
        any
    } else {
        object::is_subclass(right, group)?
    };
    if is_group {
        Err(raise_text(exc::type_error(), CANNOT_EXCEPT_STAR_EG))
    } else {
        Ok(())
    }
}

/// `_PyExc_CreateExceptionGroup("", excs)`: `BaseExceptionGroup("", excs)` (which makes an
/// `ExceptionGroup` when every member is an `Exception`).
fn create_exception_group(excs: &Obj) -> PyResult<Owned> {
    let message = object::new_str("")?;
    object::call_args(capi::base_exception_group(), &[&message, excs])
}

/// The exception group to raise at the end of a `try`-`except*`: `orig` is the exception that
/// was caught, `excs` the list of what each `except*` clause raised or re-raised (None for
/// clauses that did neither). Re-raised exceptions keep their nesting in `orig`; newly raised
/// ones become siblings in a new group. None when there is nothing to raise.
pub fn prep_reraise_star(orig: &Obj, excs: &Obj) -> PyResult<Owned> {
    // The compiler builds `excs` with BUILD_LIST; a copy keeps the items alive whatever the
    // calls below do.
    let excs = object::sequence_tuple(excs)?;
    let excs: Vec<Owned> = (0..object::tuple_len(&excs))
        .map(|i| object::tuple_item(&excs, i).to_owned())
        .collect();
    let Some(first) = excs.first() else {
        return Ok(Owned::none());
    };
    if !capi::is_exception_group(orig) {
        // A naked exception was caught (and wrapped): at most one clause ran.
        return Ok(first.clone());
    }
    let (reraised, mut raised): (Vec<Owned>, Vec<Owned>) = excs
        .into_iter()
        .filter(|e| !e.is_none())
        .partition(|e| capi::same_exception_metadata(e, orig));
    let reraised_group = exception_group_projection(orig, &reraised)?;
    if raised.is_empty() {
        return Ok(reraised_group);
    }
    if !reraised_group.is_none() {
        raised.push(reraised_group);
    }
    // Since 3.11.4 (gh-103590) a single exception is raised as it is, not wrapped in a group.
    if raised.len() == 1 {
        return Ok(raised.swap_remove(0));
    }
    let raised = object::list_from_owned(raised)?;
    create_exception_group(&raised)
}

/// The identities of leaf exceptions (`id()` of each), collected without running Python code.
type LeafIds = HashSet<usize>;

fn identity(obj: &Obj) -> usize {
    obj.as_ptr() as usize
}

/// `exception_group_projection`: the sub-group of `group` holding every leaf exception that
/// appears in one of `keep`, with `group`'s nesting; None if there is none.
fn exception_group_projection(group: &Obj, keep: &[Owned]) -> PyResult<Owned> {
    let mut leaf_ids = LeafIds::new();
    for e in keep {
        collect_leaf_ids(e, &mut leaf_ids)?;
    }
    Ok(split_by_ids(group, &leaf_ids)?.unwrap_or_else(Owned::none))
}

/// `collect_exception_group_leaf_ids`.
fn collect_leaf_ids(exc: &Obj, leaf_ids: &mut LeafIds) -> PyResult<()> {
    if exc.is_none() {
        return Ok(());
    }
    if !capi::is_exception_group(exc) {
        leaf_ids.insert(identity(exc));
        return Ok(());
    }
    let members = capi::exception_group_items(exc)?;
    for i in 0..object::tuple_len(&members) {
        let member = object::tuple_item(&members, i);
        capi::with_recursion_check(c" in collect_exception_group_leaf_ids", || {
            collect_leaf_ids(member, leaf_ids)
        })?;
    }
    Ok(())
}

/// `exceptiongroup_split_recursive` with the leaf-identity matcher and no rest: the part of
/// `exc` made of the leaves in `leaf_ids`, `None` if there is none.
fn split_by_ids(exc: &Obj, leaf_ids: &LeafIds) -> PyResult<Option<Owned>> {
    if !capi::is_exception_group(exc) {
        return Ok(leaf_ids.contains(&identity(exc)).then(|| exc.to_owned()));
    }
    let members = capi::exception_group_items(exc)?;
    let mut matched = Vec::new();
    for i in 0..object::tuple_len(&members) {
        let member = object::tuple_item(&members, i);
        let part = capi::with_recursion_check(c" in exceptiongroup_split_recursive", || {
            split_by_ids(member, leaf_ids)
        })?;
        matched.extend(part);
    }
    exception_group_subset(exc, matched)
}

/// `exceptiongroup_subset`: a group made by `orig.derive(excs)` with `orig`'s traceback,
/// context, cause and (a copy of) notes; `None` when `excs` is empty.
fn exception_group_subset(orig: &Obj, excs: Vec<Owned>) -> PyResult<Option<Owned>> {
    if excs.is_empty() {
        return Ok(None);
    }
    let excs = object::list_from_owned(excs)?;
    let derive = object::intern_static(c"derive")?;
    let derive = object::getattr(orig, &derive)?;
    let group = object::call_args(&derive, &[&excs])?;
    if !capi::is_exception_group(&group) {
        return Err(raise_text(
            exc::type_error(),
            "derive must return an instance of BaseExceptionGroup",
        ));
    }
    if let Some(tb) = capi::exception_traceback(orig) {
        capi::set_exception_traceback(&group, &tb)?;
    }
    capi::set_exception_context(&group, capi::exception_context(orig));
    capi::set_exception_cause(&group, capi::exception_cause(orig));
    let notes_name = object::intern_static(c"__notes__")?;
    if has_attr(orig, &notes_name) {
        let notes = object::getattr(orig, &notes_name)?;
        // Notes that are not a sequence are ignored, as CPython does.
        if capi::is_sequence(&notes) {
            let copy = object::sequence_list(&notes)?;
            object::setattr(&group, &notes_name, &copy)?;
        }
    }
    Ok(Some(group))
}

/// `PyObject_HasAttr`: any error while looking is swallowed.
fn has_attr(obj: &Obj, name: &Obj) -> bool {
    match capi::lookup_attr(obj, name) {
        Ok(found) => found.is_some(),
        Err(Raised) => {
            object::clear_error();
            false
        }
    }
}
