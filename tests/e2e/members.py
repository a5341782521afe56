"""Members log in through the site's own form, as they would in their browser."""

from tests.network.factories import PASSWORD


def log_in(page, base_url, email, password=PASSWORD):
    """Log in on the Dutch login page; the session then holds in every language."""
    page.goto(f"{base_url}/nl/accounts/login/")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    with page.expect_navigation():
        page.get_by_role("main").get_by_role("button", name="Aanmelden").click()
    account = page.get_by_role("navigation", name="Je account")
    assert account.get_by_role("button", name="Afmelden").is_visible()
