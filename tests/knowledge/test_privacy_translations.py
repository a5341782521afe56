"""A view restriction on a page applies to every translation, on every surface.

The restriction is set on the Dutch page after its French and English translations exist
(the case where each language kept its own privacy); French and English readers must then
meet the same restriction in page serving, search, the API, the feed, listings, related and
evidence links, member profiles and the shared thread.
"""

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from home.privacy import is_private
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.knowledge.factories import LessonPageFactory, PilotCasePageFactory
from tests.network.factories import PASSWORD, comment_on, member

pytestmark = pytest.mark.django_db

TITLES = {"nl": "Geheime werkafspraken", "fr": "Accords secrets", "en": "Secret agreements"}


def restrict(page, kind="login", **fields):
    return PageViewRestriction.objects.create(page=page, restriction_type=kind, **fields)


def translations(page):
    return {p.locale.language_code: p for p in page.get_translations(inclusive=True)}


@pytest.fixture
def secret(knowledge_tree):
    """A lesson on furniture in three languages; no restriction yet."""
    furniture = knowledge_tree.themes["furniture"]["nl"]
    page = LessonPageFactory(
        parent=knowledge_tree.indexes["nl"], title=TITLES["nl"], themes=[furniture]
    )
    page.save_revision().publish()
    page.refresh_from_db()
    pages = {"nl": page}
    for code in ("fr", "en"):
        pages[code] = knowledge_tree.translate(page, code, title=TITLES[code], slug=f"s-{code}")
    return pages


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)


def test_a_restriction_on_the_source_applies_to_every_translation(client, secret):
    restrict(secret["nl"])
    for code, page in secret.items():
        response = client.get(page.url)
        assert response.status_code == 302, code
        assert "login" in response["Location"]
    login(client, member())
    for page in secret.values():
        assert client.get(page.url).status_code == 200


def test_type_password_and_groups_follow_and_lifting_lifts_everywhere(client, secret):
    board = Group.objects.create(name="Bestuur")
    restriction = restrict(secret["nl"])
    restriction.restriction_type = "groups"
    restriction.save()
    restriction.groups.set([board])
    for code in ("fr", "en"):
        (copy,) = secret[code].view_restrictions.all()
        assert copy.restriction_type == "groups"
        assert list(copy.groups.all()) == [board]
    restriction.delete()
    assert not PageViewRestriction.objects.exists()
    assert client.get(secret["fr"].url).status_code == 200


def test_a_restriction_set_on_a_translation_reaches_the_source(client, secret):
    restrict(secret["fr"], kind="password", password="geheim")
    for page in secret.values():
        (restriction,) = page.view_restrictions.all()
        assert (restriction.restriction_type, restriction.password) == ("password", "geheim")
    response = client.get(secret["nl"].url)
    assert response.status_code == 200
    assert TITLES["nl"] not in response.content.decode()  # the password form, not the page


def test_a_translation_made_later_is_private_from_the_start(client, knowledge_tree):
    page = LessonPageFactory(parent=knowledge_tree.indexes["nl"], title=TITLES["nl"])
    page.save_revision().publish()
    restrict(page)
    french = knowledge_tree.translate(page, "fr", title=TITLES["fr"])
    assert french.view_restrictions.get().restriction_type == "login"
    assert client.get(french.url).status_code == 302


def test_deleting_a_translation_keeps_the_others_private(secret):
    restrict(secret["nl"])
    secret["fr"].delete()
    assert secret["nl"].view_restrictions.exists()
    assert secret["en"].view_restrictions.exists()


def test_a_private_section_is_private_in_every_language(client, knowledge_tree, secret):
    restrict(knowledge_tree.indexes["nl"])
    assert knowledge_tree.indexes["fr"].view_restrictions.exists()
    assert client.get(secret["fr"].url).status_code == 302
    assert is_private(secret["en"])


def test_existing_restrictions_are_mirrored_by_the_migration(secret):
    import importlib

    from django.apps import apps

    PageViewRestriction.objects.bulk_create(  # no signals: as before this release
        [PageViewRestriction(page=secret["nl"], restriction_type="login")]
    )
    assert not secret["fr"].view_restrictions.exists()
    migration = importlib.import_module("home.migrations.0005_mirror_view_restrictions")
    migration.mirror_existing(apps, None)
    for code in ("fr", "en"):
        assert secret[code].view_restrictions.get().restriction_type == "login"


def titles_in(response):
    return response.content.decode()


