"""The registration rules, called directly."""

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from agenda import services
from agenda.models import Registration, RegistrationStatus
from tests.conftest import publish
from tests.events.factories import CongressSessionFactory, RegistrationFactory


def test_registers_confirmed_while_there_is_room(event, registrant):
    registration = services.register(event, registrant(1))
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.consent_at is not None
    assert registration.event_id == event.pk


def test_full_event_puts_people_on_the_waitlist_in_order(event, registrant):
    event.capacity = 2
    publish(event)
    statuses = [services.register(event, registrant(n)).status for n in range(5)]
    assert statuses == ["confirmed", "confirmed", "waitlisted", "waitlisted", "waitlisted"]
    waiting = list(Registration.objects.in_waitlist_order())
    assert [services.waitlist_position(r) for r in waiting] == [1, 2, 3]
    assert [r.email for r in waiting] == [f"persoon{n}@example.org" for n in (2, 3, 4)]


def test_full_event_without_waitlist_refuses(event, registrant):
    event.capacity = 1
    event.waitlist_enabled = False
    publish(event)
    services.register(event, registrant(1))
    with pytest.raises(services.RegistrationError) as refused:
        services.register(event, registrant(2))
    assert refused.value.code == "full"
    assert Registration.objects.count() == 1


def test_same_email_in_other_case_is_refused(event, registrant):
    services.register(event, registrant(1, email="An@Example.org"))
    with pytest.raises(services.RegistrationError) as refused:
        services.register(event, registrant(2, email="an@example.ORG"))
    assert refused.value.code == "duplicate"
    assert refused.value.field == "email"


def test_cancelled_person_may_register_again(event, registrant):
    registration = services.register(event, registrant(1))
    services.cancel(registration)
    again = services.register(event, registrant(1))
    assert again.status == RegistrationStatus.CONFIRMED


def test_registration_window_is_respected(event, registrant):
    event.registration_opens = timezone.now() + datetime.timedelta(days=1)
    publish(event)
    with pytest.raises(services.RegistrationError) as refused:
        services.register(event, registrant(1))
    assert refused.value.code == "not_yet_open"
    event.registration_opens = None
    event.registration_closes = timezone.now() - datetime.timedelta(minutes=1)
    publish(event)
    with pytest.raises(services.RegistrationError) as refused:
        services.register(event, registrant(1))
    assert refused.value.code == "closed"
    assert not Registration.objects.exists()


def test_no_registration_once_the_event_started(event, registrant):
    with pytest.raises(services.RegistrationError) as refused:
        services.register(event, registrant(1), now=event.start + datetime.timedelta(minutes=1))
    assert refused.value.code == "past"


def test_cancellation_promotes_first_waitlisted(event, registrant):
    event.capacity = 1
    publish(event)
    first = services.register(event, registrant(1))
    second = services.register(event, registrant(2))
    third = services.register(event, registrant(3))
    mail.outbox.clear()
    outcome = services.cancel(first)
    assert outcome.promoted == [second]
    second.refresh_from_db()
    third.refresh_from_db()
    assert second.status == RegistrationStatus.CONFIRMED and second.promoted_at
    assert third.status == RegistrationStatus.WAITLISTED
    assert services.waitlist_position(third) == 1
    assert sorted(m.to[0] for m in mail.outbox) == ["persoon1@example.org", "persoon2@example.org"]


def test_cancelling_a_waitlisted_person_promotes_nobody(event, registrant):
    event.capacity = 1
    publish(event)
    services.register(event, registrant(1))
    waiting = services.register(event, registrant(2))
    assert services.cancel(waiting).promoted == []


def test_cancellation_is_refused_once_the_event_started(event, registrant):
    registration = services.register(event, registrant(1))
    with pytest.raises(services.RegistrationError) as refused:
        services.cancel(registration, now=event.start)
    assert refused.value.code == "too_late"
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED


def test_cancelling_twice_is_refused(event, registrant):
    registration = services.register(event, registrant(1))
    services.cancel(registration)
    with pytest.raises(services.RegistrationError):
        services.cancel(registration)


def test_registrations_on_a_translation_share_the_original_capacity(site_tree, event, registrant):
    event.capacity = 1
    publish(event)
    french = site_tree.translate(event, "fr", title="Journée d'étude", slug="journee")
    services.register(event, registrant(1))
    via_french = services.register(french, registrant(2, language="fr"))
    assert via_french.event_id == event.pk
    assert via_french.status == RegistrationStatus.WAITLISTED


