"""Fetching from a CKAN portal: a real HTTP server on 127.0.0.1 that answers ``datastore_search``
as CKAN does (pages capped at its rows_max, ``total``, ``_links``, errors as CKAN words them)."""

import json
import threading
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import duckdb
import pytest

from orchestration import cli, dimensions
from orchestration.ingestion import ckan, load, sql_functions
from orchestration.metadata.sources import POPULATION

HEADERS = ["รหัสตำบล", "ปี พ.ศ.", "เพศ", "จำนวนประชากร"]
RECORDS = [
    {"_id": i, "รหัสตำบล": f"60010{s}", "ปี พ.ศ.": "2567", "เพศ": sex, "จำนวนประชากร": 5000 + i}
    for i, (s, sex) in enumerate([(s, sex) for s in range(1, 5) for sex in ("ชาย", "หญิง")][:7], start=1)
]
ROWS_MAX = 3  # the portal's cap on a page, whatever the client asks for


class Portal(BaseHTTPRequestHandler):
    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        if not self.path.endswith("/api/action/datastore_search"):
            return self._answer(404, {"success": False, "error": {"message": "Not found", "__type": "Not Found Error"}})
        if body["resource_id"] != "population-60":
            return self._answer(
                404,
                {
                    "help": "http://127.0.0.1/api/3/action/help_show?name=datastore_search",
                    "success": False,
                    "error": {
                        "message": f'Not found: Resource "{body["resource_id"]}" was not found.',
                        "__type": "Not Found Error",
                    },
                },
            )
        offset, limit = int(body.get("offset", 0)), min(int(body.get("limit", 100)), ROWS_MAX)
        link = f"/api/3/action/datastore_search?resource_id=population-60&limit={limit}"
        self._answer(
            200,
            {
                "help": "http://127.0.0.1/api/3/action/help_show?name=datastore_search",
                "success": True,
                "result": {
                    "resource_id": "population-60",
                    "limit": limit,
                    "offset": offset,
                    "fields": [{"id": "_id", "type": "int"}] + [{"id": h, "type": "text"} for h in HEADERS],
                    "records": RECORDS[offset : offset + limit],
                    "total": len(RECORDS),
                    "_links": {"start": link, "next": f"{link}&offset={offset + limit}"},
                },
            },
        )

    def _answer(self, status: int, doc: dict):
        data = json.dumps(doc, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json;charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def portal():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Portal)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_every_page_is_fetched_into_one_file_with_its_provenance(portal, tmp_path):
    target = tmp_path / "population" / "population-60.json"
    provenance = ckan.fetch(portal, "population-60", target, page_size=100)
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert [r["_id"] for r in doc["result"]["records"]] == list(range(1, 8))
    assert doc["result"]["total"] == 7 and doc["success"] is True
    assert provenance == doc["provenance"]
    assert provenance["portal"] == portal and provenance["resource_id"] == "population-60"
    assert provenance["pages"] == 3  # 3 + 3 + 1 under the portal's cap


def test_a_fetched_file_loads_with_its_provenance(portal, tmp_path):
    target = tmp_path / "population" / "population-60.json"
    ckan.fetch(portal, "population-60", target)
    con = duckdb.connect()
    sql_functions.register(con, b"test-key")
    load.prepare(con)
    dimensions.write_areas(con)
    record = load.load_file(con, POPULATION, target, "population/population-60.json", date(2026, 11, 22), tmp_path)
    assert (record.rows_read, record.rows_accepted) == (7, 7)
    (origin,) = con.execute("SELECT origin FROM raw.load_log").fetchall()[0]
    assert json.loads(origin)["resource_id"] == "population-60"


def test_the_portals_own_error_is_reported(portal, tmp_path):
    with pytest.raises(ckan.FetchFailed, match='Resource "no-such-resource" was not found'):
        ckan.fetch(portal, "no-such-resource", tmp_path / "x.json")
    assert not list(tmp_path.glob("*"))


def test_the_command_lands_the_file_in_the_source_folder(portal, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("WELFARE_DATA_DIR", str(tmp_path))
    code = cli.main(["fetch-ckan", "--portal", portal, "--resource", "population-60", "--source", "population"])
    assert code == 0
    assert (tmp_path / "landing" / "population" / "population-60.json").exists()
    assert "3 page(s)" in capsys.readouterr().out
