"""What the bench scripts share: where things are, sizes from the environment, Django runs.

The seeding and in-process measuring run in child processes with their own DATABASE_URL, so
one `make bench` can go through several databases; a child prints its result as one JSON line
after a marker, and everything else it prints is passed through.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SQLITE_URL = os.environ.get("BENCH_SQLITE_URL", f"sqlite:///{ROOT / 'bench' / 'bench.sqlite3'}")
# An empty BENCH_POSTGRES_URL skips PostgreSQL.
POSTGRES_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/bench")
RESULT_MARKER = "BENCH-RESULT "
# BENCH_QUICK=1: the main pages on databases a full run has seeded, shorter runs, no report
# file and no book; for checking a change in a few minutes.
QUICK = os.environ.get("BENCH_QUICK", "") not in ("", "0")


def env_int(name, default):
    """A whole number from the environment, with a clear error when it is not one."""
    value = os.environ.get(name, str(default))
    try:
        return int(value)
    except ValueError:
        sys.exit(f"{name} must be a whole number, not {value!r}.")


# The scale dataset (each can be lowered for a quick run, e.g. BENCH_LESSONS=500).
SIZES = {
    "lessons": env_int("BENCH_LESSONS", 10_000),
    "events": env_int("BENCH_EVENTS", 500),
    "registrations": env_int("BENCH_REGISTRATIONS", 5_000),
    "comments": env_int("BENCH_COMMENTS", 20_000),
    "topics": env_int("BENCH_TOPICS", 1_000),
    # Public comments, replies included, on the lesson the bench measures.
    "lesson_comments": env_int("BENCH_LESSON_COMMENTS", 50),
}


def django_env(database_url, **extra):
    """The environment of a Django child process working on `database_url`."""
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "network.settings.dev",
        "PYTHONPATH": str(ROOT),
        **extra,
    }


def run_django_script(script, database_url, **extra):
    """Run bench/<script> on `database_url`; return the JSON result it printed last."""
    process = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, str(ROOT / "bench" / script)],
        cwd=ROOT,
        env=django_env(database_url, **extra),
        stdout=subprocess.PIPE,
        text=True,
        check=False,
    )
    result = None
    for line in process.stdout.splitlines():
        if line.startswith(RESULT_MARKER):
            result = json.loads(line[len(RESULT_MARKER) :])
        else:
            print(line, flush=True)
    if process.returncode != 0 or result is None:
        sys.exit(f"bench/{script} failed on {database_url} (exit code {process.returncode}).")
    return result


def print_result(result):
    """How a child process hands its result to the parent."""
    print(RESULT_MARKER + json.dumps(result), flush=True)
