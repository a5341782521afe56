"""Create many synthetic pages fast, for benchmarks: `manage.py seed_scale --lessons N --events N`
(and `--topics N --comments N`, see `network.management.community_seed`).

Django cannot bulk-create multi-table-inherited models, and Wagtail's `add_child` runs one
tree update per page. So rows are inserted per table in batches (wagtailcore_page, then
knowledge_knowledgepage, then knowledge_lessonpage, then the theme and organisation links)
with tree paths computed the way treebeard does, and the parent's child count is set once at
the end, all in one transaction (network.management.bulk_pages). The result is ordinary,
live Wagtail pages. Events go the same way under the Dutch agenda (wagtailcore_page, then
events_eventpage).
"""

import datetime
import random
import sys
import time

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import connections, transaction
from django.utils import timezone
from tqdm import tqdm
from wagtail.models import Locale, Page

from agenda.management.synthetic_events import synthetic_event
from agenda.models import EventIndexPage, EventPage
from knowledge.management.synthetic_lessons import synthetic_lesson
from knowledge.models import KnowledgeIndexPage, KnowledgePage, LessonPage, Theme
from knowledge.models.pages import EvidenceSource
from knowledge.models.taxonomy import ProcurementPhase
from network.management.bulk_pages import (
    CHUNK_SIZE,
    TreePaths,
    child_slugs,
    insert_page_rows,
    insert_rows,
    live_child_fields,
    update_child_count,
)
from network.models import Organisation

MAX_LESSONS = 100_000
MAX_EVENTS = 10_000
MAX_TOPICS = 10_000
MAX_COMMENTS = 100_000


def parse_count(value, option="--lessons", maximum=MAX_LESSONS):
    """The count given for `option`, or 0 when the option was not given."""
    if value is None:
        return 0
    try:
        count = int(str(value).strip())
    except ValueError:
        count = None
    if count is None or not 1 <= count <= maximum:
        raise CommandError(f"{option} must be a whole number from 1 to {maximum:,}, not {value!r}.")
    return count


def refresh_planner_statistics(connection):
    """Statistics for the query planner after a bulk load.

    PostgreSQL gets a full ANALYZE. SQLite only for the comments: without statistics it
    reads every comment of a page type to show one page's thread (it prefers the index on
    the type to the one on type and page), while statistics on the other tables would make
    it misjudge the empty ones (page view restrictions) and scan every page instead.
    """
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE django_comments" if connection.vendor == "sqlite" else "ANALYZE")


