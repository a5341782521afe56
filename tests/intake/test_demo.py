"""The intake demo content: the call in three languages and two candidates, loaded once."""

from intake import demo
from intake.models import CandidatePilot, PilotCallPage


def test_demo_loads_translated_and_idempotent(site_tree, client):
    # site_tree: the root page and locales, also after a transactional test flushed them.
    demo.load()
    calls = PilotCallPage.objects.live()
    assert sorted(calls.values_list("locale__language_code", flat=True)) == ["en", "fr", "nl"]
    assert CandidatePilot.objects.confirmed().count() == 2
    assert set(CandidatePilot.objects.values_list("language", flat=True)) == {"nl", "fr"}
    english = calls.get(locale__language_code="en")
    assert english.title == "Call: propose a vacant building"
    assert client.get(english.url).status_code == 200
    from intake.models import ThemeBoardPage, ThemeProposal, ThemeVote
    from tests.network.factories import member

    assert ThemeBoardPage.objects.live().count() == 3
    for _number in range(3):
        member()
    demo.load()
    assert PilotCallPage.objects.count() == 3
    assert CandidatePilot.objects.count() == 2
    assert ThemeProposal.objects.count() == 3
    votes = ThemeVote.objects.count()
    assert votes == 3 + 2 + 1
    demo.load()
    assert (ThemeProposal.objects.count(), ThemeVote.objects.count()) == (3, votes)
    from intake.models import ThemeProposalPage

    # Every proposal has its page, once, also one made before proposals had pages.
    assert ThemeProposalPage.objects.live().count() == 3
    earlier = ThemeProposal.objects.create(
        board=ThemeBoardPage.objects.get(locale__language_code="nl"),
        title="Verlichting",
        description="Licht als dienst",
        proposer=ThemeProposal.objects.first().proposer,
        language="nl",
    )
    demo.load()
    assert ThemeProposalPage.objects.get(proposal=earlier).live
    assert ThemeProposalPage.objects.count() == 4
