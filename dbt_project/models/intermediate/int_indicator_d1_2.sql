-- D1.2 people given social assistance in the fiscal year, per 1,000 population. A person may be
-- given assistance more than once: counted once in each area and year.
with assisted as (
    {{ flag_shared_keys(ref('stg_social_assistance'), 'person_key') }}
),

counted as (
    {{ by_area_level(located('assisted'), count_distinct_mostly_unique('person_key') ~ ' as numerator',
        fiscal_year='reporting_year') }}
)

{{ rate_indicator('D1.2', 'counted') }}
