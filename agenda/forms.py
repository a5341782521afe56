"""Forms: registration, changing sessions, and the editors' messages to attendees."""

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from agenda import questions as event_questions
from agenda.models import GreenDealAnswer, RegistrationStatus
from agenda.services import full_session_keys, group_into_slots
from network.headers import refuse_control_characters


def slot_label(slot):
    start = timezone.localtime(slot[0].starts)
    end = timezone.localtime(max(session.ends for session in slot))
    return _("%(day)s, %(start)s–%(end)s") % {
        "day": formats.date_format(start, "l j F"),
        "start": formats.time_format(start, "H:i"),
        "end": formats.time_format(end, "H:i"),
    }


class AccessibleFormMixin:
    """Tie help texts and errors to their inputs with aria-describedby and aria-invalid."""

    def describe_fields(self):
        for name, field in self.fields.items():
            bound = self[name]
            ids = []
            if field.help_text:
                ids.append(f"{bound.auto_id}-help")
            if self.is_bound and name in self.errors:
                ids.append(f"{bound.auto_id}-error")
                field.widget.attrs["aria-invalid"] = "true"
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)
            if field.required and not isinstance(field.widget, forms.RadioSelect):
                field.widget.attrs["aria-required"] = "true"

    def full_clean(self):
        super().full_clean()
        self.describe_fields()


