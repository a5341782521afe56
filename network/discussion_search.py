"""Search within the discussions: topics and the comments in their threads.

Works on every search backend (the database backends and the search engines) through the
same calls as the site search (home/search.py): the backend ranks topics and comments, each
query word matching itself or its stem in the reader's language. A topic is found by its
title and text or by a comment in its thread; it is listed once, in the reader's language
where translated (the forum is shared by every language), with the comments that matched.
What is shown is read from the database, so a comment removed or still waiting for a
moderator is never shown, whatever the index still holds. A fixed number of queries
whatever the number of matches.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from home.search import (
    best_pks,
    clean_query,
    highlight,
    run_page_search,
    shared_topic_scope,
    snippet,
    stem_terms,
)
from home.search_index import public_pages
from home.text_analysis import stemmed_query
from network.models import DiscussionComment, TopicPage, shared_topics

PER_PAGE = 20
# The best matches of each kind that are looked at; enough for every reader who pages on.
MAX_MATCHES = 200
COMMENTS_PER_TOPIC = 3
SNIPPET_LENGTH = 200


@dataclass
class TopicHit:
    topic: object
    title: object
    snippet: object
    comments: list = field(default_factory=list)


@dataclass
class DiscussionSearch:
    query: str
    total: int = 0
    page_obj: object = None


def _topic_pks(query, locale):
    """Ranked ids of the live, public topics (one per translation group) whose title or text
    matches, and the operator that found them ("and", else "or")."""
    scope = public_pages().filter(shared_topic_scope(locale))
    results, _counts, operator, _matches = run_page_search(scope, query, locale.language_code)
    return best_pks(results, MAX_MATCHES), operator


def _comment_pks(query, locale, operator):
    """Ranked ids of published comments in topic threads that match."""
    comments = DiscussionComment.objects.filter(
        content_type=ContentType.objects.get_for_model(TopicPage),
        is_public=True,
        is_removed=False,
    )
    results = get_search_backend().search(
        stemmed_query(query, locale.language_code, operator), comments
    )
    return best_pks(results, MAX_MATCHES)


def search_discussions(raw_query, locale, page_number=1):
    """One page of the topics that match `raw_query`, best first: those found by their own
    words, then those found by a comment, each in `locale` where translated."""
    query = clean_query(raw_query)
    outcome = DiscussionSearch(query=query)
    if not query:
        return outcome
    terms = stem_terms(query, locale.language_code)
    topic_pks, operator = _topic_pks(query, locale)
    comment_pks = _comment_pks(query, locale, operator)

    comments = {
        comment.pk: comment
        for comment in DiscussionComment.objects.filter(
            pk__in=comment_pks,
            content_type=ContentType.objects.get_for_model(TopicPage),
            is_public=True,
            is_removed=False,
        )
    }
    # Threads belong to a topic's original page; readers are shown their language's page.
    thread_keys = dict(
        Page.objects.filter(
            pk__in={int(comment.object_pk) for comment in comments.values()}
        ).values_list("pk", "translation_key")
    )
    found_keys = dict(Page.objects.filter(pk__in=topic_pks).values_list("pk", "translation_key"))
    listed = {
        topic.translation_key: topic
        for topic in shared_topics(locale.pk)
        .filter(translation_key__in={*thread_keys.values(), *found_keys.values()})
        .select_related("locale", "theme")
    }

    hits = {}
    for pk in topic_pks:
        topic = listed.get(found_keys.get(pk))
        if topic is not None and topic.translation_key not in hits:
            hits[topic.translation_key] = _topic_hit(topic, terms)
    for pk in comment_pks:
        comment = comments.get(pk)
        if comment is None:
            continue
        topic = listed.get(thread_keys.get(int(comment.object_pk)))
        if topic is None:
            continue
        hit = hits.setdefault(topic.translation_key, _topic_hit(topic, terms))
        if len(hit.comments) < COMMENTS_PER_TOPIC:
            hit.comments.append(
                {
                    "comment": comment,
                    "snippet": snippet(comment.comment, terms, SNIPPET_LENGTH),
                    "url": f"{topic.url}#comment-{comment.pk}",
                }
            )
    outcome.total = len(hits)
    outcome.page_obj = Paginator(list(hits.values()), PER_PAGE).get_page(page_number)
    return outcome


def _topic_hit(topic, terms):
    return TopicHit(
        topic=topic,
        title=highlight(topic.title, terms),
        snippet=snippet(topic.body, terms, SNIPPET_LENGTH),
    )
