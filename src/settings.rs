//! justjit's own settings: from the command line of `justjit run` and from the `JUSTJIT_*`
//! environment, and exported back to the environment so that subprocesses and python-mode
//! starts of the binary run with the same ones.

use std::path::PathBuf;

pub const ENV_NO_JIT: &str = "JUSTJIT_NO_JIT";
pub const ENV_STATS: &str = "JUSTJIT_STATS";
pub const ENV_TRACE_ALL: &str = "JUSTJIT_TRACE_ALL";
pub const ENV_HOT_LOOP: &str = "JUSTJIT_HOT_LOOP";
pub const ENV_BACKEND: &str = "JUSTJIT_BACKEND";
pub const ENV_DUMP: &str = "JUSTJIT_DUMP";
pub const ENV_VERBOSE: &str = "JUSTJIT_VERBOSE";

/// Backward jumps before a loop is recorded, when neither `--hot-loop` nor
/// `JUSTJIT_HOT_LOOP` says otherwise (see the README for how it was chosen).
pub const DEFAULT_HOT_LOOP: u32 = 64;

/// What runs the traces.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub enum BackendChoice {
    /// Machine code for this CPU (the uop interpreter where there is no backend for it).
    #[default]
    Native,
    /// The uop interpreter.
    Uops,
}

impl BackendChoice {
    pub fn parse(value: &str) -> Result<Self, String> {
        match value {
            "native" => Ok(BackendChoice::Native),
            "uops" => Ok(BackendChoice::Uops),
            other => Err(format!(
                "unknown backend {other:?} (expected native or uops)"
            )),
        }
    }

    fn name(self) -> &'static str {
        match self {
            BackendChoice::Native => "native",
            BackendChoice::Uops => "uops",
        }
    }
}

/// `--dump` / `JUSTJIT_DUMP`: a comma-separated list of `uops` and `asm`.
pub fn parse_dumps(value: &str) -> Result<(bool, bool), String> {
    let (mut uops, mut asm) = (false, false);
    for item in value.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        match item {
            "uops" => uops = true,
            "asm" => asm = true,
            other => return Err(format!("unknown dump {other:?} (expected uops, asm)")),
        }
    }
    Ok((uops, asm))
}

/// `--hot-loop` / `JUSTJIT_HOT_LOOP`: a positive count.
pub fn parse_hot_loop(value: &str) -> Result<u32, String> {
    match value.trim().parse::<u32>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(format!(
            "invalid hot-loop threshold {value:?} (expected a positive integer)"
        )),
    }
}

/// Where the statistics go at exit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StatsTarget {
    /// A human table on stderr (this process only; never passed on to subprocesses, whose
    /// stderr belongs to the program that reads it).
    Stderr,
    /// A file; JSON when the path ends in `.json`, the human table otherwise. `{pid}` in the
    /// path is replaced by the process id when it is written.
    File(String),
}

impl StatsTarget {
    /// `-` (or an empty value) means stderr; anything else is a path.
    pub fn parse(value: &str) -> Self {
        match value {
            "" | "-" => StatsTarget::Stderr,
            path => StatsTarget::File(path.to_owned()),
        }
    }

    /// The file to write for this process, if any.
    pub fn path_for_pid(&self, pid: u32) -> Option<PathBuf> {
        match self {
            StatsTarget::Stderr => None,
            StatsTarget::File(path) => Some(PathBuf::from(path.replace("{pid}", &pid.to_string()))),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    pub no_jit: bool,
    pub stats: Option<StatsTarget>,
    /// Run every frame with the tracing dispatch table (a diagnostic).
    pub trace_all: bool,
    pub hot_loop: u32,
    pub backend: BackendChoice,
    pub dump_uops: bool,
    pub dump_asm: bool,
    /// One line on stderr per trace compiled or aborted.
    pub verbose: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            no_jit: false,
            stats: None,
            trace_all: false,
            hot_loop: DEFAULT_HOT_LOOP,
            backend: BackendChoice::Native,
            dump_uops: false,
            dump_asm: false,
            verbose: false,
        }
    }
}

