"""Benchmarks (`make bench`): seed a scale dataset in separate databases and time the pages.

For SQLite (bench/bench.sqlite3) and PostgreSQL (database `bench` on the server named by
BENCH_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/bench, skipped when the
server does not answer) this script migrates, loads the demo content, seeds 10,000 lessons,
adds 5,000 registrations to an event, then times pages in-process with Django's test client
(warm caches, no page cache): the knowledge pages, an event page, 20 realistic searches and the
registration admin list and exports. It prints median and p95 per page.
Results are written to bench/results.md.
Nothing here is asserted: the figures are for people to read.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LESSONS = int(os.environ.get("BENCH_LESSONS", "10000"))
REPEAT = int(os.environ.get("BENCH_REPEAT", "40"))
REGISTRATIONS = int(os.environ.get("BENCH_REGISTRATIONS", "5000"))
SQLITE_URL = f"sqlite:///{ROOT / 'bench' / 'bench.sqlite3'}"
POSTGRES_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/bench")


def manage(database_url, *args):
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "network.settings.dev",
    }
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)  # noqa: S603


def ensure_postgres_database(url):
    import psycopg

    server_url, name = url.rsplit("/", 1)
    try:
        with psycopg.connect(f"{server_url}/postgres", autocommit=True, connect_timeout=3) as conn:
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
            if not exists:
                conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as error:
        print(f"PostgreSQL not reachable ({error}); skipping it.")
        return False
    return True


def seed(database_url):
    manage(database_url, "migrate", "--noinput", "-v0")
    manage(database_url, "load_demo", "-v0")
    code = (
        "from knowledge.models import LessonPage;"
        f"import sys; sys.exit(0 if LessonPage.objects.count() >= {LESSONS} else 1)"
    )
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "network.settings.dev",
    }
    enough = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "shell", "-c", code], cwd=ROOT, env=env, check=False
    )
    if enough.returncode != 0:
        manage(database_url, "seed_scale", "--lessons", str(LESSONS))
        # Seeded rows skip the signals that index pages; search needs them indexed.
        manage(database_url, "update_index")


MEASURE = r"""
import json, statistics, sys, time
import django
django.setup()
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.db import connection
from knowledge.models import KnowledgeIndexPage, LessonPage, Theme
from agenda.models import EventPage, Registration
from django.contrib.auth.models import User
from django.utils import timezone

index = KnowledgeIndexPage.objects.get(locale__language_code="nl")
theme = Theme.objects.filter(locale__language_code="nl").first()
lesson = LessonPage.objects.live().filter(locale__language_code="nl").order_by("-pk").first()
base = index.url
pages = {
    "knowledge index": base,
    "knowledge index, filtered": f"{base}?theme={theme.slug}&type=lesson&sort=title",
    "knowledge index, page 50": f"{base}?page=50",
    "theme page": f"{base}themes/{theme.slug}/",
    "lesson page": lesson.url,
    "clause library": f"{base}clauses/",
}
event = EventPage.objects.live().filter(locale__language_code="nl").order_by("-start").first()
pages["event page"] = event.url
existing = Registration.objects.filter(event=event).count()
if existing < REGISTRATIONS:
    now = timezone.now()
    Registration.objects.bulk_create(
        [
            Registration(
                event=event, status="cancelled" if i % 10 == 0 else "waitlisted",
                name=f"Deelnemer {i}", email=f"bench-{existing + i}@example.org",
                organisation_name="Gemeente", role="Aankoper", green_deal="yes",
                language="nl", consent_at=now,
            )
            for i in range(REGISTRATIONS - existing)
        ],
        batch_size=1000,
    )
admin, _ = User.objects.get_or_create(
    username="bench-admin", defaults={"is_superuser": True, "is_staff": True}
)
admin_client = Client(HTTP_HOST="localhost")
admin_client.force_login(admin)
admin_pages = {
    f"admin: registrations ({REGISTRATIONS:,})": f"/admin/registrations/{event.pk}/",
    f"admin: CSV export ({REGISTRATIONS:,})": f"/admin/registrations/{event.pk}/export.csv",
    f"admin: XLSX export ({REGISTRATIONS:,})": f"/admin/registrations/{event.pk}/export.xlsx",
}
search_queries = [
    "meubilair hergebruik", "licht als dienst", "refurbished laptops", "kerkbanken",
    "werkkledij gerecycleerde vezels", "marktconsultatie", "totale kost levensduur",
    "hergebruikinventaris sloop", "herbruikbare bekers", "restwarmte zwembad",
    "gegevenswissing", "buurgemeenten samen aankopen", "circulair bouwen", "demontage",
    "terugname meubilair", "catering voedselverlies", "tijdelijke invulling leegstand",
    "product als dienst", "bouwmaterialen garanties", "contractopvolging clausules",
]
client = Client(HTTP_HOST="localhost")
results = {}
search_timings = []
for query in search_queries:
    client.get("/nl/search/", {"q": query})
    for _ in range(max(3, REPEAT // 8)):
        start = time.perf_counter()
        response = client.get("/nl/search/", {"q": query})
        search_timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
search_timings.sort()
results["search, 20 queries"] = {
    "median_ms": statistics.median(search_timings),
    "p95_ms": search_timings[int(len(search_timings) * 0.95) - 1],
    "queries": "-",
}
for name, url in admin_pages.items():
    response = admin_client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    timings = []
    for _ in range(5):
        start = time.perf_counter()
        response = admin_client.get(url)
        b"".join(response.streaming_content) if response.streaming else response.content
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    results[name] = {"median_ms": statistics.median(timings), "p95_ms": timings[-1], "queries": "-"}
for name, url in pages.items():
    assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    timings = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    timings.sort()
    results[name] = {
        "median_ms": statistics.median(timings),
        "p95_ms": timings[int(len(timings) * 0.95) - 1],
        "queries": len(captured),
    }
print("RESULTS" + json.dumps(results))
"""


def measure(database_url):
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "network.settings.dev",
        "DEBUG": "0",
        "ALLOWED_HOSTS": "localhost",
        # Persistent connections, as in production; closing the connection between requests
        # would also reset the query log that the query counts are read from.
        "DB_CONN_MAX_AGE": "600",
    }
    code = MEASURE.replace("REPEAT", str(REPEAT)).replace("REGISTRATIONS", str(REGISTRATIONS))
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        sys.exit(f"Measuring failed:\n{result.stderr[-3000:]}")
    out = result.stdout
    import json

    return json.loads(out.split("RESULTS", 1)[1])


def main():
    databases = {"SQLite": SQLITE_URL}
    if ensure_postgres_database(POSTGRES_URL):
        databases["PostgreSQL"] = POSTGRES_URL
    lines = [
        f"# Benchmark results ({LESSONS:,} lessons, {REPEAT} requests per page)",
        "",
        f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} with Django's test client,"
        " in-process, warm navigation caches, no page cache.",
        "",
        "| database | page | median ms | p95 ms | queries |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    for label, url in databases.items():
        print(f"== {label}: seeding")
        start = time.perf_counter()
        seed(url)
        print(f"   seeded in {time.perf_counter() - start:.1f} s")
        for name, figures in measure(url).items():
            lines.append(
                f"| {label} | {name} | {figures['median_ms']:.1f} | {figures['p95_ms']:.1f} "
                f"| {figures['queries']} |"
            )
    report = "\n".join(lines) + "\n"
    print(report)
    (ROOT / "bench" / "results.md").write_text(report)


if __name__ == "__main__":
    main()
