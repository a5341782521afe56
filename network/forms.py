"""Forms members fill in: their profile and the deletion of their account."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from knowledge.models import Theme
from network.headers import refuse_control_characters
from network.models import MemberProfile, Organisation, OrganisationType


def fits_64_bits(value):
    """False for a number no database id can be; anything else is left to the field."""
    try:
        return abs(int(value)) < 2**63
    except (TypeError, ValueError):
        return True


class ThemesField(forms.ModelMultipleChoiceField):
    """Refuses ids past 64 bits as unknown choices; SQLite cannot even compare them."""

    def clean(self, value):
        if isinstance(value, list | tuple):
            for item in value:
                if not fits_64_bits(item):
                    raise ValidationError(
                        self.error_messages["invalid_pk_value"],
                        code="invalid_pk_value",
                        params={"pk": item},
                    )
        return super().clean(value)


class MemberProfileForm(forms.ModelForm):
    class Meta:
        model = MemberProfile
        fields = [
            "display_name",
            "organisation",
            "role",
            "bio",
            "themes",
            "preferred_language",
            "notify_replies",
            "notify_mentions",
            "notify_topic_answers",
            "notify_moderation",
            "notify_moderation_queue",
            "weekly_digest",
        ]
        help_texts = {
            "notify_moderation": _(
                "Decisions to remove a post or suspend your account always come by e-mail."
            ),
        }
        field_classes = {"themes": ThemesField}
        widgets = {
            "themes": forms.CheckboxSelectMultiple,
            "bio": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Themes are offered in the reader's language, the followed ones ticked whatever the
        # language they were chosen in; the digest matches them by key.
        self.locale = Locale.get_active()
        self.fields["themes"].queryset = Theme.objects.filter(locale=self.locale, live=True)
        self.followed = list(self.instance.themes.all()) if self.instance.pk else []
        followed_keys = {theme.translation_key for theme in self.followed}
        self.initial["themes"] = [
            theme.pk
            for theme in self.fields["themes"].queryset
            if theme.translation_key in followed_keys
        ]
        self.fields["organisation"].queryset = Organisation.objects.order_by("name")
        # Only moderators hear of the moderation queue.
        from network.moderation import is_moderator

        if not (self.instance.pk and is_moderator(self.instance.user)):
            del self.fields["notify_moderation_queue"]
        # Names and roles appear in e-mail subjects and headers: one line only.
        for name in ("display_name", "role"):
            self.fields[name].validators.append(refuse_control_characters)

    def clean_themes(self):
        """The themes to keep, whatever the language of the page the profile is saved on.

        Each chosen theme is kept as its default-language theme (one row per theme, so the
        same choice saved in two languages stays one choice), and a followed theme that this
        language does not offer (it has no translation here) stays followed.
        """
        chosen = self.cleaned_data["themes"]
        keys = {theme.translation_key for theme in chosen}
        default = {
            theme.translation_key: theme
            for theme in Theme.objects.filter(translation_key__in=keys, locale=Locale.get_default())
        }
        offered = set(self.fields["themes"].queryset.values_list("translation_key", flat=True))
        kept = [theme for theme in self.followed if theme.translation_key not in offered]
        return [default.get(theme.translation_key, theme) for theme in chosen] + kept


class DeleteAccountForm(forms.Form):
    """Deleting an account asks for its password again: an open session alone (a shared or
    borrowed computer) is not enough to erase someone."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=_("Yes, delete my account. My comments stay, shown as a former member's."),
        required=True,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError(
                _("This is not your password. Your account has not been deleted."),
                code="wrong_password",
            )
        return password


class OrganisationFilterForm(forms.Form):
    """The directory's filters; unknown values are ignored rather than failing."""

    GREEN_DEAL_CHOICES = [("", _("All")), ("yes", _("Yes")), ("no", _("No"))]

    type = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("All types")), *OrganisationType.choices]
    )
    green_deal = forms.ChoiceField(
        label=_("Green Deal participant"), required=False, choices=GREEN_DEAL_CHOICES
    )
    region = forms.ChoiceField(label=_("Region"), required=False)

    def __init__(self, *args, regions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [("", _("All regions"))] + [(r, r) for r in regions]

    def filter(self, queryset):
        self.is_valid()  # fields with an unknown value drop out of cleaned_data
        data = self.cleaned_data
        if data.get("type"):
            queryset = queryset.filter(type=data["type"])
        if data.get("green_deal"):
            queryset = queryset.filter(green_deal_participant=data["green_deal"] == "yes")
        if data.get("region"):
            queryset = queryset.filter(region=data["region"])
        return queryset
