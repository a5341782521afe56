"""Production settings: secure cookies, the admin under its own path, proxy-aware rate limits."""

import json

from tests.processes import run_manage

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "network.settings.production",
    "SECRET_KEY": "k7#Qz9vL2pXw8rT4yN6mB1cF5hJ3dS0aG-eU_iO+oP=lK&jH*gY%tR$wE@qZ!xC",
    "ALLOWED_HOSTS": "circulaire-aankopers.be",
    "BASE_URL": "https://circulaire-aankopers.be",
}
NAMES = [
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SECURE",
    "LANGUAGE_COOKIE_SECURE",
    "ADMIN_URL_PATH",
    "TRUSTED_PROXY_HEADER",
    "NUM_PROXIES",
    "ALLAUTH_TRUSTED_CLIENT_IP_HEADER",
    "ALLAUTH_TRUSTED_PROXY_COUNT",
]


def production_settings(**env):
    result = run_manage(
        "shell",
        "-c",
        "import json; from django.conf import settings; "
        f"print(json.dumps({{name: getattr(settings, name) for name in {NAMES!r}}}))",
        env_overrides={**PRODUCTION, **env},
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_cookies_are_secure_and_the_session_is_out_of_scripts_reach():
    values = production_settings()
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["LANGUAGE_COOKIE_SECURE"] is True
    assert values["SESSION_COOKIE_HTTPONLY"] is True


def test_without_proxy_settings_only_the_connection_address_counts():
    values = production_settings()
    assert values["TRUSTED_PROXY_HEADER"] == ""
    assert values["NUM_PROXIES"] == values["ALLAUTH_TRUSTED_PROXY_COUNT"] == 0
    assert values["ALLAUTH_TRUSTED_CLIENT_IP_HEADER"] is None


def test_proxy_settings_come_from_the_environment_for_our_limits_and_allauths():
    values = production_settings(TRUSTED_PROXY_HEADER="X-Real-IP", NUM_PROXIES="2")
    assert values["TRUSTED_PROXY_HEADER"] == values["ALLAUTH_TRUSTED_CLIENT_IP_HEADER"]
    assert values["ALLAUTH_TRUSTED_CLIENT_IP_HEADER"] == "X-Real-IP"
    assert values["NUM_PROXIES"] == values["ALLAUTH_TRUSTED_PROXY_COUNT"] == 2


def test_the_admin_moves_to_its_own_path_and_passes_the_deploy_check():
    env = {**PRODUCTION, "ADMIN_URL_PATH": "beheer-7f3a/"}
    assert production_settings(ADMIN_URL_PATH="beheer-7f3a/")["ADMIN_URL_PATH"] == "beheer-7f3a/"
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env_overrides=env)
    assert result.returncode == 0, result.stderr + result.stdout
    urls = run_manage(
        "shell",
        "-c",
        "from django.urls import resolve; print(resolve('/beheer-7f3a/').app_name or 'ok')",
        env_overrides=env,
    )
    assert urls.returncode == 0, urls.stderr


def test_the_api_is_throttled_for_anonymous_clients_in_production():
    script = (
        "from network.api import DocumentsEndpoint, ImagesEndpoint, PagesEndpoint; "
        "print(sorted({t.__name__ + ' ' + t().get_rate() "
        "for endpoint in (PagesEndpoint, ImagesEndpoint, DocumentsEndpoint) "
        "for t in endpoint.throttle_classes}))"
    )
    result = run_manage("shell", "-c", script, env_overrides=PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "['AnonRateThrottle 600/minute']"
