-- S3.3 percentage growth of welfare spending by LAOs against the previous fiscal year.
-- The previous year is read from all loaded years, so the first reporting year has one too.
-- Amounts are decimals: the difference is exact, the ratio a double (Spark would round a
-- quotient of large decimals to 6 places).
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
    case
        when last_year.spent > 0
            then 100.0 * cast(this_year.spent - last_year.spent as double) / cast(last_year.spent as double)
    end as value,
    case when coalesce(last_year.spent, 0) = 0 then 'no_base_amount' end as null_reason
from {{ ref('int_area_year_spine') }} as s
left join spent as this_year
    on
        s.area_level = this_year.area_level and s.area_code = this_year.area_code
        and s.fiscal_year = this_year.fiscal_year
left join spent as last_year
    on
        s.area_level = last_year.area_level and s.area_code = last_year.area_code
        and last_year.fiscal_year = s.fiscal_year - 1
