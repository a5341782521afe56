"""The theme board: members propose and vote once; editors plan a work session from a theme."""

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.urls import reverse

from agenda.models import EventIndexPage, WorkSessionPage
from intake import board
from intake.models import ProposalStatus, ThemeBoardPage, ThemeProposal, ThemeVote
from tests.conftest import publish
from tests.network.factories import UserFactory, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def boards(site_tree):
    source = ThemeBoardPage(title="Thema's", slug="themas", intro="Kies mee.")
    site_tree.homes["nl"].add_child(instance=source)
    pages = {"nl": publish(source)}
    for code in ("fr", "en"):
        pages[code] = site_tree.translate(source, code, title=f"Themes {code}", slug="themes")
    return pages


def test_board_sits_only_under_a_home_page_and_holds_proposal_pages():
    from home.models import HomePage
    from intake.models import ThemeProposalPage

    assert ThemeBoardPage.allowed_parent_page_models() == [HomePage]
    assert ThemeBoardPage.allowed_subpage_models() == [ThemeProposalPage]
    assert ThemeProposalPage.allowed_parent_page_models() == [ThemeBoardPage]
    assert ThemeProposalPage.allowed_subpage_models() == []
    assert not ThemeProposalPage.is_creatable


def test_a_member_proposes_a_theme_with_their_vote(client, boards):
    user = member()
    client.force_login(user)
    response = client.post(
        boards["fr"].url,
        {"action": "propose", "title": "Textiles", "description": "Uniformes recyclés."},
    )
    assert response.status_code == 302
    proposal = ThemeProposal.objects.get()
    assert proposal.language == "fr"
    assert proposal.votes.count() == 1
    page = client.get(boards["nl"].url).content.decode()
    assert "Textiles" in page  # one board in every language


def test_a_proposal_needs_a_title(client, boards):
    client.force_login(member())
    response = client.post(boards["en"].url, {"action": "propose", "title": "", "description": "x"})
    assert response.status_code == 400
    assert "title" in response.context["form"].errors
    assert not ThemeProposal.objects.exists()


def test_anonymous_readers_see_results_but_log_in_to_vote(client, boards):
    proposal = board.propose_theme(boards["nl"], member(), "ICT", "Laptops", "nl")
    page = client.get(boards["en"].url)
    assert page.status_code == 200
    assert "1 vote" in page.content.decode()
    response = client.post(boards["en"].url, {"action": "vote", "proposal": proposal.pk})
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert proposal.votes.count() == 1


def test_votes_are_counted_once_per_member(client, boards):
    proposal = board.propose_theme(boards["nl"], member(), "ICT", "Laptops", "nl")
    voter = member()
    client.force_login(voter)
    for _attempt in range(3):
        client.post(boards["nl"].url, {"action": "vote", "proposal": proposal.pk})
    assert proposal.votes.count() == 2
    assert board.cast_vote(proposal, voter) is False
    assert "2 stemmen" in client.get(boards["nl"].url).content.decode()
    client.post(boards["nl"].url, {"action": "withdraw", "proposal": proposal.pk})
    assert proposal.votes.count() == 1


def test_the_database_refuses_a_second_vote(boards):
    proposal = board.propose_theme(boards["nl"], member(), "ICT", "Laptops", "nl")
    with pytest.raises(IntegrityError), transaction.atomic():
        ThemeVote.objects.create(proposal=proposal, voter=proposal.proposer)


def test_a_bad_proposal_id_is_a_404(client, boards):
    client.force_login(member())
    for value in ("abc", "999999", "9" * 30):
        response = client.post(boards["nl"].url, {"action": "vote", "proposal": value})
        assert response.status_code == 404


def test_board_query_count_does_not_grow_with_proposals(client, boards, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    voter = member()
    client.force_login(voter)
    for number in range(2):
        board.propose_theme(boards["nl"], member(), f"Thema {number}", "Uitleg", "nl")
    client.get(boards["nl"].url)
    with CaptureQueriesContext(connection) as few:
        client.get(boards["nl"].url)
    # Counted now: the connection keeps a bounded log, which the pages made below rotate.
    expected = len(few)
    for number in range(2, 9):
        proposal = board.propose_theme(boards["nl"], member(), f"Thema {number}", "Uitleg", "nl")
        board.cast_vote(proposal, voter)
    # Each proposal publishes its page, which renews the navigation caches: warm them again.
    client.get(boards["nl"].url)
    with django_assert_num_queries(expected):
        client.get(boards["nl"].url)


def test_results_are_ordered_by_votes(boards):
    few = board.propose_theme(boards["nl"], member(), "Weinig", "x", "nl")
    many = board.propose_theme(boards["nl"], member(), "Veel", "x", "nl")
    board.cast_vote(many, member())
    listed = board.proposals_for(boards["en"])
    assert [p.pk for p in listed] == [many.pk, few.pk]
    assert [p.vote_count for p in listed] == [2, 1]


@pytest.mark.parametrize(
    ("language", "word"), [("fr", "séance de travail"), ("en", "work session")]
)
def test_editor_turns_a_proposal_into_a_draft_work_session(
    client, boards, site_tree, language, word
):
    agenda = EventIndexPage(title="Agenda", slug="agenda")
    site_tree.homes["nl"].add_child(instance=agenda)
    publish(agenda)
    proposer = member(preferred_language=language)
    proposal = board.propose_theme(boards["nl"], proposer, "Textiel", "Hergebruik", "nl")
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    url = reverse("theme_proposals:create_work_session", args=[proposal.pk])
    assert client.get(url).status_code == 200
    response = client.post(url)
    session = WorkSessionPage.objects.get()
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[session.pk])
    assert not session.live
    assert session.title == "Textiel"
    assert session.kind == "work_session"
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SCHEDULED
    assert proposal.work_session_id == session.pk
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [proposer.email]
    assert word in mail.outbox[0].body
    assert mail.outbox[0].extra_headers["Content-Language"] == language
    client.post(url)
    assert WorkSessionPage.objects.count() == 1
    assert len(mail.outbox) == 1
    assert client.get(reverse("theme_proposals:index")).status_code == 200
