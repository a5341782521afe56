"""Small response middleware the libraries we use do not provide."""

from django.conf import settings


class PermissionsPolicyMiddleware:
    """Turn off browser features the site never uses (camera, location, ...)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(settings, "PERMISSIONS_POLICY", "")
        if policy:
            response.headers.setdefault("Permissions-Policy", policy)
        return response
