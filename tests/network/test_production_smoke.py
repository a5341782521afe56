"""Production settings against the real services of this machine (PostgreSQL and Redis)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
POSTGRES_URL = os.environ.get("SMOKE_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/test")
REDIS_URL = os.environ.get("SMOKE_REDIS_URL", "redis://127.0.0.1:6379/9")


SMOKE = r"""
import django
django.setup()
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test import Client

assert settings.DEBUG is False
assert connection.vendor == "postgresql", connection.vendor
cache.set("smoke", "ok", 10)
assert cache.get("smoke") == "ok"
client = Client(HTTP_HOST="circulaire-aankopers.be")
plain = client.get("/healthz")
assert plain.status_code == 301 and plain["Location"].startswith("https://"), plain.status_code
secure = client.get("/healthz", secure=True, headers={"x-forwarded-proto": "https"})
assert secure.status_code == 200, secure.status_code
assert "max-age=31536000" in secure["Strict-Transport-Security"]
print("SMOKE OK")
"""


def test_production_settings_run_against_postgresql_and_redis():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "network.settings.production",
        "SECRET_KEY": "k7#Qz9vL2pXw8rT4yN6mB1cF5hJ3dS0aG-eU_iO+oP=lK&jH*gY%tR$wE@qZ!xC",
        "ALLOWED_HOSTS": "circulaire-aankopers.be",
        "BASE_URL": "https://circulaire-aankopers.be",
        "DATABASE_URL": POSTGRES_URL,
        "REDIS_URL": REDIS_URL,
    }
    result = subprocess.run(  # noqa: S603 - fixed code, our own settings
        [sys.executable, "-c", SMOKE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "SMOKE OK" in result.stdout
