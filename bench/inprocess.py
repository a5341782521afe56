"""Time pages in-process with Django's test client and count their queries on a warm request.

Run by bench/run.py in a child process with DATABASE_URL set and the page cache off, so the
figures are what rendering costs. Besides the timings it reports the URLs the HTTP load test
uses, so both measure the same pages.
"""

import statistics
import time

import django
import report
from common import QUICK, env_int, print_result
from seed import bench_event, bench_lesson

REPEAT = env_int("BENCH_REPEAT", 10 if QUICK else 40)
SEARCH_REPEAT = env_int("BENCH_SEARCH_REPEAT", 1 if QUICK else 3)
EXPORT_REPEAT = env_int("BENCH_EXPORT_REPEAT", 1 if QUICK else 3)
SEARCH_QUERIES = [
    "meubilair hergebruik",
    "verlichting huren",
    "refurbished laptops",
    "kerkbanken hergebruik",
    "werkkledij gerecycleerd",
    "marktconsultatie meubilair",
    "totale kost",
    "hergebruikinventaris sloop",
    "herbruikbare bekers",
    "restwarmte zwembad",
    "gegevenswissing laptops",
    "buurgemeenten samenwerken",
    "circulair bouwen",
    "demontage gebouw",
    "terugname meubilair",
    "catering voedselverlies",
    "tijdelijke leegstand",
    "product dienst",
    "bouwmaterialen garanties",
    "contractopvolging clausules",
]
SEARCH_PATH = "/nl/search/"
DEEP_PAGE = 50  # of the knowledge index (fewer when there are not that many pages)
LOAD_TEST_QUERY = "meubilair hergebruik"


def percentile(timings, share):
    """The value below which `share` of the sorted timings fall (nearest rank)."""
    ordered = sorted(timings)
    return ordered[max(int(round(len(ordered) * share)) - 1, 0)]


def summary(timings, queries="-"):
    return {
        "median_ms": statistics.median(timings),
        "p95_ms": percentile(timings, 0.95),
        "queries": queries,
    }


def timed_get(client, url, data=None):
    start = time.perf_counter()
    response = client.get(url, data)
    if response.streaming:
        b"".join(response.streaming_content)
    elapsed = (time.perf_counter() - start) * 1000
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code} instead of 200.")
    return elapsed


def warm_query_count(client, url):
    """Queries of a warm request (after one request has filled the caches)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timed_get(client, url)
    with CaptureQueriesContext(connection) as captured:
        timed_get(client, url)
    return len(captured)


def public_pages():
    """The anonymous pages to time, by name, in the order of the report."""
    from django.db.models import Q

    from agenda.models import EventIndexPage
    from knowledge.listing import PAGE_SIZE
    from knowledge.models import KnowledgeIndexPage, KnowledgePage, Theme
    from network.models import DiscussionIndexPage

    nl = Q(locale__language_code="nl")
    index = KnowledgeIndexPage.objects.get(nl).url
    theme = Theme.objects.filter(nl).order_by("pk").first()
    lesson = bench_lesson()
    listed = KnowledgePage.objects.live().filter(nl).count()
    deep_page = max(min(DEEP_PAGE, -(-listed // PAGE_SIZE)), 1)
    return {
        "home page": "/nl/",
        "knowledge index": index,
        "knowledge index, filtered": f"{index}?theme={theme.slug}&type=lesson&sort=title",
        f"knowledge index, page {deep_page}": f"{index}?page={deep_page}",
        "theme page": f"{index}themes/{theme.slug}/",
        "clause library": f"{index}clauses/",
        "lesson page": lesson.url,
        "agenda": EventIndexPage.objects.get(nl).url,
        "event page": bench_event().url,
        "discussions page": DiscussionIndexPage.objects.get(nl).url,
    }


def time_search(client):
    """Median and p95 over 20 realistic two-word searches, each repeated."""
    timings = []
    for query in SEARCH_QUERIES:
        timed_get(client, SEARCH_PATH, {"q": query})
        timings += [timed_get(client, SEARCH_PATH, {"q": query}) for _ in range(SEARCH_REPEAT)]
    return summary(timings)


def time_pages(client, pages):
    results = {}
    for name, url in pages.items():
        queries = warm_query_count(client, url)
        results[name] = summary([timed_get(client, url) for _ in range(REPEAT)], queries)
    return results


def time_admin():
    """The registration list and exports of the bench event, as a superuser."""
    from django.contrib.auth.models import User
    from django.test import Client

    event = bench_event().canonical_event()
    count = f"{event.registrations.count():,}"
    admin, _ = User.objects.get_or_create(
        username="bench-admin", defaults={"is_superuser": True, "is_staff": True}
    )
    client = Client(HTTP_HOST="localhost")
    client.force_login(admin)
    base = f"/admin/registrations/{event.pk}/"
    results = {}
    for name, url, repeat in (
        (f"admin: registrations ({count})", base, REPEAT // 4),
        (f"admin: CSV export ({count})", f"{base}export.csv", EXPORT_REPEAT),
        (f"admin: XLSX export ({count})", f"{base}export.xlsx", EXPORT_REPEAT),
    ):
        timed_get(client, url)
        results[name] = summary([timed_get(client, url) for _ in range(max(repeat, 1))])
    return results


def main():
    django.setup()
    from django.test import Client

    client = Client(HTTP_HOST="localhost")
    pages = public_pages()
    results = time_pages(client, pages)
    results["search, 20 queries"] = time_search(client)
    results.update(time_admin())
    load_test_urls = {
        name: pages[name] for name in ("home page", "knowledge index", "lesson page", "event page")
    }
    load_test_urls[report.SEARCH] = f"{SEARCH_PATH}?q={LOAD_TEST_QUERY.replace(' ', '+')}"
    load_test_urls["discussions page"] = pages["discussions page"]
    print_result({"results": results, "load_test_urls": load_test_urls})


if __name__ == "__main__":
    main()
