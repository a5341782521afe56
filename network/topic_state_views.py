"""Moderators pin and lock topics from the topic page."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from network.headers import refuse_control_characters
from network.models import TopicPage
from network.notifications import page_in_language
from network.topics import may_moderate, set_topic_state


class TopicStateForm(forms.Form):
    pinned = forms.BooleanField(label=gettext_lazy("Pin to the top of the list"), required=False)
    locked = forms.BooleanField(label=gettext_lazy("Lock: no new comments"), required=False)
    lock_reason = forms.CharField(
        label=gettext_lazy("Why it is locked (shown to readers)"),
        max_length=300,
        required=False,
        validators=[refuse_control_characters],
    )


@login_required
@require_POST
def topic_state_view(request, page_id):
    if not may_moderate(request.user):
        raise PermissionDenied(_("Only moderators can pin or lock topics."))
    topic = get_object_or_404(TopicPage, pk=page_id, live=True)
    form = TopicStateForm(request.POST)
    if form.is_valid():
        set_topic_state(topic, moderator=request.user, **form.cleaned_data)
        messages.success(request, _("The topic has been updated."))
    else:
        errors = " ".join(error for field in form.errors.values() for error in field)
        messages.error(
            request, _("The topic has not been changed: %(errors)s") % {"errors": errors}
        )
    local = page_in_language(topic, (get_language() or "nl").split("-")[0])
    return redirect((local.get_url(request) or "/") + "#topic-moderation")
