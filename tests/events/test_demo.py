"""The events demo content loads on its own, is translated, and loads again unchanged."""

from agenda import demo
from agenda.models import EventPage, Registration, WorkSessionOutcome, WorkSessionPage
from knowledge.models import Theme


def test_demo_loads_translated_and_idempotent(db):
    demo.load()
    nl_events = EventPage.objects.filter(locale__language_code="nl")
    assert nl_events.count() == 7
    assert WorkSessionPage.objects.filter(locale__language_code="fr").count() == 5
    for slug in demo.THEMES:
        theme = Theme.objects.get(locale__language_code="nl", slug=slug)
        assert Theme.objects.filter(translation_key=theme.translation_key).count() == 3
    assert WorkSessionOutcome.objects.filter(locale__language_code="en").exists()
    congress = nl_events.get(kind="congress")
    assert congress.sessions.count() == 4
    counts = (EventPage.objects.count(), Registration.objects.count(), Theme.objects.count())
    demo.load()
    assert (
        EventPage.objects.count(),
        Registration.objects.count(),
        Theme.objects.count(),
    ) == counts
