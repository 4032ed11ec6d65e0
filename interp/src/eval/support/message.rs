//! Building exception messages the way `PyUnicode_FromFormat` and `_PyErr_Format` do.
//!
//! Messages are assembled as Python strs so that `%U`, `%S` and `%R` pieces keep their exact
//! content (lone surrogates included); `%s` pieces, which CPython reads from a UTF-8 C string,
//! go through [`c_str`].

use crate::cpython::object::{self, join_strs, new_str, Obj, Owned, PyResult, Raised};

/// One piece of a message.
pub(super) enum Piece<'a> {
    /// Literal text (and `%s`/`%d` pieces already rendered).
    Text(&'a str),
    /// The content of a str (`%U`, or `%S`/`%R` after `str()`/`repr()`).
    Str(&'a Obj),
}

/// Concatenates the pieces into a new str.
pub(super) fn concat(pieces: &[Piece<'_>]) -> PyResult<Owned> {
    let parts = pieces
        .iter()
        .map(|piece| match piece {
            Piece::Text(text) => new_str(text),
            Piece::Str(s) => Ok((*s).to_owned()),
        })
        .collect::<PyResult<Vec<Owned>>>()?;
    let borrowed: Vec<&Obj> = parts.iter().map(|p| &**p).collect();
    join_strs(&borrowed)
}

/// A message made only of Rust text.
pub(super) fn text(message: &str) -> PyResult<Owned> {
    new_str(message)
}

/// `_PyErr_Format(exc, ...)`: clears the exception being raised, builds the message and raises
/// `exc` with it. If building the message raises, `exc` is raised with no value, as CPython's
/// `_PyErr_SetObject(exc, NULL)` does after a failed `PyUnicode_FromFormat`.
pub(super) fn raise_formatted(exc: &Obj, build: impl FnOnce() -> PyResult<Owned>) -> Raised {
    object::clear_error();
    match build() {
        Ok(message) => object::raise_object(exc, &message),
        Err(Raised) => object::raise_none(exc),
    }
}

/// `PyErr_SetString(exc, message)` for a fixed message.
pub(super) fn raise_text(exc: &Obj, message: &str) -> Raised {
    raise_formatted(exc, || text(message))
}

/// What `%s` (or `%.<precision>s`) prints for a UTF-8 C string holding `text`: the text up to
/// its first NUL, cut to `precision` bytes; a character cut in the middle decodes to U+FFFD.
pub(super) fn c_str(text: &str, precision: Option<usize>) -> String {
    let text = text.split('\0').next().unwrap_or_default();
    match precision {
        Some(limit) if text.len() > limit => {
            let mut cut = limit;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            let mut out = text[..cut].to_owned();
            if cut < limit {
                out.push('\u{FFFD}');
            }
            out
        }
        _ => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::c_str;

    #[test]
    fn c_str_stops_at_nul_and_cuts_bytes() {
        assert_eq!(c_str("abc\0def", None), "abc");
        assert_eq!(c_str("abcdef", Some(3)), "abc");
        assert_eq!(c_str("ab", Some(3)), "ab");
        // "é" is two bytes: cutting after its first byte leaves a replacement character.
        assert_eq!(c_str("aé", Some(2)), "a\u{FFFD}");
        assert_eq!(c_str("aé", Some(3)), "aé");
    }
}
