-- S4.2 projects in the fiscal year that apply the sufficiency-economy philosophy.
with counted as (
    {{ by_area_level(located(ref('stg_projects'), 'applies_sufficiency_economy'),
        'count(distinct project_id) as numerator', fiscal_year='reporting_year') }}
)

{{ count_indicator('S4.2', 'counted') }}
