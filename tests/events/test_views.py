"""The public pages: agenda, event page, registration form, manage link, register page."""

import datetime
import json
import smtplib

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.mail.backends import locmem
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar

from agenda.models import Registration, RegistrationStatus
from tests.conftest import publish
from tests.events.factories import (
    REGISTRATION_FORM,
    CongressSessionFactory,
    EventPageFactory,
    OutcomeFactory,
    OutcomeRegisterPageFactory,
    ThemeFactory,
    WorkSessionPageFactory,
)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


FORM = REGISTRATION_FORM


def test_page_tree_rules():
    from agenda.models import EventIndexPage, EventPage, OutcomeRegisterPage, WorkSessionPage
    from home.models import HomePage

    assert "events.EventIndexPage" in HomePage.subpage_types
    assert EventIndexPage.parent_page_types == ["home.HomePage"]
    assert EventPage.parent_page_types == ["events.EventIndexPage"]
    assert WorkSessionPage.parent_page_types == ["events.EventIndexPage"]
    assert OutcomeRegisterPage.parent_page_types == ["events.EventIndexPage"]
    assert EventPage.subpage_types == WorkSessionPage.subpage_types == []


def test_event_page_shows_details_and_json_ld(client, event):
    response = client.get("/nl/agenda/studiedag/")
    assert response.status_code == 200
    page = soup(response)
    assert page.h1.get_text() == "Studiedag"
    scripts = page.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    data = json.loads(scripts[0].string)
    assert data["@type"] == "Event"
    assert data["name"] == "Studiedag"
    assert data["startDate"].endswith(("+01:00", "+02:00"))
    assert data["location"]["address"]["streetAddress"] == "Oude Graanmarkt 5, 1000 Brussel"
    assert data["url"] == "http://testserver/nl/agenda/studiedag/"
    # No inline JavaScript beyond the structured data.
    assert all(
        s.get("type") == "application/ld+json" or s.get("src") for s in page.find_all("script")
    )


def test_json_ld_escapes_script_endings(client, event):
    event.title = "Studiedag </script><script>alert(1)</script>"
    publish(event)
    html = client.get("/nl/agenda/studiedag/").content.decode()
    assert "</script><script>alert(1)" not in html
    payload = soup(client.get("/nl/agenda/studiedag/")).find("script", type="application/ld+json")
    assert json.loads(payload.string)["name"] == event.title


def test_register_then_manage_and_cancel(client, event):
    response = client.post("/nl/agenda/studiedag/register/", FORM)
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.language == "nl"
    assert response["Location"].endswith(f"/manage/{registration.manage_secret}/")
    assert mail.outbox[0].to == ["an@example.org"]

    manage = client.get(response["Location"])
    assert manage.status_code == 200
    assert "no-store" in manage["Cache-Control"] or "no-cache" in manage["Cache-Control"]
    assert "An Peeters" in manage.content.decode()

    cancelled = client.post(response["Location"], {"action": "cancel", "confirm": "yes"})
    assert cancelled.status_code == 302
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED


def test_register_in_french_stores_language_and_mails_in_french(client, site_tree, event):
    site_tree.translate(event, "fr", title="Journée d'étude", slug="journee-etude")
    response = client.post("/fr/agenda-fr/journee-etude/register/", FORM)
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.language == "fr"
    assert registration.event_id == event.pk
    assert "Journée d'étude" in mail.outbox[0].subject


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"email": "geen-adres"}, "email"),
        ({"name": ""}, "name"),
        ({"organisation": ""}, "organisation"),
        ({"role": ""}, "role"),
        ({"green_deal": "misschien"}, "green_deal"),
        ({"privacy_consent": ""}, "privacy_consent"),
    ],
)
def test_bad_input_shows_linked_errors_and_saves_nothing(client, event, changes, field):
    data = {**FORM, **changes}
    response = client.post("/nl/agenda/studiedag/register/", data)
    assert response.status_code == 400
    page = soup(response)
    summary = page.find(class_="error-summary")
    assert summary is not None
    assert summary.find("a", href=f"#id_{field}") is not None
    assert page.find(id=f"id_{field}-error") is not None
    assert not Registration.objects.exists()
    assert mail.outbox == []


