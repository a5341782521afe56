"""Public views behind the event pages' routes: agenda, detail, register, manage, iCal.

Views parse input and render; every rule is in `agenda.services`.
"""

from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page

from agenda import checkin, ical, listing, services
from agenda import questions as event_questions
from agenda.forms import ChangeSessionsForm, RegistrationForm
from agenda.jsonld import event_jsonld
from agenda.models import (
    OutcomeKind,
    OutcomeRegisterPage,
    RegistrationStatus,
    WorkSessionPage,
)
from agenda.models.events import RegistrationState
from home.privacy import public
from network.base_url import page_url
from network.comment_counts import attach_comment_counts
from network.ratelimit import limit_posts


def _private(response):
    """Pages with personal data or a form: never cached, never indexed."""
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex"
    return response


# -- agenda ---------------------------------------------------------------------------------


def agenda(request, index_page):
    theme_map = listing.themes_by_key(index_page.locale)
    filters = listing.AgendaFilters.from_query(request.GET, theme_map)
    queryset = filters.apply(listing.events_in(index_page.locale, ancestor=index_page))
    page_obj = listing.paginate(queryset, request.GET.get("page"))
    listing.localize_theme(page_obj.object_list, theme_map)
    attach_comment_counts(page_obj.object_list)
    context = index_page.get_context(request)
    context.update(
        {
            "filters": filters,
            "filter_query": filters.as_query(),
            "page_obj": page_obj,
            "themes": sorted(theme_map.values(), key=lambda t: (t.sort_order, t.name)),
            "kinds": listing.EventKind.choices,
            "register_page": _register_page(index_page),
        }
    )
    return TemplateResponse(request, index_page.get_template(request), context)


def _register_page(index_page):
    return OutcomeRegisterPage.objects.child_of(index_page).live().first()


