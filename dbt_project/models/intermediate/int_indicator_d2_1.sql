-- D2.1 volunteers active at the fiscal-year end per 1,000 population.
with counted as (
    select
        area_level,
        area_code,
        fiscal_year,
        numerator
    from {{ ref('int_indicator_s2_4') }}
)

{{ rate_indicator('D2.1', 'counted') }}
