"""Community models: organisations, member profiles, discussion comments and topics."""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django_comments_xtd.models import XtdComment
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from home.privacy import CachedPrivacyMixin, public
from home.text_analysis import object_stems, stems_of


class OrganisationType(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality")
    PUBLIC_BODY = "public_body", _("Public body")
    SUPPLIER = "supplier", _("Supplier")
    SECTOR_ORGANISATION = "sector_organisation", _("Sector organisation")
    KNOWLEDGE_INSTITUTION = "knowledge_institution", _("Knowledge institution")
    NGO = "ngo", _("NGO")


class Organisation(index.Indexed, models.Model):
    """A member organisation of the network. Names are proper nouns: not translated."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True, blank=True)
    type = models.CharField(_("type"), max_length=30, choices=OrganisationType.choices)
    green_deal_participant = models.BooleanField(
        _("takes part in the Green Deal Circular Procurement"), default=False
    )
    region = models.CharField(
        _("region or municipality"), max_length=120, blank=True, help_text=_("E.g. Gent")
    )
    website = models.URLField(_("website"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("type"),
        FieldPanel("green_deal_participant"),
        FieldPanel("region"),
        FieldPanel("website"),
    ]
    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("region"),
        index.FilterField("type"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:200]
        super().save(*args, **kwargs)


HANDLE_MAX_LENGTH = 40


class TrustLevel(models.IntegerChoices):
    """How far the network trusts a member; it grows with approved comments (network.trust)."""

    NEW = 0, _("New member: first posts wait for a moderator")
    MEMBER = 1, _("Member: posts without moderation")
    TRUSTED = 2, _("Trusted member: posts without moderation, links count for search engines")


class MemberProfile(models.Model):
    """What a member tells the network about themselves, and how they want to hear from it.

    The display name is copied to `User.first_name`, so the page header can greet the member
    from the user row alone.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="member_profile",
    )
    display_name = models.CharField(_("name"), max_length=100)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
    )
    role = models.CharField(_("role"), max_length=120, blank=True, help_text=_("E.g. buyer"))
    bio = models.TextField(_("short bio"), max_length=600, blank=True)
    themes = models.ManyToManyField(
        "knowledge.Theme", verbose_name=_("themes followed"), blank=True, related_name="+"
    )
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    notify_replies = models.BooleanField(_("e-mail me replies in threads I follow"), default=True)
    notify_mentions = models.BooleanField(_("e-mail me when someone mentions me"), default=True)
    weekly_digest = models.BooleanField(_("send me the weekly digest"), default=False)
    notify_topic_answers = models.BooleanField(_("e-mail me answers to my topics"), default=True)
    notify_moderation = models.BooleanField(
        _("e-mail me when a moderator publishes my post"), default=False
    )
    notify_moderation_queue = models.BooleanField(
        _("e-mail me when new posts wait for moderation (moderators)"), default=False
    )
    trusted = models.BooleanField(
        _("trusted"), default=False, help_text=_("Trusted members' comments skip moderation.")
    )
    # A handle is given once, from the display name, and kept when the name changes, so
    # earlier mentions keep pointing at the same member (see network.handles).
    handle = models.CharField(
        _("handle"),
        max_length=HANDLE_MAX_LENGTH,
        unique=True,
        help_text=_("Others mention you by writing @ and this handle."),
    )
    trust_level = models.PositiveSmallIntegerField(
        _("trust level"), choices=TrustLevel.choices, default=TrustLevel.NEW
    )
    trust_level_pinned = models.BooleanField(
        _("trust level pinned"),
        default=False,
        help_text=_("A pinned level no longer changes by itself."),
    )
    suspended_until = models.DateTimeField(
        _("suspended until"),
        null=True,
        blank=True,
        help_text=_("Until then the member can read but not post."),
    )
    created_at = models.DateTimeField(_("joined"), auto_now_add=True)

    class Meta:
        ordering = ["display_name"]
        verbose_name = _("member profile")
        verbose_name_plural = _("member profiles")

    def __str__(self):
        return self.display_name

    def save(self, *args, **kwargs):
        from network.handles import unique_handle

        if not self.handle:
            self.handle = unique_handle(self.display_name or self.user.username, exclude=self.pk)
        # `trusted` (comments skip moderation, links are followed) follows the level; a
        # profile created as trusted starts at that level.
        if self._state.adding and self.trusted and self.trust_level < TrustLevel.TRUSTED:
            self.trust_level = TrustLevel.TRUSTED
        self.trusted = self.trust_level >= TrustLevel.TRUSTED
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"trust_level", "trusted"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "trust_level", "trusted"}
        super().save(*args, **kwargs)
        first_name = self.display_name[:150]
        if self.user.first_name != first_name:
            self.user.first_name = first_name
            self.user.save(update_fields=["first_name"])

    def is_suspended(self, now=None):
        return self.suspended_until is not None and self.suspended_until > (now or timezone.now())


