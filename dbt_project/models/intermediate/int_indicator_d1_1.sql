-- D1.1 people in the welfare register by the fiscal-year end, per 1,000 population.
with counted as (
    {{ by_area_level(located_each_year(ref('stg_welfare_registry'), 'r.registered_on <= y.ends_on'),
        'count(distinct person_key) as numerator', fiscal_year='reporting_year') }}
)

{{ rate_indicator('D1.1', 'counted') }}
