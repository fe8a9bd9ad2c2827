-- S3.2 LAOs that allocate a welfare budget above zero in the fiscal year.
with counted as (
    {{ by_area_level(ref('int_lao_budgets_located'),
        'count(distinct case when welfare_budget_allocated > 0 then lao_code end) as numerator') }}
)

select
    'S3.2' as indicator_code,
    s.area_level,
    s.area_code,
    s.fiscal_year,
    coalesce(c.numerator, 0) as numerator,
    cast(null as double) as denominator,
    cast(coalesce(c.numerator, 0) as double) as value
from {{ ref('int_area_year_spine') }} s
left join counted c using (area_level, area_code, fiscal_year)
