//! The instructions of CPython 3.11, each defined once, as a function over the loop state.
//!
//! `instructions!` lists every implemented opcode with its definition; from that list it makes
//! `execute` (the dispatch both loops use) and `SUPPORTED` (the table that decides whether a
//! code object can run here). Semantics, stack discipline and error messages follow 3.11's
//! Python/ceval.c; the comments say where this evaluator differs from it and why.

use crate::cpython::cursor::{Cursor, FramePtr};
use crate::cpython::exc;
use crate::cpython::fastpath;
use crate::cpython::generators::{self, Sent};
use crate::cpython::object::{self as api, Obj, Owned, Raised};

use super::calls;
use super::fast;
use super::specialize;
use super::support;
use super::{Exec, Flow, Step};

macro_rules! instructions {
    (
        base { $( $op:ident => $kind:ident $body:path, )* }
        specialized { $( $form:ident => $fkind:ident $fbody:path, )* }
    ) => {
        /// Which base opcodes this evaluator implements (a code object runs here when it uses
        /// only these).
        pub(super) const SUPPORTED: [bool; 256] = {
            let mut table = [false; 256];
            $( table[ops::$op as usize] = true; )*
            table
        };

        /// Which forms the dispatch knows (quickening only writes these).
        pub(super) const IMPLEMENTED: [bool; 256] = {
            let mut table = SUPPORTED;
            $( table[ops::$form as usize] = true; )*
            table
        };

        /// Runs one instruction (`op` as quickened), just fetched by `c`. `prefix` is what its
        /// EXTENDED_ARG prefixes contribute (`oparg >> 8`; 0 without prefixes): each arm reads
        /// the low byte of its oparg from its own code unit, so that the dispatch (copied into
        /// the end of every arm, see `nop`) carries no oparg from one arm to the next (it did,
        /// in as many registers as arms wanted it in). `c` is the dispatch loop's cursor: hot
        /// instructions work on it directly; the others run on `ex.cursor`, written back before
        /// and read after.
        ///
        /// Every function a hot instruction passes `c` to must be `#[inline(always)]`: one
        /// call that takes the cursor's address puts the whole cursor in memory for the whole
        /// loop, and every push, pop and fetch then goes through the stack (a 10-15% loss,
        /// measured when `FOR_ITER_GEN` did this).
        #[inline(always)]
        pub(super) fn execute(c: &mut Cursor, ex: &mut Exec, op: u8, prefix: u32) -> Step {
            match op {
                $( ops::$op => {
                    let oparg = begin_arm(c, prefix);
                    c.skip(const { cache_units(ops::$op) });
                    run!($kind $body, c, ex, oparg)
                } )*
                $( ops::$form => {
                    let oparg = begin_arm(c, prefix);
                    c.skip(const { cache_units(ops::$form) });
                    run!($fkind $fbody, c, ex, oparg)
                } )*
                ops::EXTENDED_ARG => {
                    let oparg = begin_arm(c, prefix);
                    extended_arg(c, ex, oparg)
                }
                // Every other byte, each by value: with neither `_` nor a range the compiler
                // knows the match is exhaustive, so the jump table covers all 256 bytes and the
                // dispatch has no range check (`_` or `0..=255` leave one behind, folded to a
                // constant but still tested on every instruction).
                #[allow(unreachable_patterns, clippy::manual_range_patterns)]
                0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15 |
                16 | 17 | 18 | 19 | 20 | 21 | 22 | 23 | 24 | 25 | 26 | 27 | 28 | 29 | 30 | 31 |
                32 | 33 | 34 | 35 | 36 | 37 | 38 | 39 | 40 | 41 | 42 | 43 | 44 | 45 | 46 | 47 |
                48 | 49 | 50 | 51 | 52 | 53 | 54 | 55 | 56 | 57 | 58 | 59 | 60 | 61 | 62 | 63 |
                64 | 65 | 66 | 67 | 68 | 69 | 70 | 71 | 72 | 73 | 74 | 75 | 76 | 77 | 78 | 79 |
                80 | 81 | 82 | 83 | 84 | 85 | 86 | 87 | 88 | 89 | 90 | 91 | 92 | 93 | 94 | 95 |
                96 | 97 | 98 | 99 | 100 | 101 | 102 | 103 | 104 | 105 | 106 | 107 | 108 | 109 | 110 | 111 |
                112 | 113 | 114 | 115 | 116 | 117 | 118 | 119 | 120 | 121 | 122 | 123 | 124 | 125 | 126 | 127 |
                128 | 129 | 130 | 131 | 132 | 133 | 134 | 135 | 136 | 137 | 138 | 139 | 140 | 141 | 142 | 143 |
                144 | 145 | 146 | 147 | 148 | 149 | 150 | 151 | 152 | 153 | 154 | 155 | 156 | 157 | 158 | 159 |
                160 | 161 | 162 | 163 | 164 | 165 | 166 | 167 | 168 | 169 | 170 | 171 | 172 | 173 | 174 | 175 |
                176 | 177 | 178 | 179 | 180 | 181 | 182 | 183 | 184 | 185 | 186 | 187 | 188 | 189 | 190 | 191 |
                192 | 193 | 194 | 195 | 196 | 197 | 198 | 199 | 200 | 201 | 202 | 203 | 204 | 205 | 206 | 207 |
                208 | 209 | 210 | 211 | 212 | 213 | 214 | 215 | 216 | 217 | 218 | 219 | 220 | 221 | 222 | 223 |
                224 | 225 | 226 | 227 | 228 | 229 | 230 | 231 | 232 | 233 | 234 | 235 | 236 | 237 | 238 | 239 |
                240 | 241 | 242 | 243 | 244 | 245 | 246 | 247 | 248 | 249 | 250 | 251 | 252 | 253 | 254 | 255 => not_runnable(),
            }
        }
    };
}

/// The start of every arm of `execute`: marks the instruction just fetched as the one being
/// run and gives its oparg (its own byte below what its prefixes contribute, `prefix`).
#[inline(always)]
fn begin_arm(c: &mut Cursor, prefix: u32) -> u32 {
    c.begin_instr();
    (prefix << 8) | c.instr_arg()
}

/// An instruction with EXTENDED_ARG prefixes, reached from the normal table's dispatch (which
/// fetches one code unit per step, so that its dispatch is one block with no prefix loop):
/// folds the remaining prefixes and runs the instruction out of line.
#[inline(always)]
fn extended_arg(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    let (mut op, mut oparg) = c.fetch_extended(oparg);
    while op == ops::EXTENDED_ARG {
        (op, oparg) = c.fetch_extended(oparg);
    }
    c.save_to(&mut ex.cursor);
    let step = execute_prefixed(ex, op, oparg);
    *c = ex.cursor.reloaded();
    step
}

/// Runs one instruction on `ex.cursor` (a second copy of the dispatch, kept out of the loop).
#[inline(never)]
fn execute_prefixed(ex: &mut Exec, op: u8, oparg: u32) -> Step {
    let mut c = ex.cursor.reloaded();
    let step = execute(&mut c, ex, op, oparg >> 8);
    c.save_to(&mut ex.cursor);
    step
}

macro_rules! run {
    (hot $body:path, $c:ident, $ex:ident, $oparg:ident) => {
        $body($c, $ex, $oparg)
    };
    (cold $body:path, $c:ident, $ex:ident, $oparg:ident) => {
        outline($c, $ex, $oparg, $body)
    };
}

/// The opcode namespace of the table: CPython's opcodes and justjit's own forms.
mod ops {
    pub use super::super::quicken::forms::*;
    pub use crate::cpython::opcode::*;
}

/// The inline-cache units after an instruction in `op`'s form (its base op's, as 3.11 lays
/// them out), known when the table is compiled.
const fn cache_units(op: u8) -> usize {
    crate::cpython::opcode::cache_entries(super::quicken::base_of(op))
}

/// An opcode outside the table: `analyse` never lets such a code object run here.
#[cold]
fn not_runnable() -> ! {
    unreachable!("a code object with an opcode this evaluator lacks never runs here")
}

/// Runs an instruction that works on `ex.cursor` (it calls out, or is rare), syncing the loop's
/// cursor `c` around it.
#[inline(always)]
pub(super) fn outline(
    c: &mut Cursor,
    ex: &mut Exec,
    oparg: u32,
    f: fn(&mut Exec, u32) -> Step,
) -> Step {
    c.save_to(&mut ex.cursor);
    let step = f(ex, oparg);
    *c = ex.cursor.reloaded();
    step
}

