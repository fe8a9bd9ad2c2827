"""Where the warehouse keeps its files, and the pseudonymisation key, from the environment."""

import os
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# The demo key is public on purpose: demo data is fictitious. Real data needs WELFARE_HMAC_KEY.
DEMO_HMAC_KEY = "welfare-demo-key-not-secret"


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


def from_environment() -> Settings:
    """WELFARE_DATA_DIR (default ./data) is also what dbt's profile reads, so both agree."""
    data_dir = Path(os.environ.setdefault("WELFARE_DATA_DIR", str(REPO / "data"))).resolve()
    os.environ["WELFARE_DATA_DIR"] = str(data_dir)
    return Settings(data_dir)


def hmac_key() -> bytes:
    return os.environ.get("WELFARE_HMAC_KEY", DEMO_HMAC_KEY).encode()
