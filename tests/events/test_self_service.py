"""Participants help themselves: their registrations, lost links, a confirmed cancellation,
a form that knows the member."""

import datetime
import re

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agenda import self_service, services
from agenda.models import Registration, RegistrationStatus
from tests.conftest import publish
from tests.events.factories import EventPageFactory, RegistrationFactory, in_days
from tests.knowledge.factories import OrganisationFactory
from tests.network.factories import member

pytestmark = pytest.mark.django_db

LOST_LINK = "/{language}/registrations/lost-link/"
MINE = "/{language}/members/me/registrations/"


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def manage_path(url):
    return re.sub(r"^https?://[^/]+", "", url)


@pytest.fixture
def full_event(agenda):
    page = EventPageFactory(parent=agenda, slug="klein", title="Kleine werksessie", capacity=1)
    return publish(page)


@pytest.fixture
def past_event(agenda):
    start = in_days(-20)
    page = EventPageFactory(
        parent=agenda,
        slug="voorbij",
        title="Voorbije studiedag",
        start=start,
        end=start + datetime.timedelta(hours=6),
    )
    return publish(page)


# -- My registrations ---------------------------------------------------------------------------


def test_my_registrations_needs_an_account(client, site_tree):
    response = client.get(MINE.format(language="nl"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_my_registrations_lists_upcoming_and_past_with_status_place_and_links(
    client, event, full_event, past_event, registrant
):
    user = member(display_name="An Peeters")
    services.register(event, registrant(1, email=user.email, user=user))
    services.register(full_event, registrant(2))  # takes the only seat
    services.register(full_event, registrant(3))
    waiting = services.register(full_event, registrant(4, email=user.email.upper()))
    RegistrationFactory(event=past_event, email=user.email, checked_in_at=past_event.start)
    RegistrationFactory(event=event, email="someone-else@example.org", name="Iemand Anders")
    client.force_login(user)

    response = client.get(MINE.format(language="nl"))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    page = soup(response)
    upcoming, past = page.select("ul.own-registrations")
    upcoming_text = upcoming.get_text(" ", strip=True)
    assert "Studiedag" in upcoming_text and "Kleine werksessie" in upcoming_text
    assert "Bevestigd" in upcoming_text
    assert "nummer 2 op de wachtlijst" in upcoming_text
    assert "Voorbije studiedag" in past.get_text(" ", strip=True)
    assert "Iemand Anders" not in response.content.decode()
    links = [a["href"] for a in upcoming.select("a") if "/manage/" in a["href"]]
    assert len(links) == 2
    assert any(waiting.manage_secret in link for link in links)
    for link in links:
        assert client.get(link).status_code == 200


def test_my_registrations_in_french_lead_to_the_french_pages(client, site_tree, event, registrant):
    site_tree.translate(event, "fr", title="Journée d'étude", slug="journee-etude")
    user = member()
    registration = services.register(event, registrant(1, email=user.email, user=user))
    client.force_login(user)
    response = client.get(MINE.format(language="fr"))
    page = soup(response)
    assert "Journée d'étude" in page.select_one("ul.own-registrations").get_text()
    link = next(a["href"] for a in page.select("a") if "/manage/" in a["href"])
    assert link.startswith("/fr/")
    assert link.endswith(f"/manage/{registration.manage_secret}/")
    assert client.get(link).status_code == 200


def test_my_registrations_reads_the_same_queries_for_one_or_many(
    client, agenda, registrant, django_assert_num_queries
):
    user = member()
    client.force_login(user)
    events = [publish(EventPageFactory(parent=agenda, slug=f"e{n}", capacity=1)) for n in range(5)]
    services.register(events[0], registrant(0, email=user.email))
    client.get(MINE.format(language="nl"))  # warm the site's root paths
    with CaptureQueriesContext(connection) as one:
        client.get(MINE.format(language="nl"))
    for n, page in enumerate(events[1:], start=1):
        services.register(page, registrant(100 + n))
        services.register(page, registrant(n, email=user.email))  # waitlisted
    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get(MINE.format(language="nl"))
    assert response.content.decode().count("/manage/") == 5


# -- Lost your link? ------------------------------------------------------------------------------


def test_lost_link_mails_each_active_registration_in_its_language(
    client, site_tree, event, full_event, past_event, registrant
):
    site_tree.translate(event, "fr", title="Journée d'étude", slug="journee-etude")
    fr = services.register(event, registrant(1, email="an@example.org", language="fr"))
    cancelled = services.register(full_event, registrant(3, email="AN@example.org"))
    services.cancel(cancelled)
    nl = services.register(full_event, registrant(2, email="an@example.org"))
    RegistrationFactory(event=past_event, email="an@example.org")
    mail.outbox.clear()

    response = client.post(LOST_LINK.format(language="en"), {"email": " An@Example.org "})
    assert response.status_code == 302
    assert len(mail.outbox) == 2
    by_language = {message.extra_headers["Content-Language"]: message for message in mail.outbox}
    assert "Journée d'étude" in by_language["fr"].subject
    assert fr.manage_secret in by_language["fr"].body
    assert "/fr/" in by_language["fr"].body
    assert nl.manage_secret in by_language["nl"].body
    assert cancelled.manage_secret not in "".join(m.body for m in mail.outbox)
    assert {tuple(m.to) for m in mail.outbox} == {("an@example.org",)}
    # The link in the e-mail opens the registration.
    link = re.search(r"https?://\S+/manage/\S+?/", by_language["nl"].body).group(0)
    assert client.get(manage_path(link)).status_code == 200


def test_lost_link_answers_the_same_whether_or_not_the_address_is_registered(
    client, event, registrant
):
    services.register(event, registrant(1, email="an@example.org"))
    mail.outbox.clear()
    known = client.post(LOST_LINK.format(language="nl"), {"email": "an@example.org"}, follow=True)
    assert len(mail.outbox) == 1
    unknown = client.post(
        LOST_LINK.format(language="nl"), {"email": "niemand@example.org"}, follow=True
    )
    assert len(mail.outbox) == 1
    assert known.status_code == unknown.status_code == 200
    assert known.redirect_chain == unknown.redirect_chain
    said = [m.get_text(strip=True) for m in soup(known).select(".message")]
    assert said and said == [m.get_text(strip=True) for m in soup(unknown).select(".message")]


def test_lost_link_sends_once_per_interval_for_one_address(client, event, registrant):
    services.register(event, registrant(1, email="an@example.org"))
    mail.outbox.clear()
    for _attempt in range(3):
        client.post(LOST_LINK.format(language="nl"), {"email": "an@example.org"})
    assert len(mail.outbox) == 1
    assert self_service.send_lost_links("an@example.org") == 0


@pytest.mark.parametrize(
    ("language", "words"),
    [("nl", "geldig e-mailadres"), ("fr", "adresse e-mail valide"), ("en", "valid email")],
)
def test_lost_link_refuses_a_malformed_address_in_the_readers_language(
    client, site_tree, language, words
):
    response = client.post(LOST_LINK.format(language=language), {"email": "an@"})
    assert response.status_code == 400
    assert words in response.content.decode()
    assert 'value="an@"' in response.content.decode()
    assert mail.outbox == []


def test_lost_link_is_rate_limited_per_address(client, site_tree, settings):
    settings.FORM_RATE_LIMITS = {**settings.FORM_RATE_LIMITS, "event_registration": "3/h"}
    for n in range(3):
        response = client.post(LOST_LINK.format(language="nl"), {"email": f"p{n}@example.org"})
        assert response.status_code == 302
    response = client.post(LOST_LINK.format(language="nl"), {"email": "laatste@example.org"})
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0


def test_lost_link_page_is_linked_from_a_broken_manage_link(client, event):
    response = client.get("/nl/agenda/studiedag/manage/onbekend/")
    assert response.status_code == 404
    assert soup(response).find("a", href=LOST_LINK.format(language="nl"))


# -- Cancelling asks first ------------------------------------------------------------------------


def test_cancelling_shows_a_confirmation_page_first(client, full_event, registrant):
    seated = services.register(full_event, registrant(1))
    waiting = services.register(full_event, registrant(2))
    url = f"/nl/agenda/klein/manage/{seated.manage_secret}/"
    manage = soup(client.get(url))
    button = manage.select_one("form.manage-form input[value=cancel]").find_parent("form")
    assert button["method"] == "get"

    confirm = client.get(url, {"action": "cancel"})
    assert confirm.status_code == 200
    form = soup(confirm).select_one("form input[name=confirm]").find_parent("form")
    assert form["method"] == "post"
    assert soup(confirm).find("a", href=url)  # "keep my registration"
    seated.refresh_from_db()
    assert seated.status == RegistrationStatus.CONFIRMED

    # A POST that skipped the page (an old form, a script) is asked again, not obeyed.
    again = client.post(url, {"action": "cancel"})
    assert again.status_code == 200
    assert soup(again).select_one("input[name=confirm]")
    seated.refresh_from_db()
    assert seated.status == RegistrationStatus.CONFIRMED

    done = client.post(url, {"action": "cancel", "confirm": "yes"})
    assert done.status_code == 302
    seated.refresh_from_db()
    waiting.refresh_from_db()
    assert seated.status == RegistrationStatus.CANCELLED
    assert waiting.status == RegistrationStatus.CONFIRMED


def test_a_cancelled_registration_is_not_asked_again(client, event, registrant):
    registration = services.register(event, registrant(1))
    services.cancel(registration)
    url = f"/nl/agenda/studiedag/manage/{registration.manage_secret}/"
    response = client.get(url, {"action": "cancel"})
    assert response.status_code == 200
    assert not soup(response).select_one("input[name=confirm]")
    assert client.post(url, {"action": "cancel", "confirm": "yes"}).status_code == 400


# -- The form knows the member ---------------------------------------------------------------


def test_the_registration_form_is_filled_from_the_members_profile(client, event):
    organisation = OrganisationFactory(name="Stad Leuven")
    user = member(display_name="Lies Maes", organisation=organisation, role="Aankoper ICT")
    client.force_login(user)
    form = soup(client.get("/nl/agenda/studiedag/register/")).select_one("form.registration-form")
    assert form.select_one("input[name=name]")["value"] == "Lies Maes"
    assert form.select_one("input[name=email]")["value"] == user.email
    assert form.select_one("input[name=organisation]")["value"] == "Stad Leuven"
    assert form.select_one("input[name=role]")["value"] == "Aankoper ICT"


def test_a_member_without_organisation_or_role_gets_those_fields_empty(client, event):
    user = member(display_name="Lies Maes")
    client.force_login(user)
    form = soup(client.get("/nl/agenda/studiedag/register/")).select_one("form.registration-form")
    assert form.select_one("input[name=name]")["value"] == "Lies Maes"
    assert not form.select_one("input[name=organisation]").get("value")
    assert Registration.objects.count() == 0


# -- Changing sessions is confirmed by e-mail ---------------------------------------------------


def test_changing_sessions_on_the_manage_page_sends_an_email_in_the_registrants_language(
    client, site_tree, event, registrant
):
    from tests.events.factories import CongressSessionFactory

    event.kind = "congress"
    publish(event)
    building = CongressSessionFactory(page=event, title="Bouwen", track="A")
    ict = CongressSessionFactory(page=event, title="ICT", track="B", starts=building.starts)
    site_tree.translate(event, "fr", title="Journée d'étude", slug="journee-etude")
    registration = services.register(
        event, registrant(1, language="fr"), [str(building.translation_key)]
    )
    mail.outbox.clear()
    url = f"/fr/agenda-fr/journee-etude/manage/{registration.manage_secret}/"

    same = client.post(url, {"action": "sessions", "slot_1": str(building.translation_key)})
    assert same.status_code == 302
    assert mail.outbox == []  # nothing changed, nothing to say

    changed = client.post(url, {"action": "sessions", "slot_1": str(ict.translation_key)})
    assert changed.status_code == 302
    (message,) = mail.outbox
    assert message.to == [registration.email]
    assert message.extra_headers["Content-Language"] == "fr"
    assert "Journée d'étude" in message.subject
    assert "ICT" in message.body and "Bouwen" not in message.body


def test_the_profile_page_leads_to_my_registrations(client, site_tree):
    client.force_login(member())
    page = soup(client.get("/nl/members/me/"))
    assert page.find("a", href=MINE.format(language="nl"))
