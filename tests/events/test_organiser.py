"""Organisers in the admin: registrations by hand, waitlist moves, questions, previews, check-in."""

import csv
import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.core import mail
from django.utils import timezone
from openpyxl import load_workbook

from agenda import organiser, questions, services
from agenda.models import (
    EventQuestion,
    Registration,
    RegistrationLogEntry,
    RegistrationStatus,
    SentMessage,
)
from tests.conftest import publish
from tests.network.factories import UserFactory

pytestmark = pytest.mark.django_db

HAND = {
    "name": "Hilde Hand",
    "email": "hilde@example.org",
    "organisation_name": "Provincie Limburg",
    "role": "Jurist",
    "green_deal": "no",
    "language": "fr",
    "dietary_needs": "",
    "accessibility_needs": "",
}


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def manager(client):
    user = UserFactory(is_staff=True, first_name="Olga", last_name="Organisator")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="manage_registrations"),
    )
    client.force_login(user)
    return user


@pytest.fixture
def full(event, registrant):
    """An event with one seat, taken, and one person waiting."""
    event.capacity = 1
    publish(event)
    services.register(event, registrant(1, name="An Zit"))
    services.register(event, registrant(2, name="Bert Wacht"))
    mail.outbox.clear()
    return event


def url(event, rest=""):
    return f"/admin/registrations/{event.pk}/{rest}"


# -- registrations by hand ------------------------------------------------------------------------


def test_adding_by_hand_with_room_confirms_and_mails(client, manager, event):
    response = client.post(url(event, "add/"), HAND)
    assert response.status_code == 302
    added = Registration.objects.get(email="hilde@example.org")
    assert added.status == RegistrationStatus.CONFIRMED
    assert added.language == "fr"
    assert mail.outbox[-1].to == ["hilde@example.org"]
    assert mail.outbox[-1].extra_headers["Content-Language"] == "fr"
    entry = added.log_entries.get()
    assert (entry.action, entry.actor, entry.over_capacity) == ("added", manager, False)


def test_adding_by_hand_to_a_full_event_waitlists_without_a_reason(client, manager, full):
    assert client.post(url(full, "add/"), HAND).status_code == 302
    added = Registration.objects.get(email="hilde@example.org")
    assert added.status == RegistrationStatus.WAITLISTED
    assert services.counts(full)["confirmed"] == 1


def test_a_reason_confirms_beyond_the_capacity_and_is_logged(client, manager, full):
    response = client.post(url(full, "add/"), {**HAND, "reason": "Spreker van de dag"})
    assert response.status_code == 302
    added = Registration.objects.get(email="hilde@example.org")
    assert added.status == RegistrationStatus.CONFIRMED
    assert services.counts(full)["confirmed"] == 2
    entry = added.log_entries.get()
    assert entry.over_capacity and entry.reason == "Spreker van de dag"
    page = client.get(url(full, f"registration/{added.pk}/")).content.decode()
    assert "Spreker van de dag" in page


def test_without_waitlist_and_reason_a_full_event_refuses_by_hand(client, manager, full):
    full.waitlist_enabled = False
    publish(full)
    response = client.post(url(full, "add/"), HAND)
    assert response.status_code == 400
    assert "reden" in soup(response).select_one(".error-summary").get_text().lower()
    assert not Registration.objects.filter(email="hilde@example.org").exists()


def test_adding_an_address_already_registered_is_refused_in_the_form(client, manager, full):
    response = client.post(url(full, "add/"), {**HAND, "email": "PERSOON1@example.org"})
    assert response.status_code == 400
    assert "al ingeschreven" in response.content.decode()
    assert Registration.objects.count() == 2


