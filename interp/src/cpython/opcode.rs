//! CPython 3.11's opcode facts as Rust constants: every opcode number (`opcode.opmap`), the
//! numbers of the specialized instructions (`opcode._specialized_instructions` assigned to the
//! free numbers in order, as Include/opcode.h has them), the inline-cache sizes
//! (`opcode._inline_cache_entries` and `_cache_format`), the specialization families
//! (`opcode._specializations`), the `has*` sets, `BINARY_OP`'s operand numbers (`opcode._nb_ops`)
//! and `COMPARE_OP`'s (`opcode.cmp_op`).
//!
//! The tables were generated once from the installed `opcode` module; `interp/tests/opcodes.rs`
//! checks them entry by entry against it and against the installed Include/opcode.h and
//! Include/internal/pycore_opcode.h.

/// Opcodes below this take no argument (their oparg byte is ignored).
pub const HAVE_ARGUMENT: u8 = 90;

/// Not an instruction of any code object: the value CPython's eval loop dispatches to while
/// tracing is on (`_PyCFrame.use_tracing` is 255 and is or'ed into the opcode).
pub const DO_TRACING: u8 = 255;

/// Bits of [`kinds`]: the `opcode.has*` sets an opcode belongs to.
pub mod kind {
    /// `hasconst`: the oparg indexes `co_consts`.
    pub const CONST: u8 = 1 << 0;
    /// `hasname`: the oparg indexes `co_names` (possibly shifted, see LOAD_GLOBAL).
    pub const NAME: u8 = 1 << 1;
    /// `hasjrel`: the oparg is a relative jump (in code units, after the inline caches).
    pub const JREL: u8 = 1 << 2;
    /// `hasjabs`: the oparg is an absolute jump target (none in 3.11).
    pub const JABS: u8 = 1 << 3;
    /// `haslocal`: the oparg indexes the fast locals.
    pub const LOCAL: u8 = 1 << 4;
    /// `hascompare`: the oparg indexes `cmp_op`.
    pub const COMPARE: u8 = 1 << 5;
    /// `hasfree`: the oparg indexes the cell and free variables (locals-plus index in 3.11).
    pub const FREE: u8 = 1 << 6;
    /// `hasnargs`: unused in 3.11.
    pub const NARGS: u8 = 1 << 7;
}

/// Defines the opcode constants and the lookup tables from one table.
///
/// `base` lists `opcode.opmap` in numeric order as `NAME = number, inline cache entries, [kinds]`;
/// `specialized` lists `opcode._specializations` in its order, each family's forms with their
/// numbers.
macro_rules! opcodes {
    (
        base {
            $( $name:ident = $num:literal, $caches:literal, [$($kind:ident),*]; )*
        }
        specialized {
            $( $family:ident { $( $form:ident = $form_num:literal, )* } )*
        }
    ) => {
        $( pub const $name: u8 = $num; )*
        $( $( pub const $form: u8 = $form_num; )* )*

        /// `opcode.opmap`: the base opcodes, in numeric order.
        pub const OPMAP: &[(&str, u8)] = &[ $( (stringify!($name), $num), )* ];

        /// `opcode._specialized_instructions` with their numbers, in that order.
        pub const SPECIALIZED_INSTRUCTIONS: &[(&str, u8)] = &[ $( $( (stringify!($form), $form_num), )* )* ];

        /// The names of the specialization families (the keys of `opcode._specializations`).
        pub const SPECIALIZATION_FAMILIES: &[&str] = &[ $( stringify!($family), )* ];

        /// `opcode._specializations`: each family's base opcode and its specialized forms.
        pub const SPECIALIZATIONS: &[(u8, &[u8])] = &[ $( ($family, &[ $( $form, )* ]), )* ];

        /// `opcode._inline_cache_entries`: inline cache entries (code units) after each *base*
        /// opcode; 0 for specialized numbers, as in CPython (see [`cache_entries`]).
        pub const INLINE_CACHE_ENTRIES: [u8; 256] = {
            let mut table = [0u8; 256];
            $( table[$num] = $caches; )*
            table
        };

        const NAMES: [Option<&str>; 256] = {
            let mut table: [Option<&str>; 256] = [None; 256];
            $( table[$num] = Some(stringify!($name)); )*
            $( $( table[$form_num] = Some(stringify!($form)); )* )*
            table[DO_TRACING as usize] = Some("DO_TRACING");
            table
        };

        const DEOPT: [u8; 256] = {
            let mut table = [0u8; 256];
            $( table[$num] = $num; )*
            $( $( table[$form_num] = $family; )* )*
            table
        };

        const KINDS: [u8; 256] = {
            let mut table = [0u8; 256];
            $( table[$num] = 0 $( | kind::$kind )*; )*
            table
        };
    };
}

