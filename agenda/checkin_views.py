"""The door: what an organiser's phone shows after scanning a QR code, and the badge sheet.

Behind the registrations permission like every registrations view. The event the
organiser is checking in for is the one whose check-in list they opened last (kept in
their session), so a code for another event is told apart instead of checked in.
"""

from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods

from agenda import checkin, services
from agenda.admin_views import _event, manager_required


@manager_required
@require_http_methods(["GET", "POST"])
def scan(request, token):
    """One tap to check in the person behind a scanned code, or why not."""
    registration = checkin.registration_for_token(token)
    if registration is None:
        return TemplateResponse(request, "events/admin/scan.html", {}, status=404)
    door_event = checkin.door_event(request)
    door_id = door_event.pk if door_event else None
    state = checkin.scan_state(registration, door_id)
    just_checked_in = False
    refusal = None
    status = 200
    if request.method == "POST":
        try:
            state = checkin.check_in_scanned(registration, door_id)
            just_checked_in = True
        except services.RegistrationError as error:
            refusal = error.message
            status = 409
            registration.refresh_from_db()
            state = checkin.scan_state(registration, door_id)
    return TemplateResponse(
        request,
        "events/admin/scan.html",
        {
            "registration": registration,
            "state": state,
            "door_event": door_event,
            "just_checked_in": just_checked_in,
            "refusal": refusal,
        },
        status=status,
    )


@manager_required
def badges(request, event_id):
    """The confirmed registrants' badges as an A4 PDF."""
    event = _event(event_id)
    response = HttpResponse(checkin.badge_sheet_pdf(event), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="badges-{event.slug}.pdf"'
    return response
