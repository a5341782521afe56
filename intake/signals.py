"""A theme proposal deleted (in the admin's queue) takes its page and thread with it."""

from django.db.models.signals import pre_delete
from django.dispatch import receiver

from intake.models import ThemeProposal, ThemeProposalPage


@receiver(pre_delete, sender=ThemeProposal)
def delete_proposal_page(sender, instance, **kwargs):
    # Page.delete() keeps the page tree right, which a cascade of rows would not.
    for page in ThemeProposalPage.objects.filter(proposal=instance):
        page.delete()
