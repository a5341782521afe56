"""Forms of the component exchange: the listing's filters, a request, a decision."""

from django import forms
from django.utils.translation import gettext_lazy as _

from exchange.models import ElementType, Material, Region

AVAILABILITY_CHOICES = [
    ("now", _("Available now")),
    ("later", _("Available later")),
]


def _choice(value, choices):
    """The value when it is one of the choices, else "" (an unknown filter shows all)."""
    return value if value in {key for key, _label in choices} else ""


def parse_filters(query):
    """The listing's filters from the query string; unknown values are ignored, never an error."""
    return {
        "element_type": _choice(query.get("element_type", ""), ElementType.choices),
        "material": _choice(query.get("material", ""), Material.choices),
        "region": _choice(query.get("region", ""), Region.choices),
        "availability": _choice(query.get("availability", ""), AVAILABILITY_CHOICES),
    }


class RequestForm(forms.Form):
    quantity = forms.IntegerField(label=_("Quantity you need"), min_value=1, max_value=100000)
    message = forms.CharField(
        label=_("Message to the offering side"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What you will use the components for and when you can collect them."),
    )
    organisation_name = forms.CharField(label=_("Organisation"), max_length=200, required=False)


class DecisionForm(forms.Form):
    note = forms.CharField(
        label=_("Note to the member"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
