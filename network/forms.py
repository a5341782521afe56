"""Forms members fill in: their profile and the deletion of their account."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from knowledge.models import Theme
from network.models import MemberProfile, Organisation, OrganisationType


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
            "weekly_digest",
        ]
        widgets = {
            "themes": forms.CheckboxSelectMultiple,
            "bio": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Themes are offered in the reader's language; the digest matches them by key.
        self.fields["themes"].queryset = Theme.objects.filter(locale=Locale.get_active())
        self.fields["organisation"].queryset = Organisation.objects.order_by("name")


class DeleteAccountForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Yes, delete my account. My comments stay, shown as a former member's."),
        required=True,
    )


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
