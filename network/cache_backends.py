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
different processes never lose a count. A full, read-only or damaged folder fails soft in
the same way as Redis.
"""

import fcntl
import functools
import logging
import os
import pickle
import random
import threading
import time
import zlib
from contextlib import contextmanager

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.dispatch import Signal
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# Sent (sender: the backend class) when a cache that was unreachable answers again.
cache_recovered = Signal()

# What a dead, refusing or frozen server raises through redis-py.
UNREACHABLE = (RedisError, OSError)
# What a full, read-only or damaged cache folder raises.
UNUSABLE_FOLDER = (OSError, EOFError, pickle.UnpicklingError, zlib.error)
# A cache that keeps failing and recovering (a full disk: reads work, writes fail) logs at
# most one line per change of state in this many seconds.
LOG_INTERVAL = 60


class _Outage:
    """Whether one cache is treated as unreachable, shared by the process's threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.down_until = 0.0
        self.was_down = False
        self.logged = {}  # "down"/"up" -> when it was last logged


_outages = {}
_outages_lock = threading.Lock()
_recovering = threading.local()


def _outage_for(location):
    with _outages_lock:
        return _outages.setdefault(location, _Outage())


def _fail_soft(operation, fallback):
    """A cache method doing `operation`, answering `fallback(*args)` when the cache fails."""

    @functools.wraps(operation)
    def method(self, *args, **kwargs):
        return self._call(
            lambda: operation(self, *args, **kwargs), lambda: fallback(*args, **kwargs)
        )

    return method


class FailSoftCache:
    """Mixin: a cache that fails reads as empty, skips itself a while, and says so once.

    `failures` are the exceptions that mean "the cache cannot be used right now"; after one,
    the process does not use the cache for `retry_seconds` (OPTIONS), then tries again. On
    the first success after a failure `cache_recovered` is sent.
    """

    failures = ()
    default_retry_seconds = 5

    def _init_fail_soft(self, params, location):
        options = dict(params.get("OPTIONS", {}))
        self.retry_seconds = float(options.pop("retry_seconds", self.default_retry_seconds))
        self._outage = _outage_for(location)
        return {**params, "OPTIONS": options}

    def is_reachable(self):
        """False while this process treats the cache as down (no round trip)."""
        return time.monotonic() >= self._outage.down_until

    def _log_once_in_a_while(self, state, message, *args):
        now = time.monotonic()
        outage = self._outage
        if now - outage.logged.get(state, -LOG_INTERVAL) >= LOG_INTERVAL:
            outage.logged[state] = now
            logger.warning(message, *args)

    def _call(self, operation, fallback):
        outage = self._outage
        if time.monotonic() < outage.down_until:
            return fallback()
        try:
            result = operation()
        except self.failures as error:
            with outage.lock:
                first = not outage.was_down
                outage.was_down = True
                outage.down_until = time.monotonic() + self.retry_seconds
            if first:
                self._log_once_in_a_while(
                    "down",
                    "Cache unreachable, serving without it (retrying every %s s): %s",
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
        self._log_once_in_a_while("up", "Cache reachable again")
        if getattr(_recovering, "active", False):
            return
        _recovering.active = True
        try:
            cache_recovered.send(sender=type(self))
        finally:
            _recovering.active = False


def fail_soft_api(base, **overrides):
    """Class decorator: the cache API of `base`, each method failing soft (FailSoftCache).

    `overrides` name methods to wrap instead of `base`'s own.
    """
    operations = {
        # True, as if stored: locks and counters built on `add` (allauth's and
        # django-ratelimit's rate limits) then let the request through instead of refusing
        # everybody while the cache is down.
        "add": (base.add, lambda *args, **kwargs: True),
        "get": (base.get, lambda key, default=None, version=None: default),
        "set": (base.set, lambda *args, **kwargs: None),
        "touch": (base.touch, lambda *args, **kwargs: False),
        "delete": (base.delete, lambda *args, **kwargs: False),
        "get_many": (base.get_many, lambda *args, **kwargs: {}),
        "has_key": (base.has_key, lambda *args, **kwargs: False),
        # None, not an exception: rate limits then let the request through (fail open).
        "incr": (base.incr, lambda *args, **kwargs: None),
        "set_many": (base.set_many, lambda data, *args, **kwargs: list(data)),
        "delete_many": (base.delete_many, lambda *args, **kwargs: None),
        "clear": (base.clear, lambda: False),
    }
    for name, operation in overrides.items():
        operations[name] = (operation, operations[name][1])

    def decorate(cls):
        for name, (operation, fallback) in operations.items():
            setattr(cls, name, _fail_soft(operation, fallback))
        return cls

    return decorate


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django's Redis cache client, with one redis-py client per connection pool.

    Django makes a new `redis.Redis` for every cache operation, and each one builds its table
    of about 170 response callbacks: more time than a local round trip. A client is only a
    front for its pool and is safe to share between threads, so one per pool is kept.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


@fail_soft_api(RedisCache)
class ResilientRedisCache(FailSoftCache, RedisCache):
    """Django's RedisCache; an unreachable server reads as empty and is retried later.

    OPTIONS may hold `retry_seconds` (default 5): how long to skip Redis after a failure.
    The rest of OPTIONS goes to redis-py as usual; settings give short socket timeouts.
    """

    failures = UNREACHABLE

    def __init__(self, server, params):
        RedisCache.__init__(self, server, self._init_fail_soft(params, ("redis", server)))
        self._class = ReusedClientRedisCacheClient


@contextmanager
def _folder_lock(directory):
    os.makedirs(directory, 0o700, exist_ok=True)
    with open(os.path.join(directory, ".lock"), "a") as lock_file:
        fcntl.flock(lock_file, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock_file, fcntl.LOCK_UN)


def _locked_add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
    with _folder_lock(self._dir):
        return FileBasedCache.add(self, key, value, timeout, version)


def _locked_incr(self, key, delta=1, version=None):
    with _folder_lock(self._dir):
        return FileBasedCache.incr(self, key, delta, version)


@fail_soft_api(FileBasedCache, add=_locked_add, incr=_locked_incr)
class SharedFileCache(FailSoftCache, FileBasedCache):
    """Django's file-based cache, with counters that are atomic across processes.

    A full, read-only or damaged folder reads as an empty cache, like an unreachable Redis.
    Django culls the folder on every write by listing it; here the listing happens on about
    one write in `CULL_EVERY`, which keeps writes cheap with many entries (the cap is then
    approximate, as with every cache).
    """

    CULL_EVERY = 50
    failures = UNUSABLE_FOLDER

    def __init__(self, directory, params):
        FileBasedCache.__init__(self, directory, self._init_fail_soft(params, ("dir", directory)))

    def _cull(self):
        if random.randrange(self.CULL_EVERY) == 0:  # noqa: S311 - spreads work, not security
            super()._cull()