opcodes! {
    base {
        // name                       number caches kinds
        CACHE                         =   0,  0, [];
        POP_TOP                       =   1,  0, [];
        PUSH_NULL                     =   2,  0, [];
        NOP                           =   9,  0, [];
        UNARY_POSITIVE                =  10,  0, [];
        UNARY_NEGATIVE                =  11,  0, [];
        UNARY_NOT                     =  12,  0, [];
        UNARY_INVERT                  =  15,  0, [];
        BINARY_SUBSCR                 =  25,  4, [];
        GET_LEN                       =  30,  0, [];
        MATCH_MAPPING                 =  31,  0, [];
        MATCH_SEQUENCE                =  32,  0, [];
        MATCH_KEYS                    =  33,  0, [];
        PUSH_EXC_INFO                 =  35,  0, [];
        CHECK_EXC_MATCH               =  36,  0, [];
        CHECK_EG_MATCH                =  37,  0, [];
        WITH_EXCEPT_START             =  49,  0, [];
        GET_AITER                     =  50,  0, [];
        GET_ANEXT                     =  51,  0, [];
        BEFORE_ASYNC_WITH             =  52,  0, [];
        BEFORE_WITH                   =  53,  0, [];
        END_ASYNC_FOR                 =  54,  0, [];
        STORE_SUBSCR                  =  60,  1, [];
        DELETE_SUBSCR                 =  61,  0, [];
        GET_ITER                      =  68,  0, [];
        GET_YIELD_FROM_ITER           =  69,  0, [];
        PRINT_EXPR                    =  70,  0, [];
        LOAD_BUILD_CLASS              =  71,  0, [];
        LOAD_ASSERTION_ERROR          =  74,  0, [];
        RETURN_GENERATOR              =  75,  0, [];
        LIST_TO_TUPLE                 =  82,  0, [];
        RETURN_VALUE                  =  83,  0, [];
        IMPORT_STAR                   =  84,  0, [];
        SETUP_ANNOTATIONS             =  85,  0, [];
        YIELD_VALUE                   =  86,  0, [];
        ASYNC_GEN_WRAP                =  87,  0, [];
        PREP_RERAISE_STAR             =  88,  0, [];
        POP_EXCEPT                    =  89,  0, [];
        STORE_NAME                    =  90,  0, [NAME];
        DELETE_NAME                   =  91,  0, [NAME];
        UNPACK_SEQUENCE               =  92,  1, [];
        FOR_ITER                      =  93,  0, [JREL];
        UNPACK_EX                     =  94,  0, [];
        STORE_ATTR                    =  95,  4, [NAME];
        DELETE_ATTR                   =  96,  0, [NAME];
        STORE_GLOBAL                  =  97,  0, [NAME];
        DELETE_GLOBAL                 =  98,  0, [NAME];
        SWAP                          =  99,  0, [];
        LOAD_CONST                    = 100,  0, [CONST];
        LOAD_NAME                     = 101,  0, [NAME];
        BUILD_TUPLE                   = 102,  0, [];
        BUILD_LIST                    = 103,  0, [];
        BUILD_SET                     = 104,  0, [];
        BUILD_MAP                     = 105,  0, [];
        LOAD_ATTR                     = 106,  4, [NAME];
        COMPARE_OP                    = 107,  2, [COMPARE];
        IMPORT_NAME                   = 108,  0, [NAME];
        IMPORT_FROM                   = 109,  0, [NAME];
        JUMP_FORWARD                  = 110,  0, [JREL];
        JUMP_IF_FALSE_OR_POP          = 111,  0, [JREL];
        JUMP_IF_TRUE_OR_POP           = 112,  0, [JREL];
        POP_JUMP_FORWARD_IF_FALSE     = 114,  0, [JREL];
        POP_JUMP_FORWARD_IF_TRUE      = 115,  0, [JREL];
        LOAD_GLOBAL                   = 116,  5, [NAME];
        IS_OP                         = 117,  0, [];
        CONTAINS_OP                   = 118,  0, [];
        RERAISE                       = 119,  0, [];
        COPY                          = 120,  0, [];
        BINARY_OP                     = 122,  1, [];
        SEND                          = 123,  0, [JREL];
        LOAD_FAST                     = 124,  0, [LOCAL];
        STORE_FAST                    = 125,  0, [LOCAL];
        DELETE_FAST                   = 126,  0, [LOCAL];
        POP_JUMP_FORWARD_IF_NOT_NONE  = 128,  0, [JREL];
        POP_JUMP_FORWARD_IF_NONE      = 129,  0, [JREL];
        RAISE_VARARGS                 = 130,  0, [];
        GET_AWAITABLE                 = 131,  0, [];
        MAKE_FUNCTION                 = 132,  0, [];
        BUILD_SLICE                   = 133,  0, [];
        JUMP_BACKWARD_NO_INTERRUPT    = 134,  0, [JREL];
        MAKE_CELL                     = 135,  0, [FREE];
        LOAD_CLOSURE                  = 136,  0, [FREE];
        LOAD_DEREF                    = 137,  0, [FREE];
        STORE_DEREF                   = 138,  0, [FREE];
        DELETE_DEREF                  = 139,  0, [FREE];
        JUMP_BACKWARD                 = 140,  0, [JREL];
        CALL_FUNCTION_EX              = 142,  0, [];
        EXTENDED_ARG                  = 144,  0, [];
        LIST_APPEND                   = 145,  0, [];
        SET_ADD                       = 146,  0, [];
        MAP_ADD                       = 147,  0, [];
        LOAD_CLASSDEREF               = 148,  0, [FREE];
        COPY_FREE_VARS                = 149,  0, [];
        RESUME                        = 151,  0, [];
        MATCH_CLASS                   = 152,  0, [];
        FORMAT_VALUE                  = 155,  0, [];
        BUILD_CONST_KEY_MAP           = 156,  0, [];
        BUILD_STRING                  = 157,  0, [];
        LOAD_METHOD                   = 160, 10, [NAME];
        LIST_EXTEND                   = 162,  0, [];
        SET_UPDATE                    = 163,  0, [];
        DICT_MERGE                    = 164,  0, [];
        DICT_UPDATE                   = 165,  0, [];
        PRECALL                       = 166,  1, [];
        CALL                          = 171,  4, [];
        KW_NAMES                      = 172,  0, [CONST];
        POP_JUMP_BACKWARD_IF_NOT_NONE = 173,  0, [JREL];
        POP_JUMP_BACKWARD_IF_NONE     = 174,  0, [JREL];
        POP_JUMP_BACKWARD_IF_FALSE    = 175,  0, [JREL];
        POP_JUMP_BACKWARD_IF_TRUE     = 176,  0, [JREL];
    }
    specialized {
        BINARY_OP {
            BINARY_OP_ADAPTIVE                           =   3,
            BINARY_OP_ADD_FLOAT                          =   4,
            BINARY_OP_ADD_INT                            =   5,
            BINARY_OP_ADD_UNICODE                        =   6,
            BINARY_OP_INPLACE_ADD_UNICODE                =   7,
            BINARY_OP_MULTIPLY_FLOAT                     =   8,
            BINARY_OP_MULTIPLY_INT                       =  13,
            BINARY_OP_SUBTRACT_FLOAT                     =  14,
            BINARY_OP_SUBTRACT_INT                       =  16,
        }
        BINARY_SUBSCR {
            BINARY_SUBSCR_ADAPTIVE                       =  17,
            BINARY_SUBSCR_DICT                           =  18,
            BINARY_SUBSCR_GETITEM                        =  19,
            BINARY_SUBSCR_LIST_INT                       =  20,
            BINARY_SUBSCR_TUPLE_INT                      =  21,
        }
        CALL {
            CALL_ADAPTIVE                                =  22,
            CALL_PY_EXACT_ARGS                           =  23,
            CALL_PY_WITH_DEFAULTS                        =  24,
        }
        COMPARE_OP {
            COMPARE_OP_ADAPTIVE                          =  26,
            COMPARE_OP_FLOAT_JUMP                        =  27,
            COMPARE_OP_INT_JUMP                          =  28,
            COMPARE_OP_STR_JUMP                          =  29,
        }
        EXTENDED_ARG {
            EXTENDED_ARG_QUICK                           =  34,
        }
        JUMP_BACKWARD {
            JUMP_BACKWARD_QUICK                          =  38,
        }
        LOAD_ATTR {
            LOAD_ATTR_ADAPTIVE                           =  39,
            LOAD_ATTR_INSTANCE_VALUE                     =  40,
            LOAD_ATTR_MODULE                             =  41,
            LOAD_ATTR_SLOT                               =  42,
            LOAD_ATTR_WITH_HINT                          =  43,
        }
        LOAD_CONST {
            LOAD_CONST__LOAD_FAST                        =  44,
        }
        LOAD_FAST {
            LOAD_FAST__LOAD_CONST                        =  45,
            LOAD_FAST__LOAD_FAST                         =  46,
        }
        LOAD_GLOBAL {
            LOAD_GLOBAL_ADAPTIVE                         =  47,
            LOAD_GLOBAL_BUILTIN                          =  48,
            LOAD_GLOBAL_MODULE                           =  55,
        }
        LOAD_METHOD {
            LOAD_METHOD_ADAPTIVE                         =  56,
            LOAD_METHOD_CLASS                            =  57,
            LOAD_METHOD_MODULE                           =  58,
            LOAD_METHOD_NO_DICT                          =  59,
            LOAD_METHOD_WITH_DICT                        =  62,
            LOAD_METHOD_WITH_VALUES                      =  63,
        }
        PRECALL {
            PRECALL_ADAPTIVE                             =  64,
            PRECALL_BOUND_METHOD                         =  65,
            PRECALL_BUILTIN_CLASS                        =  66,
            PRECALL_BUILTIN_FAST_WITH_KEYWORDS           =  67,
            PRECALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS =  72,
            PRECALL_NO_KW_BUILTIN_FAST                   =  73,
            PRECALL_NO_KW_BUILTIN_O                      =  76,
            PRECALL_NO_KW_ISINSTANCE                     =  77,
            PRECALL_NO_KW_LEN                            =  78,
            PRECALL_NO_KW_LIST_APPEND                    =  79,
            PRECALL_NO_KW_METHOD_DESCRIPTOR_FAST         =  80,
            PRECALL_NO_KW_METHOD_DESCRIPTOR_NOARGS       =  81,
            PRECALL_NO_KW_METHOD_DESCRIPTOR_O            = 113,
            PRECALL_NO_KW_STR_1                          = 121,
            PRECALL_NO_KW_TUPLE_1                        = 127,
            PRECALL_NO_KW_TYPE_1                         = 141,
            PRECALL_PYFUNC                               = 143,
        }
        RESUME {
            RESUME_QUICK                                 = 150,
        }
        STORE_ATTR {
            STORE_ATTR_ADAPTIVE                          = 153,
            STORE_ATTR_INSTANCE_VALUE                    = 154,
            STORE_ATTR_SLOT                              = 158,
            STORE_ATTR_WITH_HINT                         = 159,
        }
        STORE_FAST {
            STORE_FAST__LOAD_FAST                        = 161,
            STORE_FAST__STORE_FAST                       = 167,
        }
        STORE_SUBSCR {
            STORE_SUBSCR_ADAPTIVE                        = 168,
            STORE_SUBSCR_DICT                            = 169,
            STORE_SUBSCR_LIST_INT                        = 170,
        }
        UNPACK_SEQUENCE {
            UNPACK_SEQUENCE_ADAPTIVE                     = 177,
            UNPACK_SEQUENCE_LIST                         = 178,
            UNPACK_SEQUENCE_TUPLE                        = 179,
            UNPACK_SEQUENCE_TWO_TUPLE                    = 180,
        }
    }
}

