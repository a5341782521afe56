"""Synthetic members, topics and comments inserted fast, for `seed_scale --topics N --comments N`.

Topics are pages, inserted table by table like the synthetic lessons (wagtailcore_page, then
network_topicpage) under the Dutch Discussions page. Comments span three tables
(django_comments, django_comments_xtd_xtdcomment, network_discussioncomment), so they are
inserted per table in batches as well, with the thread fields django-comments-xtd computes one
comment at a time (thread, parent, level, order in the thread, number of replies below)
computed here for whole threads. Each topic's comment count and latest activity are then
recounted from the comments. The result is ordinary members, live topics and public comments.
"""

import datetime
import math
import uuid
from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import CommandError
from django.db import transaction
from django.db.models import CharField, Count, Max, OuterRef, Subquery
from django.db.models.functions import Cast, Coalesce, Greatest
from django.utils import timezone
from django_comments.models import Comment
from django_comments_xtd.models import XtdComment
from wagtail.models import Page

from knowledge.models import LessonPage, Theme
from network.comment_counts import invalidate_comment_counts
from network.handles import handle_base
from network.management import bulk_pages
from network.management.synthetic_community import (
    synthetic_comment,
    synthetic_member,
    synthetic_topic,
)
from network.models import (
    DiscussionComment,
    DiscussionIndexPage,
    MemberProfile,
    Organisation,
    TopicPage,
    TrustLevel,
)

TOPICS_PER_MEMBER = 4  # each synthetic member starts a few topics
COMMENTS_PER_MEMBER = 10
MAX_NEW_MEMBERS = 2_000  # comment authors made per run, however many comments
REPLY_SHARE = 0.35  # share of comments that answer another comment of the same thread
DAYS_BACK = 365


# -- members ------------------------------------------------------------------------------


@dataclass
class Author:
    pk: int
    name: str
    email: str


def create_members(count, rng, using):
    """`count` verified members with a profile, bulk-inserted; they have no usable password."""
    user_model = get_user_model()
    organisation_ids = list(Organisation.objects.using(using).values_list("pk", flat=True))
    people = [synthetic_member(rng) for _ in range(count)]
    password = make_password(None)
    users = []
    for person in people:
        username = f"lid-{uuid.uuid4().hex[:12]}"
        users.append(
            user_model(
                username=username,
                email=f"{username}@voorbeeld.be",
                first_name=person.display_name[:150],
                password=password,
            )
        )
    user_model.objects.using(using).bulk_create(users, batch_size=bulk_pages.CHUNK_SIZE)
    if any(user.pk is None for user in users):
        raise CommandError("The database did not return the ids of the new members.")
    EmailAddress.objects.using(using).bulk_create(
        [EmailAddress(user=user, email=user.email, primary=True, verified=True) for user in users],
        batch_size=bulk_pages.CHUNK_SIZE,
    )
    MemberProfile.objects.using(using).bulk_create(
        [
            MemberProfile(
                user=user,
                display_name=person.display_name,
                role=person.role,
                organisation_id=rng.choice(organisation_ids) if organisation_ids else None,
                trusted=True,
                trust_level=TrustLevel.TRUSTED,
                # bulk_create skips save(): the handle is made here, unique by the username.
                handle=f"{handle_base(person.display_name)[:20]}_{user.username[4:]}",
            )
            for user, person in zip(users, people, strict=True)
        ],
        batch_size=bulk_pages.CHUNK_SIZE,
    )
    return [Author(user.pk, user.first_name, user.email) for user in users]


def random_moment(rng, start, end):
    return start + (end - start) * rng.random()


# -- topics -------------------------------------------------------------------------------


