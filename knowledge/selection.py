"""A reader's selection of tender clauses (the clause basket), kept in their session.

The selection holds translation keys, not rows: a clause is the same clause in every
language, so a selection made in Dutch shows and downloads in French once the reader
switches. It lives in the session, so readers without an account have one too.

Readers without a selection have no session cookie, and the page cache serves them the
public pages (network/page_cache.py). Their "add" forms therefore carry no CSRF token (a
token is personal and would keep the page out of the cache); see `action_allowed` for how
such a first request is still protected. Once a reader has a selection, their session
cookie keeps the pages out of the cache and every form carries a token. Removing the last
clause empties the session, Django drops the cookie, and the cache serves them again.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.middleware.csrf import CsrfViewMiddleware
from django.utils.translation import gettext_lazy as _

from knowledge.models.taxonomy import ClauseKind, TenderClause

SESSION_KEY = "clause_selection"
# A tender rarely needs more; a cap keeps the session, the page and the documents small.
MAX_SELECTION = 100
KIND_ORDER = {kind: position for position, kind in enumerate(ClauseKind.values)}
# Headings of a selection, in the order a tender document has them.
KIND_HEADINGS = {
    ClauseKind.SELECTION_CRITERION: _("Selection criteria"),
    ClauseKind.TECHNICAL_SPECIFICATION: _("Technical specifications"),
    ClauseKind.AWARD_CRITERION: _("Award criteria"),
    ClauseKind.CONTRACT_CLAUSE: _("Contract clauses"),
}


def has_session(request):
    """Whether the reader sent a session cookie (has a selection or is signed in)."""
    return bool(request.COOKIES.get(settings.SESSION_COOKIE_NAME))


def selected_keys(request):
    """The translation keys in the reader's selection, oldest first. Readers without a
    session cookie have none, and their session is not touched (no cookie, page cacheable)."""
    if not has_session(request):
        return []
    return list(request.session.get(SESSION_KEY, []))


def _store(request, keys):
    if keys:
        request.session[SESSION_KEY] = keys
        return
    request.session.pop(SESSION_KEY, None)
    if not request.session.keys():
        # Nothing else in it (not signed in): end the session, so its cookie goes and the
        # page cache serves this reader again.
        request.session.flush()


@dataclass
class Change:
    """What an add or remove did, for the message the reader gets."""

    added: list = field(default_factory=list)
    removed: list = field(default_factory=list)
    already: int = 0
    unknown: int = 0
    untranslated: int = 0
    over_limit: int = 0
    not_selected: int = 0

    @property
    def changed(self):
        return bool(self.added or self.removed)


def parse_ids(values):
    """Clause ids from form values; anything that is not a positive number is unknown."""
    ids, unknown = [], 0
    for value in values:
        value = (value or "").strip()
        if value.isdigit() and 0 < int(value) < 2**31:
            ids.append(int(value))
        else:
            unknown += 1
    return ids, unknown


def resolve(ids, locale):
    """{clause id: translation key} for the posted ids whose clause exists in the reader's
    language. A clause of another language counts as its translation in the reader's
    language; one without such a translation is returned under "untranslated"."""
    rows = dict(
        TenderClause.objects.filter(pk__in=ids, live=True).values_list("pk", "translation_key")
    )
    in_locale = set(
        TenderClause.objects.filter(
            translation_key__in=rows.values(), locale=locale, live=True
        ).values_list("translation_key", flat=True)
    )
    found = {pk: str(key) for pk, key in rows.items() if key in in_locale}
    untranslated = [pk for pk, key in rows.items() if key not in in_locale]
    return found, untranslated


def add(request, values, locale):
    """Add the posted clause ids to the reader's selection, in the order posted.

    Nothing is added when the selection would grow past MAX_SELECTION: the reader keeps
    what they had and is told how many more fit.
    """
    ids, unknown = parse_ids(values)
    found, untranslated = resolve(ids, locale)
    missing = {pk for pk in ids if pk not in found} - set(untranslated)
    change = Change(unknown=unknown + len(missing), untranslated=len(untranslated))
    keys = selected_keys(request)
    new = []
    for pk in ids:
        key = found.get(pk)
        if key is None:
            continue
        if key in keys or key in new:
            change.already += 1
        else:
            new.append(key)
    if len(keys) + len(new) > MAX_SELECTION:
        change.over_limit = len(new)
        return change
    if new:
        _store(request, keys + new)
        change.added = new
    return change


def remove(request, values):
    """Remove the posted clause ids (in any language) from the reader's selection."""
    ids, unknown = parse_ids(values)
    posted = {
        str(key)
        for key in TenderClause.objects.filter(pk__in=ids).values_list("translation_key", flat=True)
    }
    keys = selected_keys(request)
    change = Change(unknown=unknown)
    change.removed = [key for key in keys if key in posted]
    change.unknown += len(set(ids)) - len(posted)
    change.not_selected = len(posted) - len(change.removed)
    if change.removed:
        _store(request, [key for key in keys if key not in posted])
    return change


