-- S3.2 LAOs that allocate a welfare budget above zero in the fiscal year.
with counted as (
    {{ by_area_level(ref('int_lao_budgets_located'),
        'count(distinct case when welfare_budget_allocated > 0 then lao_code end) as numerator') }}
)

{{ count_indicator('S3.2', 'counted') }}
