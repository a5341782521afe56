"""Bad input on every public URL, query parameter and form never makes the site fail.

Hypothesis throws text at the listings, search, exports, feeds, the API and the forms:
unicode, control characters and NUL bytes, very long strings, search-engine and SQL
operators, negative and huge numbers, unknown and repeated parameters. Any answer below 500
passes (a 4xx, or a form shown again with its errors); an exception fails the test, since
the test client raises what the view raised. Examples are derived from the test's name, so a
run is repeatable; the rate limits and page caches are emptied before each example.
"""

from urllib.parse import quote, urlencode

import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from tests.events.factories import REGISTRATION_FORM

pytestmark = pytest.mark.django_db


def fuzz(max_examples):
    return hypothesis_settings(
        max_examples=max_examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


# -- what is thrown --------------------------------------------------------------------------

NASTY = [
    "",
    "0",
    "-1",
    "1.5",
    "1e308",
    "NaN",
    "²",  # a digit to str.isdigit(), not to int()
    "١٢",
    "٣",
    str(2**63),
    str(-(2**63) - 1),
    "9" * 400,
    "' OR '1'='1' --",
    "1; DROP TABLE wagtailcore_page",
    '"',
    '"unclosed phrase',
    "*",
    "a*",
    "-",
    "NOT",
    "AND OR",
    "NEAR(a b)",
    "title:meubels",
    "^",
    "()",
    "\\",
    "%",
    "_",
    "\x00",
    "a\x00b",
    "\r\n",
    "\u202e",
    "\ufeff",
    "<script>alert(1)</script>",
    "{{ 7*7 }}",
    "../../etc/passwd",
    "a" * 5000,
    "home.HomePage",
    "wagtailcore.Page",
    "knowledge.LessonPage",
    "auth.User",
    "*,-title",
    "-title",
    "_,id",
    "random",
    "-id",
    "nl",
    "xx",
    "lesson",
    "meubilair",
    "stad-gent",
    "tender",
    "yes",
]
# Values that break number parsing, databases and search parsers; every listing, API
# parameter and form field gets each of them, besides what Hypothesis draws.
KNOWN_BAD = [
    "",
    "-1",
    "²",
    "NaN",
    str(10**20),
    str(2**63),
    "a\x00b",
    '"',
    "a* OR NOT (b",
    "' OR 1=1 --%_",
    "x" * 3000,
    "\u202e<script>alert(1)</script>",
]
values = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=40),
    st.text(min_size=300, max_size=2000),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
)
param_names = st.text(min_size=1, max_size=12)


def query_strings(names):
    """Query strings of known and unknown parameters, some repeated, in any order."""
    name = st.one_of(st.sampled_from(names), param_names) if names else param_names
    return st.lists(st.tuples(name, values), max_size=6).map(urlencode)


def form_data(valid):
    """POST data: each field valid, nasty, repeated or missing, plus unknown fields."""
    field_values = {
        name: st.one_of(st.just(value), values, st.lists(values, min_size=2, max_size=3))
        for name, value in valid.items()
    }
    known = st.fixed_dictionaries({}, optional=field_values)
    extra = st.dictionaries(param_names, values, max_size=2)
    return st.builds(lambda a, b: {**b, **a}, known, extra)


def request_ok(client, method, url, data=None):
    """Send one request; a server error or an exception fails with the request in the message."""
    try:
        response = getattr(client, method)(url, data)
    except Exception as error:
        raise AssertionError(f"{method.upper()} {url} {data!r} raised {error!r}") from error
    assert response.status_code < 500, f"{method.upper()} {url} {data!r}: {response.status_code}"


# -- GET: listings, search, exports, feeds, the API, ids, slugs and tokens in URLs --------

LISTINGS = {
    "/nl/kennisbank/": ["type", "theme", "phase", "organisation", "year", "sort", "page"],
    "/fr/base-de-connaissances/": ["type", "theme", "phase", "organisation", "year", "page"],
    "/nl/kennisbank/themes/meubilair/": ["page"],
    "/nl/kennisbank/clauses/": ["theme", "phase", "kind"],
    "/nl/kennisbank/feed/": [],
    "/nl/kennisbank/open-data/examples/csv/": [],
    "/nl/kennisbank/open-data/clauses/json/": [],
    "/nl/search/": ["q", "type", "theme", "page"],
    "/en/search/": ["q", "type", "theme", "page"],
    "/nl/search/autocomplete/": ["q"],
    "/nl/organisations/": ["type", "green_deal", "region", "page"],
    "/nl/discussies/": ["theme", "page"],
    "/nl/agenda/": ["kind", "theme", "when", "page"],
    "/nl/agenda/ical/": [],
    "/nl/agenda/kansen-en-drempels/": ["kind", "theme", "page"],
    "/nl/agenda/studiedag/": [],
    "/nl/agenda/studiedag/register/": [],
    "/nl/accounts/login/": ["next"],
    "/nl/accounts/signup/": ["next"],
    "/sitemap.xml": [],
}


API_PARAMS = {
    "/api/v2/pages/": [
        "type",
        "fields",
        "order",
        "limit",
        "offset",
        "search",
        "search_operator",
        "locale",
        "translation_of",
        "child_of",
        "ancestor_of",
        "descendant_of",
        "id",
        "slug",
        "title",
        "show_in_menus",
        "html_path",
        "format",
    ],
    "/api/v2/pages/find/": ["html_path", "id", "fields", "type"],
    "/api/v2/images/find/": ["id"],
    "/api/v2/images/": ["fields", "order", "limit", "offset", "search", "id", "title"],
    "/api/v2/documents/": ["fields", "order", "limit", "offset", "search", "id", "title"],
}


