"""For tests that start other processes of the site: manage.py commands and app servers."""

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

from django.db import connection

ROOT = Path(__file__).resolve().parents[1]
# Set by the browser tests for their own process; another process must not inherit it.
NEVER_INHERITED = ("DJANGO_ALLOW_ASYNC_UNSAFE",)


def run_manage(*args, env_overrides=None, drop=()):
    """Run `manage.py *args` in a process of its own, with this environment plus overrides."""
    env = {k: v for k, v in os.environ.items() if k not in (*drop, *NEVER_INHERITED)}
    env.update(env_overrides or {})
    return subprocess.run(  # noqa: S603 - fixed arguments, our own manage.py
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def database_url():
    """The URL of the test database this process uses, for another process to open."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    credentials = quote(db["USER"] or "")
    if db["PASSWORD"]:
        credentials += ":" + quote(db["PASSWORD"])
    return f"postgres://{credentials}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}"
