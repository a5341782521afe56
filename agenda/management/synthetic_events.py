"""A generator for synthetic Dutch events, used by `seed_scale --events N`.

Every choice goes through the `random.Random` passed in, so a seed always gives the same
events. Like the synthetic lessons, they are plausible rather than real: they fill benchmarks.
"""

import datetime
from dataclasses import dataclass

from agenda.models.events import BRUSSELS, EventKind
from knowledge.management.synthetic_lessons import PLACES, TOPICS

KIND_NAMES = {
    EventKind.STUDY_DAY: "Studiedag",
    EventKind.CONGRESS: "Congres",
    EventKind.WORK_SESSION: "Werksessie",
    EventKind.WORKSHOP: "Workshop",
}

VENUES = [
    "Stadhuis",
    "Cultuurcentrum",
    "Provinciehuis",
    "Bibliotheek",
    "Ontmoetingscentrum",
    "Congreszaal",
]

PURPOSES = [
    "Aankopers delen wat werkte en wat niet.",
    "Leveranciers tonen wat de markt vandaag kan.",
    "We werken in kleine groepen aan een echt bestek.",
    "Een gemeente stelt haar aanpak voor, daarna is er ruimte voor vragen.",
    "We zoeken samen naar clausules die in de praktijk standhouden.",
]

DAYS_BACK = 3 * 365
DAYS_AHEAD = 365


@dataclass
class SyntheticEvent:
    title: str
    kind: str
    start: datetime.datetime
    end: datetime.datetime
    summary: str
    venue_name: str
    venue_address: str
    capacity: int | None


def synthetic_event(rng, today):
    """One event's texts, kind, place and times (Brussels), all drawn from `rng`."""
    kind = rng.choice(list(KIND_NAMES))
    topic = rng.choice(TOPICS)[0]
    place = rng.choice(PLACES)
    day = today + datetime.timedelta(days=rng.randint(-DAYS_BACK, DAYS_AHEAD))
    start = datetime.datetime.combine(day, datetime.time(rng.choice((9, 10, 13, 14))))
    start = start.replace(tzinfo=BRUSSELS)
    return SyntheticEvent(
        title=f"{KIND_NAMES[kind]}: {topic} in {place}",
        kind=kind,
        start=start,
        end=start + datetime.timedelta(hours=rng.choice((2, 3, 4, 7))),
        summary=f"{topic} in {place}. {rng.choice(PURPOSES)}",
        venue_name=f"{rng.choice(VENUES)} {place}",
        venue_address=f"Marktplein {rng.randint(1, 60)}, {place}",
        capacity=rng.choice((None, 25, 40, 80, 150)),
    )
