"""Editor reports: knowledge pages due for review, and the translation status per page."""

import datetime

from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports import PageReportView, ReportView
from wagtail.models import Locale

from knowledge.models.base import REVIEW_INTERVAL_DAYS, KnowledgePage
from knowledge.models.taxonomy import TenderClause
from knowledge.translations import translation_status


def review_cutoff(today=None):
    today = today or timezone.localdate()
    return today - datetime.timedelta(days=REVIEW_INTERVAL_DAYS)


def pages_due_for_review(queryset=None, today=None):
    """Knowledge pages not reviewed (or published) for about 18 months, oldest first."""
    queryset = queryset if queryset is not None else KnowledgePage.objects.all()
    return (
        queryset.annotate(review_reference=Coalesce(F("last_reviewed"), F("publication_date")))
        .filter(review_reference__lt=review_cutoff(today))
        .order_by("review_reference", "pk")
    )


class ReviewDueReportView(PageReportView):
    page_title = _("Knowledge due for review")
    header_icon = "time"
    results_template_name = "knowledge/reports/review_due_results.html"
    index_url_name = "knowledge_review_due"
    index_results_url_name = "knowledge_review_due_results"
    any_permission_required = ["add", "change", "publish"]
    list_export = ["title", "locale.language_code", "publication_date", "last_reviewed"]
    export_headings = {
        "title": _("Title"),
        "locale.language_code": _("Language"),
        "publication_date": _("Published"),
        "last_reviewed": _("Last reviewed"),
    }

    def get_queryset(self):
        editable = self.permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        )
        return pages_due_for_review(
            KnowledgePage.objects.filter(pk__in=editable.values("pk")).select_related("locale")
        )


class TranslationStatusReportView(ReportView):
    page_title = _("Translation status")
    header_icon = "globe"
    template_name = "wagtailadmin/reports/base_report.html"
    results_template_name = "knowledge/reports/translation_status_results.html"
    index_url_name = "knowledge_translation_status"
    index_results_url_name = "knowledge_translation_status_results"
    any_permission_required = ["change"]
    model = KnowledgePage
    permission_policy = None
    list_export = ["title", "status_text"]
    export_headings = {"title": _("Title"), "status_text": _("Translations")}

    def user_has_permission(self, permission):
        return self.request.user.has_perm("wagtailadmin.access_admin")

    def get_queryset(self):
        default = Locale.get_default()
        return (
            KnowledgePage.objects.filter(locale=default)
            .select_related("locale")
            .order_by("title", "pk")
        )

    def decorate_paginated_queryset(self, object_list):
        locales = list(Locale.objects.order_by("language_code"))
        rows = translation_status(object_list, locales)
        labels = {
            "missing": _("missing"),
            "outdated": _("out of date"),
            "current": _("up to date"),
        }
        for page, states in rows:
            page.translation_states = [
                (code, state, labels[state]) for code, state in sorted(states.items())
            ]
            page.status_text = ", ".join(
                f"{code}: {labels[state]}" for code, state in sorted(states.items())
            )
        return [page for page, _states in rows]


def clause_download_counts():
    """Every tender clause once (its default-language version, else the one there is), with
    how often it was downloaded in any language and format; most downloaded first."""
    from django.db.models import OuterRef, Q, Subquery, Value

    from knowledge.models import ClauseDownloadCount

    default = Locale.get_default()
    default_keys = TenderClause.objects.filter(locale=default).values("translation_key")
    counts = ClauseDownloadCount.objects.filter(translation_key=OuterRef("translation_key"))
    return (
        TenderClause.objects.filter(Q(locale=default) | ~Q(translation_key__in=default_keys))
        .select_related("theme", "locale")
        .annotate(
            downloads=Coalesce(Subquery(counts.values("count")[:1]), Value(0)),
            last_downloaded_at=Subquery(counts.values("last_downloaded_at")[:1]),
        )
        .order_by("-downloads", "reference", "pk")
    )


class ClauseDownloadsReportView(ReportView):
    page_title = _("Clause downloads")
    header_icon = "download"
    template_name = "wagtailadmin/reports/base_report.html"
    results_template_name = "knowledge/reports/clause_downloads_results.html"
    index_url_name = "knowledge_clause_downloads"
    index_results_url_name = "knowledge_clause_downloads_results"
    any_permission_required = ["add", "change"]
    list_export = ["reference", "title", "theme.name", "downloads", "last_downloaded_at"]
    export_headings = {
        "reference": _("Reference"),
        "title": _("Title"),
        "theme.name": _("Theme"),
        "downloads": _("Downloads"),
        "last_downloaded_at": _("Last downloaded"),
    }

    model = TenderClause

    def get_queryset(self):
        return clause_download_counts()
