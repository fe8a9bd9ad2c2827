"""Evidence auditors can check: GX suites catch each kind of planted fault with the right count and
keep nothing personal, the candidate is validated before promotion, and the audit trail, the run
manifest, the planted-vs-caught table and the Data Docs are published with every release."""

import hashlib
import json
import sqlite3

import dagster as dg
import duckdb
import pytest

from expectations import runner, suites
from orchestration import audit_trail
from orchestration.metadata import thai
from orchestration.metadata.models import PUBLISHED, PUBLISHED_AUDIT
from orchestration.metadata.sources import SOURCES
from publish import data_docs, release, reuse

# What a citizen ID looks like when pseudonymisation has failed: valid, so every scan would see it.
CITIZEN = "110170001234" + str(thai.check_digit("110170001234"))


def failures(outcome: runner.Outcome) -> dict[tuple, int | None]:
    return {(f.expectation, str(f.column)): f.unexpected_count for f in outcome.failures}


def live(demo_build, name: str):
    return demo_build.config.publish_dir / "live" / name


@pytest.fixture
def planted_volunteers(demo_build, tmp_path):
    """The demo's raw volunteers in a scratch warehouse, with one fault of each kind planted,
    validated against the registry's suite in a GX context of its own."""
    con = duckdb.connect()
    con.execute(f"ATTACH '{demo_build.config.warehouse_path}' AS demo (READ_ONLY)")
    con.execute("CREATE SCHEMA raw")
    for table in ("volunteers", "areas"):
        con.execute(f"CREATE TABLE raw.{table} AS SELECT * FROM demo.raw.{table}")
    con.execute("CREATE TEMP TABLE n AS SELECT rowid AS r FROM raw.volunteers ORDER BY rowid LIMIT 20")
    plant = {
        f"person_key = '{CITIZEN}'": "r < 2",  # a duplicate key, and a citizen ID where a pseudonym belongs
        "age_at_fy_end = NULL": "r BETWEEN 2 AND 4",
        "sex = 'X'": "r BETWEEN 5 AND 8",
        "subdistrict_code = '999999'": "r BETWEEN 9 AND 13",
        "trainings = -1": "r BETWEEN 14 AND 19",
    }
    for change, rows in plant.items():
        con.execute(f"UPDATE raw.volunteers SET {change} WHERE rowid IN (SELECT r FROM n WHERE {rows})")
    source = SOURCES["volunteers"]
    gx_root = tmp_path / "gx-root"
    # In two parts, as a national table is: the faults fall in both, the duplicate key's rows too.
    frames = (con.execute(suites.source_select(source, f"s.rowid % 2 = {part}")).df() for part in range(2))
    outcome = runner.validate_chunks(gx_root, "planted", frames, lambda: suites.source_table(source))
    loads = con.execute("SELECT 1000 AS rows_accepted, 0 AS rows_unaccounted, 0.0 AS quarantined_share").df()
    outcome += runner.validate(gx_root, "planted", loads, lambda: suites.source_loads(source, 10_000))
    return gx_root, outcome


def test_each_planted_fault_fails_its_expectation_with_the_right_count(planted_volunteers):
    _, outcome = planted_volunteers
    assert failures(outcome) == {
        ("expect_column_sum_to_be_between", "rows_accepted"): None,  # ten times fewer than the last release
        ("expect_column_values_to_be_in_set", "person_key_is_unique"): 2,
        ("expect_column_values_to_not_be_null", "age_at_fy_end"): 3,
        ("expect_column_values_to_be_in_set", "sex"): 4,
        ("expect_column_values_to_be_in_set", "subdistrict_code_in_areas"): 5,
        ("expect_column_values_to_be_between", "trainings"): 6,
    }
    assert [f.expectation for f in outcome.failures if f.severity == suites.WARNING] == [
        "expect_column_sum_to_be_between"
    ]


