"""The suppression rule on small trees of areas: the attack the old rule let through, and the
claim that bound propagation along the tree is as tight as linear programming over it."""

import random

import pytest
from lp_audit import lp_bounds

from orchestration import disclosure
from orchestration.disclosure import Table

THRESHOLD = 5


def district(values: dict[str, int]) -> Table:
    """One district (D) over its subdistricts."""
    return Table({"D": sum(values.values()), **values}, {"D": None, **dict.fromkeys(values, "D")}, "sum")


def test_the_interval_attack_on_the_old_rule_finds_nothing_to_pin():
    # Three subdistricts of 1 and one of 7: hiding the three (and one more, as the old rule did)
    # left published total - published rest = number hidden, so each hidden one was exactly 1.
    table = district({"a": 1, "b": 1, "c": 1, "d": 7, "e": 20})
    hidden = disclosure.suppress(table, THRESHOLD)
    assert {k for k, why in hidden.items() if why == "primary"} == {"a", "b", "c"}
    assert hidden.get("d") == "secondary"
    for lo, hi in disclosure.bounds(table, set(hidden)).values():
        assert hi - lo >= THRESHOLD


def test_a_count_of_zero_is_never_hidden():
    table = district({"a": 2, "b": 0, "c": 0, "d": 30})
    hidden = disclosure.suppress(table, THRESHOLD)
    assert "b" not in hidden and "c" not in hidden and "d" in hidden


def test_nothing_small_nothing_hidden():
    assert disclosure.suppress(district({"a": 5, "b": 0, "c": 12}), THRESHOLD) == {}


def random_tree(rng: random.Random, aggregation: str) -> Table:
    """A province over 2-4 districts over 1-5 subdistricts, counts mostly small."""
    values, parent = {}, {"P": None}
    for d in range(rng.randint(2, 4)):
        for s in range(rng.randint(1, 5)):
            values[f"S{d}{s}"] = rng.choice([0, 0, 1, 2, 3, 4, 6, 9, 15, 40])
            parent[f"S{d}{s}"] = f"D{d}"
        parent[f"D{d}"] = "P"
    for d in {p for p in parent.values() if p and p.startswith("D")}:
        kids = [values[s] for s, p in parent.items() if p == d]
        # People counted once across areas: the district may count fewer than its subdistricts,
        # or (nobody in two of them) just as many.
        overlap = rng.choice([0, (sum(kids) - max(kids)) // 2]) if aggregation == "distinct" else 0
        values[d] = sum(kids) - overlap
    districts = [values[d] for d in parent if d.startswith("D")]
    values["P"] = sum(districts) if aggregation == "sum" else max(districts) + (sum(districts) - max(districts)) // 2
    return Table(values, parent, aggregation)


@pytest.mark.parametrize("aggregation", ["sum", "distinct"])
@pytest.mark.parametrize("seed", range(40))
def test_bounds_along_the_tree_equal_linear_programming(seed, aggregation):
    table = random_tree(random.Random(seed), aggregation)
    hidden = set(disclosure.suppress(table, THRESHOLD))
    along_tree, by_lp = disclosure.bounds(table, hidden), lp_bounds(table, hidden)
    for area in hidden:
        assert along_tree[area] == pytest.approx(by_lp[area], abs=1e-6), area
        assert by_lp[area][1] - by_lp[area][0] >= THRESHOLD, area


def cells(family: str, values: dict[str, int]) -> list[tuple]:
    """The rows of ``disclosure.CELLS`` of one district (D) over its subdistricts, in 2567."""
    table = district(values)
    return [
        (family, "sum", 2567, "district" if a == "D" else "subdistrict", a, table.parent[a], 1, v)
        for a, v in table.values.items()
    ]


def test_a_family_whose_cells_have_not_changed_keeps_the_hidden_cells_worked_out_before():
    registered, assisted = {"a": 1, "b": 1, "c": 30}, {"a": 2, "b": 9, "c": 30}
    before = disclosure.hidden_cells(cells("registered", registered) + cells("assisted", assisted), THRESHOLD)
    # The earlier build's rows, marked: a row taken from it says so.
    earlier = {}
    for *row, digest in before:
        earlier.setdefault(digest, []).append((*row[:-1], "taken"))
    assisted["b"] = 3  # a month of assistance later
    after = disclosure.hidden_cells(cells("registered", registered) + cells("assisted", assisted), THRESHOLD, earlier)
    taken = {(row[0], row[4]) for row in after}
    assert taken == {("registered", "taken"), ("assisted", "primary"), ("assisted", "secondary")}
    # Without the earlier build, or with another threshold, everything is worked out again.
    fresh = disclosure.hidden_cells(cells("registered", registered) + cells("assisted", assisted), THRESHOLD)
    assert [row[:4] for row in after] == [row[:4] for row in fresh] and "taken" not in {row[4] for row in fresh}
    again = disclosure.hidden_cells(cells("registered", registered), THRESHOLD + 1, earlier)
    assert "taken" not in {row[4] for row in again}
