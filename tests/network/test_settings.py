"""Production settings refuse to start half-configured and pass Django's deploy checks."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


# Set by the browser tests for their own process; a production check must not inherit it.
NEVER_INHERITED = ("DJANGO_ALLOW_ASYNC_UNSAFE",)


def run_manage(*args, env_overrides=None, drop=()):
    env = {k: v for k, v in os.environ.items() if k not in (*drop, *NEVER_INHERITED)}
    env.update(env_overrides or {})
    return subprocess.run(  # noqa: S603 - fixed arguments, our own manage.py
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


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
    assert "django.core.cache.backends.redis.RedisCache" in result.stdout


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
