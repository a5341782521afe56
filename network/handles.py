"""Member handles and @mentions.

A handle is what others type after @ to mention a member: made once from the display name
("Séverine Dubois" becomes "severine_dubois"), unique, in lower case, and kept when the name
changes. A mention also finds a member by their display name written with underscores for
spaces (`@Bert_Lambert`), when that name is one member's only.
"""

import re
import unicodedata

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.db.models.functions import Lower

from network.models import HANDLE_MAX_LENGTH, MemberProfile

# Room for a number after a name that is taken ("an_peeters12").
_BASE_LENGTH = HANDLE_MAX_LENGTH - 6
_NOT_HANDLE = re.compile(r"[^a-z0-9]+")


def handle_base(name):
    """The handle a name gives before it is made unique: ASCII letters, digits and _."""
    ascii_name = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode()
    base = _NOT_HANDLE.sub("_", ascii_name.lower()).strip("_")[:_BASE_LENGTH].strip("_")
    return base or "member"


def unique_handle(name, exclude=None):
    """A handle made from `name` that no other profile has (`exclude`: this profile's id)."""
    base = handle_base(name)
    taken = MemberProfile.objects.filter(handle__startswith=base)
    if exclude is not None:
        taken = taken.exclude(pk=exclude)
    taken = set(taken.values_list("handle", flat=True))
    handle, number = base, 2
    while handle in taken:
        handle, number = f"{base}{number}", number + 1
    return handle


def name_key(text):
    """How a written name compares: case and the spaces/underscores between words ignored."""
    return " ".join(text.replace("_", " ").split()).casefold()


def mentioned_users(words, exclude_id=None):
    """The active members that the @words of a text mention, each once.

    A word mentions the member with that handle; else the one member whose display name it
    spells (underscores for spaces, any case); else, as before handles existed, the member
    with that username. Two queries whatever the number of words.
    """
    if not words:
        return []
    users = get_user_model().objects.filter(is_active=True).select_related("member_profile")
    if exclude_id is not None:
        users = users.exclude(pk=exclude_id)
    handles = {word.lower() for word in words}
    names = {name_key(word) for word in words}
    candidates = list(
        users.filter(
            Q(member_profile__handle__in=handles)
            | Q(username__in=list(words))
            | Q(pk__in=_ids_named(names))
        )
    )
    found = {}
    for word in words:
        user = _match(word, candidates)
        if user is not None:
            found.setdefault(user.pk, user)
    return list(found.values())


def _ids_named(names):
    """Ids of members whose display name, compared by name_key, is one of `names`.

    The database narrows by the first word (its case rules differ per engine and for
    accented letters); Python compares the whole name.
    """
    query = Q()
    for word in {name.split()[0] for name in names if name}:
        query |= Q(display_name__istartswith=word)
    if not query:
        return []
    return [
        user_id
        for user_id, display_name in MemberProfile.objects.filter(query).values_list(
            "user_id", "display_name"
        )
        if name_key(display_name) in names
    ]


def _match(word, candidates):
    by_handle = [u for u in candidates if _profile_handle(u) == word.lower()]
    if by_handle:
        return by_handle[0]
    key = name_key(word)
    by_name = [u for u in candidates if _profile_name_key(u) == key]
    if len(by_name) == 1:
        return by_name[0]
    if by_name:
        return None  # a name several members share mentions nobody rather than the wrong one
    by_username = [u for u in candidates if u.username == word]
    return by_username[0] if by_username else None


def _profile_handle(user):
    profile = getattr(user, "member_profile", None)
    return profile.handle if profile else None


def _profile_name_key(user):
    profile = getattr(user, "member_profile", None)
    return name_key(profile.display_name) if profile else None


def suggestions(query, limit=8):
    """Members whose handle or display name starts with `query` (or has a word that does),
    for the @ suggestions while typing. One query."""
    query = query.strip().lstrip("@")
    if not query:
        return []
    words = query.replace("_", " ")
    matches = (
        MemberProfile.objects.filter(user__is_active=True)
        .filter(
            Q(handle__istartswith=query)
            | Q(display_name__istartswith=words)
            | Q(display_name__icontains=f" {words}")
        )
        .order_by(Lower("display_name"), "pk")
        .only("handle", "display_name")[:limit]
    )
    return [{"handle": profile.handle, "name": profile.display_name} for profile in matches]
