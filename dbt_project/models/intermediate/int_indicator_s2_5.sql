-- S2.5 partner organisations that passed a capacity-building training in the fiscal year.
with counted as (
    {{ by_area_level(located(ref('stg_capacity_trainings'), 'passed'),
        'count(distinct partner_id) as numerator', fiscal_year='reporting_year') }}
)

{{ count_indicator('S2.5', 'counted') }}
