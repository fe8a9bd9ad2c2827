with source as (
    select * from {{ source('raw', 'fund_applications') }}
)

select
    application_id,
    org_id,
    org_name,
    subdistrict_code,
    fiscal_year,
    submitted_on,
    amount_requested,
    amount_approved,
    status
from source
