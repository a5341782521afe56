"""System checks of the site's own conventions."""

from pathlib import Path

from django.conf import settings
from django.core import checks


@checks.register()
def page_models_read_privacy_from_the_cache(app_configs, **kwargs):
    """Every page model of the site's apps has `CachedPrivacyMixin`: without it, serving one
    of its pages asks the database for view restrictions again (two queries per page)."""
    from wagtail.models import get_page_models

    from home.privacy import CachedPrivacyMixin

    base = Path(settings.BASE_DIR).resolve()
    errors = []
    for model in get_page_models():
        path = Path(model._meta.app_config.path).resolve()
        # Installed packages are not ours, wherever the virtual environment lives.
        ours = path.is_relative_to(base) and "site-packages" not in path.parts
        if model._meta.abstract or not ours or issubclass(model, CachedPrivacyMixin):
            continue
        errors.append(
            checks.Error(
                f"{model._meta.label} reads its view restrictions with two queries per page.",
                hint="Add home.privacy.CachedPrivacyMixin to its bases, before Page.",
                obj=model,
                id="home.E001",
            )
        )
    return errors
