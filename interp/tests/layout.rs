//! Checks every `#[repr(C)]` mirror, typed offset and header constant of `justjit_interp::cpython`
//! against the installed CPython headers.
//!
//! The test generates a small C program from the registries in `cpython::layout` (so every
//! mirrored field, every mirrored struct's size and alignment, every partial-struct offset and
//! every constant gets a line), compiles it with `$CC` (default `cc`) against
//! `$JUSTJIT_PYTHON_INCLUDE` with `Py_BUILD_CORE` defined, runs it and compares its output, lines
//! such as `_PyInterpreterFrame.prev_instr 56` or `sizeof _PyInterpreterFrame 80`, with the Rust
//! side. A second test makes sure no mirror in the mirror files escapes the registries.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

use justjit_interp::cpython::layout::{self, Const, Field, Layout};

const INCLUDE: &str = env!("JUSTJIT_PYTHON_INCLUDE");

/// The C side's value for one probe key.
type Probe = BTreeMap<String, i128>;

/// One value the Rust side claims, keyed as the probe prints it.
struct Expectation {
    key: String,
    what: &'static str,
    rust: i128,
}

fn all_layouts() -> Vec<Layout> {
    layout::MIRRORS
        .iter()
        .chain(layout::PARTIALS)
        .copied()
        .collect()
}

fn all_consts() -> Vec<Const> {
    layout::CONSTANTS
        .iter()
        .flat_map(|c| c.iter())
        .copied()
        .collect()
}

/// Everything the Rust side says, one entry per probe line.
fn expectations(layouts: &[Layout], consts: &[Const]) -> Vec<Expectation> {
    let mut out = Vec::new();
    for l in layouts {
        let t = l.c_name;
        if let Some(size) = l.size {
            out.push(Expectation {
                key: format!("sizeof {t}"),
                what: "size",
                rust: size as i128,
            });
        }
        if let Some(align) = l.align {
            out.push(Expectation {
                key: format!("alignof {t}"),
                what: "alignment",
                rust: align as i128,
            });
        }
        for &Field { name, offset, size } in l.fields {
            out.push(Expectation {
                key: format!("{t}.{name}"),
                what: "offset",
                rust: offset as i128,
            });
            // A zero-sized Rust field mirrors a C flexible array member, which has no sizeof.
            if size != 0 {
                out.push(Expectation {
                    key: format!("sizeof {t}.{name}"),
                    what: "field size",
                    rust: size as i128,
                });
            }
        }
    }
    for c in consts {
        out.push(Expectation {
            key: format!("const {}", c.name),
            what: "value",
            rust: c.value,
        });
    }
    out
}

/// The C program printing the C side of every expectation.
fn probe_source(layouts: &[Layout], consts: &[Const]) -> String {
    let mut src = String::from("#define Py_BUILD_CORE 1\n#include <Python.h>\n");
    for header in layout::PROBE_HEADERS {
        writeln!(src, "#include \"{header}\"").unwrap();
    }
    src.push_str("#include <stddef.h>\n#include <stdio.h>\n\nint main(void) {\n");
    for l in layouts {
        let t = l.c_name;
        if l.size.is_some() {
            writeln!(src, "    printf(\"sizeof {t} %zu\\n\", sizeof({t}));").unwrap();
        }
        if l.align.is_some() {
            writeln!(
                src,
                "    printf(\"alignof {t} %zu\\n\", (size_t)_Alignof({t}));"
            )
            .unwrap();
        }
        for f in l.fields {
            let n = f.name;
            writeln!(src, "    printf(\"{t}.{n} %zu\\n\", offsetof({t}, {n}));").unwrap();
            if f.size != 0 {
                writeln!(
                    src,
                    "    printf(\"sizeof {t}.{n} %zu\\n\", sizeof((({t} *)0)->{n}));"
                )
                .unwrap();
            }
        }
    }
    for c in consts {
        let n = c.name;
        writeln!(src, "    printf(\"const {n} %lld\\n\", (long long)({n}));").unwrap();
    }
    src.push_str("    return 0;\n}\n");
    src
}

/// Compiles and runs the probe for the registered layouts (once per test binary).
fn probe() -> &'static Probe {
    static PROBE: OnceLock<Probe> = OnceLock::new();
    PROBE.get_or_init(|| run_probe(&probe_source(&all_layouts(), &all_consts())))
}

