//! In-process benchmarks of the evaluator's one-time analyses: bytecode validation (run once per
//! code object before its first frame) and exception-table lookup (run on every raise), over
//! every code object of a large stdlib module compiled by the reference python3.

use criterion::{criterion_group, criterion_main, Criterion};
use justjit_interp::eval::exception_table::find_handler;
use justjit_interp::eval::validate::{validate, CodeView};

/// One code object's fields, as python3 dumps them.
struct Code {
    units: Vec<u16>,
    n_consts: usize,
    n_names: usize,
    n_localsplus: usize,
    n_locals: usize,
    n_cellvars: usize,
    n_freevars: usize,
    stacksize: usize,
    exception_table: Vec<u8>,
    flags: u32,
    tuple_consts: Vec<bool>,
}

const DUMP: &str = r#"
import json, sys, types, argparse, inspect
def walk(code):
    yield code
    for c in code.co_consts:
        if isinstance(c, types.CodeType):
            yield from walk(c)
for name in ("argparse", "inspect"):
    src = open(sys.modules[name].__file__).read()
    for c in walk(compile(src, name, "exec")):
        b = c.co_code
        print(json.dumps([list(int.from_bytes(b[i:i+2], "little") for i in range(0, len(b), 2)),
            len(c.co_consts), len(c.co_names), len(c.co_varnames) + len(c.co_cellvars) + len(c.co_freevars)
            - len(set(c.co_varnames) & set(c.co_cellvars)),
            c.co_nlocals, len(c.co_cellvars), len(c.co_freevars), c.co_stacksize,
            list(c.co_exceptiontable), c.co_flags, [isinstance(k, tuple) for k in c.co_consts]]))
"#;

fn load() -> Vec<Code> {
    let out = std::process::Command::new(env!("JUSTJIT_PYTHON"))
        .args(["-c", DUMP])
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("utf-8")
        .lines()
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).expect("json");
            let n = |i: usize| v[i].as_u64().expect("number") as usize;
            let list = |i: usize| v[i].as_array().expect("list").iter();
            Code {
                units: list(0).map(|x| x.as_u64().unwrap() as u16).collect(),
                n_consts: n(1),
                n_names: n(2),
                n_localsplus: n(3),
                n_locals: n(4),
                n_cellvars: n(5),
                n_freevars: n(6),
                stacksize: n(7),
                exception_table: list(8).map(|x| x.as_u64().unwrap() as u8).collect(),
                flags: n(9) as u32,
                tuple_consts: list(10).map(|x| x.as_bool().unwrap()).collect(),
            }
        })
        .collect()
}

fn benchmarks(c: &mut Criterion) {
    let codes = load();
    c.bench_function("validate argparse+inspect", |b| {
        b.iter(|| {
            for code in &codes {
                let is_tuple = |i: usize| code.tuple_consts.get(i).copied().unwrap_or(false);
                let view = CodeView {
                    code: &code.units,
                    n_consts: code.n_consts,
                    n_names: code.n_names,
                    n_localsplus: code.n_localsplus,
                    n_locals: code.n_locals,
                    n_cellvars: code.n_cellvars,
                    n_freevars: code.n_freevars,
                    stacksize: code.stacksize,
                    exception_table: &code.exception_table,
                    flags: code.flags,
                    kw_names_const_is_tuple: &is_tuple,
                };
                std::hint::black_box(validate(&view).expect("stdlib code is valid"));
            }
        })
    });
    c.bench_function("exception table lookups", |b| {
        b.iter(|| {
            for code in &codes {
                for index in (0..code.units.len()).step_by(7) {
                    std::hint::black_box(find_handler(&code.exception_table, index));
                }
            }
        })
    });
}

criterion_group!(benches, benchmarks);
criterion_main!(benches);
