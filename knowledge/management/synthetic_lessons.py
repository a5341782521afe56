"""Word lists and a generator for synthetic Dutch lessons, used by `seed_scale`.

Every choice goes through the `random.Random` passed in, so a seed always gives the same
lessons. The sentences are plausible rather than true: they exist to fill benchmarks.
"""

import datetime
from dataclasses import dataclass

# (topic, theme slug): the theme a topic belongs to, so filters give sensible results.
TOPICS = [
    ("Hergebruik van binnendeuren", "bouwmaterialen"),
    ("Systeemplafonds uit een kantoorstrip-out", "bouwmaterialen"),
    ("Tweedehands dakpannen", "bouwmaterialen"),
    ("Gerecycleerd beton in fietspaden", "bouwmaterialen"),
    ("Modulaire schoolpaviljoens", "bouwmaterialen"),
    ("Refurbished laptops", "ict"),
    ("Smartphones met een langere levensduur", "ict"),
    ("Printers als dienst", "ict"),
    ("Terugname van afgeschreven servers", "ict"),
    ("Herstoffeerde bureaustoelen", "meubilair"),
    ("Tweedehands kantoormeubilair", "meubilair"),
    ("Schoolmeubilair uit gerecycleerd hout", "meubilair"),
    ("Een intern deelplatform voor meubilair", "meubilair"),
    ("Licht als dienst", "verlichting"),
    ("Herbruikbare ledarmaturen", "verlichting"),
    ("Slimme straatverlichting", "verlichting"),
    ("Herbruikbaar servies", "catering"),
    ("Minder voedselverlies in schoolrestaurants", "catering"),
    ("Lokale seizoensmaaltijden", "catering"),
    ("Werkkledij met gerecycleerde vezels", "textiel"),
    ("Herstelbare uniformen", "textiel"),
    ("Gordijnen uit oud textiel", "textiel"),
    ("Restwarmte uit een zwembad", "energie"),
    ("Een gedeelde warmtepomp", "energie"),
    ("Zonnepanelen op een leegstaand gebouw", "energie"),
]

APPROACHES = [
    "via een marktconsultatie",
    "met een apart perceel",
    "met een terugnameclausule",
    "op basis van levensduurkosten",
    "samen met buurgemeenten",
    "met een functionele vraag",
    "via een raamovereenkomst",
    "na een proefopstelling",
    "met een gunningscriterium voor hergebruik",
    "met een jaarlijkse opvolging",
]

PLACES = [
    "Aalst", "Antwerpen", "Beveren", "Brugge", "Dendermonde", "Diest", "Eeklo", "Genk",
    "Geel", "Gent", "Hasselt", "Herentals", "Herzele", "Ieper", "Kortrijk", "Lier", "Leuven",
    "Lokeren", "Mechelen", "Menen", "Mol", "Ninove", "Oostende", "Oudenaarde", "Roeselare",
    "Ronse", "Sint-Niklaas", "Tielt", "Tienen", "Tongeren", "Torhout", "Turnhout", "Veurne",
    "Vilvoorde", "Waregem", "Wetteren", "Zottegem",
]  # fmt: skip

GOALS = [
    "wilde de afvalberg bij een renovatie verkleinen",
    "zocht een manier om minder nieuw materiaal aan te kopen",
    "wilde leveranciers uitdagen met een circulaire vraag",
    "moest een verouderd contract vernieuwen",
    "wilde de totale kost van een aankoop beter in beeld brengen",
    "zocht partners om samen meer volume te halen",
]

FINDINGS = [
    "De markt bleek verder te staan dan verwacht.",
    "Niet elke leverancier kon de gevraagde aantallen garanderen.",
    "De gebruikers waren na een korte proef overtuigd.",
    "De financiële dienst moest anders leren begroten.",
    "De opvolging van het contract vroeg meer tijd dan gepland.",
    "Een eenvoudige rapportage maakte het resultaat zichtbaar.",
]

CONTEXTS = [
    "Het bestuur stond voor een vervangingsronde en had weinig ervaring met circulaire aankopen.",
    "De vorige aankoop was gegund op de laagste prijs en leverde veel afval op.",
    "Het team wilde een voorbeeld uit het netwerk op kleinere schaal uitproberen.",
    "De gemeenteraad had circulair aankopen opgenomen in het klimaatplan.",
    "Een leegstaand gebouw moest snel opnieuw in gebruik worden genomen.",
    "De bestaande raamovereenkomst liep af en moest opnieuw worden uitgeschreven.",
]

SUCCESSES = [
    "Een marktconsultatie bracht nieuwe aanbieders in beeld.",
    "Gebruikers testten het aanbod vooraf en gaven concrete feedback.",
    "Het bestek vroeg een prestatie in plaats van een product.",
    "Een gunningscriterium voor hergebruik maakte het verschil tussen de offertes.",
    "De leverancier bleef eigenaar en zorgde zelf voor onderhoud.",
    "Een jaarlijks opvolgingsgesprek hield de afspraken levend.",
]

BARRIERS = [
    "De begrotingsregels pasten niet bij een jaarlijkse vergoeding.",
    "Garanties op hergebruikte materialen bleven onduidelijk.",
    "Het aanbod was te klein voor de gevraagde aantallen.",
    "De planning liet weinig ruimte voor zorgvuldige demontage.",
    "De kennis over de clausules ging verloren bij de overdracht naar de contractbeheerder.",
    "Gegevensveiligheid zorgde voor terughoudendheid bij de informaticadienst.",
]

ADVICE = [
    "Betrek de financiële dienst al bij de behoefteanalyse.",
    "Plan het eerste opvolgingsmoment al bij de gunning.",
    "Begin klein en breid uit wanneer de markt volgt.",
    "Vraag een functie, geen productlijst.",
    "Werk samen met buurgemeenten om volume te bundelen.",
    "Leg in het bestek vast wie welke garantie draagt.",
]

FIRST_DATE = datetime.date(2018, 1, 1)


@dataclass
class SyntheticLesson:
    title: str
    summary: str
    context: str
    what_worked: str
    barriers: str
    recommendations: str
    theme_slugs: list
    phase: str
    evidence_source: str
    publication_date: datetime.date
    last_reviewed: datetime.date | None


def paragraphs(rng, sentences, count=2):
    return "".join(f"<p>{sentence}</p>" for sentence in rng.sample(sentences, count))


def random_date(rng, start, end):
    return start + datetime.timedelta(days=rng.randint(0, max((end - start).days, 0)))


def synthetic_lesson(rng, phases, evidence_sources, today):
    """One lesson's texts, themes, phase and dates, all drawn from `rng`."""
    topic, theme_slug = rng.choice(TOPICS)
    place = rng.choice(PLACES)
    theme_slugs = [theme_slug]
    if rng.random() < 0.3:
        extra = rng.choice(TOPICS)[1]
        if extra != theme_slug:
            theme_slugs.append(extra)
    published = random_date(rng, FIRST_DATE, today)
    reviewed = random_date(rng, published, today) if rng.random() < 0.6 else None
    return SyntheticLesson(
        title=f"{topic} {rng.choice(APPROACHES)} in {place}",
        summary=f"{place} {rng.choice(GOALS)}. {rng.choice(FINDINGS)}",
        context=paragraphs(rng, CONTEXTS),
        what_worked=paragraphs(rng, SUCCESSES),
        barriers=paragraphs(rng, BARRIERS),
        recommendations=paragraphs(rng, ADVICE),
        theme_slugs=theme_slugs,
        phase=rng.choice(phases),
        evidence_source=rng.choice(evidence_sources),
        publication_date=published,
        last_reviewed=reviewed,
    )
