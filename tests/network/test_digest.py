"""The weekly digest: themes followed, the member's language, once per ISO week."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from network.digest import iso_week, send_digests
from network.models import DigestLog
from tests.knowledge.factories import LessonPageFactory
from tests.network.factories import MemberProfileFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def furniture_lesson(knowledge_tree):
    theme = knowledge_tree.themes["furniture"]["nl"]
    lesson = LessonPageFactory(
        parent=knowledge_tree.indexes["nl"], title="Meubels terugnemen", themes=[theme]
    )
    lesson.save_revision().publish()
    knowledge_tree.translate(lesson, "fr", title="Reprendre les meubles", slug="meubles")
    LessonPageFactory(
        parent=knowledge_tree.indexes["nl"],
        title="ICT-les",
        themes=[knowledge_tree.themes["ict"]["nl"]],
    ).save_revision().publish()
    return lesson


def test_members_get_new_pages_on_their_themes_in_their_language(knowledge_tree, furniture_lesson):
    reader = MemberProfileFactory(weekly_digest=True, preferred_language="fr")
    reader.themes.add(knowledge_tree.themes["furniture"]["fr"])
    MemberProfileFactory(weekly_digest=False).themes.add(knowledge_tree.themes["furniture"]["nl"])
    mail.outbox.clear()
    call_command("send_digest", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert [m.to for m in mail.outbox] == [[reader.user.email]]
    body = mail.outbox[0].body
    assert "Reprendre les meubles" in body
    assert "ICT-les" not in body
    assert "/fr/members/me/" in body


def test_the_digest_goes_out_once_per_iso_week(knowledge_tree, furniture_lesson):
    reader = MemberProfileFactory(weekly_digest=True)
    reader.themes.add(knowledge_tree.themes["furniture"]["nl"])
    mail.outbox.clear()
    now = timezone.now()
    assert send_digests(now) == 1
    assert send_digests(now + datetime.timedelta(minutes=5)) == 0
    assert len(mail.outbox) == 1
    assert DigestLog.objects.get().week == iso_week(now)


def test_nothing_new_means_no_digest(knowledge_tree):
    reader = MemberProfileFactory(weekly_digest=True)
    reader.themes.add(knowledge_tree.themes["ict"]["nl"])
    assert send_digests() == 0
    assert not mail.outbox


def test_a_french_member_gets_french_theme_names_and_pages_whatever_language_they_chose_in(
    knowledge_tree, furniture_lesson
):
    from network.models import DiscussionIndexPage
    from network.topics import start_topic
    from tests.network.factories import member

    forum = DiscussionIndexPage(title="Discussies", slug="discussies")
    knowledge_tree.site_tree.homes["nl"].add_child(instance=forum)
    forum.save_revision().publish()
    knowledge_tree.translate(forum, "fr", slug="discussions")
    topic = start_topic(
        forum,
        member(trusted=True),
        "Stoelen hergebruiken",
        "Tekst",
        theme=knowledge_tree.themes["furniture"]["nl"],
    )
    knowledge_tree.translate(topic, "fr", title="Réemployer des chaises", slug="chaises")
    reader = MemberProfileFactory(weekly_digest=True, preferred_language="fr")
    # Chosen on the Dutch profile page: stored as Dutch themes.
    reader.themes.set(
        [knowledge_tree.themes["furniture"]["nl"], knowledge_tree.themes["ict"]["nl"]]
    )
    mail.outbox.clear()
    assert send_digests() == 1
    body = mail.outbox[0].body
    assert "Mobilier, TIC" in body
    assert "Meubilair" not in body
    assert "Reprendre les meubles" in body and "Meubels terugnemen" not in body
    assert "Réemployer des chaises" in body and "Stoelen hergebruiken" not in body
    assert "/fr/discussions/chaises/" in body
    # A page with no French translation yet is still announced, in its own language.
    assert "ICT-les" in body
