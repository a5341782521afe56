"""E-mail that respects people: one-click unsubscribe on every bulk e-mail (RFC 8058), the
digest choice at sign-up, and only upcoming work sessions in the digest."""

import datetime
import io
import re
import sys
from email import message_from_bytes, policy
from urllib.parse import unquote, urlsplit

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone, translation

from agenda import services
from agenda.models import Registration
from network.bulk_mail import unsubscribe_token
from network.digest import send_digests
from network.models import MemberProfile, ThreadFollow
from tests.conftest import publish
from tests.events.conftest import agenda, event, registrant  # noqa: F401
from tests.events.factories import WorkSessionPageFactory
from tests.knowledge.factories import LessonPageFactory
from tests.network.factories import member

pytestmark = pytest.mark.django_db
HTTPS_BASE = "https://circulaire-aankopers.example"
PASSWORD = "circulair-2026-aankoop"  # noqa: S105


@pytest.fixture
def https_site(settings):
    settings.BASE_URL = HTTPS_BASE
    return settings


def unsubscribe_links(message):
    """The https URL and the mailto: address of a message's List-Unsubscribe header."""
    headers = message.message()
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    links = re.findall(r"<([^>]+)>", headers["List-Unsubscribe"])
    assert len(links) == 2, links
    https, mailto = links
    assert https.startswith(HTTPS_BASE + "/")
    assert mailto.startswith("mailto:unsubscribe@")
    return https, mailto


def one_click(url):
    """What a mail provider does: a POST without session, cookies or CSRF token."""
    provider = Client(enforce_csrf_checks=True)
    return provider.post(
        urlsplit(url).path,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )


@pytest.fixture
def furniture_news(knowledge_tree):
    theme = knowledge_tree.themes["furniture"]["nl"]
    LessonPageFactory(
        parent=knowledge_tree.indexes["nl"], title="Meubels terugnemen", themes=[theme]
    ).save_revision().publish()
    return theme


def test_the_digest_carries_one_click_unsubscribe_in_the_readers_language(
    https_site, furniture_news
):
    reader = member(weekly_digest=True, preferred_language="fr")
    reader.member_profile.themes.add(furniture_news)
    mail.outbox.clear()
    assert send_digests() == 1
    (message,) = mail.outbox
    https, mailto = unsubscribe_links(message)
    assert urlsplit(https).path.startswith("/fr/")
    assert https in message.body

    page = Client().get(urlsplit(https).path)
    assert page.status_code == 200
    assert page.headers["Content-Language"] == "fr"
    assert "Se désabonner" in page.content.decode()
    # Looking at the page (as link scanners do) changes nothing.
    assert MemberProfile.objects.get(user=reader).weekly_digest

    response = one_click(https)
    assert response.status_code == 200
    assert not MemberProfile.objects.get(user=reader).weekly_digest
    mail.outbox.clear()
    assert send_digests(timezone.now() + datetime.timedelta(days=7)) == 0
    # A second POST (providers may retry) is answered the same.
    assert one_click(https).status_code == 200


def test_the_confirm_page_posts_back_to_itself_without_logging_in(https_site):
    reader = member(weekly_digest=True, preferred_language="en")
    with translation.override("en"):
        from network.bulk_mail import unsubscribe_path

        path = unsubscribe_path(unsubscribe_token("digest", reader.pk), "en")
    content = Client().get(path).content.decode()
    assert f'<form method="post" action="{path}">' in content
    assert '<meta name="robots" content="noindex">' in content
    assert '<meta name="referrer" content="no-referrer">' in content
    assert "Stop getting the weekly digest?" in content
    done = Client(enforce_csrf_checks=True).post(path)
    assert "You no longer get the weekly digest." in done.content.decode()
    assert not MemberProfile.objects.get(user=reader).weekly_digest


@pytest.mark.parametrize(
    "token",
    ["nonsense", unsubscribe_token("digest", 1) + "x", "eyJsIjoieCJ9:forged:sig"],
    # Fixed ids: the signed token carries the time it was made, and every xdist worker must
    # collect the same test names.
    ids=["nonsense", "broken-signature", "forged"],
)
def test_a_forged_or_broken_token_changes_nothing(token):
    reader = member(weekly_digest=True)
    assert Client().post(f"/nl/community/unsubscribe/{token}/").status_code == 404
    assert MemberProfile.objects.get(user=reader).weekly_digest


def test_a_token_for_another_list_cannot_be_reused_across_salts():
    from network.notifications import unfollow_token

    reader = member(weekly_digest=True)
    forged = unfollow_token(reader.pk, 1)
    assert Client().post(f"/nl/community/unsubscribe/{forged}/").status_code == 404


