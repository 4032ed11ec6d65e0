# Exercises an uncaught custom exception raised while handling another (implicit chaining in the traceback), exit status 1.


class ConfigError(Exception):
    pass


def load(settings, key):
    try:
        return int(settings[key])
    except KeyError:
        raise ConfigError("missing setting %r" % key)


settings = {"width": "80", "height": "24", "depth": "x"}
for key in ("width", "height"):
    print(key, load(settings, key))
try:
    load(settings, "depth")
except ValueError as exc:
    print("depth is not an int:", exc)
total = sum(load(settings, k) for k in ("width", "height"))
print("area", total)
print("colors", load(settings, "colors"))
