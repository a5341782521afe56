"""The discussions page (topics by latest activity) and the form to start a topic."""

import hashlib

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db.models import F
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale

from knowledge.listing import CachedCountPaginator, theme_by_slug, themes_by_key
from knowledge.models import Theme
from network import discussions
from network.discussion_views import refused
from network.headers import refuse_control_characters
from network.models import TOPIC_CARD_FIELDS, TopicPage, shared_topics
from network.ratelimit import limit_posts
from network.topics import start_topic

PER_PAGE = 20
# What the @ suggestions say to screen reader users (static/js/site.js); the comment form
# carries the same (templates/network/includes/mention_attributes.html).
MENTION_MESSAGES = {
    "data-mention-label": gettext_lazy("Members"),
    "data-mention-found": gettext_lazy(
        "{count} members found: choose with the up and down arrows, insert with Enter."
    ),
    "data-mention-none": gettext_lazy("No member found."),
    "data-mention-inserted": gettext_lazy("{name} mentioned."),
}
MENTION_HELP = gettext_lazy(
    "Mention a member with @ and their handle or name, e.g. @an_peeters or @An_Peeters."
)


class TopicForm(forms.Form):
    title = forms.CharField(
        label=gettext_lazy("Title"), max_length=200, validators=[refuse_control_characters]
    )
    theme = forms.ModelChoiceField(
        label=gettext_lazy("Theme"), queryset=Theme.objects.none(), required=False
    )
    body = forms.CharField(
        label=gettext_lazy("Your question or statement"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    website = forms.CharField(required=False, label=gettext_lazy("Leave this field empty"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = Theme.objects.filter(locale=Locale.get_active(), live=True)
        # Typing @ in the text suggests members (static/js/site.js); a plain handle works too.
        self.fields["body"].widget.attrs.update(
            {"data-mention-url": reverse("member_suggestions"), **MENTION_MESSAGES}
        )
        self.fields["body"].help_text = MENTION_HELP

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise forms.ValidationError(_("Leave this field empty."))
        return ""


def topic_index(request, index_page):
    if request.GET.get("q", "").strip():
        return topic_search(request, index_page)
    theme_map = themes_by_key(index_page.locale_id)
    current_theme = theme_by_slug(theme_map, request.GET.get("theme", ""))
    topics = listed_topics(index_page.locale_id)
    count_key = f"topic-count:{index_page.locale_id}"
    if current_theme is not None:
        topics = topics.filter(theme__translation_key=current_theme.translation_key)
        count_key += f":{current_theme.translation_key}"
    page_obj = topic_page(topics, request.GET.get("page"), count_key)
    cards = page_obj.object_list
    for card in cards:
        # Topics keep the theme they were started with; show it in this page's language.
        key = card["theme__translation_key"]
        theme = theme_map.get(key) if key is not None else None
        card["theme_label"] = theme.name if theme is not None else card["theme__name"]
    return render(
        request,
        index_page.template,
        {
            "page": index_page,
            "self": index_page,
            # The topics themselves are read only when the cached cards are missing.
            "topics": SimpleLazyObject(lambda: card_topics(cards)),
            "topic_cards_key": topic_cards_key(cards),
            "page_obj": page_obj,
            "themes": sorted(theme_map.values(), key=lambda t: (t.sort_order, t.name)),
            "current_theme": current_theme,
            "filter_query": [("theme", current_theme.slug)] if current_theme else [],
        },
    )


def listed_topics(locale_id):
    """The topics a locale's discussions page lists: pinned ones first, then latest activity
    first. The network has one forum (`shared_topics`): a topic started in any language is
    listed in every one, once per translation group.

    Which topics are listed (live, public, one per translation group) changes only with the
    page tree or a page's privacy, so their ids are kept under the navigation token, which
    every such change retires; the order (pins, latest activity) is read on every request,
    from the topics' own table.
    """
    from home.navigation import cached
    from home.search import InList

    ids = cached(
        f"listed-topic-ids:{locale_id}",
        lambda: sorted(shared_topics(locale_id).values_list("pk", flat=True)),
    )
    return TopicPage.objects.filter(InList(F("pk"), ids)).order_by(
        "-pinned", "-last_activity_at", "-pk"
    )


def topic_cards_key(cards):
    """A digest of everything the listed topics' cards show, for the fragment cache.

    The cached cards are found again only while every listed value is the same (any new
    comment, pin, lock or title gives another key), so they can never be stale; the
    fragment cache adds the language, the site and the navigation version.
    """
    values = [
        (
            card["id"],
            card["title"],
            card["url_path"],
            card["pinned"],
            card["thread_locked"],
            card["comment_count"],
            card["last_activity_at"].isoformat(),
            card["locale__language_code"],
            card["theme_label"] if card["theme__translation_key"] is not None else None,
        )
        for card in cards
    ]
    return hashlib.blake2b(repr(values).encode(), digest_size=16).hexdigest()


def card_topics(cards):
    """The topics of `cards`, in their order, with their theme named as on the cards (one
    query)."""
    rows = (
        TopicPage.objects.filter(pk__in=[card["id"] for card in cards])
        .select_related("theme", "locale")
        .only(*TOPIC_CARD_FIELDS)
        .in_bulk()
    )
    topics = []
    for card in cards:
        topic = rows.get(card["id"])
        if topic is not None:
            topic.theme_label = card["theme_label"]
            topics.append(topic)
    return topics


def topic_search(request, index_page):
    """The discussions page with the topics and comments that match `q`, in any language."""
    from network.discussion_search import search_discussions

    raw_query = request.GET.get("q", "")
    outcome = search_discussions(raw_query, index_page.locale, request.GET.get("page"))
    theme_map = themes_by_key(index_page.locale_id)
    for hit in outcome.page_obj or []:
        theme = hit.topic.theme
        if theme is not None:
            hit.topic.theme_label = theme_map.get(theme.translation_key, theme).name
    return render(
        request,
        index_page.template,
        {
            "page": index_page,
            "self": index_page,
            "search": outcome,
            "search_query": raw_query.strip(),
            "page_obj": outcome.page_obj,
            "filter_query": [("q", raw_query.strip())],
        },
    )


def topic_page(topics, number, count_key):
    """One page of topics: ordered and counted by id alone, then the values of that page's
    cards (dicts of TOPIC_CARD_FIELDS).

    Sorting whole rows, joined with their theme and author, costs more the more topics
    there are; sorting ids stays cheap, and only one page of rows is ever fetched, by id
    alone (the ids were chosen by `topics`' rules of visibility). The total is kept in the
    navigation cache under `count_key`, as knowledge listings keep theirs: publishing,
    unpublishing, moving or deleting a topic, or changing a page's privacy, retires it.
    Each page's cards are kept there too, also until a comment changes (its topic's count
    and latest activity) or a topic is pinned or locked (`comment_counts.VERSION_KEY`):
    what a card shows changes with nothing else (a title or theme only with a publish).
    get_page() turns "?page=abc" or a number past the end into a valid page.
    """
    from home.navigation import cached
    from network.comment_counts import VERSION_KEY

    page_obj = CachedCountPaginator(
        topics.values_list("pk", flat=True), PER_PAGE, count_key
    ).get_page(number)

    def cards():
        ids = list(page_obj.object_list)
        rows = {
            row["id"]: row
            for row in TopicPage.objects.filter(pk__in=ids).order_by().values(*TOPIC_CARD_FIELDS)
        }
        return [rows[pk] for pk in ids if pk in rows]

    page_obj.object_list = cached(
        f"{count_key}:cards:{page_obj.number}", cards, versions=(VERSION_KEY,)
    )
    return page_obj


@limit_posts("topic")
def start_topic_view(request, index_page):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    try:
        discussions.check_not_suspended(request.user)
    except discussions.DiscussionError as error:
        return render(
            request,
            "network/discussion_refused.html",
            {"message": error.message},
            status=error.status,
        )
    if not discussions.can_post(request.user):
        return render(
            request,
            "network/discussion_refused.html",
            {"message": _("Only members with a confirmed e-mail address can post.")},
            status=403,
        )
    form = TopicForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            topic = start_topic(index_page, request.user, **form.cleaned_data)
        except discussions.DiscussionError as error:
            return refused(request, error)
        if topic.live:
            messages.success(request, _("Your topic has been published."))
            return redirect(topic.get_url(request))
        messages.info(
            request, _("Thank you. Your topic will appear once a moderator has approved it.")
        )
        return redirect(index_page.get_url(request))
    return render(
        request, "network/topic_form.html", {"page": index_page, "self": index_page, "form": form}
    )