class Command(BaseCommand):
    help = (
        "Create N synthetic Dutch lessons under the Dutch knowledge index, N events in "
        "the Dutch agenda, N topics on the Dutch Discussions page and N comments on Dutch "
        "lessons and topics, fast (for benchmarks). Run load_demo first."
    )

    def add_arguments(self, parser):
        parser.add_argument("--lessons", help=f"How many lessons (1 to {MAX_LESSONS:,}).")
        parser.add_argument("--events", help=f"How many events (1 to {MAX_EVENTS:,}).")
        parser.add_argument("--topics", help=f"How many topics (1 to {MAX_TOPICS:,}).")
        parser.add_argument(
            "--comments",
            help=f"How many comments, replies included (1 to {MAX_COMMENTS:,}).",
        )
        parser.add_argument(
            "--seed", type=int, default=1, help="Seed for the random texts (default 1)."
        )
        parser.add_argument("--database", default="default", help="Database alias.")

    def handle(self, *args, **options):
        count = parse_count(options["lessons"])
        events = parse_count(options["events"], "--events", MAX_EVENTS)
        topics = parse_count(options["topics"], "--topics", MAX_TOPICS)
        comments = parse_count(options["comments"], "--comments", MAX_COMMENTS)
        if not (count or events or topics or comments):
            raise CommandError(
                "Say what to create: --lessons N, --events N, --topics N, --comments N or several."
            )
        using = options["database"]
        locale = Locale.objects.using(using).filter(language_code="nl").first()
        if count:
            self.seed_lessons(locale, count, options, using)
        if events:
            self.seed_events(locale, events, random.Random(options["seed"]), using)  # noqa: S311
        if topics or comments:
            self.seed_community(locale, topics, comments, options, using)
        refresh_planner_statistics(connections[using])

    def progress_bar(self, total, unit, options):
        return tqdm(
            total=total,
            unit=unit,
            file=getattr(self.stderr, "_out", sys.stderr),
            disable=options["verbosity"] == 0,
            desc=f"Seeding {unit}s",
        )

    def seed_community(self, locale, topics, comments, options, using):
        """Topics first, so the comments can go to them too."""
        from network.management import community_seed  # it builds on this module's helpers

        if topics:
            started = time.monotonic()
            with self.progress_bar(topics, "topic", options) as progress:
                rng = random.Random(options["seed"])  # noqa: S311 - reproducible texts
                index = community_seed.seed_topics(topics, locale, rng, using, progress)
            elapsed = time.monotonic() - started
            self.stdout.write(
                f"Created {topics:,} topics under {index.url_path} in {elapsed:.1f} s."
            )
        if comments:
            started = time.monotonic()
            with self.progress_bar(comments, "comment", options) as progress:
                rng = random.Random(options["seed"])  # noqa: S311 - reproducible texts
                pages = community_seed.seed_comments(comments, locale, rng, using, progress)
            elapsed = time.monotonic() - started
            self.stdout.write(
                f"Created {comments:,} comments on {pages:,} pages in {elapsed:.1f} s."
            )

    def seed_lessons(self, locale, count, options, using):
        started = time.monotonic()
        index = (
            KnowledgeIndexPage.objects.using(using).filter(locale=locale).first()
            if locale
            else None
        )
        if index is None:
            raise CommandError(
                "There is no Dutch knowledge index page yet: run `manage.py load_demo` first."
            )
        stream = getattr(self.stderr, "_out", sys.stderr)
        progress = tqdm(
            total=count,
            unit="lesson",
            file=stream,
            disable=options["verbosity"] == 0,
            desc="Seeding lessons",
        )
        with progress, transaction.atomic(using=using):
            rng = random.Random(options["seed"])  # noqa: S311 - reproducible texts, not secrets
            self.seed(index, locale, count, rng, using, progress)
        elapsed = time.monotonic() - started
        self.stdout.write(f"Created {count:,} lessons under {index.url_path} in {elapsed:.1f} s.")

    def seed(self, index, locale, count, rng, using, progress):
        index = Page.objects.using(using).select_for_update().get(pk=index.pk)
        themes = {theme.slug: theme for theme in Theme.objects.using(using).filter(locale=locale)}
        theme_list = list(themes.values())
        organisation_ids = list(Organisation.objects.using(using).values_list("pk", flat=True))
        taken_slugs = child_slugs(index, using)
        context = {
            "paths": TreePaths(index),
            "content_type": ContentType.objects.db_manager(using).get_for_model(LessonPage),
            "phases": list(ProcurementPhase.values),
            "evidence_sources": list(EvidenceSource.values),
            "today": timezone.localdate(),
            "themes": themes,
            "theme_list": theme_list,
            "organisation_ids": organisation_ids,
            "taken_slugs": taken_slugs,
        }
        created = 0
        while created < count:
            size = min(CHUNK_SIZE, count - created)
            lessons, theme_ids, organisations = self.build(index, locale, size, rng, context)
            self.insert(lessons, theme_ids, organisations, using)
            created += size
            progress.update(size)
        update_child_count(index, using)

    def build(self, index, locale, size, rng, context):
        """Unsaved LessonPage objects with their theme and organisation ids."""
        lessons, theme_ids, organisation_ids = [], [], []
        for _ in range(size):
            data = synthetic_lesson(
                rng, context["phases"], context["evidence_sources"], context["today"]
            )
            published_at = timezone.make_aware(
                datetime.datetime.combine(data.publication_date, datetime.time(9, 0))
            )
            lessons.append(
                LessonPage(
                    **live_child_fields(index, locale, data.title, published_at, context),
                    summary=data.summary,
                    phase=data.phase,
                    publication_date=data.publication_date,
                    last_reviewed=data.last_reviewed,
                    context=data.context,
                    what_worked=data.what_worked,
                    barriers=data.barriers,
                    recommendations=data.recommendations,
                    evidence_source=data.evidence_source,
                )
            )
            chosen = [context["themes"][s] for s in data.theme_slugs if s in context["themes"]]
            if not chosen and context["theme_list"]:
                chosen = [rng.choice(context["theme_list"])]
            theme_ids.append([theme.pk for theme in chosen])
            how_many = min(rng.choice((0, 1, 1, 2)), len(context["organisation_ids"]))
            organisation_ids.append(rng.sample(context["organisation_ids"], how_many))
        return lessons, theme_ids, organisation_ids

    def insert(self, lessons, theme_ids, organisation_ids, using):
        insert_page_rows(lessons, using)
        insert_rows(KnowledgePage, lessons, KnowledgePage._meta.local_concrete_fields, using)
        insert_rows(LessonPage, lessons, LessonPage._meta.local_concrete_fields, using)
        theme_link = KnowledgePage.themes.through
        organisation_link = KnowledgePage.organisations.through
        theme_link.objects.using(using).bulk_create(
            theme_link(knowledgepage_id=lesson.pk, theme_id=theme_id)
            for lesson, chosen in zip(lessons, theme_ids, strict=True)
            for theme_id in chosen
        )
        organisation_link.objects.using(using).bulk_create(
            organisation_link(knowledgepage_id=lesson.pk, organisation_id=organisation_id)
            for lesson, chosen in zip(lessons, organisation_ids, strict=True)
            for organisation_id in chosen
        )

    def seed_events(self, locale, count, rng, using):
        """`count` live Dutch events in the Dutch agenda, inserted table by table."""
        started = time.monotonic()
        agenda = (
            EventIndexPage.objects.using(using).filter(locale=locale).first() if locale else None
        )
        if agenda is None:
            raise CommandError(
                "There is no Dutch agenda page yet: run `manage.py load_demo` first."
            )
        with transaction.atomic(using=using):
            agenda = Page.objects.using(using).select_for_update().get(pk=agenda.pk)
            context = {
                "paths": TreePaths(agenda),
                "taken_slugs": child_slugs(agenda, using),
                "content_type": ContentType.objects.db_manager(using).get_for_model(EventPage),
                "now": timezone.now(),
            }
            today = timezone.localdate()
            events = [
                self.build_event(agenda, locale, synthetic_event(rng, today), context)
                for _ in range(count)
            ]
            insert_page_rows(events, using)
            insert_rows(EventPage, events, EventPage._meta.local_concrete_fields, using)
            update_child_count(agenda, using)
        elapsed = time.monotonic() - started
        self.stdout.write(f"Created {count:,} events under {agenda.url_path} in {elapsed:.1f} s.")

    def build_event(self, agenda, locale, data, context):
        """An unsaved, live EventPage under `agenda` from one synthetic event."""
        return EventPage(
            **live_child_fields(agenda, locale, data.title, context["now"], context),
            kind=data.kind,
            start=data.start,
            end=data.end,
            summary=data.summary,
            venue_name=data.venue_name,
            venue_address=data.venue_address,
            capacity=data.capacity,
            programme=[],
        )
