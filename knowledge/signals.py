"""Signal handlers of the knowledge base."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, post_page_move

from home import translation_sync
from home.navigation import invalidate_navigation, now_and_on_commit
from knowledge import book_pdf
from knowledge.clauses import sync_clause_facts
from knowledge.models import KnowledgeIndexPage, KnowledgePage, TenderClause, Theme
from knowledge.workflows import ensure_review_workflow


@receiver(post_save, sender=KnowledgeIndexPage)
def assign_review_workflow(sender, instance, created, raw=False, **kwargs):
    """Every knowledge section, in every language, gets the review workflow."""
    if created and not raw:
        ensure_review_workflow(instance)


@receiver(post_save, sender=Theme)
@receiver(post_delete, sender=Theme)
@receiver(post_save, sender=TenderClause)
@receiver(post_delete, sender=TenderClause)
def taxonomy_changed(sender, **kwargs):
    """Listings show theme names and clauses: drop the cached copies (now and on commit)."""
    now_and_on_commit(invalidate_navigation)


@receiver(post_save, sender=TenderClause)
def clause_facts_follow_source(sender, instance, raw=False, update_fields=None, **kwargs):
    """A clause's reference, ambition level and provenance are the same in every language.

    Saving a draft writes only its revision pointers (update_fields): the live clause, and
    so its translations, keep their facts until the draft is published.
    """
    if raw or (update_fields and not set(update_fields) & set(TenderClause.FACT_FIELDS)):
        return
    sync_clause_facts(instance)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def page_privacy_changed(sender, instance, **kwargs):
    """A page made private leaves every book's PDF at once; one made public again returns."""
    book_pdf.schedule_for_pages_under_later(instance.page_id)


@receiver(post_page_move)
def page_moved(sender, instance, **kwargs):
    """A move can take pages into or out of a private section, and changes their links."""
    book_pdf.schedule_for_pages_under_later(instance.pk)


@receiver(page_published)
def facts_follow_source(sender, instance, revision=None, **kwargs):
    """Publishing a knowledge page in its original language gives its live translations the
    same themes, organisations, dates, phase and figures, in the same transaction."""
    if isinstance(instance, KnowledgePage):
        translation_sync.sync_translations(instance, revision)