@pytest.fixture
def congress(event):
    event.kind = "congress"
    event.capacity = 10
    publish(event)
    morning_a = CongressSessionFactory(page=event, title="Bouwen", track="A", capacity=1)
    morning_b = CongressSessionFactory(
        page=event, title="ICT", track="B", capacity=5, starts=morning_a.starts
    )
    afternoon = CongressSessionFactory(
        page=event,
        title="Meubilair",
        track="A",
        starts=morning_a.starts + datetime.timedelta(hours=3),
    )
    return event, morning_a, morning_b, afternoon


def keys(*sessions):
    return [str(s.translation_key) for s in sessions]


def test_congress_sessions_have_their_own_capacity(congress, registrant):
    event, morning_a, morning_b, afternoon = congress
    first = services.register(event, registrant(1), keys(morning_a, afternoon))
    assert set(first.sessions.all()) == {morning_a, afternoon}
    with pytest.raises(services.RegistrationError) as refused:
        services.register(event, registrant(2), keys(morning_a))
    assert refused.value.code == "session_full"
    assert Registration.objects.count() == 1
    services.register(event, registrant(2), keys(morning_b))


def test_at_most_one_session_per_time_slot(congress, registrant):
    event, morning_a, morning_b, _afternoon = congress
    with pytest.raises(services.RegistrationError) as refused:
        services.register(event, registrant(1), keys(morning_a, morning_b))
    assert refused.value.code == "session_overlap"
    assert not Registration.objects.exists()


def test_session_of_another_event_is_refused(congress, agenda, registrant):
    event, *_ = congress
    from tests.events.factories import EventPageFactory

    other = publish(EventPageFactory(parent=agenda))
    foreign = CongressSessionFactory(page=other)
    with pytest.raises(services.RegistrationError) as refused:
        services.register(event, registrant(1), keys(foreign))
    assert refused.value.code == "session_invalid"


def test_sessions_group_into_slots_by_overlap(congress):
    event, morning_a, morning_b, afternoon = congress
    slots = services.group_into_slots(event.sessions.all())
    assert [set(slot) for slot in slots] == [{morning_a, morning_b}, {afternoon}]


def test_change_sessions_respects_capacity(congress, registrant):
    event, morning_a, morning_b, afternoon = congress
    holder = services.register(event, registrant(1), keys(morning_a))
    other = services.register(event, registrant(2), keys(morning_b))
    with pytest.raises(services.RegistrationError):
        services.change_sessions(other, keys(morning_a))
    services.change_sessions(holder, keys(morning_b, afternoon))
    services.change_sessions(other, keys(morning_a))
    assert set(other.sessions.all()) == {morning_a}


def test_promotion_skips_people_whose_session_is_full(congress, registrant):
    event, morning_a, morning_b, _afternoon = congress
    event.capacity = 2
    publish(event)
    first = services.register(event, registrant(1), keys(morning_a))
    services.register(event, registrant(2), keys(morning_b))
    wants_full_session = services.register(event, registrant(3), keys(morning_a))
    flexible = services.register(event, registrant(4), keys(morning_b))
    services.change_sessions(first, keys(morning_a))  # still holds the only morning A seat
    outcome = services.cancel(Registration.objects.get(email="persoon2@example.org"))
    assert outcome.promoted == [flexible]
    wants_full_session.refresh_from_db()
    assert wants_full_session.status == RegistrationStatus.WAITLISTED


def test_check_in_and_counts(event, registrant):
    event.capacity = 1
    publish(event)
    present = services.register(event, registrant(1))
    services.register(event, registrant(2))
    gone = services.register(event, registrant(3))
    services.cancel(gone)
    services.check_in(present)
    assert services.counts(event) == {
        "confirmed": 1,
        "waitlisted": 1,
        "cancelled": 1,
        "attended": 1,
    }
    gone.refresh_from_db()
    with pytest.raises(services.RegistrationError):
        services.check_in(gone)


def register_queries(event, registrant, n):
    with CaptureQueriesContext(connection) as captured:
        services.register(event, registrant(n))
    return len(captured)


def test_registering_runs_a_fixed_number_of_queries(event, registrant):
    event.capacity = 500
    publish(event)
    register_queries(event, registrant, 0)
    few = register_queries(event, registrant, 1)
    RegistrationFactory.create_batch(60, event=event)
    many = register_queries(event, registrant, 2)
    assert few == many
    assert few <= 25


def test_reminders_are_sent_once(event, registrant):
    services.register(event, registrant(1))
    mail.outbox.clear()
    assert services.send_reminders(datetime.timedelta(days=30)) == 1
    assert services.send_reminders(datetime.timedelta(days=30)) == 0
    assert len(mail.outbox) == 1
    assert services.send_reminders(datetime.timedelta(days=1)) == 0


