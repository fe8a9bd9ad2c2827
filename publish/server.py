"""Serve the live release with Datasette, following promotions without a restart.

``publish/live`` links to the current release folder. Once a second the server looks where it
points; when that changes, a new Datasette is made on the new release (immutable, with its
inspect data), warmed (its database opened, its templates compiled), then swapped in. Requests
under way finish on the old one, which is closed a minute later. One process and one port:
stopping it stops everything.

Releases never change once made, so every answer of a release carries an ETag naming it, a
client that sends it back gets 304 Not Modified, and the answers to GETs are kept in memory for
the next reader (``publish/response_cache.py``).
"""

import asyncio
import json
from pathlib import Path

import uvicorn
from datasette.app import Datasette

from publish import release
from publish.response_cache import ResponseCache

POLL_SECONDS = 1.0
GRACE_SECONDS = 60.0  # long enough for the slowest request on the old release to finish
HERE = Path(__file__).resolve().parent
PLUGINS, TEMPLATES, STATIC = HERE / "plugins", HERE / "templates", HERE / "static"
SETTINGS = {
    "sql_time_limit_ms": 1000,
    "max_returned_rows": 1000,
    "allow_download": True,
    "default_cache_ttl": 300,
    "suggest_facets": False,  # each table page would run a query per column to suggest some
    "facet_time_limit_ms": 200,
}


class ReleaseDatasette(Datasette):
    """Datasette on one release, whose metadata never changes: which tables it lets a reader see
    is worked out once per table. Datasette works it out on every request to a table, copying
    the whole metadata (the registry's words for every column) each time: a tenth of the time
    of answering a table's JSON."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._allows: dict[tuple[str, str], list] = {}

    def _table_permission_allows(self, database, table):
        if (database, table) not in self._allows:
            self._allows[database, table] = super()._table_permission_allows(database, table)
        return self._allows[database, table]


def datasette_for(folder: Path) -> Datasette:
    """Datasette on one release folder: its databases immutable, their counts from the inspect
    files; the Data Docs, the downloads and the release manifest as static files; the portal's
    pages told what the release was built from (a release from before the audit trail has the
    marts only)."""
    read = lambda name: json.loads((folder / name).read_text(encoding="utf-8"))  # noqa: E731
    databases, inspect = [folder / release.DATABASE], read(release.INSPECT)
    if (folder / release.AUDIT_DATABASE).exists():
        databases.append(folder / release.AUDIT_DATABASE)
        inspect |= read(release.AUDIT_INSPECT)
    static = [(name, folder / name) for name in (release.DATA_DOCS, release.FILES) if (folder / name).is_dir()]
    static += [("release", folder), ("portal-static", STATIC)]  # /release/release.json: how it was built
    metadata = read(release.METADATA)
    manifest = read(release.MANIFEST) if (folder / release.MANIFEST).exists() else {}
    metadata.setdefault("plugins", {})["welfare-portal"] = {"release": {**manifest, "files": None}}
    return ReleaseDatasette(
        immutables=[str(d) for d in databases],
        inspect_data=inspect,
        metadata=metadata,
        plugins_dir=str(PLUGINS),
        template_dir=str(TEMPLATES),
        settings=SETTINGS,
        static_mounts=[(name, str(path)) for name, path in static],
    )


class LiveRelease:
    """An ASGI app that hands each request to the Datasette of the live release."""

    def __init__(self, publish_dir: Path):
        self.publish_dir = publish_dir
        self.folder: Path | None = None
        self._datasette: Datasette | None = None
        self.app = self.cached = None
        self.etag = b""
        self._watcher: asyncio.Task | None = None

    async def switch_to(self, folder: Path) -> None:
        ds = datasette_for(folder)
        await ds.invoke_startup()
        # Open the database, read the portal's catalogue and compile the pages' templates before
        # the first reader: twenty readers arriving at once would otherwise each wait for them.
        await ds.client.get("/")
        for template in TEMPLATES.glob("*.html"):
            ds.jinja_env.get_template(template.name)
        old = self._datasette
        self._datasette, self.folder = ds, folder
        self.app = ds.app()
        self.cached = ResponseCache(self.app)
        self.etag = f'W/"{folder.name}"'.encode()
        if old is not None:
            asyncio.get_running_loop().call_later(GRACE_SECONDS, old.executor.shutdown, False)

    async def watch(self) -> None:
        while True:
            await asyncio.sleep(POLL_SECONDS)
            current = release.live_release(self.publish_dir)
            if current and current != self.folder:
                try:
                    await self.switch_to(current)
                except Exception as e:  # a broken release must not take the server down
                    print(f"release {current.name} not served: {type(e).__name__}: {e}", flush=True)
                else:
                    print(f"serving release {current.name}", flush=True)

    async def __call__(self, scope, receive, send):
        if scope["type"] == "lifespan":
            return await self._lifespan(receive, send)
        if scope["type"] == "http" and scope["method"] in ("GET", "HEAD"):
            etag = self.etag
            if etag and etag in dict(scope["headers"]).get(b"if-none-match", b""):
                await send({"type": "http.response.start", "status": 304, "headers": [(b"etag", etag)]})
                return await send({"type": "http.response.body", "body": b""})
            return await self.cached(scope, receive, _with_etag(send, etag))
        return await self.app(scope, receive, send)

    async def _lifespan(self, receive, send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await self.switch_to(release.live_release(self.publish_dir))
                self._watcher = asyncio.create_task(self.watch())
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                self._watcher.cancel()
                await send({"type": "lifespan.shutdown.complete"})
                return


def _with_etag(send, etag: bytes):
    async def sending(message):
        if message["type"] == "http.response.start" and message["status"] == 200:
            message = {**message, "headers": [*message.get("headers", []), (b"etag", etag)]}
        await send(message)

    return sending


def serve(publish_dir: Path, port: int) -> None:
    """Serve until SIGINT or SIGTERM; uvicorn finishes requests under way, then returns."""
    uvicorn.run(LiveRelease(publish_dir), host="127.0.0.1", port=port, log_level="warning", lifespan="on")