class SessionRadioSelect(forms.RadioSelect):
    """Radio buttons in which full sessions are shown but cannot be chosen."""

    def __init__(self, *args, disabled_values=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.disabled_values = set(disabled_values)

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if str(value) in self.disabled_values:
            option["attrs"]["disabled"] = True
        return option


class SessionChoiceMixin:
    """One radio group per time slot, so a person picks at most one session per slot.

    A full session is listed as full and cannot be chosen, except by a person who already
    holds a seat in it (`initial_keys`).
    """

    def add_session_fields(self, sessions, initial_keys=()):
        self.slot_names = []
        initial_keys = {str(key) for key in initial_keys}
        self.full_keys = full_session_keys(sessions) - initial_keys if sessions else set()
        self.session_titles = {str(session.translation_key): session.title for session in sessions}
        for index, slot in enumerate(group_into_slots(sessions), start=1):
            name = f"slot_{index}"
            choices = [("", _("No session in this time slot"))]
            choices += [
                (str(session.translation_key), self.session_label(session)) for session in slot
            ]
            self.fields[name] = forms.ChoiceField(
                label=slot_label(slot),
                choices=choices,
                required=False,
                widget=SessionRadioSelect(disabled_values=self.full_keys),
            )
            chosen = [
                str(s.translation_key) for s in slot if str(s.translation_key) in initial_keys
            ]
            if chosen:
                self.initial[name] = chosen[0]
            self.slot_names.append(name)

    def session_label(self, session):
        parts = [str(session)]
        if session.room:
            parts.append(session.room)
        label = " – ".join(parts)
        if str(session.translation_key) in self.full_keys:
            label = _("%(session)s (full)") % {"session": label}
        return label

    def clean(self):
        """A full session sent anyway (an old page, a crafted post) is refused here already."""
        cleaned_data = super().clean()
        for name in self.slot_names:
            key = cleaned_data.get(name)
            if key in self.full_keys:
                self.add_error(
                    name,
                    _("The session “%(title)s” is full. Choose another session.")
                    % {"title": self.session_titles[key]},
                )
        return cleaned_data

    def session_keys(self):
        return [self.cleaned_data[name] for name in self.slot_names if self.cleaned_data.get(name)]

    @property
    def slot_fields(self):
        return [self[name] for name in self.slot_names]

    def add_rule_error(self, error):
        """Show a service's refusal next to the field it concerns."""
        field = error.field
        if field == "sessions":
            field = self.slot_names[0] if self.slot_names else None
        if field not in self.fields:
            field = None
        self.add_error(field, error.message)


class RegistrationForm(AccessibleFormMixin, SessionChoiceMixin, forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        validators=[refuse_control_characters],
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("We send your confirmation and calendar file here."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
        validators=[refuse_control_characters],
    )
    role = forms.CharField(
        label=_("Role or job title"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
        validators=[refuse_control_characters],
    )
    green_deal = forms.ChoiceField(
        label=_("Does your organisation take part in the Green Deal Circular Procurement?"),
        choices=GreenDealAnswer.choices,
        widget=forms.RadioSelect,
    )
    dietary_needs = forms.CharField(
        label=_("Dietary needs"),
        max_length=300,
        required=False,
        help_text=_("Optional. For example vegetarian, vegan or an allergy."),
    )
    accessibility_needs = forms.CharField(
        label=_("Accessibility needs"),
        max_length=300,
        required=False,
        help_text=_("Optional. Tell us what would make the event accessible for you."),
    )
    privacy_consent = forms.BooleanField(
        label=_(
            "I agree that the network keeps my details to organise this event and makes "
            "them anonymous at the latest one year after it."
        ),
        error_messages={"required": _("We can only register you with your consent.")},
    )
    # A honeypot: people never see this field (it is off screen and out of the tab order),
    # form-filling robots do. A filled-in value refuses the form, and the page shows it
    # empty again, so a person whose browser filled it in only has to send it once more.
    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)

    def __init__(self, *args, event, sessions=(), user=None, questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        if not event.ask_dietary:
            del self.fields["dietary_needs"]
        if not event.ask_accessibility:
            del self.fields["accessibility_needs"]
        if event.privacy_text:
            self.fields["privacy_consent"].label = event.privacy_text
        if user is not None and user.is_authenticated:
            self.prefill_from_profile(user)
        self.add_session_fields(sessions)
        self.questions = list(questions)
        self.question_names = event_questions.add_fields(self, self.questions)
        self.describe_fields()

    @property
    def question_fields(self):
        return [self[name] for name in self.question_names]

    def answers(self):
        return event_questions.cleaned_answers(self, self.questions)

    def prefill_from_profile(self, user):
        """A member does not retype what the profile already says (one query)."""
        from network.models import MemberProfile

        profile = MemberProfile.objects.select_related("organisation").filter(user=user).first()
        name = profile.display_name if profile else ""
        self.initial.setdefault("name", name or user.get_full_name() or user.get_username())
        self.initial.setdefault("email", user.email)
        if profile is not None:
            if profile.organisation is not None:
                self.initial.setdefault("organisation", profile.organisation.name)
            if profile.role:
                self.initial.setdefault("role", profile.role)

    def clean_website(self):
        if self.cleaned_data.get("website"):
            self.add_error(
                None,
                _(
                    "Your browser filled in a field that must stay empty. Check your details "
                    "and send the form again."
                ),
            )
        return ""

    @property
    def about_you_fields(self):
        return [self[name] for name in ("name", "email", "organisation", "role")]

    @property
    def need_fields(self):
        return [
            self[name] for name in ("dietary_needs", "accessibility_needs") if name in self.fields
        ]


class ChangeSessionsForm(AccessibleFormMixin, SessionChoiceMixin, forms.Form):
    def __init__(self, *args, sessions=(), chosen_keys=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.add_session_fields(sessions, initial_keys=chosen_keys)
        self.describe_fields()


class MessageAttendeesForm(forms.Form):
    audience = forms.ChoiceField(
        label=_("Send to"),
        choices=[
            (RegistrationStatus.CONFIRMED, _("Confirmed attendees")),
            (RegistrationStatus.WAITLISTED, _("People on the waitlist")),
        ],
        widget=forms.RadioSelect,
    )
    subject = forms.CharField(
        label=_("Subject"), max_length=150, validators=[refuse_control_characters]
    )
    body = forms.CharField(
        label=_("Message"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Sent as written; the greeting and links follow each person's language."),
    )


class FollowUpForm(forms.Form):
    note = forms.CharField(
        label=_("A short note (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The report, slides and survey link come from the event page."),
    )


class LostLinkForm(AccessibleFormMixin, forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("The address you registered with."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.describe_fields()
