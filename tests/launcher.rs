//! The launcher: `justjit run ARGS…` behaves as `python3 ARGS…` (compared byte for byte), the
//! binary acts as python through a `python*` link, `sys.executable` re-enters justjit, justjit's
//! options reach subprocesses through the environment, and `--stats` reports without changing
//! the program's own output.

mod support;

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use support::{command, compare_in, run, Interp, JUSTJIT};

const LIMIT: Duration = Duration::from_secs(120);

/// A fresh, empty directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("justjit-launcher-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create scratch dir");
    dir
}

fn same(dir: &Path, args: &[&str], stdin: &str) -> support::Outcome {
    let args: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
    compare_in(dir, &args, stdin.as_bytes(), LIMIT, &[])
        .unwrap_or_else(|report| panic!("{args:?}: {report}"))
}

fn justjit(dir: &Path, args: &[&str]) -> support::Outcome {
    let args: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
    let mut cmd = command(Interp::Justjit, &args);
    cmd.current_dir(dir);
    run(cmd, b"", LIMIT).expect("justjit runs")
}

#[test]
fn script_with_arguments() {
    let dir = scratch("script");
    std::fs::write(
        dir.join("prog.py"),
        "import sys\nprint(sys.argv[1:])\nsys.exit(int(sys.argv[1]))\n",
    )
    .unwrap();
    let out = same(&dir, &["prog.py", "7", "a b", "-x"], "");
    assert_eq!(out.code, 7);
    assert_eq!(out.stdout_text(), "['7', 'a b', '-x']\n");
}

#[test]
fn dash_c_and_dash_m() {
    let dir = scratch("cm");
    same(
        &dir,
        &["-c", "import sys; print(sys.argv, __name__)", "x", "-y"],
        "",
    );
    let out = same(
        &dir,
        &["-m", "json.tool", "--sort-keys"],
        "{\"b\": 1, \"a\": [1, 2]}",
    );
    assert!(out.stdout_text().contains("\"a\""));
    same(&dir, &["-m", "no_such_module_here"], "");
}

#[test]
fn stdin_programs() {
    let dir = scratch("stdin");
    let program = "import sys\nprint('argv', sys.argv)\nfor i in range(3):\n    print(i * i)\n";
    same(&dir, &["-", "arg1"], program);
    same(&dir, &[], program);
    let out = same(&dir, &["-i"], "1 + 1\nx = [i for i in range(4)]\nx\n");
    assert_eq!(out.stdout_text(), "2\n[0, 1, 2, 3]\n");
}

#[test]
fn interpreter_flags() {
    let dir = scratch("flags");
    same(
        &dir,
        &[
            "-X",
            "dev",
            "-c",
            "import sys; print(sys.flags.dev_mode, sys._xoptions)",
        ],
        "",
    );
    same(
        &dir,
        &["-X", "utf8", "-c", "import sys; print(sys.flags.utf8_mode)"],
        "",
    );
    same(
        &dir,
        &[
            "-u",
            "-c",
            "import sys; print(sys.stdout.write_through, type(sys.stdout.buffer).__name__)",
        ],
        "",
    );
    same(
        &dir,
        &[
            "-I",
            "-c",
            "import sys; print(sys.flags.isolated, sys.flags.ignore_environment, sys.path[0])",
        ],
        "",
    );
    same(
        &dir,
        &[
            "-O",
            "-B",
            "-s",
            "-c",
            "assert False; import sys; print(sys.flags.optimize)",
        ],
        "",
    );
    same(
        &dir,
        &[
            "-W",
            "error",
            "-c",
            "import warnings; warnings.warn('boom')",
        ],
        "",
    );
    same(&dir, &["--version"], "");
    same(&dir, &["-q", "-c", "print('quiet')"], "");
    same(&dir, &["--no-such-python-option"], "");
}

