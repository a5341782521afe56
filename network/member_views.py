"""Member pages: one's own profile, the data download, account deletion, other members."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.models import Locale, Page

from home.privacy import may_view
from network.account_adapter import language_home_url
from network.forms import DeleteAccountForm, MemberProfileForm
from network.members import delete_member, export_member_data, member_registrations
from network.models import DiscussionComment, MemberProfile, profile_for


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request):
    profile = profile_for(request.user)
    form = MemberProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile has been saved."))
        return redirect("member_profile_edit")
    return render(request, "network/profile_edit.html", {"form": form, "profile": profile})


@login_required
def member_detail(request, pk):
    """Another member's page: members only, so the network's names stay among its members."""
    profile = get_object_or_404(
        MemberProfile.objects.select_related("organisation", "user").prefetch_related("themes"),
        pk=pk,
    )
    return render(
        request,
        "network/member_detail.html",
        {
            "profile": profile,
            "themes": followed_themes(profile),
            "recent_comments": recent_comments(profile.user, request=request),
        },
    )


def followed_themes(profile):
    """The themes a member follows, named in the reader's language where translated (no
    query: the profile's themes are prefetched, the locale's themes cached)."""
    from knowledge.listing import themes_by_key

    local = themes_by_key(Locale.get_active().pk)
    return [local.get(theme.translation_key, theme) for theme in profile.themes.all()]


def recent_comments(user, limit=10, request=None):
    """A member's latest public comments, each with its page in the reader's language.

    Comments on a page the reader of `request` may not see (a view restriction on the page
    or on its translation in their language) are left out. Three queries whatever the number
    of comments, and one more per restricted page among them.
    """
    comments = list(
        DiscussionComment.objects.filter(user=user, is_public=True, is_removed=False).order_by(
            "-submit_date"
        )[:limit]
    )
    targets = {
        page.pk: page
        for page in Page.objects.filter(pk__in={int(c.object_pk) for c in comments}).only(
            "translation_key", "path", "depth"
        )
    }
    local = {
        page.translation_key: page
        for page in Page.objects.live()
        .filter(
            translation_key__in=[t.translation_key for t in targets.values()],
            locale=Locale.get_active(),
        )
        .only("title", "url_path", "translation_key", "path", "depth")
    }
    items = []
    for comment in comments:
        target = targets.get(int(comment.object_pk))
        page = local.get(target.translation_key) if target else None
        if target is not None and not may_view(request, target):
            continue
        if page is not None and not may_view(request, page):
            continue
        items.append({"comment": comment, "page": page})
    return items


@login_required
def member_data(request):
    data = export_member_data(request.user)
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json"
    )
    response["Content-Disposition"] = 'attachment; filename="my-data.json"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def member_delete(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        delete_member(user)
        messages.success(request, _("Your account has been deleted."))
        return redirect(language_home_url())
    return render(
        request,
        "network/member_delete.html",
        {"form": form, "registrations": member_registrations(request.user).count()},
    )
