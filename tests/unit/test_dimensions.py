"""Areas come from geothai; fiscal years follow the Thai October-to-September calendar."""

from datetime import date

from orchestration import dimensions


def test_areas_cover_the_country_and_nakhon_sawan():
    areas = dimensions.areas().to_pylist()
    assert len(areas) == 7436
    assert len({a["district_code"] for a in areas}) == 928
    assert len({a["province_code"] for a in areas}) == 77
    nakhon_sawan = [a for a in areas if a["province_code"] == "60"]
    assert len(nakhon_sawan) == 130
    assert len({a["district_code"] for a in nakhon_sawan}) == 15
    assert {a["province_name_en"] for a in nakhon_sawan} == {"Nakhon Sawan"}


def test_fiscal_year_2567_runs_october_2023_to_september_2024():
    years = {y["fiscal_year"]: y for y in dimensions.fiscal_years().to_pylist()}
    assert years[2567]["starts_on"] == date(2023, 10, 1)
    assert years[2567]["ends_on"] == date(2024, 9, 30)
    assert years[2567]["fiscal_year_ce"] == 2024


def test_abolished_codes_are_not_current_subdistricts():
    current = {a["subdistrict_code"] for a in dimensions.areas().to_pylist()}
    abolished = {a["code"] for a in dimensions.abolished().to_pylist() if a["level"] == "subdistrict"}
    assert abolished and not abolished & current