def test_errors_are_translated(client, site_tree, event):
    site_tree.translate(event, "fr", slug="journee")
    response = client.post("/nl/agenda/studiedag/register/", {**FORM, "email": "x"})
    assert "Voer een geldig e-mailadres in" in response.content.decode()
    response = client.post("/fr/agenda-fr/journee/register/", {**FORM, "email": "x"})
    assert "Saisissez une adresse e-mail valide" in response.content.decode()


def test_closed_registration_shows_a_message(client, event):
    event.registration_closes = timezone.now() - datetime.timedelta(hours=1)
    publish(event)
    response = client.get("/nl/agenda/studiedag/register/")
    assert response.status_code == 200
    assert soup(response).find("form", class_="registration-form") is None
    assert client.post("/nl/agenda/studiedag/register/", FORM).status_code == 400
    assert not Registration.objects.exists()


def test_full_event_without_waitlist_is_a_form_error(client, event):
    event.capacity = 0
    event.waitlist_enabled = False
    publish(event)
    response = client.post("/nl/agenda/studiedag/register/", FORM)
    assert response.status_code == 400
    assert soup(response).find(class_="error-summary") is not None
    assert not Registration.objects.exists()


def test_full_event_registers_on_waitlist(client, event):
    event.capacity = 0
    publish(event)
    response = client.post("/nl/agenda/studiedag/register/", FORM)
    assert response.status_code == 302
    manage = soup(client.get(response["Location"]))
    assert "nummer 1" in manage.get_text() or "number 1" in manage.get_text()


def test_logged_in_member_is_prefilled(client, event, django_user_model):
    user = django_user_model.objects.create_user(
        "an", "an@example.org", "x", first_name="An", last_name="Peeters"
    )
    client.force_login(user)
    page = soup(client.get("/nl/agenda/studiedag/register/"))
    assert page.find(id="id_name")["value"] == "An Peeters"
    assert page.find(id="id_email")["value"] == "an@example.org"


def test_optional_questions_follow_the_event(client, event):
    event.ask_dietary = False
    publish(event)
    page = soup(client.get("/nl/agenda/studiedag/register/"))
    assert page.find(id="id_dietary_needs") is None
    assert page.find(id="id_accessibility_needs") is not None


@pytest.mark.parametrize("token", ["x" * 43, "abc", "<script>", "a" * 300])
def test_tampered_manage_token_gets_a_clear_404(client, event, token):
    response = client.get(f"/nl/agenda/studiedag/manage/{token}/")
    assert response.status_code == 404
    assert "Deze link werkt niet" in response.content.decode() or soup(response).h1


def test_manage_token_of_another_event_is_refused(client, agenda, event):
    other = publish(EventPageFactory(parent=agenda, slug="ander"))
    client.post("/nl/agenda/studiedag/register/", FORM)
    token = Registration.objects.get().manage_secret
    assert client.get(f"/nl/agenda/ander/manage/{token}/").status_code == 404
    assert (
        client.post(f"/nl/agenda/{other.slug}/manage/{token}/", {"action": "cancel"}).status_code
        == 404
    )
    assert Registration.objects.get().status == RegistrationStatus.CONFIRMED


def test_congress_form_offers_one_choice_per_slot(client, event):
    event.kind = "congress"
    publish(event)
    a = CongressSessionFactory(page=event, title="Bouwen", track="A")
    b = CongressSessionFactory(page=event, title="ICT", track="B", starts=a.starts)
    page = soup(client.get("/nl/agenda/studiedag/register/"))
    radios = page.select("input[name=slot_1]")
    assert {r["value"] for r in radios} == {"", str(a.translation_key), str(b.translation_key)}
    response = client.post(
        "/nl/agenda/studiedag/register/", {**FORM, "slot_1": str(b.translation_key)}
    )
    assert response.status_code == 302
    assert list(Registration.objects.get().sessions.all()) == [b]


