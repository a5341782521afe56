"""Background tasks in production, configured from the environment alone.

`TASKS_BACKEND=django_tasks.backends.database.DatabaseBackend` (the documented path) queues
tasks in the database, and a separate `manage.py db_worker` process, started with the
production settings and nothing but environment variables, runs them: here it sends a
registration e-mail with the console backend (production's default without EMAIL_HOST),
which the test reads from the worker's output.
"""

import pytest
from django.core import mail
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from agenda import services
from tests.processes import database_url, run_manage

DOCUMENTED_BACKEND = "django_tasks.backends.database.DatabaseBackend"


def production_env(tmp_path):
    return {
        "DJANGO_SETTINGS_MODULE": "network.settings.production",
        "SECRET_KEY": "w0rker-t3st-Key-9fQz2LmXv8RtYp4NcB7dKs1HgJ6aE5uW3oIqZ-xCyT_rV+nM",
        "ALLOWED_HOSTS": "circulaire-aankopers.be",
        "BASE_URL": "https://circulaire-aankopers.be",
        "DATABASE_URL": database_url(),
        "TASKS_BACKEND": DOCUMENTED_BACKEND,
        "CACHE_DIR": str(tmp_path / "cache"),
        "MEDIA_ROOT": str(tmp_path / "media"),
    }


def run(args, env):
    return run_manage(*args, env_overrides=env)


def test_the_documented_backend_path_selects_the_database_backend(tmp_path):
    env = production_env(tmp_path)
    code = (
        "from django_tasks import task_backends; b = task_backends['default']; "
        "print(type(b).__module__, type(b).__name__)"
    )
    result = run(["shell", "--no-imports", "-c", code], env)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["django_tasks_db.backend", "DatabaseBackend"]
    for path in (DOCUMENTED_BACKEND, "django_tasks_db.DatabaseBackend"):
        checked = run(["check"], {**env, "TASKS_BACKEND": path})
        assert checked.returncode == 0, checked.stderr[-2000:]


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_a_worker_process_sends_the_queued_registration_email(event, registrant, tmp_path):
    registration = services.register(event, registrant(1))
    assert mail.outbox == []
    assert DBTaskResult.objects.ready().count() == 1

    result = run(
        ["db_worker", "--batch", "--no-startup-delay", "--no-reload"], production_env(tmp_path)
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "To: persoon1@example.org" in result.stdout
    assert f"/manage/{registration.manage_secret}/" in result.stdout
    assert DBTaskResult.objects.successful().count() == 1
    assert not DBTaskResult.objects.ready().exists()
