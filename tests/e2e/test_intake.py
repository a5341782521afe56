"""Proposing a vacant building in the browser, confirming it by the e-mailed link; axe finds
no WCAG 2.1 AA violation on the call, its error state and the confirmation pages in nl, fr
and en."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from playwright.sync_api import expect

from intake.models import CandidatePilot
from tests.e2e.test_accessibility import assert_no_violations
from tests.intake.conftest import call_pages  # noqa: F401 - shared fixture
from tests.knowledge.conftest import knowledge_tree  # noqa: F401 - shared fixture

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def png_bytes():
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (90, 140, 200)).save(buffer, "PNG")
    return buffer.getvalue()


def test_a_building_is_proposed_and_confirmed_in_the_browser(page, live_server, call_pages):  # noqa: F811
    page.goto(f"{live_server.url}/en/call/")
    page.locator("[name=organisation]").fill("Town of Testville")
    page.locator("[name=contact_name]").fill("Chris Tester")
    page.locator("[name=email]").fill("chris@testville.be")
    page.locator("[name=address]").fill("Mill Lane 4")
    page.locator("[name=postcode]").fill("3000")
    page.locator("[name=municipality]").fill("Leuven")
    page.get_by_label("Office building").check()
    page.locator("[name=floor_area_m2]").fill("1200")
    page.locator("[name=vacant_since]").fill("2019")
    page.locator("[name=owner]").fill("Province")
    page.locator("[name=state]").fill("Sound, needs new windows.")
    page.locator("input[name=photos]").set_input_files(
        [{"name": "front.png", "mimeType": "image/png", "buffer": png_bytes()}]
    )
    page.locator("[name=opportunities]").fill("A youth club next door.")
    # Sent without the expectations first: the form says what is missing and keeps the rest.
    page.get_by_role("button", name="Send the proposal").click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert page.locator("[name=municipality]").input_value() == "Leuven"
    for expectation in (
        "will help map the opportunities",
        "will take part in one design-research workshop",
        "understands there is no obligation",
    ):
        page.get_by_label(re.compile(expectation, re.IGNORECASE)).check()
    page.locator("input[name=photos]").set_input_files(
        [{"name": "front.png", "mimeType": "image/png", "buffer": png_bytes()}]
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Send the proposal").click()
    expect(page.get_by_role("heading", name="Proposal sent")).to_be_visible()
    candidate = CandidatePilot.objects.get()
    assert candidate.confirmed_at is None
    assert candidate.photos.count() == 1
    assert candidate.language == "en"

    link = re.search(r"https?://\S+/confirm/\S+/", mail.outbox[0].body).group(0)
    page.goto(live_server.url + urlsplit(link).path)
    page.get_by_role("button", name="Confirm my proposal").click()
    expect(page.get_by_role("status").filter(has_text="confirmed")).to_be_visible()
    candidate.refresh_from_db()
    assert candidate.confirmed_at is not None
    assert mail.outbox[-1].subject == "We received your proposal for a pilot building"


@pytest.mark.parametrize(
    ("language", "send"),
    [
        ("nl", "Verstuur het voorstel"),
        ("fr", "Envoyer la proposition"),
        ("en", "Send the proposal"),
    ],
)
def test_call_pages_have_no_wcag_violations(page, live_server, call_pages, language, send):  # noqa: F811
    url = live_server.url + call_pages[language].url
    assert_no_violations(page, url)
    page.get_by_role("button", name=send).click()
    page.wait_for_load_state()
    expect(page.get_by_role("alert")).to_be_visible()
    from axe_playwright_python.sync_playwright import Axe

    from tests.e2e.test_accessibility import WCAG_21_AA

    results = Axe().run(page, options=WCAG_21_AA)
    assert not results.response["violations"], results.generate_report()
    assert_no_violations(page, url + "confirm/invalid/")
    assert_no_violations(page, url + "sent/")


@pytest.mark.parametrize(
    ("language", "vote"), [("nl", "Stem voor"), ("fr", "Voter pour"), ("en", "Vote for")]
)
def test_theme_board_has_no_wcag_violations_and_counts_a_vote(
    new_page,
    live_server,
    site_tree,
    language,
    vote,
):
    from intake import board
    from intake.models import ThemeBoardPage
    from tests.conftest import publish
    from tests.e2e.members import log_in
    from tests.network.factories import member

    source = ThemeBoardPage(title="Thema's", slug="themas", intro="Kies mee.")
    site_tree.homes["nl"].add_child(instance=source)
    pages = {"nl": publish(source)}
    for code in ("fr", "en"):
        pages[code] = site_tree.translate(source, code, title=f"Themes {code}", slug="themes")
    proposal = board.propose_theme(pages["nl"], member(), "Textiel", "Hergebruik", "nl")
    url = live_server.url + pages[language].url
    reader = new_page()
    assert_no_violations(reader, url)

    voter = member()
    page = new_page()
    log_in(page, live_server.url, voter.email)
    assert_no_violations(page, url)
    with page.expect_navigation():
        page.get_by_role("button", name=f"{vote} Textiel").click()
    assert proposal.votes.count() == 2
    assert_no_violations(page, url)

    # The proposal's own page, in the language it was proposed in, with a comment and the
    # member's comment form; and as an anonymous reader sees it.
    from intake.models import ThemeProposalPage
    from network import discussions

    local = board.propose_theme(pages[language], member(), f"Meubels {language}", "Ja", language)
    proposal_page = ThemeProposalPage.objects.get(proposal=local)
    discussions.post_comment(member(trusted=True), proposal_page, "Goed idee", language=language)
    proposal_url = live_server.url + proposal_page.url
    assert_no_violations(page, proposal_url)
    new_comment = page.locator("#comment-text-new")
    expect(new_comment).to_have_accessible_name(COMMENT_LABELS[language])
    new_comment.fill("Ik doe mee")
    with page.expect_navigation():
        page.get_by_role("button", name=POST_LABELS[language]).click()
    expect(page.get_by_text("Ik doe mee")).to_be_visible()
    assert_no_violations(page, proposal_url)
    assert_no_violations(reader, proposal_url)


COMMENT_LABELS = {"nl": "Je reactie", "fr": "Votre commentaire", "en": "Your comment"}
POST_LABELS = {"nl": "Reactie plaatsen", "fr": "Publier le commentaire", "en": "Post comment"}
