-- People in the welfare register at each fiscal-year end, by area: D1.1's numerator. The register
-- is a stock: a person counts from registration until they leave it (death, moving away, losing
-- eligibility).
with registry as (
    {{ flag_shared_keys(ref('stg_welfare_registry'), 'person_key') }}
)

{{ by_area_level(located_each_year('registry',
    'r.registered_on <= y.ends_on and (r.exited_on is null or r.exited_on > y.ends_on)'),
    count_distinct_mostly_unique('person_key') ~ ' as numerator', fiscal_year='reporting_year') }}
