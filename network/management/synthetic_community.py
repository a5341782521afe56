"""Word lists and generators for synthetic members, topics and comments, used by `seed_scale`.

Every choice goes through the `random.Random` passed in, so a seed always gives the same
texts. Like the synthetic lessons they are plausible rather than true: they fill benchmarks.
"""

from dataclasses import dataclass

from knowledge.management.synthetic_lessons import APPROACHES, PLACES, TOPICS

FIRST_NAMES = [
    "An", "Bart", "Els", "Tom", "Sofie", "Pieter", "Lotte", "Jan", "Katrien", "Wim", "Nele",
    "Koen", "Inge", "Dries", "Hanne", "Stijn", "Marie", "Luc", "Fien", "Joris",
]  # fmt: skip
LAST_NAMES = [
    "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens",
    "Wouters", "De Smet", "Dubois", "Lambert", "Hermans", "Aerts", "Van den Broeck",
]  # fmt: skip
ROLES = [
    "Aankoper",
    "Duurzaamheidsambtenaar",
    "Projectleider gebouwen",
    "Diensthoofd facilitair beheer",
    "Milieuambtenaar",
    "Adviseur circulaire economie",
]

QUESTIONS = [
    "Hoe pakken jullie {subject} aan?",
    "Ervaringen met {subject}?",
    "Wie heeft al een bestek voor {subject}?",
    "{subject}: welke gunningscriteria werken?",
    "Partners gezocht voor {subject} in {place}",
]
CONTEXTS = [
    "Wij bereiden in {place} een nieuwe aankoop voor en willen dat {approach} doen.",
    "Ons bestuur vraagt om {subject} mee te nemen in de volgende opdracht.",
    "Na een eerste proef in {place} zoeken we hoe we dit breder kunnen uitrollen.",
]
ASKS = [
    "Wie heeft hier ervaring mee en wil die delen?",
    "Welke valkuilen moeten we vermijden?",
    "Zijn er voorbeelden van bestekken die we mogen hergebruiken?",
    "Hoe hebben jullie de markt vooraf bevraagd?",
]
REMARKS = [
    "Bij ons werkte een **marktconsultatie** vooraf heel goed.",
    "Let op de looptijd van het contract: te kort maakt terugname duur.",
    "Wij hebben de leverancier gevraagd om jaarlijks te rapporteren.",
    "Een apart perceel voor hergebruik trok nieuwe spelers aan.",
    "De gebruikers betrekken vanaf het begin maakte het verschil.",
    "We hebben de levensduurkosten berekend in plaats van enkel de aankoopprijs.",
    "Samen aankopen met buurgemeenten gaf ons meer gewicht bij de leveranciers.",
    "Vraag zeker naar referenties van vergelijkbare opdrachten.",
]
REPLIES = [
    "Goed punt, dat nemen we mee.",
    "Dat herken ik, bij ons ging het net zo.",
    "Mag ik je daarover eens contacteren?",
    "Interessant! Hoe lang liep die opdracht?",
    "Bedankt voor het delen.",
]
FRENCH_REMARKS = [
    "Chez nous, une consultation du marché préalable a bien fonctionné.",
    "Attention à la durée du contrat : trop courte, la reprise coûte cher.",
    "Merci pour le partage, c'est très utile.",
]
FRENCH_SHARE = 0.1  # about one comment in ten is written in French


@dataclass
class SyntheticMember:
    display_name: str
    role: str


@dataclass
class SyntheticTopic:
    title: str
    body: str
    theme_slug: str


@dataclass
class SyntheticComment:
    text: str
    language: str


def synthetic_member(rng):
    name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    return SyntheticMember(display_name=name, role=rng.choice(ROLES))


def synthetic_topic(rng):
    subject, theme_slug = rng.choice(TOPICS)
    words = {
        "subject": subject[0].lower() + subject[1:],
        "place": rng.choice(PLACES),
        "approach": rng.choice(APPROACHES),
    }
    title = rng.choice(QUESTIONS).format(**words)
    body = f"{rng.choice(CONTEXTS).format(**words)} {rng.choice(ASKS)}"
    return SyntheticTopic(title=title[0].upper() + title[1:], body=body, theme_slug=theme_slug)


def synthetic_comment(rng, reply=False):
    if rng.random() < FRENCH_SHARE:
        return SyntheticComment(text=rng.choice(FRENCH_REMARKS), language="fr")
    if reply:
        return SyntheticComment(text=rng.choice(REPLIES), language="nl")
    sentences = rng.sample(REMARKS, rng.choice((1, 1, 2)))
    return SyntheticComment(text=" ".join(sentences), language="nl")
