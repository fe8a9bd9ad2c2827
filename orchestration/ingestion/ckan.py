"""Fetch a resource from a CKAN portal's DataStore (data.go.th and provincial data catalogues run
CKAN) into a landing file, every page of it, with where and when it came from.

The file has the shape of one ``datastore_search`` answer holding all records, plus a
``provenance`` object that ingestion copies into the load log. Records are written as they
arrive, so memory does not grow with the resource.
"""

import json
import os
from datetime import UTC, datetime
from pathlib import Path

import ckanapi

PAGE_SIZE = 10_000  # CKAN caps a page at its ckan.datastore.search.rows_max (32,000 by default)


class FetchFailed(Exception):
    """The portal refused the request or changed the resource while it was being paged through."""


def fetch(portal: str, resource_id: str, target: Path, page_size: int = PAGE_SIZE) -> dict:
    """Write every record of ``resource_id`` to ``target``; return the provenance recorded."""
    ckan = ckanapi.RemoteCKAN(portal, user_agent="welfare-warehouse (ckanapi)")
    partial = target.with_name(target.name + ".part")
    target.parent.mkdir(parents=True, exist_ok=True)
    fetched_at = datetime.now(UTC).isoformat(timespec="seconds")
    try:
        provenance = _write_pages(ckan, portal, resource_id, partial, page_size, fetched_at)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    os.replace(partial, target)
    return provenance


def _write_pages(ckan, portal: str, resource_id: str, partial: Path, page_size: int, fetched_at: str) -> dict:
    written, pages, total = 0, 0, None
    with partial.open("w", encoding="utf-8") as out:
        while True:
            page = _search(ckan, portal, resource_id, page_size, offset=written)
            if pages == 0:
                total = page.get("total")
                fields = json.dumps(page["fields"], ensure_ascii=False)
                out.write(
                    f'{{"success": true, "result": {{"resource_id": {json.dumps(resource_id)}, '
                    f'"fields": {fields}, "records": [\n'
                )
            pages += 1
            for record in page["records"]:
                out.write((",\n" if written else "") + json.dumps(record, ensure_ascii=False))
                written += 1
            # An empty page, or as many records as the portal said there are: the last page.
            if not page["records"] or (total is not None and written >= total):
                break
        provenance = {"portal": portal, "resource_id": resource_id, "fetched_at": fetched_at, "pages": pages}
        out.write(f'\n], "total": {written}}}, "provenance": {json.dumps(provenance, ensure_ascii=False)}}}\n')
    if total is not None and written != total:
        raise FetchFailed(
            f"{portal} resource {resource_id}: {written} records fetched but the portal "
            f"reported {total}; it changed while being read, fetch again"
        )
    return provenance


def _search(ckan, portal: str, resource_id: str, limit: int, offset: int) -> dict:
    try:
        return ckan.action.datastore_search(resource_id=resource_id, limit=limit, offset=offset)
    except ckanapi.NotFound as e:
        raise FetchFailed(f"{portal} has no DataStore resource {resource_id}: {e}") from None
    except ckanapi.CKANAPIError as e:
        raise FetchFailed(f"{portal} refused datastore_search on {resource_id}: {e}") from None
    except OSError as e:  # requests' connection errors
        raise FetchFailed(f"{portal} could not be reached: {type(e).__name__}") from None