/// Defines `BINARY_OP`'s oparg constants and [`NB_OPS`].
macro_rules! nb_ops {
    ($( $name:ident = $num:literal, $symbol:literal; )*) => {
        $( pub const $name: u8 = $num; )*

        /// `opcode._nb_ops`: `BINARY_OP`'s opargs in order, with their operator symbols.
        pub const NB_OPS: &[(&str, &str)] = &[ $( (stringify!($name), $symbol), )* ];
    };
}

nb_ops! {
    NB_ADD = 0, "+";
    NB_AND = 1, "&";
    NB_FLOOR_DIVIDE = 2, "//";
    NB_LSHIFT = 3, "<<";
    NB_MATRIX_MULTIPLY = 4, "@";
    NB_MULTIPLY = 5, "*";
    NB_REMAINDER = 6, "%";
    NB_OR = 7, "|";
    NB_POWER = 8, "**";
    NB_RSHIFT = 9, ">>";
    NB_SUBTRACT = 10, "-";
    NB_TRUE_DIVIDE = 11, "/";
    NB_XOR = 12, "^";
    NB_INPLACE_ADD = 13, "+=";
    NB_INPLACE_AND = 14, "&=";
    NB_INPLACE_FLOOR_DIVIDE = 15, "//=";
    NB_INPLACE_LSHIFT = 16, "<<=";
    NB_INPLACE_MATRIX_MULTIPLY = 17, "@=";
    NB_INPLACE_MULTIPLY = 18, "*=";
    NB_INPLACE_REMAINDER = 19, "%=";
    NB_INPLACE_OR = 20, "|=";
    NB_INPLACE_POWER = 21, "**=";
    NB_INPLACE_RSHIFT = 22, ">>=";
    NB_INPLACE_SUBTRACT = 23, "-=";
    NB_INPLACE_TRUE_DIVIDE = 24, "/=";
    NB_INPLACE_XOR = 25, "^=";
}

