"""Saved clause selections of members, shared read-only through an unguessable link."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def new_share_token():
    """43 URL-safe characters (256 random bits): a link nobody guesses."""
    return secrets.token_urlsafe(32)


class SavedSelection(models.Model):
    """A member's named clause selection ("Renovatie stadhuis 2027").

    It keeps translation keys, like the selection in the session, so it opens in the
    language of whoever reads it.
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.CASCADE,
        related_name="clause_selections",
    )
    name = models.CharField(_("name"), max_length=120)
    clause_keys = models.JSONField(_("clauses"), default=list)
    share_token = models.CharField(
        _("share token"), max_length=64, unique=True, default=new_share_token, editable=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = _("saved clause selection")
        verbose_name_plural = _("saved clause selections")

    def __str__(self):
        return self.name


class ClauseDownloadCount(models.Model):
    """How often a clause was downloaded, in any language and any format (one row per
    clause, keyed by its translation key)."""

    translation_key = models.UUIDField(_("clause"), unique=True)
    count = models.PositiveIntegerField(_("downloads"), default=0)
    last_downloaded_at = models.DateTimeField(_("last downloaded"), null=True, blank=True)

    class Meta:
        verbose_name = _("clause download count")
        verbose_name_plural = _("clause download counts")

    def __str__(self):
        return f"{self.translation_key}: {self.count}"
