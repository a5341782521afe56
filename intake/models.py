"""The call page for pilot buildings and the candidate pilots proposed through it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from home.privacy import CachedPrivacyMixin
from home.text_analysis import object_stems


class PilotCallPage(CachedPrivacyMixin, RoutablePageMixin, Page):
    """The call: what a pilot asks of its owner, with the form to propose a building."""

    intro = models.TextField(_("introduction"))
    body = RichTextField(
        _("body"), blank=True, features=["h2", "h3", "bold", "italic", "link", "ul", "ol"]
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("search_stems"),
    ]
    search_stems = object_stems  # the stems of its searchable text (home.text_analysis)
    api_fields = [APIField("intro"), APIField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "intake/pilot_call_page.html"

    class Meta:
        verbose_name = _("call for pilots")
        verbose_name_plural = _("calls for pilots")

    @path("")
    def index_route(self, request):
        from intake import views

        return views.propose(request, self)

    @path("sent/")
    def sent_route(self, request):
        from intake import views

        return views.sent(request, self)

    @path("confirm/<str:token>/")
    def confirm_route(self, request, token):
        from intake import views

        return views.confirm(request, self, token)


class BuildingKind(models.TextChoices):
    """The kinds of building the call asks for; "other" is described in `building_type_other`."""

    SCHOOL = "school", _("School building")
    OFFICE = "office", _("Office building")
    CHURCH = "church", _("Church")
    FARM = "farm", _("Farm")
    INDUSTRIAL = "industrial", _("Industrial hall")
    OTHER = "other", _("Other")


class CandidateStatus(models.TextChoices):
    NEW = "new", _("New")
    IN_REVIEW = "in_review", _("In review")
    SELECTED = "selected", _("Selected")
    DECLINED = "declined", _("Declined")


DECISIONS = (CandidateStatus.SELECTED, CandidateStatus.DECLINED)


class CandidatePilotQuerySet(models.QuerySet):
    def confirmed(self):
        """Proposals whose applicant is a member or clicked the confirmation link."""
        return self.filter(confirmed_at__isnull=False)


class CandidatePilot(models.Model):
    """A vacant building proposed for a pilot, waiting for the network's decision."""

    status = models.CharField(
        _("status"), max_length=20, choices=CandidateStatus.choices, default=CandidateStatus.NEW
    )
    notes = models.TextField(_("notes"), blank=True, help_text=_("Only editors see these."))
    organisation = models.CharField(_("organisation"), max_length=200)
    contact_name = models.CharField(_("contact person"), max_length=200)
    email = models.EmailField(_("e-mail address"))
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    address = models.CharField(_("street and number"), max_length=200)
    postcode = models.CharField(_("postcode"), max_length=10)
    municipality = models.CharField(_("municipality"), max_length=120)
    building_type = models.CharField(
        _("building type"), max_length=20, choices=BuildingKind.choices
    )
    building_type_other = models.CharField(
        _("type of building (other)"),
        max_length=120,
        blank=True,
        help_text=_("What kind of building it is, when none of the types fits."),
    )
    floor_area_m2 = models.PositiveIntegerField(_("floor area (m²)"))
    vacant_since = models.PositiveSmallIntegerField(_("vacant since (year)"))
    owner = models.CharField(_("owner"), max_length=200)
    state = models.TextField(_("state of the building"))
    opportunities = models.TextField(_("opportunities and organisations nearby"))
    helps_map_neighbourhood = models.BooleanField(
        _("will help map the opportunities and organisations nearby"), default=False
    )
    joins_workshop = models.BooleanField(
        _("will take part in one design-research workshop"), default=False
    )
    understands_no_obligation = models.BooleanField(
        _("understands there is no obligation to carry out the results"), default=False
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="candidate_pilots",
    )
    call_page = models.ForeignKey(
        PilotCallPage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("e-mail confirmed"), null=True, blank=True)
    # The decision the applicant was last told about, so saving the same status twice
    # never sends a second e-mail.
    decision_sent = models.CharField(max_length=20, blank=True, editable=False)
    pilot_case = models.ForeignKey(
        "knowledge.PilotCasePage",
        verbose_name=_("pilot case"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    objects = CandidatePilotQuerySet.as_manager()

    class Meta:
        verbose_name = _("candidate pilot")
        verbose_name_plural = _("candidate pilots")
        ordering = ["-submitted_at"]

    def __str__(self):
        return f"{self.organisation}: {self.address}, {self.municipality}"

    @property
    def building_type_label(self):
        """The building type as the applicant gave it: their own words for "other"."""
        if self.building_type == BuildingKind.OTHER and self.building_type_other:
            return self.building_type_other
        return self.get_building_type_display()


class CandidatePhoto(models.Model):
    """A photo sent with a proposal; kept outside the public media paths."""

    candidate = models.ForeignKey(CandidatePilot, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(_("photo"), upload_to="intake/photos/%Y/%m/")

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self):
        return self.image.name


class ThemeBoardPage(CachedPrivacyMixin, RoutablePageMixin, Page):
    """Members propose themes for the next work sessions and vote on them."""

    intro = models.TextField(_("introduction"))

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("search_stems"),
    ]
    search_stems = object_stems  # the stems of its searchable text (home.text_analysis)
    api_fields = [APIField("intro")]

    parent_page_types = ["home.HomePage"]
    # Each proposal gets a page of its own here, made with the proposal (intake.board).
    subpage_types = ["intake.ThemeProposalPage"]
    max_count_per_parent = 1
    template = "intake/theme_board_page.html"

    class Meta:
        verbose_name = _("theme board")
        verbose_name_plural = _("theme boards")

    @path("")
    def index_route(self, request):
        from intake import board_views

        return board_views.board(request, self)


class ProposalStatus(models.TextChoices):
    OPEN = "open", _("Open for votes")
    SCHEDULED = "scheduled", _("Work session planned")
    CLOSED = "closed", _("Closed")


class ThemeProposal(models.Model):
    """A theme a member would like a work session about."""

    board = models.ForeignKey(ThemeBoardPage, on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("theme"), max_length=160)
    description = models.TextField(_("why this theme"), max_length=2000)
    proposer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        on_delete=models.CASCADE,
        related_name="theme_proposals",
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    status = models.CharField(
        _("status"), max_length=20, choices=ProposalStatus.choices, default=ProposalStatus.OPEN
    )
    created_at = models.DateTimeField(_("proposed"), auto_now_add=True)
    work_session = models.ForeignKey(
        "events.WorkSessionPage",
        verbose_name=_("work session"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    class Meta:
        verbose_name = _("theme proposal")
        verbose_name_plural = _("theme proposals")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title


class ThemeVote(models.Model):
    """One member's vote for one proposal; the constraint keeps it to one, also under races."""

    proposal = models.ForeignKey(ThemeProposal, on_delete=models.CASCADE, related_name="votes")
    voter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="theme_votes"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [
            models.UniqueConstraint(fields=["proposal", "voter"], name="one_vote_per_member")
        ]

    def __str__(self):
        return f"{self.voter_id} → {self.proposal_id}"


class ThemeProposalPage(CachedPrivacyMixin, Page):
    """A proposal's own page: the theme, its votes and the members' comment thread.

    Made by `intake.board.propose_theme` under the board the theme was proposed on, never
    in the admin; the proposal holds the votes and the status. Threads attach to pages
    (network.discussions), so the proposal's discussion reuses the whole comment machinery:
    moderation, reports, follows, notifications, paging. An editor who unpublishes the page
    hides the proposal and its thread.
    """

    proposal = models.OneToOneField(
        ThemeProposal,
        verbose_name=_("theme proposal"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="page",
    )

    content_panels = Page.content_panels
    search_fields = Page.search_fields + [index.SearchField("search_stems")]
    search_stems = object_stems  # the stems of its searchable text (home.text_analysis)
    parent_page_types = ["intake.ThemeBoardPage"]
    subpage_types = []
    is_creatable = False
    template = "intake/theme_proposal_page.html"

    class Meta:
        verbose_name = _("theme proposal page")
        verbose_name_plural = _("theme proposal pages")

    def serve(self, request, *args, **kwargs):
        from intake import board_views

        return board_views.proposal(request, self)