#[test]
fn environment_flags() {
    let dir = scratch("env");
    std::fs::create_dir_all(dir.join("extra")).unwrap();
    std::fs::write(
        dir.join("extra").join("found_me.py"),
        "print('imported from PYTHONPATH')\n",
    )
    .unwrap();
    for flag in [None, Some("-E"), Some("-I")] {
        let mut args: Vec<&OsStr> = flag.iter().map(OsStr::new).collect();
        args.extend(["-c", "import found_me"].map(OsStr::new));
        let mut outcomes = Vec::new();
        for interp in [Interp::Python, Interp::Justjit] {
            let mut cmd = command(interp, &args);
            cmd.current_dir(&dir).env("PYTHONPATH", dir.join("extra"));
            outcomes.push(run(cmd, b"", LIMIT).unwrap());
        }
        assert_eq!(
            support::difference(&outcomes[0], &outcomes[1]),
            None,
            "flag {flag:?}"
        );
        assert_eq!(
            outcomes[1].code,
            if flag.is_none() { 0 } else { 1 },
            "flag {flag:?}"
        );
    }
}

#[test]
fn errors_and_exit_codes() {
    let dir = scratch("errors");
    std::fs::write(dir.join("syntax.py"), "x = 1\nif x\n    print(x)\n").unwrap();
    std::fs::write(dir.join("raises.py"), "def f():\n    return 1 / 0\n\nf()\n").unwrap();
    assert_eq!(same(&dir, &["syntax.py"], "").code, 1);
    assert_eq!(same(&dir, &["raises.py"], "").code, 1);
    assert_eq!(same(&dir, &["missing.py"], "").code, 2);
    assert_eq!(same(&dir, &["-c", "raise SystemExit('bye')"], "").code, 1);
    assert_eq!(
        same(&dir, &["-c", "import sys; sys.exit(300)"], "").code,
        300 % 256
    );
    assert_eq!(same(&dir, &["-c", "import os; os._exit(9)"], "").code, 9);
    same(
        &dir,
        &[
            "-c",
            "import signal, os; os.kill(os.getpid(), signal.SIGTERM)",
        ],
        "",
    );
    let out = same(&dir, &["-c", "raise KeyboardInterrupt"], "");
    assert_eq!(
        out.code, -2,
        "python dies of SIGINT after an unhandled KeyboardInterrupt"
    );
}

/// A directory holding a `python3` link to the justjit binary.
fn python_link(dir: &Path) -> PathBuf {
    let link = dir.join("bin").join("python3");
    std::fs::create_dir_all(link.parent().unwrap()).unwrap();
    std::os::unix::fs::symlink(JUSTJIT, &link).unwrap();
    link
}

#[test]
fn python_named_link_acts_as_python() {
    let dir = scratch("link");
    let link = python_link(&dir);
    let mut cmd = Command::new(&link);
    cmd.args([
        "-c",
        "import sys, justjit; print(sys.argv, justjit.jit_enabled())",
        "arg",
    ]);
    let out = run(cmd, b"", LIMIT).unwrap();
    assert_eq!(
        out.stdout_text(),
        "['-c', 'arg'] True\n",
        "{}",
        out.stderr_text()
    );
    let version = run(
        {
            let mut c = Command::new(&link);
            c.arg("--version");
            c
        },
        b"",
        LIMIT,
    )
    .unwrap();
    assert_eq!(
        version.stdout_text(),
        format!("Python {}\n", python_version())
    );
}

fn python_version() -> String {
    let out = run(
        {
            let mut c = Command::new(support::PYTHON);
            c.args(["-c", "import platform; print(platform.python_version())"]);
            c
        },
        b"",
        LIMIT,
    )
    .unwrap();
    out.stdout_text().trim().to_owned()
}

