"""`{% component_impact %}`: the impact figures of a pilot case or a theme, where it is shown."""

from django import template

from exchange.services import impact

register = template.Library()


@register.inclusion_tag("exchange/includes/impact.html")
def component_impact(pilot_case=None, theme=None, heading_id="impact"):
    return {"impact": impact(pilot_case=pilot_case, theme=theme), "heading_id": heading_id}


@register.inclusion_tag("exchange/includes/pilot_offers.html")
def pilot_offers(pilot_case):
    """The components a pilot case offers now, in any of its languages (one query)."""
    from exchange.services import offer_listing

    offers = offer_listing({}).filter(pilot_case__translation_key=pilot_case.translation_key)
    return {"offers": list(offers)}
