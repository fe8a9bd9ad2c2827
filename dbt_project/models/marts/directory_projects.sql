-- Welfare projects, with their place. Beneficiaries are counts of people, so they stay out.
select
    p.project_id,
    p.project_name,
    p.owner,
    p.sector,
    p.fiscal_year,
    p.budget,
    p.funding_source,
    p.target_group,
    a.subdistrict_code,
    a.subdistrict_name_th,
    a.district_code,
    a.district_name_th,
    a.province_code
from {{ ref('stg_projects') }} as p
inner join {{ ref('stg_areas') }} as a on p.subdistrict_code = a.subdistrict_code
