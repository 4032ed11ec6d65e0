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

    fn check(&self) -> Result<(), Failed> {
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
            "justjit-conformance-{}-{}",
            std::process::id(),
            self.file_name().to_string_lossy()
        ));
        let _ = std::fs::remove_dir_all(&stats_dir);
        std::fs::create_dir_all(&stats_dir).map_err(|e| e.to_string())?;
        let stats = stats_dir.join("stats-{pid}.json");
        compare_in(
            dir,
            &args,
            &stdin,
            LIMIT,
            &[("JUSTJIT_STATS", stats.as_os_str())],
        )?;
        let result = check_no_hand_back(&stats_dir);
        let _ = std::fs::remove_dir_all(&stats_dir);
        result
    }
}

/// Every process of the run (the program and any subprocess it started) ran all its frames in
/// the Rust interpreter, except frames handed back because tracing was active.
fn check_no_hand_back(stats_dir: &Path) -> Result<(), Failed> {
    let mut files = 0;
    for entry in std::fs::read_dir(stats_dir).map_err(|e| e.to_string())? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let text = std::fs::read(&path).map_err(|e| e.to_string())?;
        let json: serde_json::Value = serde_json::from_slice(&text).map_err(|e| e.to_string())?;
        files += 1;
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
    let mut trials: Vec<Trial> = corpus
        .into_iter()
        .map(|program| {
            let name = program.file_name().to_string_lossy().into_owned();
            Trial::test(name, move || program.check())
        })
        .collect();
    trials.push(Trial::test("opcode_coverage", opcode_coverage));
    libtest_mimic::run(&args, trials).exit();
}
