"""Event models; one module per concern, re-exported here."""

from agenda.models.events import (
    CongressSession,
    EventIndexPage,
    EventKind,
    EventPage,
    EventStatus,
)
from agenda.models.organiser import (
    EventQuestion,
    QuestionKind,
    RegistrationAnswer,
    RegistrationLogEntry,
    SentMessage,
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
    "EventQuestion",
    "EventStatus",
    "GreenDealAnswer",
    "OutcomeKind",
    "OutcomeRegisterPage",
    "QuestionKind",
    "RaisedBy",
    "Registration",
    "RegistrationAnswer",
    "RegistrationLogEntry",
    "RegistrationStatus",
    "SentMessage",
    "Speaker",
    "UndeliveredEmail",
    "WorkSessionOutcome",
    "WorkSessionPage",
]
