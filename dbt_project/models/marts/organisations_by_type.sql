-- Welfare organisations on the register now, by type and certification status, in every area.
-- Organisations are not people: small counts are published as they are.
with located as (
    select
        o.*,
        a.district_code,
        a.province_code
    from {{ ref('stg_welfare_orgs') }} as o
    inner join {{ ref('stg_areas') }} as a on o.subdistrict_code = a.subdistrict_code
),

counted as (
    {{ by_area_level('located', 'count(*) as organisations', fiscal_year=none,
        by=['org_type', 'certification_status', 'is_certified'], country_if_several_provinces=true) }}
)

{{ with_area_names('counted', ['org_type', 'certification_status', 'is_certified', 'organisations']) }}
