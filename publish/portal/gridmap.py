"""A schematic map: one square tile per area in order of its DOPA code, coloured by the value of an
indicator in five classes. No package from a reachable registry ships Thai district boundaries
(geothai has codes and names, not shapes), and tile servers cannot be reached offline, so the map
shows which areas stand where in the distribution, not where they lie."""

import html
import math

from publish.portal.display import number

PALETTE = ("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c")  # ColorBrewer Blues, light to dark
EMPTY, HIDDEN = "#f0f0f0", "#d9d9d9"
TILE, GAP = 92, 6


def classes(values: list[float]) -> list[float]:
    """Upper bounds of five classes of equal count (quintiles) of the values shown."""
    ordered = sorted(values)
    return [ordered[min(len(ordered) - 1, math.ceil(len(ordered) * k / 5) - 1)] for k in range(1, 6)]


def colour(value, bounds: list[float]) -> str:
    return next(c for c, upper in zip(PALETTE, bounds, strict=True) if value <= upper)


def _tile(row: dict, name: str, x: int, y: int, fill: str, text: str, href: str) -> str:
    dark = fill in PALETTE[3:]
    ink = "#ffffff" if dark else "#1a1a1a"
    label = html.escape(name if len(name) <= 10 else name[:9] + "…")
    return (
        f'<a href="{html.escape(href)}"><g class="tile" data-area="{row["area_code"]}">'
        f"<title>{html.escape(name)}: {html.escape(text)}</title>"
        f'<rect x="{x}" y="{y}" width="{TILE}" height="{TILE}" rx="6" fill="{fill}" stroke="#ffffff"/>'
        f'<text x="{x + TILE / 2}" y="{y + 38}" fill="{ink}" text-anchor="middle" font-size="13">{label}</text>'
        f'<text x="{x + TILE / 2}" y="{y + 62}" fill="{ink}" text-anchor="middle" font-size="15" '
        f'font-weight="bold">{html.escape(text)}</text></g></a>'
    )


def grid_map(rows: list[dict], names: dict[str, str], unit_en: str, href, title: str) -> str:
    """An SVG of ``rows`` (one per area) as tiles; ``href(area_code)`` is where a tile leads."""
    shown = [r["value"] for r in rows if r["value"] is not None]
    bounds = classes(shown) if shown else []
    columns = max(1, math.ceil(math.sqrt(len(rows) * 1.5)))
    tiles = []
    for i, row in enumerate(rows):
        x, y = (i % columns) * (TILE + GAP), (i // columns) * (TILE + GAP) + 30
        if row["value"] is not None:
            fill, text = colour(row["value"], bounds), number(row["value"], unit_en)
        elif row.get("is_suppressed"):
            fill, text = HIDDEN, "ปกปิด"
        else:
            fill, text = EMPTY, "–"
        tiles.append(
            _tile(row, names.get(row["area_code"], row["area_code"]), x, y, fill, text, href(row["area_code"]))
        )
    width = columns * (TILE + GAP)
    height = math.ceil(len(rows) / columns) * (TILE + GAP) + 30
    heading = f'<text x="0" y="18" font-size="15" font-weight="bold">{html.escape(title)}</text>'
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="grid-map" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="{html.escape(title)}">{heading}{"".join(tiles)}</svg>'
    )


def legend(rows: list[dict], unit_en: str) -> list[tuple[str, str]]:
    """(colour, range) for each class, then hidden and no data."""
    shown = [r["value"] for r in rows if r["value"] is not None]
    items, lower = [], min(shown) if shown else None
    for fill, upper in zip(PALETTE, classes(shown) if shown else [], strict=False):
        items.append((fill, f"{number(lower, unit_en)} – {number(upper, unit_en)}"))
        lower = upper
    return [*items, (HIDDEN, "ปกปิดเพื่อคุ้มครองบุคคล — hidden"), (EMPTY, "ไม่มีข้อมูล — no data")]
