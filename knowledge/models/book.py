"""The inspiration book: chapters that bundle published knowledge pages into a web book and
a PDF, in every language of the site.

Chapters hold page choosers, not copies: wagtail-localize keeps the chosen pages in sync
across the book's translations, and each reader sees every chosen page in the book's
language, or in its source language (with a note) where it is not translated yet. The PDF is
rendered into a file after each change that affects it (see `knowledge.book_pdf`) and served
from there; a file gone missing from storage is rendered again, never a server error.
"""

from django.db import models
from django.http import FileResponse, Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, Panel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.signals import page_published, page_unpublished
from wagtail.snippets.blocks import SnippetChooserBlock

from home.privacy import CachedPrivacyMixin
from home.text_analysis import object_stems

BOOK_TEXT_FEATURES = ["bold", "italic", "ul", "ol", "link"]
BOOK_PAGE_TYPES = [
    "knowledge.LessonPage",
    "knowledge.PracticeExamplePage",
    "knowledge.PilotCasePage",
    "knowledge.PolicyRecommendationPage",
]


class ChapterBlock(blocks.StructBlock):
    """One chapter: its own texts plus an ordered choice of existing pages and clauses."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    introduction = blocks.RichTextBlock(
        label=_("Introduction"), features=BOOK_TEXT_FEATURES, required=False
    )
    pages = blocks.ListBlock(
        blocks.PageChooserBlock(label=_("Page"), page_type=BOOK_PAGE_TYPES),
        label=_("Pages"),
        help_text=_("Lessons, practice examples, pilot cases and recommendations, in order."),
    )
    clauses = blocks.ListBlock(
        SnippetChooserBlock("knowledge.TenderClause", label=_("Tender clause")),
        label=_("Tender clauses"),
        required=False,
        default=[],
    )

    class Meta:
        icon = "doc-full"
        label = _("Chapter")


class BookPdfStatusPanel(Panel):
    """Tells editors when the PDF was last generated, or why it failed."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "knowledge/book/admin/pdf_status_panel.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            from knowledge import book_pdf

            pdf = BookPdf.objects.filter(book_id=self.instance.pk).first()
            context["pdf"] = pdf
            # After a restore without media: the record names a file that storage lacks.
            context["pdf_missing"] = bool(
                pdf and pdf.file and not book_pdf.stored_file_readable(pdf)
            )
            # The book's own PDF route: stored files are not served under MEDIA_URL.
            if self.instance.live and self.instance.url:
                context["pdf_url"] = self.instance.url + self.instance.reverse_subpage("pdf_route")
            return context


class InspirationBookPage(CachedPrivacyMixin, RoutablePageMixin, Page):
    """A book of the network's results: a table of contents, one URL per chapter, a PDF."""

    subtitle = models.CharField(_("subtitle"), max_length=250, blank=True)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    foreword = RichTextField(_("foreword"), features=BOOK_TEXT_FEATURES, blank=True)
    chapters = StreamField([("chapter", ChapterBlock())], verbose_name=_("chapters"), blank=True)

    content_panels = Page.content_panels + [
        BookPdfStatusPanel(heading=_("PDF")),
        FieldPanel("subtitle"),
        FieldPanel("cover_image"),
        FieldPanel("foreword"),
        FieldPanel("chapters"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("subtitle"),
        index.SearchField("foreword"),
        index.SearchField("search_stems"),
    ]
    search_stems = object_stems  # the stems of its searchable text (home.text_analysis)
    api_fields = [APIField("subtitle"), APIField("foreword"), APIField("chapters")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    template = "knowledge/book/inspiration_book_page.html"
    preview_modes = [("", _("Web")), ("pdf", _("PDF"))]

    class Meta:
        verbose_name = _("inspiration book")
        verbose_name_plural = _("inspiration books")

    # -- reading on the web -------------------------------------------------------------

    @path("")
    def contents_route(self, request):
        from knowledge import books

        context = self.get_context(request)
        context["contents"] = books.table_of_contents(self)
        return TemplateResponse(request, self.get_template(request), context)

    @path("chapters/<int:number>/")
    def chapter_route(self, request, number):
        from knowledge import books

        outline = books.chapter_outline(self)
        if not 1 <= number <= len(outline):
            raise Http404("No such chapter")
        context = self.get_context(request)
        context.update(
            {
                "outline": outline,
                "chapter": books.resolve_chapters(self, numbers=[number])[0],
                "previous_chapter": outline[number - 2] if number > 1 else None,
                "next_chapter": outline[number] if number < len(outline) else None,
            }
        )
        return TemplateResponse(request, "knowledge/book/chapter.html", context)

    # -- the PDF ------------------------------------------------------------------------

    @path("pdf/")
    def pdf_route(self, request):
        from knowledge import book_pdf

        pdf = book_pdf.pdf_for_reader(self)
        if pdf.handle is None:
            context = self.get_context(request)
            context["preparing"] = pdf.preparing
            response = TemplateResponse(
                request, "knowledge/book/pdf_unavailable.html", context, status=503
            )
            response["Retry-After"] = str(pdf.retry_after)
            return response
        return FileResponse(
            pdf.handle,
            content_type="application/pdf",
            filename=book_pdf.download_name(self),
        )

    def serve_preview(self, request, mode_name):
        if mode_name == "pdf":
            from knowledge import book_pdf

            response = HttpResponse(book_pdf.render_pdf(self), content_type="application/pdf")
            response["Content-Disposition"] = f'inline; filename="{book_pdf.download_name(self)}"'
            return response
        return super().serve_preview(request, mode_name)


class BookPdf(models.Model):
    """The PDF of one book (so of one language), rendered after each publish."""

    book = models.OneToOneField(
        InspirationBookPage,
        verbose_name=_("book"),
        on_delete=models.CASCADE,
        related_name="pdf",
    )
    file = models.FileField(_("file"), upload_to="books/", blank=True)
    generated_at = models.DateTimeField(_("generated"), null=True, blank=True)
    requested_at = models.DateTimeField(_("requested"), null=True, blank=True)
    error = models.TextField(_("error of the last attempt"), blank=True)
    failed_at = models.DateTimeField(_("failed"), null=True, blank=True)

    class Meta:
        verbose_name = _("book PDF")
        verbose_name_plural = _("book PDFs")

    def __str__(self):
        return self.file.name or f"book {self.book_id}"


def _regenerate_books(sender, instance, **kwargs):
    from knowledge import book_pdf

    book_pdf.schedule_for_page(instance)


page_published.connect(_regenerate_books, dispatch_uid="knowledge_book_pdf_published")
page_unpublished.connect(_regenerate_books, dispatch_uid="knowledge_book_pdf_unpublished")
