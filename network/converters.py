"""URL converters for the community's own URLs."""


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
