//! Shared by the integration tests: running a command under python3 and under justjit with a
//! time limit, and comparing what both did.

#![allow(dead_code)] // each test binary uses part of it

use std::ffi::OsStr;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The reference interpreter: the python3 whose libpython justjit embeds.
pub const PYTHON: &str = env!("JUSTJIT_PYTHON");
/// The binary under test.
pub const JUSTJIT: &str = env!("CARGO_BIN_EXE_justjit");

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Which interpreter runs a command.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Interp {
    Python,
    Justjit,
}

/// What a finished process did.
#[derive(Debug, PartialEq, Eq)]
pub struct Outcome {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    /// The exit code, or `-signal` when a signal ended it.
    pub code: i32,
}

impl Outcome {
    pub fn stdout_text(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }
    pub fn stderr_text(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }
}

/// A command for `interp` with `args` (python's arguments), the environment cleaned of
/// anything that would make the two runs differ: hash seed fixed, no JUSTJIT_* settings.
pub fn command(interp: Interp, args: &[&OsStr]) -> Command {
    let mut cmd = match interp {
        Interp::Python => Command::new(PYTHON),
        Interp::Justjit => {
            let mut c = Command::new(JUSTJIT);
            c.arg("run");
            c
        }
    };
    cmd.args(args);
    cmd.env("PYTHONHASHSEED", "0");
    for (key, _) in std::env::vars_os() {
        let key_bytes = key.as_encoded_bytes();
        if key_bytes.starts_with(b"JUSTJIT_")
            || key_bytes.starts_with(b"PYTHON") && key != "PYTHONHASHSEED"
        {
            cmd.env_remove(&key);
        }
    }
    cmd
}

/// Runs `cmd` with `stdin` as its input, killing it after `limit`.
pub fn run(mut cmd: Command, stdin: &[u8], limit: Duration) -> Result<Outcome, String> {
    cmd.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot start {cmd:?}: {e}"))?;
    let mut input = child.stdin.take().expect("piped stdin");
    let stdin = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let mut stdout = child.stdout.take().expect("piped stdout");
    let mut stderr = child.stderr.take().expect("piped stderr");
    let out_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = std::io::Read::read_to_end(&mut stdout, &mut buf);
        buf
    });
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = std::io::Read::read_to_end(&mut stderr, &mut buf);
        buf
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            break status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("{cmd:?} did not finish within {limit:?}"));
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let _ = writer.join();
    let stdout = out_reader.join().expect("stdout reader");
    let stderr = err_reader.join().expect("stderr reader");
    use std::os::unix::process::ExitStatusExt;
    let code = status
        .code()
        .unwrap_or_else(|| -status.signal().unwrap_or(0));
    Ok(Outcome {
        stdout,
        stderr,
        code,
    })
}

/// Explains how two outcomes differ, or returns `None` when they are identical.
pub fn difference(expected: &Outcome, actual: &Outcome) -> Option<String> {
    let mut report = String::new();
    if expected.code != actual.code {
        report += &format!(
            "exit code: python3 {} justjit {}\n",
            expected.code, actual.code
        );
    }
    for (name, e, a) in [
        ("stdout", &expected.stdout, &actual.stdout),
        ("stderr", &expected.stderr, &actual.stderr),
    ] {
        if e != a {
            report += &first_difference(name, e, a);
        }
    }
    (!report.is_empty()).then_some(report)
}

fn first_difference(name: &str, expected: &[u8], actual: &[u8]) -> String {
    let e = String::from_utf8_lossy(expected);
    let a = String::from_utf8_lossy(actual);
    let e_lines: Vec<&str> = e.lines().collect();
    let a_lines: Vec<&str> = a.lines().collect();
    let line = e_lines
        .iter()
        .zip(&a_lines)
        .position(|(x, y)| x != y)
        .unwrap_or(e_lines.len().min(a_lines.len()));
    format!(
        "{name} differs at line {} ({} vs {} lines):\n  python3: {:?}\n  justjit: {:?}\n",
        line + 1,
        e_lines.len(),
        a_lines.len(),
        e_lines.get(line).copied().unwrap_or("<end>"),
        a_lines.get(line).copied().unwrap_or("<end>"),
    )
}

/// The path justjit gives `sys.executable` (and its program name) under `justjit run`.
pub fn justjit_python_link() -> PathBuf {
    Path::new(JUSTJIT).with_file_name("python3")
}

/// Replaces every occurrence of `from` in `bytes` with `to`.
fn replace_all(bytes: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut rest = bytes;
    while let Some(at) = rest.windows(from.len()).position(|w| w == from) {
        out.extend_from_slice(&rest[..at]);
        out.extend_from_slice(to);
        rest = &rest[at + from.len()..];
    }
    out.extend_from_slice(rest);
    out
}

impl Outcome {
    /// The outcome with the interpreter's own path (which python prints in usage and some error
    /// messages) replaced by `<python>`: the one difference the two runs are allowed.
    pub fn without_executable(&self, executable: &Path) -> Outcome {
        let path = executable.as_os_str().as_encoded_bytes();
        Outcome {
            stdout: replace_all(&self.stdout, path, b"<python>"),
            stderr: replace_all(&self.stderr, path, b"<python>"),
            code: self.code,
        }
    }
}

/// Runs the same python arguments under python3 and justjit (in `dir`, with `stdin`) and
/// fails with a readable report unless stdout, stderr and exit code are identical (but for the
/// interpreter's own path).
pub fn compare_in(
    dir: &Path,
    args: &[&OsStr],
    stdin: &[u8],
    limit: Duration,
    justjit_env: &[(&str, &OsStr)],
) -> Result<Outcome, String> {
    let mut expected_cmd = command(Interp::Python, args);
    expected_cmd.current_dir(dir);
    let mut actual_cmd = command(Interp::Justjit, args);
    actual_cmd
        .current_dir(dir)
        .envs(justjit_env.iter().copied());
    let expected = run(expected_cmd, stdin, limit)?.without_executable(Path::new(PYTHON));
    let actual = run(actual_cmd, stdin, limit)?.without_executable(&justjit_python_link());
    match difference(&expected, &actual) {
        None => Ok(actual),
        Some(report) => Err(report),
    }
}