def test_session_not_of_this_event_is_a_form_error(client, agenda, event):
    event.kind = "congress"
    publish(event)
    CongressSessionFactory(page=event)
    other = publish(EventPageFactory(parent=agenda, slug="ander"))
    foreign = CongressSessionFactory(page=other)
    response = client.post(
        "/nl/agenda/studiedag/register/", {**FORM, "slot_1": str(foreign.translation_key)}
    )
    assert response.status_code == 400
    assert not Registration.objects.exists()


def test_event_ical_is_valid(client, event):
    response = client.get("/nl/agenda/studiedag/ical/")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    vevent = calendar.walk("VEVENT")[0]
    assert str(vevent["UID"]) == f"event-{event.translation_key}@circulaire-aankopers.be"
    assert vevent["DTSTART"].params["TZID"] == "Europe/Brussels"
    assert vevent.decoded("DTSTART") == event.start
    assert str(vevent["LOCATION"]).startswith("Zaal De Markten")
    assert str(vevent["URL"]) == "http://testserver/nl/agenda/studiedag/"
    assert calendar.walk("VTIMEZONE")


def test_agenda_lists_upcoming_and_past_with_filters(client, agenda, event):
    theme = ThemeFactory(name="ICT", slug="ict")
    session = publish(WorkSessionPageFactory(parent=agenda, slug="ict", theme=theme))
    old = publish(
        EventPageFactory(
            parent=agenda,
            slug="oud",
            start=timezone.now() - datetime.timedelta(days=30),
            end=timezone.now() - datetime.timedelta(days=30, hours=-3),
        )
    )
    titles = lambda r: [a.get_text() for a in soup(r).select(".event-card h3 a")]  # noqa: E731
    assert set(titles(client.get("/nl/agenda/"))) == {event.title, session.title}
    assert titles(client.get("/nl/agenda/?when=past")) == [old.title]
    assert titles(client.get("/nl/agenda/?theme=ict")) == [session.title]
    assert titles(client.get("/nl/agenda/?kind=work_session")) == [session.title]
    assert client.get("/nl/agenda/?kind=nonsense&page=abc").status_code == 200
    assert client.get("/nl/agenda/?page=99").status_code == 404


def agenda_queries(client):
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/nl/agenda/")
    assert response.status_code == 200
    return len(captured)


def test_agenda_query_count_does_not_grow_with_events(client, agenda, event):
    publish(WorkSessionPageFactory(parent=agenda))
    agenda_queries(client)  # warm the site and locale caches
    agenda_queries(client)
    few = agenda_queries(client)
    for _ in range(6):
        publish(WorkSessionPageFactory(parent=agenda))
        publish(EventPageFactory(parent=agenda))
    agenda_queries(client)
    agenda_queries(client)
    assert agenda_queries(client) == few


def test_agenda_ical_feed_holds_upcoming_events(client, agenda, event):
    publish(EventPageFactory(parent=agenda, slug="tweede"))
    calendar = Calendar.from_ical(client.get("/nl/agenda/ical/").content)
    assert len(calendar.walk("VEVENT")) == 2


def test_work_session_shows_theme_in_page_language(client, site_tree, agenda):
    theme = ThemeFactory(name="Verlichting", slug="verlichting", locale=site_tree.locales["nl"])
    theme.copy_for_translation(site_tree.locales["fr"]).__class__  # noqa: B018
    french_theme = theme.copy_for_translation(site_tree.locales["fr"])
    french_theme.name = "Éclairage"
    french_theme.slug = "eclairage"
    french_theme.save()
    session = publish(WorkSessionPageFactory(parent=agenda, slug="licht", theme=theme))
    OutcomeFactory(page=session, kind="opportunity", statement="Licht als dienst")
    publish(session)
    site_tree.translate(session, "fr", slug="lumiere", title="Atelier éclairage")
    page = soup(client.get("/fr/agenda-fr/lumiere/"))
    assert "Éclairage" in page.find(class_="eyebrow").get_text()


