"""The dbt project documents itself: `dbt docs generate` works on the demo warehouse, every model
and column has a description, and every indicator's lineage reaches the sources it is computed from."""

import csv
import json
import os
import subprocess

import pytest

from orchestration.assets.dbt import DBT_EXECUTABLE, project
from orchestration.metadata.models import MODELS
from orchestration.settings import REPO


@pytest.fixture(scope="module")
def docs(demo_build, tmp_path_factory) -> dict:
    target = tmp_path_factory.mktemp("dbt_docs")
    subprocess.run(
        [
            DBT_EXECUTABLE,
            "docs",
            "generate",
            "--project-dir",
            str(project.project_dir),
            "--profiles-dir",
            str(project.project_dir),
            "--target-path",
            str(target),
        ],
        check=True,
        capture_output=True,
        env=os.environ | {"DBT_LOG_PATH": str(target)},
    )
    return {name: json.loads((target / f"{name}.json").read_text()) for name in ("manifest", "catalog")}


def models(manifest: dict) -> dict:
    return {uid: node for uid, node in manifest["nodes"].items() if node["resource_type"] == "model"}


def test_every_model_and_column_is_documented(docs):
    built = models(docs["manifest"])
    assert len(built) > 40
    undocumented = []
    for uid, node in built.items():
        if not node["description"].strip():
            undocumented.append(uid)
        for column in docs["catalog"]["nodes"][uid]["columns"]:
            if not node["columns"].get(column, {}).get("description", "").strip():
                undocumented.append(f"{uid}.{column}")
    assert not undocumented


def test_every_model_has_the_columns_the_registry_lists_in_its_order(docs):
    built = {node["name"]: uid for uid, node in models(docs["manifest"]).items()}
    assert set(built) == set(MODELS)
    for name, model in MODELS.items():
        columns = docs["catalog"]["nodes"][built[name]]["columns"].values()
        assert [c["name"] for c in sorted(columns, key=lambda c: c["index"])] == list(model.columns), name


def ancestors(manifest: dict, uid: str) -> set[str]:
    seen, todo = set(), [uid]
    while todo:
        for parent in manifest["parent_map"][todo.pop()]:
            if parent not in seen:
                seen.add(parent)
                todo.append(parent)
    return seen


def test_every_indicator_reaches_the_sources_the_catalogue_names(docs):
    manifest = docs["manifest"]
    with open(REPO / "seeds" / "indicators.csv", encoding="utf-8") as f:
        catalogue = list(csv.DictReader(f))
    for indicator in catalogue:
        model = "model.welfare.int_indicator_" + indicator["indicator_code"].lower().replace(".", "_")
        # An indicator on "all sources" reads what ingestion counted per source, file and area
        # (raw.source_areas), so that a new source is scored without a change to the model.
        everything = indicator["sources"] == "all sources"
        named = {"source_areas"} if everything else set(indicator["sources"].split(";"))
        reached = {uid.rsplit(".", 1)[1] for uid in ancestors(manifest, model) if uid.startswith("source.")}
        assert named <= reached, indicator["indicator_code"]
        assert model in ancestors(manifest, "model.welfare.indicator_values")


def test_every_mart_reaches_a_source_or_seed(docs):
    manifest = docs["manifest"]
    for uid, node in models(manifest).items():
        if node["fqn"][1] == "marts":
            assert any(a.startswith(("source.", "seed.")) for a in ancestors(manifest, uid)), uid
