"""Relevance over the demo content, on each backend, with the judged queries."""

from django.core.management import call_command
from wagtail.models import Locale

from home.search import search_site
from tests.search.judged_queries import JUDGED_QUERIES


def test_judged_queries_find_the_right_page_first(db, search_backend):
    call_command("load_demo", verbosity=0)
    search_backend.rebuild()
    nl = Locale.objects.get(language_code="nl")
    failures = []
    for query, rank, expected in JUDGED_QUERIES:
        titles = [hit.page.title for hit in search_site(query, nl, record=False).hits]
        wanted = titles[:1] if rank == "top1" else titles[:3]
        if expected not in wanted:
            failures.append(f"{query!r}: expected {expected!r} in {rank}, got {titles[:3]}")
    assert not failures, "\n".join(failures)
    assert len(JUDGED_QUERIES) >= 15
