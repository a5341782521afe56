"""The agenda and its events: study days, congresses, work sessions and workshops."""

from zoneinfo import ZoneInfo

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from agenda.blocks import ProgrammeBlock
from home.privacy import CachedPrivacyMixin
from home.text_analysis import object_stems

BRUSSELS = ZoneInfo("Europe/Brussels")


class EventKind(models.TextChoices):
    STUDY_DAY = "study_day", _("Study day")
    CONGRESS = "congress", _("Congress")
    WORK_SESSION = "work_session", _("Work session")
    WORKSHOP = "workshop", _("Workshop")


class EventStatus(models.TextChoices):
    """Whether the event goes ahead, as schema.org's eventStatus and iCalendar's STATUS say it.

    "Rescheduled" is not chosen by hand: an event whose start moved keeps its previous start
    (`EventPage.previous_start`) and says so.
    """

    SCHEDULED = "scheduled", _("Takes place")
    POSTPONED = "postponed", _("Postponed (new date to follow)")
    CANCELLED = "cancelled", _("Cancelled")


class RegistrationState(models.TextChoices):
    NONE = "none", _("No registration")
    CANCELLED = "cancelled", _("This event is cancelled")
    NOT_YET_OPEN = "not_yet_open", _("Registration opens soon")
    OPEN = "open", _("Registration open")
    CLOSED = "closed", _("Registration closed")
    PAST = "past", _("This event has taken place")


def event_edit_handler(content_panels, registration_panels):
    """Tabs of the event editor: content, registration, promote, settings."""
    return TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(registration_panels, heading=_("Registration")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )


