"""The indicator catalogue quotes the strategy documents exactly."""

import csv
import re
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def catalogue() -> list[dict]:
    with (SEEDS / "indicators.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def document(name: str) -> str:
    return (SEEDS / "documents" / f"{name}.txt").read_text(encoding="utf-8")


def test_all_fifteen_nakhon_sawan_indicators_in_four_strategies():
    codes = [r["indicator_code"] for r in catalogue() if r["document"] == "nakhon-sawan-welfare-strategy-3"]
    per_strategy = [sum(c.startswith(f"S{s}.") for c in codes) for s in range(1, 5)]
    assert per_strategy == [2, 6, 4, 3]
    assert len(set(codes)) == 15


def test_thai_wording_is_quoted_exactly_from_its_document():
    for row in catalogue():
        text = document(row["document"])
        if row["document"] == "nakhon-sawan-welfare-strategy-3":
            # The indicator is a numbered line of its strategy's ".๓ ตัวชี้วัด" section.
            thai_no = "๐๑๒๓๔๕๖๗๘๙"[int(row["indicator_no"])]
            assert re.search(rf"^{thai_no}\. {re.escape(row['name_th'])}$", text, re.M), row["indicator_code"]
            assert f"“{row['strategy_name_th']}”" in text
        else:
            assert row["strategy_name_th"] in text, row["indicator_code"]


def test_dsdw_indicators_are_coded_by_plan_topic():
    dsdw = [r for r in catalogue() if r["document"] == "dsdw-action-plan-2566-2570"]
    assert dsdw
    for row in dsdw:
        assert re.fullmatch(rf"D{row['strategy_no']}\.\d+", row["indicator_code"])


def test_every_indicator_is_fully_described():
    for row in catalogue():
        for field in ("name_en", "unit_en", "unit_th", "computation_en", "computation_th", "sources", "levels"):
            assert row[field].strip(), (row["indicator_code"], field)
        assert row["direction"] in {"increase", "decrease"}
