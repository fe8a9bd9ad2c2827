"""Charts drawn on the server as SVG with pygal: nothing for the browser to fetch, readable with
scripts off, and the same on a phone. pygal's tooltips script is loaded from a CDN by default,
so it is switched off."""

import pygal
from pygal.style import Style

from publish.portal.display import number

FONT = "Sarabun, Loma, Garuda, 'Noto Sans Thai', sans-serif"
STYLE = Style(
    font_family=FONT,
    background="transparent",
    plot_background="transparent",
    colors=("#0b5394", "#999999", "#e69138", "#6aa84f"),
    label_font_size=13,
    major_label_font_size=13,
    legend_font_size=13,
    value_font_size=12,
    title_font_size=15,
)
COMMON = {"js": [], "style": STYLE, "disable_xml_declaration": True, "legend_at_bottom": True, "margin": 8}


def _svg(chart) -> str:
    return chart.render(is_unicode=True)


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


def trend(rows: list[dict], indicator: dict, title: str) -> str:
    """The value over fiscal years against the path from baseline to target."""
    unit = indicator["unit_en"]
    targeted = next((r for r in rows if r["target_value"] is not None), None)
    years = sorted({r["fiscal_year"] for r in rows} | ({targeted["target_year"]} if targeted else set()))
    chart = pygal.Line(
        **COMMON,
        title=title,
        width=560,
        height=340,
        x_title="ปีงบประมาณ (พ.ศ.) — fiscal year (BE)",
        value_formatter=lambda v: number(v, unit),
        show_minor_x_labels=True,
    )
    chart.x_labels = [str(y) for y in years]
    by_year = {r["fiscal_year"]: r["value"] for r in rows}
    chart.add("ค่าที่วัดได้ — measured", [by_year.get(y) for y in years], dots_size=4)
    if targeted:
        path = path_to_target(targeted, indicator["progress_method"], years)
        chart.add("เส้นทางสู่เป้าหมาย — path to target", path, stroke_style={"dasharray": "6, 4"}, show_dots=False)
        chart.add(
            "ค่าเป้าหมาย — target",
            [targeted["target_value"] if y == targeted["target_year"] else None for y in years],
            dots_size=6,
        )
    return _svg(chart)


def comparison(rows: list[dict], indicator: dict, names: dict[str, str], title: str) -> str:
    """One year's value in each area, largest first; a hidden or missing value has no bar."""
    unit = indicator["unit_en"]
    shown = sorted(rows, key=lambda r: (r["value"] is None, -(r["value"] or 0)))
    chart = pygal.HorizontalBar(
        **COMMON,
        title=title,
        width=560,
        height=max(240, 26 * len(shown) + 90),
        show_legend=False,
        value_formatter=lambda v: number(v, unit),
    )
    chart.x_labels = [names.get(r["area_code"], r["area_code"]) for r in shown][::-1]
    chart.add(indicator["name_en"], [r["value"] for r in shown][::-1])
    return _svg(chart)
