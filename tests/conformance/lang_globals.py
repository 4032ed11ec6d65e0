# Exercises module-level globals: `global` in functions (STORE_GLOBAL, DELETE_GLOBAL), LOAD_NAME/DELETE_NAME at module level and in class bodies, a global rebound mid-loop.

counter = 0
config = {"mode": "fast"}


def bump(n=1):
    global counter
    counter += n
    return counter


def set_new_global(name, value):
    global created_later
    created_later = (name, value)


def remove_global():
    global created_later
    del created_later


for i in range(1000):
    bump(i % 3)
print("counter", counter)
set_new_global("x", 1)
print("created_later", created_later)
remove_global()
try:
    print(created_later)
except NameError as exc:
    print("NameError:", exc)
try:
    remove_global()
except NameError as exc:
    print("NameError on second delete:", exc)

# Module-level del (DELETE_NAME) and re-creation
temp = [1, 2, 3]
alias = temp
del temp
try:
    temp
except NameError as exc:
    print("NameError:", exc)
print("alias still alive", alias)
temp = "recreated"
print(temp)
a = b = c = 5
del a, b
print("c =", c, "a" in globals(), "b" in globals(), "c" in globals())


# Global function rebound mid-loop: the hot loop must see the new binding
def transform(x):
    return x + 1


results = []
for i in range(3000):
    if i == 1000:
        def transform(x):
            return x * 2
    elif i == 2000:
        transform = lambda x: -x  # noqa: E731
    results.append(transform(i))
print(results[998:1003], results[1998:2003], results[-2:], sum(results))


def use_global_inside():
    total = 0
    for i in range(3000):
        if i == 1500:
            global scale
            scale = 10
        total += i * scale
    return total


scale = 1
print("use_global_inside", use_global_inside(), "scale now", scale)


# Builtins shadowed by a global, then the global deleted to reveal the builtin again
def call_len(x):
    return len(x)


print(call_len("abc"))
len = lambda x: 42  # noqa: E731
print(call_len("abc"))
del len
print(call_len("abc"))


# Class bodies: LOAD_NAME falls back to globals, DELETE_NAME in class body
greeting = "global hello"


class Body:
    greeting_copy = greeting
    greeting = "class hello"
    shadow = greeting
    tmp = 1
    del tmp
    counter_snapshot = counter


print(Body.greeting_copy, Body.shadow, Body.greeting, hasattr(Body, "tmp"), Body.counter_snapshot)

# exec/eval with explicit global namespaces
ns = {"base": 10}
exec("def f(x):\n    global base\n    base += x\n    return base\nr = [f(i) for i in range(5)]", ns)
print(ns["r"], ns["base"], eval("base * 2", ns), eval("counter + 1"))
exec("del base", ns)
print("base" in ns)

# globals() mutation is visible to later code
globals()["injected"] = "via globals()"
print(injected)


def read_injected():
    return injected


globals()["injected"] = 12345
print(read_injected())


def modify_config():
    config["mode"] = "slow"   # no `global` needed for mutation
    return config


print(modify_config(), config)


def conditional_global(flag):
    if flag:
        global maybe
        maybe = "set"
    return "maybe" in globals()


print(conditional_global(False), conditional_global(True), maybe)
print(sorted(k for k in globals() if not k.startswith("__"))[:12])
