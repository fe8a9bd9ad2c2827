-- D1.1 people in the welfare register at the fiscal-year end, per 1,000 population. The register
-- is a stock: a person counts from registration until they leave it (death, moving away,
-- losing eligibility).
with registry as (
    {{ flag_shared_keys(ref('stg_welfare_registry'), 'person_key') }}
),

counted as (
    {{ by_area_level(located_each_year('registry',
        'r.registered_on <= y.ends_on and (r.exited_on is null or r.exited_on > y.ends_on)'),
        count_distinct_mostly_unique('person_key') ~ ' as numerator', fiscal_year='reporting_year') }}
)

{{ rate_indicator('D1.1', 'counted') }}
