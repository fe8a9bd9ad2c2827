"""The response cache in front of a release, on a small ASGI app that counts what it is asked."""

import asyncio

from publish import response_cache
from publish.response_cache import ResponseCache


def app_answering(status=200, headers=(), body=b"ok"):
    calls = []

    async def app(scope, receive, send):
        calls.append(scope["path"])
        await send({"type": "http.response.start", "status": status, "headers": list(headers)})
        await send({"type": "http.response.body", "body": body})

    return app, calls


def get(cache, path, gzip=False) -> list[dict]:
    sent = []

    async def send(message):
        sent.append(message)

    headers = [(b"accept-encoding", b"gzip")] if gzip else []
    scope = {"type": "http", "method": "GET", "path": path, "query_string": b"", "headers": headers}
    asyncio.run(cache(scope, None, send))
    return sent


def test_a_200_is_answered_again_from_memory_per_encoding():
    app, calls = app_answering()
    cache = ResponseCache(app)
    first, again = get(cache, "/a"), get(cache, "/a")
    assert first == again and calls == ["/a"]
    get(cache, "/a", gzip=True)
    assert calls == ["/a", "/a"]  # a compressed answer is another answer


def test_errors_cookies_and_large_answers_are_not_kept():
    for app, calls in (
        app_answering(status=404),
        app_answering(headers=[(b"set-cookie", b"ds_csrftoken=x")]),
        app_answering(body=b"x" * (response_cache.MAX_ENTRY + 1)),
    ):
        cache = ResponseCache(app)
        get(cache, "/a")
        get(cache, "/a")
        assert calls == ["/a", "/a"]


def test_the_cache_stays_within_its_bound(monkeypatch):
    monkeypatch.setattr(response_cache, "MAX_TOTAL", 10)
    app, calls = app_answering(body=b"12345")
    cache = ResponseCache(app)
    for path in ("/a", "/b", "/c", "/a"):
        get(cache, path)
    assert calls == ["/a", "/b", "/c", "/a"]  # /a was dropped to keep /b and /c within 10 bytes