def test_outcome_register_filters_by_theme_and_kind(client, agenda):
    register_page = publish(OutcomeRegisterPageFactory(parent=agenda))
    ict = ThemeFactory(name="ICT", slug="ict")
    furniture = ThemeFactory(name="Meubilair", slug="meubilair")
    ict_session = WorkSessionPageFactory(parent=agenda, theme=ict)
    OutcomeFactory(page=ict_session, kind="barrier", statement="Geen garantie op refurbished")
    OutcomeFactory(page=ict_session, kind="opportunity", statement="Laptops als dienst")
    publish(ict_session)
    furniture_session = WorkSessionPageFactory(parent=agenda, theme=furniture)
    OutcomeFactory(page=furniture_session, kind="barrier", statement="Te weinig aanbod")
    publish(furniture_session)
    url = register_page.url

    def statements(query=""):
        return [
            td.get_text() for td in soup(client.get(url + query)).select("tbody td:nth-of-type(2)")
        ]

    assert len(statements()) == 3
    assert statements("?theme=ict&kind=barrier") == ["Geen garantie op refurbished"]
    assert statements("?theme=meubilair") == ["Te weinig aanbod"]
    assert len(statements("?kind=opportunity")) == 1


def test_home_page_shows_upcoming_events(client, event):
    section = soup(client.get("/nl/")).find(class_="home-events")
    assert section is not None
    assert event.title in section.get_text()


# -- registering again, and failures after the registration committed ---------------------


REGISTER_URL = "/nl/agenda/studiedag/register/"


def assert_shows_no_personal_data(response, registration):
    text = response.content.decode()
    for value in (registration.name, registration.organisation_name, registration.role):
        assert value not in text
    assert registration.manage_secret not in text


PRIVATE = {**FORM, "name": "Griet Vanparys", "organisation": "Zeldzame Gemeente", "role": "Tolk"}


def test_registering_again_shows_the_status_and_offers_the_link(client, event):
    client.post(REGISTER_URL, PRIVATE)
    registration = Registration.objects.get()
    mail.outbox.clear()

    response = client.post(
        REGISTER_URL, {**FORM, "name": "Iemand Anders", "email": "AN@example.org"}
    )
    assert response.status_code == 200
    page = soup(response)
    notice = page.find(class_="existing-registration")
    assert "Er bestaat al een inschrijving voor dit e-mailadres" in notice.get_text()
    assert "bevestigd" in notice.get_text()
    form = notice.find("form", class_="resend-link-form")
    assert form["method"] == "post"
    assert form.find("input", attrs={"name": "action"})["value"] == "resend_link"
    assert form.find("input", attrs={"name": "email"})["value"] == "AN@example.org"
    assert page.find("form", class_="registration-form") is None
    assert_shows_no_personal_data(response, registration)
    assert Registration.objects.count() == 1
    assert mail.outbox == []


def test_registering_again_on_the_waitlist_shows_the_place(client, event):
    event.capacity = 1
    publish(event)
    client.post(REGISTER_URL, {**FORM, "email": "eerste@example.org"})
    client.post(REGISTER_URL, FORM)
    response = client.post(REGISTER_URL, FORM)
    assert response.status_code == 200
    text = soup(response).find(class_="existing-registration").get_text()
    assert "wachtlijst" in text and "nummer 1" in text


@pytest.mark.parametrize(
    "language, prefix, expected",
    [
        ("fr", "/fr/agenda-fr/journee/", "Une inscription existe déjà pour cette adresse e-mail"),
        ("en", "/en/agenda-en/study-day/", "A registration for this e-mail address exists"),
    ],
)
def test_registering_again_is_answered_in_the_readers_language(
    client, site_tree, event, language, prefix, expected
):
    site_tree.translate(event, language, slug=prefix.rstrip("/").rsplit("/", 1)[1])
    client.post(REGISTER_URL, FORM)
    response = client.post(prefix + "register/", FORM)
    assert response.status_code == 200
    assert expected in soup(response).find(class_="existing-registration").get_text()


def test_resending_the_link_mails_the_registered_address_only(client, event):
    client.post(REGISTER_URL, PRIVATE)
    registration = Registration.objects.get()
    mail.outbox.clear()

    response = client.post(
        REGISTER_URL, {"action": "resend_link", "email": " AN@Example.org "}, follow=True
    )
    assert response.status_code == 200
    assert "we de link naar je inschrijving" in response.content.decode()
    assert [message.to for message in mail.outbox] == [["an@example.org"]]
    manage_url = f"/nl/agenda/studiedag/manage/{registration.manage_secret}/"
    assert manage_url in mail.outbox[0].body
    assert_shows_no_personal_data(response, registration)


