# Exercises a small stack-based VM and a compiler from an arithmetic/loop mini-language to its bytecode; hot dispatch loop over instruction tuples.

PUSH, LOAD, STORE, ADD, SUB, MUL, DIV, MOD, LT, EQ, JMP, JZ, PRINT, HALT, CALL, RET, DUP, POP = range(18)
NAMES = ["PUSH", "LOAD", "STORE", "ADD", "SUB", "MUL", "DIV", "MOD", "LT", "EQ", "JMP", "JZ", "PRINT", "HALT", "CALL", "RET", "DUP", "POP"]


def run(code, trace_limit=0, max_steps=2_000_000):
    stack = []
    env = {}
    calls = []
    out = []
    pc = 0
    steps = 0
    while True:
        op, arg = code[pc]
        if steps < trace_limit:
            out.append("trace %3d %-5s %-6r stack=%r" % (pc, NAMES[op], arg, stack[-3:]))
        steps += 1
        if steps > max_steps:
            raise RuntimeError("step limit")
        pc += 1
        if op == PUSH:
            stack.append(arg)
        elif op == LOAD:
            stack.append(env[arg])
        elif op == STORE:
            env[arg] = stack.pop()
        elif op == ADD:
            b = stack.pop()
            stack.append(stack.pop() + b)
        elif op == SUB:
            b = stack.pop()
            stack.append(stack.pop() - b)
        elif op == MUL:
            b = stack.pop()
            stack.append(stack.pop() * b)
        elif op == DIV:
            b = stack.pop()
            stack.append(stack.pop() // b)
        elif op == MOD:
            b = stack.pop()
            stack.append(stack.pop() % b)
        elif op == LT:
            b = stack.pop()
            stack.append(1 if stack.pop() < b else 0)
        elif op == EQ:
            b = stack.pop()
            stack.append(1 if stack.pop() == b else 0)
        elif op == JMP:
            pc = arg
        elif op == JZ:
            if stack.pop() == 0:
                pc = arg
        elif op == PRINT:
            out.append(str(stack.pop()))
        elif op == DUP:
            stack.append(stack[-1])
        elif op == POP:
            stack.pop()
        elif op == CALL:
            calls.append(pc)
            pc = arg
        elif op == RET:
            pc = calls.pop()
        elif op == HALT:
            return out, steps, env
        else:
            raise ValueError("bad opcode %r" % op)


# --- A tiny compiler for statements: "x = expr", "while expr { ... }", "print expr", "if expr { ... }"
import re

TOKEN = re.compile(r"\s*(?:(\d+)|([A-Za-z_]\w*)|(==|[-+*/%<(){}=]))")


def tokenize(src):
    pos = 0
    toks = []
    src = src.strip()
    while pos < len(src):
        m = TOKEN.match(src, pos)
        if not m:
            raise SyntaxError("bad char at %d: %r" % (pos, src[pos]))
        num, name, sym = m.groups()
        if num:
            toks.append(("num", int(num)))
        elif name:
            toks.append(("kw" if name in ("while", "print", "if") else "name", name))
        else:
            toks.append(("sym", sym))
        pos = m.end()
        while pos < len(src) and src[pos].isspace():
            pos += 1
    toks.append(("eof", None))
    return toks


class Compiler:
    PREC = {"==": 1, "<": 1, "+": 2, "-": 2, "*": 3, "/": 3, "%": 3}
    OPS = {"==": EQ, "<": LT, "+": ADD, "-": SUB, "*": MUL, "/": DIV, "%": MOD}

    def __init__(self, toks):
        self.toks = toks
        self.i = 0
        self.code = []

    def peek(self):
        return self.toks[self.i]

    def take(self, kind=None, value=None):
        tok = self.toks[self.i]
        if (kind and tok[0] != kind) or (value is not None and tok[1] != value):
            raise SyntaxError("expected %s %r, got %r" % (kind, value, tok))
        self.i += 1
        return tok

    def emit(self, op, arg=None):
        self.code.append([op, arg])
        return len(self.code) - 1

    def program(self):
        while self.peek()[0] != "eof":
            self.statement()
        self.emit(HALT)
        return [tuple(ins) for ins in self.code]

    def block(self):
        self.take("sym", "{")
        while self.peek() != ("sym", "}"):
            self.statement()
        self.take("sym", "}")

    def statement(self):
        kind, val = self.peek()
        if kind == "kw" and val == "print":
            self.take()
            self.expr(0)
            self.emit(PRINT)
        elif kind == "kw" and val == "while":
            self.take()
            top = len(self.code)
            self.expr(0)
            jz = self.emit(JZ)
            self.block()
            self.emit(JMP, top)
            self.code[jz][1] = len(self.code)
        elif kind == "kw" and val == "if":
            self.take()
            self.expr(0)
            jz = self.emit(JZ)
            self.block()
            self.code[jz][1] = len(self.code)
        else:
            name = self.take("name")[1]
            self.take("sym", "=")
            self.expr(0)
            self.emit(STORE, name)

    def atom(self):
        kind, val = self.take()
        if kind == "num":
            self.emit(PUSH, val)
        elif kind == "name":
            self.emit(LOAD, val)
        elif (kind, val) == ("sym", "("):
            self.expr(0)
            self.take("sym", ")")
        elif (kind, val) == ("sym", "-"):
            self.emit(PUSH, 0)
            self.atom()
            self.emit(SUB)
        else:
            raise SyntaxError("unexpected %r" % (val,))

    def expr(self, min_prec):
        self.atom()
        while True:
            kind, val = self.peek()
            prec = self.PREC.get(val) if kind == "sym" else None
            if prec is None or prec <= min_prec - 1 or prec < min_prec:
                return
            self.take()
            self.expr(prec + 1)
            self.emit(self.OPS[val])


def compile_src(src):
    return Compiler(tokenize(src)).program()


programs = {
    "sum": "i = 0 s = 0 while i < 1000 { s = s + i * i i = i + 1 } print s",
    "collatz": "n = 27 steps = 0 while 1 < n { if n % 2 == 0 { n = n / 2 } if n % 2 == 1 { if 1 < n { n = 3 * n + 1 } } steps = steps + 1 } print steps",
    "primes": "n = 2 c = 0 while n < 400 { d = 2 p = 1 while d * d < n + 1 { if n % d == 0 { p = 0 } d = d + 1 } c = c + p n = n + 1 } print c",
    "fib": "a = 0 b = 1 k = 0 while k < 90 { t = a + b a = b b = t k = k + 1 } print a print -a + 2 * (b - a)",
    "precedence": "print 2 + 3 * 4 - 10 / 3 % 2 print (2 + 3) * (4 - 10) print 7 < 3 + 5 == 1",
}
for name, src in programs.items():
    code = compile_src(src)
    out, steps, env = run(code)
    print("%-10s ops=%-4d steps=%-7d out=%s env=%s" % (name, len(code), steps, out, dict(sorted(env.items()))))

out, steps, env = run(compile_src("x = 3 while 0 < x { print x x = x - 1 }"), trace_limit=12)
print("\n".join(out))
for bad in ("x = = 3", "print (1 + 2", "y = 3 $ 4", "print z"):
    try:
        run(compile_src(bad))
    except (SyntaxError, KeyError) as exc:
        print(type(exc).__name__, exc)

# Hand-written bytecode with CALL/RET/DUP/POP: compute factorials 1..12 via subroutine
code = [
    (PUSH, 1), (STORE, "k"),
    (LOAD, "k"), (PUSH, 13), (LT, None), (JZ, 14),
    (LOAD, "k"), (CALL, 15), (PRINT, None),
    (LOAD, "k"), (PUSH, 1), (ADD, None), (STORE, "k"), (JMP, 2),
    (HALT, None),
    # subroutine: factorial of top of stack
    (STORE, "n"), (PUSH, 1), (STORE, "acc"),
    (LOAD, "n"), (JZ, 29),
    (LOAD, "acc"), (LOAD, "n"), (MUL, None), (STORE, "acc"),
    (LOAD, "n"), (PUSH, 1), (SUB, None), (STORE, "n"), (JMP, 18),
    (LOAD, "acc"), (DUP, None), (POP, None), (RET, None),
]
out, steps, env = run(code)
print(out, steps)