/// `opcode.cmp_op`: `COMPARE_OP`'s opargs (in 3.11 the comparison is `oparg`, not `oparg >> 4`).
pub const CMP_OP: [&str; 6] = ["<", "<=", "==", "!=", ">", ">="];

/// `opcode._cache_format`: the named fields (and their sizes in code units) of each
/// family's inline cache, in order.
pub const CACHE_FORMAT: &[(u8, &[(&str, u8)])] = &[
    (
        LOAD_GLOBAL,
        &[
            ("counter", 1),
            ("index", 1),
            ("module_keys_version", 2),
            ("builtin_keys_version", 1),
        ],
    ),
    (BINARY_OP, &[("counter", 1)]),
    (UNPACK_SEQUENCE, &[("counter", 1)]),
    (COMPARE_OP, &[("counter", 1), ("mask", 1)]),
    (
        BINARY_SUBSCR,
        &[("counter", 1), ("type_version", 2), ("func_version", 1)],
    ),
    (LOAD_ATTR, &[("counter", 1), ("version", 2), ("index", 1)]),
    (STORE_ATTR, &[("counter", 1), ("version", 2), ("index", 1)]),
    (
        LOAD_METHOD,
        &[
            ("counter", 1),
            ("type_version", 2),
            ("dict_offset", 1),
            ("keys_version", 2),
            ("descr", 4),
        ],
    ),
    (
        CALL,
        &[("counter", 1), ("func_version", 2), ("min_args", 1)],
    ),
    (PRECALL, &[("counter", 1)]),
    (STORE_SUBSCR, &[("counter", 1)]),
];

