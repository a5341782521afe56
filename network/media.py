"""Uploaded images served from MEDIA_ROOT, and nothing else that lives there.

Only two folders under MEDIA_URL are public: Wagtail's image originals
(`original_images/`) and renditions (`images/`). Documents (`documents/`) are served by
Wagtail's own view at /documents/<id>/<name>, which checks the privacy of their collection;
book PDFs (`books/`) by the book's /pdf/ route; everything else under MEDIA_URL answers 404,
so a private document is never one guessable URL away.

`SERVE_MEDIA` (default on) lets the site serve those two folders itself, in every
environment; an operator whose reverse proxy serves them (from the same MEDIA_ROOT, with
the same headers) turns it off.
"""

import posixpath

from django.conf import settings
from django.http import Http404
from django.views.decorators.http import require_safe
from django.views.static import serve

# The folders Wagtail writes images to (wagtail.images: upload_to and rendition paths).
PUBLIC_FOLDERS = ("original_images", "images")
# Only these are served, whatever else might end up in those folders.
IMAGE_EXTENSIONS = frozenset({".gif", ".jpg", ".jpeg", ".png", ".webp", ".avif"})
# Renditions never change under one name; originals rarely do (a replaced file gets a new one).
CACHE_CONTROL = "public, max-age=86400"


def public_media_path(path):
    """`path` if it names an image file in a public folder, else None.

    Refuses anything that is not already in its plain form: "..", ".", empty segments,
    backslashes and NUL, so no spelling of a path reaches outside those folders.
    """
    if not path or "\\" in path or "\x00" in path or path.startswith("/"):
        return None
    if posixpath.normpath(path) != path:
        return None
    folder, _sep, rest = path.partition("/")
    if folder not in PUBLIC_FOLDERS or not rest:
        return None
    if posixpath.splitext(rest)[1].lower() not in IMAGE_EXTENSIONS:
        return None
    return path


@require_safe
def serve_media(request, path):
    """One public image from MEDIA_ROOT, or 404 (never a directory listing).

    With SERVE_MEDIA off the proxy serves the images and every request reaching the site
    under MEDIA_URL is answered 404 here.
    """
    if not settings.SERVE_MEDIA or public_media_path(path) is None:
        raise Http404("Not a public media file.")
    response = serve(request, path, document_root=settings.MEDIA_ROOT, show_indexes=False)
    response["Cache-Control"] = CACHE_CONTROL
    response["X-Content-Type-Options"] = "nosniff"
    # An image needs nothing else; a file that is not one gets no chance to run.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def media_url_prefix():
    """MEDIA_URL without its leading slash when the site serves it, else None (an absolute
    MEDIA_URL points at object storage or a CDN, which serves the files itself)."""
    url = settings.MEDIA_URL
    if not url.startswith("/") or url.startswith("//"):
        return None
    return url.lstrip("/")
