"""Unsubscribing from bulk e-mail: signed links, the headers every bulk e-mail carries, and
what an unsubscribe does.

Large mail providers require a one-click unsubscribe on bulk mail (RFC 8058): a
`List-Unsubscribe` header with an https URL, and `List-Unsubscribe-Post:
List-Unsubscribe=One-Click`, so the provider can POST to that URL without the reader ever
opening it. The URL carries a signed token saying which list and whom it is about, so it
works without logging in, and nobody can unsubscribe someone else by guessing.

The lists:

- `digest`: the weekly digest of a member (switches `weekly_digest` off);
- `mentions`: e-mails when a member is mentioned (switches `notify_mentions` off);
- `thread`: new comments in one followed thread (stops following that thread);
- `event`: messages, reminders and follow-ups to one event registration (the e-mails that
  confirm or change the registration itself still go out).

A `mailto:` address is offered next to the URL for mail clients that only know that; its
subject carries the same token (`unsubscribe_from_subject` reads it).
"""

import re
from dataclasses import dataclass
from email.utils import parseaddr
from urllib.parse import quote

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from network.base_url import absolute_url

SALT = "network.unsubscribe"
LISTS = ("digest", "mentions", "thread", "event")
ONE_CLICK = "List-Unsubscribe=One-Click"
# The subject of the mailto: link, followed by the token.
MAILTO_SUBJECT = "unsubscribe "
TOKEN_IN_SUBJECT = re.compile(r"unsubscribe\s+(\S+)", re.IGNORECASE)

DESCRIPTIONS = {
    "digest": _("the weekly digest"),
    "mentions": _("e-mails when someone mentions you"),
    "thread": _('e-mails about new comments on "%(title)s"'),
    "event": _('messages, reminders and follow-ups about "%(title)s"'),
}


def unsubscribe_token(list_name, subject_id, page_id=None):
    """A signed token for `list_name` about a user (or, for `event`, a registration)."""
    if list_name not in LISTS:
        raise ValueError(f"Unknown mailing list: {list_name}")
    data = {"l": list_name, "i": subject_id}
    if page_id is not None:
        data["p"] = page_id
    return signing.dumps(data, salt=SALT, compress=True)


@dataclass(frozen=True)
class Subscription:
    """What an unsubscribe token points at."""

    list_name: str
    subject_id: int
    page_id: int | None = None


def read_token(token):
    """The Subscription a token points at, or None when it is not one of ours."""
    try:
        data = signing.loads(token, salt=SALT)
        list_name = data["l"]
        page_id = data.get("p")
        subscription = Subscription(
            list_name, int(data["i"]), int(page_id) if page_id is not None else None
        )
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    if subscription.list_name not in LISTS:
        return None
    if (subscription.list_name == "thread") != (subscription.page_id is not None):
        return None
    return subscription


def unsubscribe_path(token, language):
    """The unsubscribe page in `language`, so the reader is answered in their language."""
    with translation.override(language):
        return reverse("unsubscribe", args=[token])


def unsubscribe_mailbox():
    """The address that receives mailto: unsubscribes (UNSUBSCRIBE_EMAIL, else the sender's
    domain's `unsubscribe@`)."""
    configured = getattr(settings, "UNSUBSCRIBE_EMAIL", "")
    if configured:
        return configured
    _name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    domain = address.rpartition("@")[2] or "localhost"
    return f"unsubscribe@{domain}"


def unsubscribe_headers(token, language):
    """The RFC 2369 and RFC 8058 headers for a bulk e-mail: an https link first, then a
    mailto: with the token in its subject, and the one-click POST marker."""
    url = absolute_url(unsubscribe_path(token, language))
    mailto = f"mailto:{unsubscribe_mailbox()}?subject={quote(MAILTO_SUBJECT + token)}"
    return {
        "List-Unsubscribe": f"<{url}>, <{mailto}>",
        "List-Unsubscribe-Post": ONE_CLICK,
    }


def bulk_mail(list_name, subject_id, language, page_id=None):
    """Headers and the unsubscribe link for one bulk e-mail to one recipient: what every
    sender of bulk mail calls (`headers` go on the message, `url` in its text)."""
    token = unsubscribe_token(list_name, subject_id, page_id)
    return {
        "headers": unsubscribe_headers(token, language),
        "url": absolute_url(unsubscribe_path(token, language)),
    }


def describe(subscription):
    """What unsubscribing stops, in the active language, or None when it no longer exists."""
    if subscription.list_name in ("digest", "mentions"):
        from django.contrib.auth import get_user_model

        if not get_user_model().objects.filter(pk=subscription.subject_id).exists():
            return None
        return str(DESCRIPTIONS[subscription.list_name])
    if subscription.list_name == "thread":
        from wagtail.models import Locale, Page

        page = Page.objects.filter(pk=subscription.page_id).first()
        if page is None:
            return None
        local = (
            Page.objects.filter(translation_key=page.translation_key, locale=Locale.get_active())
            .live()
            .first()
        )
        return str(DESCRIPTIONS["thread"]) % {"title": (local or page).title}
    from agenda.emails import localized_event
    from agenda.models import Registration

    registration = (
        Registration.objects.select_related("event")
        .filter(pk=subscription.subject_id, anonymised_at__isnull=True)
        .first()
    )
    if registration is None:
        return None
    event = localized_event(registration.event, translation.get_language())
    return str(DESCRIPTIONS["event"]) % {"title": event.title}


def unsubscribe(subscription):
    """Stop the e-mails of `subscription`; True when it pointed at something that exists.

    Doing it twice is harmless, as mail providers may POST more than once.
    """
    from django.contrib.auth import get_user_model

    from network.models import MemberProfile, ThreadFollow, profile_for

    if subscription.list_name in ("digest", "mentions"):
        user = get_user_model().objects.filter(pk=subscription.subject_id).first()
        if user is None:
            return False
        field = "weekly_digest" if subscription.list_name == "digest" else "notify_mentions"
        profile_for(user)
        MemberProfile.objects.filter(user=user).update(**{field: False})
        return True
    if subscription.list_name == "thread":
        ThreadFollow.objects.filter(
            user_id=subscription.subject_id, page_id=subscription.page_id
        ).delete()
        return get_user_model().objects.filter(pk=subscription.subject_id).exists()
    from agenda.models import Registration

    updated = Registration.objects.filter(
        pk=subscription.subject_id, anonymised_at__isnull=True, mail_opt_out_at__isnull=True
    ).update(mail_opt_out_at=timezone.now())
    return bool(updated) or Registration.objects.filter(pk=subscription.subject_id).exists()


def unsubscribe_from_subject(subject):
    """Apply the token in the subject of an e-mail sent to the mailto: address; returns the
    Subscription it stopped, or None when the subject holds no valid token."""
    match = TOKEN_IN_SUBJECT.search(subject or "")
    subscription = read_token(match.group(1)) if match else None
    if subscription is None or not unsubscribe(subscription):
        return None
    return subscription