def test_adding_by_hand_takes_the_chosen_session_and_its_capacity(client, manager, event):
    from tests.events.factories import CongressSessionFactory

    event.kind = "congress"
    publish(event)
    session = CongressSessionFactory(page=event, title="Bouwen", track="A", capacity=0)
    choice = {"slot_1": str(session.translation_key)}
    assert client.post(url(event, "add/"), {**HAND, **choice}).status_code == 302
    waiting = Registration.objects.get(email="hilde@example.org")
    assert waiting.status == RegistrationStatus.WAITLISTED  # the session is full
    assert list(waiting.sessions.all()) == [session]
    form = {**HAND, **choice, "email": "tweede@example.org", "reason": "Moderator"}
    assert client.post(url(event, "add/"), form).status_code == 302
    moderator = Registration.objects.get(email="tweede@example.org")
    assert moderator.status == RegistrationStatus.CONFIRMED
    assert list(moderator.sessions.all()) == [session]
    assert moderator.log_entries.get().over_capacity


def test_editing_saves_and_logs_the_changed_fields(client, manager, full):
    person = Registration.objects.get(name="An Zit")
    form = {**HAND, "name": "An Zit-Anders", "email": person.email, "language": "nl"}
    response = client.post(url(full, f"registration/{person.pk}/"), form)
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.name == "An Zit-Anders"
    assert person.organisation_name == "Provincie Limburg"
    entry = person.log_entries.get()
    assert entry.action == "edited"
    assert "name" in entry.reason and "organisation_name" in entry.reason
    duplicate = client.post(
        url(full, f"registration/{person.pk}/"), {**form, "email": "persoon2@example.org"}
    )
    assert duplicate.status_code == 400
    person.refresh_from_db()
    assert person.email == "persoon1@example.org"


def test_cancelling_by_hand_asks_first_then_moves_the_waitlist_up(client, manager, full):
    seated = Registration.objects.get(name="An Zit")
    page = client.get(url(full, f"registration/{seated.pk}/cancel/"))
    assert page.status_code == 200
    seated.refresh_from_db()
    assert seated.status == RegistrationStatus.CONFIRMED
    response = client.post(url(full, f"registration/{seated.pk}/cancel/"), {"reason": "Belde af"})
    assert response.status_code == 302
    seated.refresh_from_db()
    assert seated.status == RegistrationStatus.CANCELLED
    assert Registration.objects.get(name="Bert Wacht").status == RegistrationStatus.CONFIRMED
    assert seated.log_entries.get().reason == "Belde af"
    assert {tuple(m.to) for m in mail.outbox} == {
        ("persoon1@example.org",),
        ("persoon2@example.org",),
    }


def test_promoting_into_a_full_event_needs_a_reason(client, manager, full):
    waiting = Registration.objects.get(name="Bert Wacht")
    promote = url(full, f"registration/{waiting.pk}/promote/")
    assert "vol" in client.get(promote).content.decode()
    refused = client.post(promote, {"reason": " "})
    assert refused.status_code == 400
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.WAITLISTED
    assert mail.outbox == []

    assert client.post(promote, {"reason": "Bestuurslid"}).status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED
    assert services.counts(full)["confirmed"] == 2
    entry = waiting.log_entries.get()
    assert (entry.action, entry.over_capacity, entry.reason) == ("promoted", True, "Bestuurslid")
    assert mail.outbox[-1].to == ["persoon2@example.org"]


def test_promoting_with_a_free_seat_needs_no_reason(client, manager, full):
    full.capacity = 5
    full.save()  # a saved draft: the automatic promotion on publishing does not run
    waiting = Registration.objects.get(name="Bert Wacht")
    response = client.post(url(full, f"registration/{waiting.pk}/promote/"), {"reason": ""})
    assert response.status_code == 302
    entry = waiting.log_entries.get()
    assert not entry.over_capacity
    with pytest.raises(services.RegistrationError):
        organiser.promote(waiting)  # no longer waiting


# -- questions -------------------------------------------------------------------------------


