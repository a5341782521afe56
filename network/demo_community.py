"""Demo content for the community: ten members of the demo organisations, threads with
replies on several knowledge and work-session pages, a Discussions page per language and
four topics.

Idempotent: members are found by username, pages by slug under their parent, comments by
author, thread and text; nothing that exists is changed. Demo members have no password.
"""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone

from network.demo.localize import Glossary, T, get_locale, translate
from network.models import (
    DiscussionComment,
    DiscussionIndexPage,
    MemberProfile,
    Organisation,
    ThreadFollow,
    TopicPage,
)

DISCUSSIONS_PAGE = {
    "title": T(nl="Discussies", fr="Discussions", en="Discussions"),
    "slug": T(nl="discussies", fr="discussions", en="discussions"),
    "intro": T(
        nl="Stel een vraag aan het netwerk of deel wat je leerde.",
        fr="Posez une question au réseau ou partagez ce que vous avez appris.",
        en="Ask the network a question or share what you learned.",
    ),
}

# username, name, organisation, role, language, followed theme slugs (Dutch), trusted
MEMBERS = [
    (
        "an.peeters",
        "An Peeters",
        "Stad Gent",
        "Aankoper facilitair beheer",
        "nl",
        ["meubilair"],
        True,
    ),
    ("bart.claes", "Bart Claes", "Stad Leuven", "Duurzaamheidsambtenaar", "nl", ["ict"], True),
    (
        "els.janssens",
        "Els Janssens",
        "Stad Mechelen",
        "Projectleider gebouwen",
        "nl",
        ["bouwmaterialen"],
        True,
    ),
    (
        "marie.dubois",
        "Marie Dubois",
        "Stad Kortrijk",
        "Acheteuse publique",
        "fr",
        ["verlichting"],
        True,
    ),
    ("tom.desmet", "Tom De Smet", "Gemeente Herzele", "Milieuambtenaar", "nl", ["catering"], False),
    (
        "sofie.maes",
        "Sofie Maes",
        "Vlaanderen Circulair",
        "Programmamanager",
        "nl",
        ["meubilair", "ict"],
        True,
    ),
    (
        "pieter.willems",
        "Pieter Willems",
        "Federatie Hergebruik Bouwmaterialen",
        "Adviseur",
        "nl",
        ["bouwmaterialen"],
        True,
    ),
    (
        "julie.lambert",
        "Julie Lambert",
        "Tweede Ronde Kantoorinrichting",
        "Account manager",
        "fr",
        ["meubilair"],
        False,
    ),
    ("koen.mertens", "Koen Mertens", "Refurb IT Vlaanderen", "Zaakvoerder", "nl", ["ict"], True),
    (
        "emma.wouters",
        "Emma Wouters",
        "Kenniscentrum Circulair Aankopen",
        "Onderzoeker",
        "en",
        ["energie"],
        True,
    ),
]

# (page finder, [(author, language, text, [(author, language, reply)])])
THREADS = [
    (
        ("lesson", 0),
        [
            (
                "an.peeters",
                "nl",
                "Wij hebben dit ook geprobeerd in Gent. "
                "De **marktconsultatie** vooraf maakte het verschil.",
                [
                    (
                        "bart.claes",
                        "nl",
                        "Hoeveel leveranciers kwamen er op jullie consultatie af?",
                    ),
                    ("an.peeters", "nl", "Een tiental, waarvan vier met een terugnamemodel."),
                ],
            ),
            (
                "marie.dubois",
                "fr",
                "Très intéressant. À Courtrai, nous avons ajouté une clause de reprise au contrat.",
                [("sofie.maes", "nl", "Mooi! Kan je de clausule delen in de clausulebibliotheek?")],
            ),
        ],
    ),
    (
        ("lesson", 1),
        [
            (
                "els.janssens",
                "nl",
                "Een inventaris van herbruikbare elementen vóór de sloop is echt een must.",
                [
                    (
                        "pieter.willems",
                        "nl",
                        "Eens. Wij helpen gemeenten daar graag bij, @els.janssens.",
                    )
                ],
            ),
        ],
    ),
    (
        ("example", 0),
        [
            (
                "emma.wouters",
                "en",
                "Do you have figures on the *total cost of ownership* compared with buying new?",
                [
                    (
                        "julie.lambert",
                        "fr",
                        "Oui, environ 30 % moins cher sur cinq ans dans notre cas.",
                    )
                ],
            ),
        ],
    ),
    (
        ("pilot", 0),
        [("tom.desmet", "nl", "Hoe lang duurde de ontwerpworkshop voor dit gebouw?", [])],
    ),
    (
        ("work_session", "werksessie-ict"),
        [
            (
                "koen.mertens",
                "nl",
                "Gerefurbishte laptops halen vandaag dezelfde garanties als nieuwe.",
                [("bart.claes", "nl", "Dat was ook onze ervaring in Leuven.")],
            ),
        ],
    ),
]

