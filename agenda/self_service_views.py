"""Participants' own pages: "My registrations" for members and "Lost your link?" for all.

Views parse input and render; the rules are in `agenda.self_service`.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from agenda import self_service
from agenda.forms import LostLinkForm
from agenda.views import _private
from network.ratelimit import limit_posts


@login_required
def my_registrations(request):
    """The member's registrations, coming and past, with status, waitlist place and links."""
    upcoming, past = self_service.own_registrations(request.user, get_language(), request)
    response = TemplateResponse(
        request,
        "events/my_registrations.html",
        {"upcoming": upcoming, "past": past},
    )
    return _private(response)


@require_http_methods(["GET", "POST"])
@limit_posts("event_registration")
def lost_link(request):
    """An address in, its registrations' links out by e-mail; the same answer either way."""
    form = LostLinkForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        self_service.send_lost_links(form.cleaned_data["email"])
        messages.info(
            request,
            _(
                "If this address is registered for an event that is still to come, we sent "
                "the links to its registrations to it. Check your inbox in a few minutes."
            ),
        )
        return _private(HttpResponseRedirect(reverse("events_lost_link")))
    response = TemplateResponse(
        request,
        "events/lost_link.html",
        {"form": form},
        status=400 if form.is_bound else 200,
    )
    return _private(response)