def test_resending_for_an_unknown_address_answers_the_same_and_sends_nothing(client, event):
    client.post(REGISTER_URL, FORM)
    mail.outbox.clear()
    known = client.post(REGISTER_URL, {"action": "resend_link", "email": "an@example.org"})
    unknown = client.post(REGISTER_URL, {"action": "resend_link", "email": "niemand@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert [message.to for message in mail.outbox] == [["an@example.org"]]


def test_resending_counts_against_the_registration_rate_limit(client, event, settings):
    settings.FORM_RATE_LIMITS = {**settings.FORM_RATE_LIMITS, "event_registration": "2/h"}
    client.post(REGISTER_URL, FORM)
    mail.outbox.clear()
    client.post(REGISTER_URL, {"action": "resend_link", "email": "an@example.org"})
    response = client.post(REGISTER_URL, {"action": "resend_link", "email": "an@example.org"})
    assert response.status_code == 429
    assert len(mail.outbox) == 1


class RefusingMailBackend(locmem.EmailBackend):
    """A mail server refusing every message; no SMTP server can run in the tests."""

    def send_messages(self, messages):
        raise smtplib.SMTPException("554 5.7.1 Service unavailable")


class WriteRefusingCache(LocMemCache):
    """A cache that answers reads but refuses every write, as a cache on a full disk does
    (or a Redis at its memory limit): a real failure of the cache, raised by the cache."""

    def _refuse(self, *args, **kwargs):
        raise ConnectionError("the cache refuses writes")

    add = set = set_many = get_or_set = incr = decr = delete = delete_many = touch = _refuse
    clear = _refuse


def test_a_refused_confirmation_email_still_shows_the_confirmation(client, event, settings):
    settings.EMAIL_BACKEND = "tests.events.test_views.RefusingMailBackend"
    response = client.post(REGISTER_URL, FORM, follow=True)
    assert response.status_code == 200
    assert "Je bent ingeschreven" in response.content.decode()
    registration = Registration.objects.get()
    assert registration.status == RegistrationStatus.CONFIRMED
    assert response.redirect_chain[-1][0].endswith(f"/manage/{registration.manage_secret}/")
    assert registration.undelivered_emails.get().kind == "confirmed"


def test_a_failing_cache_still_shows_the_confirmation_and_sends_the_email(client, event):
    # Pages read from the cache while it still took writes; then it refuses every write.
    assert client.get(REGISTER_URL).status_code == 200
    with override_settings(
        CACHES={"default": {"BACKEND": "tests.events.test_views.WriteRefusingCache"}}
    ):
        with pytest.raises(ConnectionError):
            caches["default"].set("probe", 1)
        response = client.post(REGISTER_URL, FORM, follow=True)
    assert response.status_code == 200
    assert "Je bent ingeschreven" in response.content.decode()
    registration = Registration.objects.get()
    assert [message.to for message in mail.outbox] == [["an@example.org"]]
    assert registration.manage_secret in mail.outbox[0].body


def test_a_full_session_is_named_in_the_readers_language(client, site_tree, event):
    from agenda.models import CongressSession

    event.kind = "congress"
    event.capacity = 10
    publish(event)
    table = CongressSessionFactory(page=event, title="Rondetafel hergebruik", capacity=1)
    english = site_tree.translate(event, "en", slug="study-day", title="Study day")
    CongressSession.objects.filter(page=english, translation_key=table.translation_key).update(
        title="Round table on reuse"
    )
    choice = {"slot_1": str(table.translation_key)}
    assert client.post(REGISTER_URL, {**FORM, **choice}).status_code == 302
    response = client.post(
        "/en/agenda-en/study-day/register/",
        {**FORM, **choice, "email": "other@example.org"},
    )
    assert response.status_code == 400
    errors = " ".join(e.get_text(" ", strip=True) for e in soup(response).select(".errorlist"))
    assert "The session “Round table on reuse” is full. Choose another session." in errors
    assert "Rondetafel" not in errors and "volzet" not in errors