instructions! {
    base {
        NOP => hot nop,
        RESUME => hot resume,
        LOAD_FAST => hot load_fast,
        LOAD_CLOSURE => hot load_fast,
        LOAD_CONST => hot load_const,
        STORE_FAST => hot store_fast,
        DELETE_FAST => cold delete_fast,
        POP_TOP => hot pop_top,
        PUSH_NULL => hot push_null,
        COPY => hot copy,
        SWAP => hot swap,
        UNARY_POSITIVE => hot unary_positive,
        UNARY_NEGATIVE => hot unary_negative,
        UNARY_NOT => hot unary_not,
        UNARY_INVERT => hot unary_invert,
        BINARY_OP => hot binary_op,
        COMPARE_OP => hot compare_op,
        IS_OP => hot is_op,
        CONTAINS_OP => hot contains_op,
        BINARY_SUBSCR => hot binary_subscr,
        STORE_SUBSCR => hot store_subscr,
        DELETE_SUBSCR => cold delete_subscr,
        BUILD_TUPLE => cold build_tuple,
        BUILD_LIST => cold build_list,
        BUILD_SET => cold build_set,
        BUILD_MAP => cold build_map,
        BUILD_CONST_KEY_MAP => cold build_const_key_map,
        BUILD_STRING => cold build_string,
        BUILD_SLICE => cold build_slice,
        LIST_APPEND => hot list_append,
        SET_ADD => cold set_add,
        MAP_ADD => cold map_add,
        LIST_EXTEND => cold list_extend,
        SET_UPDATE => cold set_update,
        DICT_UPDATE => cold dict_update,
        DICT_MERGE => cold dict_merge,
        LIST_TO_TUPLE => cold list_to_tuple,
        FORMAT_VALUE => cold format_value,
        LOAD_GLOBAL => hot load_global,
        STORE_GLOBAL => cold store_global,
        DELETE_GLOBAL => cold delete_global,
        LOAD_NAME => cold load_name,
        STORE_NAME => cold store_name,
        DELETE_NAME => cold delete_name,
        LOAD_ATTR => hot load_attr,
        STORE_ATTR => hot store_attr,
        DELETE_ATTR => cold delete_attr,
        LOAD_METHOD => hot load_method,
        PRECALL => hot precall,
        KW_NAMES => hot kw_names,
        CALL => cold call,
        CALL_FUNCTION_EX => cold call_function_ex,
        MAKE_FUNCTION => cold make_function,
        RETURN_VALUE => hot return_value,
        JUMP_FORWARD => hot jump_forward,
        JUMP_BACKWARD => hot jump_backward,
        JUMP_BACKWARD_NO_INTERRUPT => hot jump_backward_no_interrupt,
        POP_JUMP_FORWARD_IF_FALSE => hot pop_jump_forward_if_false,
        POP_JUMP_FORWARD_IF_TRUE => hot pop_jump_forward_if_true,
        POP_JUMP_BACKWARD_IF_FALSE => hot pop_jump_backward_if_false,
        POP_JUMP_BACKWARD_IF_TRUE => hot pop_jump_backward_if_true,
        POP_JUMP_FORWARD_IF_NONE => hot pop_jump_forward_if_none,
        POP_JUMP_FORWARD_IF_NOT_NONE => hot pop_jump_forward_if_not_none,
        POP_JUMP_BACKWARD_IF_NONE => hot pop_jump_backward_if_none,
        POP_JUMP_BACKWARD_IF_NOT_NONE => hot pop_jump_backward_if_not_none,
        JUMP_IF_FALSE_OR_POP => hot jump_if_false_or_pop,
        JUMP_IF_TRUE_OR_POP => hot jump_if_true_or_pop,
        GET_ITER => hot get_iter,
        FOR_ITER => hot for_iter,
        UNPACK_SEQUENCE => cold unpack_sequence,
        UNPACK_EX => cold unpack_ex,
        MAKE_CELL => cold make_cell,
        LOAD_DEREF => hot load_deref,
        STORE_DEREF => hot store_deref,
        DELETE_DEREF => cold delete_deref,
        LOAD_CLASSDEREF => cold load_classderef,
        COPY_FREE_VARS => cold copy_free_vars,
        IMPORT_NAME => cold import_name,
        IMPORT_FROM => cold import_from,
        LOAD_BUILD_CLASS => cold load_build_class,
        SETUP_ANNOTATIONS => cold setup_annotations,
        LOAD_ASSERTION_ERROR => cold load_assertion_error,
        RAISE_VARARGS => cold raise_varargs,
        PUSH_EXC_INFO => cold push_exc_info,
        POP_EXCEPT => cold pop_except,
        RERAISE => cold reraise,
        CHECK_EXC_MATCH => cold check_exc_match,
        BEFORE_WITH => cold before_with,
        WITH_EXCEPT_START => cold with_except_start,
        GET_LEN => cold get_len,
        MATCH_MAPPING => cold match_mapping,
        MATCH_SEQUENCE => cold match_sequence,
        MATCH_KEYS => cold match_keys,
        MATCH_CLASS => cold match_class,
        PRINT_EXPR => cold print_expr,
        IMPORT_STAR => cold import_star,
        RETURN_GENERATOR => hot return_generator,
        YIELD_VALUE => hot yield_value,
        SEND => hot send,
        GET_YIELD_FROM_ITER => cold get_yield_from_iter,
        GET_AWAITABLE => cold get_awaitable,
        GET_AITER => cold get_aiter,
        GET_ANEXT => cold get_anext,
        END_ASYNC_FOR => cold end_async_for,
        ASYNC_GEN_WRAP => cold async_gen_wrap,
        BEFORE_ASYNC_WITH => cold before_async_with,
        CHECK_EG_MATCH => cold check_eg_match,
        PREP_RERAISE_STAR => cold prep_reraise_star,
    }
    specialized {
        RESUME_QUICK => hot resume,
        JUMP_BACKWARD_QUICK => hot jump_backward,
        LOAD_FAST__LOAD_FAST => hot specialize::load_fast_load_fast,
        LOAD_FAST__LOAD_CONST => hot specialize::load_fast_load_const,
        LOAD_CONST__LOAD_FAST => hot specialize::load_const_load_fast,
        STORE_FAST__LOAD_FAST => hot specialize::store_fast_load_fast,
        STORE_FAST__STORE_FAST => hot specialize::store_fast_store_fast,
        BINARY_OP_ADAPTIVE => hot specialize::binary_op_adaptive,
        BINARY_OP_ADD_INT => hot specialize::binary_op_add_int,
        BINARY_OP_SUBTRACT_INT => hot specialize::binary_op_subtract_int,
        BINARY_OP_MULTIPLY_INT => hot specialize::binary_op_multiply_int,
        BINARY_OP_ADD_FLOAT => hot specialize::binary_op_add_float,
        BINARY_OP_SUBTRACT_FLOAT => hot specialize::binary_op_subtract_float,
        BINARY_OP_MULTIPLY_FLOAT => hot specialize::binary_op_multiply_float,
        BINARY_OP_ADD_UNICODE => hot specialize::binary_op_add_unicode,
        BINARY_OP_INPLACE_ADD_UNICODE => hot specialize::binary_op_inplace_add_unicode,
        COMPARE_OP_ADAPTIVE => hot specialize::compare_op_adaptive,
        COMPARE_OP_INT_JUMP => hot specialize::compare_op_int_jump,
        COMPARE_OP_FLOAT_JUMP => hot specialize::compare_op_float_jump,
        COMPARE_OP_STR_JUMP => hot specialize::compare_op_str_jump,
        BINARY_SUBSCR_ADAPTIVE => hot specialize::binary_subscr_adaptive,
        BINARY_SUBSCR_LIST_INT => hot specialize::binary_subscr_list_int,
        BINARY_SUBSCR_TUPLE_INT => hot specialize::binary_subscr_tuple_int,
        BINARY_SUBSCR_DICT => hot specialize::binary_subscr_dict,
        STORE_SUBSCR_ADAPTIVE => hot specialize::store_subscr_adaptive,
        STORE_SUBSCR_LIST_INT => hot specialize::store_subscr_list_int,
        STORE_SUBSCR_DICT => hot specialize::store_subscr_dict,
        UNPACK_SEQUENCE_ADAPTIVE => hot specialize::unpack_sequence_adaptive,
        UNPACK_SEQUENCE_TWO_TUPLE => hot specialize::unpack_sequence_two_tuple,
        UNPACK_SEQUENCE_TUPLE => hot specialize::unpack_sequence_tuple,
        UNPACK_SEQUENCE_LIST => hot specialize::unpack_sequence_list,
        FOR_ITER_ADAPTIVE => hot specialize::for_iter_adaptive,
        FOR_ITER_LIST => hot specialize::for_iter_list,
        FOR_ITER_TUPLE => hot specialize::for_iter_tuple,
        FOR_ITER_RANGE => hot specialize::for_iter_range,
        FOR_ITER_GEN => hot specialize::for_iter_gen,
        PRECALL_ADAPTIVE => hot specialize::precall_adaptive,
        PRECALL_BOUND_METHOD => hot specialize::precall_bound_method,
        PRECALL_PYFUNC => hot specialize::precall_pyfunc,
        PRECALL_NO_KW_LEN => hot specialize::precall_no_kw_len,
        PRECALL_NO_KW_ISINSTANCE => hot specialize::precall_no_kw_isinstance,
        PRECALL_NO_KW_LIST_APPEND => hot specialize::precall_no_kw_list_append,
        PRECALL_NO_KW_BUILTIN_O => hot specialize::precall_no_kw_builtin_o,
        PRECALL_NO_KW_BUILTIN_FAST => hot specialize::precall_no_kw_builtin_fast,
        PRECALL_BUILTIN_FAST_WITH_KEYWORDS => hot specialize::precall_builtin_fast_with_keywords,
        PRECALL_NO_KW_METHOD_DESCRIPTOR_O => hot specialize::precall_no_kw_method_descriptor_o,
        PRECALL_NO_KW_METHOD_DESCRIPTOR_NOARGS => hot specialize::precall_no_kw_method_descriptor_noargs,
        PRECALL_NO_KW_METHOD_DESCRIPTOR_FAST => hot specialize::precall_no_kw_method_descriptor_fast,
        PRECALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS => hot specialize::precall_method_descriptor_fast_with_keywords,
        PRECALL_NO_KW_TYPE_1 => hot specialize::precall_no_kw_type_1,
        PRECALL_NO_KW_STR_1 => hot specialize::precall_no_kw_str_1,
        PRECALL_NO_KW_TUPLE_1 => hot specialize::precall_no_kw_tuple_1,
        PRECALL_BUILTIN_CLASS => hot specialize::precall_builtin_class,
        CALL_ADAPTIVE => hot specialize::call_adaptive,
        CALL_PY_EXACT_ARGS => hot specialize::call_py_exact_args,
        CALL_PY_CLASS => hot specialize::call_py_class,
        COMPARE_OP_INT => hot specialize::compare_op_int,
        COMPARE_OP_FLOAT => hot specialize::compare_op_float,
        COMPARE_OP_STR => hot specialize::compare_op_str,
        LOAD_ATTR_CLASS => hot specialize::load_attr_class,
        JUMP_BACKWARD_QUIET => hot jump_backward_quiet,
        BINARY_SUBSCR_GETITEM => hot specialize::binary_subscr_getitem,
        CALL_PY_WITH_DEFAULTS => hot specialize::call_py_with_defaults,
        LOAD_GLOBAL_ADAPTIVE => hot specialize::load_global_adaptive,
        LOAD_GLOBAL_MODULE => hot specialize::load_global_module,
        LOAD_GLOBAL_BUILTIN => hot specialize::load_global_builtin,
        LOAD_ATTR_ADAPTIVE => hot specialize::load_attr_adaptive,
        LOAD_ATTR_INSTANCE_VALUE => hot specialize::load_attr_instance_value,
        STORE_ATTR_ADAPTIVE => hot specialize::store_attr_adaptive,
        STORE_ATTR_INSTANCE_VALUE => hot specialize::store_attr_instance_value,
        LOAD_METHOD_ADAPTIVE => hot specialize::load_method_adaptive,
        LOAD_METHOD_NO_DICT => hot specialize::load_method_no_dict,
        LOAD_METHOD_WITH_VALUES => hot specialize::load_method_with_values,
        LOAD_METHOD_WITH_DICT => hot specialize::load_method_with_dict,
        LOAD_METHOD_MODULE => hot specialize::load_method_module,
        LOAD_METHOD_CLASS => hot specialize::load_method_class,
        LOAD_ATTR_MODULE => hot specialize::load_attr_module,
        LOAD_ATTR_SLOT => hot specialize::load_attr_slot,
        LOAD_ATTR_WITH_HINT => hot specialize::load_attr_with_hint,
        STORE_ATTR_SLOT => hot specialize::store_attr_slot,
        STORE_ATTR_WITH_HINT => hot specialize::store_attr_with_hint,
        LOAD_ATTR_POLY => hot specialize::load_attr_poly,
        LOAD_METHOD_POLY => hot specialize::load_method_poly,
        STORE_ATTR_POLY => hot specialize::store_attr_poly,
    }
}

