-- S2.2 network partners taking part in the fiscal year (assessed in it).
with counted as (
    {{ by_area_level(located(ref('stg_network_partners'), fiscal_year='assessed_fiscal_year'),
        'count(distinct partner_id) as numerator', fiscal_year='reporting_year') }}
)

{{ count_indicator('S2.2', 'counted') }}
