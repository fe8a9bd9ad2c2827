"""The demo generator is deterministic and plants the faults it reports."""

from orchestration.demo.generator import generate
from orchestration.metadata.sources import SOURCES


def files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_same_seed_gives_byte_identical_files(tmp_path):
    generate(tmp_path / "a", ["60"], seed=7, scale=0.005)
    generate(tmp_path / "b", ["60"], seed=7, scale=0.005)
    generate(tmp_path / "c", ["60"], seed=8, scale=0.005)
    a, b, c = files(tmp_path / "a"), files(tmp_path / "b"), files(tmp_path / "c")
    assert {name.split("/")[0] for name in a} == set(SOURCES) | {"manifest.json"}
    assert {name.rsplit(".")[-1] for name in a} == {"csv", "xlsx", "json"}
    assert a == b
    assert a["welfare_registry/welfare_registry_60.csv"] != c["welfare_registry/welfare_registry_60.csv"]


def test_registry_is_cp874_and_faults_are_at_the_configured_rate(tmp_path):
    manifest = generate(tmp_path, ["60"], seed=7, scale=0.02, fault_rate=0.05)
    raw = (tmp_path / "welfare_registry/welfare_registry_60.csv").read_bytes()
    assert raw.decode("cp874").startswith("เลขประจำตัวประชาชน,")
    registry = manifest["files"]["welfare_registry/welfare_registry_60.csv"]
    assert 0.04 * registry["rows"] <= len(registry["faults"]) <= 0.05 * registry["rows"]
    assert len({f["reason"] for f in registry["faults"]}) >= 8


def test_the_default_demo_has_small_counts_of_people_for_disclosure_control_to_hide():
    """At full scale, not only at the tests' small one: some subdistricts have a handful of
    volunteers, and some district has a handful of people helped in a year."""
    import random
    from collections import Counter

    import geothai

    from orchestration.demo import sources
    from orchestration.ingestion import addresses, dates
    from orchestration.metadata.thai import fiscal_year_of

    def subdistrict(text: str) -> str:
        return text if text.isdigit() else addresses.resolve(text)[0]

    subdistricts = [s for d in geothai.districts("60") for s in geothai.subdistricts(d.code)]
    world = sources.World(random.Random(2567), subdistricts, 1.0)
    sources.welfare_registry(world)  # social assistance draws on the people registered
    volunteers = Counter(subdistrict(r["subdistrict_code"]) for r in sources.volunteers(world))
    helped = Counter(
        (subdistrict(r["subdistrict_code"])[:4], fiscal_year_of(dates.parse(r["received_on"])))
        for r in sources.social_assistance(world)
    )
    assert sum(volunteers.values()) > 2000 and sum(1 for n in volunteers.values() if n < 5) >= 5
    assert any(0 < n < 5 for n in helped.values())


def _records(path, source) -> list[dict]:
    """The rows of a CSV or CKAN JSON demo file, keyed by column name."""
    import csv
    import io
    import json

    names = source.headers
    if path.suffix == ".json":
        result = json.loads(path.read_text(encoding="utf-8"))["result"]
        assert result["total"] == len(result["records"])
        return [{names[h]: v for h, v in r.items() if h in names} for r in result["records"]]
    data = path.read_bytes()
    assert data.count("\ufeff".encode()) <= 1  # a byte-order mark at most once, at the start
    text = data.decode("utf-8-sig") if data.startswith("\ufeff".encode()) else data.decode("cp874")
    return [{names.get(h, h): v for h, v in r.items()} for r in csv.DictReader(io.StringIO(text))]


def test_several_provinces_are_written_one_after_another_into_one_file_per_source(tmp_path):
    """Streamed a province at a time: counts, keys and planted faults hold over the whole file."""
    import duckdb

    from orchestration.ingestion import readers

    manifest = generate(tmp_path / "landing", ["60", "61"], seed=7, scale=0.02)
    checked = 0
    for name, f in manifest["files"].items():
        path, source = tmp_path / "landing" / name, SOURCES[f["source"]]
        with duckdb.connect() as con:  # every file reads as ingestion reads it, whole
            assert readers.read(con, path, source, tmp_path).rows == f["rows"], name
        if path.suffix == ".xlsx" or source.primary_key == ():
            continue
        records = _records(path, source)
        assert len(records) == f["rows"], name  # a row cut short is still a row
        first = 1 if path.suffix == ".json" else 2
        assert all(first <= fault["row"] < first + f["rows"] for fault in f["faults"])
        spoiled = {fault["row"] - first for fault in f["faults"]}
        keys = [tuple(r[k] for k in source.primary_key) for i, r in enumerate(records) if i not in spoiled]
        assert len(keys) == len(set(keys)), f"{name}: a key repeats across provinces"
        checked += 1
    assert checked >= 8
