# Uncaught chained exception: explicit cause ("direct cause") and implicit context ("During handling") in one traceback, exit 1.
import json


class ConfigError(Exception):
    pass


def read_port(settings):
    try:
        return int(settings["port"])
    except KeyError as exc:
        raise ConfigError("port setting is missing") from exc


def load(text):
    settings = json.loads(text)
    try:
        port = read_port(settings)
    except ConfigError:
        fallback = settings.get("fallback_port")
        port = fallback + 1  # fallback is None -> TypeError during handling
    return port


print("good config ->", load('{"port": "8080"}'))
print("fallback config ->", load('{"fallback_port": 9000}'))
print("broken config ->", load('{"host": "localhost"}'))
