-- S4.1 villages assessed in the fiscal year at พออยู่พอกิน or above.
with counted as (
    {{ by_area_level(located(ref('stg_sufficiency_villages'), 'is_sufficiency_village'),
        'count(distinct village_code) as numerator', fiscal_year='reporting_year') }}
)

{{ count_indicator('S4.1', 'counted') }}
