"""A table's facet counts on its page, and in its JSON only when asked for with ``_facet=``, as
Datasette 1.0 answers. A program reading the JSON wants the rows; the facets configured for a
table are four more queries, each with its links, and half the time of answering it."""

from urllib.parse import parse_qsl

from datasette import hookimpl


def asks_for_facets(query_string: bytes) -> bool:
    """True if the query names a facet (``_facet``, ``_facet_array``, …) or says ``_nofacet``."""
    names = (name for name, _ in parse_qsl(query_string.decode("latin-1"), keep_blank_values=True))
    return any(name.startswith(("_facet", "_nofacet")) for name in names)


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def json_without_facets(scope, receive, send):
            if scope["type"] == "http" and scope["path"].endswith(".json"):
                query = scope["query_string"]
                if not asks_for_facets(query):
                    scope = {**scope, "query_string": query + b"&_nofacet=1" if query else b"_nofacet=1"}
            await app(scope, receive, send)

        return json_without_facets

    return wrap
