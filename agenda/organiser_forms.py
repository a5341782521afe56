"""Organisers' forms in the registrations admin: registrations by hand, questions, reasons."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from agenda import questions as event_questions
from agenda.forms import AccessibleFormMixin, SessionChoiceMixin
from agenda.models import EventQuestion, GreenDealAnswer, QuestionKind
from network.headers import refuse_control_characters


class RegistrationDetailsForm(AccessibleFormMixin, forms.Form):
    """A registration's details as an organiser types them, with the event's questions."""

    name = forms.CharField(label=_("Name"), max_length=150, validators=[refuse_control_characters])
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    organisation_name = forms.CharField(
        label=_("Organisation"), max_length=200, validators=[refuse_control_characters]
    )
    role = forms.CharField(
        label=_("Role or job title"), max_length=150, validators=[refuse_control_characters]
    )
    green_deal = forms.ChoiceField(
        label=_("Does the organisation take part in the Green Deal Circular Procurement?"),
        choices=GreenDealAnswer.choices,
        widget=forms.RadioSelect,
    )
    language = forms.ChoiceField(
        label=_("Language of the e-mails"),
        choices=settings.LANGUAGES,
        widget=forms.RadioSelect,
        initial=settings.LANGUAGE_CODE,
    )
    dietary_needs = forms.CharField(label=_("Dietary needs"), max_length=300, required=False)
    accessibility_needs = forms.CharField(
        label=_("Accessibility needs"), max_length=300, required=False
    )

    def __init__(self, *args, questions=(), answers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        self.question_names = event_questions.add_fields(self, self.questions, answers)
        self.add_more_fields()
        # Last: describing the fields of a bound form validates it, so every field must be
        # there by now.
        self.describe_fields()

    def add_more_fields(self):
        """Subclasses add their own fields here, before the form is described."""

    def answers(self):
        return event_questions.cleaned_answers(self, self.questions)

    def add_rule_error(self, error):
        field = error.field if error.field in self.fields else None
        self.add_error(field, error.message)


class HandRegistrationForm(SessionChoiceMixin, RegistrationDetailsForm):
    """Adding a person by hand: the details, the sessions, and a reason to go beyond capacity."""

    reason = forms.CharField(
        label=_("Reason to confirm beyond the capacity"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Leave empty to follow the rules: a confirmed seat if there is room, else the "
            "waitlist. With a reason, the person is confirmed even when the event is full; "
            "the reason is logged."
        ),
    )

    def __init__(self, *args, sessions=(), **kwargs):
        self.sessions = list(sessions)
        super().__init__(*args, **kwargs)

    def add_more_fields(self):
        self.add_session_fields(self.sessions)
        # A full session stays marked full but can be chosen: the rules then put the person
        # on the waitlist, or a reason confirms them beyond the capacity.
        self.full_keys = set()
        for name in self.slot_names:
            self.fields[name].widget.disabled_values = set()

    def add_rule_error(self, error):
        SessionChoiceMixin.add_rule_error(self, error)


class ReasonForm(AccessibleFormMixin, forms.Form):
    """A reason for an organiser's decision; required when `required` says so."""

    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, required=False, help_text="", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = required
        self.fields["reason"].help_text = help_text
        self.describe_fields()

    def add_rule_error(self, error):
        self.add_error("reason", error.message)


class QuestionForm(AccessibleFormMixin, forms.ModelForm):
    class Meta:
        model = EventQuestion
        fields = [
            "kind",
            "label_nl",
            "label_fr",
            "label_en",
            "options_nl",
            "options_fr",
            "options_en",
            "required",
            "sort_order",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "options_nl": forms.Textarea(attrs={"rows": 3}),
            "options_fr": forms.Textarea(attrs={"rows": 3}),
            "options_en": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "options_nl": _(
                "Only for a choice: one option per line, in the same order in each language."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("label_nl", "label_fr", "label_en"):
            self.fields[name].validators.append(refuse_control_characters)
        self.describe_fields()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") != QuestionKind.CHOICE:
            return cleaned
        counts = {}
        for language in ("nl", "fr", "en"):
            lines = [
                line
                for line in (cleaned.get(f"options_{language}") or "").splitlines()
                if line.strip()
            ]
            counts[language] = len(lines)
        if counts["nl"] < 2:
            self.add_error("options_nl", _("A choice needs at least two options."))
        for language in ("fr", "en"):
            if counts[language] != counts["nl"]:
                self.add_error(
                    f"options_{language}",
                    _("Give as many options as in Dutch (%(count)s), in the same order.")
                    % {"count": counts["nl"]},
                )
        return cleaned
