"""An event's own questions: their form fields, the answers saved, shown and exported.

Questions belong to the event's original page; every language's form asks them with the
labels of its language. A choice is stored as the option's number and a yes/no as
"yes"/"no", so an answer given in French reads in Dutch in the admin's export.
"""

from collections import defaultdict

from django import forms
from django.db import transaction
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from agenda.models import EventPage, EventQuestion, QuestionKind, RegistrationAnswer
from network.headers import refuse_control_characters

FIELD_PREFIX = "question_"


def questions_for(event):
    """The questions of `event` (any of its translations), in their order (one query)."""
    return list(
        EventQuestion.objects.filter(
            event__in=EventPage.objects.filter(translation_key=event.translation_key)
        ).order_by("sort_order", "pk")
    )


def form_field(question, language=None):
    """The form field that asks `question` in `language`."""
    label = question.label(language)
    if question.kind == QuestionKind.CHOICE:
        return forms.ChoiceField(
            label=label,
            required=question.required,
            choices=[(str(n), option) for n, option in enumerate(question.options(language))],
            widget=forms.RadioSelect,
        )
    if question.kind == QuestionKind.YES_NO:
        return forms.ChoiceField(
            label=label,
            required=question.required,
            choices=[("yes", _("Yes")), ("no", _("No"))],
            widget=forms.RadioSelect,
        )
    return forms.CharField(
        label=label,
        required=question.required,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[refuse_control_characters],
    )


def add_fields(form, questions, initial=None, language=None):
    """Add one field per question to `form`; returns their bound fields' names."""
    initial = initial or {}
    names = []
    for question in questions:
        name = f"{FIELD_PREFIX}{question.pk}"
        form.fields[name] = form_field(question, language)
        if question.pk in initial:
            form.initial[name] = initial[question.pk]
        names.append(name)
    return names


def cleaned_answers(form, questions):
    """{question: value} from a valid form; unanswered optional questions are left out."""
    answers = {}
    for question in questions:
        value = form.cleaned_data.get(f"{FIELD_PREFIX}{question.pk}")
        if value not in (None, ""):
            answers[question] = str(value).strip()
    return answers


def save_answers(registration, answers):
    """Replace the registration's answers with `answers` ({question: value})."""
    with transaction.atomic():
        RegistrationAnswer.objects.filter(registration=registration).delete()
        RegistrationAnswer.objects.bulk_create(
            [
                RegistrationAnswer(registration=registration, question=question, value=value)
                for question, value in answers.items()
            ]
        )


def answer_text(question, value, language=None):
    """An answer as a reader of `language` reads it."""
    if question.kind == QuestionKind.YES_NO:
        return {"yes": _("Yes"), "no": _("No")}.get(value, value)
    if question.kind == QuestionKind.CHOICE:
        options = question.options(language)
        try:
            return options[int(value)]
        except (ValueError, IndexError):
            return value
    return value


def shown_answers(registration, language=None):
    """[(question label, answer)] of one registration, in `language` (one query)."""
    language = language or get_language()
    answers = RegistrationAnswer.objects.filter(registration=registration).select_related(
        "question"
    )
    return [
        (answer.question.label(language), answer_text(answer.question, answer.value, language))
        for answer in sorted(answers, key=lambda a: (a.question.sort_order, a.question.pk))
    ]


def initial_answers(registration):
    """{question pk: stored value}, to fill an edit form."""
    return dict(
        RegistrationAnswer.objects.filter(registration=registration).values_list(
            "question_id", "value"
        )
    )


def export_columns(event):
    """(headers, answers) for an export: the question labels in the active language, and a
    function from a registration's pk to its answers in the same order (two queries)."""
    questions = questions_for(event)
    values = defaultdict(dict)
    for registration_id, question_id, value in RegistrationAnswer.objects.filter(
        question__in=[question.pk for question in questions]
    ).values_list("registration_id", "question_id", "value"):
        values[registration_id][question_id] = value

    def answers(registration_id):
        given = values.get(registration_id, {})
        return [
            answer_text(question, given[question.pk]) if question.pk in given else ""
            for question in questions
        ]

    return [question.label() for question in questions], answers
