-- S2.1 certified public-benefit and community welfare organisations, stock at fiscal-year end.
with counted as (
    {{ by_area_level(ref('int_certified_orgs_by_year'), 'count(distinct org_id) as numerator') }}
)

{{ count_indicator('S2.1', 'counted') }}