PATHS = [
    "/nl/members/{number}/",
    "/nl/organisations/{slug}/",
    "/nl/kennisbank/clauses/{slug}/",
    "/nl/kennisbank/clauses/{slug}/text/",
    "/nl/kennisbank/themes/{slug}/",
    "/nl/agenda/studiedag/manage/{text}/",
    "/nl/community/unfollow/{text}/",
    "/nl/{text}/",
    "/api/v2/pages/{number}/",
    "/api/v2/images/{number}/",
    "/documents/{number}/{text}",
]
numbers = st.one_of(st.integers(min_value=0, max_value=10**30), st.sampled_from([0, 2**63]))
slugs = st.from_regex(r"[-a-zA-Z0-9_]{1,300}", fullmatch=True)


def fill_path(template, number, slug, text):
    return template.format(number=number, slug=slug, text=quote(text, safe=""))


def get_urls():
    """A listing or API URL with a query string, or a URL with a nasty id, slug or token."""
    query_params = {**LISTINGS, **API_PARAMS}
    with_query = st.sampled_from(sorted(query_params)).flatmap(
        lambda path: query_strings(query_params[path]).map(lambda query: f"{path}?{query}")
    )
    with_segment = st.builds(
        fill_path, st.sampled_from(PATHS), numbers, slugs, st.text(min_size=1, max_size=300)
    )
    return st.one_of(with_query, with_segment)


@fuzz(max_examples=200)
@given(url=get_urls())
def test_get_requests_never_fail(client, public_site, url):
    cache.clear()
    request_ok(client, "get", url)


# -- POST: the public forms ------------------------------------------------------------------------

ANONYMOUS_FORMS = {
    "/nl/agenda/studiedag/register/": {
        **REGISTRATION_FORM,
        "dietary_needs": "Vegetarisch",
        "accessibility_needs": "",
    },
    "/nl/agenda/studiedag/manage/{secret}/": {"action": "cancel", "slot_1": ""},
    "/nl/accounts/signup/": {
        "email": "nieuw@gent.be",
        "password1": "circulair-2026-aankoop",
        "password2": "circulair-2026-aankoop",
    },
    "/nl/accounts/login/": {"login": "member0@gent.be", "password": "x", "remember": "on"},
    "/nl/accounts/password/reset/": {"email": "member0@gent.be"},
}

MEMBER_FORMS = {
    "/nl/community/pages/{page}/comments/": {"comment": "Goed idee.", "parent": "", "website": ""},
    "/nl/community/pages/{page}/follow/": {"follow": "0"},
    "/nl/community/comments/{comment}/edit/": {"comment": "Aangepast."},
    "/nl/community/comments/{comment}/like/": {},
    "/nl/community/comments/{comment}/flag/": {},
    "/nl/community/comments/{number}/flag/": {},
    "/nl/community/pages/{number}/comments/": {"comment": "Hallo"},
    "/nl/discussies/new/": {"title": "Een vraag", "theme": "", "body": "Wie?", "website": ""},
    "/nl/members/me/": {
        "display_name": "An",
        "organisation": "",
        "role": "Aankoper",
        "bio": "",
        "themes": "",
        "preferred_language": "nl",
        "notify_replies": "on",
        "notify_mentions": "on",
        "weekly_digest": "",
    },
}


def form_posts(forms):
    """A form's URL template with POST data for it, and a number for ids in the URL."""
    return st.sampled_from(sorted(forms)).flatmap(
        lambda url: st.tuples(st.just(url), form_data(forms[url]), numbers)
    )


@fuzz(max_examples=100)
@given(post=form_posts(ANONYMOUS_FORMS))
def test_anonymous_forms_never_fail(client, public_site, post):
    cache.clear()
    url, data, _ = post
    url = url.format(secret=public_site.registration.manage_secret)
    request_ok(client, "post", url, data)


@fuzz(max_examples=100)
@given(post=form_posts(MEMBER_FORMS))
def test_member_forms_never_fail(client, public_site, settings, post):
    cache.clear()
    # Reach the checks behind the per-member limit on comments and topics.
    settings.COMMUNITY_COMMENT_RATE = (10**6, 600)
    client.force_login(public_site.member)
    template, data, number = post
    comment = public_site.comment
    url = template.format(page=comment.object_pk, comment=comment.pk, number=number)
    request_ok(client, "post", url, data)


# -- every known bad value in every parameter and field ----------------------------------------


def test_every_listing_parameter_takes_every_known_bad_value(client, public_site):
    for path, names in LISTINGS.items():
        for value in KNOWN_BAD:
            cache.clear()
            request_ok(client, "get", f"{path}?{urlencode([(n, value) for n in names or ['q']])}")


def test_every_api_parameter_takes_every_known_bad_value(client, public_site):
    # One parameter at a time: the API stops at the first value it refuses.
    for path, names in API_PARAMS.items():
        for name in names:
            for value in KNOWN_BAD:
                request_ok(client, "get", f"{path}?{urlencode({name: value})}")


def known_bad_posts(forms, **ids):
    for template, fields in forms.items():
        url = template.format(number=2**63, **ids)
        for value in KNOWN_BAD:
            # A filled-in honeypot ends the request before the other fields are read.
            yield url, {name: value for name in fields if name != "website"}


def test_every_form_field_takes_every_known_bad_value(client, public_site, settings):
    settings.COMMUNITY_COMMENT_RATE = (10**6, 600)
    secret = public_site.registration.manage_secret
    for url, data in known_bad_posts(ANONYMOUS_FORMS, secret=secret):
        cache.clear()
        request_ok(client, "post", url, data)
    client.force_login(public_site.member)
    comment = public_site.comment
    for url, data in known_bad_posts(MEMBER_FORMS, page=comment.object_pk, comment=comment.pk):
        cache.clear()
        request_ok(client, "post", url, data)
