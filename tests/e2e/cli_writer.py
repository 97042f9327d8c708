"""One CLI writer of the multi-process stress test (tests/e2e/test_concurrent_writers.py,
benchmarks/bench_concurrency.py): runs `journal-app` commands one after another, each
opening and closing the journal as a separate `journal-app` call does, and reports what
each call acknowledged.

    python tests/e2e/cli_writer.py DATA_DIR NAME COUNT

Prints ``ack ID TITLE`` for every entry `new` printed an id for, ``logged`` for every
session saved, ``ran COMMAND`` for the others, ``error CODE COMMAND: STDERR`` for any
non-zero exit (a note on stderr with exit 0, such as an overlap, is no error), and
``done`` at the end.
"""

from __future__ import annotations

import contextlib
import io
import sys

from journal_app.cli import main as journal_app


def run(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    sys.stdin = io.StringIO(stdin)
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = journal_app(list(argv))
        except SystemExit as exc:
            code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


def main() -> int:
    data_dir, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    base = ["--data-dir", data_dir]

    def report(code: int, command: str, err: str) -> bool:
        if code != 0:
            print(f"error {code} {command}: {' '.join(err.split())}", flush=True)
            return False
        return True

    for n in range(count):
        title = f"{name} entry {n}"
        code, out, err = run("new", *base, "--title", title, stdin=f"Written by {name}, #{n}.\n")
        if report(code, "new", err):
            print(f"ack {out.strip()} {title}", flush=True)
        if n % 10 == 5:
            # several writers log at once, so sessions overlap on purpose
            args = ("session", "--minutes", "25", "--allow-overlap", "--note", title)
            code, _, err = run("log", *base, *args)
            if report(code, "log", err):
                print("logged", flush=True)
        if n % 25 == 12:
            for command in ("info", "backup", "check"):
                code, _, err = run(command, *base)
                if report(code, command, err):
                    print(f"ran {command}", flush=True)
    print("done", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
