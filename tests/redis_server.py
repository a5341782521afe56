"""A real Redis server that a test starts, kills, freezes and restarts itself.

Debian's `redis-server` runs on a free port of its own, keeping nothing on disk, so a test
can take it away without touching the Redis other tests share.
"""

import shutil
import signal
import socket
import subprocess
import time

import pytest

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port, seconds=20, open_=True):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                if open_:
                    return
        except OSError:
            if not open_:
                return
        time.sleep(0.05)
    raise TimeoutError(f"port {port} did not {'open' if open_ else 'close'}")


class RedisServer:
    """One redis-server process on `port`; `url` for a database number on it."""

    def __init__(self):
        self.port = free_port()
        self.process = None

    def url(self, db=0):
        return f"redis://127.0.0.1:{self.port}/{db}"

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603 - Debian's redis-server, fixed arguments
            [
                REDIS_SERVER,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port)

    def kill(self):
        """Gone at once, as after a crash: connections are refused."""
        if self.process is not None:
            self.process.kill()
            self.process.wait(10)
            self.process = None
            wait_for_port(self.port, open_=False)

    def freeze(self):
        """Still accepting connections (the kernel does), never answering."""
        self.process.send_signal(signal.SIGSTOP)

    def thaw(self):
        self.process.send_signal(signal.SIGCONT)


@pytest.fixture
def redis_server():
    if not shutil.which(REDIS_SERVER):
        pytest.fail("redis-server is not installed (Debian package redis-server)")
    server = RedisServer()
    server.start()
    yield server
    if server.process is not None:
        server.thaw()
        server.kill()
