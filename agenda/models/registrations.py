"""Registrations for events: who comes, in which language, with which choices."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waitlist")
    CANCELLED = "cancelled", _("Cancelled")


class GreenDealAnswer(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    UNKNOWN = "unknown", _("I don't know")


def new_manage_secret():
    """An unguessable secret for the registrant's manage link (256 bits)."""
    return secrets.token_urlsafe(32)


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=RegistrationStatus.CANCELLED)

    def confirmed(self):
        return self.filter(status=RegistrationStatus.CONFIRMED)

    def waitlisted(self):
        return self.filter(status=RegistrationStatus.WAITLISTED)

    def in_waitlist_order(self):
        # Rows are inserted while the event is locked, so their order is the queue's order.
        return self.waitlisted().order_by("pk")


class Registration(models.Model):
    """One person's registration for one event (always the event's original page).

    Personal data (name, e-mail, organisation, answers) is blanked by
    `purge_registrations` once the event is long past; the counts stay.
    """

    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    sessions = models.ManyToManyField(
        "events.CongressSession",
        verbose_name=_("parallel sessions"),
        blank=True,
        related_name="registrations",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=RegistrationStatus.choices, db_index=True
    )
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail address"), max_length=254)
    organisation_name = models.CharField(_("organisation"), max_length=200)
    organisation = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("member organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
    )
    role = models.CharField(_("role"), max_length=150)
    green_deal = models.CharField(
        _("organisation takes part in the Green Deal Circular Procurement"),
        max_length=10,
        choices=GreenDealAnswer.choices,
    )
    dietary_needs = models.CharField(_("dietary needs"), max_length=300, blank=True)
    accessibility_needs = models.CharField(_("accessibility needs"), max_length=300, blank=True)
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    consent_at = models.DateTimeField(_("privacy consent given"))
    manage_secret = models.CharField(
        max_length=64, unique=True, default=new_manage_secret, editable=False
    )

    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    waitlisted_at = models.DateTimeField(_("joined the waitlist"), null=True, blank=True)
    promoted_at = models.DateTimeField(_("promoted from the waitlist"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    follow_up_sent_at = models.DateTimeField(_("follow-up sent"), null=True, blank=True)
    # Set by the unsubscribe link of the messages, reminders and follow-ups (network.bulk_mail);
    # e-mails about the registration itself still go out.
    mail_opt_out_at = models.DateTimeField(
        _("unsubscribed from event messages"), null=True, blank=True
    )
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)
    # The SEQUENCE of the last calendar file sent to this person (agenda.ical): the next
    # one is higher, so their calendar takes it as an update of the same entry.
    calendar_sequence = models.PositiveIntegerField(default=0, editable=False)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        permissions = [
            ("manage_registrations", _("Can see, export and check in event registrations")),
        ]
        constraints = [
            # The database backs the service rule: one active registration per address.
            models.UniqueConstraint(
                Lower("email"),
                "event",
                condition=~models.Q(status="cancelled") & ~models.Q(email=""),
                name="one_active_registration_per_email",
            )
        ]
        indexes = [models.Index(fields=["event", "status"], name="registration_event_status")]

    def __str__(self):
        return f"{self.name} – {self.event_id}"

    @property
    def attended(self):
        return self.checked_in_at is not None

    @property
    def is_active(self):
        return self.status != RegistrationStatus.CANCELLED


class UndeliveredEmailQuerySet(models.QuerySet):
    def due(self, now):
        return self.filter(retry_after__lte=now).order_by("retry_after", "pk")

    def given_up(self):
        return self.filter(retry_after__isnull=True)


class UndeliveredEmail(models.Model):
    """A registrant e-mail the mail server refused or could not take, kept to send again.

    With a task backend that can run a task later (the database backend), the task itself
    is queued again and only e-mails that ran out of attempts are kept here; without one
    (the immediate backend), `retry_failed_emails` sends the due ones again. `retry_after`
    is empty once every attempt has failed: the row stays for the operator to see.
    """

    registration = models.ForeignKey(
        Registration,
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="undelivered_emails",
    )
    kind = models.CharField(_("kind"), max_length=20)
    extra = models.JSONField(_("extra content"), default=dict, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"))
    error = models.TextField(_("last error"), blank=True)
    failed_at = models.DateTimeField(_("last failed"), auto_now=True)
    retry_after = models.DateTimeField(_("retry after"), null=True, blank=True, db_index=True)

    objects = UndeliveredEmailQuerySet.as_manager()

    class Meta:
        ordering = ["failed_at", "pk"]
        verbose_name = _("undelivered e-mail")
        verbose_name_plural = _("undelivered e-mails")

    def __str__(self):
        return f"{self.kind} – {self.registration_id}"
