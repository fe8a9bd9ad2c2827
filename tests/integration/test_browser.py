"""A real browser (Debian's chromium, headless) opens the Data Docs from the portal's home page
and finds every suite, and opens the portal's pages at desktop and phone widths; screenshots are
kept in tests/artifacts/. ``make browser`` installs chromium and the Thai fonts, and ``make test``
runs it first."""

import csv
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from expectations import runner

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
# As the machine's notes say chromium must start here: no sandbox as root, and no background
# connections to Google's hosts, which this closed network refuses.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def chromium(profile: Path, *args: str) -> str:
    executable = shutil.which("chromium")
    assert executable, "chromium is not installed: `make browser` installs it"
    done = subprocess.run(
        [executable, *FLAGS, f"--user-data-dir={profile}", *args], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_the_home_page_leads_to_data_docs_listing_every_suite(portal, demo_build, tmp_path):
    home = chromium(tmp_path / "profile", "--dump-dom", f"{portal}/")
    link = re.search(r'href="([^"]*data-docs/index\.html)"', home)
    assert link, "the home page links to the Data Docs"
    docs = urljoin(f"{portal}/", link.group(1))
    rendered = chromium(tmp_path / "profile", "--dump-dom", docs)
    listed = set(re.findall(r'<td class="suite">([^<]+)</td>', rendered))
    stored = {s.name for s in runner.context(demo_build.config.gx_dir).suites.all()}
    assert listed == stored and len(listed) > 40
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "data-docs-index.png"
    chromium(tmp_path / "profile", f"--screenshot={shot}", "--window-size=1280,1600", docs)
    assert shot.read_bytes().startswith(b"\x89PNG")


# The portal's pages in Playwright driving the same Debian chromium, at a desktop's width and a
# phone's: each draws its charts and map, quotes the strategy, fits the screen, and asks nothing
# of any host but the server.
PAGES = {
    "home": ("/", "ยุทธศาสตร์การจัดสวัสดิการสังคมจังหวัดนครสวรรค์"),
    "indicator": ("/indicators/S2.1", None),
    "indicator-rate": ("/indicators/D1.1?area=6001", None),
    "area": ("/areas/6001", "เมืองนครสวรรค์"),
}
WIDTHS = {"desktop": 1280, "phone": 390}


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium")
    assert executable, "chromium is not installed: `make browser` installs it"
    with sync_playwright() as p:
        chromium_browser = p.chromium.launch(executable_path=executable, args=list(FLAGS[1:]))
        yield chromium_browser
        chromium_browser.close()


def test_thai_fonts_are_installed_for_the_browser():
    fonts = subprocess.run(["fc-list", ":lang=th", "family"], capture_output=True, text=True, check=True).stdout
    assert fonts.strip(), "no Thai font: `make browser` installs fonts-thai-tlwg"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_portal_pages_draw_in_a_real_browser(browser, portal, name, width):
    path, words = PAGES[name]
    page = browser.new_page(viewport={"width": WIDTHS[width], "height": 900})
    hosts = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    page.goto(f"{portal}{path}", wait_until="networkidle")
    text = page.inner_text("body")
    if name.startswith("indicator"):
        code = path.split("/")[2].split("?")[0]
        words = next(r for r in catalogue() if r["indicator_code"] == code)["name_th"]
        marks = page.locator(".chart svg.chart-svg .dot, .chart svg.chart-svg .bar").count()
        assert marks > 0, "the charts have marks"
    if name in ("indicator", "indicator-rate", "area"):
        assert page.locator("svg.grid-map rect").count() >= 5, "the map has its tiles"
    assert " ".join(words.split()) in " ".join(text.split())
    assert page.evaluate("document.documentElement.lang") == "th"
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTHS[width], "the page fits the screen"
    assert hosts == {urlsplit(portal).netloc}, hosts
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"portal-{name}-{width}.png", full_page=True)
    page.close()


def catalogue() -> list[dict]:
    with (Path(__file__).resolve().parents[2] / "seeds" / "indicators.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))
