"""Event models; one module per concern, re-exported here."""

from events.models.events import CongressSession, EventIndexPage, EventKind, EventPage
from events.models.registrations import GreenDealAnswer, Registration, RegistrationStatus
from events.models.speakers import Speaker
from events.models.work_sessions import (
    OutcomeKind,
    OutcomeRegisterPage,
    RaisedBy,
    WorkSessionOutcome,
    WorkSessionPage,
)

__all__ = [
    "CongressSession",
    "EventIndexPage",
    "EventKind",
    "EventPage",
    "GreenDealAnswer",
    "OutcomeKind",
    "OutcomeRegisterPage",
    "RaisedBy",
    "Registration",
    "RegistrationStatus",
    "Speaker",
    "WorkSessionOutcome",
    "WorkSessionPage",
]
