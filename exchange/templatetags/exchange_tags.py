"""`{% component_impact %}`: the impact figures of a pilot case or a theme, where it is shown."""

from django import template

from exchange.services import impact

register = template.Library()


@register.inclusion_tag("exchange/includes/impact.html")
def component_impact(pilot_case=None, theme=None, heading_id="impact"):
    return {"impact": impact(pilot_case=pilot_case, theme=theme), "heading_id": heading_id}
