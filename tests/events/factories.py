"""Factories for event pages, sessions, outcomes and registrations."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from agenda.models import (
    CongressSession,
    EventIndexPage,
    EventKind,
    EventPage,
    OutcomeRegisterPage,
    Registration,
    RegistrationStatus,
    WorkSessionOutcome,
    WorkSessionPage,
)
from knowledge.models import Theme


def in_days(days, hour=9):
    moment = timezone.localtime() + datetime.timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


# What a person fills in on an event's registration form.
REGISTRATION_FORM = {
    "name": "An Peeters",
    "email": "an@example.org",
    "organisation": "Stad Gent",
    "role": "Aankoper",
    "green_deal": "yes",
    "privacy_consent": "on",
}


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Agenda"
    slug = "agenda"
    intro = "Wat er op de agenda staat."

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Studiedag {n}")
    slug = factory.Sequence(lambda n: f"event-{n}")
    kind = EventKind.STUDY_DAY
    start = factory.LazyFunction(lambda: in_days(14, 9))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=7))
    summary = "Een dag over circulair aankopen."
    venue_name = "Zaal De Markten"
    venue_address = "Oude Graanmarkt 5, 1000 Brussel"
    capacity = 20
    waitlist_enabled = True

    class Meta:
        model = EventPage


class ThemeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Thema {n}")
    slug = factory.Sequence(lambda n: f"thema-{n}")

    class Meta:
        model = Theme


class WorkSessionPageFactory(EventPageFactory):
    title = factory.Sequence(lambda n: f"Werksessie {n}")
    kind = EventKind.WORK_SESSION
    theme = factory.SubFactory(ThemeFactory)

    class Meta:
        model = WorkSessionPage


class OutcomeRegisterPageFactory(wagtail_factories.PageFactory):
    title = "Kansen en drempels"
    slug = "kansen-en-drempels"

    class Meta:
        model = OutcomeRegisterPage


class CongressSessionFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Sessie {n}")
    track = "Spoor A"
    starts = factory.LazyAttribute(lambda o: o.page.start + datetime.timedelta(hours=2))
    ends = factory.LazyAttribute(lambda o: o.starts + datetime.timedelta(hours=1))
    capacity = 10
    locale = factory.LazyAttribute(lambda o: o.page.locale)

    class Meta:
        model = CongressSession


class OutcomeFactory(factory.django.DjangoModelFactory):
    kind = "barrier"
    statement = factory.Sequence(lambda n: f"Vaststelling {n}")
    raised_by = "public_buyer"
    locale = factory.LazyAttribute(lambda o: o.page.locale)

    class Meta:
        model = WorkSessionOutcome


class RegistrationFactory(factory.django.DjangoModelFactory):
    status = RegistrationStatus.CONFIRMED
    name = factory.Sequence(lambda n: f"Deelnemer {n}")
    email = factory.Sequence(lambda n: f"deelnemer{n}@example.org")
    organisation_name = "Stad Gent"
    role = "Aankoper"
    green_deal = "yes"
    language = "nl"
    consent_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Registration
