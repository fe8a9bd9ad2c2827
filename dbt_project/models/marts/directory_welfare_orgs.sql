-- Certified welfare organisations are public bodies: a directory of them, with their place.
select
    o.org_id,
    o.org_name,
    o.org_type,
    o.certification_status,
    o.certified_fiscal_year,
    a.subdistrict_code,
    a.subdistrict_name_th,
    a.district_code,
    a.district_name_th,
    a.province_code
from {{ ref('stg_welfare_orgs') }} as o
inner join {{ ref('stg_areas') }} as a on o.subdistrict_code = a.subdistrict_code
where o.is_certified