pub(super) fn next() -> Step {
    Ok(Flow::Next)
}

/// A SystemError for a value of the wrong type that only hand-made bytecode can produce (the
/// validator checks what it can see statically; these are checked where they are used).
fn bad_bytecode(what: &str) -> Raised {
    api::raise(exc::system_error(), &format!("bad bytecode: {what}"))
}

/// `value` must be an exception instance (what the compiler's handlers always hold there).
fn require_exception(value: &Obj, instruction: &str) -> api::PyResult<()> {
    if api::is_exception_instance(value) {
        Ok(())
    } else {
        Err(bad_bytecode(&format!("{instruction} needs an exception")))
    }
}

/// After a backward jump or a call: let pending work (signals, other threads) run, and notice
/// a trace function set meanwhile. (Tracing is looked for here and after calls and returns,
/// where code that can set it has run, rather than before every instruction.)
#[inline(always)]
pub(super) fn check_eval_breaker(ex: &Exec) -> Step {
    if ex.thread.eval_breaker() {
        ex.thread.handle_pending()?;
    }
    if ex.thread.use_tracing() {
        return Ok(Flow::TracingStarted);
    }
    next()
}

#[inline(always)]
fn nop(_: &mut Cursor, _: &mut Exec, _: u32) -> Step {
    // An empty arm would make NOP's jump-table entry the dispatch block itself; a block that
    // is its own successor is never tail-duplicated, and the dispatch then stays one shared
    // indirect jump (see .cargo/config.toml). The opaque no-op gives NOP a block of its own.
    std::hint::black_box(());
    next()
}

#[inline(always)]
fn resume(_: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    if oparg < 2 {
        return check_eval_breaker(ex);
    }
    next()
}

// --- locals and constants ---------------------------------------------------------------

/// UnboundLocalError for local slot `index` of `frame` (takes the frame by value so that a hot
/// instruction's cursor does not escape).
#[cold]
#[inline(never)]
pub(super) fn unbound_local(frame: FramePtr, index: usize) -> api::Raised {
    support::unbound_local_error(api::tuple_item(frame.code_ref().localsplus_names(), index))
}

fn local_name(c: &Cursor, index: usize) -> &Obj {
    api::tuple_item(c.frame().code_ref().localsplus_names(), index)
}

#[inline(always)]
pub(super) fn load_fast(c: &mut Cursor, _: &mut Exec, oparg: u32) -> Step {
    match c.local(oparg as usize) {
        Some(value) => {
            let value = value.to_owned();
            c.push(value);
            next()
        }
        None => Err(unbound_local(*c.frame(), oparg as usize)),
    }
}

#[inline(always)]
pub(super) fn load_const(c: &mut Cursor, _: &mut Exec, oparg: u32) -> Step {
    let value = c.constant(oparg as usize).to_owned();
    c.push(value);
    next()
}

#[inline(always)]
pub(super) fn store_fast(c: &mut Cursor, _: &mut Exec, oparg: u32) -> Step {
    let value = c.pop();
    c.set_local(oparg as usize, Some(value));
    next()
}

fn delete_fast(ex: &mut Exec, oparg: u32) -> Step {
    let c = &mut ex.cursor;
    if c.local(oparg as usize).is_none() {
        return Err(support::unbound_local_error(local_name(c, oparg as usize)));
    }
    c.set_local(oparg as usize, None);
    next()
}

