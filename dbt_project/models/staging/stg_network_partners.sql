with source as (
    select * from {{ source('raw', 'network_partners') }}
)

select
    partner_id,
    partner_name,
    sector,
    subdistrict_code,
    joined_on,
    fiscal_year as assessed_fiscal_year,
    quality_result = 'ผ่าน' as meets_quality_criteria
from source
