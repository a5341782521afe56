"""Signal handlers of the knowledge base."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from knowledge.models import KnowledgeIndexPage
from knowledge.workflows import ensure_review_workflow


@receiver(post_save, sender=KnowledgeIndexPage)
def assign_review_workflow(sender, instance, created, raw=False, **kwargs):
    """Every knowledge section, in every language, gets the review workflow."""
    if created and not raw:
        ensure_review_workflow(instance)