@pytest.fixture
def lunch_question(event):
    return EventQuestion.objects.create(
        event=event,
        kind="choice",
        label_nl="Welke lunch?",
        label_fr="Quel lunch ?",
        label_en="Which lunch?",
        options_nl="Vegetarisch\nVis",
        options_fr="Végétarien\nPoisson",
        options_en="Vegetarian\nFish",
        required=True,
    )


def test_organisers_add_questions_in_three_languages(client, manager, event):
    bad = client.post(
        url(event, "questions/"),
        {
            "kind": "choice",
            "label_nl": "Welke lunch?",
            "label_fr": "Quel lunch ?",
            "label_en": "Which lunch?",
            "options_nl": "Vegetarisch\nVis",
            "options_fr": "Végétarien",
            "options_en": "Vegetarian\nFish",
            "sort_order": 0,
        },
    )
    assert bad.status_code == 400
    assert not EventQuestion.objects.exists()
    good = client.post(
        url(event, "questions/"),
        {
            "kind": "yes_no",
            "label_nl": "Kom je met de fiets?",
            "label_fr": "Viens-tu à vélo ?",
            "label_en": "Do you come by bike?",
            "required": "on",
            "sort_order": 1,
        },
    )
    assert good.status_code == 302
    question = EventQuestion.objects.get()
    assert (question.event_id, question.required, question.label("fr")) == (
        event.pk,
        True,
        "Viens-tu à vélo ?",
    )


def test_questions_are_asked_answered_shown_and_exported(
    client, site_tree, event, lunch_question, manager
):
    site_tree.translate(event, "fr", title="Journée d'étude", slug="journee-etude")
    client.logout()
    form_page = soup(client.get("/fr/agenda-fr/journee-etude/register/"))
    assert "Quel lunch ?" in form_page.get_text()
    field = f"question_{lunch_question.pk}"
    form = {
        "name": "Chloé",
        "email": "chloe@example.org",
        "organisation": "Ville de Liège",
        "role": "Acheteuse",
        "green_deal": "yes",
        "privacy_consent": "on",
    }
    missing = client.post("/fr/agenda-fr/journee-etude/register/", form)
    assert missing.status_code == 400
    assert not Registration.objects.exists()
    done = client.post("/fr/agenda-fr/journee-etude/register/", {**form, field: "1"})
    assert done.status_code == 302
    registration = Registration.objects.get()
    assert registration.answers.get().value == "1"
    manage = client.get(done["Location"]).content.decode()
    assert "Quel lunch ?" in manage and "Poisson" in manage

    client.force_login(manager)
    response = client.get(url(event, "export.csv"))
    header, row = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert header[-1] == "Welke lunch?"
    assert row[-1] == "Vis"
    sheet = load_workbook(io.BytesIO(client.get(url(event, "export.xlsx")).content)).active
    rows = [[cell.value for cell in r] for r in sheet.iter_rows()]
    assert (rows[0][-1], rows[1][-1]) == ("Welke lunch?", "Vis")


def test_answers_are_edited_in_the_admin(client, manager, event, lunch_question, registrant):
    registration = services.register(event, registrant(1), answers={lunch_question: "0"})
    field = f"question_{lunch_question.pk}"
    edit = url(event, f"registration/{registration.pk}/")
    page = soup(client.get(edit))
    assert page.select_one(f"input[name={field}][value='0']").has_attr("checked")
    form = {
        **HAND,
        "name": registration.name,
        "email": registration.email,
        "language": "nl",
        field: "1",
    }
    assert client.post(edit, form).status_code == 302
    assert questions.shown_answers(registration, "en") == [("Which lunch?", "Fish")]
    assert "answers" in registration.log_entries.get().reason


# -- messages: preview and history ---------------------------------------------------------


