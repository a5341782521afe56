"""Demo content: the network's inspiration book, five chapters over the demo knowledge pages.

The texts live in `demo_content_book`. The book is written in Dutch and translated into
French and English with wagtail-localize; its chapters choose pages by slug, so some of them
(Dutch-only or English-only demo pages) show how a translated book falls back to a page's own
language. Loading twice changes nothing: the book is found by its slug and only missing
translations are added.
"""

import io

from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.rich_text import RichText

from home.demo import ensure_home_page
from knowledge.demo import ensure_page, rich_text
from knowledge.demo_content_book import BOOK, CHAPTERS, COVER_TITLE
from knowledge.models import InspirationBookPage, KnowledgePage, TenderClause
from network.demo.localize import Glossary, get_locale


def ensure_cover_image():
    """A generated cover (circles on green), so the demo needs no image files."""
    from PIL import Image as PILImage
    from PIL import ImageDraw

    image_model = get_image_model()
    existing = image_model.objects.filter(title=COVER_TITLE).first()
    if existing is not None:
        return existing
    canvas = PILImage.new("RGB", (1600, 1000), (11, 107, 79))
    draw = ImageDraw.Draw(canvas)
    for i, (x, y, r) in enumerate([(420, 520, 300), (900, 420, 220), (1260, 640, 260)]):
        shade = (242, 193, 78) if i == 1 else (227, 243, 234)
        draw.ellipse((x - r, y - r, x + r, y + r), outline=shade, width=28)
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")
    return image_model.objects.create(
        title=COVER_TITLE, file=ImageFile(buffer, name="inspiratieboek-omslag.png")
    )


def chapter_blocks(glossary):
    nl = get_locale("nl")
    slugs = {slug for spec in CHAPTERS for slug in spec["pages"]}
    pages = {
        page.slug: page
        for page in KnowledgePage.objects.filter(locale=nl, slug__in=slugs).specific()
    }
    clause_slugs = {slug for spec in CHAPTERS for slug in spec["clauses"]}
    clauses = {c.slug: c for c in TenderClause.objects.filter(locale=nl, slug__in=clause_slugs)}
    missing = (slugs - pages.keys()) | (clause_slugs - clauses.keys())
    if missing:
        raise LookupError(f"The inspiration book needs demo content that is missing: {missing}")
    return [
        (
            "chapter",
            {
                "title": glossary.add(spec["title"]),
                "introduction": RichText(rich_text(glossary, spec["introduction"])),
                "pages": [pages[slug] for slug in spec["pages"]],
                "clauses": [clauses[slug] for slug in spec["clauses"]],
            },
        )
        for spec in CHAPTERS
    ]


def load():
    home = ensure_home_page()
    glossary = Glossary()
    fields = {
        "subtitle": glossary.add(BOOK["subtitle"]),
        "foreword": rich_text(glossary, BOOK["foreword"]),
        "chapters": chapter_blocks(glossary),
        "show_in_menus": True,
    }
    if not InspirationBookPage.objects.filter(locale=home.locale, slug=BOOK["slug"].nl).exists():
        fields["cover_image"] = ensure_cover_image()
    return ensure_page(home, InspirationBookPage, BOOK, fields, glossary)
