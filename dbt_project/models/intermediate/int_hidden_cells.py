"""Disclosure control between the indicators and the marts: which cells of people counts to hide
(orchestration/disclosure.py). A Python model, so that one dbt build runs the indicators, this and
the marts that apply it; on Spark, orchestration/spark.py writes the same table itself."""

from orchestration import disclosure
from orchestration.settings import suppression_threshold


def model(dbt, session):
    # What disclosure.CELLS reads, for dbt's graph (the query names them: Spark runs it too).
    dbt.ref("int_indicator_values")
    dbt.ref("int_areas")
    dbt.ref("stg_indicators")
    # This table as the last build left it: the families whose cells have not changed keep theirs.
    return disclosure.hidden_table(session, suppression_threshold(), (dbt.this.schema, dbt.this.identifier))
