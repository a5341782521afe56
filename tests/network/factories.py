"""Factories for members (verified accounts with a profile)."""

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from network.models import MemberProfile

PASSWORD = "circulair-2026-aankoop"  # noqa: S105


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"member{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@gent.be")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create:
            self.save()
            EmailAddress.objects.create(
                user=self, email=self.email, primary=True, verified=extracted is not False
            )


class MemberProfileFactory(factory.django.DjangoModelFactory):
    user = factory.SubFactory(UserFactory)
    display_name = factory.Sequence(lambda n: f"Lid {n}")

    class Meta:
        model = MemberProfile


def member(**kwargs):
    """A verified member with a profile; returns the user."""
    return MemberProfileFactory(**kwargs).user


def comment_on(page, text="Een reactie", parent=None, **fields):
    """A comment saved straight into `page`'s own thread, without the posting rules."""
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone

    from network.models import DiscussionComment

    values = {
        "content_type": ContentType.objects.get_for_id(page.content_type_id),
        "object_pk": str(page.pk),
        "site_id": settings.SITE_ID,
        "user_name": "Lid",
        "comment": text,
        "submit_date": timezone.now(),
        "is_public": True,
        "parent_id": parent.pk if parent else 0,
    }
    values.update(fields)
    return DiscussionComment.objects.create(**values)
