"""Cached impact figures follow the offers and requests they add up."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from exchange.models import ComponentOffer, ComponentRequest
from exchange.services import retire_impact_figures


@receiver(post_save, sender=ComponentOffer)
@receiver(post_delete, sender=ComponentOffer)
@receiver(post_save, sender=ComponentRequest)
@receiver(post_delete, sender=ComponentRequest)
def exchange_changed(sender, **kwargs):
    # Now for this request, and again on commit for a page rendered from the old rows meanwhile.
    retire_impact_figures()
    transaction.on_commit(retire_impact_figures, robust=True)