class EventIndexPage(CachedPrivacyMixin, RoutablePageMixin, Page):
    """The agenda of one language: upcoming and past events, filters and an iCal feed."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("search_stems"),
    ]
    search_stems = object_stems  # the stems of its searchable text (home.text_analysis)
    api_fields = [APIField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage", "events.WorkSessionPage", "events.OutcomeRegisterPage"]
    max_count_per_parent = 1
    template = "events/event_index_page.html"

    class Meta:
        verbose_name = _("agenda")
        verbose_name_plural = _("agendas")

    @path("")
    def index_route(self, request):
        from agenda import views

        return views.agenda(request, self)

    @path("ical/", name="ical")
    def ical_route(self, request):
        from agenda import views

        return views.agenda_ical(request, self)


class EventPage(CachedPrivacyMixin, RoutablePageMixin, Page):
    """One dated gathering with its programme and registration rules.

    Registrations always belong to the event's original page (see `canonical_event`), so the
    Dutch, French and English pages of one event share a single capacity and waitlist.
    """

    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    start = models.DateTimeField(_("starts"), help_text=_("Time in Brussels."))
    end = models.DateTimeField(_("ends"), help_text=_("Time in Brussels."))
    summary = models.TextField(
        _("summary"), max_length=400, help_text=_("Two or three sentences for the agenda.")
    )
    description = RichTextField(
        _("description"), blank=True, features=["h2", "h3", "bold", "italic", "ul", "ol", "link"]
    )
    event_status = models.CharField(
        _("status"),
        max_length=20,
        choices=EventStatus.choices,
        default=EventStatus.SCHEDULED,
        help_text=_(
            "When you publish a cancellation, a postponement or a new time or venue, every "
            "confirmed and waitlisted registrant gets an e-mail with an updated calendar file."
        ),
    )
    # The start before the last publication that moved it, for schema.org's EventRescheduled;
    # kept by agenda.changes on publication, never edited by hand.
    previous_start = models.DateTimeField(
        _("previous start"), null=True, blank=True, editable=False
    )
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    venue_address = models.CharField(
        _("address"), max_length=300, blank=True, help_text=_("Street, number, postcode, town")
    )
    programme = StreamField(ProgrammeBlock(), verbose_name=_("programme"), blank=True)

    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    registration_enabled = models.BooleanField(_("people register on this site"), default=True)
    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateTimeField(
        _("registration closes"),
        null=True,
        blank=True,
        help_text=_("Leave empty to accept registrations until the event starts."),
    )
    waitlist_enabled = models.BooleanField(_("waitlist when full"), default=True)
    ask_dietary = models.BooleanField(_("ask about dietary needs"), default=True)
    ask_accessibility = models.BooleanField(_("ask about accessibility needs"), default=True)
    privacy_text = models.TextField(
        _("privacy consent text"),
        blank=True,
        help_text=_("Leave empty for the standard text."),
    )

    report_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("report"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    slides_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("slides"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    survey_url = models.URLField(_("feedback survey link"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")], heading=_("When")),
        FieldPanel("event_status"),
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("venue_name"), FieldPanel("venue_address")], _("Where")),
        FieldPanel("description"),
        FieldPanel("programme"),
        InlinePanel("sessions", heading=_("Parallel sessions (congress)"), label=_("session")),
    ]
    registration_panels = [
        MultiFieldPanel(
            [
                FieldPanel("registration_enabled"),
                FieldPanel("capacity"),
                FieldRowPanel(
                    [FieldPanel("registration_opens"), FieldPanel("registration_closes")]
                ),
                FieldPanel("waitlist_enabled"),
                FieldPanel("ask_dietary"),
                FieldPanel("ask_accessibility"),
                FieldPanel("privacy_text"),
            ],
            heading=_("Registration"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("report_document"),
                FieldPanel("slides_document"),
                FieldPanel("survey_url"),
            ],
            heading=_("After the event"),
        ),
    ]
    edit_handler = event_edit_handler(content_panels, registration_panels)
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("description"),
        index.SearchField("venue_name"),
        index.SearchField("search_stems"),
        index.FilterField("kind"),
        index.FilterField("start"),
    ]
    api_fields = [
        APIField("kind"),
        APIField("start"),
        APIField("end"),
        APIField("event_status"),
        APIField("previous_start"),
        APIField("summary"),
        APIField("description"),
        APIField("venue_name"),
        APIField("venue_address"),
        APIField("programme"),
        APIField("capacity"),
    ]

    # Facts that are the same in every language: publishing the source page copies them to
    # its live translations (home.translation_sync). The venue is text a translator may
    # localise, so it follows only when it changed on the source. Documents and the survey
    # link may differ per language.
    synchronized_fields = (
        "kind",
        "start",
        "end",
        "event_status",
        "previous_start",
        "capacity",
        "registration_enabled",
        "registration_opens",
        "registration_closes",
        "waitlist_enabled",
        "ask_dietary",
        "ask_accessibility",
    )
    synchronized_when_changed = ("venue_name", "venue_address")
    synchronized_children = {"sessions": ("starts", "ends", "capacity", "speakers")}

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    template = "events/event_page.html"

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The event cannot end before it starts.")})
        if (
            self.registration_opens
            and self.registration_closes
            and self.registration_closes < self.registration_opens
        ):
            raise ValidationError(
                {"registration_closes": _("Registration cannot close before it opens.")}
            )

    # -- rules that only need the page itself ---------------------------------------------

    @property
    def start_local(self):
        return timezone.localtime(self.start, BRUSSELS)

    @property
    def end_local(self):
        return timezone.localtime(self.end, BRUSSELS)

    @property
    def is_cancelled(self):
        return self.event_status == EventStatus.CANCELLED

    @property
    def is_postponed(self):
        return self.event_status == EventStatus.POSTPONED

    @property
    def is_rescheduled(self):
        """Moved to a new start and going ahead (schema.org's EventRescheduled)."""
        return self.event_status == EventStatus.SCHEDULED and self.previous_start is not None

    @property
    def is_past(self):
        return self.end < timezone.now()

    def registration_state(self, now=None):
        """Where registration stands at `now`: not yet open, open, closed or past."""
        now = now or timezone.now()
        if not self.registration_enabled:
            return RegistrationState.NONE
        if self.event_status == EventStatus.CANCELLED:
            return RegistrationState.CANCELLED
        if now >= self.start:
            return RegistrationState.PAST
        if self.registration_opens and now < self.registration_opens:
            return RegistrationState.NOT_YET_OPEN
        if self.registration_closes and now >= self.registration_closes:
            return RegistrationState.CLOSED
        return RegistrationState.OPEN

    def canonical_event(self):
        """The page registrations are stored on: the first-created page of this event."""
        if self.pk is None:
            return self
        first = (
            EventPage.objects.filter(translation_key=self.translation_key).order_by("pk").first()
        )
        return first or self

    def ical_uid(self):
        """Stable across languages, edits and moves: calendars update instead of duplicating."""
        return f"event-{self.translation_key}@circulaire-aankopers.be"

    # -- routes -----------------------------------------------------------------------------

    @path("")
    def detail_route(self, request):
        from agenda import views

        return views.event_detail(request, self)

    @path("register/", name="register")
    def register_route(self, request):
        from agenda import views

        return views.register(request, self)

    @path("ical/", name="ical")
    def ical_route(self, request):
        from agenda import views

        return views.event_ical(request, self)

    @path("manage/<str:token>/", name="manage")
    def manage_route(self, request, token):
        from agenda import views

        return views.manage(request, self, token)

    search_stems = object_stems  # the stems of its searchable text (home.text_analysis)


class CongressSession(TranslatableMixin, ClusterableModel, Orderable):
    """A parallel session of a congress with its own capacity and speakers.

    An attendee chooses at most one session per time slot; sessions that overlap in time
    belong to the same slot. It is a cluster of its own so that its speakers are kept in the
    page's revisions like the rest of the programme.
    """

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(_("title"), max_length=200)
    track = models.CharField(_("track"), max_length=100, blank=True)
    starts = models.DateTimeField(_("starts"))
    ends = models.DateTimeField(_("ends"))
    room = models.CharField(_("room"), max_length=100, blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    description = models.TextField(_("description"), blank=True)
    speakers = ParentalManyToManyField(
        "events.Speaker", verbose_name=_("speakers"), blank=True, related_name="congress_sessions"
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("track"),
        FieldRowPanel([FieldPanel("starts"), FieldPanel("ends")]),
        FieldPanel("room"),
        FieldPanel("capacity"),
        FieldPanel("speakers", widget=forms.CheckboxSelectMultiple),
        FieldPanel("description"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("parallel session")
        verbose_name_plural = _("parallel sessions")

    def __str__(self):
        return f"{self.track}: {self.title}" if self.track else self.title

    def clean(self):
        super().clean()
        if self.starts and self.ends and self.ends <= self.starts:
            raise ValidationError({"ends": _("A session must end after it starts.")})

    def overlaps(self, other):
        return self.starts < other.ends and other.starts < self.ends