def test_private_translations_leave_search_api_feed_and_listing(client, knowledge_tree, secret):
    def visible():
        found = set()
        for code, query in (("fr", "secrets"), ("en", "secret")):
            # Titles come highlighted: look for the page's address.
            if secret[code].url in titles_in(client.get(f"/{code}/search/", {"q": query})):
                found.add(code)
        api = client.get("/api/v2/pages/", {"locale": "fr", "limit": 50}).json()
        if TITLES["fr"] in {item["title"] for item in api["items"]}:
            found.add("api")
        feed = feedparser.parse(client.get(knowledge_tree.indexes["fr"].url + "feed/").content)
        if TITLES["fr"] in {entry.title for entry in feed.entries}:
            found.add("feed")
        if TITLES["fr"] in titles_in(client.get(knowledge_tree.indexes["fr"].url)):
            found.add("listing")
        return found

    assert visible() == {"fr", "en", "api", "feed", "listing"}  # public before
    restrict(secret["nl"])
    assert visible() == set()
    assert client.get(f"/api/v2/pages/{secret['fr'].pk}/").status_code == 404


def test_private_translations_leave_related_pages(client, knowledge_tree, secret):
    furniture = knowledge_tree.themes["furniture"]["nl"]
    other = LessonPageFactory(parent=knowledge_tree.indexes["nl"], themes=[furniture])
    other.save_revision().publish()
    french = knowledge_tree.translate(other, "fr", title="Leçon publique")
    assert TITLES["fr"] in client.get(french.url).content.decode()
    restrict(secret["nl"])
    assert TITLES["fr"] not in client.get(french.url).content.decode()


def test_an_evidence_link_never_names_a_private_page(client, knowledge_tree):
    pilot = PilotCasePageFactory(parent=knowledge_tree.indexes["nl"], title="Geheime pilot")
    pilot.save_revision().publish()
    french_pilot = knowledge_tree.translate(pilot, "fr", title="Pilote secret")
    lesson = LessonPageFactory(parent=knowledge_tree.indexes["nl"], evidence_page=pilot)
    lesson.save_revision().publish()
    french = knowledge_tree.translate(lesson, "fr", title="Leçon avec preuve")

    def shown():
        html = client.get(french.url).content.decode()
        data = client.get(f"/api/v2/pages/{french.pk}/").json()["evidence_page"]
        return "Pilote secret" in html, data and data["title"]

    assert shown() == (True, "Pilote secret")  # in the reader's language while public
    restrict(pilot)
    assert french_pilot.view_restrictions.exists()
    assert shown() == (False, None)


def test_a_private_event_leaves_the_agenda_in_every_language(client, site_tree):
    agenda = EventIndexPageFactory(parent=site_tree.homes["nl"])
    agenda.save_revision().publish()
    agendas = {"nl": agenda}
    for code in ("fr", "en"):
        agendas[code] = site_tree.translate(agenda, code, title=f"Agenda {code}", slug=f"ag-{code}")
    event = EventPageFactory(parent=agenda, title="Besloten bestuursdag")
    event.save_revision().publish()
    site_tree.translate(event, "fr", title="Journée du conseil")
    assert "Journée du conseil" in client.get(agendas["fr"].url).content.decode()
    restrict(event)
    assert "Journée du conseil" not in client.get(agendas["fr"].url).content.decode()


def test_a_private_page_is_not_named_by_the_language_switcher(client, secret):
    restrict(secret["nl"])
    for page in secret.values():
        response = client.get(page.url, follow=True)
        html = response.content.decode()
        assert not any(title in html for title in TITLES.values())


@pytest.fixture
def board_page(secret):
    """The lesson, restricted to the board in every language, with a board member's comment
    on its (shared) thread."""
    board = Group.objects.create(name="Bestuur")
    writer = member()
    writer.groups.add(board)
    comment_on(secret["nl"], text="Alleen voor het bestuur", user=writer)
    restriction = restrict(secret["nl"], kind="groups")
    restriction.groups.set([board])
    return {"board": board, "writer": writer, **secret}


def test_member_profiles_list_no_comment_on_a_page_the_reader_may_not_see(client, board_page):
    profile_url = f"/fr/members/{board_page['writer'].member_profile.pk}/"
    login(client, member())
    assert "Alleen voor het bestuur" not in client.get(profile_url).content.decode()
    colleague = member()
    colleague.groups.add(board_page["board"])
    login(client, colleague)
    assert "Alleen voor het bestuur" in client.get(profile_url).content.decode()


def test_no_comment_is_posted_or_touched_through_a_translation(client, board_page):
    from network.models import DiscussionComment

    outsider = member()
    login(client, outsider)
    french = board_page["fr"]
    response = client.post(f"/fr/community/pages/{french.pk}/comments/", {"comment": "Salut"})
    assert response.status_code == 404
    comment = DiscussionComment.objects.get()
    for action in ("like", "flag"):
        assert client.post(f"/fr/community/comments/{comment.pk}/{action}/").status_code == 404
    assert client.post(f"/fr/community/pages/{french.pk}/follow/").status_code == 404
    assert DiscussionComment.objects.count() == 1
    assert not comment.flags.exists()


