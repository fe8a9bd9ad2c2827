"""Charts drawn on the server as plain SVG: nothing for the browser to fetch, readable with scripts
off (each mark's value is its tooltip, an SVG <title>), the same on a phone. Written here rather
than with pygal, which took 15–40 ms a page for the country's 77 provinces: twenty readers
opening new pages at once then waited 600 ms; these take under a millisecond."""

import html
import math

from publish.portal.display import number

FONT = "Sarabun, Loma, Garuda, 'Noto Sans Thai', sans-serif"
MEASURED, PATH, TARGET = "#0b5394", "#999999", "#e69138"
BAR = MEASURED
INK, GRID = "#1a1a1a", "#dddddd"
WIDTH = 400  # drawn narrow, so that its text stays readable on a phone (CSS caps it on a desktop)


def _text(x: float, y: float, text: str, size: int = 13, anchor: str = "start", bold: bool = False) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" fill="{INK}"{weight}>'
        f"{html.escape(text)}</text>"
    )


def _svg(kind: str, height: float, title: str, body: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg {kind}" viewBox="0 0 {WIDTH} {height:.0f}" '
        f'role="img" aria-label="{html.escape(title)}" font-family="{html.escape(FONT)}">'
        f"{_text(0, 18, title, 15, bold=True)}{''.join(body)}</svg>"
    )


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """About ``count`` round values (steps of 1, 2 or 5 times a power of ten) covering [low, high]."""
    if high <= low:
        high = low + 1
    rough = (high - low) / count
    power = 10 ** math.floor(math.log10(rough))
    step = next(s * power for s in (1, 2, 5, 10) if s * power >= rough)
    first = math.floor(low / step) * step
    return [first + i * step for i in range(math.ceil((high - first) / step - 1e-9) + 1)]


def path_to_target(row: dict, method: str, years: list[int]) -> list[float | None]:
    """Where the value should be each year to reach its target: a straight line, or steady
    compound growth for indicators judged by growth."""
    base, target = row["baseline_value"], row["target_value"]
    y0, y1 = row["baseline_year"], row["target_year"]
    out = []
    for year in years:
        if not y0 <= year <= y1:
            out.append(None)
        elif method == "cagr" and base > 0 and target > 0:
            out.append(base * (target / base) ** ((year - y0) / (y1 - y0)))
        else:
            out.append(base + (target - base) * (year - y0) / (y1 - y0))
    return out


def _line(points: list[tuple[float, float] | None], colour: str, dashed: bool) -> str:
    """A line through the points, broken where a point is missing."""
    runs, run = [], []
    for p in [*points, None]:
        if p is None:
            if len(run) > 1:
                runs.append(run)
            run = []
        else:
            run.append(p)
    dash = ' stroke-dasharray="6 4"' if dashed else ""
    return "".join(
        f'<polyline fill="none" stroke="{colour}" stroke-width="2.5"{dash} '
        f'points="{" ".join(f"{x:.1f},{y:.1f}" for x, y in r)}"/>'
        for r in runs
    )


def _dots(points, values, years, colour: str, radius: int, unit: str) -> str:
    return "".join(
        f'<circle class="dot" cx="{p[0]:.1f}" cy="{p[1]:.1f}" r="{radius}" fill="{colour}">'
        f"<title>{year}: {html.escape(number(v, unit))}</title></circle>"
        for p, v, year in zip(points, values, years, strict=True)
        if p is not None
    )


def _trend_series(rows: list[dict], indicator: dict, years: list[int], targeted: dict | None) -> list[tuple]:
    """(name, value per year, colour, dashed, dot radius) of the measured values, and of the path
    to the target and the target where there is one."""
    by_year = {r["fiscal_year"]: r["value"] for r in rows}
    series = [("ค่าที่วัดได้ — measured", [by_year.get(y) for y in years], MEASURED, False, 4)]
    if targeted:
        path = path_to_target(targeted, indicator["progress_method"], years)
        target = [targeted["target_value"] if y == targeted["target_year"] else None for y in years]
        series.append(("เส้นทางสู่เป้าหมาย — path to target", path, PATH, True, 0))
        series.append(("ค่าเป้าหมาย — target", target, TARGET, False, 6))
    return series


