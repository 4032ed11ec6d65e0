//! justjit's own settings: from the command line of `justjit run` and from the `JUSTJIT_*`
//! environment, and exported back to the environment so that subprocesses and python-mode
//! starts of the binary run with the same ones.

use std::path::PathBuf;

pub const ENV_NO_JIT: &str = "JUSTJIT_NO_JIT";
pub const ENV_STATS: &str = "JUSTJIT_STATS";
pub const ENV_TRACE_ALL: &str = "JUSTJIT_TRACE_ALL";

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

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Settings {
    pub no_jit: bool,
    pub stats: Option<StatsTarget>,
    /// Run every frame with the tracing dispatch table (a diagnostic).
    pub trace_all: bool,
}

impl Settings {
    pub fn from_env() -> Self {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Self {
        Settings {
            no_jit: lookup(ENV_NO_JIT).is_some_and(|v| !matches!(v.as_str(), "" | "0")),
            stats: lookup(ENV_STATS).map(|v| StatsTarget::parse(&v)),
            trace_all: lookup(ENV_TRACE_ALL).is_some_and(|v| !matches!(v.as_str(), "" | "0")),
        }
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
        });
        assert!(settings.no_jit);
        assert_eq!(
            settings.stats.unwrap().path_for_pid(42),
            Some(PathBuf::from("out-42.json"))
        );
        let off = Settings::from_lookup(|name| (name == ENV_NO_JIT).then(|| "0".into()));
        assert_eq!(off, Settings::default());
        assert_eq!(StatsTarget::parse("-"), StatsTarget::Stderr);
        assert_eq!(StatsTarget::parse("-").path_for_pid(1), None);
    }
}
