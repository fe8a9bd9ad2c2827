"""Numbers and codes as a reader sees them: rounded by unit, thousands separated, codes in words."""

from orchestration.metadata.units import display_decimals


def number(value, unit_en: str) -> str:
    """``12,345`` or ``48.73``; an empty value is a dash."""
    if value is None:
        return "–"
    return f"{value:,.{display_decimals(unit_en)}f}"


def fiscal_year(year: int) -> str:
    """A Thai fiscal year in Buddhist Era, as the strategy writes it."""
    return f"ปีงบประมาณ {year}"


class Labels:
    """The Thai and English words of the published code lists (dim_code_lists)."""

    def __init__(self, rows):
        self._labels = {(r["code_list"], r["code"]): (r["label_th"], r["label_en"]) for r in rows}

    def th(self, code_list: str, code) -> str:
        return self._labels.get((code_list, code), (code, code))[0]

    def en(self, code_list: str, code) -> str:
        return self._labels.get((code_list, code), (code, code))[1]

    def both(self, code_list: str, code) -> str:
        th, en = self._labels.get((code_list, code), (code, code))
        return th if th == en else f"{th} — {en}"
