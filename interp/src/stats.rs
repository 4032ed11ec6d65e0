//! Process-wide JIT statistics: the counters every crate fills, and their JSON form.
//!
//! The JSON layout (version 1) is a contract with users and tools; every key is present, with
//! zero where the part that fills it does not exist yet. Counters are relaxed atomics: they are
//! only ever bumped (mostly with the GIL held) and read when a report is made.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

use serde_json::{json, Map, Value};

use crate::cpython::opcode::{self, SPECIALIZATION_FAMILIES};

/// The specialization families counted: 3.11's (`opcode._specializations`), then justjit's own
/// `FOR_ITER` (3.11 does not specialize it).
const FAMILY_COUNT: usize = SPECIALIZATION_FAMILIES.len() + 1;

fn family_name(index: usize) -> &'static str {
    SPECIALIZATION_FAMILIES
        .get(index)
        .copied()
        .unwrap_or("FOR_ITER")
}

/// The family index of each base opcode (`NO_FAMILY` for the others).
const NO_FAMILY: u8 = u8::MAX;
const FAMILY_OF: [u8; 256] = {
    let mut table = [NO_FAMILY; 256];
    let mut i = 0;
    while i < opcode::SPECIALIZATIONS.len() {
        table[opcode::SPECIALIZATIONS[i].0 as usize] = i as u8;
        i += 1;
    }
    table[opcode::FOR_ITER as usize] = opcode::SPECIALIZATIONS.len() as u8;
    table
};

/// Version of the JSON layout written by `--stats=PATH.json` and returned by `justjit.stats()`.
pub const STATS_VERSION: u64 = 1;

/// A monotonically increasing event counter.
#[derive(Default)]
pub struct Counter(AtomicU64);

impl Counter {
    pub const fn new() -> Self {
        Counter(AtomicU64::new(0))
    }

    #[inline]
    pub fn bump(&self) {
        self.add(1);
    }

    #[inline]
    pub fn add(&self, n: u64) {
        self.0.fetch_add(n, Ordering::Relaxed);
    }

    /// Adds one without a read-modify-write instruction: for counters only bumped with the GIL
    /// held, on paths too hot for an atomic add.
    #[inline(always)]
    pub fn bump_with_gil(&self) {
        self.0
            .store(self.0.load(Ordering::Relaxed) + 1, Ordering::Relaxed);
    }

    pub fn get(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }
}

/// Why a frame was given to CPython's own evaluator instead of the Rust interpreter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HandBackReason {
    /// `sys.settrace` or `sys.setprofile` is active: CPython's evaluator emits the events.
    Tracing,
    /// The code uses an instruction the Rust interpreter does not implement yet (counted by
    /// instruction in `frames.unsupported_instructions`).
    UnsupportedInstruction,
    /// No code-object extra slot was left for justjit's per-code data.
    NoCodeSlot,
}

impl HandBackReason {
    pub const ALL: [HandBackReason; 3] = [
        HandBackReason::Tracing,
        HandBackReason::UnsupportedInstruction,
        HandBackReason::NoCodeSlot,
    ];

    /// The key used in the stats JSON and table.
    pub fn name(self) -> &'static str {
        match self {
            HandBackReason::Tracing => "tracing",
            HandBackReason::UnsupportedInstruction => "unsupported_instruction",
            HandBackReason::NoCodeSlot => "no_code_slot",
        }
    }
}

/// Outcome counters of one specialization family.
#[derive(Default)]
pub struct FamilyCounters {
    pub success: Counter,
    pub failure: Counter,
    pub hit: Counter,
    pub miss: Counter,
    pub deopt: Counter,
}

impl FamilyCounters {
    const fn new() -> Self {
        FamilyCounters {
            success: Counter::new(),
            failure: Counter::new(),
            hit: Counter::new(),
            miss: Counter::new(),
            deopt: Counter::new(),
        }
    }
}

/// The keys of the JSON's `executors` object, in the order the table prints them.
pub const EXECUTOR_KEYS: [&str; 5] = [
    "entered",
    "exits_taken",
    "retired",
    "code_bytes",
    "compile_ns",
];

