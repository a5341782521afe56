"""The theme board page: the list with its votes, a member's proposal and votes; and each
proposal's own page with its votes and comment thread."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db.models import Count
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from intake import board as board_rules
from intake.forms import ThemeProposalForm
from intake.models import ThemeProposal


def board(request, page):
    """GET lists the proposals; members POST a proposal, a vote or a withdrawn vote."""
    form = ThemeProposalForm()
    status = 200
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        action = request.POST.get("action")
        if action == "propose":
            form = ThemeProposalForm(request.POST)
            if form.is_valid():
                board_rules.propose_theme(
                    page,
                    request.user,
                    form.cleaned_data["title"],
                    form.cleaned_data["description"],
                    get_language(),
                )
                messages.success(request, _("Your theme is on the board, with your vote."))
                return HttpResponseRedirect(page.url)
            status = 400
        elif action in ("vote", "withdraw"):
            proposal_id = request.POST.get("proposal", "")
            proposal = get_object_or_404(
                ThemeProposal,
                pk=int(proposal_id) if proposal_id.isdigit() and len(proposal_id) < 19 else 0,
                board__translation_key=page.translation_key,
            )
            _vote(request, proposal, action)
            return HttpResponseRedirect(page.url)
    context = {
        "page": page,
        "self": page,
        "proposals": board_rules.proposals_for(page, request.user),
        "form": form,
    }
    response = TemplateResponse(request, "intake/theme_board_page.html", context, status=status)
    # Votes change the counts without a publish, which is what clears the page cache: the
    # board is never kept there, so everyone sees the current results.
    response["Cache-Control"] = "private, no-cache"
    return response


def _vote(request, proposal, action):
    if action == "vote":
        if board_rules.cast_vote(proposal, request.user):
            messages.success(request, _("Your vote is counted."))
        else:
            messages.info(request, _("Your vote was already counted."))
    else:
        board_rules.withdraw_vote(proposal, request.user)
        messages.success(request, _("Your vote is withdrawn."))


def proposal(request, page):
    """A proposal's page: the theme, its votes and vote button, the work session planned
    from it, and the comment thread (network/templatetags/discussion_tags.py). Members
    POST a vote or a withdrawn vote here; comments go to the thread's own views."""
    if page.proposal_id is None:
        raise Http404
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        action = request.POST.get("action")
        if action not in ("vote", "withdraw"):
            return HttpResponseRedirect(page.url)
        _vote(request, page.proposal, action)
        return HttpResponseRedirect(page.url)
    proposal = (
        ThemeProposal.objects.select_related("proposer__member_profile", "work_session")
        .annotate(vote_count=Count("votes"))
        .get(pk=page.proposal_id)
    )
    proposal.voted = (
        request.user.is_authenticated and proposal.votes.filter(voter=request.user).exists()
    )
    work_session = proposal.work_session
    if work_session is not None and not work_session.live:
        work_session = None
    if work_session is not None:
        from network.notifications import page_in_language

        work_session = page_in_language(work_session, (get_language() or "nl").split("-")[0])
    board = page.get_parent()
    context = {
        "page": page,
        "self": page,
        "proposal": proposal,
        "board": board,
        "work_session": work_session,
        "meta_description": proposal.description,
    }
    return TemplateResponse(request, "intake/theme_proposal_page.html", context)