def profile_for(user):
    """The member's profile, created on first use with a name taken from their address."""
    try:
        return user.member_profile
    except MemberProfile.DoesNotExist:
        name = user.first_name or user.email.split("@")[0] or user.username
        profile, _created = MemberProfile.objects.get_or_create(
            user=user, defaults={"display_name": name}
        )
        return profile


class DiscussionComment(index.Indexed, XtdComment):
    """A comment in a thread, with the language it was written in and when it was edited.

    Every translation of a page shares one thread, attached to the page in the default
    language (see `network.discussions.thread_target`). Comments are indexed for the search
    within the discussions (network/discussion_search.py); what is shown is checked against
    the database, so a comment hidden since it was indexed is never found.
    """

    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)

    search_fields = [
        index.SearchField("comment"),
        index.SearchField("search_stems"),
        index.FilterField("content_type"),
        index.FilterField("is_public"),
        index.FilterField("is_removed"),
    ]

    def search_stems(self):
        """Stems of the comment in the language it was written in (see home.text_analysis)."""
        return stems_of(self.comment, self.language)

    class Meta:
        ordering = ["thread_id", "order"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")


class ThreadFollow(models.Model):
    """A member who wants an e-mail when a thread gets a new comment."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="followed_threads"
    )
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("followed thread")
        verbose_name_plural = _("followed threads")
        constraints = [
            models.UniqueConstraint(fields=["user", "page"], name="one_follow_per_thread")
        ]

    def __str__(self):
        return f"{self.user_id} follows {self.page_id}"


class DigestLog(models.Model):
    """One weekly digest sent to one member, so the command can run again safely."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digests"
    )
    week = models.CharField(max_length=8, help_text="ISO year and week, e.g. 2026-W48")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("digest sent")
        verbose_name_plural = _("digests sent")
        constraints = [models.UniqueConstraint(fields=["user", "week"], name="one_digest_per_week")]

    def __str__(self):
        return f"{self.user_id} {self.week}"


# The columns a topic's card on the discussions page shows (and its link needs): a full
# row with its author, theme and locale costs ten times more to build than to read.
TOPIC_CARD_FIELDS = (
    "id",
    "title",
    "url_path",
    "pinned",
    "thread_locked",
    "comment_count",
    "last_activity_at",
    "locale__language_code",
    "theme__translation_key",
    "theme__name",
)


class DiscussionIndexPage(CachedPrivacyMixin, RoutablePageMixin, Page):
    """The "Discussions" page of one language: members' topics, latest activity first."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("search_stems"),
    ]
    search_stems = object_stems  # the stems of its searchable text (home.text_analysis)
    parent_page_types = ["home.HomePage"]
    subpage_types = ["network.TopicPage"]
    max_count_per_parent = 1
    template = "network/discussion_index_page.html"

    class Meta:
        verbose_name = _("discussions page")
        verbose_name_plural = _("discussions pages")

    @path("")
    def index_route(self, request):
        from network import topic_views

        return topic_views.topic_index(request, self)

    @path("new/")
    def new_topic_route(self, request):
        from network import topic_views

        return topic_views.start_topic_view(request, self)


def shared_topics(locale_id):
    """Live, public topics of every language, one per translation group: the page in the
    locale `locale_id` where there is one, else the group's first page."""
    group = TopicPage.objects.live().filter(translation_key=OuterRef("translation_key"))
    return public(TopicPage.objects.live()).filter(
        Q(locale_id=locale_id)
        | (
            ~Exists(group.filter(locale_id=locale_id))
            & ~Exists(group.filter(pk__lt=OuterRef("pk")))
        )
    )