@pytest.mark.django_db(transaction=True)
def test_mentions_and_follow_ups_carry_their_own_unsubscribe(https_site, lesson):
    from network import discussions

    mentioned = member(display_name="Eva", preferred_language="nl")
    mentioned.username = "eva"
    mentioned.save()
    follower = member(preferred_language="en")
    ThreadFollow.objects.create(user=follower, page=lesson)
    author = member(trusted=True)
    mail.outbox.clear()
    discussions.post_comment(author, lesson, "Wat denk jij, @eva?")
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {mentioned.email, follower.email}

    mention_url, _mailto = unsubscribe_links(by_recipient[mentioned.email])
    assert urlsplit(mention_url).path.startswith("/nl/")
    assert mention_url in by_recipient[mentioned.email].body
    follow_url, _mailto = unsubscribe_links(by_recipient[follower.email])
    assert urlsplit(follow_url).path.startswith("/en/")

    assert one_click(mention_url).status_code == 200
    assert not MemberProfile.objects.get(user=mentioned).notify_mentions
    assert one_click(follow_url).status_code == 200
    assert not ThreadFollow.objects.filter(user=follower).exists()

    mail.outbox.clear()
    discussions.post_comment(author, lesson, "Nog eens, @eva")
    assert mail.outbox == []


def test_event_messages_carry_unsubscribe_and_one_click_stops_them(
    https_site,
    event,  # noqa: F811
    registrant,  # noqa: F811
):
    staying = services.register(event, registrant(1, language="fr"))
    leaving = services.register(event, registrant(2))
    confirmation = next(m for m in mail.outbox if m.to == [leaving.email])
    # The confirmation answers what the person did: not bulk mail.
    assert "List-Unsubscribe" not in confirmation.message()
    mail.outbox.clear()

    assert services.message_attendees(event, "confirmed", "Praktisch", "Tot dan.") == 2
    by_recipient = {message.to[0]: message for message in mail.outbox}
    french_url, _mailto = unsubscribe_links(by_recipient[staying.email])
    assert urlsplit(french_url).path.startswith("/fr/")
    leaving_url, _mailto = unsubscribe_links(by_recipient[leaving.email])
    html = by_recipient[leaving.email].alternatives[0].content
    assert leaving_url in html

    assert one_click(leaving_url).status_code == 200
    assert Registration.objects.get(pk=leaving.pk).mail_opt_out_at is not None
    mail.outbox.clear()
    assert services.message_attendees(event, "confirmed", "Nog iets", "Tot dan.") == 1
    assert [m.to for m in mail.outbox] == [[staying.email]]

    for person in (staying, leaving):
        services.check_in(person)
    mail.outbox.clear()
    services.send_follow_up(event, note="Bedankt")
    assert [m.to for m in mail.outbox] == [[staying.email]]
    unsubscribe_links(mail.outbox[0])


def test_an_e_mail_to_the_mailto_address_unsubscribes(https_site, monkeypatch):
    reader = member(weekly_digest=True)
    token = unsubscribe_token("digest", reader.pk)
    from network.bulk_mail import unsubscribe_headers

    mailto = re.findall(r"<(mailto:[^>]+)>", unsubscribe_headers(token, "nl")["List-Unsubscribe"])[
        0
    ]
    subject = unquote(mailto.split("subject=", 1)[1])
    raw = (
        f"From: {reader.email}\r\nTo: unsubscribe@circulaire-aankopers.be\r\n"
        f"Subject: {subject}\r\n\r\n"
    ).encode()
    assert message_from_bytes(raw, policy=policy.default)["Subject"] == subject
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))
    out = io.StringIO()
    call_command("unsubscribe_by_email", stdout=out)
    assert "digest" in out.getvalue()
    assert not MemberProfile.objects.get(user=reader).weekly_digest


@pytest.mark.parametrize(("ticked", "expected"), [(True, True), (False, False)])
def test_sign_up_asks_for_the_digest(client, site_tree, ticked, expected):
    form = client.get("/fr/accounts/signup/").content.decode()
    assert 'name="weekly_digest"' in form
    assert 'name="weekly_digest" checked' not in form
    data = {"email": "els@mechelen.be", "password1": PASSWORD, "password2": PASSWORD}
    if ticked:
        data["weekly_digest"] = "on"
    response = client.post("/fr/accounts/signup/", data)
    assert response.status_code == 302
    profile = MemberProfile.objects.get(user__email="els@mechelen.be")
    assert profile.weekly_digest is expected
    assert profile.preferred_language == "fr"


def test_the_digest_lists_upcoming_work_sessions_only(
    furniture_news,
    agenda,  # noqa: F811
):
    now = timezone.now()
    publish(
        WorkSessionPageFactory(
            parent=agenda,
            title="Werksessie van vorige maand",
            theme=furniture_news,
            start=now - datetime.timedelta(days=30),
            end=now - datetime.timedelta(days=30, hours=-3),
        )
    )
    publish(
        WorkSessionPageFactory(
            parent=agenda,
            title="Werksessie volgende maand",
            theme=furniture_news,
            start=now + datetime.timedelta(days=30),
            end=now + datetime.timedelta(days=30, hours=3),
        )
    )
    reader = member(weekly_digest=True)
    reader.member_profile.themes.add(furniture_news)
    mail.outbox.clear()
    assert send_digests(now + datetime.timedelta(minutes=1)) == 1
    body = mail.outbox[0].body
    assert "Werksessie volgende maand" in body
    assert "Werksessie van vorige maand" not in body