/// The name of opcode `op`: a base opcode, a specialized form or `DO_TRACING`; `None` for the
/// unused numbers.
pub const fn name(op: u8) -> Option<&'static str> {
    NAMES[op as usize]
}

/// The base instruction of `op` (CPython's `_PyOpcode_Deopt`): a specialized form maps to its
/// family's base opcode, a base opcode to itself, an unused number (and `DO_TRACING`) to 0.
pub const fn deopt(op: u8) -> u8 {
    DEOPT[op as usize]
}

/// Whether `op` is one of the specialized forms.
pub const fn is_specialized(op: u8) -> bool {
    let base = DEOPT[op as usize];
    base != op && NAMES[op as usize].is_some() && op != DO_TRACING
}

/// Inline cache entries (code units) following an instruction whose opcode is `op`, base or
/// specialized: the entries of `op`'s family. (CPython's own table has them for base opcodes
/// only; every form of a family shares its cache layout.)
pub const fn cache_entries(op: u8) -> usize {
    INLINE_CACHE_ENTRIES[DEOPT[op as usize] as usize] as usize
}

/// The `kind` bits of `op`'s base instruction.
pub const fn kinds(op: u8) -> u8 {
    KINDS[DEOPT[op as usize] as usize]
}

/// Whether `op` takes an argument (`HAS_ARG`, judged on its base instruction).
pub const fn has_arg(op: u8) -> bool {
    let base = DEOPT[op as usize];
    base >= HAVE_ARGUMENT
}

