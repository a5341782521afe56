"""Signal receivers: member profiles on sign-up; listing comment counts kept fresh; a
notification when a seat from an event's waitlist goes to a member."""

from allauth.account.signals import user_signed_up
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import get_language
from django_comments.models import CommentFlag

from network.comment_counts import comment_counts_changed
from network.models import DiscussionComment, MemberProfile, profile_for


@receiver(user_signed_up)
def create_member_profile(sender, request, user, **kwargs):
    profile = profile_for(user)
    language = (get_language() or "").split("-")[0]
    if language and profile.preferred_language != language:
        profile.preferred_language = language
        profile.save(update_fields=["preferred_language"])


@receiver(post_save, sender=DiscussionComment)
@receiver(post_delete, sender=DiscussionComment)
@receiver(post_save, sender=CommentFlag)
@receiver(post_delete, sender=CommentFlag)
@receiver(post_save, sender=MemberProfile)
@receiver(post_delete, sender=get_user_model())
def comment_changed(sender, **kwargs):
    """A comment posted, approved, removed or deleted changes the counts on listing cards;
    with likes, display names and deleted accounts it also changes the cached threads.

    Once more when the transaction commits: a thread read by another request between the
    change and its commit holds the rows from before, and must not stay cached.
    """
    comment_counts_changed()


@receiver(post_save, sender="events.Registration")
def registration_promoted(sender, instance, update_fields=None, **kwargs):
    """agenda.services saves a promotion with `promoted_at` among the fields it updates."""
    from network import inbox

    if update_fields and "promoted_at" in update_fields and instance.promoted_at is not None:
        registration_id = instance.pk
        transaction.on_commit(lambda: inbox.notify_waitlist_promotion(registration_id), robust=True)
