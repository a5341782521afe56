"""Bring one bench database up to the scale dataset; what is already there is kept and counted.

Run by bench/run.py in a child process with DATABASE_URL set: migrate, load the demo content,
then only the missing lessons, events, topics and comments with `seed_scale`, the missing
registrations of the bench event (it carries them all); the new pages are then added to the
search index. Prints the sizes.
"""

import django
from common import QUICK, SIZES, print_result

# What `seed_scale` can create, by its option's name.
SEEDED_BY_COMMAND = ("lessons", "events", "topics", "comments")


def dataset_sizes():
    from django_comments_xtd.models import XtdComment

    from agenda.models import EventPage, Registration
    from knowledge.models import LessonPage
    from network.models import TopicPage

    return {
        "lesson_comments": public_comment_count(bench_lesson()),
        "lessons": LessonPage.objects.count(),
        "events": EventPage.objects.count(),
        "registrations": Registration.objects.count(),
        "comments": XtdComment.objects.count(),
        "topics": TopicPage.objects.count(),
    }


def seed_scale_options():
    """The options this checkout's `seed_scale` accepts (older ones lack --topics, --comments)."""
    from django.core.management import load_command_class

    command = load_command_class("knowledge", "seed_scale")
    return {action.dest for action in command.create_parser("manage.py", "seed_scale")._actions}


def missing_pages(have):
    """seed_scale options for what is missing; a warning for what it cannot seed yet."""
    accepted = seed_scale_options()
    options = {}
    for kind in SEEDED_BY_COMMAND:
        missing = SIZES[kind] - have[kind]
        if missing <= 0:
            continue
        if kind in accepted:
            options[kind] = str(missing)
        else:
            print(f"   seed_scale has no --{kind} option: {missing:,} {kind} not seeded.")
    return options


def bench_event():
    """The Dutch event that carries the bench registrations: the one with the most."""
    from django.db.models import Count

    from agenda.models import EventPage

    return (
        EventPage.objects.live()
        .filter(locale__language_code="nl")
        .annotate(registration_count=Count("registrations"))
        .order_by("-registration_count", "pk")
        .first()
    )


def bench_lesson():
    """The Dutch lesson the bench measures: the newest live one (it carries LESSON_COMMENTS)."""
    from knowledge.models import LessonPage

    return LessonPage.objects.live().filter(locale__language_code="nl").order_by("-pk").first()


def public_comment_count(page):
    from django.contrib.contenttypes.models import ContentType
    from django_comments_xtd.models import XtdComment

    if page is None:
        return 0
    return XtdComment.objects.filter(
        content_type=ContentType.objects.get_for_model(type(page)),
        object_pk=str(page.pk),
        is_public=True,
        is_removed=False,
    ).count()


def add_lesson_comments(lesson, count):
    """Threads of `count` public comments, replies included, on `lesson` (seed_scale's way)."""
    import random

    from django.contrib.contenttypes.models import ContentType
    from django.db import DEFAULT_DB_ALIAS, transaction
    from django.utils import timezone

    from network.comment_counts import invalidate_comment_counts
    from network.management import community_seed

    rng = random.Random(lesson.pk)  # noqa: S311 - synthetic content, not secrets
    target = community_seed.Target(
        lesson.pk, ContentType.objects.get_for_model(type(lesson)).pk, lesson.first_published_at
    )
    with transaction.atomic():
        authors = community_seed.create_members(5, rng, DEFAULT_DB_ALIAS)
        roots = community_seed.build_threads(count, [[target]], authors, rng, timezone.now())
        community_seed.insert_comments(community_seed.in_thread_order(roots), DEFAULT_DB_ALIAS)
    invalidate_comment_counts()


def add_registrations(event, count):
    """`count` waitlisted and cancelled registrations, inserted directly (no e-mails)."""
    from django.utils import timezone

    from agenda.models import Registration, RegistrationStatus

    start = Registration.objects.count()
    now = timezone.now()
    Registration.objects.bulk_create(
        [
            Registration(
                event=event,
                status=(
                    RegistrationStatus.CANCELLED if i % 10 == 0 else RegistrationStatus.WAITLISTED
                ),
                name=f"Deelnemer {start + i}",
                email=f"bench-{start + i}@example.org",
                organisation_name="Gemeente",
                role="Aankoper",
                green_deal="yes",
                language="nl",
                consent_at=now,
            )
            for i in range(count)
        ],
        batch_size=1000,
    )


def last_page_pk():
    from wagtail.models import Page

    return Page.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def index_pages_after(last_pk):
    """Add the pages created after `last_pk` to the search index, as `update_index` would.

    Seeded rows skip the signals that index pages; indexing only the new ones keeps a top-up
    seeding quick on a database that already holds thousands of pages.
    """
    from django.core.paginator import Paginator
    from modelsearch.backends import get_search_backends
    from modelsearch.index import get_indexed_models
    from wagtail.models import Page

    page_models = [model for model in get_indexed_models() if issubclass(model, Page)]
    for backend in get_search_backends():
        for model in page_models:
            new = model.get_indexed_objects().filter(pk__gt=last_pk).order_by("pk")
            for chunk in Paginator(new, 1000):
                if chunk.object_list:
                    backend.add_bulk(model, list(chunk.object_list))


def check_seeded():
    """In a quick run: the sizes, or one clear line when a full run has not seeded the database."""
    from django.db import DatabaseError

    try:
        sizes = dataset_sizes()
    except DatabaseError as error:
        message = f"The bench database is not ready ({error}); run `make bench` once."
        raise SystemExit(message) from None
    short = [name for name, wanted in SIZES.items() if sizes[name] < wanted]
    if short:
        raise SystemExit(
            f"The bench database lacks {', '.join(short)}; run `make bench` once to seed it."
        )
    return sizes


def main():
    django.setup()
    if QUICK:
        print_result(check_seeded())
        return
    from django.core.management import call_command
    from django.db import connection

    from knowledge.management.commands.seed_scale import refresh_planner_statistics

    call_command("migrate", "--noinput", verbosity=0)
    call_command("load_demo", verbosity=0)
    options = missing_pages(dataset_sizes())
    if options:
        last_pk = last_page_pk()
        call_command("seed_scale", verbosity=0, **options)
        index_pages_after(last_pk)
    event = bench_event().canonical_event()
    missing = SIZES["registrations"] - event.registrations.count()
    if missing > 0:
        add_registrations(event, missing)
    lesson = bench_lesson()
    missing = SIZES["lesson_comments"] - public_comment_count(lesson)
    if missing > 0:
        add_lesson_comments(lesson, missing)
    # Also for a database seeded before seed_scale refreshed the statistics itself.
    refresh_planner_statistics(connection)
    if connection.vendor == "postgresql":
        # What autovacuum does soon after a bulk load in production (this server may run
        # without it): the dead row versions the seeding left are cleared, so scans of the
        # search index and the pages read live rows only.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    print_result(dataset_sizes())


if __name__ == "__main__":
    main()
