"""The interface's translations: Dutch addresses the reader with "je", never "u"."""

import re
from pathlib import Path

import polib
from django.conf import settings

# "u", "uw" and "U"/"Uw" as words of their own; "uur", "uit", "u-bocht" or "%(u)s" are not.
FORMAL = re.compile(r"(?<![\w%(-])(u|uw|uwe)(?![\w-])", re.IGNORECASE)


def dutch_catalogue():
    return polib.pofile(
        str(Path(settings.BASE_DIR) / "locale" / "nl" / "LC_MESSAGES" / "django.po")
    )


def formal_translations(entries):
    found = []
    for entry in entries:
        for text in [entry.msgstr, *entry.msgstr_plural.values()]:
            if FORMAL.search(text):
                found.append((entry.msgid, text))
    return found


def test_the_dutch_interface_says_je_not_u():
    assert formal_translations(dutch_catalogue()) == []


def test_the_check_finds_formal_words_and_only_those():
    entries = [
        polib.POEntry(msgid="a", msgstr="Meld u aan"),
        polib.POEntry(msgid="b", msgstr="Uw profiel"),
        polib.POEntry(msgid="c", msgstr="Wat vindt U?"),
        polib.POEntry(msgid="d", msgid_plural="ds", msgstr_plural={0: "x", 1: "voor uw team"}),
        polib.POEntry(msgid="e", msgstr="Je krijgt dit binnen het uur, uit je profiel"),
        polib.POEntry(msgid="f", msgstr="Jouw reactie, jij en je u-bocht"),
    ]
    assert [msgid for msgid, _text in formal_translations(entries)] == ["a", "b", "c", "d"]
