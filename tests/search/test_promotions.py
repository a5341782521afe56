"""Search promotions per language: a promoted page shows only to readers of its language.

An editor writes a promotion's description in the language of the page it promotes, so a
promotion of a Dutch page shows on /nl/ only, and one of the French translation on /fr/ only,
each with its own description. Run on the database backend and on OpenSearch.
"""

import pytest
from bs4 import BeautifulSoup
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

pytestmark = pytest.mark.django_db


def promotions(client, code, query):
    response = client.get(f"/{code}/search/", {"q": query})
    assert response.status_code == 200
    box = BeautifulSoup(response.content, "html.parser").select(".promotions li")
    return [" ".join(item.get_text(" ").split()) for item in box]


def promote(page, query, description, order=0):
    return SearchPromotion.objects.create(
        query=Query.get(query), page=page, sort_order=order, description=description
    )


def test_a_promoted_page_shows_only_in_its_own_language(client, corpus):
    for code in ("nl", "fr", "en"):  # searched first: the promoted queries are cached
        assert promotions(client, code, "meubilair") == []
    promote(corpus["chairs"], "meubilair", "Lees hoe Gent zijn meubilair hergebruikt")
    (shown,) = promotions(client, "nl", "meubilair")
    assert "Lees hoe Gent zijn meubilair hergebruikt" in shown
    assert promotions(client, "fr", "meubilair") == []
    assert promotions(client, "en", "meubilair") == []


def test_each_language_shows_the_promotion_written_for_it(client, corpus):
    promote(corpus["chairs"], "mobilier", "Lees hoe Gent zijn meubilair hergebruikt")
    promote(corpus["chairs_fr"], "mobilier", "Comment Gand réemploie son mobilier")
    (french,) = promotions(client, "fr", "mobilier")
    assert "Comment Gand réemploie son mobilier" in french
    assert corpus["chairs_fr"].title in french
    (dutch,) = promotions(client, "nl", "mobilier")
    assert "Lees hoe Gent" in dutch and "Comment Gand" not in dutch


def test_a_private_or_unpublished_promoted_page_is_not_shown(client, corpus):
    promote(corpus["chairs_fr"], "mobilier", "Comment Gand réemploie son mobilier")
    assert len(promotions(client, "fr", "mobilier")) == 1
    PageViewRestriction.objects.create(page=corpus["chairs"], restriction_type="login")
    assert promotions(client, "fr", "mobilier") == []


def test_the_promoted_queries_are_cached_per_language(client, corpus):
    from wagtail.models import Locale

    from home.search import promoted_queries

    promote(corpus["chairs_fr"], "mobilier", "Comment Gand réemploie son mobilier")
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    assert promoted_queries(locales["fr"]) == {"mobilier"}
    assert promoted_queries(locales["nl"]) == set()
