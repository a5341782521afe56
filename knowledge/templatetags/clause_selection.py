"""Template tags for the clause selection: the add/remove form beside a clause, and the
reader's selection count. The state is read once per request."""

from django import template
from django.urls import reverse

from knowledge import selection

register = template.Library()


def _state(request):
    state = getattr(request, "_clause_selection", None)
    if state is None:
        state = {
            "keys": set(selection.selected_keys(request)),
            # Readers without a session get pages the cache may share: no personal token.
            "with_token": selection.has_session(request),
        }
        request._clause_selection = state
    return state


@register.inclusion_tag("knowledge/includes/selection_toggle.html", takes_context=True)
def selection_toggle(context, clause):
    """ "Add to my selection" or "Remove from my selection" for one clause."""
    request = context["request"]
    state = _state(request)
    selected = str(clause.translation_key) in state["keys"]
    return {
        "clause": clause,
        "selected": selected,
        "action_url": reverse("clause_selection_remove" if selected else "clause_selection_add"),
        "next_url": request.get_full_path(),
        "with_token": state["with_token"],
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("knowledge/includes/selection_add_all.html", takes_context=True)
def selection_add_all(context, clauses):
    """One form that adds every clause listed (the library's current filter)."""
    request = context["request"]
    state = _state(request)
    return {
        "clauses": clauses,
        "action_url": reverse("clause_selection_add"),
        "next_url": request.get_full_path(),
        "with_token": state["with_token"],
        "csrf_token": context.get("csrf_token"),
    }


@register.simple_tag(takes_context=True)
def selection_count(context):
    return len(_state(context["request"])["keys"])
