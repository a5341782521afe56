"""Markdown-light for comments: **bold**, *italic*, [links](https://...) and @mentions.

The text is HTML-escaped first and only then given the few tags we produce, so no HTML a
member types ever reaches the page. Links must be http(s); anything else (javascript:,
data:, relative paths) stays plain text. Links get rel="ugc", and "nofollow" too unless
their author is trusted (network.trust), so spam links earn nothing from search engines.
"""

import html
import re

from django.utils.safestring import mark_safe

LINK = re.compile(r"\[([^\[\]\n]{1,200})\]\(([^()\s]{1,500})\)")
BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
ITALIC = re.compile(r"(?<![*\w])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![*\w])")
MENTION = re.compile(r"(?<![\w@.])@(\w(?:[\w.+-]{0,148}\w)?)")
SAFE_URL = re.compile(r"^https?://[^\s\"'<>]+$", re.IGNORECASE)


def mentioned_handles(text):
    """The @handles in a text, without the @, in order of appearance and without repeats."""
    return list(dict.fromkeys(MENTION.findall(text)))


def _inline(text):
    text = BOLD.sub(r"<strong>\1</strong>", text)
    text = ITALIC.sub(r"<em>\1</em>", text)
    return MENTION.sub(r'<span class="mention">@\1</span>', text)


def _link(match, rel):
    label, url = _inline(match.group(1)), match.group(2)
    if not SAFE_URL.match(html.unescape(url)):
        return label
    return f'<a href="{url}" rel="{rel}">{label}</a>'


def render_comment(text, follow_links=False):
    """Safe HTML for a comment text; `follow_links` for a trusted author's text."""
    rel = "ugc noopener" if follow_links else "nofollow ugc noopener"
    escaped = html.escape(text.strip(), quote=True)
    # Formatting applies between links and inside link labels, never inside a URL.
    parts, position = [], 0
    for match in LINK.finditer(escaped):
        parts.append(_inline(escaped[position : match.start()]))
        parts.append(_link(match, rel))
        position = match.end()
    parts.append(_inline(escaped[position:]))
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", "".join(parts)) if p.strip()]
    return mark_safe(  # noqa: S308 - built from escaped text and our own tags only
        "".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in paragraphs)
    )
