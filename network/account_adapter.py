"""allauth's account adapter, with every link in account e-mails on BASE_URL.

allauth builds the links in its e-mails (confirm your address, reset your password, sign up)
from the request, so a client that sends its own Host header, or port, would receive reset
links to that host. Here they are built on BASE_URL instead. The greeting's site name and
domain come from Django's Sites record, which `migrate` keeps in line with BASE_URL.
"""

from urllib.parse import quote

from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse

from network.base_url import absolute_url

# Links that allauth puts in an e-mail's context from the request, per e-mail: the context
# key and the URL name of the page it leads to.
REQUEST_BUILT_LINKS = {
    "account/email/unknown_account": {"signup_url": "account_signup"},
    "account/email/account_already_exists": {
        "signup_url": "account_signup",
        "password_reset_url": "account_reset_password",
    },
}


class AccountAdapter(DefaultAccountAdapter):
    def get_reset_password_from_key_url(self, key):
        # The same path allauth builds; only the scheme and host differ.
        path = reverse("account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"})
        return absolute_url(path.replace("UID-KEY", quote(key)))

    def get_email_confirmation_url(self, request, emailconfirmation):
        return absolute_url(reverse("account_confirm_email", args=[emailconfirmation.key]))

    def send_mail(self, template_prefix, email, context):
        links = REQUEST_BUILT_LINKS.get(template_prefix, {})
        context = {
            **context,
            **{key: absolute_url(reverse(name)) for key, name in links.items() if key in context},
        }
        super().send_mail(template_prefix, email, context)
