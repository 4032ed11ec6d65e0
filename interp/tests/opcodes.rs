//! Checks `justjit_interp::cpython::opcode` entry by entry against the installed CPython: its
//! `opcode` and `dis` modules (run through `$JUSTJIT_PYTHON`), Include/opcode.h (`#define NAME N`)
//! and the tables of Include/internal/pycore_opcode.h (`_PyOpcode_Caches`, `_PyOpcode_Deopt`,
//! `_PyOpcode_Jump`, `_PyOpcode_RelativeJump`).

use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;
use std::sync::OnceLock;

use justjit_interp::cpython::opcode;
use serde_json::Value;

const PYTHON: &str = env!("JUSTJIT_PYTHON");
const INCLUDE: &str = env!("JUSTJIT_PYTHON_INCLUDE");

/// Dumps everything `opcode` (and `dis`, which numbers the specialized instructions the way
/// Include/opcode.h does) knows, as JSON.
const SCRIPT: &str = r#"
import dis, json, opcode
print(json.dumps({
    "opmap": opcode.opmap,
    "all_opname": dis._all_opname,
    "specialized_instructions": opcode._specialized_instructions,
    "specializations": list(opcode._specializations.items()),
    "inline_cache_entries": opcode._inline_cache_entries,
    "cache_format": [[op, list(fmt.items())] for op, fmt in opcode._cache_format.items()],
    "has": {
        "hasconst": opcode.hasconst, "hasname": opcode.hasname, "hasjrel": opcode.hasjrel,
        "hasjabs": opcode.hasjabs, "haslocal": opcode.haslocal,
        "hascompare": opcode.hascompare, "hasfree": opcode.hasfree,
        "hasnargs": opcode.hasnargs,
    },
    "HAVE_ARGUMENT": opcode.HAVE_ARGUMENT,
    "EXTENDED_ARG": opcode.EXTENDED_ARG,
    "nb_ops": opcode._nb_ops,
    "cmp_op": opcode.cmp_op,
}))
"#;

fn python() -> &'static Value {
    static FACTS: OnceLock<Value> = OnceLock::new();
    FACTS.get_or_init(|| {
        let out = Command::new(PYTHON)
            .args(["-I", "-c", SCRIPT])
            .output()
            .unwrap_or_else(|e| panic!("running {PYTHON}: {e}"));
        assert!(
            out.status.success(),
            "{PYTHON} failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("JSON from the opcode dump")
    })
}

fn str_of(v: &Value) -> &str {
    v.as_str().expect("a string")
}

fn int_of(v: &Value) -> u8 {
    u8::try_from(v.as_u64().expect("an integer")).expect("a byte")
}

fn list_of(v: &Value) -> &Vec<Value> {
    v.as_array().expect("a list")
}

fn op_named(name: &str) -> u8 {
    (0..=255u8)
        .find(|&op| opcode::name(op) == Some(name))
        .unwrap_or_else(|| panic!("no opcode named {name} in cpython::opcode"))
}

fn header(relative: &str) -> String {
    let path = format!("{INCLUDE}/{relative}");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {path}: {e}"))
}

#[test]
fn opmap_matches() {
    let opmap = python()["opmap"].as_object().expect("opmap");
    assert_eq!(opcode::OPMAP.len(), opmap.len(), "number of base opcodes");
    assert_eq!(opcode::OPMAP.len(), 110);
    let by_name: BTreeMap<&str, u8> = opmap.iter().map(|(k, v)| (k.as_str(), int_of(v))).collect();
    for &(name, op) in opcode::OPMAP {
        assert_eq!(by_name.get(name), Some(&op), "opcode.opmap[{name:?}]");
        assert_eq!(opcode::name(op), Some(name), "name({op})");
        assert_eq!(opcode::deopt(op), op, "deopt({name})");
        assert!(!opcode::is_specialized(op), "{name} is a base opcode");
    }
    assert!(
        opcode::OPMAP.windows(2).all(|w| w[0].1 < w[1].1),
        "OPMAP is in numeric order"
    );
    assert_eq!(opcode::HAVE_ARGUMENT, int_of(&python()["HAVE_ARGUMENT"]));
    assert_eq!(opcode::EXTENDED_ARG, int_of(&python()["EXTENDED_ARG"]));
    // Spot checks that the named constants are the table's.
    assert_eq!(opcode::LOAD_FAST, by_name["LOAD_FAST"]);
    assert_eq!(opcode::JUMP_BACKWARD, by_name["JUMP_BACKWARD"]);
    assert_eq!(opcode::CALL, by_name["CALL"]);
}

