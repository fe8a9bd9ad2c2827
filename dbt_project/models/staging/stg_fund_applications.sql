with source as (
    select * from {{ source('raw', 'fund_applications') }}
),

renamed as (
    select
        application_id,
        org_id,
        org_name,
        subdistrict_code,
        fiscal_year,
        submitted_on,
        amount_requested,
        amount_approved,
        application_status
    from source
)

select * from renamed
