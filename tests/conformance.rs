//! The conformance corpus: every program under `tests/conformance/` runs under python3 and
//! under `justjit run`, and stdout, stderr and the exit code must be byte-identical.
//!
//! A program normally runs as `python3 [FLAGS] NAME.py` in `tests/conformance/`, stdin empty.
//! A leading comment `# conformance-flags: …` gives FLAGS; a first line `# conformance: repl`
//! feeds the file to `python3 -i` on stdin instead (interactive mode). One more test checks that
//! the corpus, compiled, contains every opcode the 3.11 compiler emits.

mod support;

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::time::Duration;

use libtest_mimic::{Arguments, Failed, Trial};
use support::{compare_in, root, Interp};

const LIMIT: Duration = Duration::from_secs(60);

/// How one corpus program is started.
struct Program {
    path: PathBuf,
    flags: Vec<String>,
    repl: bool,
}

impl Program {
    fn load(path: PathBuf) -> Program {
        let text = std::fs::read_to_string(&path).expect("corpus programs are UTF-8");
        let repl = text.lines().next() == Some("# conformance: repl");
        let flags = text
            .lines()
            .take_while(|l| l.starts_with('#'))
            .filter_map(|l| l.strip_prefix("# conformance-flags:"))
            .flat_map(|f| f.split_whitespace().map(str::to_owned))
            .collect();
        Program { path, flags, repl }
    }

    fn file_name(&self) -> &OsStr {
        self.path.file_name().expect("a file")
    }

    /// Runs the program under python3 and justjit (in `mode`) and compares.
    fn check(&self, mode: Mode) -> Result<(), Failed> {
        let dir = self.path.parent().expect("in the corpus folder");
        let mut args: Vec<OsString> = self.flags.iter().map(OsString::from).collect();
        let stdin = if self.repl {
            args.push("-i".into());
            std::fs::read(&self.path).map_err(|e| e.to_string())?
        } else {
            args.push(self.file_name().to_owned());
            Vec::new()
        };
        let args: Vec<&OsStr> = args.iter().map(OsString::as_os_str).collect();
        let stats_dir = std::env::temp_dir().join(format!(
            "justjit-conformance-{}-{}-{}",
            std::process::id(),
            self.file_name().to_string_lossy(),
            mode as u8
        ));
        let _ = std::fs::remove_dir_all(&stats_dir);
        std::fs::create_dir_all(&stats_dir).map_err(|e| e.to_string())?;
        let stats = stats_dir.join("stats-{pid}.json");
        let mut env: Vec<(&str, &OsStr)> = vec![("JUSTJIT_STATS", stats.as_os_str())];
        env.extend(mode.env().iter().map(|(k, v)| (*k, OsStr::new(v))));
        compare_in(dir, &args, &stdin, LIMIT, &env)?;
        let result = check_stats(&stats_dir, mode == Mode::TracingTable);
        let _ = std::fs::remove_dir_all(&stats_dir);
        result
    }
}

/// How justjit runs a program of the corpus.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
enum Mode {
    /// The defaults.
    Default,
    /// Every frame with the tracing dispatch table (`JUSTJIT_TRACE_ALL=1`), no JIT.
    TracingTable,
    /// Loops hot after two iterations, traces compiled to native code.
    HotNative,
    /// Loops hot after two iterations, traces run by the uop interpreter.
    HotUops,
}

impl Mode {
    const ALL: [Mode; 4] = [
        Mode::Default,
        Mode::TracingTable,
        Mode::HotNative,
        Mode::HotUops,
    ];

    fn env(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Mode::Default => &[],
            Mode::TracingTable => &[("JUSTJIT_TRACE_ALL", "1"), ("JUSTJIT_NO_JIT", "1")],
            Mode::HotNative => &[("JUSTJIT_HOT_LOOP", "2"), ("JUSTJIT_BACKEND", "native")],
            Mode::HotUops => &[("JUSTJIT_HOT_LOOP", "2"), ("JUSTJIT_BACKEND", "uops")],
        }
    }

    fn suffix(self) -> &'static str {
        match self {
            Mode::Default => "",
            Mode::TracingTable => " [tracing table]",
            Mode::HotNative => " [hot=2 native]",
            Mode::HotUops => " [hot=2 uops]",
        }
    }
}

/// Every process of the run (the program and any subprocess it started) ran all its frames in
/// the Rust interpreter, except frames handed back because tracing was active; with
/// `tracing_table` the tracing dispatch table ran instructions.
fn check_stats(stats_dir: &Path, tracing_table: bool) -> Result<(), Failed> {
    let mut files = 0;
    for entry in std::fs::read_dir(stats_dir).map_err(|e| e.to_string())? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let text = std::fs::read(&path).map_err(|e| e.to_string())?;
        let json: serde_json::Value = serde_json::from_slice(&text).map_err(|e| e.to_string())?;
        files += 1;
        let recorded = json["traces"]["instructions_recorded"].as_u64();
        if tracing_table && recorded == Some(0) {
            return Err(format!("tracing table instructions: {recorded:?}").into());
        }
        let frames = &json["frames"];
        for (reason, count) in frames["handed_back"].as_object().ok_or("no handed_back")? {
            if reason != "tracing" && count.as_u64() != Some(0) {
                return Err(format!(
                    "{count} frames handed back for {reason}: {}",
                    frames["unsupported_instructions"]
                )
                .into());
            }
        }
    }
    if files == 0 {
        return Err("justjit wrote no stats file".into());
    }
    Ok(())
}

fn corpus_dir() -> PathBuf {
    root().join("tests").join("conformance")
}

fn programs(dir: &Path) -> Vec<Program> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("tests/conformance exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    paths.sort();
    paths.into_iter().map(Program::load).collect()
}

/// `tests/opcode_coverage.py` over the corpus must report no opcode missing.
fn opcode_coverage() -> Result<(), Failed> {
    let script = root().join("tests").join("opcode_coverage.py");
    let mut cmd = support::command(
        Interp::Python,
        &[script.as_os_str(), corpus_dir().as_os_str()],
    );
    cmd.current_dir(root());
    let outcome = support::run(cmd, b"", LIMIT)?;
    if outcome.code == 0 {
        Ok(())
    } else {
        Err(format!("{}{}", outcome.stdout_text(), outcome.stderr_text()).into())
    }
}

fn main() {
    let args = Arguments::from_args();
    let corpus = programs(&corpus_dir());
    assert!(
        corpus.len() >= 100,
        "the corpus has only {} programs",
        corpus.len()
    );
    let corpus: Vec<std::sync::Arc<Program>> =
        corpus.into_iter().map(std::sync::Arc::new).collect();
    let mut trials: Vec<Trial> = Vec::new();
    for program in &corpus {
        let name = program.file_name().to_string_lossy().into_owned();
        for mode in Mode::ALL {
            let program = program.clone();
            trials.push(Trial::test(format!("{name}{}", mode.suffix()), move || {
                program.check(mode)
            }));
        }
    }
    trials.push(Trial::test("opcode_coverage", opcode_coverage));
    libtest_mimic::run(&args, trials).exit();
}