#[test]
fn all_256_names_match_dis() {
    let all = list_of(&python()["all_opname"]);
    assert_eq!(all.len(), 256);
    for (op, name) in (0..=255u8).zip(all) {
        let name = str_of(name);
        let expected = if name.starts_with('<') {
            None
        } else {
            Some(name)
        };
        let expected = if op == opcode::DO_TRACING {
            assert_eq!(expected, None, "dis has no name for 255");
            Some("DO_TRACING")
        } else {
            expected
        };
        assert_eq!(opcode::name(op), expected, "name({op})");
    }
}

#[test]
fn specialized_instructions_match() {
    let facts = python();
    let names: Vec<&str> = list_of(&facts["specialized_instructions"])
        .iter()
        .map(str_of)
        .collect();
    assert_eq!(names.len(), 71);
    let rust: Vec<&str> = opcode::SPECIALIZED_INSTRUCTIONS
        .iter()
        .map(|&(n, _)| n)
        .collect();
    assert_eq!(rust, names, "opcode._specialized_instructions, in order");
    let all = list_of(&facts["all_opname"]);
    for &(name, op) in opcode::SPECIALIZED_INSTRUCTIONS {
        assert_eq!(str_of(&all[op as usize]), name, "dis._all_opname[{op}]");
        assert!(opcode::is_specialized(op), "is_specialized({name})");
    }
    // The numbering rule of Tools/scripts/generate_opcode_h.py: the free numbers, in order.
    let base: BTreeSet<u8> = opcode::OPMAP.iter().map(|&(_, op)| op).collect();
    let free = (0..=255u8).filter(|op| !base.contains(op));
    for (&(name, op), expected) in opcode::SPECIALIZED_INSTRUCTIONS.iter().zip(free) {
        assert_eq!(op, expected, "number of {name}");
    }
}

#[test]
fn specializations_match() {
    let families = list_of(&python()["specializations"]);
    assert_eq!(families.len(), 17);
    assert_eq!(opcode::SPECIALIZATIONS.len(), families.len());
    assert_eq!(opcode::SPECIALIZATION_FAMILIES.len(), families.len());
    let mut forms_total = 0;
    for (i, family) in families.iter().enumerate() {
        let pair = list_of(family);
        let base_name = str_of(&pair[0]);
        let forms: Vec<&str> = list_of(&pair[1]).iter().map(str_of).collect();
        let (base, rust_forms) = opcode::SPECIALIZATIONS[i];
        assert_eq!(opcode::name(base), Some(base_name), "family {i}");
        assert_eq!(opcode::SPECIALIZATION_FAMILIES[i], base_name, "family {i}");
        let rust_forms: Vec<&str> = rust_forms
            .iter()
            .map(|&op| opcode::name(op).unwrap())
            .collect();
        assert_eq!(rust_forms, forms, "forms of {base_name}");
        for form in forms {
            let op = op_named(form);
            assert_eq!(opcode::deopt(op), base, "deopt({form})");
            assert_eq!(opcode::kinds(op), opcode::kinds(base), "kinds({form})");
            assert_eq!(
                opcode::cache_entries(op),
                opcode::cache_entries(base),
                "cache_entries({form})"
            );
            forms_total += 1;
        }
    }
    assert_eq!(forms_total, 71);
}

