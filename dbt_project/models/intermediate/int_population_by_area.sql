-- Registered population per area and year: the denominator of every rate per 1,000 people.
-- DOPA counts people on 31 December, which falls in the fiscal year of the same number.
-- Each subdistrict reports each sex on its own row. Where a row is missing (quarantined, or
-- never sent) the area's total would be short and its rates too high, so the area-year is
-- marked incomplete and rates on it are not published: the country's, unless every subdistrict of
-- the country reported.
with counted as (
    {{ by_area_level(located(ref('stg_population'), fiscal_year='population_year'),
        'sum(population) as population, count(*) as cells_reported', fiscal_year='reporting_year') }}
),

expected as (
    {{ by_area_level(ref('stg_areas'), 'count(*) * ' ~ code_count('sex') ~ ' as cells_expected',
        fiscal_year=none) }}
)

select
    s.area_level,
    s.area_code,
    s.fiscal_year,
    c.population,
    coalesce(c.cells_reported, 0) as cells_reported,
    e.cells_expected,
    coalesce(c.cells_reported, 0) = e.cells_expected as is_complete
from {{ ref('int_area_year_spine') }} as s
inner join expected as e on s.area_level = e.area_level and s.area_code = e.area_code
left join counted as c on s.area_level = c.area_level and s.area_code = c.area_code and s.fiscal_year = c.fiscal_year
