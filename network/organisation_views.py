"""The public organisations directory and each organisation's "who has done this" page."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from wagtail.models import Locale

from home.privacy import public
from network.comment_counts import attach_comment_counts
from network.forms import OrganisationFilterForm
from network.models import Organisation

PER_PAGE = 30


def organisation_directory(request):
    regions = (
        Organisation.objects.exclude(region="")
        .order_by("region")
        .values_list("region", flat=True)
        .distinct()
    )
    form = OrganisationFilterForm(request.GET, regions=list(regions))
    organisations = form.filter(Organisation.objects.order_by("name"))
    # get_page() turns "?page=abc" or an out-of-range number into a valid page.
    page = Paginator(organisations, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "network/organisation_directory.html",
        {
            "form": form,
            "organisations": page,
            "page_obj": page,
            "filter_query": [(k, v) for k, v in request.GET.items() if k != "page" and v],
        },
    )


def localized_first(pages, locale_id):
    """One page per translation group: the reader's language where it exists."""
    chosen = {}
    for page in pages:
        current = chosen.get(page.translation_key)
        if current is None or page.locale_id == locale_id:
            chosen[page.translation_key] = page
    return sorted(chosen.values(), key=lambda page: page.title.lower())


def organisation_contributions(organisation, locale_id, now=None):
    """The knowledge pages and work sessions an organisation took part in (two queries).

    A work session counts once it is over and someone of the organisation was checked in
    at it: a registration alone is a plan, not a contribution. Only the organisation's own
    registrations decide, whatever other people did with theirs.
    """
    from agenda.models import Registration, WorkSessionPage
    from agenda.models.registrations import RegistrationStatus
    from knowledge.models import KnowledgePage

    now = now or timezone.now()
    knowledge = (
        public(KnowledgePage.objects.live())
        .filter(organisations=organisation)
        .only("title", "url_path", "translation_key", "locale_id", "content_type_id", "summary")
    )
    # A registration points at the session's original page; every translation shares its key.
    attended_keys = (
        Registration.objects.filter(
            organisation=organisation, checked_in_at__isnull=False, event__end__lt=now
        )
        .exclude(status=RegistrationStatus.CANCELLED)
        .values("event__translation_key")
    )
    sessions = (
        public(WorkSessionPage.objects.live())
        .filter(translation_key__in=attended_keys, end__lt=now)
        .only("title", "url_path", "translation_key", "locale_id", "start")
    )
    return localized_first(knowledge, locale_id), localized_first(sessions, locale_id)


def organisation_detail(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    knowledge, sessions = organisation_contributions(organisation, Locale.get_active().pk)
    attach_comment_counts(knowledge, sessions)
    return render(
        request,
        "network/organisation_detail.html",
        {"organisation": organisation, "knowledge_pages": knowledge, "work_sessions": sessions},
    )