#[test]
fn inline_caches_match() {
    let facts = python();
    let entries: Vec<u8> = list_of(&facts["inline_cache_entries"])
        .iter()
        .map(int_of)
        .collect();
    assert_eq!(entries.len(), 256);
    for op in 0..=255u8 {
        let name = opcode::name(op).unwrap_or("<unused>");
        assert_eq!(
            opcode::INLINE_CACHE_ENTRIES[op as usize],
            entries[op as usize],
            "opcode._inline_cache_entries[{op}] ({name})"
        );
        assert_eq!(
            opcode::cache_entries(op),
            entries[opcode::deopt(op) as usize] as usize,
            "cache_entries({op}) ({name})"
        );
    }
    let formats = list_of(&facts["cache_format"]);
    assert_eq!(opcode::CACHE_FORMAT.len(), formats.len());
    for (&(op, fields), format) in opcode::CACHE_FORMAT.iter().zip(formats) {
        let pair = list_of(format);
        let name = str_of(&pair[0]);
        assert_eq!(opcode::name(op), Some(name));
        let python: Vec<(&str, u8)> = list_of(&pair[1])
            .iter()
            .map(|f| (str_of(&list_of(f)[0]), int_of(&list_of(f)[1])))
            .collect();
        assert_eq!(fields, python.as_slice(), "opcode._cache_format[{name:?}]");
        let total: usize = fields.iter().map(|&(_, n)| n as usize).sum();
        assert_eq!(opcode::cache_entries(op), total, "cache size of {name}");
    }
}

/// One of `cpython::opcode`'s `has_*`/`is_*` predicates.
type OpPredicate = fn(u8) -> bool;

#[test]
fn has_sets_match() {
    let has = python()["has"].as_object().expect("has sets");
    let checks: [(&str, OpPredicate); 8] = [
        ("hasconst", opcode::has_const),
        ("hasname", opcode::has_name),
        ("hasjrel", opcode::has_jrel),
        ("hasjabs", opcode::has_jabs),
        ("haslocal", opcode::has_local),
        ("hascompare", opcode::has_compare),
        ("hasfree", opcode::has_free),
        ("hasnargs", opcode::has_nargs),
    ];
    assert_eq!(checks.len(), has.len());
    for (set, check) in checks {
        let python: BTreeSet<u8> = list_of(&has[set]).iter().map(int_of).collect();
        for op in 0..=255u8 {
            // Base opcodes are judged as CPython lists them, specialized ones by their base.
            let expected = python.contains(&opcode::deopt(op)) && opcode::name(op).is_some();
            let expected = expected && op != opcode::DO_TRACING;
            assert_eq!(
                check(op),
                expected,
                "{set} for {op} ({:?})",
                opcode::name(op)
            );
        }
    }
    for op in 0..=255u8 {
        if opcode::name(op).is_some() && op != opcode::DO_TRACING {
            assert_eq!(
                opcode::has_arg(op),
                opcode::deopt(op) >= opcode::HAVE_ARGUMENT,
                "has_arg({op})"
            );
        }
    }
    assert!(opcode::is_backward_jump(opcode::JUMP_BACKWARD_QUICK));
    assert!(opcode::is_backward_jump(opcode::POP_JUMP_BACKWARD_IF_TRUE));
    assert!(!opcode::is_backward_jump(opcode::JUMP_FORWARD));
}

#[test]
fn nb_ops_and_cmp_op_match() {
    let facts = python();
    let nb_ops: Vec<(&str, &str)> = list_of(&facts["nb_ops"])
        .iter()
        .map(|p| (str_of(&list_of(p)[0]), str_of(&list_of(p)[1])))
        .collect();
    assert_eq!(opcode::NB_OPS, nb_ops.as_slice(), "opcode._nb_ops");
    assert_eq!(opcode::NB_ADD, 0);
    assert_eq!(opcode::NB_INPLACE_XOR as usize, nb_ops.len() - 1);
    let cmp_op: Vec<&str> = list_of(&facts["cmp_op"]).iter().map(str_of).collect();
    assert_eq!(
        opcode::CMP_OP.as_slice(),
        cmp_op.as_slice(),
        "opcode.cmp_op"
    );
}

/// `#define NAME N` lines of a header.
fn defines(text: &str) -> BTreeMap<String, i64> {
    text.lines()
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            if words.next() != Some("#define") {
                return None;
            }
            let name = words.next()?;
            let value = words.next()?.parse().ok()?;
            words.next().is_none().then(|| (name.to_owned(), value))
        })
        .collect()
}

