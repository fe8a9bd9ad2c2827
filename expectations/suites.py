"""GX expectation suites for the marts. Each suite is what must hold before publication."""

import great_expectations as gx
import great_expectations.expectations as gxe

INDICATOR_COLUMNS = [
    "indicator_code", "area_level", "area_code", "area_name_th", "area_name_en", "fiscal_year",
    "value", "numerator", "denominator", "unit_en", "unit_th", "previous_value", "change",
    "baseline_year", "baseline_value", "target_year", "target_value", "target_is_demo", "is_suppressed", "null_reason",
    "progress_status",
]
PROGRESS = ["achieved", "on_track", "off_track", "not_achieved", "no_target", "no_data"]
AREA_CODE_PATTERN = {"country": r"^TH$", "province": r"^\d{2}$", "district": r"^\d{4}$", "subdistrict": r"^\d{6}$"}


def indicator_values(indicator_codes: list[str], people_codes: list[str], threshold: int) -> gx.ExpectationSuite:
    """The published indicator table: well-formed keys, known indicators, sane numbers, and no
    visible count of people from 1 to the suppression threshold."""
    suite = gx.ExpectationSuite("indicator_values")
    suite.add_expectation(gxe.ExpectTableRowCountToBeBetween(min_value=1))
    suite.add_expectation(gxe.ExpectTableColumnsToMatchSet(column_set=INDICATOR_COLUMNS, exact_match=True))
    for column in ("indicator_code", "area_level", "area_code", "fiscal_year", "unit_en"):
        suite.add_expectation(gxe.ExpectColumnValuesToNotBeNull(column=column))
    suite.add_expectation(gxe.ExpectCompoundColumnsToBeUnique(
        column_list=["indicator_code", "area_level", "area_code", "fiscal_year"]))
    suite.add_expectation(gxe.ExpectColumnValuesToBeInSet(column="indicator_code", value_set=indicator_codes))
    suite.add_expectation(gxe.ExpectColumnValuesToBeInSet(column="area_level", value_set=list(AREA_CODE_PATTERN)))
    for level, pattern in AREA_CODE_PATTERN.items():
        suite.add_expectation(gxe.ExpectColumnValuesToMatchRegex(
            column="area_code", regex=pattern, row_condition=f'area_level == "{level}"', condition_parser="pandas"))
    suite.add_expectation(gxe.ExpectColumnValuesToBeBetween(column="fiscal_year", min_value=2540, max_value=2600))
    suite.add_expectation(gxe.ExpectColumnValuesToBeInSet(column="progress_status", value_set=PROGRESS))
    # Counts and amounts are never negative; only a growth rate or a change may be.
    suite.add_expectation(gxe.ExpectColumnValuesToBeBetween(column="numerator", min_value=0))
    suite.add_expectation(gxe.ExpectColumnValuesToBeBetween(column="denominator", min_value=0))
    suite.add_expectation(gxe.ExpectColumnValuesToBeBetween(
        column="value", min_value=0, row_condition='unit_en != "percent"', condition_parser="pandas"))
    suite.add_expectation(gxe.ExpectColumnValuesToBeInSet(
        column="numerator", value_set=[0],
        row_condition=f"indicator_code in {people_codes} and numerator < {threshold}", condition_parser="pandas"))
    return suite
