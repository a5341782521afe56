"""Benchmarks (`make bench`): a scale dataset in separate databases, served and measured.

For SQLite (bench/bench.sqlite3) and PostgreSQL (database `bench` on the server named by
BENCH_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/bench, skipped when the server
does not answer) this script
1. seeds the scale dataset, keeping what is there (bench/seed.py): 10,000 lessons, 500 events,
   5,000 registrations, 1,000 topics, 20,000 comments;
2. times pages in-process with Django's test client and counts their queries (bench/inprocess.py);
3. serves the site with gunicorn as in production, once with the page cache off and once with
   it on, and loads a static file (before and after) and six pages with wrk (bench/load.py);
   then once more with the search results cache off too, for search alone, so that every
   search is computed.
It prints one table and writes it to bench/results.md (bench/report.py). Nothing is asserted:
the figures are for people to read, next to their targets.

Each gunicorn run also loads a tiny WSGI app (bench/tiny_wsgi.py) under the same gunicorn
settings, the second ceiling, notes the load average as each wrk run ends, and reads the
memory (RSS) of each gunicorn worker after its pages.

Environment: BENCH_QUICK=1 (no seeding: the databases of an earlier full run; shorter runs;
bench/results.md is left as it is; about 5 minutes), BENCH_SECONDS (wrk duration per page,
default 10, quick 3), BENCH_WARMUP_SECONDS (2, quick 1), BENCH_REPEAT (in-process requests per
page, 40, quick 10), BENCH_LESSONS, BENCH_EVENTS, BENCH_REGISTRATIONS, BENCH_TOPICS,
BENCH_COMMENTS, BENCH_LESSON_COMMENTS (dataset sizes), BENCH_REDIS_URL.
"""

import os
import tempfile
import time

import inprocess
import load
import report
from common import POSTGRES_URL, QUICK, ROOT, SIZES, SQLITE_URL, run_django_script

RESULTS = ROOT / "bench" / "results.md"


def postgres_version(url):
    """The server's version once the bench database exists, or None when it does not answer."""
    import psycopg

    server_url, name = url.rsplit("/", 1)
    try:
        with psycopg.connect(f"{server_url}/postgres", autocommit=True, connect_timeout=3) as conn:
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
            if not exists:
                conn.execute(f'CREATE DATABASE "{name}"')
            return conn.execute("SHOW server_version").fetchone()[0]
    except psycopg.OperationalError as error:
        print(f"PostgreSQL not reachable ({error}); skipping it.")
        return None


def step(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def bench_database(label, url, static_root, static_url):
    """Seed one database, time it in-process, then load it under gunicorn twice."""
    step(f"{label}: {'checking the dataset' if QUICK else 'seeding (what exists is kept)'}")
    sizes = run_django_script("seed.py", url)
    step(f"{label}: {', '.join(f'{count:,} {name}' for name, count in sizes.items())}")
    step(f"{label}: timing pages in-process")
    # Persistent connections, as in production; closing the connection after each request
    # would also empty the query log that the query counts are read from.
    measured = run_django_script(
        "inprocess.py",
        url,
        DEBUG="0",
        DB_CONN_MAX_AGE="600",
        PAGE_CACHE="0",
        SEARCH_RESULTS_CACHE="0",  # every timed search is computed
    )
    first, last = report.STATIC_FILES
    pages = measured["load_test_urls"]
    urls = {first: static_url, **pages, last: static_url}
    search_urls = {first: static_url, report.SEARCH: pages[report.SEARCH], last: static_url}
    http, cache = {}, {}
    for run, title in report.HTTP_RUNS.items():
        step(f"{label}: gunicorn, {title}")
        cache = load.redis_cache(label)
        env = load.production_env(
            url,
            static_root,
            page_cache=run == report.CACHED,
            search_cache=run != report.COMPUTED,
            cache=cache,
        )
        tiny = load.load_tiny_app(env)
        pages, memory = load.load_test(env, search_urls if run == report.COMPUTED else urls)
        http[run] = {"tiny": tiny, "pages": pages, "memory_mb": memory}
    return {"sizes": sizes, "in_process": measured["results"], "http": http, "redis": bool(cache)}


def main():
    load_before = os.getloadavg()
    databases = {"SQLite": SQLITE_URL}
    version = postgres_version(POSTGRES_URL) if POSTGRES_URL else None
    if version:
        databases["PostgreSQL"] = POSTGRES_URL
    runs = {}
    with tempfile.TemporaryDirectory(prefix="bench-static-") as static_root:
        step("collectstatic")
        static_url = load.collect_static(static_root)
        for label, url in databases.items():
            runs[label] = bench_database(label, url, static_root, static_url)
    context = {
        "load_before": load_before,
        "load_after": os.getloadavg(),
        "postgres_version": version,
        "wrk_version": load.wrk_version(),
        "wanted": SIZES,
        "workers": load.WORKERS,
        "cache": "Redis" if all(run["redis"] for run in runs.values()) else "each worker's memory",
        "seconds": load.SECONDS,
        "warmup": load.WARMUP_SECONDS,
        "repeat": inprocess.REPEAT,
    }
    text = report.build(runs, context)
    print(text)
    if QUICK:
        print(f"A quick run: {RESULTS.relative_to(ROOT)} keeps the last full run.")
    else:
        RESULTS.write_text(text)
        print(f"Written to {RESULTS.relative_to(ROOT)}.")


if __name__ == "__main__":
    main()
