-- S2.6 creative social media pieces the committee approved in the fiscal year.
with counted as (
    {{ by_area_level(located(ref('stg_creative_media'), 'approved'),
        'count(distinct media_id) as numerator', fiscal_year='reporting_year') }}
)

{{ count_indicator('S2.6', 'counted') }}
