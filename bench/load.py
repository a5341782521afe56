"""HTTP load test: the site under gunicorn as in production, measured with wrk.

gunicorn runs `network.wsgi` with the production settings (DEBUG off, WhiteNoise serving the
collected static files, Redis as the cache when it answers) and 2 sync workers on a free
port of 127.0.0.1. Requests carry `X-Forwarded-Proto: https`, as the reverse proxy sends
it. Each URL is warmed up, its `X-Cache` header read on a warm request, then loaded with
`wrk -t2 -c4 --latency`; a small Lua script prints the figures wrk measured.
"""

import contextlib
import dataclasses
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from common import QUICK, ROOT, django_env, env_int

SECONDS = env_int("BENCH_SECONDS", 3 if QUICK else 10)
WARMUP_SECONDS = env_int("BENCH_WARMUP_SECONDS", 1 if QUICK else 2)
WORKERS = 2
WRK_THREADS, WRK_CONNECTIONS = 2, 4
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}
WRK_SCRIPT = ROOT / "bench" / "wrk_report.lua"
WRK_MARKER = "WRK-REPORT "
STATIC_FILE = "css/site.css"
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/12")


def redis_cache(label):
    """Cache settings for a run: an emptied Redis key prefix, or {} (local memory) without Redis.

    Production shares one Redis between its workers; so does the bench, under its own prefix,
    emptied first so every run starts with a cold cache.
    """
    import redis

    prefix = f"bench-{label.lower()}"
    try:
        client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
        for key in client.scan_iter(f"{prefix}:*"):
            client.delete(key)
    except redis.RedisError as error:
        print(f"   Redis not reachable ({error}); each worker keeps its own cache.")
        return {}
    return {"REDIS_URL": REDIS_URL, "CACHE_KEY_PREFIX": prefix}


def production_env(database_url, static_root, page_cache, cache, search_cache=True):
    """Environment of gunicorn: production settings, a throwaway key, the bench database.

    `search_cache` False turns the search results cache off, so that every search is computed.
    """
    return django_env(
        database_url,
        DJANGO_SETTINGS_MODULE="network.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        BASE_URL="http://127.0.0.1",
        STATIC_ROOT=str(static_root),
        DB_CONN_MAX_AGE="60",
        PAGE_CACHE="1" if page_cache else "0",
        SEARCH_RESULTS_CACHE="1" if search_cache else "0",
        LOG_LEVEL="ERROR",
        **cache,
    )


def collect_static(static_root):
    """collectstatic into `static_root`; the URL of the stylesheet as the manifest names it."""
    env = production_env("sqlite://:memory:", static_root, page_cache=False, cache={})
    subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    manifest = json.loads((Path(static_root) / "staticfiles.json").read_text())
    return f"/static/{manifest['paths'][STATIC_FILE]}"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url):
    """Status and headers of one GET, as the proxy would send it."""
    request = urllib.request.Request(url, headers=PROXY_HEADERS)  # noqa: S310 - http://127.0.0.1
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
            response.read()
            return response.status, response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.headers


def wait_until_healthy(base_url, server, log_path, health_path, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            break
        with contextlib.suppress(OSError):
            if get(f"{base_url}{health_path}")[0] == 200:
                return
        time.sleep(0.5)
    log = Path(log_path).read_text()[-3000:]
    raise SystemExit(f"gunicorn did not answer {health_path} with 200:\n{log}")


def worker_memory_mb(master_pid):
    """The resident memory (RSS) of each of gunicorn's workers, in MB, read from /proc."""
    try:
        children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    except OSError:
        return []
    sizes = []
    for pid in children:
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    sizes.append(int(line.split()[1]) / 1024)
    return sorted(sizes)


@dataclasses.dataclass
class Server:
    base_url: str
    pid: int


@contextlib.contextmanager
def gunicorn(env, app="network.wsgi", health_path="/healthz", pythonpath=None):
    """A running gunicorn (2 sync workers on a free port) serving `app`; yields a `Server`."""
    port = free_port()
    with tempfile.NamedTemporaryFile("w+", prefix="bench-gunicorn-", suffix=".log") as log:
        server = subprocess.Popen(  # noqa: S603 - our own interpreter and gunicorn
            [
                sys.executable,
                "-m",
                "gunicorn",
                app,
                f"--workers={WORKERS}",
                "--worker-class=sync",
                f"--bind=127.0.0.1:{port}",
                "--timeout=120",
                *([f"--pythonpath={pythonpath}"] if pythonpath else []),
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        base_url = f"http://127.0.0.1:{port}"
        try:
            wait_until_healthy(base_url, server, log.name, health_path)
            yield Server(base_url, server.pid)
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def wrk(url, seconds):
    """Run wrk on `url` for `seconds`; the figures its Lua script printed."""
    command = [
        shutil.which("wrk") or "wrk",
        f"-t{WRK_THREADS}",
        f"-c{WRK_CONNECTIONS}",
        f"-d{seconds}s",
        "--latency",
        "--timeout=30s",
        *[f"-H{name}: {value}" for name, value in PROXY_HEADERS.items()],
        f"-s{WRK_SCRIPT}",
        url,
    ]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603
    for line in output.splitlines():
        if line.startswith(WRK_MARKER):
            return json.loads(line[len(WRK_MARKER) :])
    raise SystemExit(f"wrk printed no report for {url}:\n{output}")


def measure_url(base_url, path):
    """Warm `path` up, read its X-Cache on a warm request, then load it with wrk."""
    url = base_url + path
    status, _ = get(url)
    if status != 200:
        raise SystemExit(f"{path} answered {status} instead of 200 under gunicorn.")
    if WARMUP_SECONDS:
        wrk(url, WARMUP_SECONDS)
    _, headers = get(url)
    figures = wrk(url, SECONDS)
    # The 1-minute load average as the run ends: mostly the run itself (wrk and the workers
    # keep about 2 cores busy); much more means other work shared the CPUs.
    figures["load"] = os.getloadavg()[0]
    figures["x_cache"] = headers.get("X-Cache", "-")
    figures["failed"] = sum(figures["errors"].values())
    return figures


def load_test(env, urls):
    """wrk figures per page name under one gunicorn, and each worker's memory after the runs.

    `urls` maps names to paths.
    """
    with gunicorn(env) as server:
        figures = {name: measure_url(server.base_url, path) for name, path in urls.items()}
        return figures, worker_memory_mb(server.pid)


def load_tiny_app(env):
    """wrk figures of the tiny WSGI app (bench/tiny_wsgi.py) under the same gunicorn settings."""
    with gunicorn(
        env, app="tiny_wsgi:application", health_path="/", pythonpath=str(ROOT / "bench")
    ) as server:
        return measure_url(server.base_url, "/")


def wrk_version():
    result = subprocess.run(  # noqa: S603
        [shutil.which("wrk") or "wrk", "-v"], capture_output=True, text=True, check=False
    )
    return (result.stdout or result.stderr).split("[")[0].strip()