def test_a_message_is_previewed_before_it_is_sent_and_kept_in_the_history(client, manager, full):
    message = {"audience": "confirmed", "subject": "Parking", "body": "Parkeer aan het station."}
    preview = client.post(url(full, "message/"), {**message, "step": "preview"})
    assert preview.status_code == 200
    assert mail.outbox == []
    shown = soup(preview).select_one(".message-preview").get_text()
    assert "Parking" in shown and "Parkeer aan het station." in shown
    assert "1" in shown  # one recipient
    sent = client.post(url(full, "message/"), {**message, "step": "send"})
    assert sent.status_code == 302
    assert [m.to for m in mail.outbox] == [["persoon1@example.org"]]
    record = SentMessage.objects.get()
    assert (record.subject, record.recipients, record.sent_by) == ("Parking", 1, manager)
    history = soup(client.get(url(full, "message/"))).select_one("#sent-history").parent
    assert "Parkeer aan het station." in history.get_text()


def test_an_empty_or_early_follow_up_warns_and_waits_for_confirmation(client, manager, full):
    services.check_in(Registration.objects.get(name="An Zit"))
    preview = client.post(url(full, "follow-up/"), {"note": "", "step": "preview"})
    warnings = [li.get_text() for li in soup(preview).select(".follow-up-warnings li")]
    assert len(warnings) == 2  # empty, and the event has not ended
    unconfirmed = client.post(url(full, "follow-up/"), {"note": "", "step": "send"})
    assert unconfirmed.status_code == 200
    assert mail.outbox == []
    assert soup(unconfirmed).select_one("input[name=send_anyway]")
    sent = client.post(url(full, "follow-up/"), {"note": "", "step": "send", "send_anyway": "1"})
    assert sent.status_code == 302
    assert len(mail.outbox) == 1
    assert SentMessage.objects.get().kind == "follow_up"


def test_a_follow_up_after_the_event_with_a_note_has_no_warning(full):
    end = timezone.now() + datetime.timedelta(days=30)
    assert organiser.follow_up_warnings(full, note="Dank je", now=end) == []
    assert len(organiser.follow_up_warnings(full, note="", now=end)) == 1


# -- check-in only for confirmed people -----------------------------------------------------------


def test_only_confirmed_people_check_in(client, manager, full):
    waiting = Registration.objects.get(name="Bert Wacht")
    with pytest.raises(services.RegistrationError) as refused:
        services.check_in(waiting)
    assert refused.value.code == "waitlisted"
    response = client.post(url(full, f"check-in/{waiting.pk}/"), {"attended": "1"}, follow=True)
    assert "wachtlijst" in response.content.decode()
    waiting.refresh_from_db()
    assert waiting.checked_in_at is None
    listing = soup(client.get(url(full, "check-in/")))
    buttons = [b.get_text() for b in listing.select(".check-in__list button")]
    assert any("An Zit" in b for b in buttons)
    assert not any("Bert Wacht" in b for b in buttons)


@pytest.mark.parametrize(
    "rest",
    ["add/", "registration/{pk}/", "registration/{pk}/cancel/", "registration/{pk}/promote/",
     "questions/"],
)  # fmt: skip
def test_organiser_views_need_the_permission(client, full, rest):
    user = UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    person = Registration.objects.get(name="Bert Wacht")
    path = url(full, rest.format(pk=person.pk))
    assert client.get(path).status_code == 403
    assert client.post(path, {**HAND, "reason": "x"}).status_code == 403
    person.refresh_from_db()
    assert person.status == RegistrationStatus.WAITLISTED
    assert not RegistrationLogEntry.objects.exists()


def test_purging_removes_answers_and_reasons(event, lunch_question, registrant):
    from agenda.models import RegistrationAnswer

    registration = organiser.add_registration(
        event, registrant(1), reason="", answers={lunch_question: "1"}
    )
    organiser.edit_registration(registration, {"name": "Ander"}, answers=None)
    assert RegistrationAnswer.objects.count() == 1
    later = event.end + datetime.timedelta(days=400)
    assert services.purge_registrations(365, now=later) == 1
    assert RegistrationAnswer.objects.count() == 0
    assert set(registration.log_entries.values_list("reason", flat=True)) == {""}
