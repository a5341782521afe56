"""The WSGI entry point that gunicorn loads in each worker."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

LOAD = r"""
import gc
import network.wsgi
print(gc.get_freeze_count(), len(gc.get_objects()))
"""


def test_loading_the_app_leaves_what_it_loaded_to_the_garbage_collectors_frozen_set():
    # A full collection walks every tracked object; the modules, models and settings that
    # a worker holds until it stops need not be walked again and again.
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "network.settings.test"}
    result = subprocess.run(  # noqa: S603 - fixed code, our own settings
        [sys.executable, "-c", LOAD], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    frozen, still_tracked = map(int, result.stdout.split())
    assert frozen > 100_000
    assert still_tracked < frozen / 100
