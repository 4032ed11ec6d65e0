//! Hand-made code objects with invalid bytecode (`code.replace(co_code=…)`) are checked before
//! their first run and raise SystemError under justjit, where python3 may crash or corrupt
//! memory. Each case runs in its own process; the program catches the SystemError and prints
//! its message's first words, so a crash or a wrong exception fails the test.

mod support;

use std::ffi::OsStr;
use std::time::Duration;

use support::{command, run, Interp};

/// Python source that builds `f` with the given replacement bytecode (a list of
/// (opname, arg) pairs, caches added) and other `code.replace` keywords, calls it, and
/// prints the outcome.
fn program(instructions: &str, replace: &str) -> String {
    format!(
        r#"
import dis, opcode
def f():
    x = 1
    return x
def assemble(instrs):
    out = bytearray()
    for name, arg in instrs:
        op = opcode.opmap[name] if isinstance(name, str) else name
        out += bytes([op, arg])
        out += bytes(2 * opcode._inline_cache_entries[op]) if op < 256 and isinstance(name, str) else b""
    return bytes(out)
code = f.__code__.replace(co_code=assemble({instructions}){replace})
f.__code__ = code
try:
    f()
except SystemError as e:
    print("SystemError", str(e).split(":")[0])
else:
    print("no error")
"#
    )
}

fn check(name: &str, instructions: &str, replace: &str) {
    expect_system_error(name, instructions, replace, "SystemError invalid bytecode");
}

/// Runs `f` rebuilt from `instructions` under justjit and requires the program to catch a
/// SystemError whose message starts as `expected` says (never a crash or another exception).
fn expect_system_error(name: &str, instructions: &str, replace: &str, expected: &str) {
    let source = program(instructions, replace);
    let args: [&OsStr; 2] = ["-c".as_ref(), source.as_ref()];
    let out = run(
        command(Interp::Justjit, &args),
        b"",
        Duration::from_secs(60),
    )
    .unwrap();
    assert_eq!(
        out.code,
        0,
        "{name}: exit {} stderr {}",
        out.code,
        out.stderr_text()
    );
    assert!(
        out.stdout_text().starts_with(expected),
        "{name}: {}{}",
        out.stdout_text(),
        out.stderr_text()
    );
}

#[test]
fn unknown_opcode() {
    check(
        "unknown",
        "[('RESUME', 0), (250, 0), ('RETURN_VALUE', 0)]",
        "",
    );
}

#[test]
fn cache_as_instruction() {
    check(
        "cache",
        "[('RESUME', 0), ('CACHE', 0), ('LOAD_CONST', 0), ('RETURN_VALUE', 0)]",
        "",
    );
}

#[test]
fn constant_index_out_of_range() {
    check(
        "const",
        "[('RESUME', 0), ('LOAD_CONST', 200), ('RETURN_VALUE', 0)]",
        "",
    );
}

#[test]
fn local_index_out_of_range() {
    check(
        "local",
        "[('RESUME', 0), ('LOAD_FAST', 9), ('RETURN_VALUE', 0)]",
        "",
    );
}

#[test]
fn name_index_out_of_range() {
    check(
        "name",
        "[('RESUME', 0), ('LOAD_GLOBAL', 40), ('RETURN_VALUE', 0)]",
        "",
    );
}

#[test]
fn jump_outside_the_code() {
    check(
        "jump",
        "[('RESUME', 0), ('JUMP_FORWARD', 100), ('LOAD_CONST', 0), ('RETURN_VALUE', 0)]",
        "",
    );
}

#[test]
fn stack_underflow() {
    check(
        "underflow",
        "[('RESUME', 0), ('POP_TOP', 0), ('LOAD_CONST', 0), ('RETURN_VALUE', 0)]",
        "",
    );
}

#[test]
fn stack_overflow() {
    check(
        "overflow",
        "[('RESUME', 0)] + [('LOAD_CONST', 0)] * 8 + [('RETURN_VALUE', 0)]",
        ", co_stacksize=2",
    );
}

#[test]
fn falls_off_the_end() {
    check("end", "[('RESUME', 0), ('LOAD_CONST', 0)]", "");
}

#[test]
fn null_consumed() {
    check(
        "null",
        "[('RESUME', 0), ('PUSH_NULL', 0), ('RETURN_VALUE', 0)]",
        "",
    );
}

#[test]
fn valid_code_still_runs() {
    let source = program(
        "[('RESUME', 0), ('LOAD_CONST', 1), ('RETURN_VALUE', 0)]",
        "",
    );
    let source = source.replace("print(\"no error\")", "print(\"no error\", f())");
    let args: [&OsStr; 2] = ["-c".as_ref(), source.as_ref()];
    let out = run(
        command(Interp::Justjit, &args),
        b"",
        Duration::from_secs(60),
    )
    .unwrap();
    assert_eq!(out.stdout_text(), "no error 1\n", "{}", out.stderr_text());
}

#[test]
fn non_exception_where_a_handler_expects_one() {
    // Stack shapes the validator accepts but whose value types only the evaluator sees.
    check_bad_values(
        "eg",
        "[('RESUME', 0), ('LOAD_CONST', 1), ('LOAD_CONST', 0), ('CHECK_EG_MATCH', 0), ('POP_TOP', 0), ('RETURN_VALUE', 0)]",
    );
    check_bad_values(
        "reraise",
        "[('RESUME', 0), ('LOAD_CONST', 0), ('RERAISE', 0)]",
    );
    check_bad_values(
        "with_except_start",
        "[('RESUME', 0), ('LOAD_CONST', 0), ('LOAD_CONST', 0), ('LOAD_CONST', 0), ('LOAD_CONST', 0), ('WITH_EXCEPT_START', 0), ('RETURN_VALUE', 0)]",
    );
}

/// Like `check`, for bytecode that passes validation but feeds an instruction a value of the
/// wrong type: SystemError ("bad bytecode: …"), never a crash.
fn check_bad_values(name: &str, instructions: &str) {
    let replace = ", co_exceptiontable=b'', co_stacksize=8";
    expect_system_error(name, instructions, replace, "SystemError bad bytecode");
}
