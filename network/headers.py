"""Text from people that ends up in a single line: e-mail subjects and other headers.

A display name, topic title or event title can hold a line break or another control
character (pasted text, a crafted form post). In an e-mail header Django refuses it with
BadHeaderError, so the e-mail, and whatever sends it, fails. Forms refuse such names and
titles with `refuse_control_characters`; every e-mail builder passes its subject through
`header_value`, so what came in another way (an import, the admin) is still sent.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# C0 and C1 control characters (line breaks, tabs, NUL, escape ...) and the Unicode line
# and paragraph separators, which some mail clients also take for a line break.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def header_value(value):
    """`value` on one line: control characters become spaces, runs of spaces one space."""
    return " ".join(CONTROL_CHARACTERS.sub(" ", str(value)).split())


def refuse_control_characters(value):
    """Form validator for names and titles: one line of text, no control characters."""
    if CONTROL_CHARACTERS.search(str(value)):
        raise ValidationError(
            _("Use one line of text, without line breaks or control characters."),
            code="control_characters",
        )
