"""E-mails and calendar files, the editors' admin views and the management commands."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone
from icalendar import Calendar
from openpyxl import load_workbook

from agenda import services
from agenda.models import Registration
from tests.conftest import publish
from tests.events.factories import CongressSessionFactory


def test_confirmation_is_html_and_text_in_the_registrants_language(site_tree, event, registrant):
    site_tree.translate(event, "fr", title="Journée d'étude", slug="journee")
    services.register(event, registrant(1, language="fr"))
    message = mail.outbox[0]
    assert message.to == ["persoon1@example.org"]
    assert "Journée d'étude" in message.subject
    assert "/fr/agenda-fr/journee/manage/" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert '<html lang="fr">' in html
    filename, content, attachment_type = message.attachments[0]
    assert filename == "event.ics"
    assert attachment_type.startswith("text/calendar")
    vevent = Calendar.from_ical(content).walk("VEVENT")[0]
    assert str(vevent["UID"]) == event.ical_uid()
    assert vevent["DTSTART"].params["TZID"] == "Europe/Brussels"
    assert "Oude Graanmarkt" in str(vevent["LOCATION"])
    assert str(vevent["URL"]).endswith("/fr/agenda-fr/journee/")


def test_waitlist_mail_tells_the_place_and_has_no_calendar(event, registrant):
    event.capacity = 0
    publish(event)
    services.register(event, registrant(1))
    message = mail.outbox[0]
    assert message.attachments == []
    assert " 1" in message.body


def test_reminder_command_is_idempotent(event, registrant):
    services.register(event, registrant(1))
    mail.outbox.clear()
    out = io.StringIO()
    call_command("send_event_reminders", "--hours", str(24 * 30), stdout=out)
    call_command("send_event_reminders", "--hours", str(24 * 30), stdout=out)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].attachments  # the calendar file again
    assert Registration.objects.get().reminder_sent_at is not None


@pytest.mark.parametrize("hours", ["0", "-5", "99999"])
def test_reminder_command_refuses_bad_hours(db, hours):
    with pytest.raises(CommandError, match="--hours"):
        call_command("send_event_reminders", "--hours", hours)


def test_purge_command_dry_run_and_real(event, registrant):
    event.start = event.start - datetime.timedelta(days=800)
    event.end = event.end - datetime.timedelta(days=800)
    publish(event)
    RegistrationFactory = __import__(
        "tests.events.factories", fromlist=["RegistrationFactory"]
    ).RegistrationFactory
    RegistrationFactory(event=event, email="oud@example.org")
    out = io.StringIO()
    call_command("purge_registrations", "--older-than", "365", "--dry-run", stdout=out)
    assert "Would anonymise 1" in out.getvalue()
    assert Registration.objects.get().email == "oud@example.org"
    call_command("purge_registrations", "--older-than", "365", stdout=out)
    assert Registration.objects.get().email == ""


def test_purge_command_refuses_negative_days(db):
    with pytest.raises(CommandError, match="--older-than"):
        call_command("purge_registrations", "--older-than", "-1")


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", "editor@example.org", "x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


@pytest.fixture
def manager(editor):
    editor.user_permissions.add(Permission.objects.get(codename="manage_registrations"))
    return editor


@pytest.fixture
def registrations(event, registrant):
    event.capacity = 1
    publish(event)
    services.register(event, registrant(1, name="An Peeters", organisation_name="=HYPERLINK()"))
    services.register(event, registrant(2, name="Bert Claes"))
    mail.outbox.clear()
    return event


ADMIN_URLS = [
    "/admin/registrations/",
    "/admin/registrations/{pk}/",
    "/admin/registrations/{pk}/export.csv",
    "/admin/registrations/{pk}/export.xlsx",
    "/admin/registrations/{pk}/check-in/",
    "/admin/registrations/{pk}/message/",
    "/admin/registrations/{pk}/follow-up/",
]


@pytest.mark.parametrize("url", ADMIN_URLS)
def test_editors_without_permission_get_403(client, editor, registrations, url):
    client.force_login(editor)
    response = client.get(url.format(pk=registrations.pk))
    assert response.status_code == 403
    assert b"An Peeters" not in response.content


@pytest.mark.parametrize("url", ADMIN_URLS)
def test_managers_see_the_admin_views(client, manager, registrations, url):
    client.force_login(manager)
    assert client.get(url.format(pk=registrations.pk)).status_code == 200


def test_registration_list_counts_and_search(client, manager, registrations):
    client.force_login(manager)
    response = client.get(f"/admin/registrations/{registrations.pk}/?q=bert")
    content = response.content.decode()
    assert "Bert Claes" in content
    assert "An Peeters" not in content


def test_csv_and_xlsx_exports(client, manager, registrations):
    client.force_login(manager)
    csv_response = client.get(f"/admin/registrations/{registrations.pk}/export.csv")
    rows = list(csv.reader(io.StringIO(csv_response.content.decode("utf-8-sig"))))
    assert len(rows) == 3
    assert {row[0] for row in rows[1:]} == {"An Peeters", "Bert Claes"}
    assert "'=HYPERLINK()" in {row[2] for row in rows[1:]}
    xlsx_response = client.get(f"/admin/registrations/{registrations.pk}/export.xlsx")
    sheet = load_workbook(io.BytesIO(xlsx_response.content)).active
    assert sheet.max_row == 3


def test_exports_show_status_sessions_and_times_in_the_admins_language(
    client, manager, event, registrant
):
    event.kind = "congress"
    publish(event)
    building = CongressSessionFactory(page=event, title="Bouwen", track="A")
    ict = CongressSessionFactory(
        page=event, title="ICT", track="B", starts=building.starts + datetime.timedelta(hours=3)
    )
    keys = [str(building.translation_key), str(ict.translation_key)]
    chosen = services.register(event, registrant(1, name="An Peeters"), keys)
    services.register(event, registrant(2, name="Bert Claes"))
    services.check_in(chosen)
    chosen.refresh_from_db()
    client.force_login(manager)
    response = client.get(f"/admin/registrations/{event.pk}/export.csv")
    header, *rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert header[:7] == [
        "Naam", "E-mailadres", "Organisatie", "Rol of functie", "Green Deal", "Status", "Sessies",
    ]  # fmt: skip
    by_name = {row[0]: dict(zip(header, row, strict=True)) for row in rows}
    assert by_name["An Peeters"]["Sessies"] == "A: Bouwen; B: ICT"
    assert by_name["Bert Claes"]["Sessies"] == ""
    assert by_name["An Peeters"]["Status"] == "Bevestigd"
    checked_in = timezone.localtime(chosen.checked_in_at).strftime("%Y-%m-%d %H:%M")
    assert by_name["An Peeters"]["Aangemeld"] == checked_in
    assert by_name["Bert Claes"]["Aangemeld"] == ""
    sheet = load_workbook(
        io.BytesIO(client.get(f"/admin/registrations/{event.pk}/export.xlsx").content)
    ).active
    cells = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert [list(map(str, row)) for row in cells[:1]] == [header]
    xlsx = {row[0]: row for row in cells[1:]}
    assert xlsx["An Peeters"][6] == "A: Bouwen; B: ICT"
    assert xlsx["An Peeters"][header.index("Aangemeld")] == timezone.localtime(
        chosen.checked_in_at
    ).replace(tzinfo=None, microsecond=0)


def test_exporting_reads_a_fixed_number_of_queries(
    client, manager, registrations, registrant, django_assert_max_num_queries
):
    for n in range(3, 13):
        services.register(registrations, registrant(n))
    client.force_login(manager)
    with django_assert_max_num_queries(12):
        client.get(f"/admin/registrations/{registrations.pk}/export.csv")


def test_check_in_from_the_phone_view(client, manager, registrations):
    client.force_login(manager)
    person = Registration.objects.get(name="An Peeters")
    url = f"/admin/registrations/{registrations.pk}/check-in/{person.pk}/"
    assert client.post(url, {"attended": "1"}).status_code == 302
    person.refresh_from_db()
    assert person.checked_in_at is not None
    assert client.get(url).status_code == 405


def test_check_in_toggle_requires_permission(client, editor, registrations):
    client.force_login(editor)
    person = Registration.objects.get(name="An Peeters")
    url = f"/admin/registrations/{registrations.pk}/check-in/{person.pk}/"
    assert client.post(url, {"attended": "1"}).status_code == 403
    person.refresh_from_db()
    assert person.checked_in_at is None


def test_message_waitlisted_people(client, manager, registrations):
    client.force_login(manager)
    response = client.post(
        f"/admin/registrations/{registrations.pk}/message/",
        {"audience": "waitlisted", "subject": "Plaats", "body": "Nog even geduld.", "step": "send"},
    )
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [["persoon2@example.org"]]
    bad = client.post(f"/admin/registrations/{registrations.pk}/message/", {"audience": "x"})
    assert bad.status_code == 400


def test_follow_up_in_each_persons_language(client, site_tree, manager, registrations):
    site_tree.translate(registrations, "en", title="Study day", slug="study-day")
    person = Registration.objects.get(name="An Peeters")
    person.language = "en"
    person.save()
    services.check_in(person)
    client.force_login(manager)
    client.post(
        f"/admin/registrations/{registrations.pk}/follow-up/",
        {"note": "", "step": "send", "send_anyway": "1"},
    )
    assert [m.to for m in mail.outbox] == [["persoon1@example.org"]]
    assert "Study day" in mail.outbox[0].subject


def test_registration_list_pages_through_every_registration(client, manager, registrations):
    from django.utils import timezone

    from agenda.admin_views import REGISTRATIONS_PER_PAGE
    from agenda.models import Registration

    Registration.objects.bulk_create(
        [
            Registration(
                event=registrations,
                status="waitlisted",
                name=f"Wachtende {i:03d}",
                email=f"wacht{i}@example.org",
                organisation_name="Gemeente",
                role="Aankoper",
                green_deal="yes",
                consent_at=timezone.now(),
            )
            for i in range(REGISTRATIONS_PER_PAGE + 10)
        ]
    )
    client.force_login(manager)
    url = f"/admin/registrations/{registrations.pk}/"
    first = client.get(url).content.decode()
    last = client.get(url + "?p=2").content.decode()
    names = [f"Wachtende {i:03d}" for i in range(REGISTRATIONS_PER_PAGE + 10)]
    assert all(name in first + last for name in names)
    assert "?p=2" in first
    assert client.get(url + "?p=abc").status_code == 200
    assert client.get(url + "?p=999").status_code == 200


@pytest.mark.parametrize("language, report", [("nl", "Verslag"), ("fr", "Rapport")])
def test_the_follow_up_report_link_is_the_events_report_not_a_flag(
    site_tree, registrations, language, report
):
    """The minutes' "Report" and a comment's "Report" are different strings (see the
    thread's flag button in tests/network/test_comments.py)."""
    from bs4 import BeautifulSoup
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    registrations.report_document = get_document_model().objects.create(
        title="Verslag studiedag", file=ContentFile(b"%PDF-1.4", name="verslag.pdf")
    )
    publish(registrations)
    person = Registration.objects.get(name="An Peeters")
    person.language = language
    person.save()
    services.check_in(person)
    services.send_follow_up(registrations)
    html = mail.outbox[-1].alternatives[0][0]
    link = BeautifulSoup(html, "html.parser").find("a", href=lambda h: "verslag" in (h or ""))
    assert link.get_text(strip=True) == report
    assert f"{report}: http" in mail.outbox[-1].body
