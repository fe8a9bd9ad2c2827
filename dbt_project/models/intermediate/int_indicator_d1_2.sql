-- D1.2 people given social assistance in the fiscal year, per 1,000 population.
with counted as (
    {{ by_area_level(located(ref('stg_social_assistance')), 'count(distinct person_key) as numerator',
        fiscal_year='reporting_year') }}
)

{{ rate_indicator('D1.2', 'counted') }}
