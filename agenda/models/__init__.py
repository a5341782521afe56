"""Event models; one module per concern, re-exported here."""

from agenda.models.events import (
    CongressSession,
    EventIndexPage,
    EventKind,
    EventPage,
    EventStatus,
)
from agenda.models.registrations import (
    GreenDealAnswer,
    Registration,
    RegistrationStatus,
    UndeliveredEmail,
)
from agenda.models.speakers import Speaker
from agenda.models.work_sessions import (
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
    "EventStatus",
    "GreenDealAnswer",
    "OutcomeKind",
    "OutcomeRegisterPage",
    "RaisedBy",
    "Registration",
    "RegistrationStatus",
    "Speaker",
    "UndeliveredEmail",
    "WorkSessionOutcome",
    "WorkSessionPage",
]
