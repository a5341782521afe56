"""Production settings refuse to start half-configured and pass Django's deploy checks."""

from tests.processes import run_manage


def test_production_refuses_to_start_without_secret_key():
    result = run_manage(
        "check",
        env_overrides={
            "DJANGO_SETTINGS_MODULE": "network.settings.production",
            "ALLOWED_HOSTS": "example.org",
        },
        drop=("SECRET_KEY",),
    )
    assert result.returncode != 0
    assert "need the environment variable(s) SECRET_KEY" in result.stderr
    assert "ALLOWED_HOSTS" not in result.stderr.split("need the environment")[1]


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_manage(
        "check",
        env_overrides={
            "DJANGO_SETTINGS_MODULE": "network.settings.production",
            "SECRET_KEY": "x" * 60,
        },
        drop=("ALLOWED_HOSTS",),
    )
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_production_check_deploy_reports_no_warnings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env_overrides={
            "DJANGO_SETTINGS_MODULE": "network.settings.production",
            "SECRET_KEY": "k7#Qz9vL2pXw8rT4yN6mB1cF5hJ3dS0aG-eU_iO+oP=lK&jH*gY%tR$wE@qZ!xC",
            "ALLOWED_HOSTS": "circulaire-aankopers.be",
            "BASE_URL": "https://circulaire-aankopers.be",
        },
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_redis_url_switches_the_cache_to_redis():
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])",
        env_overrides={
            "DJANGO_SETTINGS_MODULE": "network.settings.dev",
            "REDIS_URL": "redis://127.0.0.1:6379/5",
        },
    )
    assert result.returncode == 0, result.stderr
    assert "network.cache_backends.ResilientRedisCache" in result.stdout


def test_database_url_picks_postgresql():
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])",
        env_overrides={
            "DJANGO_SETTINGS_MODULE": "network.settings.dev",
            "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/test",
        },
    )
    assert result.returncode == 0, result.stderr
    assert "postgresql" in result.stdout


def _print_setting(expression, **env):
    result = run_manage(
        "shell",
        "-c",
        f"from django.conf import settings; print('SETTING', {expression})",
        env_overrides={"DJANGO_SETTINGS_MODULE": "network.settings.dev", **env},
        drop=("REDIS_URL", "CACHE_DIR", "CACHE_KEY_PREFIX", "DATABASE_URL"),
    )
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("SETTING ")]
    assert len(lines) == 1, result.stdout + result.stderr
    return lines[0].removeprefix("SETTING ")


def test_without_redis_every_process_shares_a_cache_folder(tmp_path):
    backend = _print_setting(
        "settings.CACHES['default']['BACKEND'], settings.CACHES['default']['LOCATION']",
        CACHE_DIR=str(tmp_path),
    )
    assert backend == f"network.cache_backends.SharedFileCache {tmp_path}"


def test_cache_keys_name_the_prefix_and_the_database():
    sqlite = "sqlite:////tmp/one.sqlite3"
    first = _print_setting("settings.CACHES['default']['KEY_PREFIX']", DATABASE_URL=sqlite)
    again = _print_setting("settings.CACHES['default']['KEY_PREFIX']", DATABASE_URL=sqlite)
    other = _print_setting(
        "settings.CACHES['default']['KEY_PREFIX']", DATABASE_URL="sqlite:////tmp/two.sqlite3"
    )
    site_b = _print_setting(
        "settings.CACHES['default']['KEY_PREFIX']",
        DATABASE_URL=sqlite,
        CACHE_KEY_PREFIX="site-b",
    )
    assert first == again
    assert first.startswith("dca:")
    assert other != first
    assert site_b.startswith("site-b:") and site_b.split(":")[1] == first.split(":")[1]


PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "network.settings.production",
    "SECRET_KEY": "k7#Qz9vL2pXw8rT4yN6mB1cF5hJ3dS0aG-eU_iO+oP=lK&jH*gY%tR$wE@qZ!xC",
    "ALLOWED_HOSTS": "circulaire-aankopers.be",
    "BASE_URL": "https://circulaire-aankopers.be",
}


def test_production_refuses_a_redis_url_it_cannot_use():
    result = run_manage("check", env_overrides={**PRODUCTION, "REDIS_URL": "http://cache:6379"})
    assert result.returncode != 0
    assert "REDIS_URL must start with redis://" in result.stderr


def test_production_refuses_a_cache_folder_it_cannot_write():
    result = run_manage(
        "check", env_overrides={**PRODUCTION, "CACHE_DIR": "/proc/dca-cache"}, drop=("REDIS_URL",)
    )
    assert result.returncode != 0
    assert "CACHE_DIR /proc/dca-cache is not writable" in result.stderr
