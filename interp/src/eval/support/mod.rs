//! The helpers of CPython 3.11's evaluation loop that libpython keeps static (in Python/ceval.c,
//! Objects/exceptions.c and Objects/genobject.c), reimplemented over the safe object layer with
//! the same behaviour and the same exception types and messages.
//!
//! Each instruction body in `eval::instructions` calls these where ceval.c calls its helper:
//! `RAISE_VARARGS` ([`do_raise`]), `UNPACK_SEQUENCE`/`UNPACK_EX` ([`unpack_iterable`]), the
//! import instructions, `MATCH_CLASS`/`MATCH_KEYS`, `CHECK_EXC_MATCH`/`CHECK_EG_MATCH`/
//! `PREP_RERAISE_STAR`, the call and container instructions' error rewriting, `GET_AWAITABLE`,
//! and the name-lookup errors.

mod awaitable;
mod calls;
mod except_star;
mod import;
mod matching;
mod message;
mod names;
mod raise;
mod unpack;

pub use awaitable::{format_awaitable_error, gen_yf, get_awaitable_iter};
pub use calls::{check_args_iterable, dict_update_error, format_kwargs_error, list_extend_error};
pub use except_star::{check_eg_match, prep_reraise_star};
pub use import::{import_all_from, import_from, import_name};
pub use matching::{match_class, match_keys};
pub use names::{name_error, unbound_deref_error, unbound_local_error};
pub use raise::{check_except_type_valid, do_raise};
pub use unpack::unpack_iterable;
