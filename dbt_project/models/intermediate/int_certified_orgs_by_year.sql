-- Organisations counted by S2.1 in each fiscal year: public-benefit or community welfare
-- organisations certified on or before the fiscal-year end (a running stock).
select
    o.org_id,
    a.subdistrict_code,
    a.district_code,
    a.province_code,
    y.fiscal_year
from {{ ref('stg_welfare_orgs') }} as o
inner join {{ ref('stg_areas') }} as a on o.subdistrict_code = a.subdistrict_code
inner join {{ ref('stg_fiscal_years') }} as y
    on
        o.certified_on <= y.ends_on
        and y.in_reporting_period
where
    o.is_certified
    and (o.is_public_benefit_type or o.is_community_welfare_type)
