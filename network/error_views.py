"""Error answers Django gives outside any view of ours, in the site layout and the reader's
language (the 403, 404 and 429 pages are templates; this is the failed CSRF check)."""

from django.shortcuts import render


def csrf_failure(request, reason=""):
    """A form sent without a valid CSRF token (an expired session, a page left open a long
    time, cookies blocked): say what happened and how to go on, instead of Django's bare
    English page. The reason Django gives is for developers and is not shown."""
    return render(request, "403_csrf.html", status=403)
