"""Benchmark of the inspiration book PDF (`make bench`): generation time and serving time.

In a scratch database (BOOK_BENCH_DATABASE_URL, default sqlite:////tmp/bookbench.sqlite3;
media in /tmp/bookbench-media) this script migrates, loads the demo content, seeds lessons
until there are at least 60 Dutch knowledge pages, then builds a 20-chapter book of 60 page
items. It times one PDF generation (what a publish costs) and the median time to serve the
stored PDF through the page's URL with Django's test client. Nothing is asserted: the
figures are for people to read.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS = 20
ITEMS_PER_CHAPTER = 3
REPEAT = int(os.environ.get("BENCH_REPEAT", "30"))

os.environ["DATABASE_URL"] = os.environ.get(
    "BOOK_BENCH_DATABASE_URL", "sqlite:////tmp/bookbench.sqlite3"
)
os.environ.setdefault("MEDIA_ROOT", str(Path(tempfile.gettempdir()) / "bookbench-media"))
os.environ["DJANGO_SETTINGS_MODULE"] = "network.settings.dev"
os.environ["ALLOWED_HOSTS"] = "localhost"
# Publishing the bench book must not render it behind our back: the timing below does that.
os.environ["TASKS_BACKEND"] = "django_tasks.backends.dummy.DummyBackend"
sys.path.insert(0, str(ROOT))


def prepare():
    from django.core.management import call_command

    from knowledge.models import KnowledgePage

    call_command("migrate", "--noinput", verbosity=0)
    call_command("load_demo", verbosity=0)
    live = KnowledgePage.objects.live().filter(locale__language_code="nl").count()
    needed = CHAPTERS * ITEMS_PER_CHAPTER
    if live < needed:
        call_command("seed_scale", lessons=str(needed), verbosity=0)


def build_book():
    from home.models import HomePage
    from knowledge.models import InspirationBookPage, KnowledgePage

    home = HomePage.objects.get(locale__language_code="nl")
    for old in InspirationBookPage.objects.filter(slug="bench-book"):
        old.delete()
    pages = list(
        KnowledgePage.objects.live()
        .filter(locale__language_code="nl")
        .order_by("pk")[: CHAPTERS * ITEMS_PER_CHAPTER]
    )
    chapters = [
        (
            "chapter",
            {
                "title": f"Hoofdstuk {n + 1}",
                "introduction": "<p>Een korte inleiding op dit hoofdstuk.</p>",
                "pages": pages[n * ITEMS_PER_CHAPTER : (n + 1) * ITEMS_PER_CHAPTER],
                "clauses": [],
            },
        )
        for n in range(CHAPTERS)
    ]
    book = InspirationBookPage(
        title="Benchmarkboek", slug="bench-book", subtitle="20 hoofdstukken", chapters=chapters
    )
    home.add_child(instance=book)
    book.save_revision().publish()
    book.refresh_from_db()
    return book, len(pages)


def main():
    import django

    django.setup()
    from django.test import Client
    from pypdf import PdfReader

    from knowledge import book_pdf

    print("== inspiration book: preparing the scratch database")
    prepare()
    book, items = build_book()

    start = time.perf_counter()
    pdf = book_pdf.generate(book)
    generation = time.perf_counter() - start
    if pdf.error:
        sys.exit(f"PDF generation failed: {pdf.error}")
    with pdf.file.open("rb") as handle:
        page_count = len(PdfReader(handle).pages)

    client = Client(HTTP_HOST="localhost")
    url = f"{book.url}pdf/"
    timings = []
    for _ in range(REPEAT + 1):
        begin = time.perf_counter()
        response = client.get(url)
        if response.status_code != 200:
            sys.exit(f"{url} answered {response.status_code}")
        size = len(b"".join(response.streaming_content))
        timings.append((time.perf_counter() - begin) * 1000)
    timings = sorted(timings[1:])  # the first request warms the caches
    print(
        f"   book: {CHAPTERS} chapters, {items} page items, {page_count} PDF pages, {size:,} bytes"
    )
    print(f"   PDF generation: {generation:.1f} s")
    print(
        f"   serving the stored PDF: median {statistics.median(timings):.1f} ms, "
        f"max {timings[-1]:.1f} ms over {REPEAT} requests"
    )


if __name__ == "__main__":
    main()