/// Every counter justjit keeps. One instance per process: [`global`].
pub struct Stats {
    pub frames_rust: Counter,
    handed_back: [Counter; HandBackReason::ALL.len()],
    unsupported_instructions: Mutex<BTreeMap<&'static str, u64>>,
    /// Instructions run by the tracing dispatch table (`traces.instructions_recorded`).
    pub traced_instructions: Counter,
    specialization: [FamilyCounters; FAMILY_COUNT],
    /// Failed specialization attempts by (family, kind).
    specialization_failures: Mutex<BTreeMap<(&'static str, &'static str), u64>>,
    pub traces_started: Counter,
    pub traces_compiled: Counter,
    /// Loops whose backward jump stopped reporting to the JIT after every recording of them
    /// aborted (`traces.given_up`).
    pub loops_given_up: Counter,
    traces_aborted: Mutex<BTreeMap<&'static str, u64>>,
    pub side_traces: Counter,
    pub executors_entered: Counter,
    /// Executors dropped because their entries left the trace too soon (`executors.retired`).
    pub executors_retired: Counter,
    pub exits_taken: Counter,
    pub code_bytes: Counter,
    pub compile_ns: Counter,
}

static STATS: Stats = Stats::new();

/// The process's statistics.
///
/// Not inlined into other crates, so that `STATS` stays private to this one: the evaluator's
/// counter bumps then address it directly instead of loading its address from the GOT each
/// time (rustc emits a GOT relocation the linker does not relax for a static other crates
/// can reach).
#[inline(never)]
pub fn global() -> &'static Stats {
    &STATS
}

/// The process's statistics, for this crate's own hot paths (see [`global`]).
#[inline(always)]
pub(crate) fn local() -> &'static Stats {
    &STATS
}

impl Stats {
    const fn new() -> Self {
        Stats {
            frames_rust: Counter::new(),
            handed_back: [const { Counter::new() }; HandBackReason::ALL.len()],
            unsupported_instructions: Mutex::new(BTreeMap::new()),
            traced_instructions: Counter::new(),
            specialization: [const { FamilyCounters::new() }; FAMILY_COUNT],
            specialization_failures: Mutex::new(BTreeMap::new()),
            traces_started: Counter::new(),
            traces_compiled: Counter::new(),
            loops_given_up: Counter::new(),
            traces_aborted: Mutex::new(BTreeMap::new()),
            side_traces: Counter::new(),
            executors_entered: Counter::new(),
            executors_retired: Counter::new(),
            exits_taken: Counter::new(),
            code_bytes: Counter::new(),
            compile_ns: Counter::new(),
        }
    }

    #[inline]
    pub fn handed_back(&self, reason: HandBackReason) -> &Counter {
        &self.handed_back[reason as usize]
    }

    /// Counters of the family named as in `opcode._specializations` (e.g. `"LOAD_ATTR"`), or
    /// `"FOR_ITER"`.
    pub fn family(&self, name: &str) -> Option<&FamilyCounters> {
        let index = (0..FAMILY_COUNT).position(|i| family_name(i) == name)?;
        Some(&self.specialization[index])
    }

    /// Counters of the family whose base opcode is `base` (which must have one).
    #[inline(always)]
    pub fn family_of(&self, base: u8) -> &FamilyCounters {
        &self.specialization[FAMILY_OF[base as usize] as usize]
    }

    /// Counts a failed specialization attempt of family `base` for `kind` (a snake_case name
    /// like 3.11's `SPEC_FAIL_*` kinds); `failure` is bumped too.
    pub fn specialization_failed(&self, base: u8, kind: &'static str) {
        self.family_of(base).failure.bump();
        let family = family_name(FAMILY_OF[base as usize] as usize);
        let mut map = self
            .specialization_failures
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        *map.entry((family, kind)).or_insert(0) += 1;
    }

    /// Counts a frame handed back because its code uses instruction `name`.
    pub fn unsupported_instruction(&self, name: &'static str) {
        self.handed_back(HandBackReason::UnsupportedInstruction)
            .bump();
        let mut map = self
            .unsupported_instructions
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        *map.entry(name).or_insert(0) += 1;
    }

    /// Counts a trace recording abandoned for `reason` (a short snake_case name).
    pub fn trace_aborted(&self, reason: &'static str) {
        let mut aborted = self
            .traces_aborted
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        *aborted.entry(reason).or_insert(0) += 1;
    }