def seed_topics(count, locale, rng, using, progress):
    """`count` live Dutch topics under the Dutch Discussions page; returns that page."""
    index = (
        DiscussionIndexPage.objects.using(using).filter(locale=locale).first() if locale else None
    )
    if index is None:
        raise CommandError(
            "There is no Dutch discussions page yet: run `manage.py load_demo` first."
        )
    with transaction.atomic(using=using):
        index = Page.objects.using(using).select_for_update().get(pk=index.pk)
        authors = create_members(math.ceil(count / TOPICS_PER_MEMBER), rng, using)
        context = {
            "paths": bulk_pages.TreePaths(index),
            "taken_slugs": bulk_pages.child_slugs(index, using),
            "content_type": ContentType.objects.db_manager(using).get_for_model(TopicPage),
            "themes": dict(
                Theme.objects.using(using).filter(locale=locale).values_list("slug", "pk")
            ),
            "now": timezone.now(),
        }
        for start in range(0, count, bulk_pages.CHUNK_SIZE):
            numbers = range(start, min(start + bulk_pages.CHUNK_SIZE, count))
            topics = [
                build_topic(index, locale, authors[n // TOPICS_PER_MEMBER], n, rng, context)
                for n in numbers
            ]
            bulk_pages.insert_page_rows(topics, using)
            bulk_pages.insert_rows(TopicPage, topics, TopicPage._meta.local_concrete_fields, using)
            progress.update(len(topics))
        bulk_pages.update_child_count(index, using)
    return index


def topic_theme(data, number, themes):
    """The theme the subject belongs to; otherwise themes in turn, so all get topics."""
    if data.theme_slug in themes:
        return themes[data.theme_slug]
    ids = sorted(themes.values())
    return ids[number % len(ids)] if ids else None


def build_topic(index, locale, author, number, rng, context):
    """An unsaved, live TopicPage under `index`, started by `author` in the past year."""
    data = synthetic_topic(rng)
    started = context["now"] - datetime.timedelta(days=DAYS_BACK * rng.random())
    return TopicPage(
        **bulk_pages.live_child_fields(index, locale, data.title, started, context),
        owner_id=author.pk,
        theme_id=topic_theme(data, number, context["themes"]),
        body=data.body,
        author_id=author.pk,
        last_activity_at=started,
        comment_count=0,
    )


# -- comments -----------------------------------------------------------------------------


@dataclass(eq=False)
class Target:
    """A page a thread lives on."""

    pk: int
    content_type_id: int
    published_at: datetime.datetime | None


@dataclass(eq=False)
class Node:
    """One comment of a thread being built; ids and thread order are filled in later."""

    target: Target
    parent: "Node | None"
    level: int
    submitted: datetime.datetime
    author: Author
    text: str
    language: str
    children: list = field(default_factory=list)
    root: "Node | None" = None
    pk: int | None = None
    order: int = 1
    nested_count: int = 0


def comment_targets(locale, using):
    """Live Dutch lessons and topics, the pages a synthetic comment can go to."""

    def targets(model):
        rows = (
            model.objects.using(using)
            .live()
            .filter(locale=locale)
            .order_by("pk")
            .values_list("pk", "content_type_id", "first_published_at")
        )
        return [Target(*row) for row in rows]

    found = [pages for pages in (targets(LessonPage), targets(TopicPage)) if pages]
    if not found:
        raise CommandError(
            "There are no Dutch lessons or topics to comment on: run `manage.py load_demo`, "
            "or seed --lessons or --topics first."
        )
    return found


def pick_target(rng, target_lists):
    """Lessons and topics in turn; within each, earlier pages get more comments."""
    pages = rng.choice(target_lists)
    return pages[min(int(len(pages) * rng.random() ** 2), len(pages) - 1)]


def build_threads(count, target_lists, authors, rng, now):
    """`count` comments as trees of `Node`s; returns the thread roots in creation order."""
    max_level = settings.COMMENTS_XTD_MAX_THREAD_LEVEL
    roots, open_nodes = [], {}
    oldest = now - datetime.timedelta(days=DAYS_BACK)
    for _ in range(count):
        target = pick_target(rng, target_lists)
        repliable = open_nodes.setdefault(target.pk, [])
        parent = rng.choice(repliable) if repliable and rng.random() < REPLY_SHARE else None
        if parent is None:
            since = max(target.published_at or oldest, oldest)
            submitted = random_moment(rng, since, now)
        else:
            submitted = min(parent.submitted + datetime.timedelta(days=3 * rng.random()), now)
        data = synthetic_comment(rng, reply=parent is not None)
        node = Node(
            target=target,
            parent=parent,
            level=parent.level + 1 if parent else 0,
            submitted=submitted,
            author=rng.choice(authors),
            text=data.text,
            language=data.language,
        )
        if parent is None:
            roots.append(node)
        else:
            parent.children.append(node)
        if node.level < max_level:
            repliable.append(node)
    return roots


def in_thread_order(roots):
    """Every node, each thread in django-comments-xtd's order: a comment, then its replies."""
    ordered = []
    for root in roots:
        thread = []
        visit(root, root, thread)
        for position, node in enumerate(thread, start=1):
            node.order = position
        ordered.extend(thread)
    return ordered


def visit(node, root, thread):
    node.root = root
    thread.append(node)
    for child in node.children:
        visit(child, root, thread)
    node.nested_count = sum(1 + child.nested_count for child in node.children)


def set_pk(obj, pk):
    """Give a multi-table model instance its id on every level of its inheritance chain."""
    obj.pk = pk
    for model in [type(obj), *type(obj)._meta.get_parent_list()]:
        for link in model._meta.parents.values():
            setattr(obj, link.attname, pk)


def comment_row(node):
    return DiscussionComment(
        content_type_id=node.target.content_type_id,
        object_pk=str(node.target.pk),
        site_id=settings.SITE_ID,
        user_id=node.author.pk,
        user_name=node.author.name[:50],
        user_email=node.author.email,
        comment=node.text,
        submit_date=node.submitted,
        is_public=True,
        is_removed=False,
        level=node.level,
        order=node.order,
        nested_count=node.nested_count,
        followup=False,
        language=node.language,
    )


def insert_comments(nodes, using):
    """INSERT comments table by table; parents come before their replies in `nodes`."""
    comments = [comment_row(node) for node in nodes]
    base_fields = [f for f in Comment._meta.local_concrete_fields if not f.primary_key]
    ids = bulk_pages.insert_rows(Comment, comments, base_fields, using, returning=True)
    if len(ids) != len(comments):
        raise CommandError("The database did not return the ids of the new comments.")
    for node, comment, pk in zip(nodes, comments, ids, strict=True):
        node.pk = pk
        set_pk(comment, pk)
    for node, comment in zip(nodes, comments, strict=True):
        comment.thread_id = node.root.pk
        comment.parent_id = node.parent.pk if node.parent else node.pk
    for model in (XtdComment, DiscussionComment):
        bulk_pages.insert_rows(model, comments, model._meta.local_concrete_fields, using)


def recount_topics(locale, using):
    """Set each topic's comment count and latest activity from its public comments."""
    topic_type = ContentType.objects.db_manager(using).get_for_model(TopicPage)
    comments = DiscussionComment.objects.using(using).filter(
        content_type_id=topic_type.pk,
        object_pk=Cast(OuterRef("pk"), CharField()),
        is_public=True,
        is_removed=False,
    )
    per_topic = comments.order_by().values("object_pk")
    total = per_topic.annotate(total=Count("pk")).values("total")
    latest = per_topic.annotate(latest=Max("submit_date")).values("latest")
    topics = TopicPage.objects.using(using).filter(locale=locale).values("pk")
    TopicPage.objects.using(using).filter(pk__in=topics).update(
        comment_count=Coalesce(Subquery(total), 0),
        last_activity_at=Greatest(
            "last_activity_at", Coalesce(Subquery(latest), "last_activity_at")
        ),
    )


def seed_comments(count, locale, rng, using, progress):
    """`count` public comments on Dutch lessons and topics; returns how many pages got some."""
    with transaction.atomic(using=using):
        target_lists = comment_targets(locale, using)
        new_members = min(max(count // COMMENTS_PER_MEMBER, 1), MAX_NEW_MEMBERS)
        authors = create_members(new_members, rng, using)
        roots = build_threads(count, target_lists, authors, rng, timezone.now())
        nodes = in_thread_order(roots)
        for start in range(0, len(nodes), bulk_pages.CHUNK_SIZE):
            chunk = nodes[start : start + bulk_pages.CHUNK_SIZE]
            insert_comments(chunk, using)
            progress.update(len(chunk))
        recount_topics(locale, using)
    # Bulk inserts send no signals: drop the cached listing counts by hand.
    invalidate_comment_counts()
    return len({root.target.pk for root in roots})
