"""The clause selection: plain POST forms without JavaScript, CSRF, the page cache for
readers without a selection, bad input, and the selection page."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from knowledge import selection
from network.page_cache import STATUS_HEADER
from tests.knowledge.factories import PilotCasePageFactory, TenderClauseFactory

pytestmark = pytest.mark.django_db

LIBRARY = "/nl/kennisbank/clauses/"
SELECTION = "/nl/selection/"
ADD = "/nl/selection/add/"
REMOVE = "/nl/selection/remove/"
SAME_ORIGIN = {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "same-origin"}


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def clauses(knowledge_tree):
    furniture = knowledge_tree.themes["furniture"]["nl"]
    ict = knowledge_tree.themes["ict"]["nl"]
    return {
        "take_back": TenderClauseFactory(
            title="Terugname van meubilair", slug="terugname", theme=furniture
        ),
        "experience": TenderClauseFactory(
            title="Ervaring met hergebruik",
            slug="ervaring",
            theme=furniture,
            kind="selection_criterion",
        ),
        "laptops": TenderClauseFactory(
            title="Refurbished laptops", slug="laptops", theme=ict, kind="award_criterion"
        ),
    }


def browser():
    """A reader's browser: a fresh client that enforces CSRF like a real site does."""
    return Client(enforce_csrf_checks=True)


def toggle_forms(page):
    return {
        form.find("button").find("span").get_text().lstrip(": "): form
        for form in page.select("form.selection-toggle")
    }


def test_reader_without_selection_gets_cacheable_forms_and_adds_with_one_post(
    client, clauses, settings
):
    settings.PAGE_CACHE_ENABLED = True
    reader = browser()
    first = reader.get(LIBRARY)
    assert first[STATUS_HEADER] == "miss"
    forms = toggle_forms(soup(first))
    form = forms["Terugname van meubilair"]
    assert form["method"] == "post" and form["action"] == ADD
    assert form.find("input", attrs={"name": "csrfmiddlewaretoken"}) is None
    assert reader.get(LIBRARY)[STATUS_HEADER] == "hit"
    assert settings.SESSION_COOKIE_NAME not in reader.cookies

    fields = {field["name"]: field["value"] for field in form.find_all("input")}
    response = reader.post(ADD, fields, **SAME_ORIGIN)
    assert response.status_code == 302
    assert response["Location"] == LIBRARY
    assert settings.SESSION_COOKIE_NAME in reader.cookies

    # with a selection, the reader gets their own page: not from the cache, with their basket
    page = reader.get(LIBRARY)
    assert page[STATUS_HEADER] == "skip"
    html = soup(page)
    assert "1 clausule toegevoegd aan je selectie." in html.select_one(".messages").get_text()
    forms = toggle_forms(html)
    assert forms["Terugname van meubilair"]["action"] == REMOVE
    assert forms["Refurbished laptops"]["action"] == ADD
    assert forms["Refurbished laptops"].find("input", attrs={"name": "csrfmiddlewaretoken"})
    assert "Mijn selectie (1 clausule)" in html.select_one(".selection-link").get_text()

    # other readers still get the shared copy, without that basket
    other = browser().get(LIBRARY)
    assert other[STATUS_HEADER] == "hit"
    assert REMOVE not in other.content.decode()

    # removing the last clause ends the session: the cache serves this reader again
    token = forms["Terugname van meubilair"].find("input", attrs={"name": "csrfmiddlewaretoken"})
    response = reader.post(
        REMOVE,
        {"clause": clauses["take_back"].pk, "csrfmiddlewaretoken": token["value"], "next": LIBRARY},
    )
    assert response.status_code == 302
    assert not reader.cookies[settings.SESSION_COOKIE_NAME].value
    assert "1 clausule verwijderd" in reader.get(LIBRARY).content.decode()
    # a browser drops the cookies the site deleted (the test client sends them empty)
    for name in [name for name, morsel in reader.cookies.items() if not morsel.value]:
        del reader.cookies[name]
    assert reader.get(LIBRARY)[STATUS_HEADER] == "hit"


