"""The "Candidate pilots" queue in the Wagtail admin: review, decide, start a pilot case."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button

from intake import board, services
from intake.models import CandidatePhoto, CandidatePilot, ThemeProposal


def pilot_case_parent():
    """The Dutch knowledge index: pilot cases start in the source language."""
    from knowledge.models.index import KnowledgeIndexPage

    return KnowledgeIndexPage.objects.filter(locale__language_code="nl").first() or (
        KnowledgeIndexPage.objects.first()
    )


class CandidateIndexView(generic.IndexView):
    def get_base_queryset(self):
        # Unconfirmed proposals are nobody's yet: they enter the queue once confirmed.
        return super().get_base_queryset().confirmed()

    def get_add_url(self):
        # Proposals come only through the call page's form.
        return None


class CreateDraftButtonMixin:
    """An edit view whose header offers to make a draft page from the object: the
    candidate's pilot case, the proposal's work session."""

    create_draft_label = None
    create_draft_url_name = None
    create_draft_icon = "doc-full"

    @property
    def create_draft_url(self):
        return reverse(self.create_draft_url_name, args=[self.object.pk])

    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        buttons.append(
            Button(
                self.create_draft_label,
                url=self.create_draft_url,
                icon_name=self.create_draft_icon,
                priority=5,
            )
        )
        return buttons


class CandidateEditView(CreateDraftButtonMixin, generic.EditView):
    template_name = "intake/admin/candidate_edit.html"
    create_draft_label = _("Create pilot case")
    create_draft_url_name = "candidate_pilots:create_pilot_case"

    def get_object(self, queryset=None):
        return get_object_or_404(CandidatePilot.objects.confirmed(), pk=self.kwargs["pk"])

    def save_instance(self):
        instance = super().save_instance()
        if services.announce_decision(instance):
            messages.success(
                self.request, gettext("The applicant gets an e-mail about the decision.")
            )
        return instance

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["candidate"] = self.object
        context["photos"] = list(self.object.photos.all())
        context["photo_url_name"] = "candidate_pilots:photo"
        context["create_url"] = self.create_draft_url
        return context


class CandidatePilotViewSet(ModelViewSet):
    model = CandidatePilot
    icon = "home"
    menu_label = _("Candidate pilots")
    menu_order = 250
    add_to_admin_menu = True
    url_prefix = "candidate-pilots"
    name = "candidate_pilots"
    list_display = [
        "organisation",
        "municipality",
        Column("building_type_label", label=_("Building type")),
        "status",
        "submitted_at",
    ]
    list_filter = ["status", "building_type"]
    search_fields = ["organisation", "municipality", "contact_name", "address"]
    form_fields = ["status", "notes"]
    index_view_class = CandidateIndexView
    edit_view_class = CandidateEditView
    add_view_enabled = False
    copy_view_enabled = False

    def get_urlpatterns(self):
        return [pattern for pattern in super().get_urlpatterns() if pattern.name != "add"] + [
            path(
                "create-pilot-case/<int:pk>/", self.create_pilot_case_view, name="create_pilot_case"
            ),
            path("photo/<int:pk>/", self.photo_view, name="photo"),
        ]

    def _require(self, request, action):
        if not self.permission_policy.user_has_permission(request.user, action):
            raise PermissionDenied

    def photo_view(self, request, pk):
        """A candidate's photo, for editors only: these files are not public media."""
        self._require(request, "change")
        photo = get_object_or_404(CandidatePhoto, pk=pk)
        try:
            return FileResponse(photo.image.open("rb"))
        except FileNotFoundError:
            raise Http404 from None

    def create_pilot_case_view(self, request, pk):
        """Ask, then make a draft pilot case from the candidate and open it in the editor."""
        self._require(request, "change")
        candidate = get_object_or_404(CandidatePilot.objects.confirmed(), pk=pk)
        parent = pilot_case_parent()
        if parent is None or not parent.permissions_for_user(request.user).can_add_subpage():
            raise PermissionDenied
        if request.method == "POST":
            page, created = services.create_pilot_case(candidate, parent, user=request.user)
            if created:
                messages.success(
                    request, gettext("A draft pilot case was made from this candidate.")
                )
            else:
                messages.warning(request, gettext("This candidate already has its pilot case."))
            return redirect("wagtailadmin_pages:edit", page.pk)
        return TemplateResponse(
            request,
            "intake/admin/create_pilot_case.html",
            {
                "candidate": candidate,
                "parent": parent,
                "edit_url": reverse(self.get_url_name("edit"), args=[pk]),
                "header_title": _("Create pilot case"),
            },
        )


candidate_pilot_viewset = CandidatePilotViewSet()


@hooks.register("register_admin_viewset")
def register_candidate_pilots():
    return candidate_pilot_viewset


def work_session_parent():
    """The Dutch agenda: work sessions start in the source language."""
    from agenda.models import EventIndexPage

    return EventIndexPage.objects.filter(locale__language_code="nl").first()


class ProposalIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().annotate(vote_count=Count("votes"))

    def get_add_url(self):
        # Themes are proposed by members on the board.
        return None


class ProposalEditView(CreateDraftButtonMixin, generic.EditView):
    create_draft_label = _("Create work session")
    create_draft_url_name = "theme_proposals:create_work_session"
    create_draft_icon = "date"


class ThemeProposalViewSet(ModelViewSet):
    model = ThemeProposal
    icon = "list-ul"
    menu_label = _("Theme proposals")
    menu_order = 251
    add_to_admin_menu = True
    url_prefix = "theme-proposals"
    name = "theme_proposals"
    list_display = ["title", Column("vote_count", label=_("Votes")), "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["title", "description"]
    form_fields = ["title", "description", "status"]
    index_view_class = ProposalIndexView
    edit_view_class = ProposalEditView
    copy_view_enabled = False

    def get_urlpatterns(self):
        return [pattern for pattern in super().get_urlpatterns() if pattern.name != "add"] + [
            path(
                "create-work-session/<int:pk>/",
                self.create_work_session_view,
                name="create_work_session",
            ),
        ]

    def create_work_session_view(self, request, pk):
        """Ask, then make a draft work session from the proposal and tell the proposer."""
        if not self.permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        proposal = get_object_or_404(ThemeProposal, pk=pk)
        parent = work_session_parent()
        if parent is None or not parent.permissions_for_user(request.user).can_add_subpage():
            raise PermissionDenied
        if request.method == "POST":
            page, created = board.create_work_session(proposal, parent, user=request.user)
            if created:
                messages.success(
                    request, gettext("A draft work session was made; the proposer is told.")
                )
            return redirect("wagtailadmin_pages:edit", page.pk)
        return TemplateResponse(
            request,
            "intake/admin/create_work_session.html",
            {
                "proposal": proposal,
                "parent": parent,
                "back_url": reverse(self.get_url_name("index")),
                "header_title": _("Create work session"),
            },
        )


@hooks.register("register_admin_viewset")
def register_theme_proposals():
    return ThemeProposalViewSet()
