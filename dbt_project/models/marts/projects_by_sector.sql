-- Welfare projects per area and fiscal year, by the sector that runs them and the source of
-- their funding. Beneficiary counts are left out: they count people and are not suppressed here.
with counted as (
    {{ by_area_level(located(ref('stg_projects')), "
        count(distinct project_id) as projects,
        count(distinct case when applies_sufficiency_economy then project_id end) as sufficiency_economy_projects,
        sum(budget) as budget", fiscal_year='reporting_year', by=['sector', 'funding_source']) }}
)

select
    c.area_level,
    c.area_code,
    a.name_th as area_name_th,
    a.name_en as area_name_en,
    c.fiscal_year,
    c.sector,
    c.funding_source,
    c.projects,
    c.sufficiency_economy_projects,
    c.budget
from counted c
join {{ ref('dim_areas') }} a on a.area_level = c.area_level and a.area_code = c.area_code