#[inline(always)]
fn pop_top(c: &mut Cursor, _: &mut Exec, _: u32) -> Step {
    drop(c.pop());
    next()
}

#[inline(always)]
fn push_null(c: &mut Cursor, _: &mut Exec, _: u32) -> Step {
    c.push_null();
    next()
}

#[inline(always)]
fn copy(c: &mut Cursor, _: &mut Exec, oparg: u32) -> Step {
    let value = c.peek_opt(oparg as usize).map(Obj::to_owned);
    c.push_opt(value);
    next()
}

#[inline(always)]
fn swap(c: &mut Cursor, _: &mut Exec, oparg: u32) -> Step {
    c.swap(oparg as usize);
    next()
}

// --- operators --------------------------------------------------------------------------

/// Replaces the top with `f(top)`.
#[inline(always)]
fn unary(c: &mut Cursor, f: impl FnOnce(&Obj) -> api::PyResult<Owned>) -> Step {
    let value = c.pop();
    let result = f(&value);
    drop(value);
    c.push(result?);
    next()
}

#[inline(always)]
fn unary_positive(c: &mut Cursor, _: &mut Exec, _: u32) -> Step {
    unary(c, api::positive)
}
#[inline(always)]
fn unary_negative(c: &mut Cursor, _: &mut Exec, _: u32) -> Step {
    unary(c, api::negative)
}
#[inline(always)]
fn unary_invert(c: &mut Cursor, _: &mut Exec, _: u32) -> Step {
    unary(c, api::invert)
}
#[inline(always)]
fn unary_not(c: &mut Cursor, _: &mut Exec, _: u32) -> Step {
    unary(c, |v| api::not(v).map(Owned::bool))
}

#[inline(always)]
pub(super) fn binary_op(c: &mut Cursor, _: &mut Exec, oparg: u32) -> Step {
    let rhs = c.pop();
    let lhs = c.pop();
    let result =
        fast::binary_op(oparg, &lhs, &rhs).unwrap_or_else(|| api::binary_op(oparg, &lhs, &rhs));
    drop((lhs, rhs));
    c.push(result?);
    next()
}

#[inline(always)]
pub(super) fn compare_op(c: &mut Cursor, _: &mut Exec, oparg: u32) -> Step {
    let rhs = c.pop();
    let lhs = c.pop();
    let result = match fast::compare(oparg, &lhs, &rhs) {
        Some(value) => Ok(Owned::bool(value)),
        None => api::rich_compare(&lhs, &rhs, oparg as i32),
    };
    drop((lhs, rhs));
    c.push(result?);
    next()
}

#[inline(always)]
fn is_op(c: &mut Cursor, _: &mut Exec, oparg: u32) -> Step {
    let rhs = c.pop();
    let lhs = c.pop();
    let same = lhs.is(&rhs) ^ (oparg != 0);
    drop((lhs, rhs));
    c.push(Owned::bool(same));
    next()
}

#[inline(always)]
fn contains_op(c: &mut Cursor, _: &mut Exec, oparg: u32) -> Step {
    let container = c.pop();
    let item = c.pop();
    let found = api::contains(&container, &item);
    drop((item, container));
    c.push(Owned::bool(found? ^ (oparg != 0)));
    next()
}

// --- subscripts ---------------------------------------------------------------------------

#[inline(always)]
pub(super) fn binary_subscr(c: &mut Cursor, _: &mut Exec, _: u32) -> Step {
    let sub = c.pop();
    let container = c.pop();
    let result = match fastpath::sequence_item(&container, &sub) {
        Some(item) => Ok(item),
        None => api::getitem(&container, &sub),
    };
    drop((container, sub));
    c.push(result?);
    next()
}

#[inline(always)]
pub(super) fn store_subscr(c: &mut Cursor, _: &mut Exec, _: u32) -> Step {
    let sub = c.pop();
    let container = c.pop();
    let value = c.pop();
    let value = match fastpath::list_store(&container, &sub, value) {
        Ok(()) => return next(),
        Err(value) => value,
    };
    let result = api::setitem(&container, &sub, &value);
    drop((value, container, sub));
    result?;
    next()
}

fn delete_subscr(ex: &mut Exec, _: u32) -> Step {
    let sub = ex.cursor.pop();
    let container = ex.cursor.pop();
    let result = api::delitem(&container, &sub);
    drop((container, sub));
    result?;
    next()
}

// --- building containers ------------------------------------------------------------------

fn build_tuple(ex: &mut Exec, oparg: u32) -> Step {
    let items = ex.cursor.pop_n(oparg as usize);
    let tuple = api::tuple_from_owned(items)?;
    ex.cursor.push(tuple);
    next()
}

fn build_list(ex: &mut Exec, oparg: u32) -> Step {
    let items = ex.cursor.pop_n(oparg as usize);
    let list = api::list_from_owned(items)?;
    ex.cursor.push(list);
    next()
}

fn build_set(ex: &mut Exec, oparg: u32) -> Step {
    let items = ex.cursor.pop_n(oparg as usize);
    let set = api::new_set()?;
    for item in &items {
        api::set_add(&set, item)?;
    }
    drop(items);
    ex.cursor.push(set);
    next()
}

fn build_map(ex: &mut Exec, oparg: u32) -> Step {
    let items = ex.cursor.pop_n(2 * oparg as usize);
    let dict = api::new_dict()?;
    for pair in items.chunks(2) {
        api::dict_set(&dict, &pair[0], &pair[1])?;
    }
    drop(items);
    ex.cursor.push(dict);
    next()
}

fn build_const_key_map(ex: &mut Exec, oparg: u32) -> Step {
    let keys = ex.cursor.pop();
    let values = ex.cursor.pop_n(oparg as usize);
    if !keys.is_exact_tuple() || api::tuple_len(&keys) != oparg as usize {
        return Err(api::raise(
            exc::system_error(),
            "bad BUILD_CONST_KEY_MAP keys argument",
        ));
    }
    let dict = api::new_dict()?;
    for (i, value) in values.iter().enumerate() {
        api::dict_set(&dict, api::tuple_item(&keys, i), value)?;
    }
    drop((values, keys));
    ex.cursor.push(dict);
    next()
}

fn build_string(ex: &mut Exec, oparg: u32) -> Step {
    let joined = api::join_strs(ex.cursor.top_n(oparg as usize))?;
    ex.cursor.drop_n(oparg as usize);
    ex.cursor.push(joined);
    next()
}

fn build_slice(ex: &mut Exec, oparg: u32) -> Step {
    let step = (oparg == 3).then(|| ex.cursor.pop());
    let stop = ex.cursor.pop();
    let start = ex.cursor.pop();
    let slice = api::build_slice(&start, &stop, step.as_deref());
    drop((start, stop, step));
    ex.cursor.push(slice?);
    next()
}

#[inline(always)]
fn list_append(c: &mut Cursor, _: &mut Exec, oparg: u32) -> Step {
    let value = c.pop();
    api::list_append(c.peek(oparg as usize), &value)?;
    next()
}

fn set_add(ex: &mut Exec, oparg: u32) -> Step {
    let value = ex.cursor.pop();
    api::set_add(ex.cursor.peek(oparg as usize), &value)?;
    next()
}

fn map_add(ex: &mut Exec, oparg: u32) -> Step {
    let value = ex.cursor.pop();
    let key = ex.cursor.pop();
    api::dict_set(ex.cursor.peek(oparg as usize), &key, &value)?;
    next()
}

fn list_extend(ex: &mut Exec, oparg: u32) -> Step {
    let iterable = ex.cursor.pop();
    if !ex.cursor.peek(oparg as usize).is_exact_list() {
        return Err(bad_bytecode("LIST_EXTEND target is not a list"));
    }
    if api::list_extend(ex.cursor.peek(oparg as usize), &iterable).is_err() {
        support::list_extend_error(&iterable);
        return Err(Raised);
    }
    next()
}

fn set_update(ex: &mut Exec, oparg: u32) -> Step {
    let iterable = ex.cursor.pop();
    if !api::is_exact_set(ex.cursor.peek(oparg as usize)) {
        return Err(bad_bytecode("SET_UPDATE target is not a set"));
    }
    api::set_update(ex.cursor.peek(oparg as usize), &iterable)?;
    next()
}

fn dict_update(ex: &mut Exec, oparg: u32) -> Step {
    let update = ex.cursor.pop();
    if api::dict_update(ex.cursor.peek(oparg as usize), &update).is_err() {
        support::dict_update_error(&update);
        return Err(Raised);
    }
    next()
}

