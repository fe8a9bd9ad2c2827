"""Run a GX suite on a DataFrame with an ephemeral context and summarise the result.

DuckDB tables are validated as pandas batches: GX's SQL datasource cannot resolve metrics on
DuckDB (GX issue #11579).
"""

from collections.abc import Callable
from dataclasses import dataclass

import great_expectations as gx
import pandas as pd


@dataclass(frozen=True)
class Outcome:
    success: bool
    evaluated: int
    failed: list[dict]
    result: dict

    def describe(self) -> str:
        if self.success:
            return f"all {self.evaluated} expectations passed"
        return "; ".join(f"{f['expectation']}({f['column']}): {f['unexpected_count']} unexpected"
                         for f in self.failed)


def validate(df: pd.DataFrame, make_suite: Callable[[], gx.ExpectationSuite]) -> Outcome:
    """Validate ``df`` against the suite ``make_suite`` builds (GX needs its context first)."""
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = {"globally": False}
    suite = make_suite()
    batch = (context.data_sources.add_pandas("warehouse")
             .add_dataframe_asset(suite.name)
             .add_batch_definition_whole_dataframe("whole table")
             .get_batch(batch_parameters={"dataframe": df}))
    # SUMMARY keeps a few unexpected values as samples: only run it on tables without personal data.
    result = batch.validate(suite, result_format="SUMMARY")
    failed = [{
        "expectation": r.expectation_config.type,
        "column": r.expectation_config.kwargs.get("column") or r.expectation_config.kwargs.get("column_list"),
        "unexpected_count": r.result.get("unexpected_count"),
    } for r in result.results if not r.success]
    return Outcome(result.success, result.statistics["evaluated_expectations"], failed, result.to_json_dict())
