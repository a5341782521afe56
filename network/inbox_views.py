"""A member's notifications page, marking them read, and the @mention suggestions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from network import handles, inbox

PER_PAGE = 20


@login_required
@require_http_methods(["GET", "HEAD"])
def notification_list(request):
    """The member's notifications, newest first, unread ones marked; 20 a page."""
    page_obj = Paginator(inbox.for_member(request.user), PER_PAGE).get_page(request.GET.get("page"))
    page_obj.object_list = inbox.prepare(page_obj.object_list, request)
    return render(
        request,
        "network/notifications.html",
        {"page_obj": page_obj, "notifications": page_obj.object_list},
    )


@login_required
@require_POST
def notification_read(request):
    """Mark one notification (`notification`) or all of them (`all`) read, then go back to
    the list or, for one, to what it is about (`next`)."""
    if request.POST.get("all"):
        count = inbox.mark_all_read(request.user)
        if count:
            messages.success(request, _("All your notifications are marked as read."))
        return redirect("member_notifications")
    notification_id = request.POST.get("notification", "")
    is_id = notification_id.isascii() and notification_id.isdigit() and len(notification_id) <= 18
    if not is_id or not inbox.mark_read(request.user, int(notification_id)):
        messages.error(request, _("That notification does not exist."))
        return redirect("member_notifications")
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect("member_notifications")


@login_required
@require_GET
def member_suggestions(request):
    """Members whose name or handle starts with `q`, for the @ suggestions while typing.

    Members only: the network's names stay among its members.
    """
    query = request.GET.get("q", "")[:60]
    response = JsonResponse({"results": handles.suggestions(query)})
    response["Cache-Control"] = "private, no-store"
    return response
