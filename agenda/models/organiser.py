"""What organisers add to an event's registrations: questions, answers, a log, sent messages.

Every row hangs off the event's original page (the one that holds the registrations), so
each language's form asks the same questions and every export has the same columns.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class QuestionKind(models.TextChoices):
    TEXT = "text", _("Text")
    CHOICE = "choice", _("Choice")
    YES_NO = "yes_no", _("Yes or no")


class EventQuestion(models.Model):
    """An organiser's own question on an event's registration form, in three languages.

    A choice question lists its options one per line in each language, in the same order:
    an answer is stored as the option's number, so it reads right in every language.
    """

    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="questions",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=QuestionKind.choices)
    label_nl = models.CharField(_("question in Dutch"), max_length=200)
    label_fr = models.CharField(_("question in French"), max_length=200)
    label_en = models.CharField(_("question in English"), max_length=200)
    options_nl = models.TextField(_("options in Dutch"), blank=True)
    options_fr = models.TextField(_("options in French"), blank=True)
    options_en = models.TextField(_("options in English"), blank=True)
    required = models.BooleanField(_("required"), default=False)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("registration question")
        verbose_name_plural = _("registration questions")

    def __str__(self):
        return self.label()

    def _in(self, prefix, language):
        language = (language or get_language() or "nl")[:2]
        return getattr(self, f"{prefix}_{language}", None) or getattr(self, f"{prefix}_nl")

    def label(self, language=None):
        """The question in `language` (the active one by default)."""
        return self._in("label", language)

    def options(self, language=None):
        """The options of a choice question in `language`, in their fixed order."""
        text = self._in("options", language) or ""
        return [line.strip() for line in text.splitlines() if line.strip()]


class RegistrationAnswer(models.Model):
    """One registrant's answer to one question: text, "yes"/"no", or an option's number."""

    registration = models.ForeignKey(
        "events.Registration",
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="answers",
    )
    question = models.ForeignKey(
        EventQuestion, verbose_name=_("question"), on_delete=models.CASCADE, related_name="answers"
    )
    value = models.TextField(_("answer"), blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "question"], name="one_answer_per_question"
            )
        ]

    def __str__(self):
        return self.value


class RegistrationLogEntry(models.Model):
    """What an organiser did to a registration by hand, by whom, and why when it matters."""

    class Action(models.TextChoices):
        ADDED = "added", _("Added by hand")
        EDITED = "edited", _("Edited")
        CANCELLED = "cancelled", _("Cancelled by an organiser")
        PROMOTED = "promoted", _("Moved from the waitlist")

    registration = models.ForeignKey(
        "events.Registration",
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="log_entries",
    )
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    over_capacity = models.BooleanField(_("beyond the capacity"), default=False)
    reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("registration log entry")
        verbose_name_plural = _("registration log entries")

    def __str__(self):
        return f"{self.get_action_display()} – {self.registration_id}"


class SentMessage(models.Model):
    """A message or follow-up an organiser sent to an event's registrants, kept as sent."""

    class Kind(models.TextChoices):
        MESSAGE = "message", _("Message")
        FOLLOW_UP = "follow_up", _("Follow-up")

    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="sent_messages",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    audience = models.CharField(_("sent to"), max_length=20, blank=True)
    subject = models.CharField(_("subject"), max_length=150, blank=True)
    body = models.TextField(_("message"), blank=True)
    recipients = models.PositiveIntegerField(_("recipients"), default=0)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        ordering = ["-sent_at", "-pk"]
        verbose_name = _("sent message")
        verbose_name_plural = _("sent messages")

    def __str__(self):
        return self.subject or self.get_kind_display()
