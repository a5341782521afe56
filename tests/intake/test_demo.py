"""The intake demo content: the call in three languages and two candidates, loaded once."""

from intake import demo
from intake.models import CandidatePilot, PilotCallPage


def test_demo_loads_translated_and_idempotent(db, client):
    demo.load()
    calls = PilotCallPage.objects.live()
    assert sorted(calls.values_list("locale__language_code", flat=True)) == ["en", "fr", "nl"]
    assert CandidatePilot.objects.confirmed().count() == 2
    assert set(CandidatePilot.objects.values_list("language", flat=True)) == {"nl", "fr"}
    english = calls.get(locale__language_code="en")
    assert english.title == "Call: propose a vacant building"
    assert client.get(english.url).status_code == 200
    demo.load()
    assert PilotCallPage.objects.count() == 3
    assert CandidatePilot.objects.count() == 2
