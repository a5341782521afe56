"""The unsubscribe link of bulk e-mails: no log-in, one click (RFC 8058).

A mail provider POSTs `List-Unsubscribe=One-Click` to the link without a session or a CSRF
token, so the POST is exempt from CSRF and unsubscribes at once: the signed token is the
proof. A GET, which link scanners and previews also send, only shows what would stop and a
button that posts back.
"""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from network.bulk_mail import describe, read_token, unsubscribe


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe_view(request, token):
    subscription = read_token(token)
    if subscription is None:
        raise Http404
    description = describe(subscription)
    if description is None:
        raise Http404
    done = False
    if request.method == "POST":
        done = unsubscribe(subscription)
    return render(
        request,
        "network/unsubscribe.html",
        {"done": done, "description": description},
    )
