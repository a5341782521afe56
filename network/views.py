"""Project-level views that live outside the page tree."""

import uuid

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

HEALTH_KEY = "healthz:probe"


def cache_reachable():
    """Whether this process can write to and read from the shared cache right now."""
    probe = uuid.uuid4().hex
    try:
        cache.set(HEALTH_KEY, probe, 30)
        return cache.get(HEALTH_KEY) == probe
    except Exception:  # noqa: BLE001 - any failure of the cache means "unreachable" here
        return False


@never_cache
@require_safe
def healthz(request):
    """Tell a load balancer whether this app server can serve pages.

    The database is required: without it, 503. The cache is not: pages are then rendered
    from the database, so the answer stays 200 (a load balancer must not take every app
    server out because the shared cache is down) and says "degraded".
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    if not cache_reachable():
        return JsonResponse({"status": "degraded", "database": "ok", "cache": "unreachable"})
    return JsonResponse({"status": "ok", "database": "ok", "cache": "ok"})
