with source as (
    select * from {{ source('raw', 'welfare_orgs') }}
)

select
    org_id,
    org_name,
    org_type,
    subdistrict_code,
    certification_status,
    certified_on,
    {{ fiscal_year_be('certified_on') }} as certified_fiscal_year,
    target_groups,
    org_type in ('มูลนิธิ', 'สมาคม', 'องค์กรภาคเอกชน') as is_public_benefit_type,
    org_type = 'องค์กรสวัสดิการชุมชน' as is_community_welfare_type,
    -- Certified once the subcommittee approved; later steps only deliver the certificate.
    certification_status in ('อนุกรรมการรับรอง', 'ส่งใบสำคัญ', 'ประกาศราชกิจจานุเบกษา')
        and certified_on is not null as is_certified,
    _source_file,
    _row_number
from source
