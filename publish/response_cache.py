"""Answers of one release kept in memory and served again at once. A release never changes, so a
200 answer to a GET stays right until the next release, when the cache is thrown away with the
Datasette that made it. Bounded: entries over a megabyte are not kept, and the oldest go once
the whole passes its limit."""

from collections import OrderedDict

MAX_ENTRY = 1_000_000
MAX_TOTAL = 64_000_000


def _keepable(start) -> bool:
    """A 200 that hands nothing personal to its reader (a cookie would be handed to everyone)."""
    return start is not None and start["status"] == 200 and not any(k == b"set-cookie" for k, _ in start["headers"])


class ResponseCache:
    def __init__(self, app):
        self.app = app
        self._entries: OrderedDict = OrderedDict()
        self._size = 0

    @staticmethod
    def _key(scope) -> tuple:
        headers = dict(scope["headers"])
        gzip = b"gzip" in headers.get(b"accept-encoding", b"")  # plugins/compression.py answers both ways
        return scope["method"], scope["path"], scope["query_string"], gzip

    async def __call__(self, scope, receive, send):
        key = self._key(scope)
        if key in self._entries:
            self._entries.move_to_end(key)
            start, body = self._entries[key]
            await send(start)
            return await send({"type": "http.response.body", "body": body})
        start, chunks = None, []

        async def keeping(message):
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
            elif _keepable(start):
                chunks.append(message.get("body", b""))
                if not message.get("more_body") and sum(map(len, chunks)) <= MAX_ENTRY:
                    self._keep(key, start, b"".join(chunks))
            await send(message)

        await self.app(scope, receive, keeping)

    def _keep(self, key, start, body: bytes) -> None:
        self._entries[key] = (start, body)
        self._size += len(body)
        while self._size > MAX_TOTAL:
            _, (_, dropped) = self._entries.popitem(last=False)
            self._size -= len(dropped)
