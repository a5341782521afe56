"""The theme board's rules: proposing, voting once, and planning a work session."""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone

from intake.models import ProposalStatus, ThemeProposal, ThemeProposalPage, ThemeVote
from network import outgoing_mail
from network.slugs import unique_child_slug


def visible_proposals():
    """Proposals readers may see: all but those whose page an editor unpublished."""
    return ThemeProposal.objects.exclude(page__live=False)


def proposals_for(board, user=None):
    """The board's proposals, most votes first, each with `vote_count`, `voted` (by user),
    its live page (`proposal_page`, None before it has one) and `comment_count` (the
    published comments of its thread).

    Three queries at most whatever the number of proposals: the list with its counts and
    pages, the user's votes, and the comment counts (kept in the cache until a comment
    changes).
    """
    from network.comment_counts import attach_comment_counts

    proposals = list(
        visible_proposals()
        .filter(board__translation_key=board.translation_key)
        .select_related("page")
        .annotate(vote_count=Count("votes", distinct=True))
        .order_by("-vote_count", "-created_at")
    )
    pages = []
    for proposal in proposals:
        proposal.proposal_page = getattr(proposal, "page", None)
        if proposal.proposal_page is not None:
            pages.append(proposal.proposal_page)
    attach_comment_counts(pages)
    for proposal in proposals:
        page = proposal.proposal_page
        proposal.comment_count = page.published_comments if page is not None else 0
    voted = set()
    if user is not None and user.is_authenticated:
        voted = set(
            ThemeVote.objects.filter(voter=user, proposal__in=proposals).values_list(
                "proposal_id", flat=True
            )
        )
    for proposal in proposals:
        proposal.voted = proposal.pk in voted
    return proposals


def propose_theme(board, user, title, description, language):
    """A new proposal by `user`, who votes for it at once, with its page on the board."""
    with transaction.atomic():
        proposal = ThemeProposal.objects.create(
            board=board, proposer=user, title=title, description=description, language=language
        )
        ThemeVote.objects.create(proposal=proposal, voter=user)
        ensure_proposal_page(proposal)
    return proposal


def ensure_proposal_page(proposal):
    """The proposal's page under its board, published; made when it has none yet.

    Proposals made before proposals had pages get theirs here (the demo loader calls it).
    """
    existing = ThemeProposalPage.objects.filter(proposal=proposal).first()
    if existing is not None:
        return existing
    board = proposal.board
    page = ThemeProposalPage(
        title=proposal.title,
        slug=unique_child_slug(board, proposal.title, "thema", max_length=60),
        proposal=proposal,
        owner=proposal.proposer,
        locale_id=board.locale_id,
        live=False,
    )
    with transaction.atomic():
        board.add_child(instance=page)
        page.save_revision(user=proposal.proposer, clean=False).publish(
            user=proposal.proposer, skip_permission_checks=True
        )
    page.refresh_from_db()
    return page


def cast_vote(proposal, user):
    """Count `user`'s vote for `proposal` once; False if it was already counted.

    The unique constraint decides: two requests at the same moment insert one row, and the
    other's IntegrityError means "already voted", never an error page.
    """
    if proposal.status != ProposalStatus.OPEN:
        return False
    try:
        with transaction.atomic():
            ThemeVote.objects.create(proposal=proposal, voter=user)
    except IntegrityError:
        return False
    return True


def withdraw_vote(proposal, user):
    """Take back `user`'s vote; False if there was none."""
    deleted, _details = ThemeVote.objects.filter(proposal=proposal, voter=user).delete()
    return bool(deleted)


def proposer_language(proposal):
    """The proposer's chosen language, else the language they proposed in."""
    profile = getattr(proposal.proposer, "member_profile", None)
    return getattr(profile, "preferred_language", "") or proposal.language


def create_work_session(proposal, parent, user=None):
    """A draft work session under `parent` (an agenda page) for `proposal`, and the
    proposer told. A proposal that already has its work session gets that one back."""
    from agenda.models import EventKind, WorkSessionPage

    if proposal.work_session_id:
        existing = WorkSessionPage.objects.filter(pk=proposal.work_session_id).first()
        if existing is not None:
            return existing, False
    # A placeholder date two months ahead; the editor sets the real one before publishing.
    day = timezone.localdate() + datetime.timedelta(days=60)
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(13, 30)))
    page = WorkSessionPage(
        title=proposal.title,
        slug=unique_child_slug(parent, proposal.title, "werksessie"),
        kind=EventKind.WORK_SESSION,
        summary=proposal.description[:300],
        start=start,
        end=start + datetime.timedelta(hours=3),
        live=False,
        owner=user,
    )
    with transaction.atomic():
        parent.add_child(instance=page)
        page.save_revision(user=user, clean=False, log_action=True)
        ThemeProposal.objects.filter(pk=proposal.pk).update(
            work_session=page, status=ProposalStatus.SCHEDULED
        )
    proposal.work_session = page
    proposal.status = ProposalStatus.SCHEDULED
    notify_proposer(proposal)
    return page, True


def notify_proposer(proposal):
    """Tell the proposer, in their language, that their theme gets a work session
    (intake.emails; a refusing mail server delays the e-mail, never the work session)."""
    outgoing_mail.send_later("intake.theme_scheduled", proposal.pk)