TOPICS = [
    (
        "hoe-formuleerde-je-de-terugnameclausule-voor-meubilair",
        "Hoe formuleerde je de terugnameclausule voor meubilair?",
        "meubilair",
        "an.peeters",
        "We schrijven een bestek voor bureaumeubilair uit. Wie heeft een terugnameclausule die "
        "werkte in de praktijk?",
        [
            (
                "julie.lambert",
                "fr",
                "Nous proposons une reprise à valeur résiduelle fixée au contrat.",
            ),
            ("sofie.maes", "nl", "Kijk zeker in de clausulebibliotheek onder **Meubilair**."),
        ],
    ),
    (
        "product-as-a-service-voor-verlichting-ervaringen",
        "Product-as-a-service voor verlichting: ervaringen?",
        "verlichting",
        "marie.dubois",
        "Welke looptijd kozen jullie voor een lichtabonnement, "
        "en hoe regelden jullie het onderhoud?",
        [("els.janssens", "nl", "Wij kozen vijftien jaar, met onderhoud inbegrepen.")],
    ),
    (
        "hergebruik-van-bouwmaterialen-in-een-raamcontract",
        "Hergebruik van bouwmaterialen in een raamcontract",
        "bouwmaterialen",
        "pieter.willems",
        "Kan je hergebruikte materialen opnemen in een raamcontract voor onderhoud van gebouwen?",
        [("els.janssens", "nl", "Ja, met een apart perceel voor gerecupereerde materialen.")],
    ),
    (
        "refurbished-ict-en-de-garantietermijn",
        "Refurbished ICT en de garantietermijn",
        "ict",
        "bart.claes",
        "Welke garantietermijn vragen jullie voor gerefurbishte laptops?",
        [("koen.mertens", "nl", "Drie jaar is haalbaar voor de meeste toestellen.")],
    ),
]


def ensure_members():
    User = get_user_model()
    nl = get_locale("nl")
    from knowledge.models import Theme

    themes = {theme.slug: theme for theme in Theme.objects.filter(locale=nl)}
    organisations = {o.name: o for o in Organisation.objects.all()}
    users = {}
    for username, name, organisation, role, language, theme_slugs, trusted in MEMBERS:
        email = f"{username}@example.org"
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(username=username, email=email, first_name=name)
            user.set_unusable_password()
            user.save()
            EmailAddress.objects.get_or_create(
                user=user, email=email, defaults={"verified": True, "primary": True}
            )
        profile, created = MemberProfile.objects.get_or_create(
            user=user,
            defaults={
                "display_name": name,
                "organisation": organisations.get(organisation),
                "role": role,
                "preferred_language": language,
                "trusted": trusted,
            },
        )
        if created:
            profile.themes.set([themes[slug] for slug in theme_slugs if slug in themes])
        users[username] = user
    return users


def ensure_discussions_page(home):
    glossary = Glossary()
    slug = glossary.add(DISCUSSIONS_PAGE["slug"])
    page = home.get_children().filter(slug=slug).specific().first()
    if page is None:
        page = DiscussionIndexPage(
            title=glossary.add(DISCUSSIONS_PAGE["title"]),
            slug=slug,
            intro=glossary.add(DISCUSSIONS_PAGE["intro"]),
            show_in_menus=True,
        )
        home.add_child(instance=page)
        page.save_revision().publish()
    else:
        glossary.add(DISCUSSIONS_PAGE["title"])
        glossary.add(DISCUSSIONS_PAGE["intro"])
    missing = tuple(
        language
        for language in ("fr", "en")
        if page.get_translation_or_none(get_locale(language)) is None
    )
    if missing:
        translate(page, glossary, languages=missing)
    return page


def find_page(kind, key):
    from agenda.models import WorkSessionPage
    from knowledge.models import LessonPage, PilotCasePage, PracticeExamplePage

    nl = get_locale("nl")
    if kind == "work_session":
        return WorkSessionPage.objects.live().filter(locale=nl, slug=key).first()
    model = {"lesson": LessonPage, "example": PracticeExamplePage, "pilot": PilotCasePage}[kind]
    pages = list(model.objects.live().filter(locale=nl).order_by("path")[: key + 1])
    return pages[key] if len(pages) > key else None


def ensure_comment(user, page, language, text, parent=None):
    """The comment with this author and text in the page's thread, created if missing."""
    content_type = ContentType.objects.get_for_id(page.content_type_id)
    thread = Q(content_type=content_type, object_pk=str(page.pk))
    existing = DiscussionComment.objects.filter(thread, user=user, comment=text).first()
    if existing is not None:
        return existing
    comment = DiscussionComment(
        content_type=content_type,
        object_pk=str(page.pk),
        site_id=1,
        user=user,
        user_name=user.first_name[:50],
        user_email=user.email,
        comment=text,
        submit_date=timezone.now(),
        is_public=True,
        parent_id=parent.pk if parent else 0,
        language=language,
        followup=True,
    )
    comment.save()
    ThreadFollow.objects.get_or_create(user=user, page=page)
    return comment


def ensure_thread(page, comments, users):
    for author, language, text, replies in comments:
        top = ensure_comment(users[author], page, language, text)
        for reply_author, reply_language, reply_text in replies:
            ensure_comment(users[reply_author], page, reply_language, reply_text, parent=top)


def ensure_topics(index, users):
    from knowledge.models import Theme

    themes = {theme.slug: theme for theme in Theme.objects.filter(locale=index.locale)}
    for slug, title, theme_slug, author, body, replies in TOPICS:
        topic = index.get_children().filter(slug=slug).specific().first()
        if topic is None:
            topic = TopicPage(
                title=title,
                slug=slug,
                theme=themes.get(theme_slug),
                body=body,
                author=users[author],
                owner=users[author],
            )
            index.add_child(instance=topic)
            topic.save_revision(user=users[author]).publish(skip_permission_checks=True)
            topic.refresh_from_db()
        for reply_author, language, text in replies:
            ensure_comment(users[reply_author], topic, language, text)
        count = DiscussionComment.objects.filter(
            object_pk=str(topic.pk), is_public=True, is_removed=False
        ).count()
        if topic.comment_count != count:
            TopicPage.objects.filter(pk=topic.pk).update(comment_count=count)


def load():
    from home.demo import ensure_home_page

    home = ensure_home_page()
    users = ensure_members()
    index = ensure_discussions_page(home)
    for (kind, key), comments in THREADS:
        page = find_page(kind, key)
        if page is not None:
            ensure_thread(page, comments, users)
    ensure_topics(index, users)
