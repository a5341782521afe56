"""Registration exports (CSV and XLSX) that open right in any spreadsheet program.

Values are what the admin reads on screen, in the admin's language (a status, a Green Deal
answer, a language name; never a stored code), dates are real dates in XLSX, and no
registrant's text can ever run as a formula: spreadsheet programs with a `;` list
separator (Belgian and French locales) split a CSV field at `;` too, so a formula could
start after any separator, not only at the start of a cell.
"""

import csv
import datetime
import io
import re
from collections import defaultdict

from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agenda.models import GreenDealAnswer, Registration, RegistrationStatus
from agenda.questions import export_columns

FORMATS = ("csv", "xlsx")

COLUMNS = [
    ("name", gettext_lazy("Name")),
    ("email", gettext_lazy("E-mail address")),
    ("organisation_name", gettext_lazy("Organisation")),
    ("role", gettext_lazy("Role or job title")),
    ("green_deal", gettext_lazy("Green Deal")),
    ("status", gettext_lazy("Status")),
    ("sessions", gettext_lazy("Sessions")),
    ("dietary_needs", gettext_lazy("Dietary needs")),
    ("accessibility_needs", gettext_lazy("Accessibility needs")),
    ("language", gettext_lazy("Language")),
    ("created_at", gettext_lazy("Registered")),
    ("consent_at", gettext_lazy("Consent given")),
    ("checked_in_at", gettext_lazy("Checked in")),
]

# A field that starts (after spaces) with one of these is read as a formula or a command.
FORMULA_START = re.compile(r"(^|[;,\t\r\n])([ ]*)(?=[=+\-@\t\r\n|%])")
# Text without any of these characters cannot start a formula anywhere (a quick first look).
FORMULA_CHARACTER = re.compile(r"[=+\-@\t\r\n|%]")
XLSX_DATE_FORMAT = "yyyy-mm-dd hh:mm"
CSV_DATE_FORMAT = "%Y-%m-%d %H:%M"


def neutralise(value):
    """Put an apostrophe before every place a spreadsheet could start a formula.

    The start of the cell and the start of every part after a `;`, `,`, tab or line break
    count, because a program may split the field at any of them, whatever the file's own
    separator.
    """
    if not isinstance(value, str) or not FORMULA_CHARACTER.search(value):
        return value
    return FORMULA_START.sub(r"\1\2'", value)


def _session_names(event):
    """Each registration's sessions as the export shows them, by registration id (one query)."""
    links = (
        Registration.sessions.through.objects.filter(registration__event=event)
        .select_related("congresssession")
        .order_by("registration_id", "congresssession__sort_order", "congresssession_id")
    )
    names = defaultdict(list)
    for link in links:
        names[link.registration_id].append(str(link.congresssession))
    return names


def _labels():
    """Stored codes to the words the admin reads, in the active language."""
    from django.conf import settings

    return {
        "status": {code: str(label) for code, label in RegistrationStatus.choices},
        "green_deal": {code: str(label) for code, label in GreenDealAnswer.choices},
        "language": {code: str(label) for code, label in settings.LANGUAGES},
    }


def headers(event, question_labels=()):
    """The header row in the active language, the event's own questions last."""
    return [str(label) for _name, label in COLUMNS] + list(question_labels)


def rows(event, registrations, answers=None):
    """The export's rows: plain values (datetimes in local time), no model instances, with
    the answers to the event's questions last.

    A fixed number of queries for any number of registrations.
    """
    labels = _labels()
    sessions = _session_names(event)
    local = timezone.get_current_timezone()
    fields = [name for name, _label in COLUMNS if name != "sessions"]
    moments = {
        name
        for name in fields
        if isinstance(Registration._meta.get_field(name), models.DateTimeField)
    }
    # One fetch: a server-side cursor (PostgreSQL's iterator) costs a round trip per chunk,
    # and even a large event's rows fit in memory as plain values.
    for registration in registrations.prefetch_related(None).values("pk", *fields):
        row = []
        for name, _label in COLUMNS:
            if name == "sessions":
                value = "; ".join(sessions.get(registration["pk"], ()))
            elif name in labels:
                value = labels[name].get(registration[name], registration[name])
            elif name in moments:
                value = registration[name] and registration[name].astimezone(local)
            else:
                value = registration[name]
            row.append(value)
        if answers is not None:
            row.extend(answers(registration["pk"]))
        yield row


def csv_response(event, registrations, filename):
    """A UTF-8 CSV with every field quoted and every formula start neutralised."""
    buffer = io.StringIO()
    buffer.write("\ufeff")  # lets spreadsheet programs detect UTF-8
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL)
    question_labels, answers = export_columns(event)
    writer.writerow([neutralise(header) for header in headers(event, question_labels)])
    writer.writerows(
        [
            value.strftime(CSV_DATE_FORMAT) if hasattr(value, "strftime") else neutralise(value)
            for value in row
        ]
        for row in rows(event, registrations, answers)
    )
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_response(event, registrations, filename):
    """An XLSX workbook: dates as dates, every text cell stored as text, never a formula."""
    import xlsxwriter

    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(
        output,
        {
            "in_memory": True,
            # Text stays text: no formula, link or number is read into what registrants typed.
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )
    sheet = workbook.add_worksheet(_("Registrations")[:31])
    moment = workbook.add_format({"num_format": XLSX_DATE_FORMAT})
    question_labels, answers = export_columns(event)
    for column, header in enumerate(headers(event, question_labels)):
        sheet.write_string(0, column, neutralise(header))
    for line, row in enumerate(rows(event, registrations, answers), start=1):
        for column, value in enumerate(row):
            if value is None or value == "":
                continue
            if isinstance(value, datetime.datetime):
                # Spreadsheets have no time zones: the Brussels time the admin reads.
                naive = value.replace(tzinfo=None, microsecond=0)
                sheet.write_datetime(line, column, naive, moment)
            elif isinstance(value, str):
                sheet.write_string(line, column, neutralise(value))
            else:
                sheet.write(line, column, value)
    workbook.close()
    response = HttpResponse(
        output.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response
