"""The call, its error state, the confirmation and the theme board pass the Nu HTML checker."""

import subprocess

import pytest

from intake import board
from intake.models import ThemeBoardPage, ThemeProposalPage
from network import discussions
from tests.conftest import publish
from tests.home.test_public_pages import VALIDATOR
from tests.intake.conftest import proposal
from tests.network.factories import member

pytestmark = pytest.mark.django_db


def test_intake_and_board_pages_pass_the_nu_html_checker(
    client, call_pages, knowledge_tree, tmp_path
):
    source = ThemeBoardPage(title="Thema's", slug="themas", intro="Kies mee.")
    call_pages["nl"].get_parent().add_child(instance=source)
    publish(source)
    board.propose_theme(source, member(), "Textiel", "Hergebruik", "nl")
    pages = {}
    for code, page in call_pages.items():
        pages[f"{code}-call.html"] = client.get(page.url).content
        errors = client.post(page.url, proposal(municipality="", joins_workshop=None))
        assert errors.status_code == 400
        pages[f"{code}-call-errors.html"] = errors.content
        pages[f"{code}-confirm.html"] = client.get(page.url + "confirm/abc/").content
        pages[f"{code}-sent.html"] = client.get(page.url + "sent/").content
    boards = {"nl": source}
    for code in ("fr", "en"):
        boards[code] = knowledge_tree.site_tree.translate(
            source, code, title=f"Themes {code}", slug="themes"
        )
    proposal_pages = {}
    for code, board_page in boards.items():
        local = board.propose_theme(board_page, member(), f"Meubels {code}", "Ja", code)
        proposal_pages[code] = ThemeProposalPage.objects.get(proposal=local)
        discussions.post_comment(
            member(trusted=True), proposal_pages[code], "**Goed** idee", language=code
        )
        pages[f"{code}-proposal-anonymous.html"] = client.get(proposal_pages[code].url).content
    pages["board-anonymous.html"] = client.get(source.url).content
    client.force_login(member())
    pages["board-member.html"] = client.get(source.url).content
    for code, proposal_page in proposal_pages.items():
        response = client.get(proposal_page.url)
        assert b'class="community-form comment-form"' in response.content
        pages[f"{code}-proposal-member.html"] = response.content
    errors = client.post(source.url, {"action": "propose", "title": "", "description": ""})
    assert errors.status_code == 400
    pages["board-errors.html"] = errors.content
    for filename, content in pages.items():
        (tmp_path / filename).write_bytes(content)
    result = subprocess.run(  # noqa: S603 - our own validator on files we just wrote
        [VALIDATOR, "--root", str(tmp_path), "--format", "text"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
