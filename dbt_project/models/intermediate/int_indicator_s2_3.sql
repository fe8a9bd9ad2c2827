-- S2.3 welfare projects and activities of every sector in the fiscal year.
with counted as (
    {{ by_area_level(located(ref('stg_projects')), 'count(distinct project_id) as numerator',
        fiscal_year='reporting_year') }}
)

{{ count_indicator('S2.3', 'counted') }}
