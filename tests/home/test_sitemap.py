"""/sitemap.xml: every public page in every language, with alternates, on BASE_URL."""

from defusedxml import ElementTree
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.knowledge.conftest import knowledge_tree  # noqa: F401 - fixture
from tests.knowledge.factories import LessonPageFactory, OrganisationFactory, TenderClauseFactory

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
BASE = "http://testserver"


def read_sitemap(client):
    # Another Host than BASE_URL's: the sitemap must not take its addresses from it.
    response = client.get("/sitemap.xml", HTTP_HOST="127.0.0.1")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    urls = {}
    for url in root.findall("s:url", NS):
        lastmod = url.find("s:lastmod", NS)
        urls[url.find("s:loc", NS).text] = {
            "lastmod": lastmod.text if lastmod is not None else None,
            "alternates": {
                link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
            },
        }
    return urls


def lesson_in_every_language(tree, **fields):
    lesson = LessonPageFactory(parent=tree.indexes["nl"], **fields)
    lesson.save_revision().publish()
    lesson.refresh_from_db()
    for code in ("fr", "en"):
        tree.translate(lesson, code, slug=f"{lesson.slug}-{code}")
    return lesson


def test_sitemap_lists_pages_and_routes_of_every_language_with_alternates(
    client,
    knowledge_tree,  # noqa: F811
):
    tree = knowledge_tree
    lesson = lesson_in_every_language(tree, slug="les")
    clause = TenderClauseFactory(theme=tree.themes["furniture"]["nl"], slug="terugname")
    french = clause.copy_for_translation(tree.site_tree.locales["fr"])
    french.slug, french.theme = "reprise", tree.themes["furniture"]["fr"]
    french.save()
    OrganisationFactory(name="Gemeente Gent", slug="gemeente-gent")

    urls = read_sitemap(client)

    assert all(loc.startswith(BASE + "/") for loc in urls)
    assert BASE + "/fr/base-de-connaissances/les-fr/" in urls
    entry = urls[BASE + "/nl/kennisbank/les/"]
    # The sitemap gives the day in the site's time zone, as a reader there counts it.
    assert entry["lastmod"] == timezone.localdate(lesson.last_published_at).isoformat()
    assert entry["alternates"] == {
        "nl": BASE + "/nl/kennisbank/les/",
        "fr": BASE + "/fr/base-de-connaissances/les-fr/",
        "en": BASE + "/en/knowledge-base/les-en/",
        "x-default": BASE + "/nl/kennisbank/les/",
    }
    clause_entry = urls[BASE + "/nl/kennisbank/clauses/terugname/"]
    assert clause_entry["alternates"] == {
        "nl": BASE + "/nl/kennisbank/clauses/terugname/",
        "fr": BASE + "/fr/base-de-connaissances/clauses/reprise/",
        "x-default": BASE + "/nl/kennisbank/clauses/terugname/",
    }
    assert clause_entry["lastmod"] is not None
    assert urls[BASE + "/en/knowledge-base/themes/furniture/"]["alternates"]["fr"] == (
        BASE + "/fr/base-de-connaissances/themes/mobilier/"
    )
    assert BASE + "/fr/base-de-connaissances/clauses/" in urls
    assert urls[BASE + "/fr/organisations/gemeente-gent/"]["alternates"]["nl"] == (
        BASE + "/nl/organisations/gemeente-gent/"
    )


def test_sitemap_leaves_out_private_and_unpublished_pages_in_every_language(
    client,
    knowledge_tree,  # noqa: F811
):
    tree = knowledge_tree
    lesson_in_every_language(tree, slug="openbaar")
    private = lesson_in_every_language(tree, slug="besloten")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    draft = LessonPageFactory(parent=tree.indexes["nl"], slug="klad", live=False)
    assert not draft.live

    locs = set(read_sitemap(client))

    assert BASE + "/nl/kennisbank/openbaar/" in locs
    assert not [loc for loc in locs if "besloten" in loc or "klad" in loc]


def test_sitemap_query_count_does_not_grow_with_pages_clauses_or_organisations(
    client,
    django_assert_num_queries,
    knowledge_tree,  # noqa: F811
):
    tree = knowledge_tree
    lesson_in_every_language(tree, slug="eerste")
    TenderClauseFactory(theme=tree.themes["ict"]["nl"])
    OrganisationFactory()
    read_sitemap(client)  # Django keeps its Sites record per process once read
    # Cold reads each time: the page cache would otherwise answer without a query.
    cache.clear()
    with CaptureQueriesContext(connection) as few:
        small = read_sitemap(client)
    for number in range(4):
        lesson_in_every_language(tree, slug=f"les-{number}")
        TenderClauseFactory(theme=tree.themes["ict"]["nl"])
        OrganisationFactory()
    cache.clear()
    with django_assert_num_queries(len(few.captured_queries)):
        large = read_sitemap(client)
    assert len(large) > len(small) + 20
    assert len(few.captured_queries) <= 12, "\n".join(q["sql"][:150] for q in few.captured_queries)