def test_the_thread_is_not_shown_through_a_public_translation_of_a_private_source(rf, board_page):
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.sessions.backends.db import SessionStore

    from home.privacy import _Mirroring
    from network.templatetags.discussion_tags import discussion_thread

    # Restrictions agree in every language; one taken off the French page alone (as mirroring
    # does it, so nothing else changes) still leaves the shared Dutch thread closed.
    with _Mirroring():
        board_page["fr"].view_restrictions.all().delete()
    assert not is_private(board_page["fr"]) and is_private(board_page["nl"])
    request = rf.get(board_page["fr"].url)
    request.user = AnonymousUser()
    request.session = SessionStore()
    assert discussion_thread({"request": request}, board_page["fr"].specific) == ""


def test_privacy_set_and_lifted_in_the_dutch_admin_applies_to_every_language(
    admin_client, client, secret
):
    from django.urls import reverse

    board = Group.objects.create(name="Bestuur")
    url = reverse("wagtailadmin_pages:set_privacy", args=[secret["nl"].pk])
    response = admin_client.post(url, {"restriction_type": "groups", "groups": [board.pk]})
    assert response.status_code == 200
    for code in ("fr", "en"):
        (restriction,) = secret[code].view_restrictions.all()
        assert restriction.restriction_type == "groups"
        assert list(restriction.groups.all()) == [board]
    outsider = member()
    login(client, outsider)
    assert client.get(secret["fr"].url).status_code == 302  # Wagtail sends them to log in
    outsider.groups.add(board)
    assert client.get(secret["fr"].url).status_code == 200

    admin_client.post(url, {"restriction_type": "none"})
    assert not PageViewRestriction.objects.exists()


def test_the_switcher_never_names_a_private_page_as_the_nearest_translation(client, knowledge_tree):
    from home.privacy import _Mirroring

    french_index = knowledge_tree.indexes["fr"]
    french_index.title = "Savoirs réservés"
    french_index.save_revision().publish()
    lesson = LessonPageFactory(parent=knowledge_tree.indexes["nl"], title="Nog niet vertaald")
    lesson.save_revision().publish()

    def switcher():
        html = client.get(lesson.url).content.decode()
        return BeautifulSoup(html, "html.parser").select_one(".language-switcher").decode()

    assert "Savoirs réservés" in switcher()  # the nearest French page, while public
    with _Mirroring():  # the French section alone, as trees that differ can leave it
        restrict(french_index)
    assert "Savoirs réservés" not in switcher()


def test_a_page_moved_into_a_private_section_in_the_admin_is_private_in_every_language(
    admin_client, client, knowledge_tree, secret
):
    from django.urls import reverse

    from tests.knowledge.factories import KnowledgeIndexPageFactory

    home = knowledge_tree.indexes["nl"].get_parent()
    section = KnowledgeIndexPageFactory(parent=home, title="Voor leden", slug="leden")
    section.save_revision().publish()
    sections = {"nl": section}
    for code in ("fr", "en"):
        sections[code] = knowledge_tree.translate(section, code, slug=f"leden-{code}")
    restrict(section)  # and so every translation of the section
    for page in secret.values():
        assert client.get(page.url).status_code == 200

    confirm = reverse("wagtailadmin_pages:move_confirm", args=[secret["nl"].pk, section.pk])
    assert admin_client.get(confirm).context["translations_to_move_count"] == 2
    assert admin_client.post(confirm).status_code == 302

    for code, page in secret.items():
        page.refresh_from_db()
        assert page.get_parent().pk == sections[code].pk, code
        response = client.get(page.url)
        assert response.status_code == 302 and "login" in response["Location"], code
    assert all(is_private(page) for page in secret.values())  # the cached sections agree


def password_form(client, page):
    """The password form a private page shows instead of itself, or None."""
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one(
        "form[action*='authenticate_with_password']"
    )


def test_a_password_given_in_one_language_opens_every_translation(client, secret):
    restrict(secret["nl"], kind="password", password="geheim")
    form = password_form(client, secret["fr"])
    assert form is not None and TITLES["fr"] not in client.get(secret["fr"].url).content.decode()

    wrong = client.post(form["action"], {"password": "fout", "return_url": secret["fr"].url})
    assert wrong.status_code == 200  # the form again, with its error
    assert password_form(client, secret["nl"]) is not None

    response = client.post(form["action"], {"password": "geheim", "return_url": secret["fr"].url})
    assert response.status_code == 302
    for code, page in secret.items():
        assert password_form(client, page) is None, code
        assert TITLES[code] in client.get(page.url).content.decode()
