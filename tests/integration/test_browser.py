"""A real browser (Debian's chromium, headless) opens the Data Docs from the portal's home page
and finds every suite; its screenshot is kept in tests/artifacts/. ``make browser`` installs
chromium and the Thai fonts, and ``make test`` runs it first."""

import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urljoin

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
