//! The statistics report written at exit: a human table (stderr or a file) or JSON.

use std::fmt::Write as _;

use justjit_interp::stats;
use serde_json::Value;

use crate::settings::StatsTarget;

/// Writes the process's statistics to `target`. Failures are reported on stderr as a justjit
/// warning; they never change the program's exit code.
pub fn write(target: &StatsTarget) {
    let json = stats::global().to_json();
    let pid = std::process::id();
    match target.path_for_pid(pid) {
        None => eprint!("{}", table(&json)),
        Some(path) => {
            let text = if path.extension().is_some_and(|e| e == "json") {
                serde_json::to_string_pretty(&json).expect("stats serialize") + "\n"
            } else {
                table(&json)
            };
            if let Err(err) = std::fs::write(&path, text) {
                eprintln!("justjit: cannot write stats to {}: {err}", path.display());
            }
        }
    }
}

fn count(value: &Value) -> u64 {
    value.as_u64().unwrap_or(0)
}

/// The human-readable table of a version-1 statistics document.
pub fn table(json: &Value) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "justjit stats (pid {})", json["pid"]);
    let frames = &json["frames"];
    let _ = writeln!(out, "frames");
    let _ = writeln!(
        out,
        "  {:<34} {:>12}",
        "rust interpreter",
        count(&frames["rust"])
    );
    if let Some(reasons) = frames["handed_back"].as_object() {
        for (reason, n) in reasons {
            let _ = writeln!(
                out,
                "  {:<34} {:>12}",
                format!("handed back: {reason}"),
                count(n)
            );
        }
    }

    let _ = writeln!(
        out,
        "{:<26} {:>10} {:>10} {:>12} {:>10} {:>8}",
        "specialization", "success", "failure", "hit", "miss", "deopt"
    );
    if let Some(families) = json["specialization"].as_object() {
        for (family, c) in families {
            let _ = writeln!(
                out,
                "  {:<24} {:>10} {:>10} {:>12} {:>10} {:>8}",
                family,
                count(&c["success"]),
                count(&c["failure"]),
                count(&c["hit"]),
                count(&c["miss"]),
                count(&c["deopt"])
            );
            if let Some(kinds) = c["failure_kinds"].as_object() {
                for (kind, n) in kinds {
                    let _ = writeln!(
                        out,
                        "    {:<32} {:>12}",
                        format!("failed: {kind}"),
                        count(n)
                    );
                }
            }
        }
    }

    let traces = &json["traces"];
    let _ = writeln!(out, "traces");
    for key in [
        "started",
        "compiled",
        "given_up",
        "side_traces",
        "instructions_recorded",
    ] {
        let _ = writeln!(out, "  {:<34} {:>12}", key, count(&traces[key]));
    }
    match traces["aborted"].as_object() {
        Some(aborted) if !aborted.is_empty() => {
            for (reason, n) in aborted {
                let _ = writeln!(
                    out,
                    "  {:<34} {:>12}",
                    format!("aborted: {reason}"),
                    count(n)
                );
            }
        }
        _ => {
            let _ = writeln!(out, "  {:<34} {:>12}", "aborted", 0);
        }
    }

    let executors = &json["executors"];
    let _ = writeln!(out, "executors");
    for key in justjit_interp::stats::EXECUTOR_KEYS {
        let _ = writeln!(out, "  {:<34} {:>12}", key, count(&executors[key]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_lists_every_section() {
        let json = stats::global().to_json();
        let text = table(&json);
        for needle in [
            "frames",
            "handed back: tracing",
            "LOAD_ATTR",
            "traces",
            "executors",
            "compile_ns",
        ] {
            assert!(text.contains(needle), "missing {needle} in\n{text}");
        }
    }
}
