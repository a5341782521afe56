"""A member's data export holds what they did in the call and on the theme board: the
buildings they proposed, the themes they proposed and their votes, in their language."""

import pytest

from intake import board
from intake.models import ThemeBoardPage
from network.members import export_member_data
from tests.conftest import publish
from tests.intake.conftest import call_pages, png, proposal  # noqa: F401 - fixture
from tests.network.factories import member

pytestmark = pytest.mark.django_db


def test_the_export_holds_the_members_buildings_themes_and_votes_only(
    client,
    call_pages,  # noqa: F811 - the imported fixture
):
    owner = member(display_name="An Peeters", preferred_language="fr")
    other = member(display_name="Bert Claes")
    client.force_login(owner)
    client.post(call_pages["nl"].url, {**proposal(building_type="church"), "photos": [png()]})
    client.force_login(other)
    client.post(call_pages["nl"].url, proposal(organisation="Stad Elders"))

    themes = ThemeBoardPage(title="Thema's", slug="themas", intro="Kies mee.")
    call_pages["nl"].get_parent().add_child(instance=themes)
    publish(themes)
    mine = board.propose_theme(themes, owner, "Textiel", "Uniformen hergebruiken", "nl")
    theirs = board.propose_theme(themes, other, "Verlichting", "Licht als dienst", "nl")
    board.cast_vote(theirs, owner)

    data = export_member_data(owner)
    [building] = data["pilot_buildings_proposed"]
    assert building["organisation"] == "Gemeente Testegem"
    assert building["building_type"] == "Église"  # in the member's language
    assert building["photos"] == 1
    assert building["joins_workshop"] is True
    assert building["confirmed"]  # a member's proposal counts at once
    assert "notes" not in building
    assert [t["theme"] for t in data["themes_proposed"]] == ["Textiel"]
    assert data["themes_proposed"][0]["why"] == "Uniformen hergebruiken"
    # Proposing a theme votes for it.
    assert sorted(v["theme"] for v in data["theme_votes"]) == ["Textiel", "Verlichting"]
    assert mine.proposer == owner

    others = export_member_data(other)
    assert [b["organisation"] for b in others["pilot_buildings_proposed"]] == ["Stad Elders"]
    assert [t["theme"] for t in others["themes_proposed"]] == ["Verlichting"]
