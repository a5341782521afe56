"""What sign-up asks besides the address and password: whether to get the weekly digest.

allauth adds the fields of `SignupChoicesForm` (ACCOUNT_SIGNUP_FORM_CLASS) to its sign-up
form and calls `signup()` once the account exists. The box starts unticked: the digest is
sent only to those who ask for it.
"""

from django import forms
from django.utils.translation import gettext_lazy as _


class SignupChoicesForm(forms.Form):
    weekly_digest = forms.BooleanField(
        label=_("Send me the weekly digest: what is new on the themes I follow"),
        help_text=_("At most one e-mail a week; every digest has a one-click unsubscribe link."),
        required=False,
    )

    def signup(self, request, user):
        """Store the choice on the new member's profile."""
        from network.models import MemberProfile, profile_for

        profile_for(user)
        MemberProfile.objects.filter(user=user).update(
            weekly_digest=self.cleaned_data.get("weekly_digest", False)
        )
