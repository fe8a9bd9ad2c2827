with source as (
    select * from {{ source('raw', 'projects') }}
),

renamed as (
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
        sufficiency_economy in {{ codes_in('yes_no', 'yes') }} as applies_sufficiency_economy,
        beneficiaries
    from source
)

select * from renamed
