"""A theme proposal's page is found where every public page is: the site search, the sitemap
and the pages API; unpublished by an editor, it leaves all three."""

import pytest

from intake.models import ThemeProposalPage
from tests.intake.test_proposal_comments import boards, proposal, proposer  # noqa: F401

pytestmark = pytest.mark.django_db


def surfaces(client, page):
    """Whether the page is in the search results, the sitemap and the pages API."""
    search = client.get("/nl/search/", {"q": "textiel"}).content.decode()
    sitemap = client.get("/sitemap.xml").content.decode()
    api = client.get("/api/v2/pages/", {"type": "intake.ThemeProposalPage"}).json()
    return (
        f'href="{page.url}"' in search,
        page.url in sitemap,
        [item["id"] for item in api["items"]] == [page.pk],
    )


def test_a_proposal_page_is_found_and_leaves_when_unpublished(
    client,
    proposal,  # noqa: F811 - the imported fixture
):
    page = ThemeProposalPage.objects.get(proposal=proposal)
    assert surfaces(client, page) == (True, True, True)
    page.unpublish()
    assert surfaces(client, page) == (False, False, False)
