"""The base of every knowledge page: what listings, filters, feeds and reports rely on."""

import datetime
import functools

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import BodyBlock
from home.privacy import CachedPrivacyMixin
from home.text_analysis import object_stems
from knowledge.forms import KnowledgePageForm
from knowledge.models.taxonomy import ProcurementPhase
from knowledge.serializers import OrganisationSerializer, PageThemesField

REVIEW_INTERVAL_DAYS = 548  # about 18 months


class KnowledgePage(CachedPrivacyMixin, Page):
    """Concrete base page, so one query lists every kind of knowledge page with its filters.

    Themes and organisations are many-to-many; wagtail-localize keeps them synchronised
    across translations (see `override_translatable_fields`), and templates show each theme
    in the reader's language by its translation key.
    """

    summary = models.TextField(
        _("summary"), max_length=400, help_text=_("Two or three sentences for listings.")
    )
    themes = ParentalManyToManyField(
        "knowledge.Theme", verbose_name=_("themes"), blank=True, related_name="pages"
    )
    organisations = ParentalManyToManyField(
        "network.Organisation",
        verbose_name=_("organisations involved"),
        blank=True,
        related_name="knowledge_pages",
    )
    phase = models.CharField(
        _("procurement phase"), max_length=30, choices=ProcurementPhase.choices, blank=True
    )
    publication_date = models.DateField(_("date"), default=datetime.date.today)
    last_reviewed = models.DateField(
        _("last reviewed"),
        null=True,
        blank=True,
        help_text=_("When an editor last checked that this is still right."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    override_translatable_fields = [
        SynchronizedField("themes"),
        SynchronizedField("organisations"),
    ]
    # Facts the same in every language, copied to live translations when the source page is
    # published (home.translation_sync); themes are mapped to the translation's language.
    # "Last reviewed" stays per language: each translation is checked on its own.
    synchronized_fields = ("themes", "organisations", "phase", "publication_date")

    classification_panel = MultiFieldPanel(
        [
            FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
            FieldPanel("phase"),
            FieldPanel("organisations"),
            FieldPanel("publication_date"),
            FieldPanel("last_reviewed"),
        ],
        heading=_("Classification"),
    )
    content_panels = Page.content_panels + [FieldPanel("summary"), classification_panel]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.AutocompleteField("summary"),
        index.SearchField("body"),
        index.SearchField("search_stems"),
        index.FilterField("phase"),
        index.FilterField("publication_date"),
        index.RelatedFields("themes", [index.SearchField("name")]),
    ]
    api_fields = [
        APIField("summary"),
        APIField("themes", serializer=PageThemesField()),
        APIField("organisations", serializer=OrganisationSerializer(many=True)),
        APIField("phase"),
        APIField("publication_date"),
        APIField("last_reviewed"),
        APIField("body"),
    ]

    base_form_class = KnowledgePageForm
    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("knowledge page")
        verbose_name_plural = _("knowledge pages")
        # Listings show the newest first: with this index the database reads the first
        # page's rows in order instead of sorting every page of the locale.
        indexes = [
            models.Index(fields=["-publication_date", "-page_ptr"], name="knowledge_newest_first")
        ]

    @classmethod
    def can_create_at(cls, parent):
        # The base type is never created on its own, only its subtypes.
        return cls is not KnowledgePage and super().can_create_at(parent)

    def taxonomy(self):
        """The translation keys of the page's themes and its organisations (two queries)."""
        return (
            [theme.translation_key for theme in self.themes.all()],
            list(self.organisations.all()),
        )

    def get_context(self, request, *args, **kwargs):
        from home.navigation import cached, page_translations
        from knowledge import listing
        from knowledge.translations import outdated_source
        from network.comment_counts import attach_comment_counts, counts_version

        context = super().get_context(request, *args, **kwargs)
        # What a page shows besides itself changes only when something is published,
        # which clears these cached values.
        # A preview shows the draft's own themes and organisations, never cached ones.
        preview = getattr(request, "is_preview", False)

        @functools.cache  # themes, organisations and related pages all start from it
        def taxonomy():
            return self.taxonomy() if preview else cached(f"taxonomy:{self.pk}", self.taxonomy)

        def localized_themes():
            theme_map = listing.themes_by_key(self.locale_id)
            return [theme_map[key] for key in taxonomy()[0] if key in theme_map]

        def related():
            theme_map = listing.themes_by_key(self.locale_id)
            pages = (
                listing.related_pages(self, taxonomy()[0], theme_map)
                if preview
                else cached(
                    f"related:{self.pk}",
                    lambda: listing.related_pages(self, taxonomy()[0], theme_map),
                )
            )
            # Comments come and go without a publish, so their counts are cached on their own.
            attach_comment_counts(pages)
            return pages

        def translations_shown():
            translations = page_translations(self)
            return [page for code, page in sorted(translations.items()) if page.pk != self.pk]

        def outdated():
            if len(page_translations(self)) < 2:
                return None
            return cached(f"outdated:{self.pk}", lambda: outdated_source(self, request) or False)

        # Loaded only when the template uses them: the article and the related pages are
        # rendered parts kept in the cache, and then none of this is read.
        context.update(
            {
                "index_page": SimpleLazyObject(
                    lambda: cached(f"parent:{self.pk}", lambda: self.get_parent().specific)
                ),
                "localized_themes": SimpleLazyObject(localized_themes),
                "organisations": SimpleLazyObject(lambda: taxonomy()[1]),
                "related_pages": SimpleLazyObject(related),
                "available_translations": SimpleLazyObject(translations_shown),
                "outdated_source": SimpleLazyObject(outdated),
                "comment_counts_version": counts_version(),
            }
        )
        return context

    def is_review_overdue(self, today=None):
        today = today or timezone.localdate()
        reference = self.last_reviewed or self.publication_date
        return (today - reference).days > REVIEW_INTERVAL_DAYS

    @property
    def kind_label(self):
        return self.specific_class._meta.verbose_name if self.specific_class else ""

    search_stems = object_stems  # the stems of its searchable text (home.text_analysis)
