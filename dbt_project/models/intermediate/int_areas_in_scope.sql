-- Subdistricts of every province that any loaded source reports on.
with reported as (
    select subdistrict_code from {{ ref('stg_welfare_orgs') }}
    union
    select subdistrict_code from {{ ref('stg_lao_budgets') }}
    union
    select subdistrict_code from {{ ref('stg_welfare_registry') }}
),

provinces as (
    select distinct a.province_code
    from reported r
    join {{ ref('stg_areas') }} a on a.subdistrict_code = r.subdistrict_code
)

select a.subdistrict_code, a.district_code, a.province_code
from {{ ref('stg_areas') }} a
join provinces p on p.province_code = a.province_code
