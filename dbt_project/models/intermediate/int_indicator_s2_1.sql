-- S2.1 certified public-benefit and community welfare organisations, stock at fiscal-year end.
with counted as (
    {{ by_area_level(ref('int_certified_orgs_by_year'), 'count(distinct org_id) as numerator') }}
)

select
    'S2.1' as indicator_code,
    s.area_level,
    s.area_code,
    s.fiscal_year,
    coalesce(c.numerator, 0) as numerator,
    cast(null as double) as denominator,
    cast(coalesce(c.numerator, 0) as double) as value
from {{ ref('int_area_year_spine') }} s
left join counted c using (area_level, area_code, fiscal_year)
