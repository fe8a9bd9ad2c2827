-- Every area at every level × every reporting fiscal year, so that an area with nothing to
-- count shows 0 rather than disappearing. The country (TH) is a level when several provinces
-- are loaded.
with years as (
    select
        fiscal_year,
        ends_on
    from {{ ref('stg_fiscal_years') }}
    where in_reporting_period
),

levels as (
    select distinct
        'subdistrict' as area_level,
        subdistrict_code as area_code
    from {{ ref('int_areas_in_scope') }}
    union all
    select distinct
        'district' as area_level,
        district_code as area_code
    from {{ ref('int_areas_in_scope') }}
    union all
    select distinct
        'province' as area_level,
        province_code as area_code
    from {{ ref('int_areas_in_scope') }}
    union all
    select
        'country' as area_level,
        'TH' as area_code
    where {{ several_provinces_loaded() }}
)

select
    levels.area_level,
    levels.area_code,
    years.fiscal_year,
    years.ends_on as fiscal_year_ends_on
from levels
cross join years