def test_the_trail_holds_one_result_per_expectation_over_the_parts(planted_volunteers, demo_build):
    gx_root, outcome = planted_volunteers
    con = duckdb.connect()
    audit_trail.prepare(con)
    audit_trail.record_validations(con, gx_root)
    failed = dict(
        con.execute(
            "SELECT expectation, unexpected_count FROM audit.audit_validation_results "
            "WHERE suite = 'raw.volunteers' AND NOT success"
        ).fetchall()
    )
    assert sorted(failed.values()) == sorted(f.unexpected_count for f in outcome.failures if f.unexpected_count)
    totals = con.execute(
        "SELECT DISTINCT element_count FROM audit.audit_validation_results WHERE suite = 'raw.volunteers'"
    ).fetchall()
    demo = duckdb.connect(str(demo_build.config.warehouse_path), read_only=True)
    assert totals == demo.execute("SELECT count(*) FROM raw.volunteers").fetchall()


def test_results_and_data_docs_keep_nothing_of_a_personal_column(planted_volunteers, tmp_path):
    gx_root, _ = planted_volunteers
    docs = tmp_path / "docs"
    assert data_docs.build(gx_root, docs) == ["raw.volunteers", "raw.volunteers.loads"]
    for path in [*gx_root.rglob("*"), *docs.rglob("*")]:
        if path.is_file() and path.suffix in (".json", ".html", ".yml"):
            assert CITIZEN not in path.read_text(encoding="utf-8"), path


def test_a_warning_publishes_and_is_recorded(demo_build):
    run_id = demo_build.result.run_id
    audit = sqlite3.connect(live(demo_build, release.AUDIT_DATABASE))
    warned = audit.execute(
        "SELECT DISTINCT asset FROM audit_validation_results WHERE run_id = ? AND severity = 'warning' AND NOT success",
        [run_id],
    ).fetchall()
    assert warned  # the demo's year-on-year jumps
    assert json.loads(live(demo_build, release.MANIFEST).read_text(encoding="utf-8"))["run_id"] == run_id


def test_every_source_and_mart_and_the_candidate_are_validated_in_the_build(demo_build):
    audit = sqlite3.connect(live(demo_build, release.AUDIT_DATABASE))
    suites_run = {
        s
        for (s,) in audit.execute(
            "SELECT DISTINCT suite FROM audit_validation_results WHERE run_id = ?", [demo_build.result.run_id]
        ).fetchall()
    }
    expected = {f"raw.{s}" for s in SOURCES} | {f"raw.{s}.loads" for s in SOURCES}
    expected |= {f"marts.{t}" for t in PUBLISHED} | {f"candidate.{t}" for t in PUBLISHED}
    assert suites_run == expected


def test_dbt_tests_of_the_build_are_recorded(demo_build):
    audit = sqlite3.connect(live(demo_build, release.AUDIT_DATABASE))
    statuses = dict(
        audit.execute(
            "SELECT test_status, count(*) FROM audit_dbt_tests WHERE run_id = ? GROUP BY 1", [demo_build.result.run_id]
        ).fetchall()
    )
    run_results = demo_build.config.dbt_artifacts / demo_build.result.run_id / "run_results.json"
    ran = [r["unique_id"] for r in json.loads(run_results.read_text())["results"]]
    tests = [node for node in ran if node.startswith("test.")]
    assert set(statuses) == {"pass"} and statuses["pass"] == len(tests) > 0
    assert not [node for node in ran if node.startswith("unit_test.")]  # CI's, not the build's


def test_planted_faults_are_all_caught(demo_build):
    planted = {}
    for file in demo_build.manifest["files"].values():
        for fault in file["faults"]:
            planted[fault["reason"]] = planted.get(fault["reason"], 0) + 1
    audit = sqlite3.connect(live(demo_build, release.AUDIT_DATABASE))
    rows = audit.execute("SELECT reason_code, planted, caught, missed FROM audit_planted_faults").fetchall()
    assert {r: (p, c, m) for r, p, c, m in rows} == {r: (n, n, 0) for r, n in planted.items()}