    /// The statistics as the version-1 JSON document.
    pub fn to_json(&self) -> Value {
        let handed_back: Map<String, Value> = HandBackReason::ALL
            .iter()
            .map(|r| (r.name().to_owned(), self.handed_back(*r).get().into()))
            .collect();
        let failures = self
            .specialization_failures
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        let specialization: Map<String, Value> = (0..FAMILY_COUNT)
            .map(|i| {
                let (name, c) = (family_name(i), &self.specialization[i]);
                let kinds: Map<String, Value> = failures
                    .iter()
                    .filter(|((family, _), _)| *family == name)
                    .map(|((_, kind), n)| ((*kind).to_owned(), (*n).into()))
                    .collect();
                let counts = json!({
                    "success": c.success.get(),
                    "failure": c.failure.get(),
                    "hit": c.hit.get(),
                    "miss": c.miss.get(),
                    "deopt": c.deopt.get(),
                    "failure_kinds": kinds,
                });
                (name.to_owned(), counts)
            })
            .collect();
        let unsupported: Map<String, Value> = self
            .unsupported_instructions
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).into()))
            .collect();
        let aborted: Map<String, Value> = self
            .traces_aborted
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).into()))
            .collect();
        json!({
            "version": STATS_VERSION,
            "pid": std::process::id(),
            "frames": {
                "rust": self.frames_rust.get(),
                "handed_back": handed_back,
                "unsupported_instructions": unsupported,
            },
            "specialization": specialization,
            "traces": {
                "started": self.traces_started.get(),
                "compiled": self.traces_compiled.get(),
                "given_up": self.loops_given_up.get(),
                "aborted": aborted,
                "side_traces": self.side_traces.get(),
                "instructions_recorded": self.traced_instructions.get(),
            },
            "executors": {
                "entered": self.executors_entered.get(),
                "retired": self.executors_retired.get(),
                "exits_taken": self.exits_taken.get(),
                "code_bytes": self.code_bytes.get(),
                "compile_ns": self.compile_ns.get(),
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_has_every_key_and_counts() {
        let stats = Stats::new();
        stats.frames_rust.add(3);
        stats.handed_back(HandBackReason::Tracing).bump();
        stats.family("LOAD_ATTR").unwrap().hit.add(5);
        stats.trace_aborted("too_long");
        stats.trace_aborted("too_long");
        let v = stats.to_json();
        assert_eq!(v["version"], 1);
        assert_eq!(v["frames"]["rust"], 3);
        assert_eq!(v["frames"]["handed_back"]["tracing"], 1);
        assert_eq!(v["frames"]["handed_back"]["unsupported_instruction"], 0);
        stats.unsupported_instruction("YIELD_VALUE");
        let v = stats.to_json();
        assert_eq!(v["frames"]["handed_back"]["unsupported_instruction"], 1);
        assert_eq!(v["frames"]["unsupported_instructions"]["YIELD_VALUE"], 1);
        assert_eq!(v["specialization"]["LOAD_ATTR"]["hit"], 5);
        assert_eq!(v["specialization"].as_object().unwrap().len(), 18);
        for family in v["specialization"].as_object().unwrap().values() {
            assert_eq!(family.as_object().unwrap().len(), 6);
        }
        stats.specialization_failed(opcode::LOAD_ATTR, "not_managed_dict");
        stats.family_of(opcode::FOR_ITER).hit.bump_with_gil();
        let v = stats.to_json();
        assert_eq!(v["specialization"]["LOAD_ATTR"]["failure"], 1);
        assert_eq!(
            v["specialization"]["LOAD_ATTR"]["failure_kinds"]["not_managed_dict"],
            1
        );
        assert_eq!(v["specialization"]["FOR_ITER"]["hit"], 1);
        assert_eq!(v["traces"]["aborted"]["too_long"], 2);
        for key in ["started", "compiled", "given_up", "aborted", "side_traces"] {
            assert!(v["traces"].get(key).is_some(), "traces.{key}");
        }
        for key in EXECUTOR_KEYS {
            assert_eq!(v["executors"][key], 0, "executors.{key}");
        }
        assert!(stats.family("NOT_A_FAMILY").is_none());
    }
}
