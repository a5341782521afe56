"""The proposal form: the building, its people and the three expectations of the call."""

import datetime
from pathlib import Path

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from intake.models import BuildingKind, CandidatePilot, ThemeProposal

MAX_PHOTOS = 6
EXPECTATIONS = ("helps_map_neighbourhood", "joins_workshop", "understands_no_obligation")


class MultipleImageInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class PhotosField(forms.ImageField):
    """Up to MAX_PHOTOS images, each checked as the image library checks its uploads:
    the same extensions (no SVG, which can carry script) and the same maximum size."""

    widget = MultipleImageInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.widget.attrs["accept"] = ",".join(
            f".{extension}" for extension in settings.WAGTAILIMAGES_EXTENSIONS
        )

    def clean(self, data, initial=None):
        files = (
            [item for item in (data or []) if item]
            if isinstance(data, list | tuple)
            else ([data] if data else [])
        )
        if len(files) > MAX_PHOTOS:
            raise ValidationError(
                _("Send at most %(count)d photos.") % {"count": MAX_PHOTOS}, code="too_many"
            )
        return [self.clean_one(upload) for upload in files]

    def clean_one(self, upload):
        extension = Path(upload.name).suffix.lower().lstrip(".")
        allowed = settings.WAGTAILIMAGES_EXTENSIONS
        if extension not in allowed:
            raise ValidationError(
                _("%(name)s is not a photo we accept. Send %(formats)s files.")
                % {"name": upload.name, "formats": ", ".join(allowed).upper()},
                code="invalid_extension",
            )
        limit = settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
        if upload.size > limit:
            raise ValidationError(
                _("%(name)s is too large (%(size)s). A photo may be at most %(limit)s.")
                % {
                    "name": upload.name,
                    "size": filesizeformat(upload.size),
                    "limit": filesizeformat(limit),
                },
                code="file_too_large",
            )
        # Pillow opens the file: a renamed document or a broken image is refused here.
        return super().clean(upload)


class DescribedFieldsMixin:
    def describe_fields(self):
        """Point each input at its help and error texts, under the ids the site's field
        template gives them (Django's own default ids are not rendered there)."""
        for name, field in self.fields.items():
            ids = [f"id_{name}-help"] if field.help_text else []
            if self._errors and name in self._errors:
                ids.append(f"id_{name}-error")
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)

    def full_clean(self):
        super().full_clean()
        self.describe_fields()


class ProposalForm(DescribedFieldsMixin, forms.ModelForm):
    """What the call asks about a vacant building; the expectations must all be ticked."""

    photos = PhotosField(
        label=_("Photos"),
        help_text=_("At most 6 photos (JPG, PNG, GIF or WebP), each up to 10 MB."),
    )
    # A field people do not see; software that fills every field gives itself away.
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    class Meta:
        model = CandidatePilot
        fields = [
            "organisation",
            "contact_name",
            "email",
            "phone",
            "address",
            "postcode",
            "municipality",
            "building_type",
            "building_type_other",
            "floor_area_m2",
            "vacant_since",
            "owner",
            "state",
            "opportunities",
            *EXPECTATIONS,
        ]
        widgets = {
            "state": forms.Textarea(attrs={"rows": 4}),
            "opportunities": forms.Textarea(attrs={"rows": 4}),
            "building_type": forms.RadioSelect,
        }
        labels = {"building_type_other": _("Describe the type of building")}
        help_texts = {
            "building_type_other": _(
                "Only when you chose “Other”: for example a swimming pool, a library or barracks."
            ),
            "state": _("Roof, installations, asbestos, listed heritage: what you know."),
            "opportunities": _(
                "Associations, residents, schools, companies or projects nearby that could "
                "use or help the building."
            ),
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name in EXPECTATIONS:
            self.fields[name].required = True
        self.fields["building_type"].choices = self.fields["building_type"].choices[1:]
        self.fields["floor_area_m2"].min_value = 1
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["contact_name"].widget.attrs["autocomplete"] = "name"
        self.fields["phone"].widget.attrs["autocomplete"] = "tel"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"
        self.fields["postcode"].widget.attrs["autocomplete"] = "postal-code"
        self.describe_fields()
        if user is not None and user.is_authenticated and user.email:
            # A member proposes under the confirmed address of their account.
            self.fields["email"].disabled = True
            self.initial["email"] = user.email

    def clean_vacant_since(self):
        year = self.cleaned_data["vacant_since"]
        if year is not None and not 1800 <= year <= datetime.date.today().year:
            raise ValidationError(_("Give a year between 1800 and this year."), code="year")
        return year

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("building_type") == BuildingKind.OTHER:
            if not cleaned.get("building_type_other", "").strip():
                self.add_error(
                    "building_type_other",
                    ValidationError(
                        _("You chose “Other”: describe the type of building."),
                        code="building_type_other",
                    ),
                )
        else:
            # A description typed before choosing a listed type is not kept.
            cleaned["building_type_other"] = ""
        return cleaned

    def clean_building_type_other(self):
        return " ".join(self.cleaned_data.get("building_type_other", "").split())

    def clean_postcode(self):
        postcode = self.cleaned_data["postcode"].strip()
        if not (postcode.isdigit() and len(postcode) == 4):
            raise ValidationError(_("A Belgian postcode has four digits."), code="postcode")
        return postcode

    def expectation_fields(self):
        return [self[name] for name in EXPECTATIONS]

    def is_spam(self):
        return bool(self.cleaned_data.get("website"))


class ThemeProposalForm(DescribedFieldsMixin, forms.ModelForm):
    """A member's theme for a next work session."""

    class Meta:
        model = ThemeProposal
        fields = ["title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.describe_fields()