def agenda_ical(request, index_page):
    events = listing.upcoming(listing.events_in(index_page.locale, ancestor=index_page))[:200]
    body = ical.calendar(
        [(event, page_url(event, request)) for event in events], name=index_page.title
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="agenda.ics"'
    return response


# -- one event --------------------------------------------------------------------------------


def _seats_left(request, page):
    """Free seats, counted afresh for every request (never cached). A preview shows a draft,
    so it reads the stored event."""
    if getattr(request, "is_preview", False) or page.pk is None:
        return services.seats_left(page.canonical_event())
    return services.seats_left_for_page(page)


def _event_context(request, page):
    seats_left = _seats_left(request, page)
    sessions = services.sessions_with_speakers(page)
    context = {
        "state": page.registration_state(),
        "seats_left": seats_left,
        "jsonld": event_jsonld(page, request, seats_left),
        "sessions": sessions,
        "slots": services.group_into_slots(sessions),
    }
    if isinstance(page, WorkSessionPage):
        context.update(_work_session_context(page))
    return context


def _work_session_context(page):
    theme_map = listing.themes_by_key(page.locale)
    theme = theme_map.get(page.theme.translation_key) if page.theme_id else None
    outcomes = list(page.outcomes.select_related("theme"))
    for outcome in outcomes:
        outcome.localized_theme = (
            theme_map.get(outcome.theme.translation_key) if outcome.theme_id else theme
        )
    # Linked pages shown in the reader's language where translated (two queries).
    chosen = [block.value for block in page.knowledge_links if block.value is not None]
    keys = [linked.translation_key for linked in chosen]
    translated = {
        linked.translation_key: linked
        for linked in public(Page.objects.live()).filter(
            translation_key__in=keys, locale=page.locale
        )
    }
    links = []
    for block in page.knowledge_links:
        if block.value is None:
            continue
        target = translated.get(block.value.translation_key)
        if target is None and block.value.live:
            target = block.value
        if target is not None:
            links.append({"kind": block.block_type, "page": target})
    return {
        "theme": theme,
        "opportunities": [o for o in outcomes if o.kind == OutcomeKind.OPPORTUNITY],
        "barriers": [o for o in outcomes if o.kind == OutcomeKind.BARRIER],
        "knowledge_links": links,
    }


def event_detail(request, page):
    return page.render(request, context_overrides=_event_context(request, page))


def event_ical(request, page):
    body = ical.calendar([(page, page_url(page, request))])
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{page.slug}.ics"'
    return response


@limit_posts("event_registration")
def register(request, page):
    """The registration form; after a registration commits, its manage page.

    An address that is already registered gets that registration's status and a button to
    have its manage link sent to it (`action=resend_link`), not a bare refusal. Both kinds
    of POST count against the same rate limit.
    """
    if request.method == "POST" and request.POST.get("action") == "resend_link":
        return _resend_link(request, page)
    state = page.registration_state()
    sessions = list(page.sessions.all())
    status = 200
    form = None
    existing = None
    if state == RegistrationState.OPEN:
        form = RegistrationForm(
            request.POST if request.method == "POST" else None,
            event=page,
            sessions=sessions,
            user=request.user,
            questions=event_questions.questions_for(page),
        )
        if request.method == "POST":
            if form.is_valid():
                data = form.cleaned_data
                registrant = services.Registrant(
                    name=data["name"],
                    email=data["email"],
                    organisation_name=data["organisation"],
                    role=data["role"],
                    green_deal=data["green_deal"],
                    dietary_needs=data.get("dietary_needs", ""),
                    accessibility_needs=data.get("accessibility_needs", ""),
                    language=get_language(),
                    user=request.user if request.user.is_authenticated else None,
                )
                try:
                    registration = services.register(
                        page, registrant, form.session_keys(), answers=form.answers()
                    )
                except services.RegistrationError as error:
                    if error.code == "duplicate":
                        existing = _existing_registration(page, data["email"])
                    if existing is None:
                        form.add_rule_error(error)
                else:
                    if registration.status == RegistrationStatus.CONFIRMED:
                        messages.success(request, _("You are registered. We sent you an e-mail."))
                    else:
                        messages.info(
                            request,
                            _("The event is full: you are on the waitlist. We sent you an e-mail."),
                        )
                    url = page.url + page.reverse_subpage(
                        "manage", args=[registration.manage_secret]
                    )
                    return _private(HttpResponseRedirect(url))
            if existing is None:
                status = 400
    elif request.method == "POST":
        status = 400
    context = _event_context(request, page)
    context.update(
        {
            "form": form,
            "existing": existing,
            "state_message": services.STATE_ERRORS.get(state),
        }
    )
    response = page.render(request, template="events/register.html", context_overrides=context)
    response.status_code = status
    return _private(response)


def _existing_registration(page, email):
    """What the register page may tell whoever typed `email`: that a registration exists,
    its status and waitlist place, and the typed address to ask for its link. Nothing of
    the person (name, organisation, sessions, answers) and never the link itself."""
    registration = services.active_registration(page, email)
    if registration is None:
        return None
    return {
        "status": registration.status,
        "position": services.waitlist_position(registration),
        "email": email,
    }


def _resend_link(request, page):
    """Send a registration's manage link to its own address; the same answer either way."""
    services.send_manage_link(page, request.POST.get("email", ""))
    messages.info(
        request,
        _(
            "If this address is registered for this event, we sent the link to your "
            "registration to it."
        ),
    )
    return _private(HttpResponseRedirect(page.url + page.reverse_subpage("register")))


def manage(request, page, token):
    registration = services.registration_for_token(page, token)
    if registration is None:
        response = TemplateResponse(
            request,
            "events/manage_invalid.html",
            {"page": page, "self": page},
            status=404,
        )
        return _private(response)
    sessions = list(page.sessions.all())
    chosen = list(registration.sessions.all())
    sessions_form = None
    if sessions and registration.is_active:
        sessions_form = ChangeSessionsForm(
            request.POST if request.POST.get("action") == "sessions" else None,
            sessions=sessions,
            chosen_keys=[s.translation_key for s in chosen],
        )
    status = 200
    error = None
    wants_cancel = (request.POST if request.method == "POST" else request.GET).get(
        "action"
    ) == "cancel"
    if (
        wants_cancel
        and registration.is_active
        and timezone.now() < page.start
        and not (request.method == "POST" and request.POST.get("confirm") == "yes")
    ):
        # Cancelling gives the seat away for good: it always passes a page that asks first.
        response = page.render(
            request,
            template="events/cancel_confirm.html",
            context_overrides={**_event_context(request, page), "registration": registration},
        )
        return _private(response)
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "cancel":
                services.cancel(registration)
                messages.success(request, _("Your registration is cancelled."))
                return _private(HttpResponseRedirect(request.path))
            if action == "sessions" and sessions_form is not None:
                if sessions_form.is_valid():
                    services.change_sessions(registration, sessions_form.session_keys(), page=page)
                    messages.success(request, _("Your sessions are changed."))
                    return _private(HttpResponseRedirect(request.path))
                status = 400
            else:
                status = 400
                error = _("This action is not possible.")
        except services.RegistrationError as refusal:
            status = 400
            if action == "sessions" and sessions_form is not None:
                sessions_form.add_rule_error(refusal)
            else:
                error = refusal.message
    keys = {s.translation_key for s in chosen}
    context = _event_context(request, page)
    context.update(
        {
            "registration": registration,
            # The personal schedule: the chosen sessions in the order they take place.
            "chosen_sessions": sorted(
                (s for s in sessions if s.translation_key in keys),
                key=lambda s: (s.starts, s.track, s.title),
            ),
            "position": services.waitlist_position(registration),
            "answers": event_questions.shown_answers(registration),
            "check_in_qr": checkin.qr_data_uri(checkin.check_in_url(registration))
            if registration.status == RegistrationStatus.CONFIRMED
            else None,
            "sessions_form": sessions_form,
            "can_change": registration.is_active and timezone.now() < page.start,
            "error": error,
        }
    )
    response = page.render(request, template="events/manage.html", context_overrides=context)
    response.status_code = status
    return _private(response)


# -- barriers and opportunities -------------------------------------------------------------


def outcome_register(request, page):
    theme_map = listing.themes_by_key(page.locale)
    filters = listing.OutcomeFilters.from_query(request.GET, theme_map)
    page_obj = listing.paginate(
        listing.outcomes_in(page.locale, filters), request.GET.get("page"), per_page=30
    )
    for outcome in page_obj.object_list:
        outcome.localized_theme = theme_map.get(outcome.own_theme_key or outcome.session_theme_key)
    context = page.get_context(request)
    context.update(
        {
            "filters": filters,
            "filter_query": filters.as_query(),
            "page_obj": page_obj,
            "themes": sorted(theme_map.values(), key=lambda t: (t.sort_order, t.name)),
            "kinds": OutcomeKind.choices,
        }
    )
    return TemplateResponse(request, page.get_template(request), context)
