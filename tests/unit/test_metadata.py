"""The registry (orchestration/metadata) is the one home of what every column means: what dbt,
Datasette and the data dictionary say is written from it, and the dbt project keeps its layers."""

import dataclasses
import re

from orchestration.metadata import fields, generate
from orchestration.metadata.codes import CODE_LISTS
from orchestration.metadata.models import MODELS, PUBLISHED, check
from orchestration.metadata.sources import SOURCES, data_dictionary
from publish import metadata

THAI = re.compile(r"[\u0E00-\u0E7F]")
MODELS_DIR = generate.DBT / "models"


def sql(layer: str) -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in (MODELS_DIR / layer).glob("*.sql")}


def test_the_checked_in_dbt_files_are_what_the_registry_writes():
    assert generate.stale() == [], "run `welfare generate` and commit what it writes"


def test_a_changed_description_makes_the_checked_in_yaml_stale(monkeypatch):
    changed = dataclasses.replace(fields.FIELDS["fiscal_year"], description_en="Another meaning.")
    monkeypatch.setitem(fields.FIELDS, "fiscal_year", changed)
    assert generate.DBT / "models" / "marts" / "_marts.yml" in generate.stale()


def test_every_model_column_is_a_field_of_the_registry():
    assert check() == []


def test_every_published_column_has_thai_and_english_titles_and_descriptions():
    published = metadata.build(demo=False)["databases"]["welfare"]["tables"]
    assert set(published) == set(PUBLISHED)
    for name, model in PUBLISHED.items():
        assert THAI.search(model.title_th) and model.title_en and not THAI.search(model.title_en), name
        assert model.title_th in published[name]["title"] and model.title_en in published[name]["title"]
        assert list(published[name]["columns"]) == list(model.columns)
        for column in model.columns:
            f = model.field(column)
            assert THAI.search(f.title_th) and THAI.search(f.description_th), (name, column)
            assert f.title_en and re.search("[A-Za-z]", f.description_en), (name, column)
            label = published[name]["columns"][column]
            assert all(text in label for text in (f.title_th, f.description_th, f.title_en, f.description_en))


def test_the_data_dictionary_describes_every_source_column_in_both_languages():
    rows = data_dictionary().to_pylist()
    assert len(rows) == sum(len(s.columns) for s in SOURCES.values())
    for row in rows:
        assert THAI.search(row["title_th"]) and THAI.search(row["description_th"]), row["column_name"]
        assert row["title_en"] and row["description_en"], row["column_name"]


def test_every_code_has_thai_and_english_labels():
    for code_list in CODE_LISTS.values():
        assert len(set(code_list.values)) == len(code_list.codes), code_list.name
        for code in code_list.codes:
            assert THAI.search(code.label_th) and code.label_en, (code_list.name, code.value)
    assert {f.codes for f in fields.FIELDS.values() if f.codes} <= set(CODE_LISTS)


def test_no_sql_names_a_code_of_the_sources_by_hand():
    """The Thai words sources write reach SQL through the registry's macros, not as literals."""
    words = {c.value for code_list in CODE_LISTS.values() for c in code_list.codes if THAI.search(c.value)}
    for layer in ("staging", "intermediate", "marts"):
        for model, text in sql(layer).items():
            assert not [w for w in words if f"'{w}'" in text], model


def test_only_staging_calls_source_and_intermediate_never_reads_a_mart():
    refs = re.compile(r"ref\('(\w+)'\)")
    for layer in ("intermediate", "marts"):
        for model, text in sql(layer).items():
            assert "source(" not in text, model
            if layer == "intermediate":
                assert all(MODELS.get(r) is None or MODELS[r].layer != "marts" for r in refs.findall(text)), model
    for model, text in sql("staging").items():
        # source → renamed → final, as jaffle-shop writes them
        assert "with source as" in text and "renamed as (" in text, model
        assert text.rstrip().endswith("select * from renamed"), model


def test_a_table_divided_into_parts_is_divided_by_the_first_column_of_its_key():
    """Its parts then lie together in key order, each written or taken whole (publish/export.py)."""
    divided = [model for model in PUBLISHED.values() if model.part]
    assert divided
    assert all(m.key[0] == m.part and m.part not in m.nullable_key for m in divided)
