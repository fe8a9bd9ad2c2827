"""The portal's pages, as Datasette routes: home, indicators, areas, downloads and the API guide.
They read the published database only; the SQL editor, table browser and JSON API stay Datasette's
own (/welfare, /audit)."""

import asyncio
import csv
import io
import weakref

from datasette import hookimpl
from datasette.utils.asgi import NotFound, Response
from markupsafe import Markup

from publish.portal import charts, data, gridmap
from publish.portal.display import fiscal_year, number

PLUGIN = "welfare-portal"
# One per release's Datasette: the task reading it, which every request arriving meanwhile awaits
# too (twenty readers at once would otherwise read it twenty times).
_catalogues: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


async def _catalogue(datasette) -> data.Catalogue:
    if datasette not in _catalogues:
        _catalogues[datasette] = asyncio.ensure_future(data.catalogue(datasette.get_database(data.DATABASE)))
    try:
        return await asyncio.shield(_catalogues[datasette])
    except Exception:
        _catalogues.pop(datasette, None)  # the next request tries again
        raise


# One per release's Datasette: the area choice's options rendered for each province's pages.
_area_options: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


async def _area_choice(datasette, cat: data.Catalogue, province_code: str, selected: str) -> Markup:
    """The options of the area choice on a page of ``province_code``'s, ``selected`` marked."""
    rendered = _area_options.setdefault(datasette, {})
    if province_code not in rendered:
        context = {"cat": cat, "province_code": province_code}
        rendered[province_code] = await datasette.render_template("_area_options.html", context)
    option = f'<option value="{selected}">'
    return Markup(rendered[province_code].replace(option, option[:-1] + " selected>", 1))


def _release(datasette) -> dict:
    return (datasette.plugin_config(PLUGIN) or {}).get("release", {})


async def _page(datasette, request, template: str, **context) -> Response:
    cat = await _catalogue(datasette)
    context = {"cat": cat, "release": _release(datasette), "number": number, "fiscal_year": fiscal_year, **context}
    return Response.html(await datasette.render_template(template, context, request=request))


def _year(request, cat: data.Catalogue) -> int:
    try:
        year = int(request.args.get("year", ""))
    except ValueError:
        return cat.years[-1]
    return year if year in cat.years else cat.years[-1]


def _default_area(cat: data.Catalogue) -> str:
    """The country when several provinces are loaded, else the one province."""
    return "TH" if "TH" in cat.areas else cat.provinces()[0]["area_code"]


def _names(cat: data.Catalogue) -> dict[str, str]:
    return {code: a["name_th"] for code, a in cat.areas.items()}


async def home(datasette, request):
    cat = await _catalogue(datasette)
    db = datasette.get_database(data.DATABASE)
    province = _default_area(cat)
    year = cat.years[-1]
    level = "province" if province != "TH" else "country"
    counts = await data.status_counts(db, level, province, year)
    return await _page(datasette, request, "portal_home.html", area=cat.areas[province], year=year, counts=counts)


def _indicator(cat: data.Catalogue, code: str) -> dict:
    if code not in cat.indicators:
        raise NotFound(f"ไม่พบตัวชี้วัด {code} — no indicator {code}")
    return cat.indicators[code]


def _area(cat: data.Catalogue, code: str) -> dict:
    if code not in cat.areas:
        raise NotFound(f"ไม่พบพื้นที่ {code} — no area {code}")
    return cat.areas[code]


async def indicators(datasette, request):
    return await _page(datasette, request, "portal_indicators.html")


async def indicator(datasette, request):
    cat = await _catalogue(datasette)
    code = request.url_vars["code"]
    ind = _indicator(cat, code)
    area_code = request.args.get("area") or _default_area(cat)
    area, year = _area(cat, area_code), _year(request, cat)
    province = cat.province_of(area) or area
    db = datasette.get_database(data.DATABASE)
    rows = await data.series(db, code, area_code)
    # The areas one level down from the province (its districts) or from the country (its provinces).
    level = "province" if province["area_level"] == "country" else "district"
    parent = "" if level == "province" else province["area_code"]
    compared = await data.children(db, code, parent, level, year)
    current = next((r for r in rows if r["fiscal_year"] == year), None)
    context = {
        "ind": ind,
        "area": area,
        "province": province,
        "year": year,
        "rows": rows,
        "current": current,
        "compared": compared,
        "compared_level": level,
        "area_options": await _area_choice(datasette, cat, province["area_code"], area_code),
    }
    context |= _indicator_charts(cat, ind, area, province, year, rows, compared, level)
    return await _page(datasette, request, "portal_indicator.html", **context)


