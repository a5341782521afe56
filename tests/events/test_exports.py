"""Registration exports open right: translated values, real dates, no formulas, no odd formats."""

import csv
import datetime
import io
import re

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone
from openpyxl import load_workbook
from openpyxl.utils.escape import unescape
from wagtail.users.models import UserProfile

from agenda.exports import neutralise
from tests.events.factories import RegistrationFactory
from tests.network.factories import UserFactory

pytestmark = pytest.mark.django_db

# Each could start a formula in a spreadsheet program, at the start or after a separator.
DANGEROUS_NAMES = [
    "Jan;=1+1",
    "Jan,=1+1",
    'Jan; =HYPERLINK("http://x")',
    "=1+1",
    "+32 9 123",
    "-2+3",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
    "Piet;@SUM(A1)",
    "Piet;-1",
    "Piet,+1",
]
TRIGGERS = ("=", "+", "-", "@")


def manager(language="nl"):
    user = UserFactory(is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="manage_registrations"),
    )
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def csv_rows(client, event):
    response = client.get(f"/admin/registrations/{event.pk}/export.csv")
    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    return text, list(csv.reader(io.StringIO(text, newline="")))


def xlsx_rows(client, event):
    response = client.get(f"/admin/registrations/{event.pk}/export.xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    return sheet, [[readable(cell.value) for cell in row] for row in sheet.iter_rows()]


def readable(value):
    """A cell's value as a spreadsheet program shows it: the file format writes a carriage
    return as `_x000D_` (XML would turn a bare one into a line feed), and Excel and LibreOffice
    read it back as a carriage return; openpyxl leaves the escape as it is."""
    return unescape(value) if isinstance(value, str) else value


def parts_a_spreadsheet_may_read(field):
    """Every piece a program may treat as a cell: split at `;`, `,`, tabs and line breaks."""
    for piece in re.split(r"[;,\t\r\n]", field):
        yield piece.lstrip(" ")


@pytest.mark.parametrize(
    ("language", "yes", "no", "status", "dutch"),
    [
        ("nl", "Ja", "Nee", "Bevestigd", "Nederlands"),
        ("fr", "Oui", "Non", "Confirmé", "Néerlandais"),
        ("en", "Yes", "No", "Confirmed", "Dutch"),
    ],
)
def test_values_are_the_words_of_the_admins_language(
    client, event, language, yes, no, status, dutch
):
    RegistrationFactory(event=event, name="An", green_deal="yes", language="nl")
    RegistrationFactory(event=event, name="Bert", green_deal="no", language="nl")
    client.force_login(manager(language))
    _text, (header, *rows) = csv_rows(client, event)
    by_name = {row[0]: dict(zip(header, row, strict=True)) for row in rows}
    green_deal = header[4]
    assert by_name["An"][green_deal] == yes
    assert by_name["Bert"][green_deal] == no
    assert by_name["An"][header[5]] == status
    assert by_name["An"][header[9]] == dutch
    assert "yes" not in {row[4] for row in rows}
    _sheet, (xlsx_header, *xlsx) = xlsx_rows(client, event)
    assert xlsx_header == header
    assert {row[0]: row[4] for row in xlsx} == {"An": yes, "Bert": no}


def test_xlsx_dates_are_dates_in_brussels_time(client, event):
    checked_in = timezone.now().replace(microsecond=0) - datetime.timedelta(minutes=5)
    registration = RegistrationFactory(event=event, name="An", checked_in_at=checked_in)
    client.force_login(manager())
    sheet, (header, row) = xlsx_rows(client, event)
    registered = row[header.index("Aangemeld") - 2]  # "Ingeschreven" (registered) column
    assert isinstance(registered, datetime.datetime)
    local = timezone.localtime(checked_in).replace(tzinfo=None)
    assert row[header.index("Aangemeld")] == local
    created = timezone.localtime(registration.created_at).replace(tzinfo=None, second=0)
    assert registered.replace(second=0, microsecond=0) == created.replace(microsecond=0)
    date_cell = sheet.cell(row=2, column=header.index("Aangemeld") + 1)
    assert date_cell.is_date
    # The CSV gives the same moment as text.
    _text, (_header, csv_row) = csv_rows(client, event)
    assert csv_row[header.index("Aangemeld")] == local.strftime("%Y-%m-%d %H:%M")


def test_no_cell_can_start_a_formula_whatever_the_list_separator(client, event):
    for index, name in enumerate(DANGEROUS_NAMES):
        RegistrationFactory(
            event=event,
            name=name,
            organisation_name=name,
            role=name,
            email=f"p{index}@example.org",
        )
    client.force_login(manager())
    text, (_header, *rows) = csv_rows(client, event)
    assert len(rows) == len(DANGEROUS_NAMES)
    for row in rows:
        for field in row[:4]:
            for part in parts_a_spreadsheet_may_read(field):
                assert not part.startswith(TRIGGERS), field
    # Read as a program with ";" as list separator would read it.
    for row in csv.reader(io.StringIO(text, newline=""), delimiter=";"):
        for field in row:
            for part in parts_a_spreadsheet_may_read(field.strip('"')):
                assert not part.startswith(TRIGGERS), field
    # The name is still readable: only apostrophes were added.
    assert {row[0].replace("'", "") for row in rows} == set(DANGEROUS_NAMES)

    sheet, (_header, *xlsx) = xlsx_rows(client, event)
    for sheet_row in sheet.iter_rows(min_row=2):
        for cell in sheet_row[:4]:
            assert cell.data_type == "s"
            assert not readable(cell.value).startswith(TRIGGERS), cell.value
    assert {row[0].replace("'", "") for row in xlsx} == set(DANGEROUS_NAMES)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Jan;=1+1", "Jan;'=1+1"),
        ("=1+1", "'=1+1"),
        ("Stad Gent", "Stad Gent"),
        ("Gent, Dienst Aankoop", "Gent, Dienst Aankoop"),
        ("a; -b", "a; '-b"),
        ("", ""),
        (None, None),
        (3, 3),
    ],
)
def test_neutralise(value, expected):
    assert neutralise(value) == expected


@pytest.mark.parametrize("file_format", ["pdf", "json", "xls", "csv2", "XLSX"])
def test_unknown_export_formats_are_404(client, event, file_format):
    RegistrationFactory(event=event, name="An Peeters")
    client.force_login(manager())
    response = client.get(f"/admin/registrations/{event.pk}/export.{file_format}")
    assert response.status_code == 404
    assert b"An Peeters" not in response.content


def test_unknown_formats_are_still_403_without_the_permission(client, event):
    user = UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(f"/admin/registrations/{event.pk}/export.pdf").status_code == 403