#[test]
fn sys_executable_reenters_justjit() {
    let dir = scratch("reenter");
    let program = r#"
import multiprocessing as mp
import subprocess, sys, justjit

def square(n):
    import justjit
    return n * n, justjit.jit_enabled()

if __name__ == "__main__":
    child = "import justjit, sys; print('child', justjit.jit_enabled(), sys.argv[1:])"
    r = subprocess.run([sys.executable, "-c", child, "x"], capture_output=True, text=True)
    print(r.stdout.strip(), r.returncode, repr(r.stderr))
    mp.set_start_method("spawn")
    with mp.Pool(2) as pool:
        print(pool.map(square, [1, 2, 3]))
"#;
    std::fs::write(dir.join("prog.py"), program).unwrap();
    let out = justjit(&dir, &["prog.py"]);
    assert_eq!(
        out.stdout_text(),
        "child True ['x'] 0 ''\n[(1, True), (4, True), (9, True)]\n",
        "{}",
        out.stderr_text()
    );
    let out = justjit(&dir, &["--no-jit", "-c", "import subprocess, sys; subprocess.run([sys.executable, '-c', 'import justjit; print(justjit.jit_enabled())'])"]);
    assert_eq!(
        out.stdout_text(),
        "False\n",
        "--no-jit reaches subprocesses: {}",
        out.stderr_text()
    );
}

#[test]
fn venv_python_runs_under_justjit() {
    let dir = scratch("venv");
    let out = justjit(&dir, &["-m", "venv", "--without-pip", "env"]);
    assert_eq!(out.code, 0, "{}", out.stderr_text());
    let python = dir.join("env").join("bin").join("python");
    let out = run(
        {
            let mut c = Command::new(&python);
            c.current_dir(&dir).args([
                "-c",
                "import sys, justjit; print(sys.prefix != sys.base_prefix, justjit.jit_enabled())",
            ]);
            c
        },
        b"",
        LIMIT,
    )
    .unwrap();
    assert_eq!(out.stdout_text(), "True True\n", "{}", out.stderr_text());
}

#[test]
fn regrtest_workers_stay_under_justjit() {
    let dir = scratch("regrtest");
    let out = justjit(
        &dir,
        &["-m", "test", "-j2", "test_bool", "test_int", "test_unpack"],
    );
    assert_eq!(out.code, 0, "{}{}", out.stdout_text(), out.stderr_text());
    assert!(
        out.stdout_text().contains("Result: SUCCESS"),
        "{}",
        out.stdout_text()
    );
}

#[test]
fn stats_json_file_per_process() {
    let dir = scratch("stats");
    let pattern = dir.join("stats-{pid}.json");
    let stats_arg = format!("--stats={}", pattern.display());
    let program =
        "import subprocess, sys\nsubprocess.run([sys.executable, '-c', 'pass'])\nprint('done')\n";
    let out = justjit(&dir, &[stats_arg.as_str(), "-c", program]);
    assert_eq!(
        (out.stdout_text().as_str(), out.code),
        ("done\n", 0),
        "{}",
        out.stderr_text()
    );
    assert_eq!(out.stderr_text(), "");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert_eq!(
        files.len(),
        2,
        "one file for the parent and one for the child: {files:?}"
    );
    for file in files {
        let json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
        assert_eq!(json["version"], 1);
        let pid = json["pid"].as_u64().unwrap();
        assert!(file.ends_with(format!("stats-{pid}.json")));
        let handed_back = &json["frames"]["handed_back"];
        let evaluated: u64 = handed_back
            .as_object()
            .unwrap()
            .values()
            .map(|v| v.as_u64().unwrap())
            .sum::<u64>()
            + json["frames"]["rust"].as_u64().unwrap();
        assert!(evaluated > 0, "frames were evaluated: {json}");
        assert_eq!(json["specialization"].as_object().unwrap().len(), 18);
        for key in ["started", "compiled", "given_up", "aborted", "side_traces"] {
            assert!(json["traces"].get(key).is_some());
        }
        for key in justjit_interp::stats::EXECUTOR_KEYS {
            assert!(json["executors"].get(key).is_some());
        }
    }
}

/// The statistics (JSON) of `program` run with `--hot-loop 2`, which must print `stdout`.
fn jit_stats(dir: &Path, program: &str, stdout: &str) -> serde_json::Value {
    let stats = dir.join("stats.json");
    let stats_arg = format!("--stats={}", stats.display());
    let out = justjit(dir, &[stats_arg.as_str(), "--hot-loop", "2", "-c", program]);
    assert_eq!(out.code, 0, "{}", out.stderr_text());
    assert_eq!(out.stdout_text(), stdout);
    serde_json::from_slice(&std::fs::read(&stats).unwrap()).unwrap()
}