def test_post_that_cannot_be_verified_asks_to_confirm_and_changes_nothing(clauses):
    reader = browser()
    for headers in (
        {},
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
    ):
        response = reader.post(ADD, {"clause": clauses["laptops"].pk, "next": LIBRARY}, **headers)
        assert response.status_code == 200
        page = soup(response)
        assert page.find("h1").get_text() == "Bevestig je selectie"
        assert "Refurbished laptops" in page.get_text()
    assert selection.SESSION_KEY not in reader.session

    form = page.select_one("main form")
    fields = {field["name"]: field["value"] for field in form.find_all("input")}
    assert fields["csrfmiddlewaretoken"] and fields["clause"] == str(clauses["laptops"].pk)
    response = reader.post(form["action"], fields)
    assert response.status_code == 302
    assert reader.session[selection.SESSION_KEY] == [str(clauses["laptops"].translation_key)]


def test_reader_with_a_session_needs_the_token_even_from_this_site(clauses):
    reader = browser()
    reader.post(ADD, {"clause": clauses["laptops"].pk}, **SAME_ORIGIN)
    response = reader.post(ADD, {"clause": clauses["take_back"].pk}, **SAME_ORIGIN)
    assert soup(response).find("h1").get_text() == "Bevestig je selectie"
    assert len(reader.session[selection.SESSION_KEY]) == 1


def test_bad_input_gets_a_clear_message_never_an_error(client, clauses, knowledge_tree):
    def message_after(data, url=ADD):
        response = client.post(url, data, follow=True)
        assert response.status_code == 200
        return soup(response).select_one(".messages").get_text(" ", strip=True)

    assert "We vonden die clausule niet" in message_after({"clause": "999999"})
    assert "We vonden die clausule niet" in message_after({"clause": "abc"})
    assert "We vonden die clausule niet" in message_after({"clause": "99999999999999999999"})
    assert "We vonden die clausule niet" in message_after({"clause": "999999"}, REMOVE)
    not_selected = {"clause": clauses["take_back"].pk}
    assert "staat niet in je selectie" in message_after(not_selected, REMOVE)
    assert "1 clausule toegevoegd" in message_after({"clause": clauses["laptops"].pk})
    assert "staat al in je selectie" in message_after({"clause": clauses["laptops"].pk})
    assert client.get(ADD).status_code == 405

    # a clause of another language counts as its translation in the reader's language
    french = clauses["take_back"].copy_for_translation(knowledge_tree.site_tree.locales["fr"])
    french.title, french.slug = "Reprise du mobilier", "reprise"
    french.theme = knowledge_tree.themes["furniture"]["fr"]
    french.save()
    assert "1 clausule toegevoegd" in message_after({"clause": french.pk})
    titles = [h.get_text() for h in soup(client.get(SELECTION)).select(".selection-item h3")]
    assert titles == ["Refurbished laptops", "Terugname van meubilair"]
    # ... and one without a version in the reader's language is refused, saying why
    only_french = TenderClauseFactory(
        locale=knowledge_tree.site_tree.locales["fr"],
        theme=knowledge_tree.themes["ict"]["fr"],
        title="Seulement en français",
    )
    assert "nog niet beschikbaar in deze taal" in message_after({"clause": only_french.pk})
    # an address of another site is not followed
    response = client.post(
        ADD, {"clause": clauses["experience"].pk, "next": "https://evil.example/"}
    )
    assert response["Location"] == SELECTION


