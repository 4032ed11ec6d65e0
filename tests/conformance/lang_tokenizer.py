# Exercises a hand-written tokenizer and Pratt parser/evaluator for an expression language with variables, functions and errors; string scanning loops.
import math


class Tok:
    __slots__ = ("kind", "text", "pos")

    def __init__(self, kind, text, pos):
        self.kind, self.text, self.pos = kind, text, pos

    def __repr__(self):
        return "%s:%r@%d" % (self.kind, self.text, self.pos)


class LexError(Exception):
    pass


class ParseError(Exception):
    pass


OPS = {"+", "-", "*", "/", "%", "^", "(", ")", ",", "=", "==", "!=", "<", "<=", ">", ">=", "&&", "||", "!"}


def lex(src):
    toks = []
    i = 0
    n = len(src)
    while i < n:
        ch = src[i]
        if ch.isspace():
            i += 1
            continue
        if ch == "#":
            while i < n and src[i] != "\n":
                i += 1
            continue
        start = i
        if ch.isdigit() or (ch == "." and i + 1 < n and src[i + 1].isdigit()):
            seen_dot = False
            seen_exp = False
            while i < n:
                c = src[i]
                if c.isdigit():
                    i += 1
                elif c == "." and not seen_dot and not seen_exp:
                    seen_dot = True
                    i += 1
                elif c in "eE" and not seen_exp and i + 1 < n and (src[i + 1].isdigit() or src[i + 1] in "+-"):
                    seen_exp = True
                    i += 2
                else:
                    break
            text = src[start:i]
            toks.append(Tok("num", float(text) if (seen_dot or seen_exp) else int(text), start))
        elif ch.isalpha() or ch == "_":
            while i < n and (src[i].isalnum() or src[i] == "_"):
                i += 1
            toks.append(Tok("name", src[start:i], start))
        elif ch == '"':
            i += 1
            buf = []
            while i < n and src[i] != '"':
                if src[i] == "\\" and i + 1 < n:
                    buf.append({"n": "\n", "t": "\t"}.get(src[i + 1], src[i + 1]))
                    i += 2
                else:
                    buf.append(src[i])
                    i += 1
            if i >= n:
                raise LexError("unterminated string at %d" % start)
            i += 1
            toks.append(Tok("str", "".join(buf), start))
        else:
            two = src[i:i + 2]
            if two in OPS:
                toks.append(Tok("op", two, start))
                i += 2
            elif ch in OPS:
                toks.append(Tok("op", ch, start))
                i += 1
            else:
                raise LexError("unexpected %r at %d" % (ch, start))
    toks.append(Tok("eof", None, n))
    return toks


BINARY = {"||": (1, "l"), "&&": (2, "l"), "==": (3, "l"), "!=": (3, "l"), "<": (4, "l"), "<=": (4, "l"), ">": (4, "l"),
          ">=": (4, "l"), "+": (5, "l"), "-": (5, "l"), "*": (6, "l"), "/": (6, "l"), "%": (6, "l"), "^": (8, "r")}


class Parser:
    def __init__(self, toks):
        self.toks = toks
        self.i = 0

    def peek(self):
        return self.toks[self.i]

    def advance(self):
        t = self.toks[self.i]
        self.i += 1
        return t

    def expect(self, text):
        t = self.advance()
        if t.text != text:
            raise ParseError("expected %r at %d, got %r" % (text, t.pos, t.text))
        return t

    def statement(self):
        if self.peek().kind == "name" and self.toks[self.i + 1].text == "=":
            name = self.advance().text
            self.advance()
            return ("assign", name, self.expr(0))
        return self.expr(0)

    def expr(self, min_bp):
        t = self.advance()
        if t.kind in ("num", "str"):
            left = ("lit", t.text)
        elif t.kind == "name":
            if self.peek().text == "(":
                self.advance()
                args = []
                if self.peek().text != ")":
                    while True:
                        args.append(self.expr(0))
                        if self.peek().text == ",":
                            self.advance()
                            continue
                        break
                self.expect(")")
                left = ("call", t.text, args)
            else:
                left = ("var", t.text)
        elif t.text == "(":
            left = self.expr(0)
            self.expect(")")
        elif t.text in ("-", "!"):
            left = ("unary", t.text, self.expr(7))
        else:
            raise ParseError("unexpected token %r at %d" % (t.text, t.pos))
        while True:
            op = self.peek()
            if op.kind != "op" or op.text not in BINARY:
                return left
            bp, assoc = BINARY[op.text]
            if bp < min_bp:
                return left
            self.advance()
            right = self.expr(bp + 1 if assoc == "l" else bp)
            left = ("bin", op.text, left, right)


FUNCS = {"sqrt": math.sqrt, "max": max, "min": min, "abs": abs, "len": len, "str": str, "floor": math.floor}


def evaluate(node, env):
    kind = node[0]
    if kind == "lit":
        return node[1]
    if kind == "var":
        if node[1] not in env:
            raise NameError("undefined variable %s" % node[1])
        return env[node[1]]
    if kind == "assign":
        env[node[1]] = evaluate(node[2], env)
        return env[node[1]]
    if kind == "unary":
        v = evaluate(node[2], env)
        return -v if node[1] == "-" else (not v)
    if kind == "call":
        return FUNCS[node[1]](*[evaluate(a, env) for a in node[2]])
    op, l, r = node[1], node[2], node[3]
    if op == "&&":
        return evaluate(l, env) and evaluate(r, env)
    if op == "||":
        return evaluate(l, env) or evaluate(r, env)
    a, b = evaluate(l, env), evaluate(r, env)
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    if op == "/":
        return a / b
    if op == "%":
        return a % b
    if op == "^":
        return a ** b
    return {"==": a == b, "!=": a != b, "<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b}[op]


script = r'''
x = 3
y = 4.5e1  # comment
z = x ^ 2 ^ 2 - -y / 3
s = "hi\tthere" + str(x)
big = 2 ^ 100 % 1000007
ok = x < y && !(z == 0) || 0
m = max(x, y, z, 7) - min(1, 2) * abs(-3)
r = sqrt(x * x + 16) + floor(.5 + 2.25)
len(s) * 2
(1 + 2) * (3 + 4) % 5
'''
env = {}
for line in script.strip().splitlines():
    toks = lex(line)
    tree = Parser(toks).statement()
    val = evaluate(tree, env)
    print("%-40s -> %r" % (line.split("#")[0].strip(), val))
print(sorted(env.items()))
print(lex('a_1 >= 10.25 != "q\\"x"'))
print(Parser(lex("1 - 2 - 3 * 4 ^ 2 ^ 0.5")).expr(0))

for bad in ("1 +", "(1 + 2", "3 $ 4", '"open', "f(1,", "x = = 2", "nope + 1", "1 / 0", "sqrt(-1)"):
    try:
        print(bad, "->", evaluate(Parser(lex(bad)).statement(), dict(env)))
    except (LexError, ParseError, NameError, ZeroDivisionError, ValueError) as exc:
        print(bad, "->", type(exc).__name__, exc)

# Hot loop: tokenize and evaluate many generated expressions
total = 0.0
count_tokens = 0
for i in range(600):
    expr = "%d * (%d + x) - %d / (1 + %d) + (%d %% 7) ^ 2" % (i, i % 13, i * 3, i % 5, i)
    toks = lex(expr)
    count_tokens += len(toks)
    total += evaluate(Parser(toks).expr(0), {"x": i / 10})
print("tokens", count_tokens, "total", round(total, 6))