def trend(rows: list[dict], indicator: dict, title: str) -> str:
    """The value over fiscal years against the path from baseline to target, with a legend below."""
    unit = indicator["unit_en"]
    targeted = next((r for r in rows if r["target_value"] is not None), None)
    years = sorted({r["fiscal_year"] for r in rows} | ({targeted["target_year"]} if targeted else set()))
    series = _trend_series(rows, indicator, years, targeted)
    shown = [v for _, values, *_ in series for v in values if v is not None]
    ticks = nice_ticks(min([0.0, *shown]), max([0.0, *shown]))
    left, right, top, bottom = 70, WIDTH - 12, 36, 230
    x = lambda i: left + (right - left) * (i + 0.5) / len(years)  # noqa: E731
    y = lambda v: bottom - (bottom - top) * (v - ticks[0]) / (ticks[-1] - ticks[0])  # noqa: E731
    body = []
    for t in ticks:
        body.append(f'<line x1="{left}" x2="{right}" y1="{y(t):.1f}" y2="{y(t):.1f}" stroke="{GRID}"/>')
        body.append(_text(left - 6, y(t) + 4, number(t, unit), 12, "end"))
    body += [_text(x(i), bottom + 20, str(year), 12, "middle") for i, year in enumerate(years)]
    body.append(_text((left + right) / 2, bottom + 42, "ปีงบประมาณ (พ.ศ.) — fiscal year (BE)", 13, "middle"))
    for n, (name, values, colour, dashed, radius) in enumerate(series):
        points = [None if v is None else (x(i), y(v)) for i, v in enumerate(values)]
        body.append(_line(points, colour, dashed))  # the target, one point, has no line
        body.append(_dots(points, values, years, colour, radius, unit) if radius else "")
        legend_y = bottom + 66 + 20 * n
        body.append(f'<rect x="{left}" y="{legend_y - 10}" width="14" height="10" fill="{colour}"/>')
        body.append(_text(left + 20, legend_y, name, 12))
    return _svg("trend", bottom + 66 + 20 * len(series), title, body)


def comparison(rows: list[dict], indicator: dict, names: dict[str, str], title: str) -> str:
    """One year's value in each area, largest first; a hidden or missing value has no bar."""
    unit = indicator["unit_en"]
    shown = sorted(rows, key=lambda r: (r["value"] is None, -(r["value"] or 0)))
    values = [r["value"] for r in shown if r["value"] is not None]
    low, high = min([0.0, *values]), max([0.0, *values]) or 1.0
    label, value_room, row_height, top = 130, 70, 22, 36
    scale = (WIDTH - label - value_room) / (high - low)
    zero = label + 8 + (0 - low) * scale
    body = []
    for i, r in enumerate(shown):
        name = names.get(r["area_code"], r["area_code"])
        y = top + i * row_height
        body.append(_text(label, y + 15, name if len(name) <= 18 else name[:17] + "…", 12, "end"))
        if r["value"] is None:
            body.append(_text(zero + 4, y + 15, "ปกปิด" if r.get("is_suppressed") else "–", 12))
            continue
        text = number(r["value"], unit)
        x0, x1 = sorted((zero, zero + r["value"] * scale))  # a negative value's bar runs left of zero
        body.append(
            f'<rect class="bar" x="{x0:.1f}" y="{y + 3}" width="{max(x1 - x0, 1):.1f}" height="{row_height - 6}" '
            f'fill="{BAR}"><title>{html.escape(name)}: {html.escape(text)}</title></rect>'
        )
        body.append(_text(x1 + 4, y + 15, text, 12))
    return _svg("bars", top + len(shown) * row_height + 8, title, body)
