"""The audit of write–audit–publish: GX validates the candidate SQLite itself, through GX's SQLite
datasource, before it is promoted. Every mart arrived whole, keys are unique, no text looks like a
citizen ID, and no count of people from 1 to the threshold − 1 is visible."""

import sqlite3
from functools import partial
from pathlib import Path

import duckdb

from expectations import runner, suites
from orchestration.metadata.models import PUBLISHED, Model, people_indicators


def _text_columns(database: Path, table: str) -> list[str]:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        return [name for _, name, kind, *_ in db.execute(f"PRAGMA table_info([{table}])") if kind == "TEXT"]


def _small_counts(model: Model, people_indicators: list[str], threshold: int) -> str | None:
    """A SQL condition true for a visible count of people below the threshold, if the table has any."""
    if model.name == "indicator_values":
        codes = ", ".join(f"'{c}'" for c in people_indicators)
        return f"numerator BETWEEN 1 AND {threshold - 1} AND indicator_code IN ({codes})"
    if model.people_count:
        return f"{model.people_count} BETWEEN 1 AND {threshold - 1}"
    return None


def check(
    gx_root: Path,
    run_id: str,
    con: duckdb.DuckDBPyConnection,
    database: Path,
    threshold: int,
    checked_in: dict[str, str],
) -> runner.Outcome:
    """Validate every published table. A table taken from the live release keeps the outcome it
    had in the run that checked it (``checked_in``), while the GX context keeps that run."""
    people = people_indicators()
    outcome = runner.Outcome(0, [])
    earlier = runner.stored_outcomes(gx_root, {f"candidate.{table}": run for table, run in checked_in.items()})
    for table, model in PUBLISHED.items():
        if f"candidate.{table}" in earlier:
            outcome += earlier[f"candidate.{table}"]
            continue
        (rows,) = con.execute(f"SELECT count(*) FROM marts.{table}").fetchone()
        make_suite = partial(
            suites.candidate, model, rows, _text_columns(database, table), _small_counts(model, people, threshold)
        )
        outcome += runner.validate_sqlite(gx_root, run_id, database, table, make_suite)
    return outcome
