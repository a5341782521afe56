"""A version token in Redis that each process knows without asking Redis on every request.

The page cache tags every stored page with a generation token kept in the shared cache; a
content change replaces the token (`network.page_cache`). Asking Redis for the token on every
page-cache hit costs a round trip, more than the rest of the hit together. `GenerationWatch`
instead keeps the process's copy current through Redis pub/sub: whoever replaces the token
publishes the new one on a channel, and every process subscribed to it reads pending messages
without blocking before it trusts its copy.

Why a copy is as current as asking: Redis queues the message on every subscriber's connection
while it runs the PUBLISH, before it answers the publisher, and on one machine or a local
network the message is in the subscriber's socket before the publisher's HTTP response (and
so any later request) can reach another process. The copy is only trusted while the
subscription is healthy:
- a broken or refused connection drops the copy (and the local pages with it) until a new
  subscription and a fresh read of the token;
- the token is read again every `RECHECK_SECONDS`, which catches what no message announces
  (a flushed or evicted key, a frozen Redis that still holds the socket open), so a copy is
  never trusted longer than that after Redis stops answering;
- after a failure the process waits `retry_seconds` of the cache before it subscribes again,
  so a dead Redis costs one connection attempt, not one per request.

Without Redis (the shared file cache) there is no watch: `current()` answers None and callers
read the token from the cache as before.
"""

import logging
import os
import threading
import time

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from redis.client import PubSub
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RECHECK_SECONDS = 1.0
DEFAULT_RETRY_SECONDS = 5.0


class CountingPubSub(PubSub):
    """redis-py's pub/sub connection, counting its connections: after a reconnection it has
    subscribed again by itself, and what was published in between never reaches it."""

    connects = 0

    def on_connect(self, connection):
        self.connects += 1
        return super().on_connect(connection)


class GenerationWatch:
    """The current value of one cache key, for this process, while Redis vouches for it."""

    def __init__(self, key):
        self.key = key
        self._lock = threading.Lock()
        self._reset()

    def _reset(self, retry_after=0.0):
        if getattr(self, "_pubsub", None) is not None:
            try:
                self._pubsub.close()
            except (RedisError, OSError):
                pass
        self._pubsub = None
        self._backend = None
        self._pid = None
        self._value = None
        self._checked_at = 0.0
        self._retry_at = retry_after

    @staticmethod
    def usable():
        return isinstance(caches["default"], RedisCache)

    def channel(self):
        return caches["default"].make_key(f"{self.key}:changes")

    def publish(self, value):
        """Tell every watching process that the key now holds `value` (after setting it)."""
        if not self.usable():
            return
        try:
            caches["default"]._cache.get_client(write=True).publish(self.channel(), value)
        except (RedisError, OSError) as error:
            # The others find out at their next recheck, or drop their copies when their
            # subscription breaks; this process forgets its own copy at once.
            logger.warning("Could not announce a new %s: %r", self.key, error)
            with self._lock:
                self._reset(time.monotonic() + self._retry_seconds())
            return
        with self._lock:
            if self._pubsub is not None and self._pid == os.getpid():
                self._value = value

    def current(self):
        """The key's value as Redis holds it now, or None when this process cannot vouch for
        it (no Redis, no healthy subscription, the key missing): then read the cache."""
        if not self.usable():
            return None
        backend = caches["default"]
        if not getattr(backend, "is_reachable", lambda: True)():
            return None  # the cache knows Redis is down: no second wait for it here
        with self._lock:
            now = time.monotonic()
            if self._pid is not None and self._pid != os.getpid():
                self._pubsub = None  # a forked copy of the parent's subscription: never use it
                self._reset()
            if now < self._retry_at:
                return None
            if self._pubsub is not None and self._backend is not caches["default"]:
                self._reset()  # the cache settings changed (another key prefix or server)
            try:
                if self._pubsub is None:
                    self._subscribe()
                self._read_messages()
                if self._pubsub.connects > 1:
                    # redis-py reconnected and subscribed again by itself: what was announced
                    # in between is lost, so the value is read afresh.
                    self._pubsub.connects = 1
                    self._value = None
                if self._value is None or now - self._checked_at >= RECHECK_SECONDS:
                    self._value = self._read_value()
                    self._checked_at = now
            except Exception as error:  # noqa: BLE001 - whatever fails, the page is served
                logger.info("Stopped trusting the local %s: %r", self.key, error)
                self._reset(now + self._retry_seconds())
                return None
            return self._value

    def reset(self):
        """Start afresh: no copy, no subscription, no wait after an earlier failure."""
        with self._lock:
            self._reset()

    def _retry_seconds(self):
        return getattr(caches["default"], "retry_seconds", DEFAULT_RETRY_SECONDS)

    def _subscribe(self):
        self._backend = caches["default"]
        client = self._backend._cache.get_client()
        pubsub = CountingPubSub(client.connection_pool, ignore_subscribe_messages=True)
        pubsub.subscribe(self.channel())
        self._pubsub = pubsub
        self._pid = os.getpid()
        # Read after subscribing, so no change between the two can be missed.
        self._value = None

    def _read_messages(self):
        while True:
            message = self._pubsub.get_message(timeout=0.0)
            if message is None:
                return
            if message.get("type") == "message":
                data = message["data"]
                self._value = data.decode() if isinstance(data, bytes) else str(data)

    def _read_value(self):
        """The key's value straight from Redis; a failure raises (the cache API would not)."""
        backend = caches["default"]
        raw = backend._cache.get_client(self.key).get(backend.make_and_validate_key(self.key))
        if raw is None:
            return None
        return backend._cache._serializer.loads(raw)
