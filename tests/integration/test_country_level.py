"""With several provinces loaded, every indicator is also computed for the country, the country
adds up from its provinces, and disclosure control holds across the extra level."""

import httpx
import pytest
import test_disclosure
from conftest import serving
from published import rows

from orchestration import build, settings
from orchestration.demo.generator import generate

PROVINCES = ["60", "62"]  # Nakhon Sawan and Kamphaeng Phet


@pytest.fixture(scope="module")
def two_provinces(tmp_path_factory):
    config = settings.Settings(tmp_path_factory.mktemp("two_provinces"))
    generate(config.landing_dir, PROVINCES, seed=7, scale=0.005)
    assert build.run(config).success
    return config.publish_dir / "live" / "welfare.db"


def test_the_portal_opens_on_the_country_and_reaches_every_province(two_provinces):
    with serving(two_provinces.parents[2]) as base, httpx.Client(base_url=base) as client:
        home = client.get("/").text
        assert "ประเทศไทย" in home or "Thailand" in home
        indicator = client.get("/indicators/S2.1")  # the country first, then any province or district
        assert indicator.status_code == 200 and 'value="TH" selected' in indicator.text
        assert "เปรียบเทียบรายจังหวัด" in indicator.text and 'class="grid-map"' in indicator.text  # provinces compared
        for province in PROVINCES:
            assert f'href="/areas/{province}"' in client.get("/areas").text
            page = client.get(f"/indicators/S2.1?area={province}")
            assert page.status_code == 200 and 'class="grid-map"' in page.text
            assert client.get(f"/areas/{province}").status_code == 200


def test_one_province_has_no_country_level(demo_build):
    assert rows(demo_build.published_db, "SELECT count(*) FROM indicator_values WHERE area_level = 'country'") == [(0,)]


def test_every_indicator_has_a_country_value(two_provinces):
    indicators = rows(two_provinces, "SELECT count(*) FROM dim_indicators")[0][0]
    reached = rows(two_provinces, "SELECT count(DISTINCT indicator_code) FROM indicator_values WHERE area_code = 'TH'")
    assert reached == [(indicators,)]


def test_the_country_adds_up_from_its_provinces(two_provinces):
    mismatches = rows(
        two_provinces,
        """
        SELECT c.indicator_code, c.fiscal_year, c.numerator, sum(p.numerator)
        FROM indicator_values c
        JOIN dim_indicators i ON i.indicator_code = c.indicator_code AND i.aggregation = 'sum'
        JOIN indicator_values p ON p.indicator_code = c.indicator_code AND p.fiscal_year = c.fiscal_year
            AND p.area_level = 'province'
        WHERE c.area_level = 'country' AND NOT c.is_suppressed
        GROUP BY c.indicator_code, c.fiscal_year, c.numerator
        HAVING count(p.numerator) = 2 AND c.numerator <> sum(p.numerator)""",
    )
    assert not mismatches


def test_disclosure_control_holds_with_the_country_level(two_provinces):
    cells, _ = test_disclosure.attacker_view(two_provinces)
    assert any("TH" in areas for areas in cells.values())
    audited, narrow = test_disclosure.narrow_cells(two_provinces)
    assert narrow == [] and audited > 0


def test_the_countrys_rates_wait_for_the_whole_countrys_population(two_provinces):
    """Two provinces are not the country: its counts add them up, but a rate per 1,000 people of
    Thailand needs every subdistrict of Thailand in the population."""
    rates = rows(
        two_provinces,
        """
        SELECT v.value IS NULL, v.null_reason, count(*)
        FROM indicator_values v
        JOIN dim_indicators i ON i.indicator_code = v.indicator_code AND i.unit_en LIKE '%1,000%'
        WHERE v.area_level = 'country'
        GROUP BY 1, 2""",
    )
    reasons = {reason for _, reason, _ in rates}
    assert rates and {withheld for withheld, _, _ in rates} == {1}
    assert "population_incomplete" in reasons and reasons <= {"population_incomplete", "suppressed"}
    provinces = rows(
        two_provinces,
        "SELECT count(*) FROM indicator_values WHERE area_level = 'province' AND indicator_code = 'D1.2' "
        "AND value IS NOT NULL",
    )
    assert provinces[0][0] > 0