/// A counter of a statistics file (0 when absent).
fn counter(v: &serde_json::Value) -> u64 {
    v.as_u64().unwrap_or(0)
}

/// A loop whose every recording aborts (its body calls a Python function) is given up on
/// after its attempts: counted once, and its later iterations start no recording.
#[test]
fn loops_whose_recordings_abort_are_given_up() {
    let dir = scratch("given-up");
    let program = "\
def step(x):
    return x + 1
def run(n):
    t = 0
    for i in range(n):
        t = step(t)
    return t
print(run(5000), run(50000))
";
    // Startup (the site module) has loops of its own: the difference is this program's loop.
    let before = jit_stats(&dir, "print(5000, 50000)", "5000 50000\n");
    let after = jit_stats(&dir, program, "5000 50000\n");
    let delta = |key: &dyn Fn(&serde_json::Value) -> &serde_json::Value| {
        counter(key(&after)) - counter(key(&before))
    };
    assert_eq!(delta(&|j| &j["traces"]["given_up"]), 1);
    // Eight attempts (2, 4, ... 256 jumps apart); none after the loop went quiet.
    assert_eq!(delta(&|j| &j["traces"]["aborted"]["python_call"]), 8);
}

/// A compiled loop whose entries leave it at once (two iterations per call once the loop is
/// compiled: the trace is entered for the second and leaves at the loop's end) is retired
/// after its first 256 entries, and its loop given up.
#[test]
fn executors_that_exit_at_once_are_retired() {
    let dir = scratch("retired");
    let program = "\
def count(i):
    s = 0
    for j in range(i if i < 10 else 2):
        s += j
    return s
print(sum(map(count, range(3000))))
";
    let before = jit_stats(&dir, "print(3110)", "3110\n");
    let after = jit_stats(&dir, program, "3110\n");
    let delta = |key: &dyn Fn(&serde_json::Value) -> &serde_json::Value| {
        counter(key(&after)) - counter(key(&before))
    };
    assert_eq!(delta(&|j| &j["executors"]["retired"]), 1);
    assert_eq!(delta(&|j| &j["traces"]["given_up"]), 1);
    // Judged after 256 entries; not entered after that.
    assert_eq!(delta(&|j| &j["executors"]["entered"]), 256);
}

#[test]
fn stats_table_and_module() {
    let dir = scratch("table");
    let code = "import justjit, sys\ns = justjit.stats()\nprint(sorted(s), s['version'])\nsys.settrace(lambda *a: None)\ndef f(): pass\nf()\nsys.settrace(None)\nprint(justjit.stats()['frames']['handed_back']['tracing'] > 0)\nsys.exit(4)\n";
    let plain = justjit(&dir, &["-c", code]);
    let with_table = justjit(&dir, &["--stats", "-c", code]);
    assert_eq!(plain.stdout, with_table.stdout);
    assert_eq!(plain.code, 4);
    assert_eq!(with_table.code, 4);
    assert_eq!(
        plain.stdout_text(),
        "['executors', 'frames', 'pid', 'specialization', 'traces', 'version'] 1\nTrue\n"
    );
    let table = with_table.stderr_text();
    assert!(table.starts_with("justjit stats (pid "), "{table}");
    for needle in [
        "handed back: tracing",
        "BINARY_OP",
        "executors",
        "compile_ns",
    ] {
        assert!(table.contains(needle), "{needle} missing from\n{table}");
    }
    // The stderr table is for this process only: a child started through sys.executable
    // must not write one into the stderr its parent reads.
    let child = "import subprocess, sys; r = subprocess.run([sys.executable, '-c', 'pass'], capture_output=True); print(repr(r.stderr))";
    let out = justjit(&dir, &["--stats", "-c", child]);
    assert_eq!(out.stdout_text(), "b''\n");
}

