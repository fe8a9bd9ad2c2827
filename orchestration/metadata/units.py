"""How many decimal places the portal shows a value with, by its unit. The published tables keep
the places of their field (fields.py); a page rounds further for reading. Counts are whole."""

DISPLAY_DECIMALS = {"score 0-100": 1, "percent": 1, "per 1,000 population": 2}


def display_decimals(unit_en: str) -> int:
    return DISPLAY_DECIMALS.get(unit_en, 0)
