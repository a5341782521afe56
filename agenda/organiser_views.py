"""Organisers' hands-on views in the registrations admin: add, edit, cancel, promote, questions.

Behind the same permission as every registrations view; the rules are in
`agenda.organiser` and `agenda.services`, these views parse and render.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from agenda import organiser, questions, services
from agenda.admin_views import _event, manager_required
from agenda.models import EventQuestion, Registration, RegistrationStatus
from agenda.organiser_forms import (
    HandRegistrationForm,
    QuestionForm,
    ReasonForm,
    RegistrationDetailsForm,
)


def _registration(event, registration_id):
    return get_object_or_404(
        Registration.objects.select_related("event"),
        pk=registration_id,
        event=event,
        anonymised_at__isnull=True,
    )


def _render(request, template, context, form=None):
    status = 400 if form is not None and form.errors else 200
    return TemplateResponse(request, template, context, status=status)


@manager_required
@require_http_methods(["GET", "POST"])
def registration_add(request, event_id):
    event = _event(event_id)
    form = HandRegistrationForm(
        request.POST or None,
        sessions=list(event.sessions.all()),
        questions=questions.questions_for(event),
        initial={"language": get_language()[:2]},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        registrant = services.Registrant(
            name=data["name"],
            email=data["email"],
            organisation_name=data["organisation_name"],
            role=data["role"],
            green_deal=data["green_deal"],
            language=data["language"],
            dietary_needs=data["dietary_needs"],
            accessibility_needs=data["accessibility_needs"],
        )
        try:
            registration = organiser.add_registration(
                event,
                registrant,
                form.session_keys(),
                actor=request.user,
                reason=data["reason"],
                answers=form.answers(),
            )
        except services.RegistrationError as error:
            form.add_rule_error(error)
        else:
            if registration.status == RegistrationStatus.CONFIRMED:
                messages.success(
                    request, _("%(name)s is registered (confirmed).") % {"name": registration.name}
                )
            else:
                messages.warning(
                    request,
                    _("The event is full: %(name)s is on the waitlist.")
                    % {"name": registration.name},
                )
            return redirect("events_admin:registrations", event.pk)
    return _render(
        request,
        "events/admin/registration_add.html",
        {"event": event, "form": form, "counts": services.counts(event)},
        form,
    )


@manager_required
@require_http_methods(["GET", "POST"])
def registration_edit(request, event_id, registration_id):
    event = _event(event_id)
    registration = _registration(event, registration_id)
    event_questions = questions.questions_for(event)
    initial = {name: getattr(registration, name) for name in organiser.EDITABLE_FIELDS}
    form = RegistrationDetailsForm(
        request.POST or None,
        questions=event_questions,
        answers=questions.initial_answers(registration),
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        try:
            organiser.edit_registration(
                registration, form.cleaned_data, actor=request.user, answers=form.answers()
            )
        except services.RegistrationError as error:
            form.add_rule_error(error)
        else:
            messages.success(request, _("The registration is saved."))
            return redirect("events_admin:registration_edit", event.pk, registration.pk)
    return _render(
        request,
        "events/admin/registration_edit.html",
        {
            "event": event,
            "registration": registration,
            "form": form,
            "sessions": list(registration.sessions.all()),
            "position": services.waitlist_position(registration),
            "log": registration.log_entries.select_related("actor")[:50],
        },
        form,
    )


@manager_required
@require_http_methods(["GET", "POST"])
def registration_cancel(request, event_id, registration_id):
    event = _event(event_id)
    registration = _registration(event, registration_id)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            organiser.cancel_registration(
                registration, actor=request.user, reason=form.cleaned_data["reason"]
            )
        except services.RegistrationError as error:
            form.add_rule_error(error)
        else:
            messages.success(
                request,
                _("The registration of %(name)s is cancelled.") % {"name": registration.name},
            )
            return redirect("events_admin:registrations", event.pk)
    return _render(
        request,
        "events/admin/registration_decide.html",
        {
            "event": event,
            "registration": registration,
            "form": form,
            "action": "cancel",
            "counts": services.counts(event),
        },
        form,
    )


@manager_required
@require_http_methods(["GET", "POST"])
def registration_promote(request, event_id, registration_id):
    event = _event(event_id)
    registration = _registration(event, registration_id)
    seats_left = services.seats_left(event)
    full = seats_left == 0
    form = ReasonForm(
        request.POST or None,
        required=full,
        help_text=_(
            "The event is full: confirming this person goes beyond the capacity. Say why; "
            "the reason is logged."
        )
        if full
        else _("Optional."),
    )
    if request.method == "POST" and form.is_valid():
        try:
            organiser.promote(registration, actor=request.user, reason=form.cleaned_data["reason"])
        except services.RegistrationError as error:
            form.add_rule_error(error)
        else:
            messages.success(
                request,
                _("%(name)s is moved from the waitlist and confirmed.")
                % {"name": registration.name},
            )
            return redirect("events_admin:registrations", event.pk)
    return _render(
        request,
        "events/admin/registration_decide.html",
        {
            "event": event,
            "registration": registration,
            "form": form,
            "action": "promote",
            "full": full,
            "counts": services.counts(event),
        },
        form,
    )


# -- questions ------------------------------------------------------------------------------


@manager_required
@require_http_methods(["GET", "POST"])
def question_list(request, event_id, question_id=None):
    """The event's questions, and a form to add one (or edit `question_id`)."""
    event = _event(event_id)
    question = (
        get_object_or_404(EventQuestion, pk=question_id, event=event) if question_id else None
    )
    form = QuestionForm(request.POST or None, instance=question)
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        saved.event = event
        saved.save()
        messages.success(request, _("The question is saved."))
        return redirect("events_admin:questions", event.pk)
    return _render(
        request,
        "events/admin/questions.html",
        {
            "event": event,
            "form": form,
            "question": question,
            "questions": questions.questions_for(event),
        },
        form,
    )


@manager_required
@require_POST
def question_delete(request, event_id, question_id):
    event = _event(event_id)
    question = get_object_or_404(EventQuestion, pk=question_id, event=event)
    question.delete()
    messages.success(request, _("The question and its answers are deleted."))
    return redirect("events_admin:questions", event.pk)