/// `hasconst`, for `op`'s base instruction.
pub const fn has_const(op: u8) -> bool {
    kinds(op) & kind::CONST != 0
}

/// `hasname`, for `op`'s base instruction.
pub const fn has_name(op: u8) -> bool {
    kinds(op) & kind::NAME != 0
}

/// `hasjrel`, for `op`'s base instruction.
pub const fn has_jrel(op: u8) -> bool {
    kinds(op) & kind::JREL != 0
}

/// `hasjabs`, for `op`'s base instruction.
pub const fn has_jabs(op: u8) -> bool {
    kinds(op) & kind::JABS != 0
}

/// `haslocal`, for `op`'s base instruction.
pub const fn has_local(op: u8) -> bool {
    kinds(op) & kind::LOCAL != 0
}

/// `hascompare`, for `op`'s base instruction.
pub const fn has_compare(op: u8) -> bool {
    kinds(op) & kind::COMPARE != 0
}

/// `hasfree`, for `op`'s base instruction.
pub const fn has_free(op: u8) -> bool {
    kinds(op) & kind::FREE != 0
}

/// `hasnargs`, for `op`'s base instruction.
pub const fn has_nargs(op: u8) -> bool {
    kinds(op) & kind::NARGS != 0
}

/// Whether `op`'s base instruction jumps (CPython's `_PyOpcode_Jump`: relative or absolute).
pub const fn is_jump(op: u8) -> bool {
    kinds(op) & (kind::JREL | kind::JABS) != 0
}

/// Whether `op` jumps backward (its relative target is `next_instr - oparg`): `JUMP_BACKWARD`,
/// `JUMP_BACKWARD_NO_INTERRUPT`, the `POP_JUMP_BACKWARD_IF_*` and their specialized forms.
pub const fn is_backward_jump(op: u8) -> bool {
    matches!(
        deopt(op),
        JUMP_BACKWARD
            | JUMP_BACKWARD_NO_INTERRUPT
            | POP_JUMP_BACKWARD_IF_NOT_NONE
            | POP_JUMP_BACKWARD_IF_NONE
            | POP_JUMP_BACKWARD_IF_FALSE
            | POP_JUMP_BACKWARD_IF_TRUE
    )
}
