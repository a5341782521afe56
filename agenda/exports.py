"""Registration exports (CSV and XLSX) that open right in any spreadsheet program.

Values are what the admin reads on screen, in the admin's language (a status, a Green Deal
answer, a language name; never a stored code), dates are real dates in XLSX, and no
registrant's text can ever run as a formula: spreadsheet programs with a `;` list
separator (Belgian and French locales) split a CSV field at `;` too, so a formula could
start after any separator, not only at the start of a cell.
"""

import csv
import re
from collections import defaultdict

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
XLSX_DATE_FORMAT = "yyyy-mm-dd hh:mm"
CSV_DATE_FORMAT = "%Y-%m-%d %H:%M"


def neutralise(value):
    """Put an apostrophe before every place a spreadsheet could start a formula.

    The start of the cell and the start of every part after a `;`, `,`, tab or line break
    count, because a program may split the field at any of them, whatever the file's own
    separator.
    """
    if not isinstance(value, str) or not value:
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
    fields = [name for name, _label in COLUMNS if name != "sessions"]
    values = registrations.prefetch_related(None).values("pk", *fields)
    for registration in values.iterator(chunk_size=2000):
        row = []
        for name, _label in COLUMNS:
            if name == "sessions":
                value = "; ".join(sessions.get(registration["pk"], ()))
            elif name in labels:
                value = labels[name].get(registration[name], registration[name])
            else:
                value = registration[name]
            if hasattr(value, "tzinfo") and value is not None:
                value = timezone.localtime(value)
            row.append(value)
        if answers is not None:
            row.extend(answers(registration["pk"]))
        yield row


def csv_response(event, registrations, filename):
    """A UTF-8 CSV with every field quoted and every formula start neutralised."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    response.write("\ufeff")  # lets spreadsheet programs detect UTF-8
    writer = csv.writer(response, quoting=csv.QUOTE_ALL)
    question_labels, answers = export_columns(event)
    writer.writerow([neutralise(header) for header in headers(event, question_labels)])
    for row in rows(event, registrations, answers):
        writer.writerow(
            [
                value.strftime(CSV_DATE_FORMAT) if hasattr(value, "strftime") else neutralise(value)
                for value in row
            ]
        )
    return response


def xlsx_response(event, registrations, filename):
    """An XLSX workbook: dates as dates, every text cell stored as text, never a formula."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_("Registrations")[:31])
    question_labels, answers = export_columns(event)
    sheet.append([neutralise(header) for header in headers(event, question_labels)])
    for row in rows(event, registrations, answers):
        cells = []
        for value in row:
            if hasattr(value, "tzinfo"):
                # Spreadsheets have no time zones: the Brussels time the admin reads.
                cell = WriteOnlyCell(sheet, value=value.replace(tzinfo=None, microsecond=0))
                cell.number_format = XLSX_DATE_FORMAT
            else:
                cell = WriteOnlyCell(sheet, value=neutralise(value))
                if isinstance(value, str):
                    cell.data_type = "s"
            cells.append(cell)
        sheet.append(cells)
    response = HttpResponse(
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    workbook.save(response)
    return response
