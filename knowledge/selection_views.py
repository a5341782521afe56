"""Views of the clause selection: the selection page, adding and removing clauses, and
the confirmation asked when a change cannot be verified as coming from this site."""

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Locale

from knowledge import selection
from knowledge.models import SavedSelection
from knowledge.models.taxonomy import TenderClause
from network.base_url import absolute_url

# What secrets.token_urlsafe makes: URL-safe base64 characters.
SHARE_TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")


def _next_url(request):
    """Where to send the reader back to: a page of this site, else the selection page."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("clause_selection")


def _report(request, change):
    """One message per outcome, in the reader's language."""
    if change.added:
        messages.success(
            request,
            ngettext(
                "%(count)d clause added to your selection.",
                "%(count)d clauses added to your selection.",
                len(change.added),
            )
            % {"count": len(change.added)},
        )
    if change.removed:
        messages.success(
            request,
            ngettext(
                "%(count)d clause removed from your selection.",
                "%(count)d clauses removed from your selection.",
                len(change.removed),
            )
            % {"count": len(change.removed)},
        )
    if change.already and not change.added:
        messages.info(request, _("That clause is already in your selection."))
    if change.not_selected and not change.removed:
        messages.info(request, _("That clause is not in your selection."))
    if change.unknown:
        messages.error(
            request, _("We could not find that clause. It may have been removed; nothing changed.")
        )
    if change.untranslated:
        messages.error(
            request,
            _(
                "That clause is not available in this language yet, so it was not added. "
                "Switch to the language it was written in to add it."
            ),
        )
    if change.over_limit:
        messages.error(
            request,
            _(
                "Your selection can hold at most %(limit)d clauses. Remove some before adding "
                "more; your selection was kept as it was."
            )
            % {"limit": selection.MAX_SELECTION},
        )


def _confirm(request, action):
    """Ask the reader to confirm a change that arrived without a valid CSRF token."""
    ids, _unknown = selection.parse_ids(request.POST.getlist("clause"))
    clauses = TenderClause.objects.filter(pk__in=ids[: selection.MAX_SELECTION]).order_by("title")
    return TemplateResponse(
        request,
        "knowledge/selection_confirm.html",
        {
            "action": action,
            "action_url": reverse(f"clause_selection_{action}"),
            "clauses": clauses,
            "next_url": _next_url(request),
            "meta_title": _("Confirm your selection"),
        },
    )


def _change(request, action, apply):
    if not selection.action_allowed(request):
        return _confirm(request, action)
    _report(request, apply())
    return redirect(_next_url(request))


@csrf_exempt  # checked in selection.action_allowed, which also serves cached pages
@require_POST
def add_view(request):
    locale = Locale.get_active()
    return _change(
        request, "add", lambda: selection.add(request, request.POST.getlist("clause"), locale)
    )


@csrf_exempt  # checked in selection.action_allowed
@require_POST
def remove_view(request):
    return _change(
        request, "remove", lambda: selection.remove(request, request.POST.getlist("clause"))
    )


@csrf_exempt  # checked in selection.action_allowed
@require_POST
def clear_view(request):
    return _change(request, "clear", lambda: selection.clear(request))


@require_GET
def selection_view(request):
    locale = Locale.get_active()
    keys = selection.selected_keys(request)
    clauses = selection.clauses_for(keys, locale)
    return TemplateResponse(
        request,
        "knowledge/selection.html",
        {
            "groups": selection.grouped_by_kind(clauses),
            "count": len(clauses),
            "limit": selection.MAX_SELECTION,
            "library_url": library_url(locale),
            "reader_language": locale.language_code,
            "meta_title": _("My clause selection"),
        },
    )


def library_url(locale):
    """The clause library of the reader's language, or "" when there is none (cached)."""
    from home.search import clause_index_url
    from knowledge.models import KnowledgeIndexPage

    base = clause_index_url(locale)
    return base + KnowledgeIndexPage.get_resolver().reverse("clauses_route") if base else ""


@require_GET
def download_view(request, file_format):
    """The reader's selection as a document in their language; an empty selection goes back
    to the selection page with a message."""
    from knowledge import selection_documents

    if file_format not in selection_documents.FORMATS:
        raise Http404("Unknown format")
    locale = Locale.get_active()
    clauses = selection.clauses_for(selection.selected_keys(request), locale)
    if not clauses:
        messages.info(request, _("Your selection is empty: add clauses first."))
        return redirect("clause_selection")
    return _document_response(clauses, locale, file_format, _("tender-clauses"))


