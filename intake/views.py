"""The call page's routes: the proposal form, the page after sending, the confirmation."""

from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language

from intake import services
from intake.forms import ProposalForm


def _render(request, page, template, context, status=200):
    context = {"page": page, "self": page, **context}
    response = TemplateResponse(request, template, context, status=status)
    response["Cache-Control"] = "private, no-store"
    return response


def propose(request, page):
    """The call with its form; a valid proposal is saved and the applicant told what next."""
    user = request.user if request.user.is_authenticated else None
    if request.method == "POST":
        form = ProposalForm(request.POST, request.FILES, user=user)
        if form.is_valid():
            if not form.is_spam():
                candidate = services.submit_proposal(
                    form, user=user, language=get_language(), call_page=page
                )
                request.session["intake_confirmed"] = bool(candidate.confirmed_at)
            return HttpResponseRedirect(page.url + page.reverse_subpage("sent_route"))
        status = 400
    else:
        form = ProposalForm(user=user)
        status = 200
    return _render(
        request,
        page,
        "intake/pilot_call_page.html",
        {"form": form, "photos_lost": request.method == "POST" and bool(request.FILES)},
        status=status,
    )


def sent(request, page):
    """What happens next: wait for our e-mail, or first confirm the address."""
    confirmed = request.session.get("intake_confirmed")
    return _render(request, page, "intake/sent.html", {"confirmed": confirmed})


def confirm(request, page, token):
    """Ask before confirming (a mail scanner opening the link must not confirm), then do."""
    if request.method == "POST":
        candidate, _new = services.confirm_proposal(token)
        if candidate is None:
            return _render(request, page, "intake/confirm.html", {"invalid": True}, status=400)
        return _render(request, page, "intake/confirm.html", {"done": True})
    return _render(request, page, "intake/confirm.html", {"token": token})
