"""Editors' views of registrations: counts, list, exports, check-in, messages, follow-up.

Every view here shows or acts on personal data, so each requires the
`events.manage_registrations` permission; others get 403.
"""

from functools import wraps

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Min, Q
from django.http import Http404, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from agenda import checkin, exports, organiser, services
from agenda.forms import FollowUpForm, MessageAttendeesForm
from agenda.models import EventPage, Registration, RegistrationStatus

PERMISSION = "events.manage_registrations"
REGISTRATIONS_PER_PAGE = 100


def manager_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            # A plain 403: Wagtail would turn PermissionDenied into a redirect to the dashboard.
            return HttpResponseForbidden(_("You do not have permission to see registrations."))
        return view(request, *args, **kwargs)

    return wrapper


def source_events():
    """Each event once: its original page, which holds the registrations."""
    first_pages = EventPage.objects.values("translation_key").annotate(first=Min("pk"))
    return EventPage.objects.filter(pk__in=first_pages.values("first"))


def _event(event_id):
    return get_object_or_404(source_events(), pk=event_id)


def _registrations(event, query=""):
    registrations = (
        Registration.objects.filter(event=event)
        .prefetch_related("sessions")
        .order_by("status", "name", "pk")
    )
    if query:
        registrations = registrations.filter(
            Q(name__icontains=query)
            | Q(email__icontains=query)
            | Q(organisation_name__icontains=query)
        )
    return registrations


@manager_required
def event_list(request):
    events = (
        source_events()
        .annotate(
            confirmed=Count("registrations", filter=Q(registrations__status="confirmed")),
            waitlisted=Count("registrations", filter=Q(registrations__status="waitlisted")),
            cancelled=Count("registrations", filter=Q(registrations__status="cancelled")),
            attended=Count("registrations", filter=Q(registrations__checked_in_at__isnull=False)),
        )
        .order_by("-start")
    )
    return TemplateResponse(request, "events/admin/event_list.html", {"events": events})


@manager_required
def registration_list(request, event_id):
    event = _event(event_id)
    query = request.GET.get("q", "").strip()[:100]
    paginator = Paginator(_registrations(event, query), REGISTRATIONS_PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "events/admin/registration_list.html",
        {
            "event": event,
            "counts": services.counts(event),
            "registrations": page_obj.object_list,
            "page_obj": page_obj,
            "query": query,
        },
    )


@manager_required
def export(request, event_id, file_format):
    """The event's registrations as CSV or XLSX; any other format is a 404."""
    if file_format not in exports.FORMATS:
        raise Http404
    event = _event(event_id)
    build = exports.csv_response if file_format == "csv" else exports.xlsx_response
    return build(event, _registrations(event), f"registrations-{event.slug}")


@manager_required
def check_in(request, event_id):
    event = _event(event_id)
    query = request.GET.get("q", "").strip()[:100]
    checkin.remember_door(request, event)
    registrations = (
        _registrations(event, query)
        .exclude(status=RegistrationStatus.CANCELLED)
        .order_by("name", "pk")
    )
    return TemplateResponse(
        request,
        "events/admin/check_in.html",
        {
            "event": event,
            "counts": services.counts(event),
            "registrations": registrations[:500],
            "query": query,
        },
    )


@require_POST
@manager_required
def check_in_toggle(request, event_id, registration_id):
    event = _event(event_id)
    registration = get_object_or_404(Registration, pk=registration_id, event=event)
    attended = request.POST.get("attended") == "1"
    try:
        services.check_in(registration, attended=attended)
    except services.RegistrationError as error:
        messages.error(request, error.message)
    else:
        if attended:
            messages.success(request, _("%(name)s is checked in.") % {"name": registration.name})
        else:
            messages.info(request, _("Check-in of %(name)s undone.") % {"name": registration.name})
    url = request.POST.get("next", "")
    if not url.startswith("/") or url.startswith("//"):
        url = None
    return redirect(url or "events_admin:check_in", *([] if url else [event.pk]))


def _confirmed_post(request):
    """A POST from the preview page's "send" button, as opposed to the first "preview"."""
    return request.method == "POST" and request.POST.get("step") == "send"


@manager_required
def message_attendees(request, event_id):
    """Write, preview, then send a message; every message sent stays in the history."""
    event = _event(event_id)
    form = MessageAttendeesForm(request.POST or None)
    preview = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if _confirmed_post(request):
            sent = organiser.send_message(
                event, data["audience"], data["subject"], data["body"], actor=request.user
            )
            messages.success(
                request,
                ngettext(
                    "The message was sent to %(count)s person.",
                    "The message was sent to %(count)s people.",
                    sent,
                )
                % {"count": sent},
            )
            return redirect("events_admin:message", event.pk)
        recipients = organiser.recipients(event, data["audience"])
        first = recipients.first()
        preview = {
            "count": recipients.count(),
            "email": organiser.preview(
                first, "message", {"subject": data["subject"], "body": data["body"]}
            )
            if first
            else None,
        }
    return TemplateResponse(
        request,
        "events/admin/message.html",
        {
            "event": event,
            "form": form,
            "preview": preview,
            "counts": services.counts(event),
            "history": event.sent_messages.select_related("sent_by")[:50],
        },
        status=400 if form.errors else 200,
    )


@manager_required
def follow_up(request, event_id):
    """Preview the follow-up, with a warning when it is empty or early, then send it."""
    event = _event(event_id)
    form = FollowUpForm(request.POST or None)
    preview = None
    warnings = []
    if request.method == "POST" and form.is_valid():
        note = form.cleaned_data["note"]
        warnings = organiser.follow_up_warnings(event, note)
        if _confirmed_post(request) and (not warnings or request.POST.get("send_anyway")):
            sent = organiser.send_follow_up(event, note=note, actor=request.user)
            messages.success(
                request,
                ngettext(
                    "The follow-up was sent to %(count)s person.",
                    "The follow-up was sent to %(count)s people.",
                    sent,
                )
                % {"count": sent},
            )
            return redirect("events_admin:follow_up", event.pk)
        first = organiser.follow_up_recipients(event).first()
        preview = {
            "email": organiser.preview(first, "follow_up", {"note": note}) if first else None
        }
    pending = organiser.follow_up_recipients(event)
    return TemplateResponse(
        request,
        "events/admin/follow_up.html",
        {
            "event": event,
            "form": form,
            "pending": pending.count(),
            "preview": preview,
            "warnings": warnings,
            "must_confirm": bool(warnings) and _confirmed_post(request),
            "history": event.sent_messages.filter(kind="follow_up").select_related("sent_by")[:50],
        },
        status=400 if form.errors else 200,
    )
