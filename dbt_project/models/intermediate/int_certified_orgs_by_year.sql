-- Organisations counted by S2.1 in each fiscal year: public-benefit or community welfare
-- organisations certified on or before the fiscal-year end (a running stock).
select
    o.org_id,
    a.subdistrict_code,
    a.district_code,
    a.province_code,
    y.fiscal_year
from {{ ref('stg_welfare_orgs') }} o
join {{ ref('int_areas_in_scope') }} a on a.subdistrict_code = o.subdistrict_code
join {{ ref('stg_fiscal_years') }} y
    on o.certified_on <= y.ends_on
    and y.fiscal_year between {{ var('first_fiscal_year') }} and {{ var('last_fiscal_year') }}
where o.is_certified
    and (o.is_public_benefit_type or o.is_community_welfare_type)
