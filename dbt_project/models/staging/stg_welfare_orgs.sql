with source as (
    select * from {{ source('raw', 'welfare_orgs') }}
),

renamed as (
    select
        org_id,
        org_name,
        org_type,
        subdistrict_code,
        certification_status,
        certified_on,
        {{ fiscal_year_be('certified_on') }} as certified_fiscal_year,
        target_groups,
        org_type in {{ codes_in('org_type', 'public_benefit') }} as is_public_benefit_type,
        org_type in {{ codes_in('org_type', 'community_welfare') }} as is_community_welfare_type,
        -- Certified once the subcommittee approved; later steps only deliver the certificate.
        certification_status in {{ codes_in('certification_status', 'certified') }}
        and certified_on is not null as is_certified,
        _source_file,
        _row_number
    from source
)

select * from renamed