fn dict_merge(ex: &mut Exec, oparg: u32) -> Step {
    let update = ex.cursor.pop();
    if api::dict_merge_unique(ex.cursor.peek(oparg as usize), &update).is_err() {
        support::format_kwargs_error(ex.cursor.peek(2 + oparg as usize), &update);
        return Err(Raised);
    }
    next()
}

fn list_to_tuple(ex: &mut Exec, _: u32) -> Step {
    unary(&mut ex.cursor, api::list_as_tuple)
}

fn format_value(ex: &mut Exec, oparg: u32) -> Step {
    let spec = (oparg & 0x4 != 0).then(|| ex.cursor.pop());
    let mut value = ex.cursor.pop();
    value = match oparg & 0x3 {
        0 => value,
        1 => api::str(&value)?,
        2 => api::repr(&value)?,
        _ => api::ascii(&value)?,
    };
    let result = if value.is_exact_str() && spec.is_none() {
        value
    } else {
        api::format(&value, spec.as_deref())?
    };
    ex.cursor.push(result);
    next()
}

// --- names --------------------------------------------------------------------------------

#[inline(always)]
pub(super) fn load_global(c: &mut Cursor, _: &mut Exec, oparg: u32) -> Step {
    let frame = c.frame();
    let value = load_global_value(
        frame.globals(),
        frame.builtins(),
        c.name(oparg as usize >> 1),
    )?;
    if oparg & 1 != 0 {
        c.push_null();
    }
    c.push(value);
    next()
}

/// `LOAD_GLOBAL`'s lookup: `name` in the globals, then in the builtins.
pub(crate) fn load_global_value(globals: &Obj, builtins: &Obj, name: &Obj) -> api::PyResult<Owned> {
    if globals.is_exact_dict() && builtins.is_exact_dict() {
        return match api::dict_get(globals, name)? {
            Some(v) => Ok(v.to_owned()),
            None => match api::dict_get(builtins, name)? {
                Some(v) => Ok(v.to_owned()),
                None => Err(support::name_error(name)),
            },
        };
    }
    match api::mapping_get(globals, name)? {
        Some(v) => Ok(v),
        None => match api::getitem(builtins, name) {
            Ok(v) => Ok(v),
            Err(Raised) => {
                if api::error_matches(exc::key_error()) {
                    return Err(support::name_error(name));
                }
                Err(Raised)
            }
        },
    }
}

fn store_global(ex: &mut Exec, oparg: u32) -> Step {
    let value = ex.cursor.pop();
    let c = &ex.cursor;
    api::dict_set(c.frame().globals(), c.name(oparg as usize), &value)?;
    next()
}

fn delete_global(ex: &mut Exec, oparg: u32) -> Step {
    let c = &ex.cursor;
    let name = c.name(oparg as usize);
    if api::dict_del(c.frame().globals(), name).is_err() {
        if api::error_matches(exc::key_error()) {
            return Err(support::name_error(name));
        }
        return Err(Raised);
    }
    next()
}

fn no_locals(what: &str, name: &Obj) -> Raised {
    api::raise(
        exc::system_error(),
        &format!("no locals {what} {}", name.debug_repr()),
    )
}

fn load_name(ex: &mut Exec, oparg: u32) -> Step {
    let c = &ex.cursor;
    let frame = c.frame();
    let name = c.name(oparg as usize);
    let Some(locals) = frame.locals_mapping() else {
        return Err(no_locals("when loading", name));
    };
    let value = match api::mapping_get(locals, name)? {
        Some(v) => v,
        None => match api::dict_get(frame.globals(), name)? {
            Some(v) => v.to_owned(),
            None => {
                let builtins = frame.builtins();
                if builtins.is_exact_dict() {
                    match api::dict_get(builtins, name)? {
                        Some(v) => v.to_owned(),
                        None => return Err(support::name_error(name)),
                    }
                } else {
                    match api::getitem(builtins, name) {
                        Ok(v) => v,
                        Err(Raised) => {
                            if api::error_matches(exc::key_error()) {
                                return Err(support::name_error(name));
                            }
                            return Err(Raised);
                        }
                    }
                }
            }
        },
    };
    ex.cursor.push(value);
    next()
}

fn store_name(ex: &mut Exec, oparg: u32) -> Step {
    let value = ex.cursor.pop();
    let c = &ex.cursor;
    let name = c.name(oparg as usize);
    let Some(locals) = c.frame().locals_mapping() else {
        return Err(no_locals("found when storing", name));
    };
    if locals.is_exact_dict() {
        api::dict_set(locals, name, &value)?;
    } else {
        api::setitem(locals, name, &value)?;
    }
    next()
}

fn delete_name(ex: &mut Exec, oparg: u32) -> Step {
    let c = &ex.cursor;
    let name = c.name(oparg as usize);
    let Some(locals) = c.frame().locals_mapping() else {
        return Err(no_locals("when deleting", name));
    };
    if api::delitem(locals, name).is_err() {
        return Err(support::name_error(name));
    }
    next()
}

// --- attributes ---------------------------------------------------------------------------

#[inline(always)]
pub(super) fn load_attr(c: &mut Cursor, _: &mut Exec, oparg: u32) -> Step {
    let value = api::getattr(c.top(), c.name(oparg as usize))?;
    c.set(1, value);
    next()
}

#[inline(always)]
pub(super) fn store_attr(c: &mut Cursor, _: &mut Exec, oparg: u32) -> Step {
    let owner = c.pop();
    let value = c.pop();
    let result = api::setattr(&owner, c.name(oparg as usize), &value);
    drop((value, owner));
    result?;
    next()
}

fn delete_attr(ex: &mut Exec, oparg: u32) -> Step {
    let owner = ex.cursor.pop();
    let result = api::delattr(&owner, ex.cursor.name(oparg as usize));
    drop(owner);
    result?;
    next()
}

#[inline(always)]
pub(super) fn load_method(c: &mut Cursor, _: &mut Exec, oparg: u32) -> Step {
    let (method, unbound) = api::get_method(c.top(), c.name(oparg as usize))?;
    let owner = c.pop();
    if unbound {
        // method | self | args…
        c.push(method);
        c.push(owner);
    } else {
        // NULL | attribute | args…
        drop(owner);
        c.push_null();
        c.push(method);
    }
    next()
}

// --- calls --------------------------------------------------------------------------------

#[inline(always)]
pub(super) fn precall(c: &mut Cursor, _: &mut Exec, oparg: u32) -> Step {
    let n = oparg as usize;
    let is_meth = c.peek_opt(n + 2).is_some();
    if !is_meth {
        let callable = c.peek(n + 1);
        if callable.is_exact_method() {
            let (func, self_) = api::method_parts(callable);
            let (func, self_) = (func.to_owned(), self_.to_owned());
            c.set(n + 1, self_);
            c.set(n + 2, func);
        }
    }
    next()
}

#[inline(always)]
fn kw_names(_: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    ex.kwnames = Some(oparg);
    next()
}

#[inline(always)]
pub(super) fn call(ex: &mut Exec, oparg: u32) -> Step {
    let kwnames = ex.kwnames.take();
    let c = &mut ex.cursor;
    let is_meth = c.peek_opt(oparg as usize + 2).is_some();
    let total = oparg as usize + usize::from(is_meth);
    if c.peek(total + 1).is_exact_function() {
        let names = kwnames.map(|i| c.constant(i as usize).to_owned());
        if let Some(frame) = calls::try_push_frame(ex, total, is_meth, names.as_deref())? {
            return Ok(Flow::Enter(frame));
        }
    }
    let c = &mut ex.cursor;
    let kwnames = kwnames.map(|i| c.constant(i as usize));
    if kwnames.is_some_and(|k| api::tuple_len(k) > total) {
        return Err(bad_bytecode(
            "KW_NAMES names more arguments than CALL passes",
        ));
    }
    let result = api::vectorcall(c.peek(total + 1), c.top_n(total), kwnames, true);
    c.drop_n(total + 2 - usize::from(is_meth));
    c.push(result?);
    check_eval_breaker(ex)
}

