# Uncaught nested ExceptionGroup (from except* partial handling and TaskGroup-like collection): group traceback rendering on stderr, exit 1.


def check_user(user):
    problems = []
    if not user.get("name"):
        problems.append(ValueError(f"user {user['id']}: empty name"))
    if user.get("age", 0) < 0:
        problems.append(ValueError(f"user {user['id']}: negative age"))
    try:
        user["ratio"] = user["age"] / len(user["name"])
    except ZeroDivisionError as exc:
        exc.add_note(f"ratio of user {user['id']}")
        problems.append(exc)
    if "email" not in user:
        try:
            user["email"].lower()
        except KeyError as exc:
            exc.add_note(f"user {user['id']} has no email")
            problems.append(exc)
    if problems:
        raise ExceptionGroup(f"user {user['id']} invalid", problems)


def check_all(users):
    failures = []
    for user in users:
        try:
            check_user(user)
        except ExceptionGroup as eg:
            failures.append(eg)
        else:
            print("user", user["id"], "ok")
    if failures:
        raise ExceptionGroup("validation failed", failures)


USERS = [
    {"id": 1, "name": "ann", "age": 30, "email": "a@x"},
    {"id": 2, "name": "", "age": -1, "email": "b@x"},
    {"id": 3, "name": "cy", "age": 5},
    {"id": 4, "name": "di", "age": 41, "email": "d@x"},
]

try:
    check_all(USERS)
except* KeyError as eg:
    print("handled the KeyError part:", [str(e) for g in eg.exceptions for e in g.exceptions])
    # the ValueError part is re-raised automatically and stays uncaught
