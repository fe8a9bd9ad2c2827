with source as (
    select * from {{ source('raw', 'projects') }}
)

select
    project_id,
    project_name,
    owner,
    sector,
    subdistrict_code,
    fiscal_year,
    budget,
    funding_source,
    target_group,
    sufficiency_economy = 'ใช่' as applies_sufficiency_economy,
    beneficiaries
from source