def test_follow_up_goes_to_checked_in_people_once(event, registrant):
    present = services.register(event, registrant(1, language="fr"))
    services.register(event, registrant(2))
    services.check_in(present)
    mail.outbox.clear()
    assert services.send_follow_up(event) == 1
    assert services.send_follow_up(event) == 0
    assert [m.to for m in mail.outbox] == [["persoon1@example.org"]]


def test_message_attendees_by_audience(event, registrant):
    event.capacity = 1
    publish(event)
    services.register(event, registrant(1))
    services.register(event, registrant(2))
    mail.outbox.clear()
    assert services.message_attendees(event, "waitlisted", "Nieuws", "Er komt plaats vrij.") == 1
    assert mail.outbox[0].to == ["persoon2@example.org"]
    assert mail.outbox[0].subject == "Nieuws"
    assert "Er komt plaats vrij." in mail.outbox[0].body


def test_purge_blanks_personal_data_of_old_events(event, registrant):
    registration = services.register(event, registrant(1, dietary_needs="vegan"))
    later = event.end + datetime.timedelta(days=400)
    assert services.registrations_to_purge(365, now=later).count() == 1
    assert services.registrations_to_purge(365, now=event.end).count() == 0
    assert services.purge_registrations(365, now=later) == 1
    registration.refresh_from_db()
    assert registration.name == registration.email == registration.dietary_needs == ""
    assert registration.status == RegistrationStatus.CONFIRMED
    assert services.purge_registrations(365, now=later) == 0


@pytest.fixture
def publish_committed(django_capture_on_commit_callbacks):
    """publish(), then what waits for its commit (the waitlist promotion); `registrations`
    are read again afterwards."""

    def run(page, *registrations):
        with django_capture_on_commit_callbacks(execute=True):
            publish(page)
        for registration in registrations:
            registration.refresh_from_db()

    return run


def test_publishing_a_higher_capacity_promotes_the_waitlist(event, registrant, publish_committed):
    event.capacity = 1
    publish(event)
    services.register(event, registrant(1))
    second = services.register(event, registrant(2))
    third = services.register(event, registrant(3))
    mail.outbox.clear()
    event.capacity = 2
    publish_committed(event, second, third)
    assert second.status == RegistrationStatus.CONFIRMED and second.promoted_at
    assert third.status == RegistrationStatus.WAITLISTED
    assert [m.to[0] for m in mail.outbox] == ["persoon2@example.org"]


def test_publishing_a_translation_uses_the_shared_capacity(
    event, registrant, site_tree, publish_committed, django_capture_on_commit_callbacks
):
    event.capacity = 1
    publish(event)
    services.register(event, registrant(1))
    waiting = services.register(event, registrant(2))
    with django_capture_on_commit_callbacks(execute=True):
        translation = site_tree.translate(event, "fr", title="Journée d'étude", slug="journee")
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.WAITLISTED
    translation.capacity = 3  # the capacity of the original page counts
    publish_committed(translation, waiting)
    assert waiting.status == RegistrationStatus.WAITLISTED
    event.capacity = 3
    publish_committed(event, waiting)
    assert waiting.status == RegistrationStatus.CONFIRMED


def test_publishing_a_higher_session_capacity_promotes_who_waits_for_it(
    congress, registrant, publish_committed
):
    event, morning_a, _morning_b, _afternoon = congress  # morning A has one seat
    event.capacity = 1
    publish(event)
    services.register(event, registrant(1), keys(morning_a))
    waiting = services.register(event, registrant(2), keys(morning_a))
    assert waiting.status == RegistrationStatus.WAITLISTED
    event.capacity = 5
    publish_committed(event, waiting)
    assert waiting.status == RegistrationStatus.WAITLISTED  # the session is still full
    sessions = list(event.sessions.all())
    for session in sessions:
        if session.pk == morning_a.pk:
            session.capacity = 2
    event.sessions = sessions
    publish_committed(event, waiting)
    assert waiting.status == RegistrationStatus.CONFIRMED


def test_publishing_after_the_start_promotes_nobody(event, registrant, publish_committed):
    event.capacity = 1
    publish(event)
    services.register(event, registrant(1))
    waiting = services.register(event, registrant(2))
    event.capacity = 2
    event.start = timezone.now() - datetime.timedelta(minutes=1)
    event.end = event.start + datetime.timedelta(hours=2)
    publish_committed(event, waiting)
    assert waiting.status == RegistrationStatus.WAITLISTED
