"""Comment counts on listing cards: the shared thread's published comments, in one query."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from network import discussions
from network.comment_counts import attach_comment_counts, count_threads
from tests.conftest import publish
from tests.events.conftest import agenda  # noqa: F401
from tests.events.factories import WorkSessionPageFactory
from tests.knowledge.factories import LessonPageFactory, OrganisationFactory
from tests.network.factories import comment_on, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def gent():
    return OrganisationFactory(name="Stad Gent", slug="stad-gent")


@pytest.fixture
def discussed(knowledge_tree, gent):
    """A lesson in Dutch and French whose thread has three published comments.

    The thread also holds a comment waiting for a moderator and a removed one; a stray
    comment on the French page itself is not part of the shared thread.
    """
    furniture = knowledge_tree.themes["furniture"]["nl"]
    lesson = LessonPageFactory(
        parent=knowledge_tree.indexes["nl"],
        title="Stoelen huren",
        themes=[furniture],
        organisations=[gent],
    )
    publish(lesson)
    french = knowledge_tree.translate(lesson, "fr", title="Louer des chaises", slug="chaises")
    first = comment_on(lesson, "Goed idee")
    comment_on(lesson, "Akkoord", parent=first)
    comment_on(lesson, "Wij ook")
    comment_on(lesson, "Wacht op moderatie", is_public=False)
    comment_on(lesson, "Verwijderd", is_removed=True)
    comment_on(french, "Hors du fil partagé")
    quiet = LessonPageFactory(
        parent=knowledge_tree.indexes["nl"], title="Laptops", themes=[furniture]
    )
    publish(quiet)
    return {"nl": lesson, "fr": french, "quiet": quiet}


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def card_count(response, title, selector=".card"):
    """The comment count shown on the card titled `title`, or None when it shows none."""
    for card in soup(response).select(selector):
        if card.select_one("a").get_text(strip=True) == title:
            count = card.select_one(".comment-count")
            return count.get_text(" ", strip=True) if count else None
    raise AssertionError(f"No card titled {title!r}")


@pytest.mark.parametrize(
    ("url", "title", "expected"),
    [
        ("/nl/kennisbank/", "Stoelen huren", "3 reacties"),
        ("/nl/kennisbank/themes/meubilair/", "Stoelen huren", "3 reacties"),
        ("/fr/base-de-connaissances/", "Louer des chaises", "3 commentaires"),
        ("/fr/base-de-connaissances/themes/mobilier/", "Louer des chaises", "3 commentaires"),
    ],
)
def test_cards_count_the_published_comments_of_the_shared_thread(
    client, discussed, url, title, expected
):
    response = client.get(url)
    assert card_count(response, title) == expected
    if url.startswith("/nl/"):
        assert card_count(response, "Laptops") is None


def test_the_count_icon_is_hidden_from_screen_readers(client, discussed):
    count = soup(client.get("/nl/kennisbank/")).select_one(".card .comment-count")
    assert count.select_one("svg")["aria-hidden"] == "true"
    assert count.get_text(strip=True) == "3 reacties"


def test_counts_follow_new_and_removed_comments(client, discussed):
    assert card_count(client.get("/nl/kennisbank/"), "Stoelen huren") == "3 reacties"
    writer = member(trusted=True)
    posted = discussions.post_comment(writer, discussed["fr"], "Très utile").comment
    assert card_count(client.get("/nl/kennisbank/"), "Stoelen huren") == "4 reacties"
    discussions.remove_comment(posted)
    assert card_count(client.get("/nl/kennisbank/"), "Stoelen huren") == "3 reacties"


def test_related_pages_on_a_detail_page_show_the_count(client, discussed):
    response = client.get(discussed["quiet"].url)
    assert card_count(response, "Stoelen huren", ".related .card") == "3 reacties"


def test_the_organisation_page_shows_counts(client, discussed, gent):
    response = client.get(f"/nl/organisations/{gent.slug}/")
    assert card_count(response, "Stoelen huren", "article li") == "3 reacties"


def test_work_session_cards_in_the_agenda_show_counts(client, agenda):  # noqa: F811
    session = publish(WorkSessionPageFactory(parent=agenda, title="Werksessie ICT"))
    publish(WorkSessionPageFactory(parent=agenda, title="Werksessie textiel"))
    comment_on(session, "Tot dan")
    response = client.get("/nl/agenda/")
    assert card_count(response, "Werksessie ICT", ".event-card") == "1 reactie"
    assert card_count(response, "Werksessie textiel", ".event-card") is None


def test_a_group_without_a_default_language_page_counts_its_own_thread(knowledge_tree):
    french_only = LessonPageFactory(parent=knowledge_tree.indexes["fr"], title="Seulement")
    publish(french_only)
    assert french_only.locale.language_code == "fr"
    comment_on(french_only, "Un")
    comment_on(french_only, "Deux")
    assert count_threads([french_only]) == {french_only.pk: 2}


def test_a_listing_is_counted_in_one_query_however_long(knowledge_tree):
    index = knowledge_tree.indexes["nl"]

    def queries_for(number):
        pages = [publish(LessonPageFactory(parent=index)) for _ in range(number)]
        for page in pages:
            comment_on(page)
        discussions.default_locale_id()  # cached for the site, like the other lookups
        with CaptureQueriesContext(connection) as captured:
            attach_comment_counts(pages)
        assert [page.published_comments for page in pages] == [1] * number
        return len(captured)

    assert queries_for(2) == queries_for(30) == 1