#[test]
fn justjit_help_and_version() {
    let out = run(
        {
            let mut c = Command::new(JUSTJIT);
            c.arg("--version");
            c
        },
        b"",
        LIMIT,
    )
    .unwrap();
    let text = out.stdout_text();
    assert!(text.starts_with("justjit "), "{text}");
    assert!(
        text.contains(&format!("CPython {}", python_version())),
        "{text}"
    );
    let out = run(
        {
            let mut c = Command::new(JUSTJIT);
            c.arg("--help");
            c
        },
        b"",
        LIMIT,
    )
    .unwrap();
    assert!(out.stdout_text().contains("run"));
    let out = run(Command::new(JUSTJIT), b"", LIMIT).unwrap();
    assert_eq!(out.code, 2, "no subcommand is a usage error");
}

#[test]
fn justjit_module_is_not_in_python3() {
    let out = run(
        {
            let mut c = Command::new(support::PYTHON);
            c.args(["-c", "import justjit"]);
            c
        },
        b"",
        LIMIT,
    )
    .unwrap();
    assert_eq!(out.code, 1);
    assert!(out.stderr_text().contains("ModuleNotFoundError"));
}

/// A loop that the JIT compiles to native code (its body is unboxed int arithmetic).
const HOT_INT_LOOP: &str = "def f():\n    t = i = 0\n    while True:\n        t += i * i & 1023\n        i += 1\nprint('ready', flush=True)\nf()\n";

#[test]
fn ctrl_c_interrupts_a_tight_loop() {
    ctrl_c_interrupts("print('ready', flush=True)\nwhile True:\n    pass\n");
}

#[test]
fn ctrl_c_interrupts_a_compiled_loop() {
    ctrl_c_interrupts(HOT_INT_LOOP);
}

fn ctrl_c_interrupts(program: &str) {
    let mut outcomes = Vec::new();
    for interp in [Interp::Python, Interp::Justjit] {
        let args: [&OsStr; 2] = ["-c".as_ref(), program.as_ref()];
        let mut cmd = command(interp, &args);
        cmd.stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        let mut child = cmd.spawn().expect("start");
        let mut stdout = child.stdout.take().unwrap();
        let mut first = [0u8; 6];
        std::io::Read::read_exact(&mut stdout, &mut first).expect("the program starts");
        std::thread::sleep(Duration::from_millis(200));
        let status = Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        outcomes.push((
            output.status.code(),
            stderr.lines().last().map(str::to_owned),
        ));
    }
    assert_eq!(outcomes[0], outcomes[1]);
    assert_eq!(outcomes[1].1.as_deref(), Some("KeyboardInterrupt"));
}

#[test]
fn closed_standard_streams_stay_closed() {
    // python3 leaves closed descriptors closed (sys.stdin is then None); justjit must not open
    // /dev/null on them the way Rust's default start-up does.
    let code = "import sys, os\nprint(sys.stdin is None, file=sys.stderr)\nos._exit(7)";
    let mut outcomes = Vec::new();
    for interp in [Interp::Python, Interp::Justjit] {
        let args: [&OsStr; 2] = ["-c".as_ref(), code.as_ref()];
        let mut cmd = command(interp, &args);
        cmd.stdin(std::process::Stdio::null());
        let mut wrapped = Command::new("sh");
        wrapped
            .arg("-c")
            .arg("exec 0<&- \"$@\"")
            .arg("sh")
            .arg(cmd.get_program())
            .args(cmd.get_args());
        for (key, value) in cmd.get_envs() {
            match value {
                Some(v) => wrapped.env(key, v),
                None => wrapped.env_remove(key),
            };
        }
        let out = wrapped.output().unwrap();
        outcomes.push((
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        ));
    }
    assert_eq!(outcomes[0], outcomes[1]);
    assert_eq!(outcomes[1], (Some(7), "True\n".to_owned()));
}

