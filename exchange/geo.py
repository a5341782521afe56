"""Coordinates that editors type: they must lie in or near Belgium, where the network works."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Belgium spans about 49.5–51.5° N and 2.5–6.4° E; the margin lets in places just across
# the border (Lille, Maastricht, Aachen, Luxembourg), not the North Sea beyond the coast.
LATITUDE_RANGE = (Decimal("49.2"), Decimal("51.8"))
LONGITUDE_RANGE = (Decimal("2.3"), Decimal("6.6"))


def validate_coordinates(latitude, longitude):
    """Raise a ValidationError per field unless both are given and lie in or near Belgium."""
    if latitude is None and longitude is None:
        return
    if latitude is None or longitude is None:
        missing = "latitude" if latitude is None else "longitude"
        raise ValidationError({missing: _("Give both the latitude and the longitude.")})
    errors = {}
    if not LATITUDE_RANGE[0] <= Decimal(latitude) <= LATITUDE_RANGE[1]:
        errors["latitude"] = _(
            "This latitude is not in or near Belgium (between 49.2 and 51.8). Check that "
            "latitude and longitude are not swapped."
        )
    if not LONGITUDE_RANGE[0] <= Decimal(longitude) <= LONGITUDE_RANGE[1]:
        errors["longitude"] = _(
            "This longitude is not in or near Belgium (between 2.3 and 6.6). Check that "
            "latitude and longitude are not swapped."
        )
    if errors:
        raise ValidationError(errors)
