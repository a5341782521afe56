"""Signal receivers: every new member gets a profile, in the language they signed up in."""

from allauth.account.signals import user_signed_up
from django.dispatch import receiver
from django.utils.translation import get_language

from network.models import profile_for


@receiver(user_signed_up)
def create_member_profile(sender, request, user, **kwargs):
    profile = profile_for(user)
    language = (get_language() or "").split("-")[0]
    if language and profile.preferred_language != language:
        profile.preferred_language = language
        profile.save(update_fields=["preferred_language"])