#[test]
fn jit_options_dump_and_verbose() {
    let dir = scratch("jit-options");
    let program = "def f(n):\n    t = 0\n    for i in range(n):\n        t += i * i & 1023\n    return t\nprint(f(1000))\n";
    std::fs::write(dir.join("loop.py"), program).unwrap();
    let expected = same(&dir, &["loop.py"], "").stdout_text();
    for backend in ["native", "uops"] {
        let out = justjit(
            &dir,
            &[
                "--hot-loop",
                "2",
                "--backend",
                backend,
                "-v",
                "--dump",
                "uops,asm",
                "loop.py",
            ],
        );
        assert_eq!(out.code, 0, "{}", out.stderr_text());
        assert_eq!(out.stdout_text(), expected);
        let err = out.stderr_text();
        assert!(
            err.contains("justjit: trace compiled: f (loop.py:3)"),
            "{err}"
        );
        assert!(err.contains("RangeIterNext"), "{err}");
        assert!(err.contains("IntArith { op: Mul"), "{err}");
        // Disassembly exists only for native code.
        assert_eq!(
            err.contains("imul"),
            backend == "native" && cfg!(target_arch = "x86_64"),
            "{err}"
        );
    }
    // Without the options nothing is printed on stderr.
    let quiet = justjit(&dir, &["--hot-loop", "2", "loop.py"]);
    assert_eq!(quiet.stderr_text(), "");
}

/// Attribute, method and global accesses in a loop compile from tier 1's inline caches: the
/// dump shows the guards and inline reads made from them, and no generic attribute or global
/// helper for those instructions.
#[test]
fn jit_types_come_from_the_caches() {
    let dir = scratch("jit-caches");
    let program = "\
import math
class P:
    STEP = 2
    def __init__(self):
        self.x = 1.5
class S:
    __slots__ = ('a',)
K = 2
def f(n):
    p = P()
    s = S()
    s.a = 0
    for i in range(n):
        p.x = p.x + math.pi
        s.a = s.a + K * P.STEP
        c = p.__sizeof__() > 0
        m = math.floor(p.x)
    return p.x, s.a, c, m
print(f(1000))
";
    std::fs::write(dir.join("attrs.py"), program).unwrap();
    let expected = same(&dir, &["attrs.py"], "").stdout_text();
    for backend in ["native", "uops"] {
        let out = justjit(
            &dir,
            &[
                "--hot-loop",
                "2",
                "--backend",
                backend,
                "--dump",
                "uops",
                "attrs.py",
            ],
        );
        assert_eq!(out.code, 0, "{}", out.stderr_text());
        assert_eq!(out.stdout_text(), expected);
        let err = out.stderr_text();
        let trace = err
            .split("trace f (attrs.py")
            .nth(1)
            .expect("the loop of f was compiled");
        let trace = trace.split("\ntrace ").next().unwrap();
        for uop in [
            "GuardTypeVersion",
            "GuardNoDict",
            "LoadInstanceValue",
            "StoreInstanceValue",
            "LoadMember",
            "StoreMember",
            "ModuleDict",
            "LoadDictEntry",
            "GuardClassVersion",
        ] {
            assert!(trace.contains(uop), "{uop} missing in {trace}");
        }
        for helper in ["GetAttr", "SetAttr", "LoadGlobal"] {
            assert!(!trace.contains(helper), "{helper} in {trace}");
        }
    }
}

#[test]
fn jit_option_errors() {
    let dir = scratch("jit-errors");
    for args in [
        &["--hot-loop", "0", "-c", "pass"][..],
        &["--hot-loop", "x", "-c", "pass"],
        &["--backend", "llvm", "-c", "pass"],
        &["--dump", "ir", "-c", "pass"],
    ] {
        let out = justjit(&dir, args);
        assert_eq!(out.code, 2, "{args:?}");
        let err = out.stderr_text();
        assert!(
            err.contains("error: invalid value") && err.contains(args[0]),
            "{args:?}: {err}"
        );
    }
    for (name, value) in [
        ("JUSTJIT_HOT_LOOP", "-1"),
        ("JUSTJIT_BACKEND", "llvm"),
        ("JUSTJIT_DUMP", "x"),
    ] {
        let mut cmd = command(Interp::Justjit, &["-c".as_ref(), "pass".as_ref()]);
        cmd.env(name, value);
        let out = run(cmd, b"", LIMIT).unwrap();
        assert_eq!(out.code, 2, "{name}");
        assert!(
            out.stderr_text()
                .starts_with(&format!("justjit: error: {name}")),
            "{}",
            out.stderr_text()
        );
    }
}
