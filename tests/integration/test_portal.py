"""The public portal as its readers meet it, against a real ``welfare serve`` on 127.0.0.1: every
page and every table's downloads answer; the files read back with their Thai intact; the data
package validates; the DCAT catalogue parses as RDF; the server is hardened; every filter the
pages use is served by an index."""

import csv
import io
import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import httpx
import pandas as pd
import pyarrow.parquet as pq
import pytest
import rdflib

from orchestration.metadata.models import PUBLISHED
from publish import release
from publish.metadata import QUERIES

REPO = Path(__file__).resolve().parents[2]
with (REPO / "seeds" / "indicators.csv").open(encoding="utf-8") as f:
    CATALOGUE = {r["indicator_code"]: r for r in csv.DictReader(f)}


@pytest.fixture(scope="module")
def client(portal):
    with httpx.Client(base_url=portal, timeout=30) as c:
        yield c


@pytest.fixture(scope="module")
def live(demo_build) -> Path:
    return release.live_release(demo_build.config.publish_dir)


def _sqlite(db: Path, sql: str, params=()) -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def _page(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    assert '<html lang="th">' in response.text, path
    return response.text


def test_the_home_page_says_what_this_is_and_leads_everywhere(client, live):
    home = _page(client, "/")
    for words in ("ยุทธศาสตร์การจัดสวัสดิการสังคมจังหวัดนครสวรรค์", "ข้อมูลสาธิต", "ข้อมูลล่าสุด: ปีงบประมาณ 2568"):
        assert words in home
    for link in ("/indicators", "/areas", "/downloads", "/data-docs/index.html", "/welfare", "/api", "/audit"):
        assert f'href="{link}"' in home, link
    strategies = {r["strategy_name_th"] for r in CATALOGUE.values()}
    assert all(s in home for s in strategies)


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_each_indicator_page_quotes_the_strategy_and_draws_its_trend(client, code):
    page = _page(client, f"/indicators/{code}")
    indicator = CATALOGUE[code]
    assert indicator["name_th"] in page and indicator["name_en"] in page
    assert indicator["computation_th"] in page
    assert page.count("<svg") >= 1 and "https://" not in page.split("<svg", 1)[1].split("</svg>")[0]
    assert "ปีงบประมาณ" in page and "how progress is judged" in page


def test_an_indicator_page_filters_by_district_and_year_and_its_csv_is_exactly_its_rows(client, demo_build):
    page = _page(client, "/indicators/S2.1?area=6001&year=2566")
    assert "เมืองนครสวรรค์ ปีงบประมาณ 2566" in page
    # The area choice: the province and its districts, the one shown selected.
    options = re.findall(r'<option value="(\d+)"( selected)?>', page.split('name="area"')[1].split("</select>")[0])
    districts = _sqlite(
        demo_build.published_db, "SELECT DISTINCT area_code FROM indicator_values WHERE area_level = 'district'"
    )
    assert {code for code, _ in options} == {"60"} | {code for (code,) in districts}
    assert [code for code, selected in options if selected] == ["6001"]
    response = client.get("/indicators/S2.1.csv?area=6001")
    assert response.content.startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(io.BytesIO(response.content), encoding="utf-8-sig", dtype={"area_code": str})
    expected = _sqlite(
        demo_build.published_db,
        "SELECT fiscal_year, value, area_name_th FROM indicator_values "
        "WHERE indicator_code = 'S2.1' AND area_code = '6001' ORDER BY fiscal_year",
    )
    assert [tuple(r) for r in frame[["fiscal_year", "value", "area_name_th"]].itertuples(index=False)] == expected


def test_area_pages_show_every_indicator_with_status_beside_the_province(client, demo_build):
    sql = "SELECT area_code FROM dim_areas WHERE area_level = 'district' AND province_code = '60'"
    districts = [a for (a,) in _sqlite(demo_build.published_db, sql)]
    assert len(districts) == 15
    for area in ["60", *districts]:
        page = _page(client, f"/areas/{area}")
        assert all(f"/indicators/{code}?area={area}" in page for code in CATALOGUE), area
    district = _page(client, f"/areas/{districts[0]}")
    assert "นครสวรรค์" in district and 'class="grid-map"' in district  # the province beside, the subdistricts mapped


def test_numbers_and_codes_read_as_words(client):
    page = _page(client, "/indicators/S2.4?area=60")
    assert ">on_track<" not in page and ">off_track<" not in page  # codes become words
    assert any(label in page for label in ("เป็นไปตามแผน", "ต่ำกว่าแผน", "บรรลุเป้าหมาย"))
    counts = re.findall(r'class="num">([^<]+)', page)
    assert counts and all(re.fullmatch(r"\d{1,3}(,\d{3})*|–", c.strip()) for c in counts), counts
    rates = re.findall(r'class="num">([^<]+)', _page(client, "/indicators/D1.1?area=60"))
    assert any(re.fullmatch(r"\d{1,3}(,\d{3})*\.\d\d", r.strip()) for r in rates), rates
    assert not any(re.search(r"\.\d{3,}", r) for r in rates), rates


def test_downloads_page_lists_every_table_in_every_format(client):
    page = _page(client, "/downloads")
    for table in PUBLISHED:
        for link in (f"/files/{table}.csv", f"/files/{table}.parquet", f"/welfare/{table}.json"):
            assert link in page, link


@pytest.mark.parametrize("table", sorted(PUBLISHED))
def test_every_table_downloads_as_csv_excel_reads_and_parquet_with_the_same_rows(client, demo_build, table):
    expected = _sqlite(demo_build.published_db, f"SELECT * FROM [{table}]")
    assert client.get(f"/welfare/{table}.json").status_code == 200
    csv_file = client.get(f"/files/{table}.csv")
    assert csv_file.status_code == 200 and csv_file.content.startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(io.BytesIO(csv_file.content), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    as_text = [tuple("" if v is None else str(v) for v in row) for row in expected]
    assert sorted(frame.itertuples(index=False, name=None)) == sorted(as_text)  # the same values, as text
    text = [c for c in frame.columns if frame[c].str.contains("[ก-๙]", regex=True).any()]
    if table in ("indicator_values", "dim_indicators", "dim_areas", "directory_projects"):
        assert text, f"{table}: Thai text should survive the CSV"
    parquet = pq.read_table(io.BytesIO(client.get(f"/files/{table}.parquet").content))
    assert sorted((tuple(r.values()) for r in parquet.to_pylist()), key=repr) == sorted(expected, key=repr)


def test_the_data_package_validates_with_frictionless(live):
    package = live / release.FILES / release.DATA_PACKAGE
    descriptor = json.loads(package.read_text(encoding="utf-8"))
    assert descriptor["$schema"].endswith("/2.0/datapackage.json")
    assert {r["name"] for r in descriptor["resources"]} == set(PUBLISHED)
    done = subprocess.run(
        [Path(sys.executable).parent / "frictionless", "validate", str(package)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout[-3000:]


def test_the_dcat_catalogue_parses_as_rdf_with_a_dataset_and_its_distributions(client):
    graph = rdflib.Graph().parse(data=client.get("/files/dcat.jsonld").text, format="json-ld")
    dcat = rdflib.Namespace("http://www.w3.org/ns/dcat#")
    datasets = list(graph.subjects(rdflib.RDF.type, dcat.Dataset))
    assert len(datasets) == 1
    distributions = list(graph.objects(datasets[0], dcat.distribution))
    assert len(distributions) == 2 * len(PUBLISHED)
    assert all(graph.value(d, dcat.downloadURL) for d in distributions)


def test_the_ckan_record_carries_the_thai_government_data_catalog_fields(client):
    record = client.get("/files/ckan-dataset.json").json()
    for field in (
        "title", "notes", "objective", "update_frequency_unit", "geo_coverage", "data_source", "data_format",
        "data_category", "license_id", "first_year_of_data", "last_year_of_data", "unit_of_measure",
        "calculation_method",
    ):  # fmt: skip
        assert record[field], field
    assert (record["first_year_of_data"], record["last_year_of_data"]) == ("2563", "2568")  # Buddhist Era
    assert len(record["resources"]) == 2 * len(PUBLISHED)


def test_search_facets_labels_and_canned_queries(client):
    name = client.get("/welfare/directory_welfare_orgs.json?_shape=array&_size=1").json()[0]["org_name"]
    word = name.split()[0][-6:]  # a piece from the middle of a Thai name: Thai has no spaces between words
    found = client.get("/welfare/directory_welfare_orgs.json", params={"_search": word, "_shape": "array"}).json()
    assert found and all(word in r["org_name"] or word in r["subdistrict_name_th"] for r in found)
    facets = {"indicator_code", "area_level", "fiscal_year", "progress_status"}
    page = client.get("/welfare/indicator_values").text
    assert all(f'id="facet-{f}"' in page for f in facets)  # on the page; in the JSON when asked for
    table = client.get("/welfare/indicator_values.json?_labels=on&_size=1").json()
    assert not table["facet_results"] and table["next_url"]
    asked = client.get("/welfare/indicator_values.json?_facet=area_level&_size=1").json()
    assert set(asked["facet_results"]) >= facets
    row = table["rows"][0]
    labelled = ("indicator_code", "area_level", "area_code", "progress_status")
    assert all(row[column]["label"] for column in labelled)  # codes with their words
    for query in QUERIES:
        params = {"indicator_code": "S2.1", "area_code": "60", "fiscal_year": "2568", "_shape": "array"}
        response = client.get(f"/welfare/{query}.json", params=params)
        assert response.status_code == 200 and response.json(), query


def test_serving_is_hardened(client):
    robots = client.get("/robots.txt").text
    assert "Disallow: /*?sql=" in robots and "Disallow: /\n" not in robots + "\n"
    page = client.get("/indicators/S2.1", headers={"accept-encoding": "gzip"})
    assert page.headers["content-encoding"] == "gzip"
    assert "max-age" in client.get("/welfare/dim_indicators.json").headers["cache-control"]
    settings = client.get("/-/settings.json").json()
    assert settings["sql_time_limit_ms"] == 1000 and settings["suggest_facets"] is False
    write = client.get("/welfare.json", params={"sql": "delete from dim_indicators"})
    assert write.status_code == 400
    assert len(client.get("/welfare/dim_indicators.json?_shape=array").json()) == len(CATALOGUE)
    assert client.get("/areas/9999").status_code == 404 and client.get("/indicators/X9.9").status_code == 404
    api = _page(client, "/api")
    assert "/welfare/indicator_values.json?indicator_code=S2.1" in api


def test_every_filter_of_the_pages_and_canned_queries_is_served_by_an_index(demo_build):
    filled = {":indicator_code": "'S2.1'", ":area_code": "'60'", ":fiscal_year": "2568"}
    canned = [q["sql"] for q in QUERIES.values() if "indicator_values" in q["sql"]]
    for name, value in filled.items():
        canned = [sql.replace(name, value) for sql in canned]
    queries = [
        ("SELECT * FROM indicator_values WHERE indicator_code = ? AND area_code = ?", ("S2.1", "60")),
        (
            "SELECT * FROM indicator_values WHERE indicator_code = ? AND area_level = ? AND fiscal_year = ? "
            "AND area_code >= ? AND area_code < ?",
            ("S2.1", "district", 2568, "60", "60:"),
        ),
        ("SELECT * FROM indicator_values WHERE area_code = ? AND fiscal_year = ?", ("6001", 2568)),
        ("SELECT progress_status FROM indicator_values WHERE area_level = ? AND fiscal_year = ?", ("district", 2568)),
        *((sql, ()) for sql in canned),
    ]
    for sql, params in queries:
        plan = [r[-1] for r in _sqlite(demo_build.published_db, f"EXPLAIN QUERY PLAN {sql}", params)]
        assert not [step for step in plan if re.match(r"SCAN (indicator_values|v)\b", step)], (sql, plan)
        if "area_code >=" in sql:  # a province's districts: only theirs are read, not the country's
            assert "area_code>? AND area_code<?" in str(plan), plan