def test_the_run_manifest_names_the_run_the_tools_and_every_file_by_hash(demo_build):
    manifest = json.loads(live(demo_build, release.MANIFEST).read_text(encoding="utf-8"))
    assert manifest["run_id"] == demo_build.result.run_id
    assert manifest["run_started_at"] < manifest["run_ended_at"]
    assert set(manifest["versions"]) >= {"python", "dagster", "dbt-core", "duckdb", "great-expectations", "datasette"}
    assert manifest["fiscal_years"] == list(thai.REPORTING_YEARS) and manifest["demo"] is True
    files = {f["source_file"]: f for f in manifest["files"]}
    assert set(files) == set(demo_build.manifest["files"])
    for name, planted in demo_build.manifest["files"].items():
        landed = demo_build.config.landing_dir / name
        assert files[name]["file_hash"] == hashlib.sha256(landed.read_bytes()).hexdigest()
        assert files[name]["rows_read"] == planted["rows"]


def test_data_docs_list_every_suite_and_hold_no_personal_data(demo_build):
    docs = live(demo_build, release.DATA_DOCS)
    index = (docs / "index.html").read_text(encoding="utf-8")
    for table in PUBLISHED:
        assert f">marts.{table}<" in index and f">candidate.{table}<" in index
    for source in SOURCES:
        assert f">raw.{source}<" in index
    person_keys = duckdb.connect(str(demo_build.config.warehouse_path), read_only=True).execute(
        "SELECT person_key FROM raw.welfare_registry LIMIT 50"
    )
    keys = [k for (k,) in person_keys.fetchall()]
    for page in docs.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert data_docs.REMOTE.search(text) is None, page  # works with no internet
        assert not any(k in text for k in keys), page


def test_the_audit_tables_are_labelled_in_thai_and_english(demo_build):
    metadata = json.loads(live(demo_build, release.METADATA).read_text(encoding="utf-8"))
    tables = metadata["databases"]["audit"]["tables"]
    assert set(tables) == set(PUBLISHED_AUDIT)
    assert "/data-docs/index.html" in metadata["description_html"]


def publication_failure(demo_build):
    """Publication alone, run again on the warehouse as it is: the failure of its step."""
    job = dg.define_asset_job(
        "publish_only", selection=dg.AssetSelection.assets("datasette_release"), executor_def=dg.in_process_executor
    )
    defs = dg.Definitions.merge(demo_build.defs, dg.Definitions(jobs=[job]))
    result = defs.resolve_job_def("publish_only").execute_in_process(raise_on_error=False)
    return next(e for e in result.all_events if e.is_step_failure)


def test_a_part_taken_from_a_damaged_live_release_is_not_promoted(demo_build):
    """One indicator changed, the others taken from the live release: the candidate counts the
    rows of each part taken, so a part that lost rows there (a file edited by hand) stops it."""
    database = live(demo_build, release.DATABASE).resolve()
    before = database.read_bytes()
    warehouse = str(demo_build.config.warehouse_path)
    con = duckdb.connect(warehouse)
    con.execute("CREATE TABLE marts.indicator_values_backup AS SELECT * FROM marts.indicator_values")
    con.execute("UPDATE marts.indicator_values SET value = value + 1 WHERE indicator_code = 'S1.1'")
    con.close()
    with sqlite3.connect(database) as db:
        db.execute("DELETE FROM indicator_values WHERE indicator_code = 'D1.2' AND area_level = 'district'")
    db.close()
    try:
        message = publication_failure(demo_build).event_specific_data.error.message
        assert "candidate not published" in message and "expect_table_row_count_to_equal(indicator_code)" in message
        assert "['D1.2']" in message
    finally:
        database.write_bytes(before)
        con = duckdb.connect(warehouse)
        con.execute("CREATE OR REPLACE TABLE marts.indicator_values AS SELECT * FROM marts.indicator_values_backup")
        con.execute("DROP TABLE marts.indicator_values_backup")
        con.close()