fn call_function_ex(ex: &mut Exec, oparg: u32) -> Step {
    let c = &mut ex.cursor;
    let mut kwargs = if oparg & 1 != 0 { Some(c.pop()) } else { None };
    if let Some(k) = &kwargs {
        if !k.is_exact_dict() {
            let dict = api::new_dict()?;
            if api::dict_merge_unique(&dict, k).is_err() {
                support::format_kwargs_error(c.peek(2), k);
                return Err(Raised);
            }
            kwargs = Some(dict);
        }
    }
    let mut args = c.pop();
    if !args.is_exact_tuple() {
        support::check_args_iterable(c.top(), &args)?;
        args = api::sequence_tuple(&args)?;
    }
    let func = c.pop();
    let result = api::call(&func, &args, kwargs.as_deref());
    drop((func, args, kwargs));
    drop(c.pop_opt());
    c.push(result?);
    check_eval_breaker(ex)
}

fn make_function(ex: &mut Exec, oparg: u32) -> Step {
    let c = &mut ex.cursor;
    let code = c.pop();
    if !api::is_code(&code) {
        return Err(bad_bytecode("MAKE_FUNCTION needs a code object"));
    }
    let func = api::new_function(&code, c.frame().globals())?;
    drop(code);
    // The compiler always passes these types; hand-made bytecode gets a SystemError instead of
    // a function whose fields CPython would misread.
    if oparg & 0x08 != 0 {
        let closure = c.pop();
        if !closure.is_exact_tuple() {
            return Err(bad_bytecode("MAKE_FUNCTION closure is not a tuple"));
        }
        api::set_function_closure(&func, closure);
    }
    if oparg & 0x04 != 0 {
        let annotations = c.pop();
        if !annotations.is_exact_tuple() {
            return Err(bad_bytecode("MAKE_FUNCTION annotations are not a tuple"));
        }
        api::set_function_annotations(&func, annotations);
    }
    if oparg & 0x02 != 0 {
        let kwdefaults = c.pop();
        if !kwdefaults.is_exact_dict() {
            return Err(bad_bytecode(
                "MAKE_FUNCTION keyword defaults are not a dict",
            ));
        }
        api::set_function_kwdefaults(&func, kwdefaults);
    }
    if oparg & 0x01 != 0 {
        let defaults = c.pop();
        if !defaults.is_exact_tuple() {
            return Err(bad_bytecode("MAKE_FUNCTION defaults are not a tuple"));
        }
        api::set_function_defaults(&func, defaults);
    }
    super::share_function_version(&func);
    c.push(func);
    next()
}

#[inline(always)]
fn return_value(c: &mut Cursor, ex: &mut Exec, _: u32) -> Step {
    let value = c.pop();
    calls::return_in_loop(c, ex, value)
}

// --- jumps --------------------------------------------------------------------------------

#[inline(always)]
fn jump_forward(c: &mut Cursor, _: &mut Exec, oparg: u32) -> Step {
    c.skip(oparg as usize);
    next()
}

#[inline(always)]
fn jump_backward(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    c.jump_back(oparg as usize);
    back_edge_taken(ex)
}

/// A loop's backward jump was taken: the eval breaker, then (when a JIT is installed) the
/// loop's hot counter and traces, which the dispatch loop runs on `Flow::BackEdge`.
#[inline(always)]
pub(super) fn back_edge_taken(ex: &mut Exec) -> Step {
    match check_eval_breaker(ex)? {
        Flow::Next if ex.jit_enabled => Ok(Flow::BackEdge),
        other => Ok(other),
    }
}

/// `JUMP_BACKWARD` of a loop the JIT gave up on (`back_edge::give_up`).
#[inline(always)]
fn jump_backward_quiet(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    c.jump_back(oparg as usize);
    check_eval_breaker(ex)
}

#[inline(always)]
fn jump_backward_no_interrupt(c: &mut Cursor, _: &mut Exec, oparg: u32) -> Step {
    c.jump_back(oparg as usize);
    next()
}

/// The truth of a popped condition, with the bool singletons decided without a call.
#[inline(always)]
fn pop_truth(c: &mut Cursor) -> api::PyResult<bool> {
    let cond = c.pop();
    api::is_true(&cond)
}

#[inline(always)]
fn pop_jump_forward_if_false(c: &mut Cursor, _: &mut Exec, oparg: u32) -> Step {
    if !pop_truth(c)? {
        c.skip(oparg as usize);
    }
    next()
}

#[inline(always)]
fn pop_jump_forward_if_true(c: &mut Cursor, _: &mut Exec, oparg: u32) -> Step {
    if pop_truth(c)? {
        c.skip(oparg as usize);
    }
    next()
}

#[inline(always)]
fn pop_jump_backward_if_false(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    if !pop_truth(c)? {
        c.jump_back(oparg as usize);
        return back_edge_taken(ex);
    }
    next()
}

#[inline(always)]
fn pop_jump_backward_if_true(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    if pop_truth(c)? {
        c.jump_back(oparg as usize);
        return back_edge_taken(ex);
    }
    next()
}

#[inline(always)]
fn pop_jump_forward_if_none(c: &mut Cursor, _: &mut Exec, oparg: u32) -> Step {
    if c.pop().is_none() {
        c.skip(oparg as usize);
    }
    next()
}

#[inline(always)]
fn pop_jump_forward_if_not_none(c: &mut Cursor, _: &mut Exec, oparg: u32) -> Step {
    if !c.pop().is_none() {
        c.skip(oparg as usize);
    }
    next()
}

#[inline(always)]
fn pop_jump_backward_if_none(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    if c.pop().is_none() {
        c.jump_back(oparg as usize);
        return back_edge_taken(ex);
    }
    next()
}

#[inline(always)]
fn pop_jump_backward_if_not_none(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    if !c.pop().is_none() {
        c.jump_back(oparg as usize);
        return back_edge_taken(ex);
    }
    next()
}

#[inline(always)]
fn jump_if_false_or_pop(c: &mut Cursor, _: &mut Exec, oparg: u32) -> Step {
    if api::is_true(c.top())? {
        drop(c.pop());
    } else {
        c.skip(oparg as usize);
    }
    next()
}

#[inline(always)]
fn jump_if_true_or_pop(c: &mut Cursor, _: &mut Exec, oparg: u32) -> Step {
    if api::is_true(c.top())? {
        c.skip(oparg as usize);
    } else {
        drop(c.pop());
    }
    next()
}

// --- iteration and unpacking ----------------------------------------------------------------

#[inline(always)]
fn get_iter(c: &mut Cursor, _: &mut Exec, _: u32) -> Step {
    unary(c, api::get_iter)
}

#[inline(always)]
pub(super) fn for_iter(c: &mut Cursor, _: &mut Exec, oparg: u32) -> Step {
    match api::iter_next(c.top())? {
        Some(item) => c.push(item),
        None => {
            drop(c.pop());
            c.skip(oparg as usize);
        }
    }
    next()
}

pub(super) fn unpack_sequence(ex: &mut Exec, oparg: u32) -> Step {
    let seq = ex.cursor.pop();
    let values = support::unpack_iterable(&seq, oparg as usize, None)?;
    drop(seq);
    for value in values {
        ex.cursor.push(value);
    }
    next()
}

fn unpack_ex(ex: &mut Exec, oparg: u32) -> Step {
    let seq = ex.cursor.pop();
    let values =
        support::unpack_iterable(&seq, (oparg & 0xff) as usize, Some((oparg >> 8) as usize))?;
    drop(seq);
    for value in values {
        ex.cursor.push(value);
    }
    next()
}

// --- cells --------------------------------------------------------------------------------

fn make_cell(ex: &mut Exec, oparg: u32) -> Step {
    let c = &mut ex.cursor;
    let cell = api::new_cell(c.local(oparg as usize))?;
    c.set_local(oparg as usize, Some(cell));
    next()
}

/// The cell in slot `index` (MAKE_CELL or COPY_FREE_VARS put it there; hand-made code that
/// skipped them gets a SystemError rather than a crash).
#[inline(always)]
fn cell_at(c: &Cursor, index: usize) -> api::PyResult<&Obj> {
    match c.local(index) {
        Some(cell) if api::is_cell(cell) => Ok(cell),
        _ => Err(not_a_cell()),
    }
}

#[cold]
fn not_a_cell() -> Raised {
    api::raise(exc::system_error(), "cell slot does not hold a cell")
}

#[inline(always)]
fn load_deref(c: &mut Cursor, _: &mut Exec, oparg: u32) -> Step {
    match api::cell_get(cell_at(c, oparg as usize)?) {
        Some(value) => {
            c.push(value);
            next()
        }
        None => Err(support::unbound_deref_error(
            c.frame().code(),
            oparg as usize,
        )),
    }
}

