"""Keep a theme proposal's page in step with the proposal.

A deleted proposal (in the admin's queue) takes its page and thread with it; an editor's new
title reaches the page; and a vote, which changes the counts the page shows without a
publish, purges the page from the CDN like a comment does (the page cache already starts a
new generation on every save, network.cache_invalidation).
"""

from django.conf import settings
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver

from intake.models import ThemeProposal, ThemeProposalPage, ThemeVote


@receiver(pre_delete, sender=ThemeProposal)
def delete_proposal_page(sender, instance, **kwargs):
    # Page.delete() keeps the page tree right, which a cascade of rows would not.
    for page in ThemeProposalPage.objects.filter(proposal=instance):
        page.delete()


@receiver(post_save, sender=ThemeProposal)
def proposal_saved(sender, instance, created=False, **kwargs):
    if created:
        return
    ThemeProposalPage.objects.filter(proposal=instance).exclude(title=instance.title).update(
        title=instance.title, draft_title=instance.title
    )
    _purge(instance.pk)


@receiver(post_save, sender=ThemeVote)
@receiver(post_delete, sender=ThemeVote)
def vote_changed(sender, instance, **kwargs):
    _purge(instance.proposal_id)


def _purge(proposal_id):
    if settings.WAGTAILFRONTENDCACHE:
        from network.cache_invalidation import purge_pages_later

        purge_pages_later(list(ThemeProposalPage.objects.filter(proposal_id=proposal_id)))