class TopicPage(CachedPrivacyMixin, Page):
    """A member's question or discussion, with its thread."""

    theme = models.ForeignKey(
        "knowledge.Theme",
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="topics",
    )
    body = models.TextField(_("question or statement"), max_length=5000)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="topics",
    )
    # Kept up to date when comments are published, so listings sort and count without joins.
    last_activity_at = models.DateTimeField(_("latest activity"), default=timezone.now)
    comment_count = models.PositiveIntegerField(_("comments"), default=0)
    # Set by moderators for the whole translation group (network.topics.set_topic_state).
    pinned = models.BooleanField(
        _("pinned"), default=False, help_text=_("Pinned topics are listed first.")
    )
    # Page.locked is Wagtail's edit lock; this one closes the thread.
    thread_locked = models.BooleanField(
        _("locked"), default=False, help_text=_("Nobody can reply to a locked topic.")
    )
    lock_reason = models.CharField(
        _("why it is locked"),
        max_length=300,
        blank=True,
        help_text=_("Shown to readers instead of the reply form."),
    )

    content_panels = Page.content_panels + [FieldPanel("theme"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("body"),
        index.SearchField("search_stems"),
    ]
    parent_page_types = ["network.DiscussionIndexPage"]
    subpage_types = []
    template = "network/topic_page.html"

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    search_stems = object_stems  # the stems of its searchable text (home.text_analysis)

    def with_content_json(self, content):
        """Pinned and locked are moderation state, not content: publishing a revision made
        before a moderator pinned or locked the topic keeps what the moderator set."""
        obj = super().with_content_json(content)
        obj.pinned = self.pinned
        obj.thread_locked = self.thread_locked
        obj.lock_reason = self.lock_reason
        return obj


class TopicReadState(models.Model):
    """The newest comment of a thread a member has seen, for "jump to the first unread"."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="topic_read_states"
    )
    # The thread's page (network.discussions.thread_target), shared by its translations.
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    last_read_comment_id = models.PositiveBigIntegerField(default=0)
    read_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("topic read")
        verbose_name_plural = _("topics read")
        constraints = [
            models.UniqueConstraint(fields=["user", "page"], name="one_read_state_per_thread")
        ]

    def __str__(self):
        return f"{self.user_id} read {self.page_id} up to {self.last_read_comment_id}"


class NotificationKind(models.TextChoices):
    REPLY = "reply", _("New comment in a thread you follow")
    MENTION = "mention", _("Mention")
    TOPIC_ANSWER = "topic_answer", _("Answer to your topic")
    MODERATION = "moderation", _("Moderation decision")
    WAITLIST_PROMOTION = "waitlist_promotion", _("Place from the waitlist")
    MODERATION_QUEUE = "moderation_queue", _("New items to moderate")


class Notification(models.Model):
    """Something new for one member, shown under the bell in the header until read.

    The wording is not stored: it is written from the kind at display time, in the reader's
    language; `page` is linked in that language too.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("kind"), max_length=30, choices=NotificationKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    comment = models.ForeignKey(
        DiscussionComment, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # A link that is not a page of the site, such as the admin's moderation queue.
    url = models.CharField(_("link"), max_length=300, blank=True)
    # The subject when no page is left (a rejected topic); a moderation decision, its reason
    # and, for a suspension, its end.
    title = models.CharField(_("title"), max_length=255, blank=True)
    decision = models.CharField(_("decision"), max_length=30, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    until = models.DateTimeField(_("until"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="notification_unread"),
            models.Index(fields=["recipient", "-created_at"], name="notification_recent"),
        ]

    def __str__(self):
        return f"{self.kind} for {self.recipient_id}"


class FlagReason(models.TextChoices):
    SPAM = "spam", _("Spam")
    OFF_TOPIC = "off_topic", _("Off-topic")
    OFFENSIVE = "offensive", _("Offensive")
    OTHER = "other", _("Other")


class CommentReport(models.Model):
    """Why a member reported a comment; the report itself is django-comments' flag."""

    comment = models.ForeignKey(
        DiscussionComment,
        verbose_name=_("comment"),
        on_delete=models.CASCADE,
        related_name="reports",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        on_delete=models.CASCADE,
        related_name="comment_reports",
    )
    reason = models.CharField(_("reason"), max_length=20, choices=FlagReason.choices)
    text = models.CharField(_("explanation"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("reported"), default=timezone.now)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("comment report")
        verbose_name_plural = _("comment reports")
        constraints = [
            models.UniqueConstraint(fields=["comment", "user"], name="one_report_per_member")
        ]

    def __str__(self):
        return f"{self.reason} on {self.comment_id}"


class ModerationActionKind(models.TextChoices):
    APPROVE_COMMENT = "approve_comment", _("Comment approved")
    KEEP_COMMENT = "keep_comment", _("Reported comment kept")
    REMOVE_COMMENT = "remove_comment", _("Comment removed")
    REJECT_COMMENT = "reject_comment", _("Comment rejected")
    PUBLISH_TOPIC = "publish_topic", _("Topic published")
    REJECT_TOPIC = "reject_topic", _("Topic rejected")
    TRUST_LEVEL = "trust_level", _("Trust level changed")
    SUSPEND = "suspend", _("Member suspended")
    UNSUSPEND = "unsuspend", _("Suspension lifted")
    TOPIC_STATE = "topic_state", _("Topic pinned or locked")


class ModerationAction(models.Model):
    """The audit log: every moderation decision, who took it, when and why.

    Rows outlive what they are about: the comment, topic or member may be gone, so the
    summary keeps what was decided on in words.
    """

    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=30, choices=ModerationActionKind.choices)
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    comment = models.ForeignKey(
        DiscussionComment,
        verbose_name=_("comment"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    summary = models.CharField(_("about"), max_length=255, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("moderation action")
        verbose_name_plural = _("moderation actions")

    def __str__(self):
        return f"{self.get_action_display()} ({self.created_at:%Y-%m-%d %H:%M})"


class KeptEmailQuerySet(models.QuerySet):
    def due(self, now):
        return self.filter(retry_after__lte=now).order_by("retry_after", "pk")

    def given_up(self):
        return self.filter(retry_after__isnull=True)


class KeptEmail(models.Model):
    """An e-mail of network.outgoing_mail the mail server refused, kept to send again.

    Only what identifies it is kept: its kind and the id of the object it is about. It is
    rendered again when it is sent, in its recipient's language at that time. A task
    backend that can run a task later queues the retry itself and keeps here only e-mails
    that ran out of attempts (`retry_after` empty: the row stays for the operator to see);
    the immediate backend keeps every failed one here for `retry_failed_emails`.
    """

    kind = models.CharField(_("kind"), max_length=60)
    object_id = models.PositiveBigIntegerField(_("object"))
    attempts = models.PositiveSmallIntegerField(_("attempts"))
    error = models.TextField(_("last error"), blank=True)
    failed_at = models.DateTimeField(_("last failed"), auto_now=True)
    retry_after = models.DateTimeField(_("retry after"), null=True, blank=True, db_index=True)

    objects = KeptEmailQuerySet.as_manager()

    class Meta:
        ordering = ["failed_at", "pk"]
        verbose_name = _("kept e-mail")
        verbose_name_plural = _("kept e-mails")

    def __str__(self):
        return f"{self.kind} – {self.object_id}"
