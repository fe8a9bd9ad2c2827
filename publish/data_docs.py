"""GX Data Docs for the portal: built from the GX context's suites and every stored validation
result, copied into the release, and made to work with no internet.

GX's pages load jQuery, Bootstrap and its table plugin from CDNs, and its index draws its tables
with them; the portal must work offline, so the remote tags are removed (the expectation and
validation pages are plain HTML underneath) and the index is written here, in Thai and English.
"""

import html
import re
import shutil
from collections.abc import Iterable
from pathlib import Path

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
RUNS = 10  # runs whose results Data Docs show; every run stays in the audit trail
LATEST = 5  # validation pages linked per suite in the index
STATUS = {True: "ผ่านทุกข้อ — all passed", False: "มีข้อที่ไม่ผ่าน — some failed (see severity)"}


def _site(gx_root: Path) -> Path:
    return gx_root / "gx" / "uncommitted" / "data_docs" / "local_site"


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
    shutil.rmtree(_site(gx_root), ignore_errors=True)  # pages of forgotten runs go too
    context = runner.context(gx_root)
    context.build_data_docs()
    shutil.copytree(_site(gx_root), to)
    for page in [*to.rglob("*.html"), *to.rglob("*.css")]:
        _offline(page)
    suites = sorted(context.suites.all(), key=lambda s: s.name)
    names = [s.name for s in suites]
    passed = _last_success(context)
    rows = "\n".join(_row(to, name, passed.get(name)) for name in names)
    (to / "index.html").write_text(INDEX.format(rows=rows), encoding="utf-8")
    return names