def test_selection_is_capped_with_a_clear_message_and_keeps_what_it_had(client, knowledge_tree):
    theme = knowledge_tree.themes["ict"]["nl"]
    ids = [TenderClauseFactory(theme=theme).pk for _ in range(selection.MAX_SELECTION + 1)]
    first = ids[:3]
    client.post(ADD, {"clause": first})
    many = ids + [str(n) for n in range(10**6, 10**6 + 500 - len(ids))]
    assert len(many) == 500
    response = client.post(ADD, {"clause": many}, follow=True)
    assert response.status_code == 200
    message = soup(response).select_one(".messages").get_text()
    assert "hoogstens 100 clausules" in message
    assert len(client.session[selection.SESSION_KEY]) == 3
    client.post(ADD, {"clause": ids[3 : selection.MAX_SELECTION]})
    assert len(client.session[selection.SESSION_KEY]) == selection.MAX_SELECTION
    client.post(ADD, {"clause": ids[-1]})
    assert len(client.session[selection.SESSION_KEY]) == selection.MAX_SELECTION


def test_selection_page_groups_by_kind_in_the_readers_language(client, clauses, knowledge_tree):
    english = clauses["take_back"].copy_for_translation(knowledge_tree.site_tree.locales["en"])
    english.title, english.slug = "Furniture take-back", "take-back"
    english.theme = knowledge_tree.themes["furniture"]["en"]
    english.save()
    client.post(ADD, {"clause": [clauses["take_back"].pk, clauses["laptops"].pk]})
    client.post(ADD, {"clause": clauses["experience"].pk})
    page = soup(client.get("/en/selection/"))
    headings = [h.get_text() for h in page.select(".selection-group h2")]
    assert headings == ["Selection criteria", "Award criteria", "Contract clauses"]
    items = page.select(".selection-item")
    assert [item.find("h3").get_text() for item in items] == [
        "Ervaring met hergebruik",
        "Refurbished laptops",
        "Furniture take-back",
    ]
    assert items[0]["lang"] == "nl" and not items[2].has_attr("lang")
    assert "Not translated yet" in items[0].get_text()


def test_selection_page_query_count_does_not_grow(
    client, knowledge_tree, django_assert_num_queries
):
    theme = knowledge_tree.themes["ict"]["nl"]
    ids = [TenderClauseFactory(theme=theme).pk for _ in range(8)]
    client.post(ADD, {"clause": ids[:2]})
    client.get(SELECTION)
    with CaptureQueriesContext(connection) as few:
        client.get(SELECTION)
    expected = len(few.captured_queries)  # read now: each request clears the query log
    client.post(ADD, {"clause": ids[2:]})
    client.get(SELECTION)
    with django_assert_num_queries(expected):
        response = client.get(SELECTION)
    assert len(soup(response).select(".selection-item")) == 8


def test_clear_empties_the_selection(client, clauses):
    client.post(ADD, {"clause": [clauses["laptops"].pk, clauses["take_back"].pk]})
    client.post("/nl/selection/clear/")
    assert selection.SESSION_KEY not in client.session
    assert "Je selectie is leeg" in soup(client.get(SELECTION)).get_text()


def test_theme_page_pilot_case_clause_page_and_search_offer_the_selection(
    client, clauses, knowledge_tree
):
    take_back = clauses["take_back"]
    pilot = PilotCasePageFactory(parent=knowledge_tree.indexes["nl"], title="De oude school")
    pilot.tender_clauses.set([take_back])
    pilot.save_revision().publish()
    for url in (
        "/nl/kennisbank/themes/meubilair/",
        pilot.url,
        "/nl/kennisbank/clauses/terugname/",
        "/nl/search/?q=terugname&type=clause",
        "/nl/search/?q=terugname",
    ):
        forms = toggle_forms(soup(client.get(url)))
        assert forms["Terugname van meubilair"]["action"] == ADD, url
    client.post(ADD, {"clause": take_back.pk})
    for url in ("/nl/kennisbank/themes/meubilair/", pilot.url, "/nl/search/?q=terugname"):
        forms = toggle_forms(soup(client.get(url)))
        assert forms["Terugname van meubilair"]["action"] == REMOVE, url
