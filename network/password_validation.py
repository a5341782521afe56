"""Django's password validators, with help texts in the site's own translations.

The rules are Django's. Only the help texts shown under the password field come from our
catalogue (the same English sentences), because Django's Dutch catalogue addresses the
reader with "u" where the site says "je".
"""

from django.contrib.auth import password_validation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


class UserAttributeSimilarityValidator(password_validation.UserAttributeSimilarityValidator):
    def get_help_text(self):
        return _("Your password can’t be too similar to your other personal information.")


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    def get_help_text(self):
        return ngettext(
            "Your password must contain at least %(min_length)d character.",
            "Your password must contain at least %(min_length)d characters.",
            self.min_length,
        ) % {"min_length": self.min_length}


class CommonPasswordValidator(password_validation.CommonPasswordValidator):
    def get_help_text(self):
        return _("Your password can’t be a commonly used password.")


class NumericPasswordValidator(password_validation.NumericPasswordValidator):
    def get_help_text(self):
        return _("Your password can’t be entirely numeric.")