#[inline(always)]
fn store_deref(c: &mut Cursor, _: &mut Exec, oparg: u32) -> Step {
    let value = c.pop();
    api::cell_set(cell_at(c, oparg as usize)?, Some(value));
    next()
}

fn delete_deref(ex: &mut Exec, oparg: u32) -> Step {
    let c = &ex.cursor;
    let cell = cell_at(c, oparg as usize)?;
    if api::cell_get(cell).is_none() {
        return Err(support::unbound_deref_error(
            c.frame().code(),
            oparg as usize,
        ));
    }
    api::cell_set(cell, None);
    next()
}

fn load_classderef(ex: &mut Exec, oparg: u32) -> Step {
    let c = &mut ex.cursor;
    let name = local_name(c, oparg as usize);
    let Some(locals) = c.frame().locals_mapping() else {
        return Err(api::raise(
            exc::system_error(),
            "no locals when loading a class cell",
        ));
    };
    let value = match api::mapping_get(locals, name)? {
        Some(v) => v,
        None => match api::cell_get(cell_at(c, oparg as usize)?) {
            Some(v) => v,
            None => {
                return Err(support::unbound_deref_error(
                    c.frame().code(),
                    oparg as usize,
                ))
            }
        },
    };
    c.push(value);
    next()
}

fn copy_free_vars(ex: &mut Exec, oparg: u32) -> Step {
    let c = &mut ex.cursor;
    let code = c.frame().code_ref();
    let offset = code.nlocals() + code.nplaincellvars();
    let Some(closure) = c.frame().closure() else {
        return Err(api::raise(
            exc::system_error(),
            "function has no closure for its free variables",
        ));
    };
    if api::tuple_len(closure) < oparg as usize {
        return Err(api::raise(
            exc::system_error(),
            "closure is shorter than the free variables",
        ));
    }
    let closure = closure.to_owned();
    for i in 0..oparg as usize {
        c.set_local(offset + i, Some(api::tuple_item(&closure, i).to_owned()));
    }
    next()
}

// --- imports, classes, annotations ---------------------------------------------------------

fn import_name(ex: &mut Exec, oparg: u32) -> Step {
    let fromlist = ex.cursor.pop();
    let level = ex.cursor.pop();
    let c = &ex.cursor;
    let module = support::import_name(
        ex.thread,
        c.frame(),
        c.name(oparg as usize),
        &fromlist,
        &level,
    );
    drop((fromlist, level));
    ex.cursor.push(module?);
    next()
}

fn import_from(ex: &mut Exec, oparg: u32) -> Step {
    let c = &mut ex.cursor;
    let value = support::import_from(c.top(), c.name(oparg as usize))?;
    c.push(value);
    next()
}

fn load_build_class(ex: &mut Exec, _: u32) -> Step {
    let builtins = ex.cursor.frame().builtins();
    let name = api::new_str("__build_class__")?;
    let found = if builtins.is_exact_dict() {
        api::dict_get(builtins, &name)?.map(Obj::to_owned)
    } else {
        match api::getitem(builtins, &name) {
            Ok(v) => Some(v),
            Err(Raised) if api::error_matches(exc::key_error()) => None,
            Err(Raised) => return Err(Raised),
        }
    };
    match found {
        Some(bc) => {
            ex.cursor.push(bc);
            next()
        }
        None => Err(api::raise(exc::name_error(), "__build_class__ not found")),
    }
}

fn setup_annotations(ex: &mut Exec, _: u32) -> Step {
    let Some(locals) = ex.cursor.frame().locals_mapping() else {
        return Err(api::raise(
            exc::system_error(),
            "no locals found when setting up annotations",
        ));
    };
    let key = api::new_str("__annotations__")?;
    if api::mapping_get(locals, &key)?.is_none() {
        let dict = api::new_dict()?;
        api::setitem(locals, &key, &dict)?;
    }
    next()
}

fn load_assertion_error(ex: &mut Exec, _: u32) -> Step {
    ex.cursor.push(exc::assertion_error_class());
    next()
}

fn print_expr(ex: &mut Exec, _: u32) -> Step {
    let value = ex.cursor.pop();
    let Some(hook) = api::sys_attr(c"displayhook") else {
        return Err(api::raise(exc::runtime_error(), "lost sys.displayhook"));
    };
    drop(api::call_args(&hook, &[&value])?);
    next()
}

// --- exceptions -------------------------------------------------------------------------

fn raise_varargs(ex: &mut Exec, oparg: u32) -> Step {
    let c = &mut ex.cursor;
    let cause = (oparg == 2).then(|| c.pop());
    let exc = (oparg >= 1).then(|| c.pop());
    if support::do_raise(ex.thread, exc, cause) {
        Ok(Flow::Unwind)
    } else {
        Err(Raised)
    }
}

fn push_exc_info(ex: &mut Exec, _: u32) -> Step {
    let value = ex.cursor.pop();
    require_exception(&value, "PUSH_EXC_INFO")?;
    let previous = ex.thread.swap_handled_exception(value.clone());
    ex.cursor.push(previous);
    ex.cursor.push(value);
    next()
}

fn pop_except(ex: &mut Exec, _: u32) -> Step {
    let value = ex.cursor.pop();
    if !value.is_none() {
        require_exception(&value, "POP_EXCEPT")?;
    }
    drop(ex.thread.swap_handled_exception(value));
    next()
}

fn reraise(ex: &mut Exec, oparg: u32) -> Step {
    let c = &mut ex.cursor;
    if oparg != 0 {
        let lasti = c.peek(oparg as usize + 1);
        if !lasti.is_exact_int() {
            return Err(api::raise(exc::system_error(), "lasti is not an int"));
        }
        let index = api::int_as_isize(lasti)?;
        c.frame().set_lasti(index);
    }
    let value = c.pop();
    require_exception(&value, "RERAISE")?;
    api::restore_exception(value);
    Ok(Flow::Unwind)
}

fn check_exc_match(ex: &mut Exec, _: u32) -> Step {
    let right = ex.cursor.pop();
    support::check_except_type_valid(&right)?;
    let matched = api::exception_matches(ex.cursor.top(), &right);
    ex.cursor.push(Owned::bool(matched));
    next()
}

fn before_with(ex: &mut Exec, _: u32) -> Step {
    let c = &mut ex.cursor;
    let manager = c.top();
    let Some(enter) = api::lookup_special(manager, c"__enter__")? else {
        return Err(api::raise(
            exc::type_error(),
            &format!(
                "'{}' object does not support the context manager protocol",
                api::type_name(manager)
            ),
        ));
    };
    let Some(exit) = api::lookup_special(manager, c"__exit__")? else {
        return Err(api::raise(
            exc::type_error(),
            &format!(
                "'{}' object does not support the context manager protocol (missed __exit__ method)",
                api::type_name(manager)
            ),
        ));
    };
    c.set(1, exit);
    let result = api::call_args(&enter, &[])?;
    c.push(result);
    next()
}

fn with_except_start(ex: &mut Exec, _: u32) -> Step {
    let c = &mut ex.cursor;
    let value = c.top();
    require_exception(value, "WITH_EXCEPT_START")?;
    let exit = c.peek(4);
    let traceback = api::exception_traceback(value);
    let args = [value.type_obj(), value, &traceback];
    let result = api::call_args(exit, &args)?;
    c.push(result);
    next()
}

// --- pattern matching ---------------------------------------------------------------------

fn get_len(ex: &mut Exec, _: u32) -> Step {
    let n = api::len(ex.cursor.top())?;
    let n = api::int_from_i64(n as i64)?;
    ex.cursor.push(n);
    next()
}

fn match_mapping(ex: &mut Exec, _: u32) -> Step {
    let matched = api::type_has_flag(ex.cursor.top(), api::TPFLAGS_MAPPING);
    ex.cursor.push(Owned::bool(matched));
    next()
}

fn match_sequence(ex: &mut Exec, _: u32) -> Step {
    let matched = api::type_has_flag(ex.cursor.top(), api::TPFLAGS_SEQUENCE);
    ex.cursor.push(Owned::bool(matched));
    next()
}

fn match_keys(ex: &mut Exec, _: u32) -> Step {
    let c = &mut ex.cursor;
    let values = support::match_keys(c.peek(2), c.peek(1))?;
    c.push(values);
    next()
}

