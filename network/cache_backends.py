"""Cache backends that every process of a deployment can share, and that fail soft.

`ResilientRedisCache` is Django's Redis cache that never takes a page down with it: when
Redis is dead or frozen, each call answers as a cache miss (reads give the default, writes
report nothing stored) after at most the short socket timeout, and for `retry_seconds`
afterwards the process does not even try, so a frozen Redis costs one timeout, not one per
call. One warning is logged when Redis becomes unreachable and one line when it answers
again; nothing in between. Changes made while Redis was unreachable could not retire cached
values (`network.page_cache`, `home.navigation` keep their version tokens in the cache), so
on recovery `cache_recovered` is sent and those modules start new versions.

`SharedFileCache` is the default without Redis: Django's file-based cache in one folder on
the machine, so every worker, management command and task worker of one server reads and
writes the same entries (a local-memory cache would keep one stale copy per process).
Counters (`add`, `incr`, used by rate limits) take a file lock, so concurrent requests in
different processes never lose a count.
"""

import fcntl
import functools
import logging
import os
import random
import threading
import time
from contextlib import contextmanager

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.redis import RedisCache
from django.dispatch import Signal
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# Sent (sender: the backend class) when a cache that was unreachable answers again.
cache_recovered = Signal()

# What a dead, refusing or frozen server raises through redis-py.
UNREACHABLE = (RedisError, OSError)


class _Outage:
    """Whether one cache server is treated as unreachable, shared by the process's threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.down_until = 0.0
        self.was_down = False


_outages = {}
_outages_lock = threading.Lock()
_recovering = threading.local()


def _outage_for(location):
    with _outages_lock:
        return _outages.setdefault(location, _Outage())


def _fail_soft(name, fallback):
    """RedisCache's method `name`, answering `fallback(*args)` when Redis cannot be reached."""
    parent = getattr(RedisCache, name)

    @functools.wraps(parent)
    def method(self, *args, **kwargs):
        return self._call(lambda: parent(self, *args, **kwargs), lambda: fallback(*args, **kwargs))

    return method


class ResilientRedisCache(RedisCache):
    """Django's RedisCache; an unreachable server reads as empty and is retried later.

    OPTIONS may hold `retry_seconds` (default 5): how long to skip Redis after a failure.
    The rest of OPTIONS goes to redis-py as usual; settings give short socket timeouts.
    """

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        self.retry_seconds = float(options.pop("retry_seconds", 5))
        super().__init__(server, {**params, "OPTIONS": options})
        self._outage = _outage_for(tuple(self._servers))

    def is_reachable(self):
        """False while this process treats the server as down (no network round trip)."""
        return time.monotonic() >= self._outage.down_until

    def _call(self, operation, fallback):
        outage = self._outage
        if time.monotonic() < outage.down_until:
            return fallback()
        try:
            result = operation()
        except UNREACHABLE as error:
            with outage.lock:
                first = not outage.was_down
                outage.was_down = True
                outage.down_until = time.monotonic() + self.retry_seconds
            if first:
                logger.warning(
                    "Cache server unreachable, serving without it (retrying every %s s): %s",
                    self.retry_seconds,
                    error,
                )
            return fallback()
        if outage.was_down:
            self._recovered()
        return result

    def _recovered(self):
        with self._outage.lock:
            if not self._outage.was_down:
                return
            self._outage.was_down = False
        logger.warning("Cache server reachable again")
        if getattr(_recovering, "active", False):
            return
        _recovering.active = True
        try:
            cache_recovered.send(sender=type(self))
        finally:
            _recovering.active = False

    add = _fail_soft("add", lambda *args, **kwargs: False)
    get = _fail_soft("get", lambda key, default=None, version=None: default)
    set = _fail_soft("set", lambda *args, **kwargs: None)
    touch = _fail_soft("touch", lambda *args, **kwargs: False)
    delete = _fail_soft("delete", lambda *args, **kwargs: False)
    get_many = _fail_soft("get_many", lambda *args, **kwargs: {})
    has_key = _fail_soft("has_key", lambda *args, **kwargs: False)
    # None, not an exception: rate limits then let the request through (fail open).
    incr = _fail_soft("incr", lambda *args, **kwargs: None)
    set_many = _fail_soft("set_many", lambda data, *args, **kwargs: list(data))
    delete_many = _fail_soft("delete_many", lambda *args, **kwargs: None)
    clear = _fail_soft("clear", lambda: False)


class SharedFileCache(FileBasedCache):
    """Django's file-based cache, with counters that are atomic across processes.

    Django culls the folder on every write by listing it; here the listing happens on about
    one write in `CULL_EVERY`, which keeps writes cheap with many entries (the cap is then
    approximate, as with every cache).
    """

    CULL_EVERY = 50

    @contextmanager
    def _locked(self):
        os.makedirs(self._dir, 0o700, exist_ok=True)
        with open(os.path.join(self._dir, ".lock"), "a") as lock_file:
            fcntl.flock(lock_file, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock_file, fcntl.LOCK_UN)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        with self._locked():
            return super().add(key, value, timeout, version)

    def incr(self, key, delta=1, version=None):
        with self._locked():
            return super().incr(key, delta, version)

    def _cull(self):
        if random.randrange(self.CULL_EVERY) == 0:  # noqa: S311 - spreads work, not security
            super()._cull()
