"""Database ids read from URLs and request parameters, refused cleanly when they are not ids."""

from django.core.exceptions import BadRequest
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import register_converter

# The largest value of a 64-bit integer column; a larger number names no row.
MAX_ID = 2**63 - 1


class IdConverter:
    """A database id: digits that fit a 64-bit integer column.

    Django's `int` converter takes any number of digits, and a number past 2**63 makes
    SQLite raise OverflowError in a lookup that Django does not range-check (a parent link,
    as django-comments-xtd's comments have). Eighteen digits always fit; longer is a 404.
    """

    regex = "[0-9]{1,18}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)


register_converter(IdConverter, "id")


def get_by_id_or_404(queryset, value, **filters):
    """The object of `queryset` whose pk is the request parameter `value`.

    A value that is not a whole number (missing, "abc", "1.5") is a bad request (400); a
    number that names no row, however large, is a 404. Passing the raw value to the query
    instead raises ValueError, or OverflowError on SQLite past 64 bits: a 500.
    """
    if value is None or not str(value).isascii() or not str(value).isdigit():
        raise BadRequest(f"not an id: {str(value)[:40]!r}")
    digits = str(value).lstrip("0")
    # Checked by length first: int() refuses more than 4,300 digits.
    if len(digits) > len(str(MAX_ID)) or int(digits or 0) > MAX_ID:
        raise Http404("no such object")
    return get_object_or_404(queryset, pk=int(digits or 0), **filters)
