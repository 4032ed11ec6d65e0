# Exceptions in threads: default threading.excepthook output on stderr (one failing thread), custom hook, SystemExit in thread, exc via futures.
import concurrent.futures
import sys
import threading


def parse_config(text):
    key, value = text.split("=")
    return key, int(value)


def loader(lines, out):
    for line in lines:
        out.append(parse_config(line))


def main():
    print("-- default excepthook (traceback goes to stderr)")
    out = []
    t = threading.Thread(target=loader, args=(["a=1", "b=2", "c=three", "d=4"], out), name="config-loader")
    t.start()
    t.join()
    sys.stderr.flush()
    print("  thread finished; parsed before failure:", out, "| alive:", t.is_alive())

    print("-- custom threading.excepthook")
    captured = []

    def hook(args):
        names = []
        tb = args.exc_traceback
        while tb is not None:
            names.append(f"{tb.tb_frame.f_code.co_name}")
            tb = tb.tb_next
        captured.append((args.exc_type.__name__, str(args.exc_value), args.thread.name, names))

    old = threading.excepthook
    threading.excepthook = hook
    try:
        threads = [threading.Thread(target=loader, args=([f"k{i}=v{i}"], []), name=f"bad-{i}") for i in range(3)]
        for th in threads:
            th.start()
            th.join()  # one at a time: hook calls happen in this order
        exit_thread = threading.Thread(target=sys.exit, args=(5,), name="exiter")
        exit_thread.start()
        exit_thread.join()
    finally:
        threading.excepthook = old
    for entry in captured:
        print("  hook saw:", entry)
    print("  SystemExit in a thread is silent; main continues")

    print("-- exception surfaced through a future instead")
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as ex:
        fut = ex.submit(parse_config, "x=y")
        try:
            fut.result()
        except ValueError as e:
            print("  future re-raised:", e)

    print("-- exception object carried back by hand")
    box = {}

    def guarded():
        try:
            parse_config("no-equals-sign")
        except Exception as e:
            box["error"] = e

    g = threading.Thread(target=guarded)
    g.start()
    g.join()
    e = box["error"]
    print("  carried:", type(e).__name__, e, "| has traceback:", e.__traceback__ is not None)
    print("main exits normally")


main()