fn run_probe(source: &str) -> Probe {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("layout-probe-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let c_file = dir.join("probe.c");
    let exe = dir.join("probe");
    std::fs::write(&c_file, source).unwrap();

    let cc = std::env::var("CC").unwrap_or_else(|_| "cc".to_owned());
    let mut cc_words = cc.split_whitespace();
    let compiler = cc_words.next().expect("$CC is empty");
    let output = Command::new(compiler)
        .args(cc_words)
        .arg(format!("-I{INCLUDE}"))
        .arg(format!("-I{INCLUDE}/internal"))
        .arg("-o")
        .arg(&exe)
        .arg(&c_file)
        .output()
        .unwrap_or_else(|e| panic!("running the C compiler `{cc}`: {e}"));
    assert!(
        output.status.success(),
        "compiling the layout probe {} failed:\n{}",
        c_file.display(),
        String::from_utf8_lossy(&output.stderr)
    );

    let output = Command::new(&exe)
        .output()
        .expect("running the layout probe");
    assert!(output.status.success(), "the layout probe failed");
    let stdout = String::from_utf8(output.stdout).expect("utf-8 probe output");
    let _ = std::fs::remove_dir_all(&dir);

    let mut values = Probe::new();
    for line in stdout.lines() {
        let (key, value) = line
            .rsplit_once(' ')
            .unwrap_or_else(|| panic!("malformed probe line {line:?}"));
        let value = value
            .parse()
            .unwrap_or_else(|_| panic!("malformed probe line {line:?}"));
        values.insert(key.to_owned(), value);
    }
    values
}

/// Every disagreement between the Rust side and the probe, as readable messages.
fn mismatches(expected: &[Expectation], probe: &Probe) -> Vec<String> {
    expected
        .iter()
        .filter_map(|e| match probe.get(&e.key) {
            Some(&c) if c == e.rust => None,
            Some(&c) => Some(format!(
                "{} ({}): Rust has {}, the C headers have {}",
                e.key, e.what, e.rust, c
            )),
            None => Some(format!("{} ({}): the probe printed nothing", e.key, e.what)),
        })
        .collect()
}

#[test]
fn mirrors_match_the_installed_headers() {
    let layouts = all_layouts();
    let consts = all_consts();
    let expected = expectations(&layouts, &consts);
    let wrong = mismatches(&expected, probe());
    assert!(
        wrong.is_empty(),
        "{} of {} layout facts disagree with {INCLUDE}:\n  {}",
        wrong.len(),
        expected.len(),
        wrong.join("\n  ")
    );
    let fields: usize = layouts.iter().map(|l| l.fields.len()).sum();
    eprintln!(
        "checked {} mirrored structs, {} partial layouts, {fields} fields/offsets and {} \
         constants ({} facts) against {INCLUDE}",
        layout::MIRRORS.len(),
        layout::PARTIALS.len(),
        consts.len(),
        expected.len()
    );
}

#[test]
fn a_wrong_offset_is_reported() {
    // The checker itself must be able to fail: shift one field and one size by a pointer.
    let real = layout::MIRRORS
        .iter()
        .find(|l| l.c_name == "_PyInterpreterFrame")
        .expect("_PyInterpreterFrame is mirrored");
    let fields: Vec<Field> = real
        .fields
        .iter()
        .map(|f| match f.name {
            "prev_instr" => Field {
                offset: f.offset + 8,
                ..*f
            },
            _ => *f,
        })
        .collect();
    let broken = Layout {
        fields: Vec::leak(fields),
        size: real.size.map(|s| s + 8),
        ..*real
    };
    let prev_instr = real.fields.iter().find(|f| f.name == "prev_instr").unwrap();
    let wrong = mismatches(&expectations(&[broken], &[]), probe());
    assert_eq!(wrong.len(), 2, "{wrong:?}");
    assert_eq!(
        wrong[0],
        format!(
            "sizeof _PyInterpreterFrame (size): Rust has {}, the C headers have {}",
            real.size.unwrap() + 8,
            real.size.unwrap()
        )
    );
    assert_eq!(
        wrong[1],
        format!(
            "_PyInterpreterFrame.prev_instr (offset): Rust has {}, the C headers have {}",
            prev_instr.offset + 8,
            prev_instr.offset
        )
    );
    // And an unknown constant is reported rather than skipped.
    let missing = mismatches(
        &expectations(
            &[],
            &[Const {
                name: "NOT_PROBED",
                value: 1,
            }],
        ),
        probe(),
    );
    assert_eq!(
        missing,
        ["const NOT_PROBED (value): the probe printed nothing"]
    );
}

/// The source files that hold only mirrors (plus their helpers).
const MIRROR_FILES: &[&str] = &["frame.rs", "state.rs", "objects.rs"];

#[test]
fn every_mirror_is_registered() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/cpython");
    let mirrored: BTreeSet<&str> = layout::MIRRORS.iter().map(|l| l.rust_name).collect();
    assert_eq!(
        mirrored.len(),
        layout::MIRRORS.len(),
        "a struct is registered twice in layout::MIRRORS"
    );
    let partial_bases: BTreeSet<&str> = layout::PARTIALS.iter().map(|l| l.rust_name).collect();
    let partial_c_names: BTreeSet<&str> = layout::PARTIALS.iter().map(|l| l.c_name).collect();

    let mut unregistered = Vec::new();
    let mut const_blocks = 0;
    let mut structs = 0;
    for file in MIRROR_FILES {
        let text = std::fs::read_to_string(dir.join(file)).unwrap();
        for line in text.lines().map(str::trim) {
            if line.starts_with("c_consts! {") {
                const_blocks += 1;
            }
            let unqualified = line
                .strip_prefix("pub(crate) ")
                .or_else(|| line.strip_prefix("pub "))
                .unwrap_or(line);
            if let Some(rest) = unqualified.strip_prefix("struct ") {
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                structs += 1;
                if !mirrored.contains(name.as_str()) && !partial_bases.contains(name.as_str()) {
                    unregistered.push(format!("{file}: struct {name}"));
                }
            }
            // `pub mod NAME: BASE as "C_NAME" {` inside `partial_layout!`.
            if let (Some(_), Some((_, c_part))) =
                (line.strip_prefix("pub mod "), line.split_once(" as \""))
            {
                let c_name = c_part.split('"').next().unwrap();
                if !partial_c_names.contains(c_name) {
                    unregistered.push(format!("{file}: partial layout of {c_name}"));
                }
            }
        }
    }
    assert!(
        unregistered.is_empty(),
        "not listed in cpython::layout::{{MIRRORS, PARTIALS}}: {unregistered:?}"
    );
    assert_eq!(
        const_blocks,
        layout::CONSTANTS.len(),
        "every c_consts! block must be listed in cpython::layout::CONSTANTS"
    );
    assert!(structs >= layout::MIRRORS.len());
}
