"""Cached impact figures and searchable offers follow the offers and requests."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from exchange.models import ComponentOffer, ComponentRequest
from exchange.services import retire_exchange_values
from home.navigation import now_and_on_commit


@receiver(post_save, sender=ComponentOffer)
@receiver(post_delete, sender=ComponentOffer)
@receiver(post_save, sender=ComponentRequest)
@receiver(post_delete, sender=ComponentRequest)
def exchange_changed(sender, **kwargs):
    now_and_on_commit(retire_exchange_values)