def clear(request):
    keys = selected_keys(request)
    if keys:
        _store(request, [])
    return Change(removed=keys)


def clauses_for(keys, locale):
    """The clauses of a selection, each in the reader's language where translated, else in
    the language it was written in; ordered by kind (selection criteria, specifications,
    award criteria, contract clauses) and then as selected. One query.

    Each clause gets `in_reader_language` for the page to say where it falls back.
    """
    from wagtail.models import Locale

    order = {key: position for position, key in enumerate(keys)}
    default_locale_id = Locale.get_default().pk
    chosen = {}
    rows = TenderClause.objects.filter(translation_key__in=keys, live=True).select_related(
        "theme", "locale"
    )
    for clause in rows:
        key = str(clause.translation_key)

        def rank(candidate):
            return (candidate.locale_id != locale.pk, candidate.locale_id != default_locale_id)

        if key not in chosen or rank(clause) < rank(chosen[key]):
            chosen[key] = clause
    clauses = sorted(
        chosen.values(), key=lambda c: (KIND_ORDER[c.kind], order[str(c.translation_key)])
    )
    for clause in clauses:
        clause.in_reader_language = clause.locale_id == locale.pk
    return clauses


@dataclass
class KindGroup:
    kind: str
    heading: str
    clauses: list


def grouped_by_kind(clauses):
    """One KindGroup per kind of clause, in the order of ClauseKind, leaving out empty ones."""
    groups = []
    for kind in ClauseKind:
        members = [clause for clause in clauses if clause.kind == kind.value]
        if members:
            groups.append(KindGroup(kind.value, KIND_HEADINGS[kind], members))
    return groups


def _same_origin(request):
    """The browser says the form was sent from this site (Fetch metadata or Origin)."""
    fetch_site = request.META.get("HTTP_SEC_FETCH_SITE")
    if fetch_site is not None:
        return fetch_site == "same-origin"
    origin = request.META.get("HTTP_ORIGIN")
    if not origin:
        return False
    return origin == f"{request.scheme}://{request.get_host()}" or origin in getattr(
        settings, "CSRF_TRUSTED_ORIGINS", []
    )


def action_allowed(request):
    """Whether a selection change may be carried out.

    Django's CSRF check decides whenever it can: readers with a session get forms with a
    token. A reader without a session posted from a cached page, whose forms have no token;
    the change is carried out when the browser says it was sent from this site (every
    current browser sends `Sec-Fetch-Site` or `Origin` with a form post), since a forged
    request could then only start a new, empty-handed selection. Otherwise the view asks
    the reader to confirm with a form that has a token, and nothing is lost.
    """
    check = CsrfViewMiddleware(lambda request: None).process_view(request, None, (), {})
    if check is None:
        return True
    return not has_session(request) and _same_origin(request)


# -- saved selections (members) ----------------------------------------------------------

# Enough for every tender a member works on; keeps the list page short.
MAX_SAVED_SELECTIONS = 50


class SelectionError(Exception):
    """A selection that cannot be saved; the message says why, in the reader's language."""


def save_selection(request, name):
    """Save the reader's current selection under `name` for the signed-in member."""
    from knowledge.models import SavedSelection

    # Whitespace runs become one space; control characters (a NUL byte) are dropped.
    name = " ".join("".join(ch for ch in (name or "") if ch.isprintable() or ch.isspace()).split())
    if not name:
        raise SelectionError(
            _("Give your selection a name, for example “Renovatie stadhuis 2027”.")
        )
    if len(name) > SavedSelection._meta.get_field("name").max_length:
        raise SelectionError(_("That name is too long: use at most 120 characters."))
    keys = selected_keys(request)
    if not keys:
        raise SelectionError(_("Your selection is empty: add clauses first."))
    owned = SavedSelection.objects.filter(owner=request.user)
    if owned.count() >= MAX_SAVED_SELECTIONS:
        raise SelectionError(
            _("You can keep at most %(limit)d saved selections. Delete one first.")
            % {"limit": MAX_SAVED_SELECTIONS}
        )
    return SavedSelection.objects.create(owner=request.user, name=name, clause_keys=keys)


def load_saved(request, saved):
    """Make a saved selection the reader's current selection (replacing it)."""
    _store(request, list(saved.clause_keys)[:MAX_SELECTION])


def count_downloads(clauses):
    """Count one download of each clause (by translation key, whatever the language)."""
    from django.db import transaction
    from django.db.models import F
    from django.utils import timezone

    from knowledge.models import ClauseDownloadCount

    keys = {clause.translation_key for clause in clauses}
    with transaction.atomic():
        ClauseDownloadCount.objects.bulk_create(
            [ClauseDownloadCount(translation_key=key) for key in keys], ignore_conflicts=True
        )
        ClauseDownloadCount.objects.filter(translation_key__in=keys).update(
            count=F("count") + 1, last_downloaded_at=timezone.now()
        )