# -- saved and shared selections ---------------------------------------------------------


def _document_response(clauses, locale, file_format, name):
    from knowledge import selection_documents

    writer, content_type = selection_documents.FORMATS[file_format]
    response = HttpResponse(
        writer(selection_documents.outline(clauses, locale)), content_type=content_type
    )
    filename = f"{slugify(name) or 'selection'}-{locale.language_code}.{file_format}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    selection.count_downloads(clauses)
    return response


@login_required
@require_POST
def save_view(request):
    try:
        saved = selection.save_selection(request, request.POST.get("name", ""))
    except selection.SelectionError as error:
        messages.error(request, str(error))
        return redirect("clause_selection")
    messages.success(request, _("Your selection was saved as “%(name)s”.") % {"name": saved.name})
    return redirect("clause_selection_saved", pk=saved.pk)


@login_required
@require_GET
def saved_list_view(request):
    saved = list(
        SavedSelection.objects.filter(owner=request.user).only("name", "clause_keys", "updated_at")
    )
    return TemplateResponse(
        request,
        "knowledge/saved_selections.html",
        {"saved_selections": saved, "meta_title": _("My saved selections")},
    )


def _owned(request, pk):
    """The member's own saved selection; someone else's is a 404, as if it did not exist."""
    return get_object_or_404(SavedSelection, pk=pk, owner=request.user)


@login_required
@require_GET
def saved_view(request, pk):
    saved = _owned(request, pk)
    locale = Locale.get_active()
    clauses = selection.clauses_for(saved.clause_keys, locale)
    share_url = absolute_url(reverse("clause_selection_shared", args=[saved.share_token]))
    return TemplateResponse(
        request,
        "knowledge/saved_selection.html",
        {
            "saved": saved,
            "groups": selection.grouped_by_kind(clauses),
            "count": len(clauses),
            "share_url": share_url,
            "reader_language": locale.language_code,
            "meta_title": saved.name,
        },
    )


@login_required
@require_POST
def saved_load_view(request, pk):
    saved = _owned(request, pk)
    selection.load_saved(request, saved)
    messages.success(request, _("“%(name)s” is now your current selection.") % {"name": saved.name})
    return redirect("clause_selection")


@login_required
@require_POST
def saved_delete_view(request, pk):
    saved = _owned(request, pk)
    saved.delete()
    messages.success(request, _("“%(name)s” was deleted.") % {"name": saved.name})
    return redirect("clause_selection_saved_list")


@login_required
@require_GET
def saved_download_view(request, pk, file_format):
    saved = _owned(request, pk)
    return _download(request, saved, file_format)


def _download(request, saved, file_format):
    from knowledge import selection_documents

    if file_format not in selection_documents.FORMATS:
        raise Http404("Unknown format")
    locale = Locale.get_active()
    clauses = selection.clauses_for(saved.clause_keys, locale)
    if not clauses:
        raise Http404("Nothing left in this selection")
    return _document_response(clauses, locale, file_format, saved.name)


def _shared(token):
    """The selection shared under this token; any other token is a 404 (one that cannot be
    a token is refused before the database sees it)."""
    if not SHARE_TOKEN.fullmatch(token or ""):
        raise Http404("No such selection")
    return get_object_or_404(SavedSelection.objects.select_related("owner"), share_token=token)


@require_GET
def shared_view(request, token):
    saved = _shared(token)
    locale = Locale.get_active()
    clauses = selection.clauses_for(saved.clause_keys, locale)
    response = TemplateResponse(
        request,
        "knowledge/shared_selection.html",
        {
            "saved": saved,
            "groups": selection.grouped_by_kind(clauses),
            "count": len(clauses),
            "token": token,
            "reader_language": locale.language_code,
            "meta_title": saved.name,
        },
    )
    # A link for colleagues, not for search engines or shared caches.
    response["Cache-Control"] = "private"
    response["X-Robots-Tag"] = "noindex"
    return response


@require_GET
def shared_download_view(request, token, file_format):
    return _download(request, _shared(token), file_format)