impl Settings {
    /// The settings of the environment; `Err` names a variable with a bad value.
    pub fn from_env() -> Result<Self, String> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, String> {
        let flag = |name: &str| lookup(name).is_some_and(|v| !matches!(v.as_str(), "" | "0"));
        let with_name = |name: &'static str| move |e: String| format!("{name}: {e}");
        let (dump_uops, dump_asm) = match lookup(ENV_DUMP) {
            Some(v) => parse_dumps(&v).map_err(with_name(ENV_DUMP))?,
            None => (false, false),
        };
        Ok(Settings {
            no_jit: flag(ENV_NO_JIT),
            stats: lookup(ENV_STATS).map(|v| StatsTarget::parse(&v)),
            trace_all: flag(ENV_TRACE_ALL),
            hot_loop: match lookup(ENV_HOT_LOOP) {
                Some(v) => parse_hot_loop(&v).map_err(with_name(ENV_HOT_LOOP))?,
                None => DEFAULT_HOT_LOOP,
            },
            backend: match lookup(ENV_BACKEND) {
                Some(v) => BackendChoice::parse(&v).map_err(with_name(ENV_BACKEND))?,
                None => BackendChoice::Native,
            },
            dump_uops,
            dump_asm,
            verbose: flag(ENV_VERBOSE),
        })
    }

    /// Makes the environment say what these settings say, so that subprocesses inherit them.
    /// Runs before CPython starts, while this process has a single thread.
    pub fn export_to_children(&self) {
        if self.no_jit {
            std::env::set_var(ENV_NO_JIT, "1");
        } else {
            std::env::remove_var(ENV_NO_JIT);
        }
        if self.trace_all {
            std::env::set_var(ENV_TRACE_ALL, "1");
        } else {
            std::env::remove_var(ENV_TRACE_ALL);
        }
        // Thresholds and the backend change no output: subprocesses get them. Dumps and
        // per-trace lines write to stderr, so only the environment passes them on.
        if self.hot_loop != DEFAULT_HOT_LOOP {
            std::env::set_var(ENV_HOT_LOOP, self.hot_loop.to_string());
        }
        if self.backend != BackendChoice::Native {
            std::env::set_var(ENV_BACKEND, self.backend.name());
        }
        match &self.stats {
            Some(StatsTarget::File(path)) => std::env::set_var(ENV_STATS, path),
            Some(StatsTarget::Stderr) | None => std::env::remove_var(ENV_STATS),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn environment_values() {
        let settings = Settings::from_lookup(|name| match name {
            ENV_NO_JIT => Some("1".into()),
            ENV_STATS => Some("out-{pid}.json".into()),
            _ => None,
        })
        .unwrap();
        assert!(settings.no_jit);
        assert_eq!(
            settings.stats.unwrap().path_for_pid(42),
            Some(PathBuf::from("out-42.json"))
        );
        let off = Settings::from_lookup(|name| (name == ENV_NO_JIT).then(|| "0".into())).unwrap();
        assert_eq!(off, Settings::default());
        let jit = Settings::from_lookup(|name| match name {
            ENV_HOT_LOOP => Some("2".into()),
            ENV_BACKEND => Some("uops".into()),
            ENV_DUMP => Some("uops,asm".into()),
            _ => None,
        })
        .unwrap();
        assert_eq!(
            (jit.hot_loop, jit.backend, jit.dump_uops, jit.dump_asm),
            (2, BackendChoice::Uops, true, true)
        );
        for (name, bad) in [(ENV_HOT_LOOP, "0"), (ENV_BACKEND, "llvm"), (ENV_DUMP, "ir")] {
            let err = Settings::from_lookup(|n| (n == name).then(|| bad.into())).unwrap_err();
            assert!(err.starts_with(name), "{err}");
        }
        assert_eq!(StatsTarget::parse("-"), StatsTarget::Stderr);
        assert_eq!(StatsTarget::parse("-").path_for_pid(1), None);
    }
}
