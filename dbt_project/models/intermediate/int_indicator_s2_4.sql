-- S2.4 volunteers active at the fiscal-year end: joined by then and not left by then.
with counted as (
    {{ by_area_level(located_each_year(ref('stg_volunteers'),
        'r.joined_on <= y.ends_on and (r.left_on is null or r.left_on > y.ends_on)'),
        'count(distinct person_key) as numerator', fiscal_year='reporting_year') }}
)

{{ count_indicator('S2.4', 'counted') }}
