"""Country names in the reader's language for the practice examples' ISO codes."""

from django.utils.translation import gettext_lazy as _

COUNTRIES = {
    "BE": _("Belgium"),
    "NL": _("Netherlands"),
    "FR": _("France"),
    "DE": _("Germany"),
    "LU": _("Luxembourg"),
    "DK": _("Denmark"),
    "SE": _("Sweden"),
    "FI": _("Finland"),
    "NO": _("Norway"),
    "AT": _("Austria"),
    "ES": _("Spain"),
    "IT": _("Italy"),
    "GB": _("United Kingdom"),
    "IE": _("Ireland"),
}


def country_name(code):
    return COUNTRIES.get((code or "").upper(), code)
