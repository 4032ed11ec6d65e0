//! The tracing JIT as the interpreter sees it: configuration, the recorder of one loop, and
//! compiling a closed recording (lowering, then the chosen backend) into an executor.

use std::io::Write;
use std::sync::Arc;
use std::time::Instant;

use justjit_interp::cpython::cursor::FramePtr;
use justjit_interp::jit::{InstrView, LoopExecutor, Recorder, Recording, TraceJit};
use justjit_interp::stats;

use crate::abi::CompiledTrace;
use crate::executor::{loop_name, TraceExecutor};
use crate::ir::Trace;
use crate::lower;
use crate::record::{self, Verdict};
use crate::uop_interp::UopTrace;

/// Turns a lowered trace into something that runs (a backend, or the uop interpreter).
pub type Compiler = dyn Fn(&Arc<Trace>) -> Result<Box<dyn CompiledTrace>, String> + Send + Sync;

/// What `--dump` prints for each compiled trace.
#[derive(Copy, Clone, Default, Debug)]
pub struct Dumps {
    pub uops: bool,
    pub asm: bool,
}

/// The JIT's settings.
pub struct Config {
    pub hot_loop: u32,
    pub dumps: Dumps,
    /// One line on stderr per trace compiled or aborted.
    pub verbose: bool,
}

/// Tier 2.
pub struct Jit {
    config: Config,
    compiler: Box<Compiler>,
}

impl Jit {
    pub fn new(config: Config, compiler: Box<Compiler>) -> Jit {
        Jit { config, compiler }
    }

    /// The compiler that runs traces with the uop interpreter.
    pub fn uop_interpreter() -> Box<Compiler> {
        Box::new(|trace| Ok(Box::new(UopTrace::new(trace.clone())) as Box<dyn CompiledTrace>))
    }

    fn log(&self, line: &str) {
        let mut err = std::io::stderr().lock();
        let _ = writeln!(err, "{line}");
    }
}

impl TraceJit for Jit {
    fn hot_loop_threshold(&self) -> u32 {
        self.config.hot_loop
    }

    fn start_recording(
        &self,
        frame: FramePtr,
        head: u32,
        anchor: u32,
        stack_depth: usize,
    ) -> Box<dyn Recorder> {
        // Recorders outlive this call: they hold the installed (leaked) JIT.
        let jit = installed(self);
        Box::new(LoopRecorder {
            jit,
            frame,
            recording: record::Recording::new(head, anchor, stack_depth),
        })
    }
}

/// The installed JIT lives for the whole process (see `justjit_interp::jit::install`).
fn installed(jit: &Jit) -> &'static Jit {
    INSTALLED
        .get()
        .copied()
        .filter(|installed| std::ptr::eq(*installed, jit))
        .expect("the JIT is installed through tracer::jit::install")
}

static INSTALLED: std::sync::OnceLock<&'static Jit> = std::sync::OnceLock::new();

/// Installs `jit` into the interpreter for the rest of the process.
pub fn install(jit: Jit) {
    let jit: &'static Jit = Box::leak(Box::new(jit));
    let _ = INSTALLED.set(jit);
    justjit_interp::jit::install(jit);
}

/// Records one loop of one frame.
struct LoopRecorder {
    jit: &'static Jit,
    frame: FramePtr,
    recording: record::Recording,
}

impl Recorder for LoopRecorder {
    fn record(&mut self, view: &InstrView) -> Recording {
        match self.recording.observe(view) {
            Verdict::Continue => Recording::Continue,
            Verdict::Close => Recording::Close,
            Verdict::Abort(reason) => Recording::Abort(reason),
        }
    }

    fn finish(self: Box<Self>) -> Result<Arc<dyn LoopExecutor>, &'static str> {
        let jit = self.jit;
        let started = Instant::now();
        let name = loop_name(self.frame, self.recording.head);
        let lowered = match lower::lower(&self.recording, self.frame, name.clone()) {
            Ok(lowered) => lowered,
            Err(error) => {
                if jit.config.verbose {
                    jit.log(&format!(
                        "justjit: trace aborted: {name}: {} ({})",
                        error.reason, error.detail
                    ));
                }
                return Err(error.reason);
            }
        };
        let trace = Arc::new(lowered.trace);
        let code = match (jit.compiler)(&trace) {
            Ok(code) => code,
            Err(message) => {
                if jit.config.verbose {
                    jit.log(&format!(
                        "justjit: trace aborted: {name}: backend ({message})"
                    ));
                }
                return Err("backend_failed");
            }
        };
        let elapsed = started.elapsed().as_nanos() as u64;
        let stats = stats::global();
        stats.compile_ns.add(elapsed);
        stats.code_bytes.add(code.code_bytes() as u64);
        if jit.config.dumps.uops {
            jit.log(&format!("{trace}"));
        }
        if jit.config.dumps.asm {
            if let Some(asm) = code.disassembly() {
                jit.log(&format!("asm for {name}:\n{asm}"));
            }
        }
        if jit.config.verbose {
            jit.log(&format!(
                "justjit: trace compiled: {name}: {} instructions, {} uops, {} exits, {} bytes",
                self.recording.steps.len(),
                trace.preamble.len() + trace.body.len(),
                trace.exits.len(),
                code.code_bytes()
            ));
        }
        Ok(Arc::new(TraceExecutor::new(trace, code, self.frame)))
    }

    fn aborted(self: Box<Self>, reason: &'static str) {
        if self.jit.config.verbose {
            let name = loop_name(self.frame, self.recording.head);
            self.jit
                .log(&format!("justjit: trace aborted: {name}: {reason}"));
        }
    }
}