def _indicator_charts(cat, ind, area, province, year, rows, compared, level) -> dict:
    names = _names(cat)
    return {
        "trend_svg": charts.trend(rows, ind, f"{area['name_th']} — {ind['indicator_code']}") if rows else "",
        "bars_svg": charts.comparison(compared, ind, names, f"{province['name_th']} {fiscal_year(year)}")
        if compared
        else "",
        "map_svg": _compared_map(compared, ind, names, year, cat.labels, level) if compared else "",
        "legend": gridmap.legend(compared, ind["unit_en"]) if compared else [],
    }


def _compared_map(rows, ind, names, year, labels, level: str) -> str:
    code = ind["indicator_code"]
    title = f"{code} {fiscal_year(year)} ราย{labels.th('area_level', level)} — by {level} (schematic)"
    return gridmap.grid_map(rows, names, ind["unit_en"], lambda a: f"/indicators/{code}?area={a}&year={year}", title)


async def indicator_csv(datasette, request):
    """Exactly the rows an indicator page shows, or all of the indicator's, as CSV that Excel
    opens with its Thai intact (UTF-8 with a byte-order mark)."""
    cat = await _catalogue(datasette)
    code = _indicator(cat, request.url_vars["code"])["indicator_code"]
    db = datasette.get_database(data.DATABASE)
    area = request.args.get("area")
    sql = "SELECT * FROM indicator_values WHERE indicator_code = ?" + (" AND area_code = ?" if area else "")
    result = await db.execute(sql + " ORDER BY area_level, area_code, fiscal_year", (code, area) if area else (code,))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(result.columns)
    writer.writerows(tuple(r) for r in result.rows)
    name = f"{code}-{area}.csv" if area else f"{code}.csv"
    return Response(
        "\ufeff" + out.getvalue(),
        content_type="text/csv; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="{name}"'},
    )


async def areas(datasette, request):
    return await _page(datasette, request, "portal_areas.html")


async def area(datasette, request):
    cat = await _catalogue(datasette)
    code = request.url_vars["code"]
    this, year = _area(cat, code), _year(request, cat)
    province = cat.province_of(this)
    db = datasette.get_database(data.DATABASE)
    values = {r["indicator_code"]: r for r in await data.area_year(db, code, year, province and province["area_code"])}
    context = {"area": this, "year": year, "province": province, "values": values, "map_svg": "", "legend": []}
    if this["area_level"] == "district":
        mapped = [i for i in cat.indicators.values() if "subdistrict" in i["levels"]]
        ind = cat.indicators.get(request.args.get("indicator", "")) or mapped[0]
        subs = await data.children(db, ind["indicator_code"], code, "subdistrict", year)
        names = await _subdistrict_names(db, code)
        title = f"{ind['indicator_code']} {fiscal_year(year)} รายตำบล — by subdistrict (schematic)"
        context |= {
            "map_indicator": ind,
            "map_svg": gridmap.grid_map(subs, names, ind["unit_en"], lambda a: _subdistrict_table(a, year), title)
            if subs
            else "",
            "legend": gridmap.legend(subs, ind["unit_en"]) if subs else [],
        }
    return await _page(datasette, request, "portal_area.html", **context)


def _subdistrict_table(area: str, year: int) -> str:
    """A subdistrict has no page of its own: its tile leads to its rows in the table browser."""
    return f"/welfare/indicator_values?area_code={area}&fiscal_year={year}"


async def _subdistrict_names(db, district: str) -> dict[str, str]:
    rows = await db.execute("SELECT area_code, name_th FROM dim_areas WHERE parent_code = ?", (district,))
    return {r["area_code"]: r["name_th"] for r in rows.rows}


async def downloads(datasette, request):
    db = datasette.get_database(data.DATABASE)
    hidden = set(await db.hidden_table_names())  # full-text indexes
    tables = sorted(t for t in await db.table_names() if t not in hidden)
    return await _page(datasette, request, "portal_downloads.html", tables=tables)


async def api(datasette, request):
    return await _page(datasette, request, "portal_api.html")


@hookimpl
def register_routes():
    return [
        (r"^/$", home),
        (r"^/indicators$", indicators),
        (r"^/indicators/(?P<code>[A-Z][0-9]\.[0-9])\.csv$", indicator_csv),
        (r"^/indicators/(?P<code>[^/]+)$", indicator),
        (r"^/areas$", areas),
        (r"^/areas/(?P<code>[0-9A-Z]+)$", area),
        (r"^/downloads$", downloads),
        (r"^/api$", api),
    ]
