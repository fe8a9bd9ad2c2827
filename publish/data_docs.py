"""GX Data Docs for the portal: built from the GX context's suites and every stored validation
result, copied into the release, and made to work with no internet.

GX's pages load jQuery, Bootstrap and its table plugin from CDNs, and its index draws its tables
with them; the portal must work offline, so the remote tags are removed (the expectation and
validation pages are plain HTML underneath) and the index is written here, in Thai and English.

A stored result never changes, so its page is drawn once, and made to work offline then: GX's
site keeps it while the result is kept, and a build draws only the new results and the suites
(GX's incremental build). The site is drawn again whole when GX's version changes.
"""

import html
import re
import shutil
from collections.abc import Iterable
from pathlib import Path

import great_expectations as gx
from great_expectations.data_context.types.resource_identifiers import ExpectationSuiteIdentifier

from expectations import runner

# What fetches from another host: scripts, style sheets, images (GX's logo carries the context's
# id to S3), background images in styles.
REMOTE = re.compile(
    r'<script[^>]*\ssrc="https?://[^"]*"[^>]*>\s*</script>|<link[^>]*\shref="https?://[^"]*"[^>]*>'
    r"|<img[^>]*\ssrc=\"https?://[^\"]*\"[^>]*>|url\('https?://[^']*'\)",
    re.IGNORECASE,
)
INDEX = """<!doctype html>
<html lang="th"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>รายงานคุณภาพข้อมูล — Data quality reports</title>
<link rel="stylesheet" href="static/styles/data_docs_default_styles.css">
</head><body>
<h1>รายงานคุณภาพข้อมูล — Data quality reports</h1>
<p>ชุดการตรวจสอบของ Great Expectations ทุกชุด พร้อมผลการตรวจล่าสุด ประวัติทั้งหมดอยู่ในตาราง
audit_validation_results — Every Great Expectations suite with its latest results; the full history is
the table audit_validation_results.</p>
<table id="suites"><thead><tr><th>ชุดการตรวจสอบ — Suite</th><th>ข้อกำหนด — Expectations</th>
<th>ครั้งล่าสุด — Last run</th><th>ผลล่าสุด — Latest results</th></tr></thead><tbody>
{rows}
</tbody></table>
</body></html>
"""
# What drew the site. A site drawn by another GX, or by code that made only the copies of its pages
# work offline, is drawn again whole.
DRAWN_BY = f"great_expectations {gx.__version__}, offline"
RUNS = 10  # runs whose results Data Docs show; every run stays in the audit trail
LATEST = 5  # validation pages linked per suite in the index
STATUS = {True: "ผ่านทุกข้อ — all passed", False: "มีข้อที่ไม่ผ่าน — some failed (see severity)"}


def _site(gx_root: Path) -> Path:
    return gx_root / "gx" / "uncommitted" / "data_docs" / "local_site"


def _page(key) -> Path:
    """Where GX's site draws a stored result: its key's parts as folders."""
    *folders, name = key.to_tuple()
    return Path("validations", *folders, f"{name}.html")


def _draw(context, site: Path, suites: list[str]) -> None:
    """Draw what the site lacks: the stored results without a page, and every suite (a suite
    changes with the code); remove the pages of results no longer stored."""
    drawn_by = site / "gx-version"
    if not drawn_by.is_file() or drawn_by.read_text() != DRAWN_BY:
        shutil.rmtree(site, ignore_errors=True)
    shutil.rmtree(site / "expectations", ignore_errors=True)  # a suite removed goes too
    pages = {_page(key): key for key in context.validation_results_store.list_keys()}
    for page in list(site.glob("validations/**/*.html")):
        if page.relative_to(site) not in pages:
            page.unlink()
            for folder in (page.parent, page.parent.parent):  # the run's time and name
                if not any(folder.iterdir()):
                    folder.rmdir()
    new = [key for page, key in pages.items() if not (site / page).exists()]
    drawn = [*(ExpectationSuiteIdentifier(name=name) for name in suites), *new]
    context.build_data_docs(resource_identifiers=drawn, build_index=False)  # the index is ours
    # What GX has just written (the suites, the new results, its styles), made to work offline.
    for page in [*site.glob("expectations/**/*.html"), *(site / _page(key) for key in new), *site.rglob("*.css")]:
        _offline(page)
    drawn_by.write_text(DRAWN_BY)


def _offline(page: Path) -> None:
    page.write_text(REMOTE.sub("", page.read_text(encoding="utf-8")), encoding="utf-8")


def _last_success(context) -> dict[str, bool]:
    """Whether each suite passed in its most recent run, in every part its table was validated in."""
    store = context.validation_results_store
    latest = {suite: keys for (_, suite), keys in runner.stored_runs(store).items()}  # oldest run first
    return {suite: all(store.get(k).success for k in keys) for suite, keys in latest.items()}


def _row(site: Path, suite: str, passed: bool | None) -> str:
    parts = suite.split(".")
    expectations = Path("expectations", *parts).with_suffix(".html")
    runs = sorted(site.joinpath("validations", *parts).glob("*/*/*.html"), key=lambda p: p.parent.name, reverse=True)
    links = " ".join(
        f'<a href="{html.escape(str(p.relative_to(site)))}">{html.escape(p.parent.name)}</a>' for p in runs[:LATEST]
    )
    name = html.escape(suite)
    return (
        f'<tr><td class="suite">{name}</td><td><a href="{html.escape(str(expectations))}">{name}</a></td>'
        f"<td>{STATUS.get(passed, '')}</td><td>{links}</td></tr>"
    )


def build(gx_root: Path, to: Path, also: Iterable[str] = ()) -> list[str]:
    """Write the Data Docs of every suite, with the results of the latest runs and of the runs
    ``also`` (those whose checks of a table stand for the release), to ``to``; return the suites'
    names. The audit trail must hold the older results already."""
    runner.keep_latest_runs(gx_root, RUNS, also)
    context = runner.context(gx_root)
    names = sorted(suite.name for suite in context.suites.all())
    _draw(context, _site(gx_root), names)
    shutil.copytree(_site(gx_root), to, ignore=shutil.ignore_patterns("gx-version"))
    passed = _last_success(context)
    rows = "\n".join(_row(to, name, passed.get(name)) for name in names)
    (to / "index.html").write_text(INDEX.format(rows=rows), encoding="utf-8")
    return names
