"""Saved selections of members: name, come back, share read-only in the viewer's language."""

import io

import docx
import pytest
from bs4 import BeautifulSoup
from django.test import Client

from knowledge import selection
from knowledge.models import SavedSelection
from tests.knowledge.factories import TenderClauseFactory
from tests.network.factories import member

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def messages_of(response):
    found = soup(response).select_one(".messages")
    return found.get_text(" ", strip=True) if found else ""


@pytest.fixture
def clauses(knowledge_tree):
    furniture = knowledge_tree.themes["furniture"]
    take_back = TenderClauseFactory(title="Terugname van meubilair", theme=furniture["nl"])
    english = take_back.copy_for_translation(knowledge_tree.site_tree.locales["en"])
    english.title, english.slug, english.theme = "Furniture take-back", "take-back", furniture["en"]
    english.text = "The contractor takes the furniture back."
    english.save()
    dutch_only = TenderClauseFactory(
        title="Ervaring met hergebruik", theme=furniture["nl"], kind="selection_criterion"
    )
    return {"take_back": take_back, "dutch_only": dutch_only}


@pytest.fixture
def buyer(client, clauses):
    user = member()
    client.force_login(user)
    client.post("/nl/selection/add/", {"clause": [c.pk for c in clauses.values()]})
    return user


def test_member_saves_names_and_comes_back_to_a_selection(client, buyer, clauses):
    response = client.post("/nl/selection/save/", {"name": "  Renovatie   stadhuis 2027 "})
    saved = SavedSelection.objects.get(owner=buyer)
    assert saved.name == "Renovatie stadhuis 2027"
    assert response["Location"] == f"/nl/selection/saved/{saved.pk}/"
    assert len(saved.share_token) >= 43

    page = client.get(f"/nl/selection/saved/{saved.pk}/")
    assert "Je selectie is bewaard als “Renovatie stadhuis 2027”." in messages_of(page)
    listing = soup(client.get("/nl/selection/saved/"))
    assert [a.get_text() for a in listing.select(".selection-item a")] == [saved.name]
    assert [h.get_text() for h in soup(page).select(".selection-item h3")] == [
        "Ervaring met hergebruik",
        "Terugname van meubilair",
    ]
    share = soup(page).select_one("#share-link")["value"]
    assert share == f"http://testserver/nl/selection/shared/{saved.share_token}/"

    # empty the current selection, then continue with the saved one
    client.post("/nl/selection/clear/")
    assert selection.SESSION_KEY not in client.session
    client.post(f"/nl/selection/saved/{saved.pk}/load/")
    assert client.session[selection.SESSION_KEY] == saved.clause_keys

    document = docx.Document(
        io.BytesIO(client.get(f"/en/selection/saved/{saved.pk}/download/docx/").content)
    )
    titles = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert titles[1].endswith("Furniture take-back")


def test_saving_needs_a_name_a_selection_and_an_account(client, clauses, knowledge_tree):
    response = client.post("/nl/selection/save/", {"name": "Stadhuis"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(member())
    response = client.post("/nl/selection/save/", {"name": "Stadhuis"}, follow=True)
    assert "Je selectie is leeg" in messages_of(response)
    client.post("/nl/selection/add/", {"clause": clauses["take_back"].pk})
    response = client.post("/nl/selection/save/", {"name": "   "}, follow=True)
    assert "Geef je selectie een naam" in messages_of(response)
    response = client.post("/nl/selection/save/", {"name": "x" * 121}, follow=True)
    assert "Die naam is te lang" in messages_of(response)
    assert not SavedSelection.objects.exists()
    # a NUL byte is refused by the site as a bad request; other control characters are dropped
    assert client.post("/nl/selection/save/", {"name": "Stad\x00huis"}).status_code == 400
    assert not SavedSelection.objects.exists()
    client.post("/nl/selection/save/", {"name": "Stad\x07huis\t 2027"})
    assert SavedSelection.objects.get().name == "Stadhuis 2027"


def test_shared_link_is_read_only_in_the_viewers_language(client, buyer, clauses):
    client.post("/nl/selection/save/", {"name": "Renovatie stadhuis 2027"})
    saved = SavedSelection.objects.get()
    colleague = Client()
    page = colleague.get(f"/en/selection/shared/{saved.share_token}/")
    assert page.status_code == 200
    assert page["Cache-Control"] == "private"
    html = soup(page)
    assert html.find("h1").get_text() == "Renovatie stadhuis 2027"
    items = html.select(".selection-item")
    assert [item.find("h3").get_text() for item in items] == [
        "Ervaring met hergebruik",
        "Furniture take-back",
    ]
    assert items[0]["lang"] == "nl"
    assert "The contractor takes the furniture back." in items[1].get_text()
    assert not html.select("main form")  # nothing to change here
    text = colleague.get(f"/en/selection/shared/{saved.share_token}/download/txt/")
    assert "Furniture take-back" in text.content.decode()


def test_wrong_token_or_someone_elses_selection_is_not_found(client, buyer, clauses):
    client.post("/nl/selection/save/", {"name": "Renovatie stadhuis 2027"})
    saved = SavedSelection.objects.get()
    reader = Client()
    last = "B" if saved.share_token.endswith("A") else "A"
    for token in ("x", saved.share_token[:-1] + last, "a" * 200, "%00"):
        assert reader.get(f"/nl/selection/shared/{token}/").status_code == 404
    assert reader.get(f"/nl/selection/shared/{saved.share_token}/download/exe/").status_code == 404
    other = Client()
    other.force_login(member())
    assert other.get(f"/nl/selection/saved/{saved.pk}/").status_code == 404
    assert other.post(f"/nl/selection/saved/{saved.pk}/delete/").status_code == 404
    assert other.get(f"/nl/selection/saved/{saved.pk}/download/pdf/").status_code == 404
    assert SavedSelection.objects.filter(pk=saved.pk).exists()
    response = client.post(f"/nl/selection/saved/{saved.pk}/delete/", follow=True)
    assert "“Renovatie stadhuis 2027” is verwijderd." in messages_of(response)
    assert reader.get(f"/nl/selection/shared/{saved.share_token}/").status_code == 404
