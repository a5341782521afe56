"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server.

Chromium comes from Debian (`apt-get install -y chromium`, done by `make test` when missing);
Playwright never downloads a browser. Screenshots of failing tests are kept in
test-artifacts/ (ignored by git, kept by CI as artefacts).
"""

import os
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls made by our
# fixtures in that same thread are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.hookimpl(tryfirst=True, hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


@pytest.fixture
def new_page(browser, request):
    """Opens a page in a fresh browser context, one per person in a test.

    Every page opened is screenshotted when the test fails.
    """
    opened = []

    def open_page(locale="nl-BE"):
        context = browser.new_context(locale=locale)
        page = context.new_page()
        page.set_default_timeout(15_000)
        opened.append(page)
        return page

    yield open_page
    failed = getattr(request.node, "rep_call", None)
    name = request.node.nodeid.replace("/", "_").replace(":", "_")
    for number, page in enumerate(opened, start=1):
        if failed is not None and failed.failed:
            ARTIFACTS.mkdir(exist_ok=True)
            suffix = "" if number == 1 else f"-{number}"
            page.screenshot(path=str(ARTIFACTS / f"{name}{suffix}.png"), full_page=True)
        page.context.close()


@pytest.fixture
def page(new_page):
    return new_page()
