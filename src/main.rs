//! `justjit`: runs Python programs under CPython 3.11 with justjit's frame evaluator.
//!
//! `justjit run ARGS…` is `python3 ARGS…` with the JIT; started under any name that does not
//! begin with `justjit` (a link named `python3`, say), the binary is that python directly. This crate parses justjit's own options,
//! wires the crates together, starts CPython and writes the statistics at exit.

// The C `main` below replaces Rust's runtime start-up, which would open /dev/null on closed
// standard descriptors (python3 leaves them closed: `sys.stdin` is then None), ignore SIGPIPE
// and install SIGSEGV/SIGBUS handlers, none of which python3 does.
#![cfg_attr(not(test), no_main)]
// Unit tests build without the C `main`, so the start-up path is unused there.
#![cfg_attr(test, allow(dead_code))]

mod python_link;
mod report;
mod settings;

use std::ffi::OsString;
use std::path::Path;
use std::sync::OnceLock;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};
use justjit_interp::cpython::{embed, module};

use settings::{Settings, StatsTarget};

#[derive(Parser)]
#[command(
    name = "justjit",
    about = "A trace-recording JIT for CPython 3.11: `justjit run ARGS…` runs `python3 ARGS…` faster.",
    after_help = "Started under a name other than justjit (a link named python, python3 or python3.11), it acts as python.\n\
                  Every option has an environment equivalent (JUSTJIT_*) that reaches subprocesses."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run python with the JIT: `justjit run [JUSTJIT OPTIONS] [PYTHON ARGS…]`.
    Run(RunArgs),
}

#[derive(Args)]
#[command(disable_help_flag = true)]
struct RunArgs {
    /// Interpreter only: no tracing JIT [env: JUSTJIT_NO_JIT=1].
    #[arg(long)]
    no_jit: bool,

    /// At exit, print statistics as a table on stderr, or write them to PATH (JSON when PATH
    /// ends in .json; `{pid}` in PATH becomes the process id) [env: JUSTJIT_STATS=PATH].
    #[arg(long, value_name = "PATH", num_args = 0..=1, require_equals = true, default_missing_value = "-")]
    stats: Option<String>,

    /// Diagnostic: run every frame with the tracing dispatch table (which today only counts
    /// the instructions it runs) [env: JUSTJIT_TRACE_ALL=1].
    #[arg(long)]
    trace_all: bool,

    #[arg(long, value_name = "N", value_parser = settings::parse_hot_loop)]
    hot_loop: Option<u32>,

    #[arg(long, value_name = "native|uops", value_parser = settings::BackendChoice::parse)]
    backend: Option<settings::BackendChoice>,

    #[arg(long, value_name = "uops,asm", value_parser = settings::parse_dumps)]
    dump: Option<(bool, bool)>,

    #[arg(short = 'v', long)]
    verbose: bool,

    /// Arguments for python, exactly as `python3` takes them (script, -m, -c, -, -X, -u, …).
    #[arg(
        trailing_var_arg = true,
        allow_hyphen_values = true,
        value_name = "PYTHON ARGS"
    )]
    python_args: Vec<OsString>,
}

/// The process entry point: the C runtime calls it directly (see the crate attributes).
#[cfg(not(test))]
#[no_mangle]
pub extern "C" fn main(
    _argc: std::ffi::c_int,
    _argv: *const *const std::ffi::c_char,
) -> std::ffi::c_int {
    // std reads the command line itself (glibc passes it to static initializers).
    justjit_main()
}

fn justjit_main() -> i32 {
    let argv: Vec<OsString> = std::env::args_os().collect();
    // Started as `justjit…` it is the CLI; under any other name (a `python3` link, or the
    // arbitrary argv[0] a program may pass with `executable=sys.executable`) it is python.
    let python_mode = !argv
        .first()
        .and_then(|a| Path::new(a).file_name())
        .is_some_and(|name| name.as_encoded_bytes().starts_with(b"justjit"));
    if python_mode {
        let settings = settings_from_env();
        return run_python(&settings, &argv, None);
    }

    let version: &'static str = Box::leak(
        format!(
            "{} (CPython {})",
            env!("CARGO_PKG_VERSION"),
            embed::python_version()
        )
        .into_boxed_str(),
    );
    let matches = Cli::command().version(version).get_matches_from(&argv);
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    match cli.command {
        Command::Run(args) => {
            let mut settings = settings_from_env();
            settings.no_jit |= args.no_jit;
            settings.trace_all |= args.trace_all;
            settings.verbose |= args.verbose;
            if let Some(n) = args.hot_loop {
                settings.hot_loop = n;
            }
            if let Some(backend) = args.backend {
                settings.backend = backend;
            }
            if let Some((uops, asm)) = args.dump {
                settings.dump_uops |= uops;
                settings.dump_asm |= asm;
            }
            if let Some(stats) = &args.stats {
                settings.stats = Some(StatsTarget::parse(stats));
            }
            let link = match python_link::find_or_create() {
                Ok(link) => Some(link),
                Err(err) => {
                    eprintln!("justjit: warning: no python link for sys.executable ({err}); subprocesses will not re-enter justjit");
                    None
                }
            };
            let program = link
                .as_ref()
                .map_or_else(|| argv[0].clone(), |l| l.clone().into_os_string());
            let python_argv: Vec<OsString> =
                std::iter::once(program).chain(args.python_args).collect();
            run_python(&settings, &python_argv, link.as_deref())
        }
    }
}

/// Where this process writes its statistics when CPython exits.
/// The environment's settings, or exit with a CLI error (status 2) naming the bad variable.
fn settings_from_env() -> Settings {
    Settings::from_env().unwrap_or_else(|message| {
        eprintln!("justjit: error: {message}");
        std::process::exit(2)
    })
}

/// Installs tier 2 as the settings say.
fn install_jit(settings: &Settings) {
    if settings.no_jit {
        return;
    }
    let config = justjit_tracer::jit::Config {
        hot_loop: settings.hot_loop,
        dumps: justjit_tracer::jit::Dumps {
            uops: settings.dump_uops,
            asm: settings.dump_asm,
        },
        verbose: settings.verbose,
    };
    let native = match settings.backend {
        settings::BackendChoice::Native => justjit_backend::native(),
        settings::BackendChoice::Uops => None,
    };
    let compiler: Box<justjit_tracer::jit::Compiler> = match native {
        Some(backend) => Box::new(move |trace| backend.compile(trace).map_err(|e| e.to_string())),
        None => justjit_tracer::jit::Jit::uop_interpreter(),
    };
    justjit_tracer::jit::install(justjit_tracer::jit::Jit::new(config, compiler));
}

static STATS_TARGET: OnceLock<Option<StatsTarget>> = OnceLock::new();

fn write_stats_at_exit() {
    if let Some(Some(target)) = STATS_TARGET.get() {
        report::write(target);
    }
}

/// Starts CPython on `argv` with `settings`; the statistics are written when it exits.
fn run_python(settings: &Settings, argv: &[OsString], executable: Option<&Path>) -> i32 {
    settings.export_to_children();
    module::set_jit_enabled(!settings.no_jit);
    justjit_interp::eval::set_trace_all(settings.trace_all);
    install_jit(settings);
    STATS_TARGET
        .set(settings.stats.clone())
        .expect("run_python runs once");
    embed::run(&embed::Launch {
        argv,
        executable,
        at_exit: write_stats_at_exit,
    })
}
