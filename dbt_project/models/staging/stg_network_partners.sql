with source as (
    select * from {{ source('raw', 'network_partners') }}
),

renamed as (
    select
        partner_id,
        partner_name,
        sector,
        subdistrict_code,
        joined_on,
        fiscal_year as assessed_fiscal_year,
        quality_result in {{ codes_in('pass_fail', 'passed') }} as meets_quality_criteria
    from source
)

select * from renamed
