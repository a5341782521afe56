"""allauth's account adapter: every link in account e-mails on BASE_URL, and every redirect
in the reader's language.

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


def language_home_url():
    """The home page of the active language ("/fr/").

    allauth's default redirects go to "/", which LocaleMiddleware sends on by the browser's
    Accept-Language: a reader who logged in on /fr/ with an English browser landed on /en/.
    """
    return reverse("wagtail_serve", args=[""])


class AccountAdapter(DefaultAccountAdapter):
    # After log-in, sign-up, log-out and e-mail confirmation the reader stays in the language
    # of the page they came from (an explicit `next` still wins over these).
    def get_login_redirect_url(self, request):
        return language_home_url()

    def get_signup_redirect_url(self, request):
        return language_home_url()

    def get_logout_redirect_url(self, request):
        return language_home_url()

    def get_email_verification_redirect_url(self, email_address):
        if self.request.user.is_authenticated:
            return language_home_url()
        return super().get_email_verification_redirect_url(email_address)

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