fn match_class(ex: &mut Exec, oparg: u32) -> Step {
    let c = &mut ex.cursor;
    let names = c.pop();
    let cls = c.pop();
    let attrs = support::match_class(c.top(), &cls, oparg as usize, &names)?;
    drop((names, cls));
    c.set(1, attrs.unwrap_or_else(Owned::none));
    next()
}

fn import_star(ex: &mut Exec, _: u32) -> Step {
    let module = ex.cursor.pop();
    let frame = *ex.cursor.frame();
    ex.thread.fast_to_locals(frame)?;
    let Some(locals) = frame.locals_mapping() else {
        return Err(api::raise(
            exc::system_error(),
            "no locals found during 'import *'",
        ));
    };
    let result = support::import_all_from(locals, &module);
    ex.thread.locals_to_fast(frame);
    result?;
    next()
}

// --- generators and coroutines --------------------------------------------------------------

/// RETURN_GENERATOR: the new generator goes to the caller without leaving the dispatch, unless
/// a recording must see it.
#[inline(always)]
fn return_generator(c: &mut Cursor, ex: &mut Exec, _: u32) -> Step {
    if ex.recording.is_some() {
        return Ok(Flow::NewGenerator);
    }
    ex.return_new_generator(c)
}

#[inline(always)]
fn yield_value(c: &mut Cursor, ex: &mut Exec, _: u32) -> Step {
    let value = c.pop();
    calls::yield_in_loop(c, ex, value)
}

/// SEND: a generator or coroutine whose code runs here is resumed in this loop (as 3.12's
/// SEND_GEN). Its return is delivered by reading the jump back from this instruction, which
/// needs it without an EXTENDED_ARG prefix.
#[inline(always)]
fn send(c: &mut Cursor, ex: &mut Exec, oparg: u32) -> Step {
    if oparg < 256 && ex.recording.is_none() {
        let sending_none = c.top().is_none();
        if let Some(gen) = generators::Resumable::check(c.peek(2), sending_none, true) {
            if super::can_inline(gen.code()) {
                let gen = gen.detach();
                let value = c.pop();
                let frame = gen.resume_inline(ex.thread, value);
                return calls::enter_in_loop(c, ex, frame);
            }
        }
    }
    outline(c, ex, oparg, send_through_iter_send)
}

/// SEND to a receiver that does not run in this loop: `PyIter_Send`.
fn send_through_iter_send(ex: &mut Exec, oparg: u32) -> Step {
    let value = ex.cursor.pop();
    match generators::send(ex.cursor.top(), &value)? {
        Sent::Yielded(result) => ex.cursor.push(result),
        Sent::Returned(result) => {
            ex.cursor.set(1, result);
            ex.cursor.skip(oparg as usize);
        }
    }
    next()
}

fn get_yield_from_iter(ex: &mut Exec, _: u32) -> Step {
    use crate::cpython::objects::{CO_COROUTINE, CO_ITERABLE_COROUTINE};
    let c = &mut ex.cursor;
    let iterable = c.top();
    if generators::is_exact_coroutine(iterable) {
        if c.frame().code_flags() & (CO_COROUTINE | CO_ITERABLE_COROUTINE) == 0 {
            return Err(api::raise(
                exc::type_error(),
                "cannot 'yield from' a coroutine object in a non-coroutine generator",
            ));
        }
    } else if !generators::is_exact_generator(iterable) {
        let iter = api::get_iter(iterable)?;
        c.set(1, iter);
    }
    next()
}

fn get_awaitable(ex: &mut Exec, oparg: u32) -> Step {
    let iterable = ex.cursor.pop();
    let iter = match support::get_awaitable_iter(&iterable) {
        Ok(iter) => iter,
        Err(Raised) => {
            support::format_awaitable_error(iterable.type_obj(), oparg);
            return Err(Raised);
        }
    };
    if generators::is_exact_coroutine(&iter) && support::gen_yf(&iter).is_some() {
        return Err(api::raise(
            exc::runtime_error(),
            "coroutine is being awaited already",
        ));
    }
    ex.cursor.push(iter);
    next()
}

fn get_aiter(ex: &mut Exec, _: u32) -> Step {
    let obj = ex.cursor.pop();
    let Some(iter) = api::call_am_aiter(&obj) else {
        return Err(api::raise(
            exc::type_error(),
            &format!(
                "'async for' requires an object with __aiter__ method, got {}",
                api::type_name(&obj)
            ),
        ));
    };
    let iter = iter?;
    if !api::has_am_anext(&iter) {
        return Err(api::raise(
            exc::type_error(),
            &format!(
                "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                api::type_name(&iter)
            ),
        ));
    }
    ex.cursor.push(iter);
    next()
}

fn get_anext(ex: &mut Exec, _: u32) -> Step {
    let aiter = ex.cursor.top();
    let awaitable = if generators::is_exact_async_generator(aiter) {
        api::call_am_anext(aiter).expect("async generators have am_anext")?
    } else {
        let Some(next_iter) = api::call_am_anext(aiter) else {
            return Err(api::raise(
                exc::type_error(),
                &format!(
                    "'async for' requires an iterator with __anext__ method, got {}",
                    api::type_name(aiter)
                ),
            ));
        };
        let next_iter = next_iter?;
        match support::get_awaitable_iter(&next_iter) {
            Ok(awaitable) => awaitable,
            Err(Raised) => {
                return Err(api::raise_from_cause(
                    exc::type_error(),
                    &format!(
                        "'async for' received an invalid object from __anext__: {}",
                        api::type_name(&next_iter)
                    ),
                ))
            }
        }
    };
    ex.cursor.push(awaitable);
    next()
}

fn end_async_for(ex: &mut Exec, _: u32) -> Step {
    let value = ex.cursor.pop();
    if api::exception_matches(&value, exc::stop_async_iteration()) {
        drop(value);
        drop(ex.cursor.pop());
        return next();
    }
    require_exception(&value, "END_ASYNC_FOR")?;
    api::restore_exception(value);
    Ok(Flow::Unwind)
}

fn async_gen_wrap(ex: &mut Exec, _: u32) -> Step {
    let wrapped = generators::wrap_async_gen_value(ex.cursor.top())?;
    ex.cursor.set(1, wrapped);
    next()
}

fn before_async_with(ex: &mut Exec, _: u32) -> Step {
    let c = &mut ex.cursor;
    let manager = c.top();
    let Some(enter) = api::lookup_special(manager, c"__aenter__")? else {
        return Err(api::raise(
            exc::type_error(),
            &format!(
                "'{}' object does not support the asynchronous context manager protocol",
                api::type_name(manager)
            ),
        ));
    };
    let Some(exit) = api::lookup_special(manager, c"__aexit__")? else {
        return Err(api::raise(
            exc::type_error(),
            &format!(
                "'{}' object does not support the asynchronous context manager protocol \
                 (missed __aexit__ method)",
                api::type_name(manager)
            ),
        ));
    };
    c.set(1, exit);
    let result = api::call_args(&enter, &[])?;
    c.push(result);
    next()
}

// --- except* ------------------------------------------------------------------------------

fn check_eg_match(ex: &mut Exec, _: u32) -> Step {
    let match_type = ex.cursor.pop();
    // What is left of the group after earlier `except*` clauses: None when they took it all.
    if !ex.cursor.top().is_none() {
        require_exception(ex.cursor.top(), "CHECK_EG_MATCH")?;
    }
    let (rest, matched) = support::check_eg_match(ex.cursor.top(), &match_type)?;
    if matched.is_none() {
        drop(rest);
        ex.cursor.push(matched);
    } else {
        ex.cursor.set(1, rest);
        drop(ex.thread.swap_handled_exception(matched.clone()));
        ex.cursor.push(matched);
    }
    next()
}

fn prep_reraise_star(ex: &mut Exec, _: u32) -> Step {
    let excs = ex.cursor.pop();
    let orig = ex.cursor.pop();
    require_exception(&orig, "PREP_RERAISE_STAR")?;
    if !excs.is_exact_list() {
        return Err(bad_bytecode("PREP_RERAISE_STAR needs a list"));
    }
    for item in api::fast_items(&excs) {
        if !item.is_none() {
            require_exception(item, "PREP_RERAISE_STAR")?;
        }
    }
    let value = support::prep_reraise_star(&orig, &excs)?;
    ex.cursor.push(value);
    next()
}
