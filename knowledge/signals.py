"""Signal handlers of the knowledge base."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from home.navigation import invalidate_navigation
from knowledge.models import KnowledgeIndexPage, TenderClause, Theme
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
    """Listings show theme names and clauses: drop the cached copies."""
    invalidate_navigation()