def test_a_candidate_holding_a_citizen_id_is_not_promoted(demo_build):
    """GX on the candidate SQLite: text that looks like a citizen ID stops the promotion."""
    before = live(demo_build, release.DATABASE).resolve().read_bytes()
    warehouse = str(demo_build.config.warehouse_path)
    con = duckdb.connect(warehouse)
    con.execute("CREATE TABLE marts.dim_code_lists_backup AS SELECT * FROM marts.dim_code_lists")
    con.execute(f"UPDATE marts.dim_code_lists SET label_en = '{CITIZEN}' WHERE code_list = 'sex'")
    con.close()
    try:
        failure = publication_failure(demo_build)
        assert "candidate not published" in failure.event_specific_data.error.message
        assert "unexpected_rows_expectation" in failure.event_specific_data.error.message
        assert CITIZEN not in failure.event_specific_data.error.message
        assert live(demo_build, release.DATABASE).resolve().read_bytes() == before
    finally:
        con = duckdb.connect(warehouse)
        con.execute("CREATE OR REPLACE TABLE marts.dim_code_lists AS SELECT * FROM marts.dim_code_lists_backup")
        con.execute("DROP TABLE marts.dim_code_lists_backup")
        con.close()


def validated_runs(demo_build) -> set[str]:
    audit = sqlite3.connect(live(demo_build, release.AUDIT_DATABASE))
    return {r for (r,) in audit.execute("SELECT DISTINCT run_id FROM audit_validation_results").fetchall()}


def test_checks_of_unchanged_marts_stand_and_stay_in_the_history(demo_build):
    """Checks and publication again on the same marts: nothing is validated again, and each
    published table names the run whose validations stand for it, kept in the new release's trail."""
    before = validated_runs(demo_build)
    job = dg.define_asset_job(
        "checks_and_publish",
        selection=dg.AssetSelection.checks(
            *(dg.AssetCheckKey(dg.AssetKey(["marts", t]), "gx_suite") for t in PUBLISHED)
        )
        | dg.AssetSelection.assets("datasette_release"),
        executor_def=dg.in_process_executor,
    )
    defs = dg.Definitions.merge(demo_build.defs, dg.Definitions(jobs=[job]))
    result = defs.resolve_job_def("checks_and_publish").execute_in_process()
    after = validated_runs(demo_build)
    assert result.success and result.run_id not in after and before <= after
    tables = release.live_manifest(demo_build.config.publish_dir)[reuse.TABLES]
    assert set(tables) == set(PUBLISHED)
    assert {entry["checked_in_run"] for entry in tables.values()} == {demo_build.result.run_id}


def test_every_published_number_leads_to_its_files(demo_build):
    db = sqlite3.connect(demo_build.published_db)
    hashes = dict(db.execute("SELECT source_file, file_hash FROM dq_source_loads WHERE status = 'loaded'").fetchall())
    rows = db.execute(
        "SELECT indicator_code, area_level, area_code, source, source_file, file_hash FROM indicator_provenance"
    )
    traced = {}
    for code, level, area, source, name, digest in rows.fetchall():
        assert hashes[name] == digest
        assert not (level == "subdistrict" and SOURCES[source].rows_are_people), (code, area, source)
        traced.setdefault((code, level, area), set()).add(source)
    catalogue = {c: s for c, s in db.execute("SELECT indicator_code, sources FROM dim_indicators").fetchall()}
    for (code, *_), sources in traced.items():
        assert catalogue[code] == "all sources" or sources <= set(catalogue[code].split(";"))
    assert traced[("S1.1", "province", "60")] == set(SOURCES)
    counted = db.execute(
        "SELECT indicator_code, area_level, area_code FROM indicator_values "
        "WHERE numerator > 0 AND area_level IN ('district', 'province')"
    ).fetchall()
    assert counted and all(key in traced for key in counted)