#[test]
fn opcode_h_matches() {
    let defines = defines(&header("opcode.h"));
    let mut rust: BTreeMap<String, i64> = BTreeMap::new();
    for op in 0..=255u8 {
        if let Some(name) = opcode::name(op) {
            rust.insert(name.to_owned(), op.into());
        }
    }
    rust.insert("HAVE_ARGUMENT".to_owned(), opcode::HAVE_ARGUMENT.into());
    for (i, &(name, _)) in opcode::NB_OPS.iter().enumerate() {
        rust.insert(name.to_owned(), i as i64);
    }
    let only_header: Vec<_> = defines
        .iter()
        .filter(|(k, _)| !rust.contains_key(*k))
        .collect();
    let only_rust: Vec<_> = rust
        .iter()
        .filter(|(k, _)| !defines.contains_key(*k))
        .collect();
    assert!(
        only_header.is_empty(),
        "defined in opcode.h only: {only_header:?}"
    );
    assert!(only_rust.is_empty(), "missing from opcode.h: {only_rust:?}");
    for (name, value) in &rust {
        assert_eq!(defines[name], *value, "#define {name} in opcode.h");
    }
}

/// The `[KEY] = VALUE,` entries of the C array `name` in a header.
fn c_array<'a>(text: &'a str, name: &str) -> Vec<(&'a str, &'a str)> {
    let start = text
        .find(&format!("{name}[256] = {{"))
        .unwrap_or_else(|| panic!("{name} not found"));
    let body = &text[start..];
    let body = &body[body.find('{').unwrap() + 1..body.find("};").unwrap()];
    body.lines()
        .filter_map(|line| {
            let line = line.trim().strip_prefix('[')?;
            let (key, value) = line.split_once("] = ")?;
            Some((key, value.trim_end_matches(',')))
        })
        .collect()
}

/// The 8 words of a `static const uint32_t name[8]` bitset.
fn c_bitset(text: &str, name: &str) -> Vec<u32> {
    let start = text.find(&format!("{name}[8] = {{")).unwrap();
    let body = &text[start..];
    let body = &body[body.find('{').unwrap() + 1..body.find("};").unwrap()];
    body.split(',')
        .map(|w| w.trim().trim_end_matches('U'))
        .filter(|w| !w.is_empty())
        .map(|w| w.parse().unwrap())
        .collect()
}

#[test]
fn pycore_opcode_h_matches() {
    let text = header("internal/pycore_opcode.h");
    let resolve = |key: &str| -> u8 { key.parse().unwrap_or_else(|_| op_named(key)) };

    let mut caches = [0u8; 256];
    for (key, value) in c_array(&text, "_PyOpcode_Caches") {
        caches[resolve(key) as usize] = value.parse().unwrap();
    }
    for op in 0..=255u8 {
        assert_eq!(
            opcode::INLINE_CACHE_ENTRIES[op as usize],
            caches[op as usize],
            "_PyOpcode_Caches[{op}] ({:?})",
            opcode::name(op)
        );
    }

    let mut deopt = [0u8; 256];
    for (key, value) in c_array(&text, "_PyOpcode_Deopt") {
        deopt[resolve(key) as usize] = resolve(value);
    }
    for op in 0..=255u8 {
        assert_eq!(
            opcode::deopt(op),
            deopt[op as usize],
            "_PyOpcode_Deopt[{op}]"
        );
    }

    for (name, check) in [
        ("_PyOpcode_Jump", opcode::is_jump as OpPredicate),
        ("_PyOpcode_RelativeJump", opcode::has_jrel),
    ] {
        let words = c_bitset(&text, name);
        assert_eq!(words.len(), 8);
        for op in 0..=255u8 {
            let bit = words[op as usize / 32] >> (op % 32) & 1 == 1;
            // The C bitsets list base opcodes only.
            if !opcode::is_specialized(op) {
                assert_eq!(check(op), bit, "{name} bit {op} ({:?})", opcode::name(op));
            }
        }
    }
}
