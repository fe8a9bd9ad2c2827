-- S4.3 LAOs contributing to community welfare funds in the fiscal year.
with counted as (
    {{ by_area_level(ref('int_lao_budgets_located'),
        'count(distinct case when community_fund_contribution > 0 then lao_code end) as numerator') }}
)

{{ count_indicator('S4.3', 'counted') }}
