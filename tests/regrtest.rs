//! CPython's own regression tests under justjit: each module in `tests/regrtest_modules.txt`
//! runs with `-m test` under python3 and under `justjit run`, and every test case must have
//! the same outcome (compared through regrtest's JUnit XML by `tests/regrtest_compare.py`).

mod support;

use std::ffi::OsStr;
use std::path::Path;
use std::time::Duration;

use libtest_mimic::{Arguments, Failed, Trial};
use support::{command, root, run, Interp};

const LIMIT: Duration = Duration::from_secs(600);

fn run_module(
    interp: Interp,
    module: &str,
    dir: &Path,
) -> Result<(support::Outcome, std::path::PathBuf), String> {
    let xml = dir.join(format!("{module}-{interp:?}.xml"));
    let args: [&OsStr; 5] = [
        "-m".as_ref(),
        "test".as_ref(),
        "--junit-xml".as_ref(),
        xml.as_os_str(),
        module.as_ref(),
    ];
    let mut cmd = command(interp, &args);
    cmd.current_dir(dir);
    let outcome = run(cmd, b"", LIMIT)?;
    Ok((outcome, xml))
}

fn check(module: &str) -> Result<(), Failed> {
    let dir =
        std::env::temp_dir().join(format!("justjit-regrtest-{}-{module}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let (expected, expected_xml) = run_module(Interp::Python, module, &dir)?;
    let (actual, actual_xml) = run_module(Interp::Justjit, module, &dir)?;
    let tests = root().join("tests");
    let compare_script = tests.join("regrtest_compare.py");
    let known = tests.join("regrtest_known_differences.txt");
    let args = [&compare_script, &expected_xml, &actual_xml, &known].map(|p| p.as_os_str());
    let comparison = run(command(Interp::Python, &args), b"", LIMIT)?;
    let _ = std::fs::remove_dir_all(&dir);
    if comparison.code == 0 {
        return Ok(());
    }
    let text = actual.stdout_text() + &actual.stderr_text();
    let lines: Vec<&str> = text.lines().collect();
    let tail = lines[lines.len().saturating_sub(15)..].join("\n");
    Err(format!(
        "regrtest exit code: python3 {} justjit {}\n{}\n--- justjit output (tail):\n{tail}",
        expected.code,
        actual.code,
        comparison.stdout_text() + &comparison.stderr_text()
    )
    .into())
}

fn main() {
    let args = Arguments::from_args();
    let list = std::fs::read_to_string(root().join("tests").join("regrtest_modules.txt"))
        .expect("tests/regrtest_modules.txt");
    let trials: Vec<Trial> = list
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|module| {
            let module = module.to_owned();
            Trial::test(module.clone(), move || check(&module))
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}
