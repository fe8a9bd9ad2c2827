"""Where the warehouse keeps its files, and the pseudonymisation key, from the environment."""

import os
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# The demo key is public on purpose: demo data is fictitious. Real data needs WELFARE_HMAC_KEY,
# and ingestion refuses any file but the demo generator's while the demo key is in use.
DEMO_HMAC_KEY = "welfare-demo-key-not-secret"
DEMO_KEY_NOTICE = (
    "no WELFARE_HMAC_KEY is set: citizen IDs are pseudonymised with the public demo key, so "
    "only the demo generator's files are loaded (see README, 'The pseudonymisation key')"
)


@dataclass(frozen=True)
class Settings:
    data_dir: Path

    @property
    def landing_dir(self) -> Path:
        return self.data_dir / "landing"

    @property
    def warehouse_path(self) -> Path:
        return self.data_dir / "warehouse.duckdb"

    @property
    def publish_dir(self) -> Path:
        return self.data_dir / "publish"

    @property
    def dagster_home(self) -> Path:
        return self.data_dir / "dagster"

    @property
    def lock_path(self) -> Path:
        """Held by the build using the warehouse (see lock.py)."""
        return self.data_dir / "build.lock"

    @property
    def scratch_dir(self) -> Path:
        """Working copies of landing files while they are read (personal data): in the data folder."""
        return self.data_dir / "tmp"

    @property
    def duckdb_spill_dir(self) -> Path:
        """Where DuckDB spills what does not fit in its memory limit: in the data folder, since a
        spill can hold personal data. dbt's profile names the same folder."""
        return self.scratch_dir / "duckdb"

    @property
    def gx_dir(self) -> Path:
        """The GX context: suites, every validation result, Data Docs."""
        return self.data_dir / "gx"

    @property
    def dbt_artifacts(self) -> Path:
        """dbt's target folders and logs, one per run."""
        return self.data_dir / "dbt"


def from_environment() -> Settings:
    """WELFARE_DATA_DIR (default ./data) is also what dbt's profile reads, so both agree."""
    data_dir = Path(os.environ.setdefault("WELFARE_DATA_DIR", str(REPO / "data"))).resolve()
    os.environ["WELFARE_DATA_DIR"] = str(data_dir)
    return Settings(data_dir)


def duckdb_memory_limit() -> str:
    """How much memory DuckDB may take before it spills to disk; dbt's profile reads the same
    variable with the same default."""
    return os.environ.get("WELFARE_DUCKDB_MEMORY", "4GB")


def public_url() -> str:
    """Where the portal is reached from outside; the catalogue records link to it (DCAT, CKAN)."""
    return os.environ.get("WELFARE_PUBLIC_URL", "http://127.0.0.1:8001").rstrip("/")


def suppression_threshold() -> int:
    """Counts of people below this are hidden (WELFARE_SUPPRESSION_THRESHOLD, default 5)."""
    return int(os.environ.get("WELFARE_SUPPRESSION_THRESHOLD", "5"))


def publication_settings(landing_dir: Path) -> dict:
    """The settings that change what is published, recorded with each release."""
    return {"demo": (landing_dir / "manifest.json").exists(), "suppression_threshold": suppression_threshold()}


def hmac_key() -> bytes:
    return os.environ.get("WELFARE_HMAC_KEY", DEMO_HMAC_KEY).encode()


def uses_demo_key() -> bool:
    return not os.environ.get("WELFARE_HMAC_KEY")
