"""The GX runner with a real file-backed context: results are stored per run, and only the
latest runs are kept for Data Docs."""

import sqlite3

import great_expectations as gx
import great_expectations.expectations as gxe
import pandas as pd

from expectations import runner, suites


def suite() -> gx.ExpectationSuite:
    s = gx.ExpectationSuite("marts.example")
    s.add_expectation(gxe.ExpectColumnValuesToNotBeNull(column="a", meta={"severity": suites.BLOCKING}))
    s.add_expectation(gxe.ExpectColumnValuesToBeBetween(column="a", min_value=0, meta={"severity": suites.WARNING}))
    return s


def test_failures_carry_their_severity_and_count(tmp_path):
    outcome = runner.validate(tmp_path, "run-1", pd.DataFrame({"a": [1.0, None, -2.0, -3.0]}), suite)
    assert outcome.evaluated == 2
    assert [(f.expectation, f.severity, f.unexpected_count) for f in outcome.failures] == [
        ("expect_column_values_to_not_be_null", "blocking", 1),
        ("expect_column_values_to_be_between", "warning", 2),
    ]
    assert [f.expectation for f in outcome.blocking] == ["expect_column_values_to_not_be_null"]


def test_only_the_latest_runs_are_kept(tmp_path):
    for run in ("run-1", "run-2", "run-3"):
        runner.validate(tmp_path, run, pd.DataFrame({"a": [1.0]}), suite)
    runner.keep_latest_runs(tmp_path, 2)
    kept = {k.run_id.run_name for k in runner.context(tmp_path).validation_results_store.list_keys()}
    assert kept == {"run-2", "run-3"}


def test_each_candidate_is_validated_where_it_lies(tmp_path):
    """The candidate datasource is kept from run to run; the file it reads is each run's own."""
    row_count = gxe.ExpectTableRowCountToEqual(value=2, meta={"severity": suites.BLOCKING})
    outcomes, configurations = [], []
    for rows in (2, 3):
        database = tmp_path / f"candidate-{rows}" / "welfare.db"
        database.parent.mkdir()
        with sqlite3.connect(database) as db:
            db.execute("CREATE TABLE t (a INTEGER)")
            db.executemany("INSERT INTO t VALUES (?)", [(i,) for i in range(rows)])
        db.close()
        outcomes.append(
            runner.validate_sqlite(
                tmp_path / "gx",
                f"run-{rows}",
                database,
                "t",
                lambda: gx.ExpectationSuite("candidate.t", expectations=[row_count.copy()]),
            )
        )
        configurations.append((tmp_path / "gx" / "gx" / "great_expectations.yml").read_text())
    assert [len(o.failures) for o in outcomes] == [0, 1]
    assert outcomes[1].failures[0].observed == 3
    assert configurations[0] == configurations[1]  # the second candidate changed no configuration


def test_a_result_names_the_parts_it_is_of(tmp_path):
    """A frame's parts are named in its result's batch parameters; of a SQLite table, GX takes
    only the part's rows, and names the part itself."""
    runner.dataframe_validation(tmp_path, suite)("run-1", pd.DataFrame({"a": [1.0, -2.0]}), ("part", ["A", "B"]))
    database = tmp_path / "candidate.db"
    with sqlite3.connect(database) as db:
        db.execute("CREATE TABLE t (part TEXT, a INTEGER)")
        db.executemany("INSERT INTO t VALUES (?, ?)", [("A", 1), ("A", 2), ("B", 3)])
    db.close()
    row_count = gxe.ExpectTableRowCountToEqual(value={"$PARAMETER": "rows"}, meta={"severity": suites.BLOCKING})

    def candidate() -> gx.ExpectationSuite:
        return gx.ExpectationSuite("candidate.t", expectations=[row_count.copy()])

    validate = runner.sqlite_validation(tmp_path, database, "t", candidate, by="part")
    outcomes = {value: validate("run-2", {"rows": 2}, ("part", value)) for value in ("A", "B")}
    assert outcomes["A"].failures == [] and outcomes["B"].failures[0].observed == 1
    store = runner.context(tmp_path).validation_results_store
    parameters = [
        store.get(key).meta["batch_parameters"] for keys in runner.stored_runs(store).values() for key in keys
    ]
    assert parameters == [{"dataframe": "<DATAFRAME>", "part": ["A", "B"]}, {"part": "A"}, {"part": "B"}]
    assert len(runner.stored_outcome(tmp_path, "run-2", "candidate.t").failures) == 1  # the run's parts together
