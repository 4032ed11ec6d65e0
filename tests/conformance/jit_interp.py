# A small stack-machine interpreter whose dispatch loop gets hot: while pc < len(code), if/elif dispatch on opcode ints, list indexing with negative indices, stack push/pop, jumps that change direction, ints overflowing 64 bits in the guest program, and a guest error raised from the dispatch loop.

PUSH, ADD, SUB, MUL, DUP, SWAP, JNZ, DEC, PRINT, HALT, DIV, OVER, DROP = range(13)


class GuestError(Exception):
    pass


def run(code, trace=False):
    stack = []
    pc = 0
    steps = 0
    out = []
    while pc < len(code):
        op = code[pc]
        steps += 1
        if op == PUSH:
            stack.append(code[pc + 1])
            pc += 2
            continue
        if op == ADD:
            b = stack.pop()
            stack[-1] = stack[-1] + b
        elif op == SUB:
            b = stack.pop()
            stack[-1] = stack[-1] - b
        elif op == MUL:
            b = stack.pop()
            stack[-1] = stack[-1] * b
        elif op == DIV:
            b = stack.pop()
            if b == 0:
                raise GuestError(f"division by zero at pc={pc} after {steps} steps")
            stack[-1] = stack[-1] // b
        elif op == DUP:
            stack.append(stack[-1])
        elif op == OVER:
            stack.append(stack[-2])
        elif op == SWAP:
            stack[-1], stack[-2] = stack[-2], stack[-1]
        elif op == DROP:
            stack.pop()
        elif op == DEC:
            stack[-1] -= 1
        elif op == JNZ:
            if stack[-1] != 0:
                pc = code[pc + 1]
                continue
            pc += 2
            continue
        elif op == PRINT:
            out.append(stack[-1])
        elif op == HALT:
            break
        else:
            raise GuestError(f"bad opcode {op} at pc={pc}")
        pc += 1
    return stack, steps, out


def power_program(base, exp):
    # acc = 1; n = exp; loop: acc *= base; n -= 1; jnz loop
    return [
        PUSH, 1,          # 0: acc
        PUSH, exp,        # 2: n
        SWAP,             # 4: n acc      <- loop start
        PUSH, base,       # 5
        MUL,              # 7: n acc*base
        SWAP,             # 8: acc n
        DEC,              # 9: acc n-1
        JNZ, 4,           # 10
        DROP,             # 12
        PRINT,            # 13
        HALT,             # 14
    ]


def countdown_sum(n):
    # total = 0; i = n; loop: total += i; i -= 1; jnz loop
    return [
        PUSH, 0,
        PUSH, n,
        DUP,              # 4: total i i
        PUSH, 0, SWAP, SUB,  # total i -i   (just to exercise SWAP/SUB)
        PUSH, 0, SWAP, SUB,  # total i i
        SWAP,             # total i i -> total i i (swap equal values)
        DROP,             # total i
        SWAP, OVER, ADD, SWAP,  # total+i i
        DEC,
        JNZ, 4,
        DROP, PRINT, HALT,
    ]


def main():
    print("2**10:", run(power_program(2, 10)))
    print("2**62:", run(power_program(2, 62))[0])
    print("2**64:", run(power_program(2, 64))[0])
    print("3**100:", run(power_program(3, 100))[0])
    print("(-2)**63:", run(power_program(-2, 63))[0])
    print("0.5**30:", run(power_program(0.5, 30))[0])
    print("sum 1..100:", run(countdown_sum(100)))
    print("sum 1..1:", run(countdown_sum(1)))
    print("sum big:", run(countdown_sum(2000))[0])
    div_prog = [PUSH, 10**20, PUSH, 7, DIV, PRINT, PUSH, -3, DIV, PRINT, PUSH, 0, DIV, HALT]
    try:
        run(div_prog)
    except GuestError as e:
        print("GuestError:", e)
    try:
        run([PUSH, 5, DEC, JNZ, 2, PUSH, 1, 99])
    except GuestError as e:
        print("GuestError:", e)
    try:
        run([PUSH, 1, ADD])
    except IndexError as e:
        print("IndexError:", e)
    # many short runs of the same dispatch loop
    total = 0
    for e in range(40):
        total += run(power_program(3, e + 1))[0][0]
    print("many runs:", total)


main()
