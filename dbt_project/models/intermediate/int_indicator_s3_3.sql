-- S3.3 percentage growth of welfare spending by LAOs against the previous fiscal year.
-- The previous year is read from all loaded years, so the first reporting year has one too.
with spent as (
    {{ by_area_level(ref('int_lao_budgets_located'), 'sum(welfare_budget_spent) as spent') }}
)

select
    'S3.3' as indicator_code,
    s.area_level,
    s.area_code,
    s.fiscal_year,
    cast(this_year.spent as double) as numerator,
    cast(last_year.spent as double) as denominator,
    case when last_year.spent > 0
        then 100.0 * (this_year.spent - last_year.spent) / last_year.spent
    end as value,
    case when coalesce(last_year.spent, 0) = 0 then 'no_base_amount' end as null_reason
from {{ ref('int_area_year_spine') }} s
left join spent this_year
    on this_year.area_level = s.area_level and this_year.area_code = s.area_code
    and this_year.fiscal_year = s.fiscal_year
left join spent last_year
    on last_year.area_level = s.area_level and last_year.area_code = s.area_code
    and last_year.fiscal_year = s.fiscal_year - 1
