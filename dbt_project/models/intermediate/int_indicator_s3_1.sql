-- S3.1 network partners whose quality assessment in the fiscal year meets the criteria.
with counted as (
    {{ by_area_level(located(ref('stg_network_partners'), 'meets_quality_criteria', 'assessed_fiscal_year'),
        'count(distinct partner_id) as numerator', fiscal_year='reporting_year') }}
)

{{ count_indicator('S3.1', 'counted') }}
